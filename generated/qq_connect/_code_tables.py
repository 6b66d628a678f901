# Generated from spec/code_tables.yaml; do not edit, run `make generate`.
"""Code tables of the spec. Each is open: unknown codes keep their number."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, ClassVar

from pydantic import BeforeValidator, InstanceOf

from ._convert import CodeValue

__all__ = [
    "Payway",
    "PaywayField",
]


class Payway(CodeValue):
    """QQ会员充值方式

    How a QQ membership was last paid for.

    Code 0 means none (无); codes not in the table read 其他渠道.
    """

    LABELS: ClassVar[Mapping[int, str]] = {
        5: "网银/财付通",  # Online banking / Tenpay
        100: "QQ卡",  # QQ card
        101: "声讯",  # Premium-rate phone
        102: "ESALES",  # ESALES
        103: "他人赠送",  # Gift from another user
        104: "索要",  # Requested from another user
        105: "公司活动赠送",  # Company promotion
        106: "免费",  # Free
        107: "电信卡",  # China Telecom card
        108: "手机充值卡",  # Mobile top-up card
        109: "广州收费易",  # Guangzhou Shoufeiyi
        110: "索要",  # Requested from another user
        111: "Q点",  # Q points
        112: "EPAY",  # EPAY
        113: "MPAY",  # MPAY
        114: "声讯预付费",  # Prepaid premium-rate phone
        115: "拍拍渠道",  # Paipai
        116: "申诉返还",  # Refund after appeal
        117: "手机ivr",  # Mobile IVR
        118: "Q币Q点",  # Q coins and Q points
        119: "Q点Q币",  # Q points and Q coins
    }
    NONE_CODE: ClassVar[int] = 0
    OTHER_LABEL: ClassVar[str] = "其他渠道"


# InstanceOf: the value is built by validate_wire; pydantic need not rebuild it.
PaywayField = Annotated[
    InstanceOf[Payway] | None, BeforeValidator(Payway.validate_wire)
]

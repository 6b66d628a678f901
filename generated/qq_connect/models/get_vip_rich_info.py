# Generated from spec/endpoints/get_vip_rich_info.yaml, spec/code_tables.yaml; do not edit, run `make generate`.
"""Typed result of /user/get_vip_rich_info: 获取已登录用户的关于QQ会员业务的详细资料。

QQ membership details of the logged-in user: membership history, when each privilege ends, how it was last paid for.
"""

from __future__ import annotations

from .._result import Result
from .._code_tables import PaywayField
from .._convert import Flag, Timestamp

__all__ = ["VipRichInfo"]


class VipRichInfo(Result):
    """A successful answer of /user/get_vip_rich_info (ret == 0).

    QQ membership details of the logged-in user: membership history, when each privilege ends, how it was last paid for.

    Unknown fields are kept (``model_extra``); flags are bool, timestamps aware UTC datetimes with 0 as None.

    Fields (each one's whole description: ``model_fields[name].description``):
        msg: Error message; in practice also set for positive codes, and empty or "success" on success. (如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码)
        is_lost: 1 when part of the data was lost or degraded. ((文档表格未列出,仅见于返回示例))
        is_qq_vip: Whether the user is a QQ member. (标识是否QQ会员(0:不是; 1:是))
        is_qq_year_vip: Whether the user is a yearly QQ member. ((文档表格未列出,仅见于返回示例))
        qq_vip_level: QQ membership level. ((文档表格未列出,仅见于返回示例))
        qq_vip_start: When the QQ membership was last paid for. (QQ会员最后一次充值时间)
        qq_vip_end: When the QQ membership ends. (QQ会员期限)
        qq_vip_payway: How the QQ membership was last paid for. (QQ会员充值方式)
        qq_year_vip_start: When the yearly QQ membership was last paid for. (QQ年费会员最后一次充值时间)
        qq_year_vip_end: When the yearly QQ membership ends. (QQ年费会员期限)
        qq_year_vip_payway: How the yearly QQ membership was last paid for. (QQ年费会员充值方式)
        qq_zuanhuang_start: When the QQ Zuanhuang (diamond) membership was last paid for. (QQ钻皇最后一次充值时间)
        qq_zuanhuang_end: When the QQ Zuanhuang membership ends. (QQ钻皇期限)
        qq_zuanhuang_payway: How the QQ Zuanhuang membership was last paid for. (QQ钻皇充值方式)
        qq_haohua_start: When the deluxe QQ membership was last paid for. (豪华版QQ会员最后一次充值时间)
        qq_haohua_end: When the deluxe QQ membership ends. (豪华版QQ会员期限)
        qq_haohua_payway: How the deluxe QQ membership was last paid for. (豪华版QQ会员充值方式)
        qq_svip_start: When QQ SVIP was last paid for. (QQ SVIP最后一次充值时间,预留字段,当前信息无效)
        qq_svip_end: When QQ SVIP ends. (QQ SVIP期限,预留字段,当前信息无效)
        qq_svip_payway: How QQ SVIP was last paid for. (QQ SVIP充值方式,预留字段,当前信息无效)
        history_pay_time: When a non-member last paid in the past. (非会员历史充值时间,仅在用户是非会员时信息有效)
        history_end_time: When a non-member's past membership ended. (非会员历史充值到期时间,仅在用户是非会员时信息有效)
    """

    msg: str
    """如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码

    Error message; in practice also set for positive codes, and empty or "success" on success.
    """

    is_lost: Flag | None = None
    """(文档表格未列出,仅见于返回示例)

    1 when part of the data was lost or degraded.

    Example-only: the page's example shows it, its table does not.

    is_lost = 1 means the data is degraded; do not cache it.
    """

    is_qq_vip: Flag
    """标识是否QQ会员(0:不是; 1:是)

    Whether the user is a QQ member.
    """

    is_qq_year_vip: Flag | None = None
    """(文档表格未列出,仅见于返回示例)

    Whether the user is a yearly QQ member.

    Example-only: the page's example shows it, its table does not.
    """

    qq_vip_level: int | None = None
    """(文档表格未列出,仅见于返回示例)

    QQ membership level.

    Example-only: the page's example shows it, its table does not.
    """

    qq_vip_start: Timestamp
    """QQ会员最后一次充值时间

    When the QQ membership was last paid for.
    """

    qq_vip_end: Timestamp
    """QQ会员期限

    When the QQ membership ends.
    """

    qq_vip_payway: PaywayField
    """QQ会员充值方式

    How the QQ membership was last paid for.
    """

    qq_year_vip_start: Timestamp
    """QQ年费会员最后一次充值时间

    When the yearly QQ membership was last paid for.
    """

    qq_year_vip_end: Timestamp
    """QQ年费会员期限

    When the yearly QQ membership ends.
    """

    qq_year_vip_payway: PaywayField
    """QQ年费会员充值方式

    How the yearly QQ membership was last paid for.
    """

    qq_zuanhuang_start: Timestamp
    """QQ钻皇最后一次充值时间

    When the QQ Zuanhuang (diamond) membership was last paid for.
    """

    qq_zuanhuang_end: Timestamp
    """QQ钻皇期限

    When the QQ Zuanhuang membership ends.
    """

    qq_zuanhuang_payway: PaywayField
    """QQ钻皇充值方式

    How the QQ Zuanhuang membership was last paid for.
    """

    qq_haohua_start: Timestamp
    """豪华版QQ会员最后一次充值时间

    When the deluxe QQ membership was last paid for.
    """

    qq_haohua_end: Timestamp
    """豪华版QQ会员期限

    When the deluxe QQ membership ends.
    """

    qq_haohua_payway: PaywayField
    """豪华版QQ会员充值方式

    How the deluxe QQ membership was last paid for.
    """

    qq_svip_start: Timestamp
    """QQ SVIP最后一次充值时间,预留字段,当前信息无效

    When QQ SVIP was last paid for.

    Reserved field; its value is currently meaningless.
    """

    qq_svip_end: Timestamp
    """QQ SVIP期限,预留字段,当前信息无效

    When QQ SVIP ends.

    Reserved field; its value is currently meaningless.
    """

    qq_svip_payway: PaywayField
    """QQ SVIP充值方式,预留字段,当前信息无效

    How QQ SVIP was last paid for.

    Reserved field; its value is currently meaningless.
    """

    history_pay_time: Timestamp
    """非会员历史充值时间,仅在用户是非会员时信息有效

    When a non-member last paid in the past.

    Only meaningful when the user is not a member.
    """

    history_end_time: Timestamp
    """非会员历史充值到期时间,仅在用户是非会员时信息有效

    When a non-member's past membership ended.

    Only meaningful when the user is not a member.
    """

    @property
    def is_degraded(self) -> bool:
        """True when is_lost = 1: part of the data was lost; do not cache it."""
        return bool(self.is_lost)

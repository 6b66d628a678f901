# Generated from spec/api.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""What the spec says of each endpoint's answers, for the contract check."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ._check import Contract, FieldRule
from ._return_codes import RETURN_CODES

__all__ = ["CONTRACTS"]

_LISTED_RETURNS: Final = frozenset(RETURN_CODES)

CONTRACTS: Final[Mapping[str, Contract]] = {
    "get_vip_rich_info": Contract("get_vip_rich_info", {
        "ret": FieldRule("return_code", True),
        "msg": FieldRule("text", True),
        "is_lost": FieldRule("flag", False),
        "is_qq_vip": FieldRule("flag", True),
        "is_qq_year_vip": FieldRule("flag", False),
        "qq_vip_level": FieldRule("level", False),
        "qq_vip_start": FieldRule("timestamp", True),
        "qq_vip_end": FieldRule("timestamp", True),
        "qq_vip_payway": FieldRule("code", True, frozenset({5, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}), 0),
        "qq_year_vip_start": FieldRule("timestamp", True),
        "qq_year_vip_end": FieldRule("timestamp", True),
        "qq_year_vip_payway": FieldRule("code", True, frozenset({5, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}), 0),
        "qq_zuanhuang_start": FieldRule("timestamp", True),
        "qq_zuanhuang_end": FieldRule("timestamp", True),
        "qq_zuanhuang_payway": FieldRule("code", True, frozenset({5, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}), 0),
        "qq_haohua_start": FieldRule("timestamp", True),
        "qq_haohua_end": FieldRule("timestamp", True),
        "qq_haohua_payway": FieldRule("code", True, frozenset({5, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}), 0),
        "qq_svip_start": FieldRule("timestamp", True),
        "qq_svip_end": FieldRule("timestamp", True),
        "qq_svip_payway": FieldRule("code", True, frozenset({5, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}), 0),
        "history_pay_time": FieldRule("timestamp", True),
        "history_end_time": FieldRule("timestamp", True),
    }, _LISTED_RETURNS, "data"),
    "get_vip_info": Contract("get_vip_info", {
        "ret": FieldRule("return_code", True),
        "msg": FieldRule("text", True),
        "is_qq_vip": FieldRule("flag", True),
        "is_qq_year_vip": FieldRule("flag", True),
        "qq_vip_level": FieldRule("level", False),
    }, _LISTED_RETURNS, "data"),
}

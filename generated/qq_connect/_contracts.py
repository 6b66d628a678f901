# Generated from spec/api.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml, spec/endpoints/exchange_code.yaml, spec/endpoints/refresh_access_token.yaml, spec/endpoints/get_openid.yaml, spec/endpoints/get_user_info.yaml, spec/endpoints/get_simple_userinfo.yaml; do not edit, run `make generate`.
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
        "ret": FieldRule("return_code", "documented"),
        "msg": FieldRule("text", "documented", wire_type="string"),
        "is_lost": FieldRule("flag", "example_only"),
        "is_qq_vip": FieldRule("flag", "documented"),
        "is_qq_year_vip": FieldRule("flag", "example_only"),
        "qq_vip_level": FieldRule("level", "example_only"),
        "qq_vip_start": FieldRule("timestamp", "documented"),
        "qq_vip_end": FieldRule("timestamp", "documented"),
        "qq_vip_payway": FieldRule("code", "documented", frozenset({5, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}), 0),
        "qq_year_vip_start": FieldRule("timestamp", "documented"),
        "qq_year_vip_end": FieldRule("timestamp", "documented"),
        "qq_year_vip_payway": FieldRule("code", "documented", frozenset({5, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}), 0),
        "qq_zuanhuang_start": FieldRule("timestamp", "documented"),
        "qq_zuanhuang_end": FieldRule("timestamp", "documented"),
        "qq_zuanhuang_payway": FieldRule("code", "documented", frozenset({5, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}), 0),
        "qq_haohua_start": FieldRule("timestamp", "documented"),
        "qq_haohua_end": FieldRule("timestamp", "documented"),
        "qq_haohua_payway": FieldRule("code", "documented", frozenset({5, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}), 0),
        "qq_svip_start": FieldRule("timestamp", "documented"),
        "qq_svip_end": FieldRule("timestamp", "documented"),
        "qq_svip_payway": FieldRule("code", "documented", frozenset({5, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119}), 0),
        "history_pay_time": FieldRule("timestamp", "documented"),
        "history_end_time": FieldRule("timestamp", "documented"),
    }, _LISTED_RETURNS, "data",
        encodings=("json", "xml",)),
    "get_vip_info": Contract("get_vip_info", {
        "ret": FieldRule("return_code", "documented"),
        "msg": FieldRule("text", "documented", wire_type="string"),
        "is_qq_vip": FieldRule("flag", "documented"),
        "is_qq_year_vip": FieldRule("flag", "documented"),
        "qq_vip_level": FieldRule("level", "example_only"),
    }, _LISTED_RETURNS, "data",
        encodings=("json", "xml",)),
    "exchange_code": Contract("exchange_code", {
        "error": FieldRule("return_code", "on_error"),
        "error_description": FieldRule("text", "on_error", wire_type="string"),
        "access_token": FieldRule("text", "documented", wire_type="string"),
        "expires_in": FieldRule("duration", "documented", wire_type="string"),
        "refresh_token": FieldRule("text", "documented", wire_type="string"),
        "openid": FieldRule("text", "optional", wire_type="string"),
    }, _LISTED_RETURNS, "data",
        code_field="error",
        message_field="error_description", code_always=False,
        encodings=("form", "json", "jsonp",)),
    "refresh_access_token": Contract("refresh_access_token", {
        "error": FieldRule("return_code", "on_error"),
        "error_description": FieldRule("text", "on_error", wire_type="string"),
        "access_token": FieldRule("text", "documented", wire_type="string"),
        "expires_in": FieldRule("duration", "documented", wire_type="string"),
        "refresh_token": FieldRule("text", "documented", wire_type="string"),
    }, _LISTED_RETURNS, "data",
        code_field="error",
        message_field="error_description", code_always=False,
        encodings=("form", "json", "jsonp",)),
    "get_openid": Contract("get_openid", {
        "error": FieldRule("return_code", "on_error"),
        "error_description": FieldRule("text", "on_error", wire_type="string"),
        "client_id": FieldRule("text", "documented", wire_type="string"),
        "openid": FieldRule("text", "documented", wire_type="string"),
        "unionid": FieldRule("text", "optional", wire_type="string"),
    }, _LISTED_RETURNS, "data",
        code_field="error",
        message_field="error_description", code_always=False,
        encodings=("jsonp", "json",)),
    "get_user_info": Contract("get_user_info", {
        "ret": FieldRule("return_code", "documented"),
        "msg": FieldRule("text", "documented", wire_type="string"),
        "is_lost": FieldRule("flag", "example_only"),
        "nickname": FieldRule("text", "documented", wire_type="string"),
        "gender": FieldRule("text", "documented", wire_type="string"),
        "gender_type": FieldRule("integer", "example_only"),
        "province": FieldRule("text", "example_only", wire_type="string"),
        "city": FieldRule("text", "example_only", wire_type="string"),
        "year": FieldRule("integer", "example_only", wire_type="string"),
        "constellation": FieldRule("text", "example_only", wire_type="string"),
        "figureurl": FieldRule("text", "documented", wire_type="string"),
        "figureurl_1": FieldRule("text", "documented", wire_type="string"),
        "figureurl_2": FieldRule("text", "documented", wire_type="string"),
        "figureurl_qq_1": FieldRule("text", "documented", wire_type="string"),
        "figureurl_qq_2": FieldRule("text", "optional", wire_type="string"),
        "figureurl_qq": FieldRule("text", "example_only", wire_type="string"),
        "figureurl_type": FieldRule("integer", "example_only", wire_type="string"),
        "is_yellow_vip": FieldRule("flag", "documented", wire_type="string"),
        "vip": FieldRule("flag", "documented", wire_type="string"),
        "yellow_vip_level": FieldRule("level", "optional", wire_type="string"),
        "level": FieldRule("level", "documented", wire_type="string"),
        "is_yellow_year_vip": FieldRule("flag", "documented", wire_type="string"),
    }, _LISTED_RETURNS, "data",
        encodings=("json",)),
    "get_simple_userinfo": Contract("get_simple_userinfo", {
        "ret": FieldRule("return_code", "documented"),
        "msg": FieldRule("text", "documented", wire_type="string"),
        "nickname": FieldRule("text", "documented", wire_type="string"),
        "gender": FieldRule("text", "documented", wire_type="string"),
        "figureurl": FieldRule("text", "documented", wire_type="string"),
        "figureurl_1": FieldRule("text", "documented", wire_type="string"),
        "figureurl_2": FieldRule("text", "documented", wire_type="string"),
        "figureurl_qq_1": FieldRule("text", "documented", wire_type="string"),
        "figureurl_qq_2": FieldRule("text", "optional", wire_type="string"),
        "is_yellow_vip": FieldRule("flag", "documented", wire_type="string"),
        "vip": FieldRule("flag", "documented", wire_type="string"),
        "yellow_vip_level": FieldRule("level", "optional", wire_type="string"),
        "level": FieldRule("level", "documented", wire_type="string"),
        "is_yellow_year_vip": FieldRule("flag", "documented", wire_type="string"),
    }, _LISTED_RETURNS, "data",
        encodings=("json",)),
}

# Generated from spec/api.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml, spec/endpoints/exchange_code.yaml, spec/endpoints/refresh_access_token.yaml, spec/endpoints/get_openid.yaml, spec/endpoints/get_user_info.yaml, spec/endpoints/get_simple_userinfo.yaml; do not edit, run `make generate`.
"""The endpoints of the spec, each with the models of its answer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ._response import Endpoint, FieldKind, FormatParameter
from ._return_codes import RETURN_CODE_TABLE

if TYPE_CHECKING:
    from .models.get_vip_rich_info import VipRichInfo
    from .wire.get_vip_rich_info import GetVipRichInfoWire
    from .models.get_vip_info import VipInfo
    from .wire.get_vip_info import GetVipInfoWire
    from .models.exchange_code import AccessToken
    from .wire.exchange_code import ExchangeCodeWire
    from .models.refresh_access_token import RefreshedToken
    from .wire.refresh_access_token import RefreshAccessTokenWire
    from .models.get_openid import OpenId
    from .wire.get_openid import GetOpenidWire
    from .models.get_user_info import UserInfo
    from .wire.get_user_info import GetUserInfoWire
    from .models.get_simple_userinfo import SimpleUserInfo
    from .wire.get_simple_userinfo import GetSimpleUserinfoWire

__all__ = ["GET_VIP_RICH_INFO", "GET_VIP_INFO", "EXCHANGE_CODE", "REFRESH_ACCESS_TOKEN", "GET_OPENID", "GET_USER_INFO", "GET_SIMPLE_USERINFO"]


def _get_vip_rich_info_wire() -> type[GetVipRichInfoWire]:
    from .wire.get_vip_rich_info import GetVipRichInfoWire

    return GetVipRichInfoWire


def _get_vip_rich_info_result() -> type[VipRichInfo]:
    from .models.get_vip_rich_info import VipRichInfo

    return VipRichInfo


GET_VIP_RICH_INFO: Final = Endpoint(
    name="get_vip_rich_info",
    path="/user/get_vip_rich_info",
    methods=("GET", "POST",),
    formats=("json", "xml",),
    encodings=("json", "xml",),
    format_parameter=FormatParameter("format", {
        "json": "json",
        "xml": "xml",
    }),
    load_wire=_get_vip_rich_info_wire,
    load_result=_get_vip_rich_info_result,
    return_codes=RETURN_CODE_TABLE,
    xml_root="data",
    fields={
        "ret": FieldKind("return_code"),
        "msg": FieldKind("text"),
        "is_lost": FieldKind("flag"),
        "is_qq_vip": FieldKind("flag"),
        "is_qq_year_vip": FieldKind("flag"),
        "qq_vip_level": FieldKind("level"),
        "qq_vip_start": FieldKind("timestamp"),
        "qq_vip_end": FieldKind("timestamp"),
        "qq_vip_payway": FieldKind("code"),
        "qq_year_vip_start": FieldKind("timestamp"),
        "qq_year_vip_end": FieldKind("timestamp"),
        "qq_year_vip_payway": FieldKind("code"),
        "qq_zuanhuang_start": FieldKind("timestamp"),
        "qq_zuanhuang_end": FieldKind("timestamp"),
        "qq_zuanhuang_payway": FieldKind("code"),
        "qq_haohua_start": FieldKind("timestamp"),
        "qq_haohua_end": FieldKind("timestamp"),
        "qq_haohua_payway": FieldKind("code"),
        "qq_svip_start": FieldKind("timestamp"),
        "qq_svip_end": FieldKind("timestamp"),
        "qq_svip_payway": FieldKind("code"),
        "history_pay_time": FieldKind("timestamp"),
        "history_end_time": FieldKind("timestamp"),
    },
    code_field="ret",
    message_field="msg",
    code_always=True,
)


def _get_vip_info_wire() -> type[GetVipInfoWire]:
    from .wire.get_vip_info import GetVipInfoWire

    return GetVipInfoWire


def _get_vip_info_result() -> type[VipInfo]:
    from .models.get_vip_info import VipInfo

    return VipInfo


GET_VIP_INFO: Final = Endpoint(
    name="get_vip_info",
    path="/user/get_vip_info",
    methods=("GET", "POST",),
    formats=("json", "xml",),
    encodings=("json", "xml",),
    format_parameter=FormatParameter("format", {
        "json": "json",
        "xml": "xml",
    }),
    load_wire=_get_vip_info_wire,
    load_result=_get_vip_info_result,
    return_codes=RETURN_CODE_TABLE,
    xml_root="data",
    fields={
        "ret": FieldKind("return_code"),
        "msg": FieldKind("text"),
        "is_qq_vip": FieldKind("flag"),
        "is_qq_year_vip": FieldKind("flag"),
        "qq_vip_level": FieldKind("level"),
    },
    code_field="ret",
    message_field="msg",
    code_always=True,
)


def _exchange_code_wire() -> type[ExchangeCodeWire]:
    from .wire.exchange_code import ExchangeCodeWire

    return ExchangeCodeWire


def _exchange_code_result() -> type[AccessToken]:
    from .models.exchange_code import AccessToken

    return AccessToken


EXCHANGE_CODE: Final = Endpoint(
    name="exchange_code",
    path="/oauth2.0/token",
    methods=("POST", "GET",),
    formats=("form", "json",),
    encodings=("form", "json", "jsonp",),
    format_parameter=FormatParameter("fmt", {
        "form": None,
        "json": "json",
    }),
    load_wire=_exchange_code_wire,
    load_result=_exchange_code_result,
    return_codes=RETURN_CODE_TABLE,
    xml_root="data",
    retry_safe=False,
    fields={
        "error": FieldKind("return_code"),
        "error_description": FieldKind("text"),
        "access_token": FieldKind("text"),
        "expires_in": FieldKind("duration", numeric_string=True),
        "refresh_token": FieldKind("text"),
        "openid": FieldKind("text"),
    },
    code_field="error",
    message_field="error_description",
    code_always=False,
    secret_fields=frozenset({"access_token", "refresh_token", "openid"}),
)


def _refresh_access_token_wire() -> type[RefreshAccessTokenWire]:
    from .wire.refresh_access_token import RefreshAccessTokenWire

    return RefreshAccessTokenWire


def _refresh_access_token_result() -> type[RefreshedToken]:
    from .models.refresh_access_token import RefreshedToken

    return RefreshedToken


REFRESH_ACCESS_TOKEN: Final = Endpoint(
    name="refresh_access_token",
    path="/oauth2.0/token",
    methods=("POST", "GET",),
    formats=("form", "json",),
    encodings=("form", "json", "jsonp",),
    format_parameter=FormatParameter("fmt", {
        "form": None,
        "json": "json",
    }),
    load_wire=_refresh_access_token_wire,
    load_result=_refresh_access_token_result,
    return_codes=RETURN_CODE_TABLE,
    xml_root="data",
    retry_safe=False,
    fields={
        "error": FieldKind("return_code"),
        "error_description": FieldKind("text"),
        "access_token": FieldKind("text"),
        "expires_in": FieldKind("duration", numeric_string=True),
        "refresh_token": FieldKind("text"),
    },
    code_field="error",
    message_field="error_description",
    code_always=False,
    secret_fields=frozenset({"access_token", "refresh_token"}),
)


def _get_openid_wire() -> type[GetOpenidWire]:
    from .wire.get_openid import GetOpenidWire

    return GetOpenidWire


def _get_openid_result() -> type[OpenId]:
    from .models.get_openid import OpenId

    return OpenId


GET_OPENID: Final = Endpoint(
    name="get_openid",
    path="/oauth2.0/me",
    methods=("GET",),
    formats=("jsonp", "json",),
    encodings=("jsonp", "json",),
    format_parameter=FormatParameter("fmt", {
        "jsonp": None,
        "json": "json",
    }),
    load_wire=_get_openid_wire,
    load_result=_get_openid_result,
    return_codes=RETURN_CODE_TABLE,
    xml_root="data",
    fields={
        "error": FieldKind("return_code"),
        "error_description": FieldKind("text"),
        "client_id": FieldKind("text"),
        "openid": FieldKind("text"),
        "unionid": FieldKind("text"),
    },
    code_field="error",
    message_field="error_description",
    code_always=False,
    secret_fields=frozenset({"client_id", "openid", "unionid"}),
)


def _get_user_info_wire() -> type[GetUserInfoWire]:
    from .wire.get_user_info import GetUserInfoWire

    return GetUserInfoWire


def _get_user_info_result() -> type[UserInfo]:
    from .models.get_user_info import UserInfo

    return UserInfo


GET_USER_INFO: Final = Endpoint(
    name="get_user_info",
    path="/user/get_user_info",
    methods=("GET",),
    formats=("json",),
    encodings=("json",),
    format_parameter=FormatParameter("format", {
        "json": "json",
        "xml": "xml",
    }),
    load_wire=_get_user_info_wire,
    load_result=_get_user_info_result,
    return_codes=RETURN_CODE_TABLE,
    xml_root="data",
    fields={
        "ret": FieldKind("return_code"),
        "msg": FieldKind("text"),
        "is_lost": FieldKind("flag"),
        "nickname": FieldKind("text"),
        "gender": FieldKind("text"),
        "gender_type": FieldKind("integer"),
        "province": FieldKind("text"),
        "city": FieldKind("text"),
        "year": FieldKind("integer", numeric_string=True),
        "constellation": FieldKind("text"),
        "figureurl": FieldKind("text"),
        "figureurl_1": FieldKind("text"),
        "figureurl_2": FieldKind("text"),
        "figureurl_qq_1": FieldKind("text"),
        "figureurl_qq_2": FieldKind("text"),
        "figureurl_qq": FieldKind("text"),
        "figureurl_type": FieldKind("integer", numeric_string=True),
        "is_yellow_vip": FieldKind("flag", numeric_string=True),
        "vip": FieldKind("flag", numeric_string=True),
        "yellow_vip_level": FieldKind("level", numeric_string=True),
        "level": FieldKind("level", numeric_string=True),
        "is_yellow_year_vip": FieldKind("flag", numeric_string=True),
    },
    code_field="ret",
    message_field="msg",
    code_always=True,
    secret_fields=frozenset({"figureurl", "figureurl_1", "figureurl_2", "figureurl_qq_1", "figureurl_qq_2", "figureurl_qq"}),
)


def _get_simple_userinfo_wire() -> type[GetSimpleUserinfoWire]:
    from .wire.get_simple_userinfo import GetSimpleUserinfoWire

    return GetSimpleUserinfoWire


def _get_simple_userinfo_result() -> type[SimpleUserInfo]:
    from .models.get_simple_userinfo import SimpleUserInfo

    return SimpleUserInfo


GET_SIMPLE_USERINFO: Final = Endpoint(
    name="get_simple_userinfo",
    path="/user/get_simple_userinfo",
    methods=("GET",),
    formats=("json",),
    encodings=("json",),
    format_parameter=FormatParameter("format", {
        "json": "json",
        "xml": "xml",
    }),
    load_wire=_get_simple_userinfo_wire,
    load_result=_get_simple_userinfo_result,
    return_codes=RETURN_CODE_TABLE,
    xml_root="data",
    base_url="https://openmobile.qq.com",
    fields={
        "ret": FieldKind("return_code"),
        "msg": FieldKind("text"),
        "nickname": FieldKind("text"),
        "gender": FieldKind("text"),
        "figureurl": FieldKind("text"),
        "figureurl_1": FieldKind("text"),
        "figureurl_2": FieldKind("text"),
        "figureurl_qq_1": FieldKind("text"),
        "figureurl_qq_2": FieldKind("text"),
        "is_yellow_vip": FieldKind("flag", numeric_string=True),
        "vip": FieldKind("flag", numeric_string=True),
        "yellow_vip_level": FieldKind("level", numeric_string=True),
        "level": FieldKind("level", numeric_string=True),
        "is_yellow_year_vip": FieldKind("flag", numeric_string=True),
    },
    code_field="ret",
    message_field="msg",
    code_always=True,
    secret_fields=frozenset({"figureurl", "figureurl_1", "figureurl_2", "figureurl_qq_1", "figureurl_qq_2"}),
)

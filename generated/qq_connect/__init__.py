# Generated from spec/api.yaml, spec/return_codes.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml, spec/endpoints/exchange_code.yaml, spec/endpoints/refresh_access_token.yaml, spec/endpoints/get_openid.yaml, spec/endpoints/get_user_info.yaml, spec/endpoints/get_simple_userinfo.yaml, spec/browser/authorize_url.yaml; do not edit, run `make generate`.
"""Typed client of QQ Connect OpenAPI (QQ互联), generated from a reviewed spec.

    from qq_connect import QQConnect

    with QQConnect(app_id="12345") as client:
        info = client.get_vip_rich_info(access_token, openid)
"""

from typing import TYPE_CHECKING

from ._codes import ReturnCode, ReturnCodeTable
from ._errors import (
    ApiError,
    ClientClosedError,
    ConnectError,
    ContentEncodingError,
    DecodeError,
    HTTPStatusError,
    QQConnectError,
    RequestInfo,
    RequestTimeoutError,
    ResponseTooLargeError,
    ResponseValidationError,
    TransportError,
)
from ._return_codes import (
    AccountStateError,
    AppInvalidError,
    BadRequestError,
    NotLoggedInError,
    OAuthFlowError,
    PermissionDeniedError,
    RETURN_CODES,
    RateLimitedError,
    ServerBusyError,
    ServerError,
    TokenInvalidError,
    UnknownApiError,
    describe,
    error_for,
)
from ._lazy import lazy_attributes

if TYPE_CHECKING:
    from ._base_client import RawResponse, RetryPolicy
    from ._response import Endpoint
    from ._result import Result
    from ._client import AsyncQQConnect, BASE_URL, QQConnect
    from ._code_tables import Payway
    from .endpoints import (
        EXCHANGE_CODE,
        GET_OPENID,
        GET_SIMPLE_USERINFO,
        GET_USER_INFO,
        GET_VIP_INFO,
        GET_VIP_RICH_INFO,
        REFRESH_ACCESS_TOKEN,
    )
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

# Models load when first used (or with an endpoint's first answer), not with the package.
__getattr__, __dir__ = lazy_attributes(__name__, {
    "RawResponse": "._base_client",
    "RetryPolicy": "._base_client",
    "Endpoint": "._response",
    "Result": "._result",
    "AsyncQQConnect": "._client",
    "BASE_URL": "._client",
    "QQConnect": "._client",
    "Payway": "._code_tables",
    "EXCHANGE_CODE": ".endpoints",
    "GET_OPENID": ".endpoints",
    "GET_SIMPLE_USERINFO": ".endpoints",
    "GET_USER_INFO": ".endpoints",
    "GET_VIP_INFO": ".endpoints",
    "GET_VIP_RICH_INFO": ".endpoints",
    "REFRESH_ACCESS_TOKEN": ".endpoints",
    "VipRichInfo": ".models.get_vip_rich_info",
    "GetVipRichInfoWire": ".wire.get_vip_rich_info",
    "VipInfo": ".models.get_vip_info",
    "GetVipInfoWire": ".wire.get_vip_info",
    "AccessToken": ".models.exchange_code",
    "ExchangeCodeWire": ".wire.exchange_code",
    "RefreshedToken": ".models.refresh_access_token",
    "RefreshAccessTokenWire": ".wire.refresh_access_token",
    "OpenId": ".models.get_openid",
    "GetOpenidWire": ".wire.get_openid",
    "UserInfo": ".models.get_user_info",
    "GetUserInfoWire": ".wire.get_user_info",
    "SimpleUserInfo": ".models.get_simple_userinfo",
    "GetSimpleUserinfoWire": ".wire.get_simple_userinfo",
})

__version__ = "0.1.0"

__all__ = [
    "AccessToken",
    "AccountStateError",
    "ApiError",
    "AppInvalidError",
    "AsyncQQConnect",
    "BASE_URL",
    "BadRequestError",
    "ClientClosedError",
    "ConnectError",
    "ContentEncodingError",
    "DecodeError",
    "EXCHANGE_CODE",
    "Endpoint",
    "ExchangeCodeWire",
    "GET_OPENID",
    "GET_SIMPLE_USERINFO",
    "GET_USER_INFO",
    "GET_VIP_INFO",
    "GET_VIP_RICH_INFO",
    "GetOpenidWire",
    "GetSimpleUserinfoWire",
    "GetUserInfoWire",
    "GetVipInfoWire",
    "GetVipRichInfoWire",
    "HTTPStatusError",
    "NotLoggedInError",
    "OAuthFlowError",
    "OpenId",
    "Payway",
    "PermissionDeniedError",
    "QQConnect",
    "QQConnectError",
    "REFRESH_ACCESS_TOKEN",
    "RETURN_CODES",
    "RateLimitedError",
    "RawResponse",
    "RefreshAccessTokenWire",
    "RefreshedToken",
    "RequestInfo",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "Result",
    "RetryPolicy",
    "ReturnCode",
    "ReturnCodeTable",
    "ServerBusyError",
    "ServerError",
    "SimpleUserInfo",
    "TokenInvalidError",
    "TransportError",
    "UnknownApiError",
    "UserInfo",
    "VipInfo",
    "VipRichInfo",
    "describe",
    "error_for",
]

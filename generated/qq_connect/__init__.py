# Generated from spec/api.yaml, spec/return_codes.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""Typed client of QQ Connect OpenAPI (QQ互联), generated from a reviewed spec.

    from qq_connect import QQConnect

    with QQConnect(app_id="12345") as client:
        info = client.get_vip_rich_info(access_token, openid)
"""

from ._code_tables import Payway
from ._codes import RETURN_CODES, ReturnCode, describe
from ._base_client import RawResponse, RetryPolicy
from ._client import BASE_URL, AsyncQQConnect, QQConnect
from ._errors import (
    ApiError,
    ConnectError,
    DecodeError,
    HTTPStatusError,
    QQConnectError,
    RequestInfo,
    RequestTimeoutError,
    ResponseTooLargeError,
    ResponseValidationError,
    TransportError,
    TokenInvalidError,
    PermissionDeniedError,
    AppInvalidError,
    NotLoggedInError,
    RateLimitedError,
    ServerBusyError,
    AccountStateError,
    OAuthFlowError,
    BadRequestError,
    ServerError,
    UnknownApiError,
    error_for,
)
from ._response import Endpoint
from ._result import Result
from .endpoints import GET_VIP_RICH_INFO, GET_VIP_INFO
from .models.get_vip_rich_info import VipRichInfo
from .wire.get_vip_rich_info import GetVipRichInfoWire
from .models.get_vip_info import VipInfo
from .wire.get_vip_info import GetVipInfoWire

__all__ = [
    "AccountStateError",
    "ApiError",
    "AppInvalidError",
    "AsyncQQConnect",
    "BASE_URL",
    "BadRequestError",
    "ConnectError",
    "DecodeError",
    "Endpoint",
    "GET_VIP_INFO",
    "GET_VIP_RICH_INFO",
    "GetVipInfoWire",
    "GetVipRichInfoWire",
    "HTTPStatusError",
    "NotLoggedInError",
    "OAuthFlowError",
    "Payway",
    "PermissionDeniedError",
    "QQConnect",
    "QQConnectError",
    "RETURN_CODES",
    "RateLimitedError",
    "RawResponse",
    "RequestInfo",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "Result",
    "RetryPolicy",
    "ReturnCode",
    "ServerBusyError",
    "ServerError",
    "TokenInvalidError",
    "TransportError",
    "UnknownApiError",
    "VipInfo",
    "VipRichInfo",
    "describe",
    "error_for",
]

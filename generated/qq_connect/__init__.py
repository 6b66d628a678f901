# Generated from spec/api.yaml, spec/return_codes.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""Typed client of QQ Connect OpenAPI (QQ互联), generated from a reviewed spec.

    from qq_connect import QQConnect

    with QQConnect(app_id="12345") as client:
        info = client.get_vip_rich_info(access_token, openid)
"""

from ._base_client import RawResponse, RetryPolicy
from ._codes import ReturnCode, ReturnCodeTable
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
)
from ._response import Endpoint
from ._result import Result
from ._client import AsyncQQConnect, BASE_URL, QQConnect
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
from ._code_tables import Payway
from .endpoints import GET_VIP_INFO, GET_VIP_RICH_INFO
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
    "ReturnCodeTable",
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

# Generated from spec/api.yaml, spec/return_codes.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""Errors raised by the QQ Connect client; catch ``QQConnectError`` for all of them.

QQConnectError
├── TransportError               the request did not complete
│   ├── ConnectError             could not connect, or the connection broke
│   └── RequestTimeoutError      no answer in time
├── HTTPStatusError              an HTTP status other than 200
├── DecodeError                  the body is not a JSON or XML answer of the endpoint
│   ├── ResponseTooLargeError    the body exceeds the client's max_body_bytes
│   └── ResponseValidationError  the body parsed, but breaks the endpoint's contract
└── ApiError                     ret != 0, positive or negative; one subclass per category
    ├── TokenInvalidError            token_invalid
    ├── PermissionDeniedError        permission_denied
    ├── AppInvalidError              app_invalid
    ├── NotLoggedInError             not_logged_in
    ├── RateLimitedError             rate_limited
    ├── ServerBusyError              server_busy
    ├── AccountStateError            account_state
    ├── OAuthFlowError               oauth_flow
    ├── BadRequestError              bad_request
    ├── ServerError                  server_error
    ├── UnknownApiError              unknown

Every error carries ``request`` (a RequestInfo) once the client has sent it.
Messages, reprs and requests never contain the access token, the app id or the openid.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from ._codes import RETRYABLE_CATEGORIES, describe

__all__ = [
    "ApiError",
    "ConnectError",
    "DecodeError",
    "HTTPStatusError",
    "QQConnectError",
    "RequestInfo",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "TransportError",
    "TokenInvalidError",
    "PermissionDeniedError",
    "AppInvalidError",
    "NotLoggedInError",
    "RateLimitedError",
    "ServerBusyError",
    "AccountStateError",
    "OAuthFlowError",
    "BadRequestError",
    "ServerError",
    "UnknownApiError",
    "error_for",
]

_EXCERPT_BYTES = 64


def excerpt(body: bytes) -> str:
    """The first bytes of a body, printable, for error messages."""
    head = body[:_EXCERPT_BYTES].decode("utf-8", "replace")
    return repr(head) + ("…" if len(body) > _EXCERPT_BYTES else "")


@dataclass(frozen=True)
class RequestInfo:
    """What was sent, with the values of secret parameters replaced by ``<redacted>``."""

    endpoint: str
    method: str
    url: str


class QQConnectError(Exception):
    """Base of every error this package raises."""

    endpoint: str
    request: RequestInfo | None = None

    def summary(self) -> str:
        """A short description for logs: the class and the code or status."""
        return type(self).__name__


class TransportError(QQConnectError):
    """The request did not complete."""

    def __init__(self, endpoint: str, reason: str) -> None:
        self.endpoint = endpoint
        self.reason = reason
        super().__init__(f"{endpoint}: {reason}")


class ConnectError(TransportError):
    """Could not connect, or the connection broke (reset, closed early)."""


class RequestTimeoutError(TransportError):
    """No complete answer within the timeout."""


class HTTPStatusError(QQConnectError):
    """graph.qq.com answered with an HTTP status other than 200."""

    def __init__(self, endpoint: str, status: int, body: bytes) -> None:
        self.endpoint = endpoint
        self.status = status
        self.body_excerpt = excerpt(body)
        super().__init__(f"{endpoint}: HTTP {status}: {self.body_excerpt}")

    def summary(self) -> str:
        return f"HTTP {self.status}"


class DecodeError(QQConnectError):
    """The body is not a JSON or XML answer of the endpoint."""

    status: int | None = None
    content_type: str | None = None

    def __init__(self, endpoint: str, reason: str, body: bytes) -> None:
        self.endpoint = endpoint
        self.reason = reason
        self.body_excerpt = excerpt(body)
        super().__init__(f"{endpoint}: {reason}; body starts {self.body_excerpt}")

    def add_http_context(self, status: int, content_type: str | None) -> None:
        """Record the HTTP status and Content-Type the body came with, in the message too."""
        self.status, self.content_type = status, content_type
        self.args = (f"{self.args[0]} (HTTP {status}, Content-Type {content_type!r})",)


class ResponseTooLargeError(DecodeError):
    """The body is larger than the client accepts; reading stopped at the limit."""

    def __init__(self, endpoint: str, limit: int) -> None:
        self.limit = limit
        super().__init__(endpoint, f"the body exceeds {limit} bytes", b"")


class ResponseValidationError(DecodeError):
    """The body parsed but breaks the contract; ``problems`` maps each field to what is wrong."""

    def __init__(self, endpoint: str, problems: Mapping[str, str], body: bytes) -> None:
        self.problems = dict(problems)
        reason = "; ".join(f"field {field!r}: {problem}" for field, problem in self.problems.items())
        super().__init__(endpoint, f"response breaks the contract: {reason}", body)


class ApiError(QQConnectError):
    """graph.qq.com answered ``ret`` != 0."""

    category: str = "unknown"

    def __init__(self, endpoint: str, ret: int, msg: str) -> None:
        row = describe(ret)
        self.endpoint = endpoint
        self.ret = ret
        self.msg = msg
        self.meaning = row.meaning
        self.retryable = row.category in RETRYABLE_CATEGORIES
        detail = f" ({row.meaning})" if row.meaning else ""
        super().__init__(f"{endpoint}: ret={ret}{detail}: {msg!r}")

    def summary(self) -> str:
        return f"{type(self).__name__} ret={self.ret}"


class TokenInvalidError(ApiError):
    """The access token (or refresh token) expired, was revoked or is invalid; send the user through login again."""

    category = "token_invalid"


class PermissionDeniedError(ApiError):
    """The user did not grant the scope, or the app lacks the OpenAPI permission."""

    category = "permission_denied"


class AppInvalidError(ApiError):
    """The appid or appkey is unknown, invalid, paused or not approved."""

    category = "app_invalid"


class NotLoggedInError(ApiError):
    """The user has no login state."""

    category = "not_logged_in"


class RateLimitedError(ApiError):
    """A frequency limit was hit; slow down."""

    category = "rate_limited"


class ServerBusyError(ApiError):
    """The server is busy or overloaded; retrying later may succeed."""

    category = "server_busy"


class AccountStateError(ApiError):
    """The user's account cannot do this (frozen, no balance, service not opened)."""

    category = "account_state"


class OAuthFlowError(ApiError):
    """A step of the OAuth 2.0 login flow failed."""

    category = "oauth_flow"


class BadRequestError(ApiError):
    """The request is malformed (missing or invalid parameters, protocol, signature)."""

    category = "bad_request"


class ServerError(ApiError):
    """An internal error on Tencent's side."""

    category = "server_error"


class UnknownApiError(ApiError):
    """A code that no table lists; ret and msg are kept as they came."""

    category = "unknown"


_ERRORS_BY_CATEGORY: Final[Mapping[str, type[ApiError]]] = {
    "token_invalid": TokenInvalidError,
    "permission_denied": PermissionDeniedError,
    "app_invalid": AppInvalidError,
    "not_logged_in": NotLoggedInError,
    "rate_limited": RateLimitedError,
    "server_busy": ServerBusyError,
    "account_state": AccountStateError,
    "oauth_flow": OAuthFlowError,
    "bad_request": BadRequestError,
    "server_error": ServerError,
    "unknown": UnknownApiError,
}


def error_for(endpoint: str, ret: int, msg: str) -> ApiError:
    """The typed error of ``ret``, chosen by the category the return-code table gives it."""
    return _ERRORS_BY_CATEGORY[describe(ret).category](endpoint, ret, msg)

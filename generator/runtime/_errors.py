"""Errors raised by the QQ Connect client; catch ``QQConnectError`` for all of them.

QQConnectError
├── ClientClosedError            the client (or the httpx client it was given) is closed
├── TransportError               the request did not complete
│   ├── ConnectError             could not connect, or the connection broke
│   └── RequestTimeoutError      no complete answer within the call's deadline
├── HTTPStatusError              an HTTP status other than 200
├── DecodeError                  the body is not a JSON or XML answer of the endpoint
│   ├── ContentEncodingError     a stacked, unknown or corrupt Content-Encoding
│   ├── ResponseTooLargeError    the body, decoded, exceeds the client's max_body_bytes
│   └── ResponseValidationError  the body parsed, but breaks the endpoint's contract
└── ApiError                     ret != 0 (or an OAuth error); one subclass per category
    └── …                        one class per category, in ``_return_codes``

Every error carries ``request`` (a RequestInfo) once the client has sent it.
Messages, reprs and requests never contain the access token, the app id or the openid;
errors the client raises keep no ``__cause__`` or ``__context__`` (those hold raw input).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = [
    "ApiError",
    "ClientClosedError",
    "ConnectError",
    "ContentEncodingError",
    "DecodeError",
    "HTTPStatusError",
    "QQConnectError",
    "RequestInfo",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "TransportError",
    "excerpt",
    "quoted",
]

_EXCERPT_BYTES = 64
_QUOTED_LENGTH = 40


def excerpt(body: bytes) -> str:
    """The first bytes of a body, printable, for error messages.

    Cut short, it can end inside a secret the client could not then mask (it masks whole
    values): the client takes it again from the masked body (``QQConnectError.mask``).
    """
    head = body[:_EXCERPT_BYTES].decode("utf-8", "replace")
    return repr(head) + ("…" if len(body) > _EXCERPT_BYTES else "")


def quoted(piece: bytes | str) -> str:
    """A piece of a body for a message (a name, a pair): whole, or only its length. Never
    cut short, for the same reason as ``excerpt``."""
    if len(piece) > _QUOTED_LENGTH:
        return f"of {len(piece)} {'bytes' if isinstance(piece, bytes) else 'characters'}"
    return repr(piece.decode("ascii", "replace") if isinstance(piece, bytes) else piece)


def _restore(cls: type[QQConnectError], args: tuple[object, ...],
             state: dict[str, object]) -> QQConnectError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


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

    def __reduce__(self) -> tuple[Callable[..., QQConnectError], tuple[object, ...]]:
        # Errors cross process boundaries (multiprocessing, task queues): rebuilt from
        # their state, since their constructors take more than the message ``args`` holds.
        return _restore, (type(self), self.args, dict(self.__dict__))

    def summary(self) -> str:
        """A short description for logs: the class and the code or status."""
        return type(self).__name__

    def mask(self, hide: Callable[[str], str], body: bytes | None = None) -> None:
        """Pass every text the server wrote into this error through ``hide``.

        Servers echo requests back (a ``msg`` quoting the query); the client calls this
        with a function that masks the call's secrets, and the ``body`` the error came
        from: its excerpt is taken again from the masked body.
        """
        shown = getattr(self, "body_excerpt", None)
        if body is not None and isinstance(shown, str):
            self.body_excerpt = excerpt(hide(body.decode("utf-8", "replace")).encode("utf-8"))
            self.args = tuple(arg.replace(shown, self.body_excerpt) if isinstance(arg, str)
                              else arg for arg in self.args)
        for name in ("msg", "reason", "body_excerpt"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                setattr(self, name, hide(value))
        self.args = tuple(hide(arg) if isinstance(arg, str) else arg for arg in self.args)


class ClientClosedError(QQConnectError):
    """The client was closed, or the httpx client passed as ``http_client`` was: no request
    was sent. Create a new client."""

    def __init__(self, endpoint: str, what: str = "the client") -> None:
        self.endpoint = endpoint
        super().__init__(f"{endpoint}: {what} is closed; no request was sent")


class TransportError(QQConnectError):
    """The request did not complete; ``unsent`` is True when it surely never reached the server."""

    unsent: bool = False

    def __init__(self, endpoint: str, reason: str) -> None:
        self.endpoint = endpoint
        self.reason = reason
        super().__init__(f"{endpoint}: {reason}")


class ConnectError(TransportError):
    """Could not connect, or the connection broke (reset, closed early)."""


class RequestTimeoutError(TransportError):
    """No complete answer within the timeout of an attempt, or the deadline of the call."""


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
    """The body, decoded, is larger than the client accepts; reading stopped at the limit."""

    def __init__(self, endpoint: str, limit: int) -> None:
        self.limit = limit
        super().__init__(endpoint, f"the body exceeds {limit} bytes", b"")


class ContentEncodingError(DecodeError):
    """The body's ``Content-Encoding`` is stacked (``gzip, gzip``), unknown or corrupt;
    nothing of it was inflated past the error."""

    def __init__(self, endpoint: str, reason: str) -> None:
        super().__init__(endpoint, reason, b"")


class ResponseValidationError(DecodeError):
    """The body parsed but breaks the contract; ``problems`` maps each field to what is wrong."""

    problems: dict[str, str]

    def mask(self, hide: Callable[[str], str], body: bytes | None = None) -> None:
        super().mask(hide, body)
        self.problems = {field: hide(problem) for field, problem in self.problems.items()}

    def __init__(self, endpoint: str, problems: Mapping[str, str], body: bytes) -> None:
        self.problems = dict(problems)
        reason = "; ".join(f"field {field!r}: {problem}"
                           for field, problem in self.problems.items())
        super().__init__(endpoint, f"response breaks the contract: {reason}", body)


class ApiError(QQConnectError):
    """graph.qq.com answered ``ret`` != 0.

    Each category of the return-code tables has its subclass (``_return_codes``), which
    sets ``category`` and ``retryable``; ``meaning`` is the table's text for ``ret``.
    """

    category: str = "unknown"
    retryable: bool = False

    def __init__(self, endpoint: str, ret: int, msg: str, meaning: str = "",
                 code_field: str = "ret") -> None:
        # Worded when shown (__str__), not here: an answer's failure is raised far more
        # often than it is printed, and wording it costs more than the rest of the error.
        self.endpoint = endpoint
        self.ret = ret
        self.msg = msg
        self.meaning = meaning
        self.code_field = code_field

    def __str__(self) -> str:
        detail = f" ({self.meaning})" if self.meaning else ""
        return f"{self.endpoint}: {self.code_field}={self.ret}{detail}: {self.msg!r}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"

    @property
    def code(self) -> int:
        """The code, whichever shape carried it (``ret`` of OpenAPI, ``error`` of OAuth)."""
        return self.ret

    def summary(self) -> str:
        return f"{type(self).__name__} {self.code_field}={self.ret}"

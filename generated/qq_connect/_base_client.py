# Generated from spec/api.yaml, spec/return_codes.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""The core that QQConnect and AsyncQQConnect share: what to send, when to retry, what to keep.

Only the waiting and the I/O differ between the two clients; every decision is here.
"""

from __future__ import annotations

import email.utils
import logging
import random
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import httpx
from ._capture import write_capture
from ._errors import (
    ApiError,
    ConnectError,
    DecodeError,
    HTTPStatusError,
    QQConnectError,
    RequestInfo,
    RequestTimeoutError,
    ResponseTooLargeError,
    TransportError,
)
from ._request import encode_parameters
from ._response import Endpoint
from ._result import Result

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "SECRET_PARAMETERS",
    "BaseClient",
    "Prepared",
    "RawResponse",
    "RetryPolicy",
]

ResultT = TypeVar("ResultT", bound=Result)
Timeout = float | httpx.Timeout

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RETRIES = 2
# Real answers are a few hundred bytes; anything near this is not an answer.
DEFAULT_MAX_BODY_BYTES = 1 << 20
SECRET_PARAMETERS = frozenset({
    "access_token",
    "oauth_consumer_key",
    "openid",
})
REDACTED = "<redacted>"
RETRYABLE_STATUSES = frozenset({408, 429}) | frozenset(range(500, 600))

logger = logging.getLogger("qq_connect")


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter, bounded in count and in total time.

    Retried: connection errors, timeouts, HTTP 408/429/5xx, and ``ret`` codes whose
    category the spec marks retryable. ``Retry-After`` is honoured. Never retried:
    authorisation, permission and other API errors, undecodable bodies.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_elapsed: float = 30.0
    jitter: float = 0.25

    def delay(self, retry_number: int, retry_after: float | None) -> float:
        """Seconds to wait before retry ``retry_number`` (1-based)."""
        if retry_after is not None:
            return retry_after
        backoff = min(self.initial_delay * 2.0 ** (retry_number - 1), self.max_delay)
        return backoff * (1 - self.jitter * random.random())


@dataclass(frozen=True)
class RawResponse(Generic[ResultT]):
    """The HTTP answer next to its parsed result, for ``with_raw_response``."""

    request: RequestInfo
    status_code: int
    headers: httpx.Headers = field(repr=False)
    content: bytes = field(repr=False)
    elapsed: float
    retries_taken: int
    result: ResultT = field(repr=False)

    def parse(self) -> ResultT:
        return self.result


def is_retryable(error: QQConnectError) -> bool:
    if isinstance(error, TransportError):
        return True
    if isinstance(error, HTTPStatusError):
        return error.status in RETRYABLE_STATUSES
    if isinstance(error, ApiError):
        return error.retryable
    return False


def parse_retry_after(headers: Mapping[str, str] | None, now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP date), if any."""
    value = (headers or {}).get("retry-after")
    if value is None:
        return None
    value = value.strip()
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?", value):
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


class Prepared(Generic[ResultT]):
    """One call, ready to send any number of times, and what the retry loop learns."""

    def __init__(self, core: BaseClient, endpoint: Endpoint[Any, ResultT],
                 parameters: Iterable[tuple[str, str | None]], method: str, format: str,
                 timeout: Timeout | None) -> None:
        if method not in endpoint.methods:
            raise ValueError(f"{endpoint.name} does not take {method!r}; use {endpoint.methods}")
        if format not in endpoint.formats:
            raise ValueError(f"{endpoint.name} does not answer {format!r}; use {endpoint.formats}")
        sent = [(name, value) for name, value in parameters if value is not None]
        sent.append(("format", format))
        self.secrets = [value for name, value in sent if name in SECRET_PARAMETERS and value]
        url = core.base_url + endpoint.path
        shown = encode_parameters(sent, hide=SECRET_PARAMETERS, mask=REDACTED)
        self.info = RequestInfo(endpoint.name, method, f"{url}?{shown}")
        encoded = encode_parameters(sent)
        self.endpoint = endpoint
        self.core = core
        self.started = time.monotonic()
        self.retries_taken = 0
        self._chunks: list[bytes] = []
        self._received = 0
        request_timeout = core.timeout if timeout is None else timeout
        if method == "GET":
            self.arguments: dict[str, Any] = {"method": method, "url": f"{url}?{encoded}",
                                              "timeout": request_timeout}
        else:
            self.arguments = {"method": method, "url": url, "content": encoded.encode("ascii"),
                              "headers": {"Content-Type": "application/x-www-form-urlencoded"},
                              "timeout": request_timeout}

    def transport_error(self, error: httpx.TransportError) -> TransportError:
        # httpx messages can quote the URL, which carries the secrets.
        reason = f"{type(error).__name__}: {error}"
        for secret in self.secrets:
            reason = reason.replace(secret, REDACTED)
        kind = RequestTimeoutError if isinstance(error, httpx.TimeoutException) else (
            ConnectError if isinstance(error, httpx.ConnectError) else TransportError)
        return kind(self.info.endpoint, reason)

    def start(self, response: httpx.Response) -> None:
        """A new answer begins; refuse it early if it announces too large a body."""
        self._chunks, self._received = [], 0
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.core.max_body_bytes:
            raise ResponseTooLargeError(self.info.endpoint, self.core.max_body_bytes)

    def feed(self, chunk: bytes) -> None:
        """Keep a chunk of the body; stop reading as soon as it passes the limit."""
        self._received += len(chunk)
        if self._received > self.core.max_body_bytes:
            raise ResponseTooLargeError(self.info.endpoint, self.core.max_body_bytes)
        self._chunks.append(chunk)

    def finish(self, response: httpx.Response) -> RawResponse[ResultT]:
        """Check the status, parse the body, and keep what the caller may want to see."""
        content = b"".join(self._chunks)
        if self.core.capture_dir is not None and response.status_code == 200:
            write_capture(self.core.capture_dir, self.info, response.status_code,
                          response.headers, content, self.secrets)
        if response.status_code != 200:
            raise HTTPStatusError(self.info.endpoint, response.status_code, content)
        try:
            result = self.endpoint.parse(content)
        except DecodeError as error:
            error.add_http_context(response.status_code, response.headers.get("content-type"))
            raise
        result._retries_taken = self.retries_taken
        return RawResponse(self.info, response.status_code, response.headers, content,
                           time.monotonic() - self.started, self.retries_taken, result)

    def retry_delay(self, error: QQConnectError, headers: Mapping[str, str] | None) -> float | None:
        """How long to wait before trying again, or None to give up and raise ``error``.

        Every failure of a call passes here, so this is where it learns its request.
        """
        error.request = self.info
        policy = self.core.retry_policy
        if self.retries_taken >= policy.max_retries or not is_retryable(error):
            return None
        delay = policy.delay(self.retries_taken + 1, parse_retry_after(headers))
        if time.monotonic() - self.started + delay > policy.max_elapsed:
            return None
        self.retries_taken += 1
        logger.debug("%s: retry %d of %d in %.2f s after %s", self.info.endpoint,
                     self.retries_taken, policy.max_retries, delay, error.summary())
        return delay


class BaseClient:
    """Configuration shared by both clients; holds no connection of its own."""

    def __init__(self, app_id: str | int, *, base_url: str, timeout: Timeout,
                 max_retries: int | RetryPolicy, max_body_bytes: int,
                 capture_dir: Path | None) -> None:
        self._app_id = str(app_id)
        self.capture_dir = capture_dir
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retry_policy = (max_retries if isinstance(max_retries, RetryPolicy)
                             else RetryPolicy(max_retries=max_retries))
        self.max_body_bytes = max_body_bytes

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(base_url={self.base_url!r}, app_id={REDACTED!r}, "
                f"timeout={self.timeout!r}, max_retries={self.retry_policy.max_retries})")

    def _prepare(self, endpoint: Endpoint[Any, ResultT],
                 parameters: Iterable[tuple[str, str | None]], method: str, format: str,
                 timeout: Timeout | None) -> Prepared[ResultT]:
        return Prepared(self, endpoint, parameters, method, format, timeout)


class RedactSecrets(logging.Filter):
    """Masks the values of secret parameters in log records (httpx logs every URL)."""

    _PATTERN = re.compile(
        r"((?:access_token|oauth_consumer_key|openid)=)[^&\s\"']*")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self._PATTERN.sub(rf"\g<1>{REDACTED}", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


for _name in ("httpx", "qq_connect"):
    logging.getLogger(_name).addFilter(RedactSecrets())

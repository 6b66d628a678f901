# Copied from generator/runtime/_base_client.py; do not edit here: edit that file and run `make generate`.
"""The core that QQConnect and AsyncQQConnect share: what to send, when to retry, what to keep.

Only the waiting and the I/O differ between the two clients; every decision is here.
The generated clients add one method per endpoint, each a single ``_call``; their
``with_raw_response`` variants wrap those same methods (``to_raw_response_wrapper``).
"""

from __future__ import annotations

import email.utils
import functools
import logging
import math
import random
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, ParamSpec, Self, TypeVar, cast

import anyio
import httpx

from ._capture import masker, write_capture
from ._deadline import WATCHDOG
from ._errors import (
    ApiError,
    ClientClosedError,
    ConnectError,
    DecodeError,
    HTTPStatusError,
    QQConnectError,
    RequestInfo,
    RequestTimeoutError,
    ResponseTooLargeError,
    TransportError,
)
from ._inflate import ACCEPT_ENCODING, DEFAULT_MAX_BODY_BYTES, Inflater
from ._request import encode_parameters, reveal

if TYPE_CHECKING:  # pydantic's models load with the first answer, not with the package
    from pydantic import SecretStr

    from ._response import Endpoint
    from ._result import Result

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncClient",
    "CallState",
    "RawResponse",
    "RetryPolicy",
    "Service",
    "SyncClient",
    "Timeout",
    "async_to_raw_response_wrapper",
    "to_raw_response_wrapper",
]

ResultT = TypeVar("ResultT", bound="Result")
P = ParamSpec("P")
Timeout = float | httpx.Timeout

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RETRIES = 2
REDACTED = "<redacted>"
RETRYABLE_STATUSES = frozenset({408, 429}) | frozenset(range(500, 600))

logger = logging.getLogger("qq_connect")


@dataclass(frozen=True)
class Service:
    """What every endpoint of the API shares (from the spec's api.yaml).

    ``secret_parameters`` names every parameter that is secret in some endpoint: their
    values are masked wherever a URL is shown or logged.
    """

    base_url: str
    secret_parameters: frozenset[str]


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter, bounded in count and by the call's deadline.

    Retried: connection errors, timeouts, HTTP 408/429/5xx, and ``ret`` codes whose
    category the spec marks retryable. ``Retry-After`` is honoured. Never retried:
    authorisation, permission and other API errors, undecodable bodies.

    ``max_elapsed`` is the deadline of the whole call, in seconds of wall-clock time:
    every attempt, wait and read included, sync and async. Each attempt gets
    ``min(timeout, time left)``; a wait that would leave no time for another attempt is
    not taken (the last error is raised at once); past the deadline the call raises
    ``RequestTimeoutError``, however slowly the server keeps sending. The deadline lives
    here, not in a new argument, because this field already promised to bound a call's
    total time: one knob, existing code unchanged, and no new name in every endpoint
    method, where it could clash with a parameter of the spec. ``math.inf``: no deadline.
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


class _MaskedHeaders(httpx.Headers):
    """Response headers whose repr masks the call's secrets (a ``Location`` or a
    ``Set-Cookie`` may echo the token); the values themselves are as the server sent them."""

    def __init__(self, headers: httpx.Headers, hide: Callable[[str], str]) -> None:
        super().__init__(headers)
        self._hide = hide

    def __repr__(self) -> str:
        return self._hide(super().__repr__())


class RawResponse(Generic[ResultT]):
    """A complete HTTP answer, before parsing: status, headers, body, timing.

    ``parse()`` turns it into the typed result, or raises what the answer means: the
    ``ApiError`` of its ``ret``, ``HTTPStatusError``, ``DecodeError``. The verdict is
    kept, so parsing twice costs nothing (the client reads it to decide on a retry).
    """

    def __init__(self, endpoint: Endpoint[Any, ResultT], request: RequestInfo,
                 response: httpx.Response, content: bytes, elapsed: float,
                 retries_taken: int, hide: Callable[[str], str] = str) -> None:
        self.request = request
        self.status_code = response.status_code
        self.headers: httpx.Headers = _MaskedHeaders(response.headers, hide)
        self.content = content
        self.elapsed = elapsed
        self.retries_taken = retries_taken
        self._endpoint = endpoint
        self._hide = hide
        self._verdict: ResultT | QQConnectError | None = None

    def __repr__(self) -> str:
        return (f"RawResponse(request={self.request!r}, status_code={self.status_code}, "
                f"elapsed={self.elapsed:.3f}, retries_taken={self.retries_taken})")

    def parse(self) -> ResultT:
        """The typed result; raise the typed error if the answer is not a success."""
        verdict = self.verdict()
        if isinstance(verdict, QQConnectError):
            raise verdict
        return verdict

    def verdict(self) -> ResultT | QQConnectError:
        """The result, or the error that ``parse()`` raises, without raising it."""
        if self._verdict is None:
            self._verdict = self._judge()
        return self._verdict

    def _judge(self) -> ResultT | QQConnectError:
        if self.status_code != 200:
            failure: QQConnectError = HTTPStatusError(self.request.endpoint, self.status_code,
                                                      self.content)
        else:
            try:
                result = self._endpoint.parse(self.content)
            except DecodeError as error:
                error.add_http_context(self.status_code, self.headers.get("content-type"))
                failure = error
            except ApiError as error:
                failure = error
            else:
                result._count_retries(self.retries_taken)
                return result
        # The server may echo the request (a msg quoting the query): mask the secrets.
        failure.mask(self._hide, self.content)
        failure.request = self.request
        return failure


def is_retryable(error: QQConnectError, retry_safe: bool = True) -> bool:
    """Whether ``error`` is worth another attempt.

    For endpoints that spend a single-use input (a code, a refresh token), only a request
    that surely never reached the server is repeated.
    """
    if not retry_safe:
        return isinstance(error, TransportError) and error.unsent
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


class CallState(Generic[ResultT]):
    """One call in progress: what it sends, its deadline, its retries, the body read so far."""

    def __init__(self, client: BaseClient, endpoint: Endpoint[Any, ResultT],
                 parameters: Iterable[tuple[str, str | None]], method: str, format: str,
                 timeout: Timeout | None) -> None:
        if method not in endpoint.methods:
            raise ValueError(f"{endpoint.name} does not take {method!r}; use {endpoint.methods}")
        if format not in endpoint.formats:
            raise ValueError(f"{endpoint.name} does not answer {format!r}; use {endpoint.formats}")
        service = client.service
        sent = [(name, value) for name, value in parameters if value is not None]
        format_value = endpoint.format_parameter.values.get(format)
        if format_value is not None:
            sent.append((endpoint.format_parameter.name, format_value))
        hidden = service.secret_parameters
        self.secrets = [value for name, value in sent if name in hidden and value]
        self.hide = masker(self.secrets, REDACTED)
        url = client.url_of(endpoint)
        shown = encode_parameters(sent, hide=hidden, mask=REDACTED)
        self.info = RequestInfo(endpoint.name, method, f"{url}?{shown}")
        encoded = encode_parameters(sent)
        self.endpoint = endpoint
        self.client = client
        self.started = time.monotonic()
        self.deadline = self.started + client.retry_policy.max_elapsed
        self.retries_taken = 0
        self._chunks: list[bytes] = []
        self._inflater = Inflater(endpoint.name, None, client.max_body_bytes)
        self._timeout = client.timeout if timeout is None else timeout
        # Redirects are never followed: a 307 would send the app key to wherever it points.
        self.arguments: dict[str, Any] = {"method": method, "follow_redirects": False,
                                          "headers": {"Accept-Encoding": ACCEPT_ENCODING}}
        if method == "GET":
            self.arguments["url"] = f"{url}?{encoded}"
        else:
            self.arguments |= {"url": url, "content": encoded.encode("ascii")}
            self.arguments["headers"]["Content-Type"] = "application/x-www-form-urlencoded"

    def remaining(self) -> float:
        """Seconds left before the call's deadline (negative once it has passed)."""
        return self.deadline - time.monotonic()

    def request(self, **extensions: Any) -> dict[str, Any]:
        """The arguments of the next attempt, its timeouts no longer than the time left."""
        left = self.remaining()
        if left <= 0:
            raise self.timed_out()
        arguments = {**self.arguments, "timeout": _capped(self._timeout, left)}
        if extensions:
            arguments["extensions"] = extensions
        return arguments

    def timed_out(self, cause: str = "") -> RequestTimeoutError:
        """The error of a call whose deadline passed (``cause``: what was cut short)."""
        reason = f"no complete answer within the call's deadline of " \
                 f"{self.client.retry_policy.max_elapsed:g} s"
        return RequestTimeoutError(self.info.endpoint,
                                   self.hide(f"{reason} ({cause})" if cause else reason))

    def transport_error(self, error: httpx.TransportError) -> TransportError:
        # httpx messages can quote the URL, which carries the secrets as sent (RFC 1738).
        cause = f"{type(error).__name__}: {error}"
        # A reset or an early close breaks the connection as a refused one does.
        broken = (httpx.NetworkError, httpx.RemoteProtocolError)
        kind = RequestTimeoutError if isinstance(error, httpx.TimeoutException) else (
            ConnectError if isinstance(error, broken) else TransportError)
        # Cut short by the deadline, whatever broke then.
        failure = (self.timed_out() if self.remaining() <= 0
                   else kind(self.info.endpoint, self.hide(cause)))
        # Refused or unreachable: the request never left, so even a single-use code is intact.
        failure.unsent = isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout))
        return failure

    def start(self, response: httpx.Response) -> bytes | None:
        """A new answer begins; refuse it early if it announces too large a body, or a
        Content-Encoding the client does not inflate.

        Returns the body if the transport has read it already (``httpx.MockTransport``
        does, and decodes it): there are no raw bytes left to read then.
        """
        self._chunks = []
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.client.max_body_bytes:
            raise ResponseTooLargeError(self.info.endpoint, self.client.max_body_bytes)
        read = response.content if response.is_stream_consumed else None
        encoding = None if read is not None else response.headers.get("content-encoding")
        self._inflater = Inflater(self.info.endpoint, encoding, self.client.max_body_bytes)
        return read

    def feed(self, chunk: bytes) -> None:
        """Keep a raw chunk of the body, decoded; stop at the body limit or the deadline."""
        if self.remaining() <= 0:
            raise self.timed_out("while reading the body")
        self._chunks += self._inflater.feed(chunk)

    def finish(self, response: httpx.Response) -> RawResponse[ResultT]:
        """The whole answer, unparsed; recorded first if the client keeps captures."""
        self._inflater.finish()
        content = b"".join(self._chunks)
        self._chunks = []
        # The answer may hold secrets of its own (a new token) besides echoing the call's.
        own = self.endpoint.secret_values(content)
        secrets = [*self.secrets, *own]
        if self.client.capture_dir is not None and response.status_code == 200:
            write_capture(self.client.capture_dir, self.info, response.status_code,
                          response.headers, content, secrets)
        return RawResponse(self.endpoint, self.info, response, content,
                           time.monotonic() - self.started, self.retries_taken,
                           masker(secrets, REDACTED) if own else self.hide)

    def next_step(self, outcome: RawResponse[ResultT] | QQConnectError,
                  headers: Mapping[str, str] | None) -> RawResponse[ResultT] | float:
        """After an attempt: the answer to return, or the seconds to wait before the next.

        A complete answer is returned when it is a success or no retry is due (its
        ``parse()`` raises its error); a failure without an answer is raised here.
        """
        if isinstance(outcome, RawResponse):
            verdict = outcome.verdict()
            if not isinstance(verdict, QQConnectError):
                return outcome
            delay = self.retry_delay(verdict, headers)
            return outcome if delay is None else delay
        delay = self.retry_delay(outcome, headers)
        if delay is None:
            raise outcome
        return delay

    def retry_delay(self, error: QQConnectError, headers: Mapping[str, str] | None) -> float | None:
        """How long to wait before trying again, or None to give up on ``error``.

        Every failure of a call passes here, so this is where it learns its request, has
        the call's secrets masked in what the server wrote into it (a header it quotes),
        and loses the exceptions it was raised from: they hold raw input (a pydantic error
        quotes the body, an httpx error the URL).
        """
        error.request = self.info
        error.mask(self.hide)
        error.__cause__ = error.__context__ = None
        policy = self.client.retry_policy
        if (self.retries_taken >= policy.max_retries
                or not is_retryable(error, self.endpoint.retry_safe)):
            return None
        delay = policy.delay(self.retries_taken + 1, parse_retry_after(headers))
        # Never wait past the deadline, nor up to it: the attempt after would have no time.
        if delay >= self.remaining():
            return None
        self.retries_taken += 1
        logger.debug("%s: retry %d of %d in %.2f s after %s", self.info.endpoint,
                     self.retries_taken, policy.max_retries, delay, error.summary())
        return delay


def _capped(timeout: Timeout, limit: float) -> httpx.Timeout:
    """``timeout`` with no part longer than ``limit`` seconds (an unset part becomes it)."""
    parts = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
    if math.isinf(limit):
        return parts

    def cap(value: float | None) -> float:
        return limit if value is None else min(value, limit)

    return httpx.Timeout(connect=cap(parts.connect), read=cap(parts.read),
                         write=cap(parts.write), pool=cap(parts.pool))


# The secrets of the call in progress in this thread or task, for ``RedactSecrets``: httpcore
# logs response headers, where a redirect or a cookie can echo them bare.
_CALL_HIDE: ContextVar[Callable[[str], str]] = ContextVar("qq_connect_call_hide", default=str)


class RedactSecrets(logging.Filter):
    """Masks secrets in log records: the values of secret parameters wherever a URL shows
    them (httpx logs every URL), and the current call's secret values wherever they stand."""

    def __init__(self) -> None:
        super().__init__()
        self._names: frozenset[str] = frozenset()
        self._pattern: re.Pattern[str] | None = None

    def protect(self, names: Iterable[str]) -> None:
        """Mask these parameter names too, from now on."""
        wanted = self._names | frozenset(names)
        if wanted != self._names:
            self._names = wanted
            alternatives = "|".join(re.escape(name) for name in sorted(wanted))
            self._pattern = re.compile(rf"((?<![\w.-])(?:{alternatives})=)[^&\s\"']*")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _CALL_HIDE.get()(message)
        if self._pattern is not None:
            redacted = self._pattern.sub(rf"\g<1>{REDACTED}", redacted)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


LOG_FILTER = RedactSecrets()
# A logger's filters see only the records logged on it, not on its children: httpcore logs
# on its submodules' loggers (response headers, which a redirect can fill with a code).
for _name in ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2",
              "httpcore.proxy", "httpcore.socks", "qq_connect"):
    logging.getLogger(_name).addFilter(LOG_FILTER)


# Set while a ``with_raw_response`` method runs: ``_call`` then returns the raw answer.
_RAW_RESPONSE: ContextVar[bool] = ContextVar("qq_connect_raw_response", default=False)


def to_raw_response_wrapper(method: Callable[P, ResultT]) -> Callable[P, RawResponse[ResultT]]:
    """The same endpoint method, returning the ``RawResponse`` instead of parsing it."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[ResultT]:
        token = _RAW_RESPONSE.set(True)
        try:
            return cast("RawResponse[ResultT]", method(*args, **kwargs))
        finally:
            _RAW_RESPONSE.reset(token)

    return wrapped


def async_to_raw_response_wrapper(
        method: Callable[P, Awaitable[ResultT]]) -> Callable[P, Awaitable[RawResponse[ResultT]]]:
    """``to_raw_response_wrapper`` for the async client's methods."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[ResultT]:
        token = _RAW_RESPONSE.set(True)
        try:
            return cast("RawResponse[ResultT]", await method(*args, **kwargs))
        finally:
            _RAW_RESPONSE.reset(token)

    return wrapped


def _answer(raw: RawResponse[ResultT]) -> ResultT:
    """What an endpoint method returns: the parsed result, or the raw answer when wrapped."""
    if _RAW_RESPONSE.get():
        return cast("ResultT", raw)
    return raw.parse()


class BaseClient:
    """Configuration shared by both clients; holds no connection of its own.

    A generated subclass sets ``service`` (the API's base URL, format parameter and
    secret parameters) and adds one method per endpoint.
    """

    service: ClassVar[Service]
    _owns_http: bool
    base_url: str
    timeout: Timeout
    retry_policy: RetryPolicy
    max_body_bytes: int
    capture_dir: Path | None

    def __init__(self, app_id: str | int, *, app_key: str | SecretStr | None,
                 base_url: str | None, timeout: Timeout,
                 max_retries: int | RetryPolicy, max_body_bytes: int,
                 capture_dir: Path | None) -> None:
        self._app_id = str(app_id)
        from pydantic import SecretStr

        self._app_key = None if app_key is None else SecretStr(reveal(app_key) or "")
        self.capture_dir = capture_dir
        # A base_url given here replaces every endpoint's host (tests, proxies).
        self._host_override = base_url.rstrip("/") if base_url else None
        self.base_url = self._host_override or self.service.base_url.rstrip("/")
        self.timeout = timeout
        self.retry_policy = (max_retries if isinstance(max_retries, RetryPolicy)
                             else RetryPolicy(max_retries=max_retries))
        self.max_body_bytes = max_body_bytes
        self._closed = False
        LOG_FILTER.protect(self.service.secret_parameters)

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(base_url={self.base_url!r}, app_id={REDACTED!r}, "
                f"timeout={self.timeout!r}, max_retries={self.retry_policy.max_retries})")

    def _closed_error(self, endpoint: str) -> ClientClosedError:
        return ClientClosedError(endpoint, "the client" if self._closed or self._owns_http
                                 else "the httpx client passed as http_client")

    def _check_open(self, endpoint: str, http_closed: bool) -> None:
        """Refuse a call once the client, or the httpx client it was given, is closed."""
        if self._closed or http_closed:
            raise self._closed_error(endpoint)

    def url_of(self, endpoint: Endpoint[Any, Any]) -> str:
        """Where ``endpoint`` lives: its own host if the spec names one, else the API's."""
        host = self._host_override or endpoint.base_url.rstrip("/") or self.base_url
        return host + endpoint.path

    def _require_app_key(self) -> str:
        if self._app_key is None:
            raise ValueError("this call sends the app key: create the client with app_key=...")
        return self._app_key.get_secret_value()

    def _browser_url(self, path: str, parameters: Iterable[tuple[str, str | None]]) -> str:
        """A URL for the user's browser (never fetched here), parameters per RFC 1738."""
        sent = [(name, value) for name, value in parameters if value is not None]
        return f"{self.base_url}{path}?{encode_parameters(sent)}"


class SyncClient(BaseClient):
    """The synchronous client's I/O: one loop of attempts per call, waiting with ``time``.

    The call's deadline is kept while reading by ``WATCHDOG``, which shuts the socket of
    an attempt down when it passes, and by the clock checked between chunks. One case is
    bounded per read only: headers dribbled over a reused keep-alive connection (httpcore
    shows a connection's socket when it opens it, and with the headers), each read then
    lasting ``min(timeout, time left)`` at most.
    """

    def __init__(self, app_id: str | int, app_key: str | SecretStr | None = None, *,
                 base_url: str | None = None, timeout: Timeout = DEFAULT_TIMEOUT,
                 max_retries: int | RetryPolicy = DEFAULT_MAX_RETRIES,
                 max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, capture_dir: Path | None = None,
                 http_client: httpx.Client | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        super().__init__(app_id, app_key=app_key, base_url=base_url, timeout=timeout,
                         max_retries=max_retries, max_body_bytes=max_body_bytes,
                         capture_dir=capture_dir)
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(timeout=timeout, transport=transport)

    def close(self) -> None:
        """Close the connections, if the client made its own httpx client; calls made
        afterwards raise ``ClientClosedError``."""
        self._closed = True
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def _call(self, endpoint: Endpoint[Any, ResultT],
              parameters: Iterable[tuple[str, str | None]], method: str, format: str,
              timeout: Timeout | None) -> ResultT:
        self._check_open(endpoint.name, self._http.is_closed)
        call = CallState(self, endpoint, parameters, method, format, timeout)
        hide = _CALL_HIDE.set(call.hide)
        try:
            return _answer(self._send(call))
        finally:
            _CALL_HIDE.reset(hide)

    def _send(self, call: CallState[ResultT]) -> RawResponse[ResultT]:
        while True:
            outcome, headers = self._attempt(call)
            step = call.next_step(outcome, headers)
            if isinstance(step, RawResponse):
                return step
            time.sleep(step)

    def _attempt(self, call: CallState[ResultT]
                 ) -> tuple[RawResponse[ResultT] | QQConnectError, httpx.Headers | None]:
        headers: httpx.Headers | None = None
        try:
            with WATCHDOG.watch(call.deadline) as watch, \
                    self._http.stream(**call.request(trace=watch.trace)) as response:
                headers = response.headers
                try:
                    watch.add(response.extensions.get("network_stream"))
                    read = call.start(response)
                    for chunk in response.iter_raw() if read is None else (read,):
                        call.feed(chunk)
                    if watch.fired:  # a body that ends at the connection's end looks whole
                        return call.timed_out("while reading the body"), headers
                    return call.finish(response), headers
                finally:
                    watch.stop()  # before the connection goes back to the pool
        except httpx.TransportError as error:
            return call.transport_error(error), headers
        except QQConnectError as error:
            return error, headers
        except RuntimeError:
            if not self._http.is_closed:
                raise
            return self._closed_error(call.info.endpoint), headers  # closed during the call


class AsyncClient(BaseClient):
    """The asynchronous client's I/O: the same loop as ``SyncClient``, awaited.

    Each attempt runs in ``anyio.move_on_after`` of the time left, which cancels it
    wherever it waits when the deadline passes.
    """

    def __init__(self, app_id: str | int, app_key: str | SecretStr | None = None, *,
                 base_url: str | None = None, timeout: Timeout = DEFAULT_TIMEOUT,
                 max_retries: int | RetryPolicy = DEFAULT_MAX_RETRIES,
                 max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, capture_dir: Path | None = None,
                 http_client: httpx.AsyncClient | None = None,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__(app_id, app_key=app_key, base_url=base_url, timeout=timeout,
                         max_retries=max_retries, max_body_bytes=max_body_bytes,
                         capture_dir=capture_dir)
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(timeout=timeout, transport=transport)

    async def aclose(self) -> None:
        """Close the connections, if the client made its own httpx client; calls made
        afterwards raise ``ClientClosedError``."""
        self._closed = True
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        traceback: TracebackType | None) -> None:
        await self.aclose()

    async def _call(self, endpoint: Endpoint[Any, ResultT],
                    parameters: Iterable[tuple[str, str | None]], method: str, format: str,
                    timeout: Timeout | None) -> ResultT:
        self._check_open(endpoint.name, self._http.is_closed)
        call = CallState(self, endpoint, parameters, method, format, timeout)
        hide = _CALL_HIDE.set(call.hide)
        try:
            return _answer(await self._send(call))
        finally:
            _CALL_HIDE.reset(hide)

    async def _send(self, call: CallState[ResultT]) -> RawResponse[ResultT]:
        while True:
            outcome, headers = await self._attempt(call)
            step = call.next_step(outcome, headers)
            if isinstance(step, RawResponse):
                return step
            await anyio.sleep(step)

    async def _attempt(self, call: CallState[ResultT]
                       ) -> tuple[RawResponse[ResultT] | QQConnectError, httpx.Headers | None]:
        headers: httpx.Headers | None = None
        outcome: RawResponse[ResultT] | QQConnectError | None = None
        with anyio.move_on_after(call.remaining()):
            try:
                async with self._http.stream(**call.request()) as response:
                    headers = response.headers
                    read = call.start(response)
                    if read is not None:
                        call.feed(read)
                    else:
                        async for chunk in response.aiter_raw():
                            call.feed(chunk)
                    outcome = call.finish(response)
            except httpx.TransportError as error:
                outcome = call.transport_error(error)
            except QQConnectError as error:
                outcome = error
            except RuntimeError:
                if not self._http.is_closed:
                    raise
                outcome = self._closed_error(call.info.endpoint)
        # Cancelled by the deadline, wherever it was waiting.
        return (call.timed_out() if outcome is None else outcome), headers

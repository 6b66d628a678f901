"""Fault injection: a hostile or broken graph.qq.com, one table row per fault, sync and async.

Each row scripts the fake server (slow or stalled answers, resets at each phase, 5xx storms,
odd ``Retry-After``s, stacked and unknown encodings, bombs, oversized and lying bodies,
servers that echo the request, redirects) or the client (closed, refused), and states the
outcome: the typed error, or a result. Every row also checks, in both clients:

- the wall-clock time, against a generous multiple of the call's deadline (``DEADLINE``,
  the policy's ``max_elapsed``), never as a benchmark;
- peak memory (tracemalloc) where a body could grow it, against ``max_body_bytes`` plus a
  few MiB;
- that no secret of the call, in any encoding, shows anywhere the test can read: the
  error's str and repr, its formatted traceback and chained exceptions (there must be
  none), the result's and raw response's reprs and headers, every log record of every
  logger at DEBUG, and the capture files.

The endpoint is the spec's first that is safe to retry; its call sends the spec's secret
parameters. A storm scripts more faults than the deadline lets the client use: how many
attempts fit depends on the clock, so unused faults are dropped, not reported.
"""

from __future__ import annotations

import email.utils
import gzip
import logging
import socket
import struct
import time
import traceback
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

import qq_connect
from tests.client.credentials import (
    APP_ID,
    APP_KEY,
    SECRETS,
    TOKEN,
    leaked,
    rfc1738,
    secret_forms,
)
from tests.client.support import (
    acall,
    acall_raw,
    call,
    call_raw,
    call_secrets,
    decode_answer,
    encode_answer,
    error_body,
    error_encoding,
    fields_by,
    non_retryable_category,
    some_endpoint,
    success_example,
)
from tests.fakes.graph import (
    Answer,
    Delay,
    Drip,
    FakeGraph,
    Fault,
    Raw,
    Reset,
    SpecEndpoint,
    Stall,
    Truncate,
)

DEADLINE = 0.5  # seconds: the policy's max_elapsed in every row
BOUND = 4 * DEADLINE  # the most a call may take, deadline and cleanup included
MAX_BODY = qq_connect.QQConnect(APP_ID).max_body_bytes  # the default: rows use it
MEMORY_SLACK = 4 << 20  # what a call may hold besides its body: buffers, zlib, httpx
GIB = 1 << 30
STORM = 200  # faults scripted for a storm: more than a deadline's worth of attempts
MAX_DELAY = 0.1  # the policy's longest wait between attempts


# --- bodies -----------------------------------------------------------------------------------

def zeros_gzip(size: int, block: int = 1 << 20) -> bytes:
    """A gzip stream of ``size`` zero bytes, built without compressing them all: blocks
    ended by a full flush compress to the same bytes, so one is repeated."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    zeros = bytes(block)
    first = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    again = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // block):
        crc = zlib.crc32(zeros, crc)
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + first + again * (size // block - 1)
            + deflate.flush() + struct.pack("<II", crc, size & 0xFFFFFFFF))


@cache
def bomb() -> bytes:
    """1 GiB of zeros, gzipped twice: about 2.5 KB on the wire."""
    made = gzip.compress(zeros_gzip(GIB), 9, mtime=0)
    assert len(made) < 4096
    return made


def endpoint_of_rows() -> SpecEndpoint:
    return some_endpoint(retry_safe=True)


def example(endpoint: SpecEndpoint) -> bytes:
    """The success example the call asks for (its first format)."""
    return success_example(endpoint, endpoint.formats[0])


def encoded(content_encoding: str, body: bytes) -> Answer:
    return Answer(body, headers=(("Content-Encoding", content_encoding),))


def as_header(value: str) -> str:
    """``value`` as raw UTF-8 bytes in a header (the fake writes headers as latin-1)."""
    return value.encode("utf-8").decode("latin-1")


def echoes(endpoint: SpecEndpoint) -> tuple[str, ...]:
    """The call's secrets as a server could echo them: raw, and as sent (RFC 1738)."""
    return tuple(form for secret in call_secrets(endpoint) for form in (secret, rfc1738(secret)))


def echoing_headers(endpoint: SpecEndpoint) -> tuple[tuple[str, str], ...]:
    """A redirect and cookies that quote every secret, bare (no ``name=`` to find them by)."""
    forms = echoes(endpoint)
    return (("Location", "https://app.example/back/" + "/".join(rfc1738(f) for f in forms)),
            *(("Set-Cookie", f"s{index}={as_header(form)}; Path=/")
              for index, form in enumerate(forms)),
            *(("X-Echo", as_header(form)) for form in forms))


def echoing_page(endpoint: SpecEndpoint) -> bytes:
    """An HTML error page quoting the request, each secret near the top."""
    quoted = " ".join(echoes(endpoint))
    return f"<html><title>{quoted}</title><body>GET {endpoint.path}?{quoted}</body></html>".encode()


def echoing_error(endpoint: SpecEndpoint) -> bytes:
    """An error answer (not retryable) whose message quotes every secret."""
    encoding = error_encoding(endpoint, endpoint.formats[0])
    return error_body(endpoint, encoding, non_retryable_category().code,
                      "bad request: " + " | ".join(echoes(endpoint)))


def mistyped_secret(endpoint: SpecEndpoint) -> tuple[Fault, ...]:
    """A success whose integer field holds the token: pydantic quotes it in its error."""
    names = fields_by(endpoint, lambda f: f.wire_type == "integer" and f.source == "documented"
                      and f.kind != "return_code")
    if not names:
        pytest.skip(f"{endpoint.name} has no integer field")
    format = endpoint.formats[0]
    document = decode_answer(example(endpoint), format)
    return (Answer(encode_answer({**document, names[0]: TOKEN}, format)),)


@cache
def fragments() -> frozenset[str]:
    """The first characters of each form of each secret: what an excerpt cut inside a
    secret would show."""
    return frozenset(form[:10] for form in secret_forms(*SECRETS) if len(form) >= 10)


def raw_answer(head: str, body: bytes) -> Raw:
    return Raw(f"HTTP/1.1 {head}\r\nContent-Type: text/html\r\n".encode() + b"\r\n" + body)


def retry_after(value: str, status: int = 503) -> Answer:
    return Answer(b"<html>busy</html>", status=status, headers=(("Retry-After", value),))


def http_date(offset: float) -> str:
    return email.utils.formatdate(time.time() + offset, usegmt=True)


# --- the outcome of a row and its checks ------------------------------------------------------

@dataclass
class Outcome:
    endpoint: SpecEndpoint
    graph: FakeGraph
    elapsed: float = 0.0
    peak: int = 0
    error: qq_connect.QQConnectError | None = None
    result: Any = None
    texts: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.graph.requests)


def none(outcome: Outcome) -> None:
    """No check beyond the common ones."""


def retried(outcome: Outcome) -> None:
    assert outcome.requests >= 2, "the storm was not retried"
    assert outcome.requests < STORM


def not_retried(outcome: Outcome) -> None:
    assert outcome.requests == 1


def gave_up_at_once(outcome: Outcome) -> None:
    """Retry-After asks for more than the deadline leaves: no wait, no second request."""
    assert outcome.requests == 1 and outcome.elapsed < DEADLINE


def retried_once(outcome: Outcome) -> None:
    assert outcome.result.retries_taken == 1 and outcome.requests == 2


def unsent(outcome: Outcome) -> None:
    assert isinstance(outcome.error, qq_connect.TransportError) and outcome.error.unsent


def refused_again(outcome: Outcome) -> None:
    """Retried until the deadline (a refusal is unsent; an attempt the deadline cut may be
    said to be sent: the async client cannot tell, and errs on the safe side)."""
    assert outcome.elapsed >= DEADLINE - MAX_DELAY - 0.05
    if isinstance(outcome.error, qq_connect.ConnectError):
        unsent(outcome)


def cut_by_the_deadline(outcome: Outcome) -> None:
    assert outcome.elapsed >= DEADLINE * 0.9
    assert "deadline" in str(outcome.error)


def ran_until_the_deadline(outcome: Outcome) -> None:
    """Tried again and again: cut by the deadline, or stopped as the next wait would pass it."""
    assert outcome.requests >= 2
    assert outcome.elapsed >= DEADLINE - MAX_DELAY - 0.05


def nothing_sent(outcome: Outcome) -> None:
    assert outcome.requests == 0 and "closed" in str(outcome.error)


def errno_readable(outcome: Outcome) -> None:
    """With app id "1", masking is by whole word: "[Errno 111]" (sync; anyio says "All
    connection attempts failed") stays as it is."""
    shown = str(outcome.error)
    assert "<redacted>" not in shown and "Connect" in shown, shown
    assert "[Errno 111]" in shown or "Errno" not in shown, shown


def masked(outcome: Outcome) -> None:
    """The echo was there to mask."""
    shown = str(outcome.error) if outcome.error is not None else "".join(outcome.texts)
    assert "<redacted>" in shown


def not_followed(outcome: Outcome) -> None:
    assert outcome.requests == 1
    assert isinstance(outcome.error, qq_connect.HTTPStatusError)
    assert outcome.error.status in (301, 302, 303, 307, 308)


def kept_the_headers(outcome: Outcome) -> None:
    """A raw answer: the headers are the server's, their repr masked."""
    assert outcome.result.headers.get_list("x-echo")
    assert "<redacted>" in repr(outcome.result.headers)


def both(*checks: Callable[[Outcome], None]) -> Callable[[Outcome], None]:
    def check(outcome: Outcome) -> None:
        for one in checks:
            one(outcome)
    return check


# --- the table --------------------------------------------------------------------------------

Faults = Callable[[SpecEndpoint], tuple[Fault, ...]]


@dataclass(frozen=True)
class Case:
    """One row: what the server does, how the client is set up, what must come of it.

    ``expect``: the error class (or classes), or None for a result. ``setup``: refused
    (nothing listens), closed (the client), closed_http (the caller's httpx client),
    closed_keeping_http (the client, the caller's httpx client still open), following_http
    (a caller's httpx client that follows redirects). ``memory``: measure the peak.
    """

    id: str
    faults: Faults
    expect: type[qq_connect.QQConnectError] | tuple[type[qq_connect.QQConnectError], ...] | None
    retries: int = 0
    timeout: float = 5.0
    setup: str = ""
    memory: bool = False
    raw: bool = False
    method: int = 0  # index into the endpoint's methods
    app_id: str = APP_ID
    check: Callable[[Outcome], None] = none

    def __str__(self) -> str:
        return self.id


def repeat(fault: Fault, count: int = STORM) -> Faults:
    return lambda endpoint: (fault,) * count


# A storm ends with its last failure when the next wait would not fit before the deadline,
# or with the deadline when the last attempt is cut short.
STORM_END = (qq_connect.HTTPStatusError, qq_connect.ConnectError,
             qq_connect.RequestTimeoutError)


CASES = [
    # Slow, stalled: the deadline holds whatever the server does.
    Case("slow-headers", lambda e: (Delay(2.0),), qq_connect.RequestTimeoutError,
         check=cut_by_the_deadline),
    Case("headers-dripped", lambda e: (Drip(0.05, headers=True),),
         qq_connect.RequestTimeoutError, check=cut_by_the_deadline),
    Case("body-dripped", lambda e: (Drip(0.05),), qq_connect.RequestTimeoutError,
         check=cut_by_the_deadline),
    Case("body-dripped-slower-than-reads", lambda e: (Drip(0.3),),
         qq_connect.RequestTimeoutError, check=cut_by_the_deadline),
    Case("stalled-before-headers", lambda e: (Stall(),), qq_connect.RequestTimeoutError,
         check=cut_by_the_deadline),
    Case("stalled-mid-body", lambda e: (Stall(keep=5),), qq_connect.RequestTimeoutError,
         check=cut_by_the_deadline),
    Case("timeout-longer-than-deadline", lambda e: (Stall(),), qq_connect.RequestTimeoutError,
         timeout=60.0, check=cut_by_the_deadline),
    Case("drip-storm", repeat(Drip(0.05)), qq_connect.RequestTimeoutError, retries=50,
         check=cut_by_the_deadline),
    Case("timeouts-until-deadline", repeat(Stall()), qq_connect.RequestTimeoutError,
         retries=50, timeout=0.15, check=ran_until_the_deadline),
    # Connections that break, at each phase.
    Case("refused", lambda e: (), qq_connect.ConnectError, setup="refused", check=unsent),
    Case("refused-until-deadline", lambda e: (), STORM_END, retries=50, setup="refused",
         check=refused_again),
    Case("refused-app-id-1", lambda e: (), qq_connect.ConnectError, setup="refused",
         app_id="1", check=errno_readable),
    Case("reset-before-headers", lambda e: (Reset(),), qq_connect.ConnectError),
    Case("reset-after-headers", lambda e: (Reset(keep=0),), qq_connect.ConnectError),
    Case("reset-mid-body", lambda e: (Reset(keep=10),), qq_connect.ConnectError),
    Case("closed-mid-body", lambda e: (Truncate(keep=10),), qq_connect.ConnectError),
    Case("reset-storm", repeat(Reset()), qq_connect.TransportError, retries=50, check=retried),
    # 5xx storms and Retry-After.
    Case("503-storm", repeat(Answer(b"<html>busy</html>", status=503)), STORM_END,
         retries=50, check=retried),
    Case("502-storm-retry-after-0.1", repeat(retry_after("0.1", 502)), STORM_END,
         retries=50, check=retried),
    Case("retry-after-huge", lambda e: (retry_after("86400"),), qq_connect.HTTPStatusError,
         retries=50, check=gave_up_at_once),
    Case("retry-after-overflowing", lambda e: (retry_after("9" * 400),),
         qq_connect.HTTPStatusError, retries=50, check=gave_up_at_once),
    Case("retry-after-date-tomorrow", lambda e: (retry_after(http_date(86400)),),
         qq_connect.HTTPStatusError, retries=50, check=gave_up_at_once),
    Case("retry-after-date-past", lambda e: (retry_after(http_date(-86400)),), None,
         retries=50, check=retried_once),
    Case("retry-after-negative", lambda e: (retry_after("-5"),), None, retries=50,
         check=retried_once),
    Case("retry-after-garbage", lambda e: (retry_after("soon, please"),), None, retries=50,
         check=retried_once),
    Case("429-retry-after-0", lambda e: (retry_after("0", 429),), None, retries=50,
         check=retried_once),
    # Encodings: one layer of gzip or deflate is inflated, nothing else.
    Case("gzip", lambda e: (encoded("gzip", gzip.compress(example(e))),), None),
    Case("x-gzip-and-identity", lambda e: (encoded("identity, x-gzip",
                                                   gzip.compress(example(e))),), None),
    Case("deflate-zlib", lambda e: (encoded("deflate", zlib.compress(example(e))),), None),
    Case("deflate-raw", lambda e: (encoded("deflate", zlib.compress(example(e), wbits=-15)),),
         None),
    Case("stacked-gzip", lambda e: (encoded("gzip, gzip",
                                            gzip.compress(gzip.compress(example(e)))),),
         qq_connect.ContentEncodingError),
    Case("unknown-br", lambda e: (encoded("br", example(e)),), qq_connect.ContentEncodingError),
    Case("unknown-compress", lambda e: (encoded("compress", example(e)),),
         qq_connect.ContentEncodingError),
    Case("unknown-echoing-a-secret", lambda e: (encoded(as_header(echoes(e)[0]), example(e)),),
         qq_connect.ContentEncodingError, check=masked),
    Case("corrupt-gzip", lambda e: (encoded("gzip", b"\x1f\x8b\x08\x00garbage" * 8),),
         qq_connect.ContentEncodingError),
    Case("gzip-cut-short", lambda e: (encoded("gzip", gzip.compress(example(e))[:-12]),),
         qq_connect.ContentEncodingError),
    Case("gzip-then-garbage", lambda e: (encoded("gzip", gzip.compress(example(e)) + b"xx"),),
         qq_connect.ContentEncodingError),
    # Bombs and oversized bodies: memory stays near max_body_bytes.
    Case("bomb-stacked", lambda e: (encoded("gzip, gzip", bomb()),),
         qq_connect.ContentEncodingError, memory=True),
    Case("bomb-one-layer-declared", lambda e: (encoded("gzip", bomb()),),
         qq_connect.DecodeError, memory=True),
    Case("bomb-1gib-gzip", lambda e: (encoded("gzip", zeros_gzip(GIB)),),
         qq_connect.ResponseTooLargeError, memory=True),
    Case("bomb-in-a-502", lambda e: (Answer(zeros_gzip(GIB), status=502,
                                            headers=(("Content-Encoding", "gzip"),)),),
         qq_connect.ResponseTooLargeError, retries=50, memory=True, check=not_retried),
    Case("oversized-declared", lambda e: (Answer(b" " * (MAX_BODY + 1)),),
         qq_connect.ResponseTooLargeError, memory=True),
    Case("oversized-undeclared", lambda e: (raw_answer("200 OK", b" " * (4 * MAX_BODY)),),
         qq_connect.ResponseTooLargeError, memory=True),
    Case("length-huge", lambda e: (raw_answer(f"200 OK\r\nContent-Length: {1 << 40}", b"{"),),
         qq_connect.ResponseTooLargeError, memory=True),
    # Lying Content-Length.
    Case("length-shorter-than-body", lambda e: (raw_answer("200 OK\r\nContent-Length: 5",
                                                           example(e)),),
         qq_connect.DecodeError),
    Case("length-longer-than-body", lambda e: (raw_answer("200 OK\r\nContent-Length: 9999",
                                                          example(e)),),
         qq_connect.ConnectError),
    Case("length-not-a-number", lambda e: (raw_answer("200 OK\r\nContent-Length: 12abc",
                                                      example(e)),),
         qq_connect.ConnectError),
    # Servers that echo the request.
    Case("echo-in-msg", lambda e: (Answer(echoing_error(e)),), qq_connect.ApiError,
         check=masked),
    Case("echo-in-html-502", lambda e: (Answer(echoing_page(e), status=502),),
         qq_connect.HTTPStatusError, check=masked),
    Case("echo-in-html-200", lambda e: (Answer(echoing_page(e)),), qq_connect.DecodeError,
         check=masked),
    Case("echo-in-a-bad-field", mistyped_secret, qq_connect.ResponseValidationError),
    Case("echo-in-headers-of-a-success", lambda e: (Answer(example(e),
                                                           headers=echoing_headers(e)),),
         None, raw=True, check=kept_the_headers),
    Case("echo-in-headers-of-an-error", lambda e: (Answer(echoing_error(e),
                                                          headers=echoing_headers(e)),),
         qq_connect.ApiError),
    # Redirects are answers, never followed (a 307 would resend the app key).
    Case("redirect-302-echoing", lambda e: (Answer(b"", status=302,
                                                   headers=echoing_headers(e)),),
         qq_connect.HTTPStatusError, check=not_followed),
    Case("redirect-307-post", lambda e: (Answer(b"", status=307, headers=(
        ("Location", "/steal"),)),), qq_connect.HTTPStatusError, method=-1, check=not_followed),
    Case("redirect-with-a-following-http-client", lambda e: (Answer(b"", status=308, headers=(
        ("Location", "/steal"),)),), qq_connect.HTTPStatusError, setup="following_http",
        check=not_followed),
    # Use after close.
    Case("closed-client", lambda e: (), qq_connect.ClientClosedError, setup="closed",
         check=nothing_sent),
    Case("closed-http-client", lambda e: (), qq_connect.ClientClosedError,
         setup="closed_http", check=nothing_sent),
    Case("closed-client-open-http-client", lambda e: (), qq_connect.ClientClosedError,
         setup="closed_keeping_http", check=nothing_sent),
]


# --- running a row ----------------------------------------------------------------------------

@pytest.fixture
def fake(server: FakeGraph) -> Iterator[FakeGraph]:
    """The session's fake, reset before and after; a storm's unused faults are dropped."""
    server.reset()
    yield server
    server.reset()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def client_options(case: Case, outcome: Outcome, captures: Path) -> dict[str, Any]:
    base_url = (f"http://127.0.0.1:{closed_port()}" if case.setup == "refused"
                else outcome.graph.url)
    policy = qq_connect.RetryPolicy(max_retries=case.retries, initial_delay=0.02,
                                    max_delay=MAX_DELAY, max_elapsed=DEADLINE)
    return {"app_key": APP_KEY, "base_url": base_url, "timeout": case.timeout,
            "max_retries": policy, "capture_dir": captures}


@dataclass
class Measure:
    """Wall-clock time and, when asked, peak traced memory of what runs inside."""

    memory: bool
    elapsed: float = 0.0
    peak: int = 0

    def __enter__(self) -> Measure:
        if self.memory:
            tracemalloc.start()
        self._started = time.monotonic()
        return self

    def __exit__(self, *_: object) -> None:
        self.elapsed = time.monotonic() - self._started
        if self.memory:
            self.peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()


def run_sync(case: Case, outcome: Outcome, captures: Path) -> None:
    endpoint = outcome.endpoint
    http = httpx.Client(follow_redirects=True) if "http" in case.setup else None
    if case.setup == "closed_http" and http is not None:
        http.close()
    client = qq_connect.QQConnect(case.app_id, http_client=http,
                                  **client_options(case, outcome, captures))
    if case.setup.startswith("closed_keeping") or case.setup == "closed":
        client.close()
    measure = Measure(case.memory)
    try:
        with measure:
            try:
                invoke = call_raw if case.raw else call
                outcome.result = invoke(client, endpoint, endpoint.methods[case.method])
            except qq_connect.QQConnectError as error:
                outcome.error = error
    finally:
        client.close()
        if http is not None:
            http.close()
    outcome.elapsed, outcome.peak = measure.elapsed, measure.peak


async def run_async(case: Case, outcome: Outcome, captures: Path) -> None:
    endpoint = outcome.endpoint
    http = httpx.AsyncClient(follow_redirects=True) if "http" in case.setup else None
    if case.setup == "closed_http" and http is not None:
        await http.aclose()
    client = qq_connect.AsyncQQConnect(case.app_id, http_client=http,
                                       **client_options(case, outcome, captures))
    if case.setup.startswith("closed_keeping") or case.setup == "closed":
        await client.aclose()
    measure = Measure(case.memory)
    try:
        with measure:
            try:
                invoke = acall_raw if case.raw else acall
                outcome.result = await invoke(client, endpoint, endpoint.methods[case.method])
            except qq_connect.QQConnectError as error:
                outcome.error = error
    finally:
        await client.aclose()
        if http is not None:
            await http.aclose()
    outcome.elapsed, outcome.peak = measure.elapsed, measure.peak


def readable_texts(outcome: Outcome, caplog: pytest.LogCaptureFixture,
                   captures: Path) -> list[str]:
    """Everything a user of the client could read after the call."""
    texts = [caplog.text, *(record.getMessage() for record in caplog.records)]
    error = outcome.error
    if error is not None:
        texts += [str(error), repr(error), repr(error.request), *map(str, error.args),
                  "".join(traceback.format_exception(error))]
        texts += [str(getattr(error, name, "")) for name in ("msg", "reason", "body_excerpt",
                                                             "problems")]
    if outcome.result is not None:
        texts += [str(outcome.result), repr(outcome.result)]
        if isinstance(outcome.result, qq_connect.RawResponse):
            texts += [repr(outcome.result.headers), str(outcome.result.headers)]
    if captures.exists():
        texts += [path.read_text("utf-8", "replace") for path in sorted(captures.rglob("*"))
                  if path.is_file()]
    return texts


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", CASES, ids=str)
def test_fault(case: Case, mode: str, fake: FakeGraph, caplog: pytest.LogCaptureFixture,
               tmp_path: Path) -> None:
    endpoint = endpoint_of_rows()
    faults = case.faults(endpoint)
    if faults:
        fake.script(endpoint.path, *faults)
    captures = tmp_path / "captures"
    outcome = Outcome(endpoint, fake)
    caplog.set_level(logging.DEBUG)  # the root: every logger's records
    if mode == "sync":
        run_sync(case, outcome, captures)
    else:
        anyio.run(run_async, case, outcome, captures)

    if case.expect is None:
        assert outcome.error is None, outcome.error
        assert outcome.result is not None
    else:
        assert isinstance(outcome.error, case.expect), outcome.error
        assert outcome.error.__cause__ is None and outcome.error.__context__ is None
    assert outcome.elapsed < BOUND, f"{outcome.elapsed:.2f} s for a {DEADLINE} s deadline"
    if case.memory:
        assert outcome.peak < MAX_BODY + MEMORY_SLACK, f"peak {outcome.peak / 2**20:.1f} MiB"
    outcome.texts = readable_texts(outcome, caplog, captures)
    found = sorted({secret for text in outcome.texts for secret in leaked(text, *echoes(endpoint))})
    assert not found, f"secrets readable after the call: {found}"
    cut = sorted({piece for text in outcome.texts for piece in fragments() if piece in text})
    assert not cut, f"the start of a secret readable after the call: {cut}"
    case.check(outcome)


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert len({case.id for case in CASES}) == len(CASES)

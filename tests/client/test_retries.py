"""What is retried, how often and how long the client waits: counted, never timed.

Every endpoint gets every test; what it expects follows the endpoint's ``retry`` in the
spec. A ``retry: unsafe`` endpoint spends a single-use input (a code, a refresh token): it
is retried only when the request surely never left (connection refused), never once it
may have reached the server (an HTTP status, a timeout after sending, a reset, a
retryable code). The waits are recorded by the ``sleeps`` fixture instead of slept.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from urllib.parse import parse_qsl

import httpx
import pytest

import qq_connect
from tests.client.conftest import RETRYING
from tests.client.credentials import APP_ID, APP_KEY
from tests.client.support import (
    Category,
    call,
    call_raw,
    error_body,
    error_encoding,
    generated_endpoint,
    retryable_category,
    some_endpoint,
)
from tests.fakes.graph import Answer, Delay, FakeGraph, Fault, Reset, SpecEndpoint, Truncate
from tests.fakes.graph import default_body as success_body

HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


def backoff_bounds(retry_number: int) -> tuple[float, float]:
    """The least and the most ``RETRYING`` may wait before retry ``retry_number`` (1-based)."""
    most = min(RETRYING.initial_delay * 2 ** (retry_number - 1), RETRYING.max_delay)
    return most * (1 - RETRYING.jitter), most


def tries(endpoint: SpecEndpoint, retryable: bool = True) -> int:
    """How many requests ``RETRYING`` makes for a failure that keeps coming back, once the
    request may have reached the server."""
    return RETRYING.max_retries + 1 if retryable and endpoint.retry_safe else 1


def busy_answer(endpoint: SpecEndpoint, format: str | None = None) -> Answer:
    """A retryable code (a busy server), in the endpoint's error shape."""
    encoding = error_encoding(endpoint, format or endpoint.formats[0])
    return Answer(error_body(endpoint, encoding, retryable_category().code, "服务器繁忙"))


def script_until_given_up(graph: FakeGraph, endpoint: SpecEndpoint, fault: Fault) -> int:
    """Script ``fault`` for every try the client makes; how many that is."""
    count = tries(endpoint)
    graph.script(endpoint.path, *[fault] * count)
    return count


def test_retryable_code_is_retried_until_success_where_safe(
        retrying_client: qq_connect.QQConnect, graph: FakeGraph, sleeps: list[float],
        endpoint: SpecEndpoint, method: str, format: str) -> None:
    graph.script(endpoint.path, *[busy_answer(endpoint, format)] * min(2, tries(endpoint)))

    if not endpoint.retry_safe:
        with pytest.raises(qq_connect.ApiError) as raised:
            call(retrying_client, endpoint, method, format)
        assert raised.value.retryable  # retryable by its code, not here: it may have arrived
        assert len(graph.requests) == 1 and sleeps == []
        return
    result = call(retrying_client, endpoint, method, format)

    assert result.retries_taken == 2
    first, *again = graph.requests
    assert len(again) == 2
    for request in again:  # the very same request each time
        assert (request.method, request.target, request.body) == (
            first.method, first.target, first.body)
    assert len(sleeps) == 2
    for retry_number, waited in enumerate(sleeps, start=1):
        least, most = backoff_bounds(retry_number)
        assert least <= waited <= most, (retry_number, sleeps)


def test_only_retryable_categories_are_retried(
        retrying_client: qq_connect.QQConnect, graph: FakeGraph, sleeps: list[float],
        endpoint: SpecEndpoint, category: Category) -> None:
    count = tries(endpoint, category.retryable)
    encoding = error_encoding(endpoint, endpoint.formats[0])
    for done, code in enumerate(category.codes, start=1):
        graph.script(endpoint.path, *[Answer(error_body(endpoint, encoding, code, "m"))] * count)
        with pytest.raises(qq_connect.ApiError) as raised:
            call(retrying_client, endpoint)
        assert type(raised.value) is getattr(qq_connect, category.exception)
        assert raised.value.code == code and raised.value.request is not None
        # A retryable code stops at the bound: the first try and RETRYING.max_retries more.
        assert len(graph.requests) == done * count
        assert len(sleeps) == done * (count - 1)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_http_status_is_retried_where_safe(
        retrying_client: qq_connect.QQConnect, graph: FakeGraph, sleeps: list[float],
        endpoint: SpecEndpoint, status: int) -> None:
    graph.script(endpoint.path, Answer(HTML_502, status=status))
    if endpoint.retry_safe:
        assert call(retrying_client, endpoint).retries_taken == 1
        assert len(graph.requests) == 2 and len(sleeps) == 1
        return
    with pytest.raises(qq_connect.HTTPStatusError) as raised:
        call(retrying_client, endpoint)
    assert raised.value.status == status
    assert len(graph.requests) == 1 and sleeps == []


@pytest.mark.parametrize("status", [301, 400, 403, 404])
def test_other_http_status_is_not_retried(retrying_client: qq_connect.QQConnect,
                                          graph: FakeGraph, sleeps: list[float],
                                          endpoint: SpecEndpoint, status: int) -> None:
    graph.script(endpoint.path, Answer(b"<html>no</html>", status=status))
    with pytest.raises(qq_connect.HTTPStatusError) as raised:
        call(retrying_client, endpoint)
    assert raised.value.status == status
    assert len(graph.requests) == 1 and sleeps == []


def test_http_5xx_to_the_end_raises_http_status_error(
        retrying_client: qq_connect.QQConnect, graph: FakeGraph, sleeps: list[float],
        endpoint: SpecEndpoint) -> None:
    count = script_until_given_up(graph, endpoint, Answer(HTML_502, status=502))
    with pytest.raises(qq_connect.HTTPStatusError) as raised:
        call(retrying_client, endpoint)
    assert raised.value.status == 502 and "502 Bad Gateway" in raised.value.body_excerpt
    assert len(graph.requests) == count
    assert len(sleeps) == count - 1


def test_retry_after_is_honoured(retrying_client: qq_connect.QQConnect, graph: FakeGraph,
                                 sleeps: list[float]) -> None:
    endpoint = some_endpoint(retry_safe=True)
    graph.script(endpoint.path, Answer(b"slow down", status=429, headers=(("Retry-After", "3"),)))
    assert call(retrying_client, endpoint).retries_taken == 1
    assert sleeps == [3.0]  # the header, not the policy's backoff (at most RETRYING.max_delay)


@pytest.mark.parametrize(("retry_after", "retried"), [("60", False), ("1", True)])
def test_total_retry_time_is_bounded(graph: FakeGraph, sleeps: list[float], retry_after: str,
                                     retried: bool) -> None:
    """A wait that would pass ``max_elapsed`` is not taken; a shorter one is."""
    endpoint = some_endpoint(retry_safe=True)
    policy = qq_connect.RetryPolicy(max_retries=5, max_elapsed=10.0)
    graph.script(endpoint.path,
                 Answer(b"", status=503, headers=(("Retry-After", retry_after),)))
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url,
                              max_retries=policy) as client:
        if retried:
            assert call(client, endpoint).retries_taken == 1
            assert sleeps == [float(retry_after)]
        else:
            with pytest.raises(qq_connect.HTTPStatusError):
                call(client, endpoint)
            assert sleeps == []
    assert len(graph.requests) == 1 + retried


@pytest.mark.parametrize("fault", [Reset(), Truncate(keep=20)], ids=["reset", "truncated"])
def test_a_broken_answer_is_retried_where_safe(retrying_client: qq_connect.QQConnect,
                                               graph: FakeGraph, sleeps: list[float],
                                               endpoint: SpecEndpoint, fault: Fault) -> None:
    """The server read the request, then the connection broke: it may have acted on it."""
    if endpoint.retry_safe:
        graph.script(endpoint.path, fault, fault)
        assert call(retrying_client, endpoint).retries_taken == 2
        assert len(graph.requests) == 3 and len(sleeps) == 2
    count = script_until_given_up(graph, endpoint, fault)
    before = len(graph.requests)
    with pytest.raises(qq_connect.TransportError) as raised:
        call(retrying_client, endpoint)
    assert not raised.value.unsent
    assert len(graph.requests) - before == count
    assert len(sleeps) == (2 if endpoint.retry_safe else 0) + count - 1


def test_a_timeout_is_retried_where_safe(retrying_client: qq_connect.QQConnect,
                                         graph: FakeGraph, sleeps: list[float],
                                         endpoint: SpecEndpoint) -> None:
    """Sent, then no answer in time: the server may have acted on it."""
    graph.script(endpoint.path, Delay(0.5))
    if endpoint.retry_safe:
        assert call(retrying_client, endpoint, timeout=0.2).retries_taken == 1
        assert len(graph.requests) == 2 and len(sleeps) == 1
        return
    with pytest.raises(qq_connect.RequestTimeoutError) as raised:
        call(retrying_client, endpoint, timeout=0.2)
    assert not raised.value.unsent
    assert len(graph.requests) == 1 and sleeps == []


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_connection_refused_is_retried_everywhere(sleeps: list[float],
                                                  endpoint: SpecEndpoint) -> None:
    """Refused: the request never left, so even a single-use code is intact."""
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, max_retries=RETRYING, timeout=2.0,
                              base_url=f"http://127.0.0.1:{closed_port()}") as client, \
            pytest.raises(qq_connect.ConnectError) as raised:
        call(client, endpoint)
    assert raised.value.unsent
    assert len(sleeps) == RETRYING.max_retries


def refusing_then_answering(endpoint: SpecEndpoint, refusals: list[Exception],
                            seen: list[httpx.Request]) -> httpx.MockTransport:
    """A transport that raises each of ``refusals`` in turn, then answers the success
    example asked for; every request lands in ``seen``."""
    pending: Iterator[Exception] = iter(refusals)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        refusal = next(pending, None)
        if refusal is not None:
            raise refusal
        sent = dict(parse_qsl(request.url.query.decode("ascii") or
                              request.content.decode("ascii")))
        return httpx.Response(200, content=success_body(endpoint, sent))

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("refusal", [httpx.ConnectError, httpx.ConnectTimeout])
def test_a_request_that_never_left_is_retried_then_answered(
        sleeps: list[float], endpoint: SpecEndpoint, method: str,
        refusal: type[httpx.TransportError]) -> None:
    seen: list[httpx.Request] = []
    transport = refusing_then_answering(endpoint, [refusal("refused")], seen)
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, max_retries=RETRYING,
                              transport=transport) as client:
        result = call(client, endpoint, method)
    assert result.retries_taken == 1 and len(sleeps) == 1
    first, again = seen
    assert (first.method, first.url, first.content) == (again.method, again.url, again.content)
    assert type(result) is generated_endpoint(endpoint).result_model


def test_raw_response_counts_the_retries(retrying_client: qq_connect.QQConnect,
                                         graph: FakeGraph, sleeps: list[float],
                                         endpoint: SpecEndpoint, format: str) -> None:
    busy = busy_answer(endpoint, format)
    graph.script(endpoint.path, busy)
    raw = call_raw(retrying_client, endpoint, format=format)
    assert raw.status_code == 200
    if not endpoint.retry_safe:
        assert raw.content == busy.body and raw.retries_taken == 0
        with pytest.raises(qq_connect.ApiError):
            raw.parse()
        assert len(graph.requests) == 1 and sleeps == []
        return
    assert raw.content == endpoint.example("success", format)
    assert raw.retries_taken == 1 and raw.parse().retries_taken == 1
    assert len(graph.requests) == 2 and len(sleeps) == 1

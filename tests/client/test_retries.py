"""What is retried, how often and how long the client waits: counted, never timed.

The waits are recorded by the ``sleeps`` fixture instead of slept.
"""

from __future__ import annotations

import pytest

import qq_connect
from tests.client.conftest import RETRYING
from tests.client.credentials import APP_ID
from tests.client.support import (
    Category,
    call,
    call_raw,
    error_body,
    retryable_category,
    some_endpoint,
)
from tests.fakes.graph import Answer, Delay, FakeGraph, Reset, SpecEndpoint, Truncate

HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


def backoff_bounds(retry_number: int) -> tuple[float, float]:
    """The least and the most ``RETRYING`` may wait before retry ``retry_number`` (1-based)."""
    most = min(RETRYING.initial_delay * 2 ** (retry_number - 1), RETRYING.max_delay)
    return most * (1 - RETRYING.jitter), most


def test_retryable_code_is_retried_until_success(
        retrying_client: qq_connect.QQConnect, graph: FakeGraph, sleeps: list[float],
        endpoint: SpecEndpoint, method: str, format: str) -> None:
    busy = retryable_category()
    graph.script(endpoint.path, *[Answer(error_body(format, busy.code, "服务器繁忙"))] * 2)

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
        category: Category) -> None:
    endpoint = some_endpoint()
    tries = RETRYING.max_retries + 1 if category.retryable else 1
    for done, ret in enumerate(category.codes, start=1):
        graph.script(endpoint.path,
                     *[Answer(error_body(endpoint.formats[0], ret, "m"))] * tries)
        with pytest.raises(qq_connect.ApiError) as raised:
            call(retrying_client, endpoint)
        assert type(raised.value) is getattr(qq_connect, category.exception)
        assert raised.value.ret == ret and raised.value.request is not None
        # A retryable code stops at the bound: the first try and RETRYING.max_retries more.
        assert len(graph.requests) == done * tries
        assert len(sleeps) == done * (tries - 1)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_http_status_is_retried(retrying_client: qq_connect.QQConnect,
                                          graph: FakeGraph, sleeps: list[float],
                                          status: int) -> None:
    endpoint = some_endpoint()
    graph.script(endpoint.path, Answer(HTML_502, status=status))
    assert call(retrying_client, endpoint).retries_taken == 1
    assert len(graph.requests) == 2 and len(sleeps) == 1


@pytest.mark.parametrize("status", [301, 400, 403, 404])
def test_other_http_status_is_not_retried(retrying_client: qq_connect.QQConnect,
                                          graph: FakeGraph, sleeps: list[float],
                                          status: int) -> None:
    endpoint = some_endpoint()
    graph.script(endpoint.path, Answer(b"<html>no</html>", status=status))
    with pytest.raises(qq_connect.HTTPStatusError) as raised:
        call(retrying_client, endpoint)
    assert raised.value.status == status
    assert len(graph.requests) == 1 and sleeps == []


def test_http_5xx_to_the_end_raises_http_status_error(retrying_client: qq_connect.QQConnect,
                                                      graph: FakeGraph,
                                                      sleeps: list[float]) -> None:
    endpoint = some_endpoint()
    graph.script(endpoint.path, *[Answer(HTML_502, status=502)] * (RETRYING.max_retries + 1))
    with pytest.raises(qq_connect.HTTPStatusError) as raised:
        call(retrying_client, endpoint)
    assert raised.value.status == 502 and "502 Bad Gateway" in raised.value.body_excerpt
    assert len(graph.requests) == RETRYING.max_retries + 1
    assert len(sleeps) == RETRYING.max_retries


def test_retry_after_is_honoured(retrying_client: qq_connect.QQConnect, graph: FakeGraph,
                                 sleeps: list[float]) -> None:
    endpoint = some_endpoint()
    graph.script(endpoint.path, Answer(b"slow down", status=429, headers=(("Retry-After", "3"),)))
    assert call(retrying_client, endpoint).retries_taken == 1
    assert sleeps == [3.0]  # the header, not the policy's backoff (at most RETRYING.max_delay)


@pytest.mark.parametrize(("retry_after", "retried"), [("60", False), ("1", True)])
def test_total_retry_time_is_bounded(graph: FakeGraph, sleeps: list[float], retry_after: str,
                                     retried: bool) -> None:
    """A wait that would pass ``max_elapsed`` is not taken; a shorter one is."""
    endpoint = some_endpoint()
    policy = qq_connect.RetryPolicy(max_retries=5, max_elapsed=10.0)
    graph.script(endpoint.path,
                 Answer(b"", status=503, headers=(("Retry-After", retry_after),)))
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=policy) as client:
        if retried:
            assert call(client, endpoint).retries_taken == 1
            assert sleeps == [float(retry_after)]
        else:
            with pytest.raises(qq_connect.HTTPStatusError):
                call(client, endpoint)
            assert sleeps == []
    assert len(graph.requests) == 1 + retried


def test_connection_reset_and_truncation_are_retried(retrying_client: qq_connect.QQConnect,
                                                     graph: FakeGraph,
                                                     sleeps: list[float]) -> None:
    endpoint = some_endpoint()
    graph.script(endpoint.path, Reset(), Truncate(keep=20))
    assert call(retrying_client, endpoint).retries_taken == 2
    assert len(graph.requests) == 3 and len(sleeps) == 2
    graph.script(endpoint.path, *[Reset()] * (RETRYING.max_retries + 1))
    with pytest.raises(qq_connect.TransportError):
        call(retrying_client, endpoint)
    assert len(graph.requests) == 3 + RETRYING.max_retries + 1
    assert len(sleeps) == 2 + RETRYING.max_retries


def test_timeout_is_retried(retrying_client: qq_connect.QQConnect, graph: FakeGraph,
                            sleeps: list[float]) -> None:
    endpoint = some_endpoint()
    graph.script(endpoint.path, Delay(0.5))
    assert call(retrying_client, endpoint, timeout=0.2).retries_taken == 1
    assert len(graph.requests) == 2 and len(sleeps) == 1


def test_raw_response_counts_the_retries(retrying_client: qq_connect.QQConnect,
                                         graph: FakeGraph, sleeps: list[float],
                                         endpoint: SpecEndpoint, format: str) -> None:
    busy = retryable_category()
    graph.script(endpoint.path, Answer(error_body(format, busy.code, "busy")))
    raw = call_raw(retrying_client, endpoint, format=format)
    assert raw.status_code == 200
    assert raw.content == endpoint.example("success", format)
    assert raw.retries_taken == 1 and raw.parse().retries_taken == 1
    assert len(graph.requests) == 2 and len(sleeps) == 1

"""The async client: the same answers, errors, retries and ownership as the sync one, awaited."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

import qq_connect
from tests.client.conftest import RETRYING
from tests.client.credentials import APP_ID, OPENID, TOKEN, expected_parameters
from tests.client.support import (
    error_body,
    generated_endpoint,
    non_retryable_category,
    retryable_category,
    some_endpoint,
)
from tests.fakes.graph import Answer, Delay, FakeGraph, Reset, SpecEndpoint

pytestmark = pytest.mark.anyio


async def call(client: qq_connect.AsyncQQConnect, endpoint: SpecEndpoint,
               method: str | None = None, format: str | None = None, **options: Any) -> Any:
    """Await the client's method of ``endpoint`` with the test credentials."""
    return await getattr(client, endpoint.name)(
        TOKEN, OPENID, method=method or endpoint.methods[0],
        format=format or endpoint.formats[0], **options)


async def test_answers_parse_and_requests_carry_the_parameters(
        async_client: qq_connect.AsyncQQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str, format: str) -> None:
    example = endpoint.example("success", format)
    graph.script(endpoint.path, Answer(example))

    result = await call(async_client, endpoint, method, format)

    assert result == generated_endpoint(endpoint).parse(example)
    assert result.retries_taken == 0
    (request,) = graph.requests
    sent = request.query if method == "GET" else request.body.decode("ascii")
    assert sent == expected_parameters(format)
    assert parse_qsl(sent) == [("access_token", TOKEN), ("oauth_consumer_key", APP_ID),
                               ("openid", OPENID), ("format", format)]


async def test_retries_then_success(async_retrying_client: qq_connect.AsyncQQConnect,
                                    graph: FakeGraph, sleeps: list[float]) -> None:
    endpoint = some_endpoint()
    busy = error_body(endpoint.formats[0], retryable_category().code, "服务器繁忙")
    graph.script(endpoint.path, Answer(busy), Reset())
    result = await call(async_retrying_client, endpoint)
    assert result.retries_taken == 2 and len(graph.requests) == 3
    assert len(sleeps) == 2 and all(0 < waited <= RETRYING.max_delay for waited in sleeps)


async def test_errors_are_typed_and_timeouts_retried(
        async_retrying_client: qq_connect.AsyncQQConnect, graph: FakeGraph,
        sleeps: list[float]) -> None:
    endpoint = some_endpoint()
    refusal = non_retryable_category()
    graph.script(endpoint.path, Answer(error_body(endpoint.formats[0], refusal.code, "no")))
    with pytest.raises(qq_connect.ApiError) as raised:
        await call(async_retrying_client, endpoint)
    assert type(raised.value) is getattr(qq_connect, refusal.exception)
    assert len(graph.requests) == 1 and sleeps == []  # not retried

    graph.script(endpoint.path, *[Delay(0.5)] * (RETRYING.max_retries + 1))
    with pytest.raises(qq_connect.RequestTimeoutError):
        await call(async_retrying_client, endpoint, timeout=0.1)
    assert len(graph.requests) == 1 + RETRYING.max_retries + 1
    assert len(sleeps) == RETRYING.max_retries


async def test_raw_response_and_own_http_client(graph: FakeGraph) -> None:
    endpoint = some_endpoint()
    method = endpoint.methods[-1]
    async with httpx.AsyncClient() as http:
        async with qq_connect.AsyncQQConnect(APP_ID, base_url=graph.url,
                                             http_client=http) as client:
            raw = await getattr(client.with_raw_response, endpoint.name)(
                TOKEN, OPENID, method=method, format=endpoint.formats[0])
        assert not http.is_closed
        assert (await http.get(f"{graph.url}{endpoint.path}")).status_code == 200
    assert http.is_closed
    assert raw.status_code == 200 and raw.retries_taken == 0
    assert raw.content == endpoint.example("success", endpoint.formats[0])
    assert raw.parse() == generated_endpoint(endpoint).parse(raw.content)
    assert raw.request.method == method
    assert len(graph.requests) == 2


async def test_its_own_connections_close_with_it(graph: FakeGraph) -> None:
    endpoint = some_endpoint()
    assert graph.wait_for_open_connections(0) == 0
    async with qq_connect.AsyncQQConnect(APP_ID, base_url=graph.url, max_retries=0) as client:
        await call(client, endpoint)
        await call(client, endpoint)
        assert graph.wait_for_open_connections(1) == 1
    assert graph.wait_for_open_connections(0) == 0
    assert len({request.peer for request in graph.requests}) == 1

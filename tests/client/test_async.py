"""The async client: the same answers, errors, retries and ownership as the sync one, awaited."""

from __future__ import annotations

from urllib.parse import parse_qsl

import httpx
import pytest

import qq_connect
from tests.client.conftest import RETRYING
from tests.client.credentials import APP_ID, APP_KEY, assert_error_hides_secrets
from tests.client.support import (
    Category,
    acall,
    acall_raw,
    error_body,
    error_encoding,
    expected_parameters,
    format_for,
    generated_endpoint,
    request_pairs,
    retryable_category,
    some_endpoint,
    success_example,
)
from tests.fakes.graph import Answer, Delay, FakeGraph, Reset, SpecEndpoint

pytestmark = pytest.mark.anyio


async def test_answers_parse_and_requests_carry_the_parameters(
        async_client: qq_connect.AsyncQQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str, format: str) -> None:
    example = success_example(endpoint, format)
    graph.script(endpoint.path, Answer(example))

    result = await acall(async_client, endpoint, method, format)

    assert result == generated_endpoint(endpoint).parse(example)
    assert result.retries_taken == 0
    (request,) = graph.requests
    sent = request.query if method == "GET" else request.body.decode("ascii")
    assert sent == expected_parameters(endpoint, format)
    assert parse_qsl(sent) == request_pairs(endpoint, format)


async def test_errors_of_every_category_are_typed(
        async_client: qq_connect.AsyncQQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        encoding: str, category: Category) -> None:
    graph.script(endpoint.path, Answer(error_body(endpoint, encoding, category.code, "no")))
    with pytest.raises(qq_connect.ApiError) as raised:
        await acall(async_client, endpoint, format=format_for(endpoint, encoding))
    assert type(raised.value) is getattr(qq_connect, category.exception)
    assert (raised.value.code, raised.value.code_field) == (category.code,
                                                            endpoint.errors.code_field)
    assert_error_hides_secrets(raised.value)


async def test_retries_then_success_where_safe(
        async_retrying_client: qq_connect.AsyncQQConnect, graph: FakeGraph,
        sleeps: list[float], endpoint: SpecEndpoint) -> None:
    encoding = error_encoding(endpoint, endpoint.formats[0])
    busy = Answer(error_body(endpoint, encoding, retryable_category().code, "服务器繁忙"))
    if not endpoint.retry_safe:
        graph.script(endpoint.path, busy)
        with pytest.raises(qq_connect.ApiError):
            await acall(async_retrying_client, endpoint)
        assert len(graph.requests) == 1 and sleeps == []
        return
    graph.script(endpoint.path, busy, Reset())
    result = await acall(async_retrying_client, endpoint)
    assert result.retries_taken == 2 and len(graph.requests) == 3
    assert len(sleeps) == 2 and all(0 < waited <= RETRYING.max_delay for waited in sleeps)


async def test_timeouts_are_retried_where_safe(
        async_retrying_client: qq_connect.AsyncQQConnect, graph: FakeGraph,
        sleeps: list[float], endpoint: SpecEndpoint) -> None:
    tries = RETRYING.max_retries + 1 if endpoint.retry_safe else 1
    graph.script(endpoint.path, *[Delay(0.5)] * tries)
    with pytest.raises(qq_connect.RequestTimeoutError):
        await acall(async_retrying_client, endpoint, timeout=0.1)
    assert len(graph.requests) == tries
    assert len(sleeps) == tries - 1


async def test_a_request_that_never_left_is_retried_everywhere(
        sleeps: list[float], endpoint: SpecEndpoint) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            raise httpx.ConnectError("refused")
        return httpx.Response(200, content=success_example(endpoint, endpoint.formats[0]))

    async with qq_connect.AsyncQQConnect(APP_ID, app_key=APP_KEY, max_retries=RETRYING,
                                         transport=httpx.MockTransport(handler)) as client:
        result = await acall(client, endpoint)
    assert result.retries_taken == 1 and len(seen) == 2 and len(sleeps) == 1


async def test_raw_response_and_own_http_client(graph: FakeGraph,
                                                endpoint: SpecEndpoint) -> None:
    method = endpoint.methods[-1]
    format = endpoint.formats[0]
    async with httpx.AsyncClient() as http:
        async with qq_connect.AsyncQQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url,
                                             http_client=http) as client:
            raw = await acall_raw(client, endpoint, method, format)
        assert not http.is_closed
        assert (await http.get(f"{graph.url}{endpoint.path}")).status_code == 200
    assert http.is_closed
    assert raw.status_code == 200 and raw.retries_taken == 0
    assert raw.content == success_example(endpoint, format)
    assert raw.parse() == generated_endpoint(endpoint).parse(raw.content)
    assert raw.request.method == method
    assert len(graph.requests) == 2


async def test_its_own_connections_close_with_it(graph: FakeGraph) -> None:
    endpoint = some_endpoint()
    assert graph.wait_for_open_connections(0) == 0
    async with qq_connect.AsyncQQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url,
                                         max_retries=0) as client:
        await acall(client, endpoint)
        await acall(client, endpoint)
        assert graph.wait_for_open_connections(1) == 1
    assert graph.wait_for_open_connections(0) == 0
    assert len({request.peer for request in graph.requests}) == 1

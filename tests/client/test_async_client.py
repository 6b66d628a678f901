"""The async client: the same behaviour as the sync one, awaited, over the same core."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from urllib.parse import parse_qsl

import httpx
import pytest

import qq_connect
from tests.client.values import APP_ID, FAST, OPENID, TOKEN
from tests.fakes.graph import Answer, Delay, FakeGraph, Reset

pytestmark = pytest.mark.anyio
RICH = "/user/get_vip_rich_info"


@pytest.fixture
async def client(graph: FakeGraph) -> AsyncIterator[qq_connect.AsyncQQConnect]:
    async with qq_connect.AsyncQQConnect(APP_ID, base_url=graph.url, timeout=2.0,
                                         max_retries=FAST) as made:
        yield made


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("format", ["json", "xml"])
async def test_both_methods_and_formats(client: qq_connect.AsyncQQConnect, graph: FakeGraph,
                                        method: str, format: str) -> None:
    result = await client.get_vip_rich_info(TOKEN, OPENID, method=method,  # type: ignore[arg-type]
                                            format=format)  # type: ignore[arg-type]
    expected = qq_connect.endpoints.GET_VIP_RICH_INFO.parse(graph.examples[RICH][format])
    assert result == expected
    (request,) = graph.requests
    sent = request.query if method == "GET" else request.body.decode()
    assert parse_qsl(sent) == [("access_token", TOKEN), ("oauth_consumer_key", APP_ID),
                               ("openid", OPENID), ("format", format)]


async def test_retries_then_success(client: qq_connect.AsyncQQConnect, graph: FakeGraph) -> None:
    busy = Answer(json.dumps({"ret": 1001, "msg": "服务器繁忙"}).encode())
    graph.script(RICH, busy, Reset())
    result = await client.get_vip_rich_info(TOKEN, OPENID)
    assert result.retries_taken == 2 and len(graph.requests) == 3


async def test_errors_and_timeouts(client: qq_connect.AsyncQQConnect, graph: FakeGraph) -> None:
    graph.script(RICH, Answer(b'{"ret":100015,"msg":"access token revoked"}'))
    with pytest.raises(qq_connect.TokenInvalidError):
        await client.get_vip_rich_info(TOKEN, OPENID)
    graph.script(RICH, *[Delay(0.5)] * 3)
    with pytest.raises(qq_connect.RequestTimeoutError):
        await client.get_vip_rich_info(TOKEN, OPENID, timeout=0.1)
    assert len(graph.requests) == 4


async def test_raw_response_and_own_http_client(graph: FakeGraph) -> None:
    async with httpx.AsyncClient() as http:
        async with qq_connect.AsyncQQConnect(APP_ID, base_url=graph.url,
                                             http_client=http) as client:
            raw = await client.with_raw_response.get_vip_info(TOKEN, OPENID, method="POST")
        assert not http.is_closed
    assert raw.status_code == 200 and raw.parse().is_qq_vip is True
    assert raw.content == graph.examples["/user/get_vip_info"]["json"]

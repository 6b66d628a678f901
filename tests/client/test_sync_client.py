"""The sync client against the fake graph.qq.com: retries, timeouts, errors, raw answers."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import httpx
import pytest

import qq_connect
from tests.client.values import APP_ID, FAST, OPENID, TOKEN
from tests.fakes.graph import Answer, Delay, FakeGraph, Reset, Truncate

RICH = "/user/get_vip_rich_info"
HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


def error_body(ret: int, msg: str = "m") -> Answer:
    return Answer(json.dumps({"ret": ret, "msg": msg}).encode())


def test_success_json_and_xml_are_equal(client: qq_connect.QQConnect) -> None:
    from_json = client.get_vip_rich_info(TOKEN, OPENID)
    from_xml = client.get_vip_rich_info(TOKEN, OPENID, method="POST", format="xml")
    assert from_json == from_xml
    assert from_json.retries_taken == 0 and from_json.is_degraded is False


def test_get_and_post_send_the_same_parameters(client: qq_connect.QQConnect,
                                                graph: FakeGraph) -> None:
    client.get_vip_info(TOKEN, OPENID)
    client.get_vip_info(TOKEN, OPENID, method="POST")
    get, post = graph.requests
    assert (get.method, post.method, post.query) == ("GET", "POST", "")
    assert parse_qsl(get.query) == parse_qsl(post.body.decode()) == [
        ("access_token", TOKEN), ("oauth_consumer_key", APP_ID), ("openid", OPENID),
        ("format", "json")]
    assert post.headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_transient_ret_is_retried_until_success(client: qq_connect.QQConnect, graph: FakeGraph,
                                                 sleeps: list[float]) -> None:
    graph.script(RICH, error_body(1001), error_body(1001))
    result = client.get_vip_rich_info(TOKEN, OPENID)
    assert result.retries_taken == 2
    assert len(graph.requests) == 3
    assert len(sleeps) == 2 and all(0 < s <= FAST.max_delay for s in sleeps)


def test_retries_stop_at_the_bound(client: qq_connect.QQConnect, graph: FakeGraph,
                                   sleeps: list[float]) -> None:
    graph.script(RICH, *[error_body(100032, "过载")] * 5)
    with pytest.raises(qq_connect.ServerBusyError) as raised:
        client.get_vip_rich_info(TOKEN, OPENID)
    assert len(graph.requests) == 3 and len(sleeps) == 2
    assert raised.value.ret == 100032 and raised.value.request is not None


@pytest.mark.parametrize("ret, error_class", [
    (100014, qq_connect.TokenInvalidError), (-73, qq_connect.TokenInvalidError),
    (100030, qq_connect.PermissionDeniedError), (-3, qq_connect.PermissionDeniedError),
    (1002, qq_connect.NotLoggedInError), (-6, qq_connect.RateLimitedError),
    (1, qq_connect.BadRequestError), (424242, qq_connect.UnknownApiError),
])
def test_non_transient_codes_are_not_retried(client: qq_connect.QQConnect, graph: FakeGraph,
                                             ret: int, error_class: type[Exception]) -> None:
    graph.script(RICH, error_body(ret))
    with pytest.raises(error_class):
        client.get_vip_rich_info(TOKEN, OPENID)
    assert len(graph.requests) == 1


def test_http_5xx_is_retried_and_reported(client: qq_connect.QQConnect, graph: FakeGraph,
                                          sleeps: list[float]) -> None:
    graph.script(RICH, Answer(HTML_502, status=502))
    assert client.get_vip_rich_info(TOKEN, OPENID).retries_taken == 1
    graph.script(RICH, *[Answer(HTML_502, status=502)] * 3)
    with pytest.raises(qq_connect.HTTPStatusError) as raised:
        client.get_vip_rich_info(TOKEN, OPENID)
    assert raised.value.status == 502 and "502 Bad Gateway" in raised.value.body_excerpt


def test_retry_after_is_honoured(client: qq_connect.QQConnect, graph: FakeGraph,
                                 sleeps: list[float]) -> None:
    graph.script(RICH, Answer(b"slow down", status=429, headers=(("Retry-After", "3"),)))
    client.get_vip_rich_info(TOKEN, OPENID)
    assert sleeps == [3.0]


def test_total_retry_time_is_bounded(graph: FakeGraph, sleeps: list[float]) -> None:
    policy = qq_connect.RetryPolicy(max_retries=5, max_elapsed=10.0)
    graph.script(RICH, Answer(b"", status=503, headers=(("Retry-After", "60"),)))
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=policy) as client, \
            pytest.raises(qq_connect.HTTPStatusError):
        client.get_vip_rich_info(TOKEN, OPENID)
    assert sleeps == []


def test_connection_reset_and_truncation_are_retried(client: qq_connect.QQConnect,
                                                     graph: FakeGraph,
                                                     sleeps: list[float]) -> None:
    graph.script(RICH, Reset(), Truncate(keep=20))
    assert client.get_vip_rich_info(TOKEN, OPENID).retries_taken == 2
    graph.script(RICH, Reset(), Reset(), Reset())
    with pytest.raises(qq_connect.TransportError):
        client.get_vip_rich_info(TOKEN, OPENID)


def test_timeout_fires_and_per_call_override_wins(graph: FakeGraph, sleeps: list[float]) -> None:
    no_retry = qq_connect.RetryPolicy(max_retries=0)
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, timeout=0.2,
                              max_retries=no_retry) as client:
        graph.script(RICH, Delay(0.6))
        with pytest.raises(qq_connect.RequestTimeoutError):
            client.get_vip_rich_info(TOKEN, OPENID)
        graph.script(RICH, Delay(0.4))
        assert client.get_vip_rich_info(TOKEN, OPENID, timeout=3.0).is_qq_vip is True


def test_timeout_is_retried(client: qq_connect.QQConnect, graph: FakeGraph,
                            sleeps: list[float]) -> None:
    graph.script(RICH, Delay(0.5))
    assert client.get_vip_rich_info(TOKEN, OPENID, timeout=0.2).retries_taken == 1


@pytest.mark.parametrize("body, reason", [
    (b'{"ret":0,"msg":"","is_qq_vip"', "invalid JSON"),
    (b"<html><body>Service Unavailable</body></html>", "root element is <html>"),
    (b"", "neither a JSON object nor XML"),
    (b'callback( {"ret":0,"msg":""} );\n', "neither a JSON object nor XML"),
])
def test_bodies_that_are_not_answers_raise_decode_errors(client: qq_connect.QQConnect,
                                                         graph: FakeGraph, body: bytes,
                                                         reason: str) -> None:
    graph.script(RICH, Answer(body))
    with pytest.raises(qq_connect.DecodeError) as raised:
        client.get_vip_rich_info(TOKEN, OPENID)
    message = str(raised.value)
    assert reason in message and "get_vip_rich_info" in message
    assert "HTTP 200" in message and "text/html; charset=utf-8" in message
    assert repr(body[:20].decode())[1:-1] in message
    assert len(graph.requests) == 1


def test_body_size_is_limited_while_reading() -> None:
    served: list[int] = []

    def endless() -> object:
        for _ in range(10_000):
            served.append(1)
            yield b" " * 65536

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())  # type: ignore[arg-type]

    with qq_connect.QQConnect(APP_ID, transport=httpx.MockTransport(handler),
                              max_body_bytes=1 << 20) as client, \
            pytest.raises(qq_connect.ResponseTooLargeError):
        client.get_vip_info(TOKEN, OPENID)
    assert len(served) <= 17  # stopped just past 1 MiB of 64 KiB chunks


def test_declared_oversize_is_refused_before_reading() -> None:
    read: list[int] = []

    def body() -> object:
        read.append(1)
        yield b"{}"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": "5000"},
                              content=body())  # type: ignore[arg-type]

    with qq_connect.QQConnect(APP_ID, transport=httpx.MockTransport(handler),
                              max_body_bytes=1000) as client, \
            pytest.raises(qq_connect.ResponseTooLargeError, match="exceeds 1000 bytes"):
        client.get_vip_rich_info(TOKEN, OPENID)
    assert read == []  # refused on the header, not one byte read


def test_raw_response(client: qq_connect.QQConnect, graph: FakeGraph,
                      sleeps: list[float]) -> None:
    graph.script(RICH, error_body(1099))
    raw = client.with_raw_response.get_vip_rich_info(TOKEN, OPENID, format="xml")
    assert raw.status_code == 200
    assert raw.headers["content-type"] == "text/html; charset=utf-8"
    assert raw.content == graph.examples[RICH]["xml"]
    assert raw.elapsed > 0 and raw.retries_taken == 1
    assert raw.parse() == raw.parse() and raw.parse().retries_taken == 1
    assert raw.request.method == "GET" and raw.request.endpoint == "get_vip_rich_info"


def test_is_lost_is_surfaced(client: qq_connect.QQConnect, graph: FakeGraph) -> None:
    body = graph.examples[RICH]["json"].replace(b'"is_lost": 0', b'"is_lost": 1')
    graph.script(RICH, Answer(body))
    result = client.get_vip_rich_info(TOKEN, OPENID)
    assert result.is_lost is True and result.is_degraded is True


def test_own_http_client_is_not_closed(graph: FakeGraph) -> None:
    with httpx.Client() as http:
        with qq_connect.QQConnect(APP_ID, base_url=graph.url, http_client=http) as client:
            client.get_vip_info(TOKEN, OPENID)
        assert not http.is_closed
    client = qq_connect.QQConnect(APP_ID, base_url=graph.url)
    with client:
        client.get_vip_info(TOKEN, OPENID)
    assert client._http.is_closed


def test_connections_are_reused(client: qq_connect.QQConnect, graph: FakeGraph) -> None:
    for _ in range(5):
        client.get_vip_info(TOKEN, OPENID)
    ports = {r.peer for r in graph.requests}
    assert len(graph.requests) == 5 and len(ports) == 1

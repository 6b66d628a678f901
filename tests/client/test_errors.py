"""Failures served over HTTP: API error codes, HTTP errors, undecodable or oversized bodies,
timeouts, no server."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import httpx
import pytest

import qq_connect
from tests.client.credentials import APP_ID, assert_error_hides_secrets
from tests.client.support import (
    MEANINGS,
    Category,
    answer_fields,
    call,
    category_of,
    error_body,
    require_format,
    some_endpoint,
)
from tests.fakes.graph import CONTENT_TYPE, Answer, Delay, FakeGraph, SpecEndpoint

HTML_PAGE = (b"<html><head><title>QQ Connect</title></head>"
             b"<body><h1>Service unavailable</h1></body></html>")
HTML_502 = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
            b"<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
            b"<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")


def test_error_example_raises_the_error_of_its_code(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str) -> None:
    """Every example of the spec that is an error answer (ret != 0), served as it is."""
    errors = [(example, answer_fields(example.body, example.format))
              for example in endpoint.examples]
    errors = [(example, fields) for example, fields in errors if int(fields["ret"]) != 0]
    if not errors:
        pytest.skip(f"no error example (ret != 0) for {endpoint.name} in the spec")
    for example, expected in errors:
        ret = int(expected["ret"])
        category = category_of(ret)
        graph.script(endpoint.path, Answer(example.body))

        with pytest.raises(qq_connect.ApiError) as raised:
            call(client, endpoint, method, example.format)

        error = raised.value
        assert type(error) is getattr(qq_connect, category.exception), example.name
        assert error.ret == ret
        assert error.msg == expected["msg"]
        assert error.meaning == MEANINGS[ret]
        assert error.category == category.name
        assert error.retryable is category.retryable
        assert error.endpoint == endpoint.name
        assert endpoint.name in str(error) and f"ret={ret}" in str(error)
        assert error.request is not None
        assert (error.request.endpoint, error.request.method) == (endpoint.name, method)
        assert error.request.url.startswith(graph.url + endpoint.path)
        assert_error_hides_secrets(error)
    assert len(graph.requests) == len(errors)


def test_return_codes_raise_the_error_of_their_category(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint, format: str,
        category: Category) -> None:
    """Codes of every category of spec/return_codes.yaml, and codes no table lists."""
    for ret in category.codes:
        msg = f"错误 {ret}: 请稍后再试"
        graph.script(endpoint.path, Answer(error_body(format, ret, msg)))

        with pytest.raises(qq_connect.ApiError) as raised:
            call(client, endpoint, format=format)

        error = raised.value
        assert type(error) is getattr(qq_connect, category.exception), ret
        assert (error.ret, error.msg) == (ret, msg)
        assert error.category == category.name
        assert error.retryable is category.retryable
        assert error.meaning == MEANINGS.get(ret, "")
        assert error.endpoint == endpoint.name
        assert_error_hides_secrets(error)
    assert len(graph.requests) == len(category.codes)  # the client here does not retry


def test_http_502_raises_http_status_error(client: qq_connect.QQConnect, graph: FakeGraph,
                                           endpoint: SpecEndpoint, method: str) -> None:
    graph.script(endpoint.path, Answer(HTML_502, status=502))

    with pytest.raises(qq_connect.HTTPStatusError) as raised:
        call(client, endpoint, method)

    error = raised.value
    assert error.status == 502
    assert error.endpoint == endpoint.name
    assert "502 Bad Gateway" in error.body_excerpt
    assert endpoint.name in str(error) and "502" in str(error)
    assert "502 Bad Gateway" in str(error)
    assert_error_hides_secrets(error)
    assert len(graph.requests) == 1


def undecodable_body(case: str, example: bytes) -> tuple[bytes, str]:
    """A 200 body that is no answer, and the reason the error gives for it.

    ``example`` is the endpoint's success JSON.
    """
    if case == "html-page":
        return HTML_PAGE, "root element is <html>"
    if case == "html-doctype":
        return b"<!DOCTYPE html>" + HTML_PAGE, "(DTDs) are not allowed"
    if case == "empty":
        return b"", "the body is empty"
    if case == "truncated-json":
        return example[: len(example) // 2], "invalid JSON"
    assert case == "jsonp"
    compact = json.dumps(json.loads(example), separators=(",", ":")).encode()
    return b"callback( " + compact + b" );\n", "looks like JSONP"


@pytest.mark.parametrize("case", ["html-page", "html-doctype", "empty", "truncated-json", "jsonp"])
def test_undecodable_200_raises_decode_error(client: qq_connect.QQConnect, graph: FakeGraph,
                                             endpoint: SpecEndpoint, method: str,
                                             case: str) -> None:
    require_format(endpoint, "json")
    body, reason = undecodable_body(case, endpoint.example("success", "json"))
    graph.script(endpoint.path, Answer(body))

    with pytest.raises(qq_connect.DecodeError) as raised:
        call(client, endpoint, method, "json")

    error = raised.value
    # Not a contract violation: the body is no JSON or XML answer at all.
    assert type(error) is qq_connect.DecodeError
    assert error.endpoint == endpoint.name
    assert (error.status, error.content_type) == (200, CONTENT_TYPE)
    message = str(error)
    assert message.startswith(f"{endpoint.name}:")
    assert reason in message, message
    assert "HTTP 200" in message and CONTENT_TYPE in message, message
    # The first bytes, printable (repr-escaped, without the quotes).
    assert f"body starts {repr(body[:24].decode())[:-1]}" in message, message
    assert_error_hides_secrets(error)
    assert len(graph.requests) == 1


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_closed_port_raises_connect_error(endpoint: SpecEndpoint, method: str) -> None:
    base_url = f"http://127.0.0.1:{closed_port()}"
    with qq_connect.QQConnect(APP_ID, base_url=base_url, timeout=2.0, max_retries=0) as client:
        with pytest.raises(qq_connect.TransportError) as raised:
            call(client, endpoint, method)
        assert_error_hides_secrets(raised.value)
    error = raised.value
    assert isinstance(error, qq_connect.ConnectError)
    assert error.endpoint == endpoint.name
    assert endpoint.name in str(error)
    assert error.request is not None and error.request.method == method


def test_timeout_fires_and_a_per_call_timeout_wins(graph: FakeGraph) -> None:
    endpoint = some_endpoint()
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, timeout=0.2,
                              max_retries=0) as client:
        graph.script(endpoint.path, Delay(0.6))
        with pytest.raises(qq_connect.RequestTimeoutError) as raised:
            call(client, endpoint)
        assert raised.value.endpoint == endpoint.name
        assert_error_hides_secrets(raised.value)
        graph.script(endpoint.path, Delay(0.4))
        result = call(client, endpoint, timeout=3.0)
    assert result.retries_taken == 0
    assert len(graph.requests) == 2


def endless(served: list[int]) -> Iterator[bytes]:
    """A body that does not end in time: 64 KiB chunks, each counted in ``served``."""
    for _ in range(10_000):
        served.append(1)
        yield b" " * 65536


def test_body_size_is_limited_while_reading() -> None:
    endpoint = some_endpoint()
    served: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless(served))

    with qq_connect.QQConnect(APP_ID, transport=httpx.MockTransport(handler), max_retries=0,
                              max_body_bytes=1 << 20) as client, \
            pytest.raises(qq_connect.ResponseTooLargeError, match=f"exceeds {1 << 20} bytes"):
        call(client, endpoint)
    # 1 MiB is 16 chunks of 64 KiB: it read up to the limit and stopped just past it.
    assert 16 <= len(served) <= 17, len(served)


def test_declared_oversize_is_refused_before_reading() -> None:
    endpoint = some_endpoint()
    read: list[int] = []

    def body() -> Iterator[bytes]:
        read.append(1)
        yield b"{}"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": "5000"}, content=body())

    with qq_connect.QQConnect(APP_ID, transport=httpx.MockTransport(handler), max_retries=0,
                              max_body_bytes=1000) as client, \
            pytest.raises(qq_connect.ResponseTooLargeError, match="exceeds 1000 bytes"):
        call(client, endpoint)
    assert read == []  # refused on the header, not one byte read

"""Failures served over HTTP: API error codes, HTTP errors, undecodable bodies, no server."""

from __future__ import annotations

import json
import socket

import pytest

import qq_connect
from tests.e2e.support import (
    APP_ID,
    assert_error_hides_secrets,
    call,
    return_code_meanings,
)
from tests.fakes.graph import CONTENT_TYPE, Answer, FakeGraph, SpecEndpoint

MEANINGS = return_code_meanings()
HTML_PAGE = (b"<html><head><title>QQ Connect</title></head>"
             b"<body><h1>Service unavailable</h1></body></html>")
HTML_502 = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
            b"<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
            b"<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")


def error_body(format: str, ret: int, msg: str) -> bytes:
    if format == "json":
        return json.dumps({"ret": ret, "msg": msg}, ensure_ascii=False).encode()
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<data>\n<ret>{ret}</ret>\n'
            f"<msg>{msg}</msg>\n</data>\n").encode()


def test_not_logged_in_example_raises_not_logged_in_error(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str) -> None:
    example = endpoint.example("not_logged_in", "json")
    expected = json.loads(example)
    graph.script(endpoint.path, Answer(example))

    with pytest.raises(qq_connect.NotLoggedInError) as raised:
        call(client, endpoint, method)

    error = raised.value
    assert expected["ret"] == 1002
    assert error.ret == 1002
    assert error.msg == expected["msg"]
    assert error.meaning == MEANINGS[1002]
    assert error.category == "not_logged_in"
    assert error.retryable is False
    assert error.endpoint == endpoint.name
    assert endpoint.name in str(error) and "1002" in str(error)
    assert error.request is not None
    assert (error.request.endpoint, error.request.method) == (endpoint.name, method)
    assert error.request.url.startswith(graph.url + endpoint.path)
    assert_error_hides_secrets(error)
    assert len(graph.requests) == 1


@pytest.mark.parametrize(("ret", "error_class", "category", "retryable"), [
    pytest.param(1002, qq_connect.NotLoggedInError, "not_logged_in", False, id="1002"),
    pytest.param(100030, qq_connect.PermissionDeniedError, "permission_denied", False,
                 id="100030"),
    pytest.param(100014, qq_connect.TokenInvalidError, "token_invalid", False, id="100014"),
    pytest.param(1001, qq_connect.ServerBusyError, "server_busy", True, id="1001"),
    pytest.param(424242, qq_connect.UnknownApiError, "unknown", False, id="424242"),
    pytest.param(-73, qq_connect.TokenInvalidError, "token_invalid", False, id="-73"),
])
def test_return_codes_raise_their_typed_error(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint, format: str,
        ret: int, error_class: type[qq_connect.ApiError], category: str,
        retryable: bool) -> None:
    msg = f"错误 {ret}: 请稍后再试"
    graph.script(endpoint.path, Answer(error_body(format, ret, msg)))

    with pytest.raises(qq_connect.ApiError) as raised:
        call(client, endpoint, "GET", format)

    error = raised.value
    assert type(error) is error_class
    assert (error.ret, error.msg) == (ret, msg)
    assert error.category == category
    assert error.retryable is retryable
    assert error.meaning == MEANINGS.get(ret, "")
    assert error.endpoint == endpoint.name
    assert_error_hides_secrets(error)
    assert len(graph.requests) == 1  # the client here does not retry


def test_server_busy_is_retried_until_success(graph: FakeGraph, endpoint: SpecEndpoint,
                                              format: str) -> None:
    policy = qq_connect.RetryPolicy(max_retries=2, initial_delay=0.01, max_delay=0.01)
    graph.script(endpoint.path, Answer(error_body(format, 1001, "服务器繁忙")))
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, timeout=5.0,
                              max_retries=policy) as client:
        result = call(client, endpoint, "POST", format)
    assert result.retries_taken == 1
    first, second = graph.requests
    assert (first.method, first.target, first.body) == (second.method, second.target,
                                                        second.body)


def test_http_502_raises_http_status_error(client: qq_connect.QQConnect, graph: FakeGraph,
                                           endpoint: SpecEndpoint, method: str) -> None:
    graph.script(endpoint.path, Answer(HTML_502, status=502))

    with pytest.raises(qq_connect.HTTPStatusError) as raised:
        call(client, endpoint, method)

    error = raised.value
    assert error.status == 502
    assert error.endpoint == endpoint.name
    assert endpoint.name in str(error) and "502" in str(error)
    assert "502 Bad Gateway" in str(error)
    assert_error_hides_secrets(error)
    assert len(graph.requests) == 1


def undecodable_body(case: str, example: bytes) -> bytes:
    """A 200 body that is no answer; ``example`` is the endpoint's success JSON."""
    if case == "html-page":
        return HTML_PAGE
    if case == "html-doctype":
        return b"<!DOCTYPE html>" + HTML_PAGE
    if case == "empty":
        return b""
    if case == "truncated-json":
        return example[: len(example) // 2]
    assert case == "jsonp"
    compact = json.dumps(json.loads(example), separators=(",", ":")).encode()
    return b"callback( " + compact + b" );\n"


@pytest.mark.parametrize("case", ["html-page", "html-doctype", "empty", "truncated-json", "jsonp"])
def test_undecodable_200_raises_decode_error(client: qq_connect.QQConnect, graph: FakeGraph,
                                             endpoint: SpecEndpoint, method: str,
                                             case: str) -> None:
    body = undecodable_body(case, endpoint.example("success", "json"))
    graph.script(endpoint.path, Answer(body))

    with pytest.raises(qq_connect.DecodeError) as raised:
        call(client, endpoint, method)

    error = raised.value
    # Not a contract violation: the body is no JSON or XML answer at all.
    assert type(error) is qq_connect.DecodeError
    assert error.endpoint == endpoint.name
    assert (error.status, error.content_type) == (200, CONTENT_TYPE)
    message = str(error)
    assert message.startswith(f"{endpoint.name}:")
    if body:
        # The first bytes, printable (repr-escaped, without the quotes).
        assert repr(body[:24].decode())[1:-1] in message, message
    else:
        assert "''" in message or "empty" in message.lower(), message
    assert_error_hides_secrets(error)
    assert len(graph.requests) == 1


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_closed_port_raises_transport_error(endpoint: SpecEndpoint, method: str) -> None:
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

"""Failures served over HTTP: API error codes, HTTP errors, undecodable or oversized bodies,
timeouts, no server."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import httpx
import pytest

import qq_connect
from tests.client.credentials import APP_ID, APP_KEY, assert_error_hides_secrets
from tests.client.support import (
    MEANINGS,
    Category,
    answer_fields,
    call,
    category_of,
    decode_answer,
    encode_answer,
    error_body,
    format_for,
    non_retryable_category,
    require_encoding,
    some_endpoint,
    success_example,
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
    """Every example of the spec that is a failure in the endpoint's error shape, as it is."""
    shape = endpoint.errors
    errors = [(example, answer_fields(example.body, example.format))
              for example in endpoint.examples]
    errors = [(example, fields) for example, fields in errors if shape.is_failure(fields)]
    if not errors:
        pytest.skip(f"no error example ({shape.code_field}) for {endpoint.name} in the spec")
    for example, expected in errors:
        code = int(expected[shape.code_field])
        category = category_of(code)
        graph.script(endpoint.path, Answer(example.body))

        with pytest.raises(qq_connect.ApiError) as raised:
            call(client, endpoint, method, format_for(endpoint, example.format))

        error = raised.value
        assert type(error) is getattr(qq_connect, category.exception), example.name
        assert error.code == error.ret == code
        assert error.code_field == shape.code_field
        assert error.msg == expected[shape.message_field]
        assert error.meaning == MEANINGS[code]
        assert error.category == category.name
        assert error.retryable is category.retryable
        assert error.endpoint == endpoint.name
        assert endpoint.name in str(error) and f"{shape.code_field}={code}" in str(error)
        assert error.request is not None
        assert (error.request.endpoint, error.request.method) == (endpoint.name, method)
        assert error.request.url.startswith(graph.url + endpoint.path)
        assert_error_hides_secrets(error)
    assert len(graph.requests) == len(errors)


def test_return_codes_raise_the_error_of_their_category(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint, encoding: str,
        category: Category) -> None:
    """Codes of every category of spec/return_codes.yaml, and codes no table lists, in the
    endpoint's error shape and every encoding its answers may come in."""
    for code in category.codes:
        msg = f"错误 {code}: 请稍后再试 "  # descriptions may end with a space
        graph.script(endpoint.path, Answer(error_body(endpoint, encoding, code, msg)))

        with pytest.raises(qq_connect.ApiError) as raised:
            call(client, endpoint, format=format_for(endpoint, encoding))

        error = raised.value
        assert type(error) is getattr(qq_connect, category.exception), code
        assert (error.code, error.msg) == (code, msg)
        assert error.code_field == endpoint.errors.code_field
        assert error.category == category.name
        assert error.retryable is category.retryable
        assert error.meaning == MEANINGS.get(code, "")
        assert error.endpoint == endpoint.name
        assert_error_hides_secrets(error)
    assert len(graph.requests) == len(category.codes)  # the client here does not retry


def test_a_failure_without_its_message_breaks_the_contract(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        encoding: str) -> None:
    code = non_retryable_category().code
    shape = endpoint.errors
    graph.script(endpoint.path, Answer(encode_answer({shape.code_field: code}, encoding)))
    with pytest.raises(qq_connect.ResponseValidationError) as raised:
        call(client, endpoint, format=format_for(endpoint, encoding))
    assert shape.message_field in raised.value.problems


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


CASES = ["html-page", "html-doctype", "empty", "truncated-json", "truncated-jsonp",
         "other-callback", "as-json", "as-jsonp", "as-form"]


# How a refusal names a body in an encoding the endpoint never uses.
LOOKS_LIKE = {"json": "JSON", "xml": "HTML or XML", "jsonp": "JSONP", "form": "form-encoded pairs"}


def undecodable_body(case: str, endpoint: SpecEndpoint) -> tuple[bytes, str]:
    """A 200 body that is no answer of ``endpoint``, and the reason the error gives for it.

    Skips a case the endpoint's encodings make moot (a JSONP body for a JSONP endpoint).
    """
    xml = "xml" in endpoint.encodings
    if case == "html-page":
        return HTML_PAGE, "root element is <html>" if xml else "looks like HTML or XML"
    if case == "html-doctype":
        return (b"<!DOCTYPE html>" + HTML_PAGE,
                "(DTDs) are not allowed" if xml else "looks like HTML or XML")
    if case == "empty":
        return b"", "the body is empty"
    encoding = case.split("-")[-1]
    if case.startswith("as-"):
        if encoding in endpoint.encodings:
            pytest.skip(f"{endpoint.name} may answer in {encoding}")
        example = success_example(endpoint, endpoint.formats[0])
        document = decode_answer(example, endpoint.formats[0])
        return encode_answer(document, encoding), f"looks like {LOOKS_LIKE[encoding]}"
    require_encoding(endpoint, "jsonp" if case == "other-callback" else encoding)
    compact = json.dumps(decode_answer(success_example(endpoint, "json"), "json"),
                         separators=(",", ":")).encode()
    if case == "truncated-json":
        return compact[: len(compact) // 2], "invalid JSON"
    if case == "truncated-jsonp":
        return b"callback( " + compact[: len(compact) // 2], "truncated or malformed JSONP"
    assert case == "other-callback"
    return b"jQuery3_1( " + compact + b" );\n", "JSONP callback 'jQuery3_1'"


@pytest.mark.parametrize("case", CASES)
def test_undecodable_200_raises_decode_error(client: qq_connect.QQConnect, graph: FakeGraph,
                                             endpoint: SpecEndpoint, method: str,
                                             case: str) -> None:
    body, reason = undecodable_body(case, endpoint)
    graph.script(endpoint.path, Answer(body))

    with pytest.raises(qq_connect.DecodeError) as raised:
        call(client, endpoint, method)

    error = raised.value
    # Not a contract violation: the body is no answer of the endpoint at all.
    assert type(error) is qq_connect.DecodeError
    assert error.endpoint == endpoint.name
    assert (error.status, error.content_type) == (200, CONTENT_TYPE)
    message = str(error)
    assert message.startswith(f"{endpoint.name}:")
    assert reason in message, message
    assert "HTTP 200" in message and CONTENT_TYPE in message, message
    # The first bytes, printable (repr-escaped, without the quotes), up to the first value
    # of a sensitive field: the answer's own secrets (a new token, an openid) are masked.
    shown = body[:24].decode()
    for field in endpoint.fields:
        if field.sensitive:
            shown = shown.split(f'"{field.name}":"')[0].split(f"{field.name}=")[0]
    assert f"body starts {repr(shown)[:-1]}" in message, message
    assert_error_hides_secrets(error)
    assert len(graph.requests) == 1


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_closed_port_raises_connect_error(endpoint: SpecEndpoint, method: str) -> None:
    base_url = f"http://127.0.0.1:{closed_port()}"
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=base_url, timeout=2.0,
                              max_retries=0) as client:
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
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url, timeout=0.2,
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

    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, transport=httpx.MockTransport(handler),
                              max_retries=0, max_body_bytes=1 << 20) as client, \
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

    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, transport=httpx.MockTransport(handler),
                              max_retries=0, max_body_bytes=1000) as client, \
            pytest.raises(qq_connect.ResponseTooLargeError, match="exceeds 1000 bytes"):
        call(client, endpoint)
    assert read == []  # refused on the header, not one byte read

"""The client core, in place: a tiny hand-made endpoint over httpx.MockTransport, no spec.

What the generated clients add (one method per endpoint) is written here by hand the way
the template writes it, so the core's behaviour is pinned without generating anything.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Literal

import httpx
import pytest

from generator.runtime._base_client import (
    AsyncClient,
    RawResponse,
    Service,
    SyncClient,
    Timeout,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from generator.runtime._codes import ReturnCode, ReturnCodeTable
from generator.runtime._errors import ApiError, ClientClosedError, DecodeError, HTTPStatusError
from generator.runtime._response import Endpoint, FormatParameter
from generator.runtime._result import Result
from generator.runtime._wire import RetWireModel, WireText

SECRET = "TOKEN-in-place-9f8e"


class BusyError(ApiError):
    category = "busy"
    retryable = True


class OtherError(ApiError):
    category = "other"


TABLE = ReturnCodeTable(codes={7: ReturnCode(7, "t", "busy now", "busy")},
                        errors={"busy": BusyError, "other": OtherError}, unknown_category="other")


class PingWire(RetWireModel):
    word: WireText | None = None


class Ping(Result):
    msg: str
    word: str


PING = Endpoint(name="ping", path="/ping", methods=("GET",), formats=("json",),
                encodings=("json",), format_parameter=FormatParameter("fmt", {"json": "json"}),
                load_wire=lambda: PingWire, load_result=lambda: Ping, return_codes=TABLE,
                xml_root="data")
SERVICE = Service(base_url="https://example.invalid", secret_parameters=frozenset({"token"}))


class Client(SyncClient):
    service = SERVICE

    def ping(self, token: str, *, method: Literal["GET"] = "GET",
             format: Literal["json"] = "json", timeout: Timeout | None = None) -> Ping:
        return self._call(PING, [("token", token)], method, format, timeout)


class AClient(AsyncClient):
    service = SERVICE

    async def ping(self, token: str, *, method: Literal["GET"] = "GET",
                   format: Literal["json"] = "json", timeout: Timeout | None = None) -> Ping:
        return await self._call(PING, [("token", token)], method, format, timeout)


def answering(*bodies: bytes, status: int = 200) -> httpx.MockTransport:
    """A transport that answers each request with the next body."""
    queue = list(bodies)

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=queue.pop(0) if len(queue) > 1 else queue[0])

    return httpx.MockTransport(handle)


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    import generator.runtime._base_client as core

    fake_time = SimpleNamespace(sleep=lambda seconds: None, monotonic=time.monotonic,
                                time=time.time)
    monkeypatch.setattr(core, "time", fake_time)
    yield


def test_the_table_chooses_the_error_class_by_category() -> None:
    busy = TABLE.error_for("ping", 7, "m")
    assert type(busy) is BusyError and busy.retryable and busy.meaning == "busy now"
    unknown = TABLE.error_for("ping", 8, "m")
    assert type(unknown) is OtherError and not unknown.retryable and unknown.meaning == ""
    assert TABLE.describe(8).table == "unlisted"


def test_a_table_without_a_class_for_a_category_is_refused() -> None:
    with pytest.raises(ValueError, match="busy"):
        ReturnCodeTable(codes=TABLE.codes, errors={"other": OtherError}, unknown_category="other")


def test_the_method_sends_the_service_format_parameter_and_parses() -> None:
    seen: list[httpx.URL] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(200, content=b'{"ret": 0, "msg": "", "word": "pong"}')

    with Client("1", transport=httpx.MockTransport(handle)) as client:
        assert client.ping(SECRET).word == "pong"
    assert str(seen[0]) == f"https://example.invalid/ping?token={SECRET}&fmt=json"


def test_raw_response_keeps_an_error_answer_and_parse_raises_it() -> None:
    body = b'{"ret": 8, "msg": "no"}'
    with Client("1", transport=answering(body)) as client:
        raw = to_raw_response_wrapper(client.ping)(SECRET)
    assert isinstance(raw, RawResponse) and raw.content == body and raw.status_code == 200
    with pytest.raises(OtherError) as raised:
        raw.parse()
    assert raised.value.ret == 8 and raised.value.request == raw.request
    assert SECRET not in repr(raw) and SECRET not in raw.request.url


def test_raw_response_keeps_an_http_error_and_a_broken_body() -> None:
    with Client("1", transport=answering(b"<html>oops</html>", status=502),
                max_retries=0) as client:
        raw = to_raw_response_wrapper(client.ping)(SECRET)
        assert raw.status_code == 502
        with pytest.raises(HTTPStatusError):
            raw.parse()
    with Client("1", transport=answering(b"callback( {} );")) as client:
        raw = to_raw_response_wrapper(client.ping)(SECRET)
        with pytest.raises(DecodeError, match="looks like JSONP"):
            raw.parse()


@pytest.mark.usefixtures("no_sleep")
def test_a_retryable_code_is_retried_and_the_count_kept() -> None:
    busy, ok = b'{"ret": 7, "msg": "busy"}', b'{"ret": 0, "msg": "", "word": "w"}'
    with Client("1", transport=answering(busy, ok)) as client:
        result = client.ping(SECRET)
    assert result.retries_taken == 1


def test_outside_a_wrapper_the_method_returns_the_result() -> None:
    with Client("1", transport=answering(b'{"ret": 0, "msg": "", "word": "w"}')) as client:
        raw = to_raw_response_wrapper(client.ping)(SECRET)
        assert isinstance(raw, RawResponse)
        assert isinstance(client.ping(SECRET), Ping)  # the wrapper's flag did not leak


@pytest.mark.anyio
async def test_the_async_client_and_its_raw_wrapper() -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, content=b'{"ret": 0, "msg": "", "word": "a"}'))
    async with AClient("1", transport=transport) as client:
        assert (await client.ping(SECRET)).word == "a"
        raw = await async_to_raw_response_wrapper(client.ping)(SECRET)
        assert raw.parse().word == "a"


def test_log_records_mask_the_service_secret_parameters(
        caplog: pytest.LogCaptureFixture) -> None:
    Client("1", transport=answering(b"{}")).close()  # a client registers its secret names
    with caplog.at_level(logging.DEBUG, logger="httpx"):
        logging.getLogger("httpx").info("GET /ping?token=%s&xtoken=keep", SECRET)
    assert SECRET not in caplog.text and "token=<redacted>" in caplog.text
    assert "xtoken=keep" in caplog.text


@pytest.mark.anyio
async def test_log_records_during_a_call_mask_its_secret_values(
        caplog: pytest.LogCaptureFixture) -> None:
    """Bare, without a parameter name to find them by: as a redirect or a cookie echoes them."""

    def handle(request: httpx.Request) -> httpx.Response:
        logging.getLogger("httpcore.http11").debug("Location: /back/%s", SECRET)
        return httpx.Response(200, content=b'{"ret": 0, "msg": "", "word": "w"}')

    with caplog.at_level(logging.DEBUG, logger="httpcore"):
        with Client("1", transport=httpx.MockTransport(handle)) as client:
            client.ping(SECRET)
        async with AClient("1", transport=httpx.MockTransport(handle)) as aclient:
            await aclient.ping(SECRET)
        logging.getLogger("httpcore.http11").debug("after: %s", SECRET)
    assert caplog.text.count("Location: /back/<redacted>") == 2
    assert f"after: {SECRET}" in caplog.text  # only while a call that sends it runs


def test_errors_keep_no_exception_they_were_raised_from() -> None:
    """A pydantic error quotes the body, an httpx error the URL: neither is kept."""
    with Client("1", transport=answering(b'{"ret": 0, "msg": "", "word": 7}')) as client, \
            pytest.raises(DecodeError) as raised:
        client.ping(SECRET)
    assert raised.value.__context__ is None and raised.value.__cause__ is None


@pytest.mark.anyio
async def test_use_after_close_raises_client_closed_error() -> None:
    transport = answering(b'{"ret": 0, "msg": "", "word": "w"}')
    client = Client("1", transport=transport)
    client.close()
    with pytest.raises(ClientClosedError, match="the client is closed"):
        client.ping(SECRET)
    aclient = AClient("1", transport=httpx.MockTransport(lambda request: httpx.Response(200)))
    await aclient.aclose()
    with pytest.raises(ClientClosedError):
        await aclient.ping(SECRET)
    http = httpx.Client(transport=transport)
    http.close()
    with pytest.raises(ClientClosedError, match="http_client is closed"):
        Client("1", http_client=http).ping(SECRET)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"

"""access_token, the app id and openid never show in reprs, errors or log records."""

from __future__ import annotations

import logging

import httpx
import pytest

import qq_connect
from tests.client.values import APP_ID, FAST, OPENID, SECRETS, TOKEN
from tests.fakes.graph import Answer, FakeGraph, Reset

RICH = "/user/get_vip_rich_info"


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked into: {text[:300]}"


def test_nothing_leaks_through_a_bad_day(graph: FakeGraph, caplog: pytest.LogCaptureFixture,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[str] = []
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=FAST) as client:
        seen.append(repr(client))
        graph.script(RICH, Reset(), Answer(b'{"ret":1001,"msg":"busy"}'))
        raw = client.with_raw_response.get_vip_rich_info(TOKEN, OPENID)
        seen += [repr(raw), repr(raw.request), repr(raw.parse()), str(raw.request)]
        for fault in (Answer(b'{"ret":100016,"msg":"access token check failed"}'),
                      Answer(b"<html>bad gateway</html>", status=502),
                      Answer(b"<html>oops</html>")):
            graph.script(RICH, *[fault] * 3)
            with pytest.raises(qq_connect.QQConnectError) as raised:
                client.get_vip_rich_info(TOKEN, OPENID, method="POST")
            seen += [str(raised.value), repr(raised.value), repr(raised.value.request)]
    with qq_connect.QQConnect(APP_ID, base_url="http://127.0.0.1:9", max_retries=0) as client, \
            pytest.raises(qq_connect.ConnectError) as refused:
        client.get_vip_info(TOKEN, OPENID)
    seen += [str(refused.value), repr(refused.value.request)]
    assert caplog.records, "the scenario should have logged"
    assert any("retry" in record.getMessage() for record in caplog.records)
    assert any(record.name == "httpx" for record in caplog.records)
    for record in caplog.records:
        assert_clean(record.getMessage())
    for text in seen:
        assert_clean(text)
    assert "<redacted>" in repr(raw.request)


def test_transport_error_messages_are_scrubbed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot reach {request.url}")

    with qq_connect.QQConnect(APP_ID, transport=httpx.MockTransport(handler),
                              max_retries=0) as client, \
            pytest.raises(qq_connect.ConnectError) as raised:
        client.get_vip_info(TOKEN, OPENID)
    assert "cannot reach" in str(raised.value)
    assert_clean(str(raised.value))
    assert raised.value.__cause__ is None and raised.value.__context__ is None


def test_result_reprs_show_unknown_fields_by_name_only(graph: FakeGraph) -> None:
    body = (b'{"ret":0,"msg":"","is_qq_vip":1,"is_qq_year_vip":0,'
            b'"figureurl":"http://qzapp.qlogo.cn/qzapp/' + APP_ID.encode() + b"/"
            + OPENID.encode() + b'/30"}')
    graph.script("/user/get_vip_info", Answer(body))
    with qq_connect.QQConnect(APP_ID, base_url=graph.url) as client:
        result = client.get_vip_info(TOKEN, OPENID)
    assert_clean(repr(result))
    assert_clean(str(result))
    assert "unknown_fields=['figureurl']" in repr(result)
    assert OPENID in (result.model_extra or {})["figureurl"]  # the data itself is kept

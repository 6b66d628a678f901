"""access_token, the app id and openid never show in reprs, errors or log records."""

from __future__ import annotations

import logging

import httpx
import pytest

import qq_connect
from tests.client.conftest import RETRYING
from tests.client.credentials import (
    APP_ID,
    OPENID,
    assert_error_hides_secrets,
    assert_no_secrets,
)
from tests.client.support import (
    call,
    call_raw,
    error_body,
    non_retryable_category,
    retryable_category,
    some_endpoint,
    with_extra_fields,
)
from tests.fakes.graph import Answer, FakeGraph, Reset, SpecEndpoint


def test_repr_of_the_client_hides_the_app_id(graph: FakeGraph) -> None:
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=0) as client:
        assert_no_secrets(client)
        assert graph.url in repr(client)
    with qq_connect.QQConnect(int(APP_ID), base_url=graph.url, max_retries=0) as client:
        assert_no_secrets(client)


def test_nothing_leaks_through_a_bad_day(graph: FakeGraph, sleeps: list[float],
                                         caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    endpoint = some_endpoint()
    format = endpoint.formats[0]
    seen: list[object] = []
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=RETRYING) as client:
        seen.append(client)
        graph.script(endpoint.path, Reset(),
                     Answer(error_body(format, retryable_category().code, "busy")))
        raw = call_raw(client, endpoint)
        assert raw.retries_taken == 2
        seen += [raw, raw.request, raw.parse()]
        refusal = error_body(format, non_retryable_category().code, "access token check failed")
        for fault, tries in ((Answer(refusal), 1),
                             (Answer(b"<html>bad gateway</html>", status=502),
                              RETRYING.max_retries + 1),
                             (Answer(b"<html>oops</html>"), 1)):
            graph.script(endpoint.path, *[fault] * tries)
            with pytest.raises(qq_connect.QQConnectError) as raised:
                call(client, endpoint, method=endpoint.methods[-1])
            assert_error_hides_secrets(raised.value)
    with qq_connect.QQConnect(APP_ID, base_url="http://127.0.0.1:9", max_retries=0) as client, \
            pytest.raises(qq_connect.ConnectError) as refused:
        call(client, endpoint)
    assert_error_hides_secrets(refused.value)
    assert_no_secrets(*seen)
    assert "<redacted>" in repr(raw.request)
    assert any("retry" in record.getMessage() for record in caplog.records)
    assert any(record.name == "httpx" for record in caplog.records)
    assert_no_secrets(*(record.getMessage() for record in caplog.records))


def test_transport_error_messages_are_scrubbed(endpoint: SpecEndpoint, method: str) -> None:
    """A transport error that quotes the request's URL shows no credential, in any encoding."""

    def handler(sent: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot reach {sent.url}")

    with qq_connect.QQConnect(APP_ID, transport=httpx.MockTransport(handler),
                              max_retries=0) as client, \
            pytest.raises(qq_connect.ConnectError) as raised:
        call(client, endpoint, method)
    assert "cannot reach" in str(raised.value)
    assert raised.value.__cause__ is None and raised.value.__context__ is None
    assert_error_hides_secrets(raised.value)


def test_result_reprs_show_unknown_fields_by_name_only(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        format: str) -> None:
    avatar = f"http://qzapp.qlogo.cn/qzapp/{APP_ID}/{OPENID}/30"
    graph.script(endpoint.path,
                 Answer(with_extra_fields(endpoint, format, unlisted_figureurl=avatar)))
    result = call(client, endpoint, format=format)
    assert_no_secrets(result)
    assert "unknown_fields=['unlisted_figureurl']" in repr(result)
    assert (result.model_extra or {})["unlisted_figureurl"] == avatar  # the data itself is kept

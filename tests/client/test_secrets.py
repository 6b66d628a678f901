"""The app id and key, tokens, codes and openids never show in reprs, errors or log records.

Not even when the server echoes them: in ``msg`` or ``error_description``, or in an HTML
error page. Every endpoint's call sends its own secrets (from the spec's parameters);
each test looks for all of them, raw and in every percent-encoding.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

import qq_connect
from tests.client.conftest import RETRYING
from tests.client.credentials import (
    APP_ID,
    APP_KEY,
    OPENID,
    assert_error_hides_secrets,
    assert_no_secrets,
    leaked,
    secret_forms,
)
from tests.client.support import (
    call,
    call_raw,
    call_secrets,
    error_body,
    error_encoding,
    format_for,
    non_retryable_category,
    retryable_category,
    with_extra_fields,
)
from tests.fakes.graph import Answer, FakeGraph, Reset, SpecEndpoint

LOGGERS = ("httpx", "httpcore", "qq_connect")


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record of httpx, httpcore and the client, down to DEBUG."""
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    yield caplog


def assert_logs_hide_secrets(logs: pytest.LogCaptureFixture) -> None:
    assert logs.records, "nothing was logged"
    assert_no_secrets(*(record.getMessage() for record in logs.records))
    assert not leaked(logs.text), leaked(logs.text)


def test_repr_of_the_client_hides_the_app_id_and_key(graph: FakeGraph) -> None:
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url,
                              max_retries=0) as client:
        assert_no_secrets(client)
        assert graph.url in repr(client)
    with qq_connect.QQConnect(int(APP_ID), base_url=graph.url, max_retries=0) as client:
        assert_no_secrets(client)


def test_nothing_leaks_through_a_bad_day(graph: FakeGraph, sleeps: list[float],
                                         logs: pytest.LogCaptureFixture,
                                         endpoint: SpecEndpoint) -> None:
    encoding = error_encoding(endpoint, endpoint.formats[0])
    seen: list[object] = []
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url,
                              max_retries=RETRYING) as client:
        seen.append(client)
        # Refused before anything arrived, then busy: retried where safe, given up elsewhere.
        busy = Answer(error_body(endpoint, encoding, retryable_category().code, "busy"))
        graph.script(endpoint.path, *([Reset(), busy] if endpoint.retry_safe else [busy]))
        raw = call_raw(client, endpoint)
        seen += [raw, raw.request]
        if endpoint.retry_safe:
            assert raw.retries_taken == 2
            seen.append(raw.parse())
        else:
            with pytest.raises(qq_connect.ApiError) as busy_raised:
                raw.parse()
            assert_error_hides_secrets(busy_raised.value)
        refusal = error_body(endpoint, encoding, non_retryable_category().code,
                             "access token check failed")
        for fault, tries in ((Answer(refusal), 1),
                             (Answer(b"<html>bad gateway</html>", status=502),
                              RETRYING.max_retries + 1 if endpoint.retry_safe else 1),
                             (Answer(b"<html>oops</html>"), 1)):
            graph.script(endpoint.path, *[fault] * tries)
            with pytest.raises(qq_connect.QQConnectError) as raised:
                call(client, endpoint, method=endpoint.methods[-1])
            assert_error_hides_secrets(raised.value)
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url="http://127.0.0.1:9",
                              max_retries=0) as client, \
            pytest.raises(qq_connect.ConnectError) as refused:
        call(client, endpoint)
    assert_error_hides_secrets(refused.value)
    assert_no_secrets(*seen)
    assert "<redacted>" in repr(raw.request)
    if endpoint.retry_safe:
        assert any("retry" in record.getMessage() for record in logs.records)
    assert any(record.name == "httpx" for record in logs.records)
    assert_logs_hide_secrets(logs)


def test_secrets_the_server_echoes_in_its_message_are_masked(
        client: qq_connect.QQConnect, graph: FakeGraph, logs: pytest.LogCaptureFixture,
        endpoint: SpecEndpoint, encoding: str) -> None:
    """A failure whose text quotes the request: every secret, raw and percent-encoded."""
    secrets = call_secrets(endpoint)
    message = "bad request: " + " | ".join(secret_forms(*secrets))
    code = non_retryable_category().code
    graph.script(endpoint.path, Answer(error_body(endpoint, encoding, code, message)))
    with pytest.raises(qq_connect.ApiError) as raised:
        call(client, endpoint, format=format_for(endpoint, encoding))
    error = raised.value
    assert error.code == code and error.msg.startswith("bad request: <redacted>")
    assert_error_hides_secrets(error)
    assert not leaked(error.msg) and not leaked(str(error))
    assert_logs_hide_secrets(logs)


def html_pages(secrets: tuple[str, ...]) -> Iterator[bytes]:
    """Error pages that quote one form of one secret each, near the top (where an error's
    excerpt of the body reads)."""
    for form in secret_forms(*secrets):
        yield (f"<html><title>{form}</title><body>token={form}</body></html>").encode()


@pytest.mark.parametrize("status", [200, 502])
def test_secrets_in_an_html_error_page_are_masked(
        client: qq_connect.QQConnect, graph: FakeGraph, logs: pytest.LogCaptureFixture,
        endpoint: SpecEndpoint, status: int) -> None:
    pages = list(html_pages(call_secrets(endpoint)))
    graph.script(endpoint.path, *(Answer(page, status=status) for page in pages))
    for _ in pages:
        with pytest.raises((qq_connect.HTTPStatusError, qq_connect.DecodeError)) as raised:
            call(client, endpoint)
        error = raised.value
        assert isinstance(error, qq_connect.HTTPStatusError | qq_connect.DecodeError)
        assert "<redacted>" in error.body_excerpt
        assert_error_hides_secrets(error)
        assert not leaked(error.body_excerpt) and not leaked(str(error))
    assert_logs_hide_secrets(logs)


def test_transport_error_messages_are_scrubbed(endpoint: SpecEndpoint, method: str) -> None:
    """A transport error that quotes the request's URL and body shows no credential."""

    def handler(sent: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot reach {sent.url} with {sent.content!r}")

    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, transport=httpx.MockTransport(handler),
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

"""What the end-to-end tests share: the client under test (sync or async, the same awaitable
calls), the user's browser, the app's callback, and the watch on secrets.

The browser and the callback play the parts of the user and the web app; only the client is
under test. Nothing here waits without a bound: every HTTP call has a timeout, and servers
stop with ``shutdown``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Awaitable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from pydantic import SecretStr

import qq_connect
from qq_connect import AccessToken, OpenId, RefreshedToken, SimpleUserInfo, UserInfo

# The loggers a leak could reach: the client's and its HTTP stack's.
LOGGERS = ("httpx", "httpcore", "qq_connect")
TIMEOUT = 10.0


class Login:
    """The client under test, sync or async, behind the same awaitable calls.

    Each method passes its arguments through unchanged, so a test written once runs both
    clients (the sync one blocks the event loop for a moment: the fake serves from threads).
    """

    def __init__(self, client: qq_connect.QQConnect | qq_connect.AsyncQQConnect) -> None:
        self.client = client

    def authorize_url(self, redirect_uri: str, *, state: str,
                      scope: list[str] | None = None) -> str:
        return self.client.authorize_url(redirect_uri, state=state, scope=scope)

    async def exchange_code(self, code: str | SecretStr, *, redirect_uri: str,
                            need_openid: bool = False, method: Literal["POST", "GET"] = "POST",
                            format: Literal["form", "json"] = "form") -> AccessToken:
        if isinstance(self.client, qq_connect.AsyncQQConnect):
            return await self.client.exchange_code(code, redirect_uri=redirect_uri,
                                                   need_openid=need_openid, method=method,
                                                   format=format)
        return self.client.exchange_code(code, redirect_uri=redirect_uri,
                                         need_openid=need_openid, method=method, format=format)

    async def refresh_access_token(self, refresh_token: str | SecretStr, *,
                                   format: Literal["form", "json"] = "form") -> RefreshedToken:
        if isinstance(self.client, qq_connect.AsyncQQConnect):
            return await self.client.refresh_access_token(refresh_token, format=format)
        return self.client.refresh_access_token(refresh_token, format=format)

    async def get_openid(self, access_token: str | SecretStr, *, unionid: bool = False,
                         format: Literal["jsonp", "json"] = "jsonp") -> OpenId:
        if isinstance(self.client, qq_connect.AsyncQQConnect):
            return await self.client.get_openid(access_token, unionid=unionid, format=format)
        return self.client.get_openid(access_token, unionid=unionid, format=format)

    async def get_user_info(self, access_token: str | SecretStr,
                            openid: str) -> UserInfo:
        if isinstance(self.client, qq_connect.AsyncQQConnect):
            return await self.client.get_user_info(access_token, openid)
        return self.client.get_user_info(access_token, openid)

    async def get_simple_userinfo(self, access_token: str | SecretStr,
                                  openid: str) -> SimpleUserInfo:
        if isinstance(self.client, qq_connect.AsyncQQConnect):
            return await self.client.get_simple_userinfo(access_token, openid)
        return self.client.get_simple_userinfo(access_token, openid)


class _CallbackHandler(BaseHTTPRequestHandler):
    server: _CallbackServer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        with self.server.lock:
            self.server.received.append((url.path, dict(parse_qsl(url.query))))
        body = b"signed in"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _CallbackServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _CallbackHandler)
        self.lock = threading.Lock()
        self.received: list[tuple[str, dict[str, str]]] = []


class Callback:
    """The web app's redirect_uri: a tiny HTTP server on 127.0.0.1 that keeps every query."""

    def __init__(self) -> None:
        self._server = _CallbackServer()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        kwargs={"poll_interval": 0.05})

    @property
    def url(self) -> str:
        """Under the demo app's registered prefix (http://127.0.0.1, any port)."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/callback"

    @property
    def received(self) -> list[tuple[str, dict[str, str]]]:
        with self._server.lock:
            return list(self._server.received)

    def __enter__(self) -> Callback:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


class Browser:
    """The user's browser: opens the authorize URL and follows the redirect to the callback."""

    def __init__(self, http: httpx.Client, callback: Callback,
                 caplog: pytest.LogCaptureFixture) -> None:
        self.http = http
        self.callback = callback
        self._caplog = caplog

    def _get(self, url: str) -> httpx.Response:
        # The browser is not under test, and httpcore logs response headers at DEBUG: the
        # redirect's Location carries the code. Its records stay out of the leak check.
        with self._caplog.at_level(logging.WARNING, logger="httpcore"):
            return self.http.get(url)

    def consent(self, authorize_url: str) -> dict[str, str]:
        """The query the app's callback received after the user agreed (code and state)."""
        before = len(self.callback.received)
        response = self._get(authorize_url)
        assert response.status_code == 200, response.text
        assert [r.status_code for r in response.history] == [302]
        arrivals = self.callback.received[before:]
        assert [path for path, _ in arrivals] == ["/callback"], arrivals
        return arrivals[0][1]

    def refused(self, authorize_url: str) -> httpx.Response:
        """The page the authorize URL shows when it does not redirect (a refusal)."""
        before = len(self.callback.received)
        response = self._get(authorize_url)
        assert not response.history and self.callback.received[before:] == []
        return response


class Watch:
    """The secrets a test has met, and everything it shows (reprs, strs, log records).

    Its fixture checks at the end of the test that no secret shows anywhere.
    """

    def __init__(self, *secrets: str) -> None:
        self.secrets: set[str] = set(secrets)
        self.shown: list[object] = []

    def secret(self, *values: str | SecretStr | None) -> None:
        for value in values:
            if isinstance(value, SecretStr):
                value = value.get_secret_value()
            if value:
                self.secrets.add(value)

    def result(self, result: qq_connect.Result) -> None:
        """Show ``result``; its secret and identifying fields become secrets to watch."""
        self.shown.append(result)
        for name in type(result).model_fields:
            value = getattr(result, name)
            if isinstance(value, SecretStr) or (name in result.HIDDEN_FIELDS
                                                and isinstance(value, str)):
                self.secret(value)

    def error(self, error: qq_connect.QQConnectError) -> None:
        self.shown += [error, error.request, *error.args]

    def leaks(self, records: Iterable[logging.LogRecord]) -> list[str]:
        """Where a secret shows: ``repr``/``str`` of what was shown, and log records."""
        texts = [f"{kind} of {type(thing).__name__}: {text}" for thing in self.shown
                 for kind, text in (("repr", repr(thing)), ("str", str(thing)))]
        texts += [f"log {record.name}: {record.getMessage()}" for record in records
                  if record.name.split(".")[0] in LOGGERS]
        return [text for text in texts if any(secret in text for secret in self.secrets)]


async def expect_error(call: Awaitable[object], kind: type[qq_connect.ApiError], code: int,
                       code_field: str, watch: Watch) -> qq_connect.ApiError:
    """Await ``call``; it must raise exactly ``kind`` with ``code`` (in ``code_field``)."""
    with pytest.raises(qq_connect.ApiError) as raised:
        await call
    error = raised.value
    watch.error(error)
    assert type(error) is kind, error
    assert (error.code, error.ret, error.code_field) == (code, code, code_field)
    assert error.retryable is False  # a login error is never retried
    return error

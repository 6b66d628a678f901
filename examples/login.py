"""Log in with QQ: a minimal web app on the generated client (standard library wsgiref only).

Against the fake graph.qq.com, from the repository's root, in two terminals:

  .venv/bin/python -m tests.fakes.graph --port 8000 --flow
  PYTHONPATH=generated .venv/bin/python examples/login.py --app-key 0123456789abcdef0123456789abcdef

then open http://127.0.0.1:8080/ in a browser. The first command prints the fake's demo app:
its client_id (101000001, the default --app-id here) and its client_secret (the app key above);
the defaults --graph-url http://127.0.0.1:8000 and --port 8080 match it, and the fake accepts
callbacks under http://127.0.0.1 on any port. QQ_APP_ID and QQ_APP_KEY may replace the flags
(prefer the variable for a real key: a command line shows in the process list).

Against the real service: --graph-url https://graph.qq.com, your app's id and key, and
--callback-url set to the callback registered for your app (behind your HTTPS front end).

Routes: ``/`` (the "Log in with QQ" link, or the profile once logged in), ``/login`` (to QQ,
with a fresh ``state`` kept in a cookie), ``/callback`` (QQ sends the browser back here),
``/logout`` (POST).
"""

from __future__ import annotations

import argparse
import contextlib
import hmac
import html
import logging
import os
import secrets
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qsl, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer
from wsgiref.types import StartResponse, WSGIEnvironment

from pydantic import SecretStr

import qq_connect

# The fake's demo app, as ``python -m tests.fakes.graph --flow`` prints it, and its address.
DEMO_APP_ID = "101000001"
FAKE_GRAPH_URL = "http://127.0.0.1:8000"
DEFAULT_PORT = 8080

STATE_COOKIE = "qq_login_state"
SESSION_COOKIE = "session"
# The code QQ sends back lives about 10 minutes; the state need not outlive it.
STATE_MAX_AGE = 600
NO_UNIONID_GRANT = 100048  # /oauth2.0/me?unionid=1 for an app without the UnionID grant

logger = logging.getLogger("login_example")


@dataclass(frozen=True)
class Account:
    """A user of this app, as the login left it (kept on the server, never sent to a browser).

    Keyed by ``openid``: it is what every QQ Connect call for this app takes, and it never
    changes for this app. ``unionid`` is kept too, when the app has the grant, to link
    accounts across the developer's apps later; switching the key to it would silently turn
    existing users into new ones.
    """

    openid: str
    unionid: str | None
    nickname: str
    gender: str
    avatar: str
    placeholder: bool
    token: qq_connect.AccessToken  # for later calls on the user's behalf; SecretStr inside


@dataclass(frozen=True)
class Page:
    status: str
    body: str = ""
    headers: tuple[tuple[str, str], ...] = ()


class LoginApp:
    """The WSGI application: log in with QQ, then show who logged in."""

    def __init__(self, client: qq_connect.QQConnect, callback_url: str) -> None:
        self.client = client
        self.callback_url = callback_url
        self._lock = threading.Lock()
        self._accounts: dict[str, Account] = {}  # by openid
        self._sessions: dict[str, str] = {}  # session id → openid

    def __call__(self, environ: WSGIEnvironment,
                 start_response: StartResponse) -> Iterable[bytes]:
        page = self._route(environ)
        body = page.body.encode()
        headers = [("Content-Type", "text/html; charset=utf-8"),
                   ("Content-Length", str(len(body))),
                   ("Cache-Control", "no-store"),
                   # The avatar comes from another host: send it no URL of ours.
                   ("Referrer-Policy", "no-referrer"), *page.headers]
        start_response(page.status, headers)
        return [body]

    def _route(self, environ: WSGIEnvironment) -> Page:
        path, method = environ.get("PATH_INFO", "/"), environ.get("REQUEST_METHOD", "GET")
        cookies = _cookies(environ.get("HTTP_COOKIE", ""))
        if (path, method) == ("/", "GET"):
            return self._home(cookies)
        if (path, method) == ("/login", "GET"):
            return self._login()
        if (path, method) == ("/callback", "GET"):
            query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
            return self._callback(query, cookies)
        if (path, method) == ("/logout", "POST"):
            return self._logout(cookies)
        return Page("404 Not Found", _document("Not found", "<p><a href=\"/\">Home</a></p>"))

    def _home(self, cookies: Mapping[str, str]) -> Page:
        account = self._account(cookies.get(SESSION_COOKIE, ""))
        if account is None:
            return Page("200 OK", _document(
                "Example app", '<p><a href="/login">Log in with QQ</a></p>'))
        note = ("<p><em>QQ sent placeholder data: this app is not approved yet.</em></p>"
                if account.placeholder else "")
        # The avatar URL embeds the app id and the openid (QQ's design) and the browser has to
        # fetch it anyway; nothing else of the login reaches the page.
        avatar = (f'<img src="{html.escape(account.avatar)}" alt="avatar" width="100" '
                  f'height="100">' if account.avatar.startswith(("https://", "http://")) else "")
        return Page("200 OK", _document("Example app", (
            f"{avatar}<p>Logged in with QQ as <strong>{html.escape(account.nickname)}</strong>"
            f" ({html.escape(account.gender)}).</p>{note}"
            '<form method="post" action="/logout"><button>Log out</button></form>')))

    def _login(self) -> Page:
        state = secrets.token_urlsafe(32)
        url = self.client.authorize_url(self.callback_url, state=state, scope=["get_user_info"])
        # Lax, not Strict: the browser comes back from graph.qq.com, another site, and must
        # bring the cookie along on that top-level GET. Add "; Secure" behind HTTPS.
        cookie = (f"{STATE_COOKIE}={state}; Path=/; Max-Age={STATE_MAX_AGE}; HttpOnly; "
                  "SameSite=Lax")
        return Page("302 Found", headers=(("Location", url), ("Set-Cookie", cookie)))

    def _callback(self, query: Mapping[str, str], cookies: Mapping[str, str]) -> Page:
        forget_state = ("Set-Cookie", f"{STATE_COOKIE}=; Path=/; Max-Age=0; HttpOnly; "
                                      "SameSite=Lax")  # a state is good for one return
        expected, returned = cookies.get(STATE_COOKIE, ""), query.get("state", "")
        # Constant time: how much of a guess matched must not show in the timing.
        if not expected or not hmac.compare_digest(expected.encode(), returned.encode()):
            return _failure("400 Bad Request", "This login could not be verified (its state "
                            "does not match); please start again.", forget_state)
        code = query.get("code", "")
        if not code:
            return _failure("400 Bad Request", "QQ sent no code back: the login was not "
                            "completed.", forget_state)
        try:
            account = self._log_in(code)
        except qq_connect.ApiError as error:
            logger.warning("login failed: %s", error.summary())  # class and code, no secret
            return _failure("502 Bad Gateway", f"{type(error).__name__} (code {error.code}). "
                            f"{_advice(error)}", forget_state)
        except qq_connect.QQConnectError as error:
            logger.warning("login failed: %s", error.summary())
            return _failure("502 Bad Gateway", f"{type(error).__name__}: QQ could not be "
                            "reached or answered oddly; please try again.", forget_state)
        session = secrets.token_urlsafe(32)
        with self._lock:
            self._accounts[account.openid] = account
            self._sessions[session] = account.openid
        # Off the callback URL at once, so a reload does not spend the code a second time.
        return Page("303 See Other", headers=(
            ("Location", "/"), forget_state,
            ("Set-Cookie", f"{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax")))

    def _log_in(self, code: str) -> Account:
        """The code → token → openid (and unionid) → profile calls of the login."""
        token = self.client.exchange_code(code, redirect_uri=self.callback_url)
        try:
            me = self.client.get_openid(token.access_token, unionid=True)
        except qq_connect.OAuthFlowError as error:
            if error.code != NO_UNIONID_GRANT:
                raise
            me = self.client.get_openid(token.access_token)
        info = self.client.get_user_info(token.access_token, me.openid)
        avatar = info.figureurl_qq_2 or info.figureurl_qq_1
        # Apps not yet approved get a placeholder user (nickname "qzuser") with ret 0.
        return Account(me.openid, me.unionid, info.nickname, info.gender, avatar,
                       info.is_placeholder, token)

    def _logout(self, cookies: Mapping[str, str]) -> Page:
        with self._lock:
            self._sessions.pop(cookies.get(SESSION_COOKIE, ""), None)
        return Page("303 See Other", headers=(
            ("Location", "/"),
            ("Set-Cookie", f"{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")))

    def _account(self, session: str) -> Account | None:
        with self._lock:
            openid = self._sessions.get(session)
            return None if openid is None else self._accounts.get(openid)


def _advice(error: qq_connect.ApiError) -> str:
    if isinstance(error, qq_connect.OAuthFlowError | qq_connect.TokenInvalidError):
        return "Please log in again."  # a spent or expired code is never retried
    if isinstance(error, qq_connect.AppInvalidError):
        return "This app is not configured correctly (its id or key)."
    return "Please try again later."


def _failure(status: str, message: str, *headers: tuple[str, str]) -> Page:
    return Page(status, _document("Login failed", (
        f"<p>{html.escape(message)}</p><p><a href=\"/login\">Log in with QQ again</a></p>")),
        headers)


def _document(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1>"
            f"{body}</body></html>")


def _cookies(header: str) -> dict[str, str]:
    cookie = SimpleCookie()
    with contextlib.suppress(CookieError):  # a malformed header counts as no cookie
        cookie.load(header)
    return {name: morsel.value for name, morsel in cookie.items()}


class AccessLog(WSGIRequestHandler):
    """wsgiref's request log without the query: /callback's carries the code."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.log_message('"%s %s" %s', self.command, urlsplit(self.path).path, str(code))


def make_server(client: qq_connect.QQConnect, port: int = DEFAULT_PORT,
                callback_url: str | None = None) -> WSGIServer:
    """The app on 127.0.0.1:``port`` (0: any free port); its callback there unless given."""
    server = WSGIServer(("127.0.0.1", port), AccessLog)
    server.set_app(LoginApp(client, callback_url
                            or f"http://127.0.0.1:{server.server_port}/callback"))
    return server


@dataclass(frozen=True)
class Settings:
    graph_url: str
    app_id: str
    app_key: SecretStr
    port: int
    callback_url: str | None


def parse_settings(argv: Sequence[str] | None, environ: Mapping[str, str]) -> Settings:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--graph-url", default=FAKE_GRAPH_URL,
                        help="base URL of the service (default: the fake, %(default)s)")
    parser.add_argument("--app-id", default=environ.get("QQ_APP_ID", DEMO_APP_ID),
                        help="the app id (default: $QQ_APP_ID, else the fake's demo app)")
    parser.add_argument("--app-key", default=environ.get("QQ_APP_KEY"),
                        help="the app key (default: $QQ_APP_KEY; required)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help="port on 127.0.0.1 (default: %(default)s)")
    parser.add_argument("--callback-url",
                        help="the registered callback (default: http://127.0.0.1:PORT/callback)")
    arguments = parser.parse_args(argv)
    if not arguments.app_key:
        parser.error("the app key is required: --app-key or QQ_APP_KEY")
    return Settings(arguments.graph_url, arguments.app_id, SecretStr(arguments.app_key),
                    arguments.port, arguments.callback_url)


def main(argv: Sequence[str] | None = None) -> None:
    settings = parse_settings(argv, os.environ)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # A base_url sends every endpoint to that host; for the real service give none, so that
    # each endpoint keeps its own host.
    real = settings.graph_url.rstrip("/") == qq_connect.BASE_URL
    with qq_connect.QQConnect(settings.app_id, settings.app_key,
                              base_url=None if real else settings.graph_url) as client, \
            make_server(client, settings.port, settings.callback_url) as server:
        print(f"Log in with QQ at http://127.0.0.1:{server.server_port}/ "
              f"(service {settings.graph_url}; Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


if __name__ == "__main__":
    main()

"""The whole login, as an app performs it, against the stateful fake (tests/fakes/oauth.py).

A scenario, not a spec-driven test: it names the login's steps, in their order. Each
result's token goes straight into the next call as the ``SecretStr`` it is, and the
single-use code and refresh tokens show why those steps are never retried blindly.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from pydantic import SecretStr

import qq_connect
from tests.client.conftest import RETRYING
from tests.client.credentials import APP_ID, APP_KEY, assert_error_hides_secrets
from tests.fakes.graph import Delay, FakeGraph
from tests.fakes.oauth import ACCESS_TOKEN_LIFETIME, App, LoginFlow

CALLBACK = "https://app.example.com/qq/callback"
APP = App(APP_ID, APP_KEY, "https://app.example.com/qq", unionid=True)


@pytest.fixture
def flow() -> LoginFlow:
    return LoginFlow(APP)


@pytest.fixture
def login(flow: LoginFlow) -> Iterator[FakeGraph]:
    with FakeGraph(flow=flow) as graph:
        yield graph


@pytest.fixture
def app(login: FakeGraph, sleeps: list[float]) -> Iterator[qq_connect.QQConnect]:
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=login.url, timeout=5.0,
                              max_retries=RETRYING) as client:
        yield client


def browse(client: qq_connect.QQConnect, state: str = "csrf-42") -> str:
    """What the user's browser does with the authorize URL: the code it brings back."""
    url = client.authorize_url(CALLBACK, state=state, scope=["get_user_info", "get_vip_info"],
                               display="mobile")
    answer = httpx.get(url, follow_redirects=False, timeout=5.0)
    assert answer.status_code == 302, answer.content
    back = dict(parse_qsl(urlsplit(answer.headers["Location"]).query))
    assert back["state"] == state
    return back["code"]


def test_a_login_chains_its_results_into_the_next_calls(
        app: qq_connect.QQConnect, flow: LoginFlow, sleeps: list[float]) -> None:
    token = app.exchange_code(browse(app), redirect_uri=CALLBACK, need_openid=True)
    assert isinstance(token.access_token, SecretStr)
    assert isinstance(token.refresh_token, SecretStr)
    assert token.expires_in == timedelta(seconds=ACCESS_TOKEN_LIFETIME)
    assert token.expires_at == token.received_at + token.expires_in

    me = app.get_openid(token.access_token, unionid=True)  # JSONP by default
    assert me.openid == token.openid == flow.openid(APP_ID)
    assert me.client_id == APP_ID and me.unionid == flow.unionid()
    assert app.get_openid(token.access_token, unionid=True, format="json") == me

    info = app.get_user_info(token.access_token, me.openid)
    assert info.nickname == flow.default_user.nickname
    assert app.get_vip_info(token.access_token, me.openid).is_qq_vip in (True, False)

    renewed = app.refresh_access_token(token.refresh_token, format="json")
    assert renewed.access_token != token.access_token
    assert app.get_simple_userinfo(renewed.access_token, me.openid).nickname == info.nickname

    secrets = [token.access_token.get_secret_value(), token.refresh_token.get_secret_value(),
               renewed.access_token.get_secret_value(), me.openid, flow.unionid()]
    for result in (token, me, info, renewed):
        for text in (repr(result), str(result)):
            assert not [secret for secret in secrets if secret in text], text
    assert sleeps == []


def test_a_spent_code_or_refresh_token_is_refused_not_retried(
        app: qq_connect.QQConnect, login: FakeGraph, sleeps: list[float]) -> None:
    code = browse(app)
    token = app.exchange_code(code, redirect_uri=CALLBACK)
    with pytest.raises(qq_connect.OAuthFlowError) as reused:
        app.exchange_code(code, redirect_uri=CALLBACK)
    assert reused.value.code == 100020 and reused.value.code_field == "error"
    assert_error_hides_secrets(reused.value, more=(code,))

    app.refresh_access_token(token.refresh_token)
    with pytest.raises(qq_connect.TokenInvalidError) as spent:
        app.refresh_access_token(token.refresh_token)
    assert spent.value.code == 100042
    assert_error_hides_secrets(spent.value, more=(token.refresh_token.get_secret_value(),))
    assert sleeps == []


def test_a_code_that_may_have_arrived_is_not_sent_again(
        app: qq_connect.QQConnect, login: FakeGraph, sleeps: list[float]) -> None:
    """The server took the code but answered too late: a retry could only be refused."""
    code = browse(app)
    login.script("/oauth2.0/token", Delay(0.5))
    with pytest.raises(qq_connect.RequestTimeoutError):
        app.exchange_code(code, redirect_uri=CALLBACK, timeout=0.1)
    assert sleeps == []
    exchanges = [request for request in login.requests if request.path == "/oauth2.0/token"]
    assert len(exchanges) == 1
    with pytest.raises(qq_connect.OAuthFlowError) as refused:
        app.exchange_code(code, redirect_uri=CALLBACK)
    assert refused.value.code == 100020  # what a blind retry would have met


def test_a_token_step_without_the_app_key_sends_nothing(login: FakeGraph) -> None:
    with qq_connect.QQConnect(APP_ID, base_url=login.url) as client:
        code = browse(client)
        with pytest.raises(ValueError, match="app_key"):
            client.exchange_code(code, redirect_uri=CALLBACK)
    assert [request.path for request in login.requests] == ["/oauth2.0/authorize"]  # browser

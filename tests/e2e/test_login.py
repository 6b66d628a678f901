"""Log in with QQ, end to end: the generated client (sync and async) against the stateful fake
over HTTP on 127.0.0.1, a real browser (httpx) between them.

Each test runs once per client (``kind``). Time passes only through ``flow.advance``; the
watch checks at the end of every test that no secret showed in a repr, a str or a log record.
"""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Literal
from urllib.parse import parse_qsl, urlsplit

import pytest
from pydantic import SecretStr

import qq_connect
from qq_connect import AccessToken, OAuthFlowError, TokenInvalidError
from tests.e2e.conftest import NO_UNIONID_APP, Connect
from tests.e2e.support import Browser, Login, Watch, expect_error
from tests.fakes.graph import Answer, FakeGraph, Reset
from tests.fakes.oauth import (
    ACCESS_TOKEN_LIFETIME,
    CODE_LIFETIME,
    DEMO_APP,
    REFRESH_CHAIN_LIFETIME,
    LoginFlow,
    User,
)

pytestmark = pytest.mark.anyio

# A CSRF token with characters that need encoding: it must come back unchanged.
STATE = "st/ate+1 ä&="
OPENID_FORMATS: tuple[Literal["jsonp", "json"], ...] = ("jsonp", "json")


async def consent(client: Login, browser: Browser, watch: Watch,
                  scope: list[str] | None = None) -> str:
    """The user's browser goes to QQ and back; the code the callback received."""
    url = client.authorize_url(browser.callback.url, state=STATE, scope=scope)
    returned = browser.consent(url)
    assert set(returned) == {"code", "state"}
    assert returned["state"] == STATE  # the app compares it with the one it kept
    watch.secret(returned["code"])
    return returned["code"]


async def log_in(client: Login, browser: Browser, watch: Watch) -> AccessToken:
    """Consent, then the code exchange: the tokens."""
    code = await consent(client, browser, watch)
    token = await client.exchange_code(code, redirect_uri=browser.callback.url)
    watch.result(token)
    return token


async def test_the_whole_login(client: Login, browser: Browser, flow: LoginFlow,
                               graph: FakeGraph, watch: Watch) -> None:
    member = flow.add_user(User(nickname="黄钻 <Member>", gender="女", yellow_vip_level=3,
                                yellow_year_vip=True))
    flow.sign_in(member)

    url = client.authorize_url(browser.callback.url, state=STATE,
                               scope=["get_user_info", "get_vip_info"])
    sent = dict(parse_qsl(urlsplit(url).query))
    assert url.startswith(f"{graph.url}/oauth2.0/authorize?")
    assert sent == {"response_type": "code", "client_id": DEMO_APP.app_id,
                    "redirect_uri": browser.callback.url, "state": STATE,
                    "scope": "get_user_info,get_vip_info"}
    returned = browser.consent(url)
    assert returned["state"] == STATE
    code = returned["code"]
    watch.secret(code)

    token = await client.exchange_code(code, redirect_uri=browser.callback.url)
    watch.result(token)
    assert isinstance(token.access_token, SecretStr) and isinstance(token.refresh_token, SecretStr)
    assert token.expires_in == timedelta(seconds=ACCESS_TOKEN_LIFETIME)
    assert token.expires_at.utcoffset() == timedelta(0) and token.expires_at.tzinfo is UTC
    assert token.expires_at == token.received_at + token.expires_in
    assert token.openid is None  # only with need_openid
    # The app key and the code travel in the POST body, never in a URL (server logs keep URLs).
    exchange = [r for r in graph.requests if r.path == "/oauth2.0/token"]
    assert [(r.method, r.query) for r in exchange] == [("POST", "")]

    me = await client.get_openid(token.access_token, unionid=True)  # JSONP, the default
    watch.result(me)
    assert me.client_id == DEMO_APP.app_id
    assert me.openid == flow.openid(DEMO_APP.app_id, member)
    assert me.unionid is not None and me.unionid.startswith("UID_")
    assert me.unionid == flow.unionid(member)
    plain = await client.get_openid(token.access_token, format="json")
    watch.result(plain)
    assert (plain.openid, plain.unionid) == (me.openid, None)

    info = await client.get_user_info(token.access_token, me.openid)
    watch.result(info)
    assert (info.nickname, info.gender) == ("黄钻 <Member>", "女")
    # Numeric strings on the wire, typed here.
    assert info.is_yellow_vip is True and info.vip is True and info.is_yellow_year_vip is True
    assert type(info.level) is int and info.level == 3 and info.yellow_vip_level == 3
    assert info.year == 1990 and info.is_degraded is False
    assert info.figureurl_qq_1.startswith("http://") and me.openid in info.figureurl_qq_1

    simple = await client.get_simple_userinfo(token.access_token, me.openid)
    watch.result(simple)
    assert (simple.nickname, simple.is_yellow_vip, simple.level) == (info.nickname, True, 3)
    # get_simple_userinfo lives on its own host; base_url sent it to the fake as well.
    assert "/user/get_simple_userinfo" in [r.path for r in graph.requests]

    refreshed = await client.refresh_access_token(token.refresh_token)
    watch.result(refreshed)
    assert refreshed.access_token != token.access_token
    assert refreshed.refresh_token != token.refresh_token
    assert refreshed.expires_in == timedelta(seconds=ACCESS_TOKEN_LIFETIME)
    assert refreshed.expires_at.tzinfo is UTC
    again = await client.get_user_info(refreshed.access_token, me.openid)
    watch.result(again)
    assert again.nickname == info.nickname


@pytest.mark.parametrize("format", ["form", "json"])
@pytest.mark.parametrize("method", ["POST", "GET"])
async def test_exchange_with_need_openid(client: Login, browser: Browser, watch: Watch,
                                         format: Literal["form", "json"],
                                         method: Literal["POST", "GET"]) -> None:
    code = await consent(client, browser, watch)
    token = await client.exchange_code(code, redirect_uri=browser.callback.url,
                                       need_openid=True, method=method,
                                       format=format)
    watch.result(token)
    assert token.expires_in == timedelta(seconds=ACCESS_TOKEN_LIFETIME)  # a string in JSON
    me = await client.get_openid(token.access_token)
    watch.result(me)
    assert token.openid == me.openid


@pytest.mark.parametrize("format", ["form", "json"])
async def test_a_code_is_single_use(client: Login, browser: Browser, watch: Watch,
                                    format: Literal["form", "json"]) -> None:
    code = await consent(client, browser, watch)
    token = await client.exchange_code(code, redirect_uri=browser.callback.url,
                                       format=format)
    watch.result(token)
    # A JSONP error for a form request, plain JSON with fmt=json: the same typed error.
    await expect_error(client.exchange_code(code, redirect_uri=browser.callback.url,
                                            format=format),
                       OAuthFlowError, 100020, "error", watch)
    me = await client.get_openid(token.access_token)  # the first exchange's token still works
    watch.result(me)


async def test_a_refresh_token_is_single_use(client: Login, browser: Browser,
                                             watch: Watch) -> None:
    token = await log_in(client, browser, watch)
    refreshed = await client.refresh_access_token(token.refresh_token, format="json")
    watch.result(refreshed)
    await expect_error(client.refresh_access_token(token.refresh_token),
                       TokenInvalidError, 100042, "error", watch)
    # Each success hands out the next refresh token, good once more.
    watch.result(await client.refresh_access_token(refreshed.refresh_token))


async def test_an_expired_token_and_its_refresh(client: Login, browser: Browser,
                                                flow: LoginFlow, watch: Watch) -> None:
    flow.expires_in = 3600  # tokens live an hour here, so the refresh chain outlives them
    token = await log_in(client, browser, watch)
    assert token.expires_in == timedelta(hours=1)
    me = await client.get_openid(token.access_token)
    watch.result(me)

    flow.advance(3600)
    for format in OPENID_FORMATS:
        await expect_error(client.get_openid(token.access_token, format=format),
                           TokenInvalidError, 100014, "error", watch)
    # The profile calls answer in their ret/msg shape: the same class and code.
    await expect_error(client.get_user_info(token.access_token, me.openid),
                       TokenInvalidError, 100014, "ret", watch)

    refreshed = await client.refresh_access_token(token.refresh_token)
    watch.result(refreshed)
    watch.result(await client.get_user_info(refreshed.access_token, me.openid))


async def test_the_refresh_chain_ends(client: Login, browser: Browser, flow: LoginFlow,
                                      watch: Watch) -> None:
    token = await log_in(client, browser, watch)
    flow.advance(REFRESH_CHAIN_LIFETIME)
    await expect_error(client.refresh_access_token(token.refresh_token),
                       TokenInvalidError, 100037, "error", watch)  # send the user to log in


async def test_an_expired_code(client: Login, browser: Browser, flow: LoginFlow,
                               watch: Watch) -> None:
    code = await consent(client, browser, watch)
    flow.advance(CODE_LIFETIME)
    await expect_error(client.exchange_code(code, redirect_uri=browser.callback.url),
                       OAuthFlowError, 100019, "error", watch)


async def test_unionid_without_the_grant(connect: Connect, browser: Browser,
                                         watch: Watch) -> None:
    async with connect(NO_UNIONID_APP) as client:
        token = await log_in(client, browser, watch)
        for format in OPENID_FORMATS:
            await expect_error(client.get_openid(token.access_token, unionid=True,
                                                 format=format),
                               OAuthFlowError, 100048, "error", watch)
        me = await client.get_openid(token.access_token)  # the openid alone is always there
        watch.result(me)
        assert me.unionid is None


async def test_a_wrong_app_key(connect: Connect, client: Login, browser: Browser,
                               watch: Watch) -> None:
    code = await consent(client, browser, watch)
    wrong_key = "f" * 32
    watch.secret(wrong_key)
    async with connect(DEMO_APP, app_key=wrong_key) as wrong:
        error = await expect_error(wrong.exchange_code(code, redirect_uri=browser.callback.url),
                                   qq_connect.AppInvalidError, 100009, "error", watch)
    assert error.request is not None and "client_secret=<redacted>" in error.request.url


async def test_a_redirect_uri_that_does_not_match(client: Login, browser: Browser,
                                                  watch: Watch) -> None:
    code = await consent(client, browser, watch)
    await expect_error(client.exchange_code(code, redirect_uri=browser.callback.url + "/other"),
                       OAuthFlowError, 100010, "error", watch)
    # Outside the app's registered prefix, QQ shows an error instead of redirecting.
    page = browser.refused(client.authorize_url("http://localhost:9/callback", state=STATE))
    assert '"error":100010' in page.text


async def test_token_calls_are_not_repeated_once_sent(connect: Connect, browser: Browser,
                                                      graph: FakeGraph, watch: Watch) -> None:
    policy = qq_connect.RetryPolicy(max_retries=2, initial_delay=0.001, max_delay=0.001)
    async with connect(max_retries=policy) as client:
        code = await consent(client, browser, watch)
        # The connection breaks after the request left: the code may be spent, so the client
        # must not send it again (QQ: lead the user through login again, never retry).
        graph.script("/oauth2.0/token", Reset())
        with pytest.raises(qq_connect.TransportError) as raised:
            await client.exchange_code(code, redirect_uri=browser.callback.url)
        watch.error(raised.value)
        assert isinstance(raised.value, qq_connect.ConnectError)  # a reset breaks the connection
        assert raised.value.unsent is False
        assert [r.path for r in graph.requests].count("/oauth2.0/token") == 1

        token = await log_in(client, browser, watch)
        graph.script("/oauth2.0/me", Reset())  # a read: repeated
        me = await client.get_openid(token.access_token)
        watch.result(me)
        assert me.retries_taken == 1


async def test_a_broken_token_answer_hides_the_token_it_carries(client: Login,
                                                                 graph: FakeGraph) -> None:
    issued = "9A" * 16
    # QQ drops refresh_token one day: the answer breaks the contract, with a live token in it.
    graph.script("/oauth2.0/token", Answer(f"access_token={issued}&expires_in=7776000".encode()))
    with pytest.raises(qq_connect.ResponseValidationError) as raised:
        await client.exchange_code("C" * 32, redirect_uri="http://127.0.0.1/callback")
    assert "refresh_token" in raised.value.problems
    assert issued not in str(raised.value) and issued not in repr(raised.value)

"""The login-flow fake (tests/fakes/oauth.py), driven over HTTP with plain httpx.

Each test gets its own flow and server; expiry is reached with ``flow.advance``, never sleeps.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, urlsplit

import httpx
import pytest

from tests.fakes.graph import Answer, Delay, FakeGraph, load_endpoints
from tests.fakes.oauth import (
    CODE_LIFETIME,
    PLACEHOLDER_APP_ID,
    PLACEHOLDER_NICKNAME,
    REFRESH_CHAIN_LIFETIME,
    App,
    LoginFlow,
    User,
)

ROOT = Path(__file__).resolve().parents[2]
CONTENT_TYPE = "text/html; charset=utf-8"
APP = App("101364207", "0f3c2a9b8e7d6c5b4a39281706f5e4d3", "https://app.example.com/qq")
UNION_APP = App("101364208", "1e2d3c4b5a69788796a5b4c3d2e1f0a9", "https://union.example.com/",
                unionid=True)
DRAFT_APP = App("101364209", "2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a", "https://draft.example.com",
                approved=False)
HEX32 = re.compile(r"[0-9A-F]{32}")
# The whole body: no JSON, no trailing newline.
TOKEN_FORM = re.compile(
    r"access_token=[0-9A-F]{32}&expires_in=7776000&refresh_token=[0-9A-F]{32}"
    r"(&openid=[0-9A-F]{32})?")
USER_INFO = "/user/get_user_info"


@pytest.fixture
def flow() -> LoginFlow:
    return LoginFlow(APP, UNION_APP, DRAFT_APP)


@pytest.fixture
def graph(flow: LoginFlow) -> Iterator[FakeGraph]:
    with FakeGraph(flow=flow) as graph:
        yield graph


@pytest.fixture
def client(graph: FakeGraph) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=graph.url, follow_redirects=False, timeout=10.0) as client:
        yield client


# --- helpers: one step of the flow each --------------------------------------------------


def send(client: httpx.Client, method: str, path: str,
         parameters: dict[str, str]) -> httpx.Response:
    """GET with a query or POST with a form body: the fake accepts both."""
    if method == "POST":
        return client.post(path, data=parameters)
    return client.get(path, params=parameters)


def callback(app: App) -> str:
    """Where ``app`` wants the browser back: under its registered prefix."""
    return app.redirect_prefix.rstrip("/") + "/callback"


def authorization(app: App = APP) -> dict[str, str]:
    return {"response_type": "code", "client_id": app.app_id, "redirect_uri": callback(app),
            "state": "csrf-1"}


def code_exchange(code: str, app: App = APP) -> dict[str, str]:
    return {"grant_type": "authorization_code", "client_id": app.app_id,
            "client_secret": app.app_key, "code": code, "redirect_uri": callback(app)}


def authorize(client: httpx.Client, app: App = APP, method: str = "GET",
              **overrides: str) -> httpx.Response:
    return send(client, method, "/oauth2.0/authorize", {**authorization(app), **overrides})


def redirected(response: httpx.Response) -> dict[str, str]:
    """The query of the redirect back to the app, decoded."""
    assert response.status_code == 302, response.content
    return dict(parse_qsl(urlsplit(response.headers["Location"]).query))


def code_for(client: httpx.Client, app: App = APP, **overrides: str) -> str:
    return redirected(authorize(client, app, **overrides))["code"]


def exchange(client: httpx.Client, code: str, app: App = APP, method: str = "GET",
             **overrides: str) -> httpx.Response:
    return send(client, method, "/oauth2.0/token", {**code_exchange(code, app), **overrides})


def refresh(client: httpx.Client, refresh_token: str, app: App = APP,
            **overrides: str) -> httpx.Response:
    parameters = {"grant_type": "refresh_token", "client_id": app.app_id,
                  "client_secret": app.app_key, "refresh_token": refresh_token, **overrides}
    return client.get("/oauth2.0/token", params=parameters)


def form(response: httpx.Response) -> dict[str, str]:
    assert TOKEN_FORM.fullmatch(response.text), response.content
    return dict(parse_qsl(response.text, strict_parsing=True))


def log_in(client: httpx.Client, app: App = APP, **overrides: str) -> dict[str, str]:
    """Authorize and exchange the code: the token answer's fields."""
    return form(exchange(client, code_for(client, app, **overrides), app))


def oauth_error(response: httpx.Response) -> dict[str, object]:
    """An OAuth error in its default JSONP wrapping, unwrapped."""
    assert response.status_code == 200
    match = re.fullmatch(rb"callback\( (\{.*\}) \);\n", response.content)
    assert match, response.content
    error: dict[str, object] = json.loads(match.group(1))
    assert set(error) == {"error", "error_description"}
    return error


def me(client: httpx.Client, access_token: str, **extra: str) -> httpx.Response:
    return client.get("/oauth2.0/me", params={"access_token": access_token, **extra})


def call(client: httpx.Client, path: str, access_token: str, openid: str, app: App = APP,
         method: str = "GET", **extra: str) -> dict[str, object]:
    parameters = {"access_token": access_token, "oauth_consumer_key": app.app_id,
                  "openid": openid, **extra}
    response = send(client, method, path, parameters)
    assert response.headers["Content-Type"] == CONTENT_TYPE
    assert response.content.startswith(b"{"), response.content  # never JSONP
    answer: dict[str, object] = response.json()
    return answer


# --- the whole flow ----------------------------------------------------------------------


def test_the_whole_flow_from_authorize_to_get_user_info(
        client: httpx.Client, flow: LoginFlow) -> None:
    authorized = authorize(client, scope="get_user_info,get_vip_info", display="mobile")
    assert authorized.headers["Content-Type"] == CONTENT_TYPE
    back = redirected(authorized)
    assert back["state"] == "csrf-1"
    assert HEX32.fullmatch(back["code"])

    exchanged = exchange(client, back["code"])
    assert exchanged.headers["Content-Type"] == CONTENT_TYPE
    tokens = form(exchanged)
    assert flow.scopes(tokens["access_token"]) == {"get_user_info", "get_vip_info"}

    openid = flow.openid(APP.app_id)
    assert HEX32.fullmatch(openid)
    assert me(client, tokens["access_token"]).content == (
        b'callback( {"client_id":"101364207","openid":"' + openid.encode() + b'"} );\n')

    info = call(client, USER_INFO, tokens["access_token"], openid)
    assert info["ret"] == 0 and info["nickname"] == flow.default_user.nickname
    assert info["figureurl"] == f"http://qzapp.qlogo.cn/qzapp/{APP.app_id}/{openid}/30"


def test_get_user_info_answers_every_field_with_strings_for_flags(
        client: httpx.Client, flow: LoginFlow) -> None:
    tokens = log_in(client)
    info = call(client, USER_INFO, tokens["access_token"], flow.openid(APP.app_id))
    assert list(info) == [
        "ret", "msg", "is_lost", "nickname", "gender", "gender_type", "province", "city", "year",
        "constellation", "figureurl", "figureurl_1", "figureurl_2", "figureurl_qq_1",
        "figureurl_qq_2", "figureurl_qq", "figureurl_type", "is_yellow_vip", "vip", "level",
        "is_yellow_year_vip"]
    assert (info["gender"], info["gender_type"], info["is_lost"]) == ("男", 2, 0)
    for flag in ("is_yellow_vip", "vip", "level", "is_yellow_year_vip", "year"):
        assert isinstance(info[flag], str)


def test_a_yellow_vip_user_gets_a_level(client: httpx.Client, flow: LoginFlow) -> None:
    user = flow.add_user(User(nickname="小红", gender="女", yellow_vip_level=7,
                              yellow_year_vip=True))
    flow.sign_in(user)
    tokens = log_in(client)
    openid = flow.openid(APP.app_id, user)
    info = call(client, USER_INFO, tokens["access_token"], openid)
    assert (info["nickname"], info["gender"]) == ("小红", "女")
    assert (info["is_yellow_vip"], info["yellow_vip_level"], info["level"],
            info["is_yellow_year_vip"]) == ("1", "7", "7", "1")


def test_get_simple_userinfo_answers_the_mobile_subset(
        client: httpx.Client, flow: LoginFlow) -> None:
    yellow = flow.add_user(User(yellow_vip_level=3))
    flow.sign_in(yellow)
    tokens = log_in(client, scope="get_simple_userinfo")
    info = call(client, "/user/get_simple_userinfo", tokens["access_token"],
                flow.openid(APP.app_id, yellow))
    assert list(info) == [
        "ret", "msg", "nickname", "gender", "figureurl", "figureurl_1",
        "figureurl_2", "figureurl_qq_1", "figureurl_qq_2", "is_yellow_vip", "vip",
        "yellow_vip_level", "level", "is_yellow_year_vip"]
    assert call(client, USER_INFO, tokens["access_token"],
                flow.openid(APP.app_id, yellow))["ret"] == 100030


def test_post_form_bodies_work_like_queries(client: httpx.Client, flow: LoginFlow) -> None:
    code = redirected(authorize(client, method="POST"))["code"]
    tokens = form(exchange(client, code, method="POST"))
    response = client.post("/oauth2.0/me", data={"access_token": tokens["access_token"]})
    assert flow.openid(APP.app_id).encode() in response.content
    info = call(client, USER_INFO, tokens["access_token"], flow.openid(APP.app_id),
                method="POST")
    assert info["ret"] == 0


# --- authorize ---------------------------------------------------------------------------


def test_the_redirect_keeps_the_callbacks_query_and_encodes_the_state(
        client: httpx.Client) -> None:
    state = "a b&c=d/é"
    response = authorize(client, redirect_uri=callback(APP) + "?next=%2Fhome", state=state)
    location = urlsplit(response.headers["Location"])
    assert location.path == "/qq/callback"
    assert location.query.startswith("next=%2Fhome&code=")
    assert parse_qs(location.query)["state"] == [state]


@pytest.mark.parametrize(("overrides", "code"), [
    ({"response_type": "token"}, 100000),
    ({"client_id": ""}, 100001),
    ({"client_id": "999"}, 100008),
    ({"redirect_uri": ""}, 100010),
    ({"redirect_uri": "https://app.example.com.evil.com/qq"}, 100010),
    ({"redirect_uri": "https://other.example.com/qq/callback"}, 100010),
    ({"state": ""}, 110505),
], ids=["response_type", "no-client_id", "unknown-app", "no-redirect", "lookalike-domain",
        "other-domain", "no-state"])
def test_authorize_refuses_without_redirecting(
        client: httpx.Client, overrides: dict[str, str], code: int) -> None:
    response = send(client, "GET", "/oauth2.0/authorize", {**authorization(), **overrides})
    assert "Location" not in response.headers
    assert oauth_error(response)["error"] == code


def test_a_missing_client_id_is_described_with_the_trailing_space(client: httpx.Client) -> None:
    assert authorize(client, client_id="").content == (
        b'callback( {"error":100001,"error_description":"param client_id is wrong or lost "} );\n')


def test_the_default_scope_is_get_user_info(client: httpx.Client, flow: LoginFlow) -> None:
    assert flow.scopes(log_in(client)["access_token"]) == {"get_user_info"}


# --- code -> token -----------------------------------------------------------------------


def test_token_answers_json_with_expires_in_as_a_string(
        client: httpx.Client, flow: LoginFlow) -> None:
    response = exchange(client, code_for(client), fmt="json", need_openid="1")
    answer = response.json()
    assert list(answer) == ["access_token", "expires_in", "refresh_token", "openid"]
    assert answer["expires_in"] == "7776000"
    assert answer["openid"] == flow.openid(APP.app_id)


def test_need_openid_appends_the_openid_to_the_form(client: httpx.Client, flow: LoginFlow) -> None:
    response = exchange(client, code_for(client), need_openid="1")
    assert form(response)["openid"] == flow.openid(APP.app_id)
    assert response.text.endswith(f"&openid={flow.openid(APP.app_id)}")


def test_expires_in_is_configurable() -> None:
    with FakeGraph(flow=LoginFlow(APP, expires_in=5_184_000)) as other, \
            httpx.Client(base_url=other.url) as client:
        answer = exchange(client, code_for(client)).text
    assert "&expires_in=5184000&" in answer


def test_a_code_is_single_use(client: httpx.Client) -> None:
    code = code_for(client)
    form(exchange(client, code))
    assert exchange(client, code).content == (
        b'callback( {"error":100020,"error_description":"code is reused error"} );\n')


def test_a_code_expires_after_ten_minutes(client: httpx.Client, flow: LoginFlow) -> None:
    almost, late = code_for(client), code_for(client)
    flow.advance(CODE_LIFETIME - 1)
    form(exchange(client, almost))
    flow.advance(1)
    assert exchange(client, late).content == (
        b'callback( {"error":100019,"error_description":"code to access token error"} );\n')


def test_errors_are_plain_json_with_fmt_json(client: httpx.Client) -> None:
    response = exchange(client, "0" * 32, fmt="json")
    assert response.content == b'{"error":100019,"error_description":"code to access token error"}'


def test_a_redirect_uri_mismatch_is_refused_without_spending_the_code(
        client: httpx.Client) -> None:
    code = code_for(client)
    assert oauth_error(exchange(client, code, redirect_uri=callback(APP) + "/other"))[
        "error"] == 100010
    form(exchange(client, code))


@pytest.mark.parametrize(("overrides", "code"), [
    ({"grant_type": ""}, 100004),
    ({"grant_type": "password"}, 100004),
    ({"client_id": ""}, 100001),
    ({"client_id": "999"}, 100008),
    ({"client_secret": ""}, 100002),
    ({"client_secret": "wrong"}, 100009),
    ({"code": ""}, 100005),
    ({"code": "0" * 32}, 100019),
], ids=["no-grant_type", "bad-grant_type", "no-client_id", "unknown-app", "no-secret",
        "wrong-secret", "no-code", "unknown-code"])
def test_token_refusals(client: httpx.Client, overrides: dict[str, str], code: int) -> None:
    parameters = {**code_exchange(code_for(client)), **overrides}
    assert oauth_error(send(client, "GET", "/oauth2.0/token", parameters))["error"] == code


def test_a_code_is_only_good_for_the_app_it_was_issued_to(client: httpx.Client) -> None:
    code = code_for(client, UNION_APP)
    assert oauth_error(exchange(client, code, redirect_uri=callback(UNION_APP)))[
        "error"] == 100019


def test_only_one_of_many_concurrent_exchanges_of_a_code_succeeds(
        client: httpx.Client) -> None:
    code = code_for(client)
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: exchange(client, code).content, range(8)))
    assert sum(answer.startswith(b"access_token=") for answer in answers) == 1
    assert sum(b'"error":100020' in answer for answer in answers) == 7


# --- refresh -----------------------------------------------------------------------------


def test_a_refresh_token_is_single_use_and_replaced(client: httpx.Client, flow: LoginFlow) -> None:
    first = log_in(client)
    second = form(refresh(client, first["refresh_token"]))
    assert second["access_token"] != first["access_token"]
    assert second["refresh_token"] != first["refresh_token"]
    assert oauth_error(refresh(client, first["refresh_token"])) == {
        "error": 100042, "error_description": "refresh token is illegal"}
    assert flow.openid(APP.app_id).encode() in me(client, second["access_token"]).content
    assert refresh(client, second["refresh_token"], fmt="json").json()["expires_in"] == "7776000"


def test_a_refresh_chain_expires(client: httpx.Client, flow: LoginFlow) -> None:
    tokens = log_in(client)
    flow.advance(REFRESH_CHAIN_LIFETIME)
    assert oauth_error(refresh(client, tokens["refresh_token"]))["error"] == 100037


@pytest.mark.parametrize(("refresh_token", "app", "code"), [
    ("", APP, 100006), ("0" * 32, APP, 100042), (None, UNION_APP, 100041)],
    ids=["missing", "unknown", "other-app"])
def test_refresh_refusals(client: httpx.Client, refresh_token: str | None, app: App,
                          code: int) -> None:
    issued = log_in(client)["refresh_token"]
    response = refresh(client, issued if refresh_token is None else refresh_token, app)
    assert oauth_error(response)["error"] == code


# --- /oauth2.0/me ------------------------------------------------------------------------


def test_me_answers_json_with_fmt_json(client: httpx.Client, flow: LoginFlow) -> None:
    response = me(client, log_in(client)["access_token"], fmt="json")
    assert response.json() == {"client_id": APP.app_id, "openid": flow.openid(APP.app_id)}


def test_unionid_is_per_user_across_apps_and_openid_per_app(
        client: httpx.Client, flow: LoginFlow) -> None:
    unionid = me(client, log_in(client, UNION_APP)["access_token"], unionid="1", fmt="json")
    assert unionid.json()["unionid"] == flow.unionid()
    assert re.fullmatch(r"UID_[0-9A-F]{32}", flow.unionid())
    assert flow.openid(APP.app_id) != flow.openid(UNION_APP.app_id)
    other = flow.add_user()
    assert flow.unionid(other) != flow.unionid()
    assert flow.openid(APP.app_id, other) != flow.openid(APP.app_id)


def test_unionid_without_the_grant_is_100048(client: httpx.Client) -> None:
    response = me(client, log_in(client)["access_token"], unionid="1")
    assert response.content == (
        b'callback( {"error":100048,"error_description":"companyid not set"} );\n')


@pytest.mark.parametrize(("access_token", "code"), [("", 100007), ("0" * 32, 100013)],
                         ids=["missing", "unknown"])
def test_me_refuses_bad_tokens(client: httpx.Client, access_token: str, code: int) -> None:
    assert oauth_error(me(client, access_token))["error"] == code


def test_an_access_token_expires(client: httpx.Client, flow: LoginFlow) -> None:
    tokens = log_in(client)
    openid = flow.openid(APP.app_id)
    flow.advance(flow.expires_in)
    assert oauth_error(me(client, tokens["access_token"]))["error"] == 100014
    assert call(client, USER_INFO, tokens["access_token"], openid) == {
        "ret": 100014, "msg": "access token is expired"}


# --- OpenAPI calls -----------------------------------------------------------------------


def test_oauth_consumer_key_sent_twice_is_a_codec_error(
        client: httpx.Client, flow: LoginFlow) -> None:
    tokens = log_in(client)
    response = client.get(USER_INFO, params=[
        ("access_token", tokens["access_token"]), ("oauth_consumer_key", APP.app_id),
        ("oauth_consumer_key", APP.app_id), ("openid", flow.openid(APP.app_id))])
    assert response.content == (
        b'{"ret":1,"msg":"service codec Unmarshal: 1 error(s) decoding: '
        b'oauth_consumer_key expected type uint64, got unconvertible type []string"}')


def test_call_refusals_answer_ret_and_msg(client: httpx.Client, flow: LoginFlow) -> None:
    token = log_in(client)["access_token"]
    openid = flow.openid(APP.app_id)
    assert call(client, USER_INFO, "", openid)["ret"] == 100007
    assert call(client, USER_INFO, "0" * 32, openid) == {
        "ret": 100013, "msg": "access token is illegal"}
    assert call(client, USER_INFO, token, flow.openid(UNION_APP.app_id))["ret"] == 100058
    assert call(client, USER_INFO, token, openid, UNION_APP)["ret"] == 100016
    assert call(client, USER_INFO, token, openid, oauth_consumer_key="")["ret"] == 110404


def test_a_call_outside_the_granted_scope_is_100030(client: httpx.Client, flow: LoginFlow) -> None:
    token = log_in(client, scope="get_vip_info")["access_token"]
    assert call(client, USER_INFO, token, flow.openid(APP.app_id)) == {
        "ret": 100030, "msg": "this api without user authorization"}


def test_an_unapproved_app_gets_placeholder_data(client: httpx.Client, flow: LoginFlow) -> None:
    token = log_in(client, DRAFT_APP)["access_token"]
    info = call(client, USER_INFO, token, flow.openid(DRAFT_APP.app_id), DRAFT_APP)
    assert (info["ret"], info["nickname"]) == (0, PLACEHOLDER_NICKNAME)
    assert f"/{PLACEHOLDER_APP_ID}/" in str(info["figureurl"])
    assert flow.openid(DRAFT_APP.app_id) not in json.dumps(info)


def test_vip_endpoints_answer_examples_once_the_call_checks_out(
        client: httpx.Client, graph: FakeGraph, flow: LoginFlow) -> None:
    token = log_in(client, scope="get_user_info,get_vip_info")["access_token"]
    parameters = {"access_token": token, "oauth_consumer_key": APP.app_id,
                  "openid": flow.openid(APP.app_id)}
    for format in ("json", "xml"):
        answer = client.get("/user/get_vip_info", params={**parameters, "format": format})
        assert answer.content == graph.examples["/user/get_vip_info"][format]
    refused = client.get("/user/get_vip_rich_info", params={**parameters, "format": "xml"})
    assert b"<ret>100030</ret>" in refused.content
    assert call(client, "/user/get_vip_rich_info", "", parameters["openid"])["ret"] == 100007


# --- FakeGraph around the flow -----------------------------------------------------------


def test_scripted_faults_win_over_the_flow(client: httpx.Client, graph: FakeGraph) -> None:
    code = code_for(client)
    # A delay with no answer of its own delays the flow's answer.
    graph.script("/oauth2.0/token", Answer(b"busy", 503), Delay(0.01))
    busy = exchange(client, code)
    assert (busy.status_code, busy.content) == (503, b"busy")
    form(exchange(client, code))  # the scripted answer did not spend the code
    assert oauth_error(exchange(client, code))["error"] == 100020
    assert graph.unconsumed() == []


def test_without_a_flow_the_fake_answers_from_examples_as_before() -> None:
    """Each endpoint's success example, in the format asked for its own way; a path the
    spec does not list is an unknown API."""
    with FakeGraph() as graph, httpx.Client(base_url=graph.url) as client:
        assert graph.flow is None
        me_examples = graph.examples["/oauth2.0/me"]
        assert client.get("/oauth2.0/me").content == me_examples["jsonp"]
        assert client.get("/oauth2.0/me", params={"fmt": "json"}).content == me_examples["json"]
        # Two endpoints share the token path; grant_type tells them apart.
        endpoints = {endpoint.name: endpoint for endpoint in load_endpoints()}
        for grant_type, name in (("authorization_code", "exchange_code"),
                                 ("refresh_token", "refresh_access_token")):
            for format, fmt in (("form", {}), ("json", {"fmt": "json"})):
                answer = client.post("/oauth2.0/token", data={"grant_type": grant_type, **fmt})
                assert answer.content == endpoints[name].example("success", format)
        assert client.get(USER_INFO).content == graph.examples[USER_INFO]["json"]
        vip = client.get("/user/get_vip_info")
        assert vip.content == graph.examples["/user/get_vip_info"]["json"]
        vip = client.post("/user/get_vip_info", data={"format": "xml"})
        assert vip.content == graph.examples["/user/get_vip_info"]["xml"]
        unknown = client.get("/user/no_such_api")
        assert unknown.content == b'{"ret":-9,"msg":"api not exist"}'


def test_the_flow_served_by_hand() -> None:
    command = [sys.executable, "-m", "tests.fakes.graph", "--port", "0", "--flow"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        try:
            url = process.stdout.readline().split()[3]
            demo = re.search(r"client_id (\S+), client_secret (\S+), redirect_uri under (\S+)",
                             process.stdout.readline())
            assert demo, "the second line names the demo app"
            app = App(demo[1], demo[2], demo[3])
            with httpx.Client(base_url=url, timeout=10.0) as client:
                tokens = log_in(client, app)
                assert b'"unionid":"UID_' in me(client, tokens["access_token"],
                                                 unionid="1").content
        finally:
            process.terminate()

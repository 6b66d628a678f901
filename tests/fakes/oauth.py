"""A stateful fake of QQ Connect's "log in with QQ" flow (OAuth 2.0, authorization code).

``FakeGraph(flow=LoginFlow(App(...)))`` serves it. The fake plays the signed-in user, who
consents at once: ``/oauth2.0/authorize`` redirects straight back with a code. The flow keeps
apps, users, codes and tokens, so tests can exercise single use and expiry; time passes only
through ``advance``, so nothing expires on its own and no test has to sleep.

Wire shapes follow the reference notes: OAuth errors ``{"error":N,"error_description":"…"}``
wrapped as ``callback( … );\\n`` unless ``fmt=json``; OpenAPI calls answer ``{"ret":N,"msg":"…"}``.
Where no source names the code for a case, the choice is marked in ``DESCRIPTIONS``.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit
from xml.sax.saxutils import escape

CODE_LIFETIME = 600  # "the code lives about 10 minutes"
ACCESS_TOKEN_LIFETIME = 7_776_000  # expires_in=7776000: 90 days
# How long a refresh chain lasts, counted from the login: copies say 3 or 6 months; the
# shorter one, so that clients meet the worse case.
REFRESH_CHAIN_LIFETIME = 7_776_000
DEFAULT_SCOPE = "get_user_info"  # what the authorize page grants when scope is omitted

# Apps not yet approved see the wiki's example identity instead of the user's.
PLACEHOLDER_APP_ID = "111111"
PLACEHOLDER_OPENID = "942FEA70050EEAFBD4DCE2C1FC775E56"
PLACEHOLDER_NICKNAME = "qzuser"

OAUTH_PATHS = ("/oauth2.0/authorize", "/oauth2.0/token", "/oauth2.0/me")
PROFILE_PATHS = ("/user/get_user_info", "/user/get_simple_userinfo")
# Answered from the spec's examples once the token, openid and scope check out.
GUARDED_SCOPES = {"/user/get_vip_info": "get_vip_info",
                  "/user/get_vip_rich_info": "get_vip_rich_info"}

# error_description / msg per code. "seen" marks text captured from the real service; the
# rest is this fake's wording. (chosen) marks a code no source assigns to that case.
DESCRIPTIONS: dict[int, str] = {
    # Captures elide the middle ("service codec Unmarshal: … oauth_consumer_key …"); the
    # filler here is the wording of the decoder the message comes from (mapstructure).
    1: "service codec Unmarshal: 1 error(s) decoding: "
       "oauth_consumer_key expected type uint64, got unconvertible type []string",
    100000: "param response_type is wrong or lost",
    100001: "param client_id is wrong or lost ",  # seen, trailing space included
    100002: "param client_secret is wrong or lost",
    100004: "param grant_type is wrong or lost",
    100005: "param code is wrong or lost",
    100006: "param refresh_token is wrong or lost",
    100007: "param access_token is wrong or lost",
    100008: "client_id is not exist",
    100009: "client_secret is wrong",
    100010: "redirect uri is illegal",
    100013: "access token is illegal",  # seen
    100014: "access token is expired",
    100016: "access token check failed",  # seen; (chosen) for a key not the token's app
    100019: "code to access token error",  # seen; also for an expired code (not 100067)
    100020: "code is reused error",
    100030: "this api without user authorization",  # seen
    100037: "refresh token is expired",
    100041: "refresh token does not belong to the app",
    100042: "refresh token is illegal",  # unknown, or already used
    100048: "companyid not set",  # seen
    100058: "openid is illegal",  # (chosen) openid missing or not the token's user
    110404: "param oauth_consumer_key is lost",  # (chosen) 请求参数缺少appid
    110505: "param state is lost",  # (chosen) 参数错误: no code names a missing state
}


@dataclass(frozen=True)
class App:
    """A registered app. ``redirect_prefix`` is where its callbacks may live."""

    app_id: str
    app_key: str
    redirect_prefix: str
    unionid: bool = False  # granted UnionID (/oauth2.0/me?unionid=1)
    approved: bool = True  # unapproved apps get placeholder user data


@dataclass(frozen=True, eq=False)  # one user per object, even with equal attributes
class User:
    """A QQ user as the profile endpoints describe them."""

    nickname: str = "小明 Peter"
    gender: str = "男"
    province: str = "广东"
    city: str = "深圳"
    year: str = "1990"
    constellation: str = ""
    yellow_vip_level: int | None = None  # None: not a yellow-diamond (黄钻) member
    yellow_year_vip: bool = False


@dataclass(frozen=True)
class Reply:
    """What the flow answers; FakeGraph sends it as text/html like every answer."""

    body: bytes
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Grant:
    """One consent: this user let this app call these APIs."""

    app: App
    user: User
    scopes: frozenset[str]
    chain_expires_at: float  # when refreshing stops working


@dataclass
class _Code:
    grant: _Grant
    redirect_uri: str
    expires_at: float
    used: bool = False


@dataclass
class _RefreshToken:
    grant: _Grant
    used: bool = False


@dataclass(frozen=True)
class _AccessToken:
    grant: _Grant
    expires_at: float


class _Refused(Exception):
    """A check failed; each endpoint renders it in its own error shape."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code
        self.description = DESCRIPTIONS[code]


@dataclass(frozen=True)
class _Parameters:
    """A request's parameters, query and form body together, repeats kept."""

    pairs: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str:
        """The first value of ``name``; "" when absent, as an empty value counts as absent."""
        return next((value for key, value in self.pairs if key == name), "")

    def count(self, name: str) -> int:
        return sum(1 for key, _ in self.pairs if key == name)


def _json(document: Mapping[str, object]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def _new_secret() -> str:
    return secrets.token_hex(16).upper()  # 32 upper-case hex characters, like the real ones


def _oauth_body(document: Mapping[str, object], parameters: _Parameters) -> bytes:
    """OAuth answers are JSONP unless ``fmt=json``: ``callback( {...} );`` and a newline."""
    if parameters.get("fmt") == "json":
        return _json(document)
    return b"callback( " + _json(document) + b" );\n"


def _ret_msg(code: int, description: str, parameters: _Parameters, xml_allowed: bool) -> bytes:
    if xml_allowed and parameters.get("format") == "xml":
        return (f'<?xml version="1.0" encoding="utf-8"?>\n'
                f"<data><ret>{code}</ret><msg>{escape(description)}</msg></data>").encode()
    return _json({"ret": code, "msg": description})


def _granted_scopes(scope: str) -> frozenset[str]:
    """The APIs a comma-separated ``scope`` names; get_user_info when it names none."""
    return frozenset(filter(None, scope.split(","))) or frozenset({DEFAULT_SCOPE})


def _is_under(uri: str, prefix: str) -> bool:
    """Whether ``uri`` is ``prefix`` or continues it at a boundary (so ``a.com.evil`` is not
    under ``a.com``; a port is, since QQ registers domains, not ports)."""
    if not prefix or not uri.startswith(prefix):
        return False
    rest = uri[len(prefix):]
    return not rest or prefix.endswith("/") or rest[0] in "/?#:"


def _with_query(uri: str, **parameters: str) -> str:
    """``uri`` with ``parameters`` added to its query (after ``&`` if it has one)."""
    parts = urlsplit(uri)
    added = urlencode(parameters)
    query = f"{parts.query}&{added}" if parts.query else added
    return urlunsplit(parts._replace(query=query))


class LoginFlow:
    """Apps, users, codes and tokens of a fake QQ login; safe to share between threads."""

    def __init__(self, *apps: App, expires_in: int = ACCESS_TOKEN_LIFETIME,
                 refresh_chain_lifetime: int = REFRESH_CHAIN_LIFETIME) -> None:
        self.expires_in = expires_in
        self.refresh_chain_lifetime = refresh_chain_lifetime
        self.default_user = User()
        self._lock = threading.Lock()
        self._now = 0.0
        self._apps: dict[str, App] = {}
        self._signed_in = self.default_user
        self._users: list[User] = [self.default_user]
        self._openids: dict[tuple[str, User], str] = {}
        self._unionids: dict[User, str] = {}
        self._codes: dict[str, _Code] = {}
        self._access_tokens: dict[str, _AccessToken] = {}
        self._refresh_tokens: dict[str, _RefreshToken] = {}
        for app in apps:
            self.add_app(app)

    # --- what tests call ---------------------------------------------------------------

    def add_app(self, app: App) -> App:
        with self._lock:
            if app.app_id in self._apps:
                raise ValueError(f"app {app.app_id} is already registered")
            self._apps[app.app_id] = app
            return app

    def add_user(self, user: User | None = None) -> User:
        """Register ``user`` (a fresh default one if None); ``sign_in`` makes it consent."""
        user = user or User()
        with self._lock:
            self._users.append(user)
            return user

    def sign_in(self, user: User) -> None:
        """Make ``user`` the one who consents on the next authorize requests."""
        with self._lock:
            if user not in self._users:
                raise ValueError("add_user first")
            self._signed_in = user

    def advance(self, seconds: float) -> None:
        """Move the flow's clock forward; codes and tokens expire by it alone."""
        with self._lock:
            self._now += seconds

    def openid(self, app_id: str, user: User | None = None) -> str:
        """The openid ``user`` (default: the default user) has for ``app_id``."""
        with self._lock:
            return self._openid_of(self._apps[app_id], user or self.default_user)

    def unionid(self, user: User | None = None) -> str:
        """The unionid of ``user``: one per user, as every app here has one developer."""
        with self._lock:
            return self._unionid_of(user or self.default_user)

    def scopes(self, access_token: str) -> frozenset[str]:
        """The APIs the user granted to the app that holds ``access_token``."""
        with self._lock:
            return self._access_tokens[access_token].grant.scopes

    # --- what FakeGraph calls ------------------------------------------------------------

    def serves(self, path: str) -> bool:
        """Whether the flow answers ``path`` itself (not from the spec's examples)."""
        return path in OAUTH_PATHS or path in PROFILE_PATHS

    def answer(self, path: str, pairs: Iterable[tuple[str, str]]) -> Reply | None:
        """The reply to a request, or None to let the spec's example answer."""
        parameters = _Parameters(tuple(pairs))
        with self._lock:
            if path in OAUTH_PATHS:
                return self._answer_oauth(path, parameters)
            if path in PROFILE_PATHS:
                return self._answer_profile(path, parameters)
            if path in GUARDED_SCOPES:
                return self._guard(path, parameters)
            return None

    def _answer_oauth(self, path: str, parameters: _Parameters) -> Reply:
        handlers: dict[str, Callable[[_Parameters], Reply]] = {
            "/oauth2.0/authorize": self._authorize, "/oauth2.0/token": self._token,
            "/oauth2.0/me": self._me}
        try:
            return handlers[path](parameters)
        except _Refused as refused:
            error = {"error": refused.code, "error_description": refused.description}
            return Reply(_oauth_body(error, parameters))

    def _answer_profile(self, path: str, parameters: _Parameters) -> Reply:
        simple = path == "/user/get_simple_userinfo"
        # get_user_info's grant covers the simple profile too: it is a subset.
        scopes = frozenset({"get_simple_userinfo", "get_user_info"} if simple
                           else {"get_user_info"})
        try:
            grant = self._check_call(parameters, scopes)
        except _Refused as refused:
            return Reply(_ret_msg(refused.code, refused.description, parameters, False))
        profile = self._profile(grant)
        return Reply(_json(_simple_profile(profile) if simple else profile))

    def _guard(self, path: str, parameters: _Parameters) -> Reply | None:
        try:
            self._check_call(parameters, frozenset({GUARDED_SCOPES[path]}))
        except _Refused as refused:
            return Reply(_ret_msg(refused.code, refused.description, parameters, True))
        return None

    # --- /oauth2.0/authorize -------------------------------------------------------------

    def _authorize(self, parameters: _Parameters) -> Reply:
        if parameters.get("response_type") != "code":
            raise _Refused(100000)
        app = self._app(parameters.get("client_id"))
        redirect_uri = parameters.get("redirect_uri")
        if not _is_under(redirect_uri, app.redirect_prefix):
            raise _Refused(100010)
        state = parameters.get("state")
        if not state:
            raise _Refused(110505)
        grant = _Grant(app, self._signed_in, _granted_scopes(parameters.get("scope")),
                       self._now + self.refresh_chain_lifetime)
        code = _new_secret()
        self._codes[code] = _Code(grant, redirect_uri, self._now + CODE_LIFETIME)
        location = _with_query(redirect_uri, code=code, state=state)
        return Reply(b"", 302, (("Location", location),))

    def _app(self, client_id: str) -> App:
        if not client_id:
            raise _Refused(100001)
        app = self._apps.get(client_id)
        if app is None:
            raise _Refused(100008)
        return app

    # --- /oauth2.0/token -----------------------------------------------------------------

    def _token(self, parameters: _Parameters) -> Reply:
        grant_type = parameters.get("grant_type")
        if grant_type not in ("authorization_code", "refresh_token"):
            raise _Refused(100004)
        app = self._app(parameters.get("client_id"))
        secret = parameters.get("client_secret")
        if not secret:
            raise _Refused(100002)
        if secret != app.app_key:
            raise _Refused(100009)
        if grant_type == "authorization_code":
            grant = self._redeem_code(app, parameters)
        else:
            grant = self._redeem_refresh_token(app, parameters)
        return Reply(self._token_body(grant, parameters))

    def _redeem_code(self, app: App, parameters: _Parameters) -> _Grant:
        value = parameters.get("code")
        if not value:
            raise _Refused(100005)
        code = self._codes.get(value)
        if code is None or code.grant.app != app:
            raise _Refused(100019)
        if code.used:
            raise _Refused(100020)
        if self._now >= code.expires_at:
            raise _Refused(100019)
        # Checked before the code is spent, so a mistyped redirect_uri does not cost it.
        if parameters.get("redirect_uri") != code.redirect_uri:
            raise _Refused(100010)
        code.used = True
        return code.grant

    def _redeem_refresh_token(self, app: App, parameters: _Parameters) -> _Grant:
        value = parameters.get("refresh_token")
        if not value:
            raise _Refused(100006)
        token = self._refresh_tokens.get(value)
        if token is None or token.used:
            raise _Refused(100042)
        if token.grant.app != app:
            raise _Refused(100041)
        if self._now >= token.grant.chain_expires_at:
            raise _Refused(100037)
        token.used = True
        return token.grant

    def _token_body(self, grant: _Grant, parameters: _Parameters) -> bytes:
        access_token, refresh_token = _new_secret(), _new_secret()
        self._access_tokens[access_token] = _AccessToken(grant, self._now + self.expires_in)
        self._refresh_tokens[refresh_token] = _RefreshToken(grant)
        answer = {"access_token": access_token, "expires_in": str(self.expires_in),
                  "refresh_token": refresh_token}
        if parameters.get("need_openid") == "1":
            answer["openid"] = self._openid_of(grant.app, grant.user)
        if parameters.get("fmt") == "json":
            return _json(answer)
        return urlencode(answer).encode()

    # --- /oauth2.0/me --------------------------------------------------------------------

    def _me(self, parameters: _Parameters) -> Reply:
        grant = self._holder(parameters.get("access_token"))
        answer = {"client_id": grant.app.app_id, "openid": self._openid_of(grant.app, grant.user)}
        if parameters.get("unionid") == "1":
            if not grant.app.unionid:
                raise _Refused(100048)
            answer["unionid"] = self._unionid_of(grant.user)
        return Reply(_oauth_body(answer, parameters))

    def _holder(self, access_token: str) -> _Grant:
        """The grant behind a live ``access_token``."""
        if not access_token:
            raise _Refused(100007)
        token = self._access_tokens.get(access_token)
        if token is None:
            raise _Refused(100013)
        if self._now >= token.expires_at:
            raise _Refused(100014)
        return token.grant

    # --- OpenAPI calls -------------------------------------------------------------------

    def _check_call(self, parameters: _Parameters, scopes: frozenset[str]) -> _Grant:
        """The common checks of an OpenAPI call; the grant behind it when they pass.
        Any one of ``scopes`` granted will do."""
        # The backend decodes parameters before it looks at any of them.
        if parameters.count("oauth_consumer_key") > 1:
            raise _Refused(1)
        grant = self._holder(parameters.get("access_token"))
        consumer_key = parameters.get("oauth_consumer_key")
        if not consumer_key:
            raise _Refused(110404)
        if consumer_key != grant.app.app_id:
            raise _Refused(100016)
        if parameters.get("openid") != self._openid_of(grant.app, grant.user):
            raise _Refused(100058)
        if not scopes & grant.scopes:
            raise _Refused(100030)
        return grant

    def _profile(self, grant: _Grant) -> dict[str, object]:
        """get_user_info's answer; placeholder data for an app not yet approved."""
        if not grant.app.approved:
            return _user_info(User(nickname=PLACEHOLDER_NICKNAME, province="", city="",
                                   year="0"), PLACEHOLDER_APP_ID, PLACEHOLDER_OPENID)
        return _user_info(grant.user, grant.app.app_id, self._openid_of(grant.app, grant.user))

    def _openid_of(self, app: App, user: User) -> str:
        return self._openids.setdefault((app.app_id, user), _new_secret())

    def _unionid_of(self, user: User) -> str:
        return self._unionids.setdefault(user, "UID_" + _new_secret())


def _user_info(user: User, app_id: str, openid: str) -> dict[str, object]:
    qzone = f"http://qzapp.qlogo.cn/qzapp/{app_id}/{openid}"
    qq = f"http://thirdqq.qlogo.cn/qqapp/{app_id}/{openid}"
    yellow = user.yellow_vip_level is not None
    info: dict[str, object] = {
        "ret": 0, "msg": "", "is_lost": 0, "nickname": user.nickname, "gender": user.gender,
        "gender_type": 2, "province": user.province, "city": user.city, "year": user.year,
        "constellation": user.constellation, "figureurl": f"{qzone}/30",
        "figureurl_1": f"{qzone}/50", "figureurl_2": f"{qzone}/100",
        "figureurl_qq_1": f"{qq}/40", "figureurl_qq_2": f"{qq}/100",
        "figureurl_qq": f"{qq}/640", "figureurl_type": "1",
        # The flags and levels are numeric strings on the wire.
        "is_yellow_vip": str(int(yellow)), "vip": str(int(yellow))}
    if yellow:
        info["yellow_vip_level"] = str(user.yellow_vip_level)
    info["level"] = str(user.yellow_vip_level or 0)
    info["is_yellow_year_vip"] = str(int(user.yellow_year_vip))
    return info


SIMPLE_FIELDS = ("ret", "msg", "nickname", "gender", "figureurl", "figureurl_1",
                 "figureurl_2", "figureurl_qq_1", "figureurl_qq_2", "is_yellow_vip", "vip",
                 "yellow_vip_level", "level", "is_yellow_year_vip")


def _simple_profile(info: dict[str, object]) -> dict[str, object]:
    """get_simple_userinfo's answer: the mobile subset of get_user_info's."""
    return {name: info[name] for name in SIMPLE_FIELDS if name in info}


# What ``python -m tests.fakes.graph --flow`` serves: callbacks on 127.0.0.1, any port.
DEMO_APP = App("101000001", "0123456789abcdef0123456789abcdef", "http://127.0.0.1",
               unionid=True)


def demo_flow() -> LoginFlow:
    return LoginFlow(DEMO_APP)

# Generated from spec/api.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml, spec/endpoints/exchange_code.yaml, spec/endpoints/refresh_access_token.yaml, spec/endpoints/get_openid.yaml, spec/endpoints/get_user_info.yaml, spec/endpoints/get_simple_userinfo.yaml, spec/browser/authorize_url.yaml; do not edit, run `make generate`.
"""The clients: ``QQConnect`` (sync) and ``AsyncQQConnect`` (async), one method per endpoint.

Both run over httpx and share every decision (``_base_client``); only waiting and
I/O differ. Use them as context managers, or call ``close()`` / ``aclose()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Final, Literal

from ._base_client import (
    AsyncClient,
    Service,
    SyncClient,
    Timeout,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from ._request import checked, flag_value, join_list, reveal
from .endpoints import GET_VIP_RICH_INFO, GET_VIP_INFO, EXCHANGE_CODE, REFRESH_ACCESS_TOKEN, GET_OPENID, GET_USER_INFO, GET_SIMPLE_USERINFO

if TYPE_CHECKING:  # annotations only: the models load with each endpoint's first answer
    from pydantic import SecretStr
    from .models.get_vip_rich_info import VipRichInfo
    from .models.get_vip_info import VipInfo
    from .models.exchange_code import AccessToken
    from .models.refresh_access_token import RefreshedToken
    from .models.get_openid import OpenId
    from .models.get_user_info import UserInfo
    from .models.get_simple_userinfo import SimpleUserInfo

__all__ = [
    "BASE_URL",
    "SERVICE",
    "AsyncQQConnect",
    "AsyncQQConnectWithRawResponse",
    "QQConnect",
    "QQConnectWithRawResponse",
]

BASE_URL: Final = "https://graph.qq.com"
SERVICE: Final = Service(
    base_url=BASE_URL,
    secret_parameters=frozenset({"access_token", "client_id", "client_secret", "code", "oauth_consumer_key", "openid", "refresh_token"}),
)


class QQConnect(SyncClient):
    """Synchronous client of QQ Connect OpenAPI (QQ互联), configured with the app id and, for the calls that send it, the app key (``app_key``, kept as a SecretStr).

    Each method sends the request its endpoint takes, parses the answer by its
    body, retries transient failures (see ``RetryPolicy``; never a single-use
    input once it may have arrived) and raises a typed ``ApiError`` for every
    failure the answer reports (``ret`` != 0, or an OAuth ``error``). Pass
    ``http_client`` (or ``transport``) to use your own httpx setup; the client
    closes only what it made.
    """

    service = SERVICE

    @cached_property
    def with_raw_response(self) -> QQConnectWithRawResponse:
        """The same methods, returning ``RawResponse`` (status, headers, body, timing)."""
        return QQConnectWithRawResponse(self)

    def authorize_url(
        self,
        redirect_uri: str,
        *,
        state: str,
        scope: Sequence[str] | None = None,
        display: Literal["mobile"] | None = None,
    ) -> str:
        """The /oauth2.0/authorize URL for the user's browser (built here, never fetched).

        获取Authorization Code。引导用户到QQ登录授权页，用户授权后浏览器带着code和state回到回调地址。

        The QQ login and consent page. After the user agrees, the browser comes back to redirect_uri with code and state; the code lives about 10 minutes and is single use.

        The browser comes back to redirect_uri with: code, state.

        Args:
            redirect_uri: Where the browser returns; it must sit under the domain registered for the app (else 100010). 成功授权后的回调地址，必须是注册appid时填写的主域名下的地址。注意需要将url进行URLEncode。
            state: Your CSRF token for this login; it comes back unchanged. client端的状态值。用于第三方应用防止CSRF攻击，成功授权后回调时会原样带回。
            scope: API names the user is asked to grant (get_user_info when omitted); sent comma-separated. 请求用户授权时向用户显示的可进行授权的列表。可填写的值是API文档中列出的接口，如果要填写多个接口名称，请用逗号隔开。不传则默认请求对接口get_user_info进行授权。
            display: "mobile" selects the mobile page; the PC page when omitted. 仅PC网站接入时使用。用于展示的样式。不传则默认展示为PC下的样式。如果传入“mobile”，则展示为mobile端下的样式。

        Returns:
            str: The URL to send the browser to.

        Raises:
            ValueError: ``redirect_uri``, ``state`` or ``scope`` is invalid (the message says how); nothing is sent.
        """
        return self._browser_url("/oauth2.0/authorize", [
            ("response_type", "code"),
            ("client_id", self._app_id),
            ("redirect_uri", checked("absolute_url", "redirect_uri", redirect_uri)),
            ("state", checked("non_empty", "state", state)),
            ("scope", join_list("scope", scope)),
            ("display", display),
        ])

    def get_vip_rich_info(
        self,
        access_token: str | SecretStr,
        openid: str,
        *,
        method: Literal["GET", "POST"] = "GET",
        format: Literal["json", "xml"] = "json",
        timeout: Timeout | None = None,
    ) -> VipRichInfo:
        """/user/get_vip_rich_info: 获取已登录用户的关于QQ会员业务的详细资料。

        QQ membership details of the logged-in user: membership history, when each privilege ends, how it was last paid for.

        Args:
            access_token: The user's OAuth 2.0 access token from the login flow (valid 90 days). 可通过使用Authorization_Code获取Access_Token或来获取。access_token有3个月有效期。
            openid: The user's openid from /oauth2.0/me (32 upper-case hex characters in every known capture). 用户的ID，与QQ号码一一对应。可通过调用https://graph.qq.com/oauth2.0/me?access_token=YOUR_ACCESS_TOKEN 来获取。
            method: The HTTP method, "GET" or "POST"; the first is the default.
            format: The format to ask for, "json" or "xml"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            VipRichInfo: The answer (ret == 0), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (``ret`` != 0), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.

        Transient failures are retried first (``RetryPolicy``); what is raised is the last one.
        """
        return self._call(
            GET_VIP_RICH_INFO,
            [
                ("access_token", reveal(access_token)),
                ("oauth_consumer_key", self._app_id),
                ("openid", reveal(openid)),
            ],
            method,
            format,
            timeout,
        )

    def get_vip_info(
        self,
        access_token: str | SecretStr,
        openid: str,
        *,
        method: Literal["GET", "POST"] = "GET",
        format: Literal["json", "xml"] = "json",
        timeout: Timeout | None = None,
    ) -> VipInfo:
        """/user/get_vip_info: 获取已登录用户的QQ会员信息。

        Whether the logged-in user is a QQ member and a yearly QQ member.

        Args:
            access_token: The user's OAuth 2.0 access token from the login flow (valid 90 days). 可通过使用Authorization_Code获取Access_Token或来获取。access_token有3个月有效期。
            openid: The user's openid from /oauth2.0/me (32 upper-case hex characters in every known capture). 用户的ID，与QQ号码一一对应。可通过调用https://graph.qq.com/oauth2.0/me?access_token=YOUR_ACCESS_TOKEN 来获取。
            method: The HTTP method, "GET" or "POST"; the first is the default.
            format: The format to ask for, "json" or "xml"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            VipInfo: The answer (ret == 0), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (``ret`` != 0), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.

        Transient failures are retried first (``RetryPolicy``); what is raised is the last one.
        """
        return self._call(
            GET_VIP_INFO,
            [
                ("access_token", reveal(access_token)),
                ("oauth_consumer_key", self._app_id),
                ("openid", reveal(openid)),
            ],
            method,
            format,
            timeout,
        )

    def exchange_code(
        self,
        code: str | SecretStr,
        *,
        redirect_uri: str,
        need_openid: bool = False,
        method: Literal["POST", "GET"] = "POST",
        format: Literal["form", "json"] = "form",
        timeout: Timeout | None = None,
    ) -> AccessToken:
        """/oauth2.0/token: 通过Authorization Code获取Access Token。

        Exchange the code from the browser's return for an access token (and a refresh token). Success is form-encoded by default (JSON with fmt=json, expires_in then a string); failures come as JSONP whatever was asked.

        Args:
            code: The code the browser brought back; single use, expires in about 10 minutes. 上一步返回的authorization code。此code会在10分钟内过期。
            redirect_uri: Exactly the redirect_uri of the authorize URL (else 100010). 与上面一步中传入的redirect_uri保持一致。
            need_openid: Also return the openid with the token. 在获取access_token的同时，返回openid。
            method: The HTTP method, "POST" or "GET"; the first is the default.
            format: The format to ask for, "form" or "json"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            AccessToken: The answer (no error field), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (an ``error`` field), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.
            ValueError: the client was made without ``app_key``; nothing is sent.

        A single-use input: retried only when the request surely never left; do not retry it yourself.
        """
        return self._call(
            EXCHANGE_CODE,
            [
                ("grant_type", "authorization_code"),
                ("client_id", self._app_id),
                ("client_secret", self._require_app_key()),
                ("code", reveal(code)),
                ("redirect_uri", redirect_uri),
                ("need_openid", flag_value(need_openid)),
            ],
            method,
            format,
            timeout,
        )

    def refresh_access_token(
        self,
        refresh_token: str | SecretStr,
        *,
        method: Literal["POST", "GET"] = "POST",
        format: Literal["form", "json"] = "form",
        timeout: Timeout | None = None,
    ) -> RefreshedToken:
        """/oauth2.0/token: 权限自动续期，获取Access Token。

        A new access token, and a new refresh token, for a refresh token. The same answers as the code exchange.

        Args:
            refresh_token: The refresh token from the exchange or the last refresh; single use. 首次：使用Authorization_Code获取Access_Token时获得的refresh_token。续期：最近一次续期获得的refresh_token。
            method: The HTTP method, "POST" or "GET"; the first is the default.
            format: The format to ask for, "form" or "json"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            RefreshedToken: The answer (no error field), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (an ``error`` field), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.
            ValueError: the client was made without ``app_key``; nothing is sent.

        A single-use input: retried only when the request surely never left; do not retry it yourself.
        """
        return self._call(
            REFRESH_ACCESS_TOKEN,
            [
                ("grant_type", "refresh_token"),
                ("client_id", self._app_id),
                ("client_secret", self._require_app_key()),
                ("refresh_token", reveal(refresh_token)),
            ],
            method,
            format,
            timeout,
        )

    def get_openid(
        self,
        access_token: str | SecretStr,
        *,
        unionid: bool = False,
        method: Literal["GET"] = "GET",
        format: Literal["jsonp", "json"] = "jsonp",
        timeout: Timeout | None = None,
    ) -> OpenId:
        """/oauth2.0/me: 获取用户OpenID_OAuth2.0。

        The openid of the token's user for this app, and with unionid the user's unionid across the developer's apps. JSONP by default, as text/html.

        Args:
            access_token: The access token from exchange_code or refresh_access_token. 在Step2中获取到的access token。
            unionid: Also return the unionid (needs the app's UnionID grant). 传入unionid=1时，同时返回unionid。
            method: The HTTP method, "GET"; the first is the default.
            format: The format to ask for, "jsonp" or "json"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            OpenId: The answer (no error field), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (an ``error`` field), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.

        Transient failures are retried first (``RetryPolicy``); what is raised is the last one.
        """
        return self._call(
            GET_OPENID,
            [
                ("access_token", reveal(access_token)),
                ("unionid", flag_value(unionid)),
            ],
            method,
            format,
            timeout,
        )

    def get_user_info(
        self,
        access_token: str | SecretStr,
        openid: str,
        *,
        method: Literal["GET"] = "GET",
        format: Literal["json"] = "json",
        timeout: Timeout | None = None,
    ) -> UserInfo:
        """/user/get_user_info: 获取登录用户在QQ空间的信息，包括昵称、头像、性别及黄钻信息（包括黄钻等级、是否年费黄钻等）。

        The logged-in user's nickname, gender, avatars and yellow-diamond state. Flags and levels come as numeric strings ("1"), typed as bool and int here.

        Args:
            access_token: The user's OAuth 2.0 access token from the login flow (valid 90 days). 可通过使用Authorization_Code获取Access_Token或来获取。access_token有3个月有效期。
            openid: The user's openid from /oauth2.0/me (32 upper-case hex characters in every known capture). 用户的ID，与QQ号码一一对应。可通过调用https://graph.qq.com/oauth2.0/me?access_token=YOUR_ACCESS_TOKEN 来获取。
            method: The HTTP method, "GET"; the first is the default.
            format: The format to ask for, "json"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            UserInfo: The answer (ret == 0), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (``ret`` != 0), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.

        Transient failures are retried first (``RetryPolicy``); what is raised is the last one.
        """
        return self._call(
            GET_USER_INFO,
            [
                ("access_token", reveal(access_token)),
                ("oauth_consumer_key", self._app_id),
                ("openid", reveal(openid)),
            ],
            method,
            format,
            timeout,
        )

    def get_simple_userinfo(
        self,
        access_token: str | SecretStr,
        openid: str,
        *,
        method: Literal["GET"] = "GET",
        format: Literal["json"] = "json",
        timeout: Timeout | None = None,
    ) -> SimpleUserInfo:
        """/user/get_simple_userinfo: 获取登录用户的昵称、头像、性别及黄钻信息（移动端）。

        The logged-in user's nickname, gender, avatars and yellow-diamond state, for mobile apps. Flags and levels come as numeric strings.

        Args:
            access_token: The user's OAuth 2.0 access token from the login flow (valid 90 days). 可通过使用Authorization_Code获取Access_Token或来获取。access_token有3个月有效期。
            openid: The user's openid from /oauth2.0/me (32 upper-case hex characters in every known capture). 用户的ID，与QQ号码一一对应。可通过调用https://graph.qq.com/oauth2.0/me?access_token=YOUR_ACCESS_TOKEN 来获取。
            method: The HTTP method, "GET"; the first is the default.
            format: The format to ask for, "json"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            SimpleUserInfo: The answer (ret == 0), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (``ret`` != 0), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.

        Transient failures are retried first (``RetryPolicy``); what is raised is the last one.
        """
        return self._call(
            GET_SIMPLE_USERINFO,
            [
                ("access_token", reveal(access_token)),
                ("oauth_consumer_key", self._app_id),
                ("openid", reveal(openid)),
            ],
            method,
            format,
            timeout,
        )


class QQConnectWithRawResponse:
    """``QQConnect``'s methods, returning the raw HTTP answer; ``parse()`` gives the result."""

    def __init__(self, client: QQConnect) -> None:
        self.get_vip_rich_info = to_raw_response_wrapper(client.get_vip_rich_info)
        self.get_vip_info = to_raw_response_wrapper(client.get_vip_info)
        self.exchange_code = to_raw_response_wrapper(client.exchange_code)
        self.refresh_access_token = to_raw_response_wrapper(client.refresh_access_token)
        self.get_openid = to_raw_response_wrapper(client.get_openid)
        self.get_user_info = to_raw_response_wrapper(client.get_user_info)
        self.get_simple_userinfo = to_raw_response_wrapper(client.get_simple_userinfo)


class AsyncQQConnect(AsyncClient):
    """Asynchronous client of QQ Connect OpenAPI (QQ互联); the same methods as ``QQConnect``, awaited."""

    service = SERVICE

    @cached_property
    def with_raw_response(self) -> AsyncQQConnectWithRawResponse:
        """The same methods, returning ``RawResponse`` (status, headers, body, timing)."""
        return AsyncQQConnectWithRawResponse(self)

    def authorize_url(
        self,
        redirect_uri: str,
        *,
        state: str,
        scope: Sequence[str] | None = None,
        display: Literal["mobile"] | None = None,
    ) -> str:
        """The /oauth2.0/authorize URL for the user's browser (built here, never fetched).

        获取Authorization Code。引导用户到QQ登录授权页，用户授权后浏览器带着code和state回到回调地址。

        The QQ login and consent page. After the user agrees, the browser comes back to redirect_uri with code and state; the code lives about 10 minutes and is single use.

        The browser comes back to redirect_uri with: code, state.

        Args:
            redirect_uri: Where the browser returns; it must sit under the domain registered for the app (else 100010). 成功授权后的回调地址，必须是注册appid时填写的主域名下的地址。注意需要将url进行URLEncode。
            state: Your CSRF token for this login; it comes back unchanged. client端的状态值。用于第三方应用防止CSRF攻击，成功授权后回调时会原样带回。
            scope: API names the user is asked to grant (get_user_info when omitted); sent comma-separated. 请求用户授权时向用户显示的可进行授权的列表。可填写的值是API文档中列出的接口，如果要填写多个接口名称，请用逗号隔开。不传则默认请求对接口get_user_info进行授权。
            display: "mobile" selects the mobile page; the PC page when omitted. 仅PC网站接入时使用。用于展示的样式。不传则默认展示为PC下的样式。如果传入“mobile”，则展示为mobile端下的样式。

        Returns:
            str: The URL to send the browser to.

        Raises:
            ValueError: ``redirect_uri``, ``state`` or ``scope`` is invalid (the message says how); nothing is sent.
        """
        return self._browser_url("/oauth2.0/authorize", [
            ("response_type", "code"),
            ("client_id", self._app_id),
            ("redirect_uri", checked("absolute_url", "redirect_uri", redirect_uri)),
            ("state", checked("non_empty", "state", state)),
            ("scope", join_list("scope", scope)),
            ("display", display),
        ])

    async def get_vip_rich_info(
        self,
        access_token: str | SecretStr,
        openid: str,
        *,
        method: Literal["GET", "POST"] = "GET",
        format: Literal["json", "xml"] = "json",
        timeout: Timeout | None = None,
    ) -> VipRichInfo:
        """/user/get_vip_rich_info: 获取已登录用户的关于QQ会员业务的详细资料。

        QQ membership details of the logged-in user: membership history, when each privilege ends, how it was last paid for.

        Args:
            access_token: The user's OAuth 2.0 access token from the login flow (valid 90 days). 可通过使用Authorization_Code获取Access_Token或来获取。access_token有3个月有效期。
            openid: The user's openid from /oauth2.0/me (32 upper-case hex characters in every known capture). 用户的ID，与QQ号码一一对应。可通过调用https://graph.qq.com/oauth2.0/me?access_token=YOUR_ACCESS_TOKEN 来获取。
            method: The HTTP method, "GET" or "POST"; the first is the default.
            format: The format to ask for, "json" or "xml"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            VipRichInfo: The answer (ret == 0), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (``ret`` != 0), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.

        Transient failures are retried first (``RetryPolicy``); what is raised is the last one.
        """
        return await self._call(
            GET_VIP_RICH_INFO,
            [
                ("access_token", reveal(access_token)),
                ("oauth_consumer_key", self._app_id),
                ("openid", reveal(openid)),
            ],
            method,
            format,
            timeout,
        )

    async def get_vip_info(
        self,
        access_token: str | SecretStr,
        openid: str,
        *,
        method: Literal["GET", "POST"] = "GET",
        format: Literal["json", "xml"] = "json",
        timeout: Timeout | None = None,
    ) -> VipInfo:
        """/user/get_vip_info: 获取已登录用户的QQ会员信息。

        Whether the logged-in user is a QQ member and a yearly QQ member.

        Args:
            access_token: The user's OAuth 2.0 access token from the login flow (valid 90 days). 可通过使用Authorization_Code获取Access_Token或来获取。access_token有3个月有效期。
            openid: The user's openid from /oauth2.0/me (32 upper-case hex characters in every known capture). 用户的ID，与QQ号码一一对应。可通过调用https://graph.qq.com/oauth2.0/me?access_token=YOUR_ACCESS_TOKEN 来获取。
            method: The HTTP method, "GET" or "POST"; the first is the default.
            format: The format to ask for, "json" or "xml"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            VipInfo: The answer (ret == 0), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (``ret`` != 0), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.

        Transient failures are retried first (``RetryPolicy``); what is raised is the last one.
        """
        return await self._call(
            GET_VIP_INFO,
            [
                ("access_token", reveal(access_token)),
                ("oauth_consumer_key", self._app_id),
                ("openid", reveal(openid)),
            ],
            method,
            format,
            timeout,
        )

    async def exchange_code(
        self,
        code: str | SecretStr,
        *,
        redirect_uri: str,
        need_openid: bool = False,
        method: Literal["POST", "GET"] = "POST",
        format: Literal["form", "json"] = "form",
        timeout: Timeout | None = None,
    ) -> AccessToken:
        """/oauth2.0/token: 通过Authorization Code获取Access Token。

        Exchange the code from the browser's return for an access token (and a refresh token). Success is form-encoded by default (JSON with fmt=json, expires_in then a string); failures come as JSONP whatever was asked.

        Args:
            code: The code the browser brought back; single use, expires in about 10 minutes. 上一步返回的authorization code。此code会在10分钟内过期。
            redirect_uri: Exactly the redirect_uri of the authorize URL (else 100010). 与上面一步中传入的redirect_uri保持一致。
            need_openid: Also return the openid with the token. 在获取access_token的同时，返回openid。
            method: The HTTP method, "POST" or "GET"; the first is the default.
            format: The format to ask for, "form" or "json"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            AccessToken: The answer (no error field), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (an ``error`` field), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.
            ValueError: the client was made without ``app_key``; nothing is sent.

        A single-use input: retried only when the request surely never left; do not retry it yourself.
        """
        return await self._call(
            EXCHANGE_CODE,
            [
                ("grant_type", "authorization_code"),
                ("client_id", self._app_id),
                ("client_secret", self._require_app_key()),
                ("code", reveal(code)),
                ("redirect_uri", redirect_uri),
                ("need_openid", flag_value(need_openid)),
            ],
            method,
            format,
            timeout,
        )

    async def refresh_access_token(
        self,
        refresh_token: str | SecretStr,
        *,
        method: Literal["POST", "GET"] = "POST",
        format: Literal["form", "json"] = "form",
        timeout: Timeout | None = None,
    ) -> RefreshedToken:
        """/oauth2.0/token: 权限自动续期，获取Access Token。

        A new access token, and a new refresh token, for a refresh token. The same answers as the code exchange.

        Args:
            refresh_token: The refresh token from the exchange or the last refresh; single use. 首次：使用Authorization_Code获取Access_Token时获得的refresh_token。续期：最近一次续期获得的refresh_token。
            method: The HTTP method, "POST" or "GET"; the first is the default.
            format: The format to ask for, "form" or "json"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            RefreshedToken: The answer (no error field), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (an ``error`` field), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.
            ValueError: the client was made without ``app_key``; nothing is sent.

        A single-use input: retried only when the request surely never left; do not retry it yourself.
        """
        return await self._call(
            REFRESH_ACCESS_TOKEN,
            [
                ("grant_type", "refresh_token"),
                ("client_id", self._app_id),
                ("client_secret", self._require_app_key()),
                ("refresh_token", reveal(refresh_token)),
            ],
            method,
            format,
            timeout,
        )

    async def get_openid(
        self,
        access_token: str | SecretStr,
        *,
        unionid: bool = False,
        method: Literal["GET"] = "GET",
        format: Literal["jsonp", "json"] = "jsonp",
        timeout: Timeout | None = None,
    ) -> OpenId:
        """/oauth2.0/me: 获取用户OpenID_OAuth2.0。

        The openid of the token's user for this app, and with unionid the user's unionid across the developer's apps. JSONP by default, as text/html.

        Args:
            access_token: The access token from exchange_code or refresh_access_token. 在Step2中获取到的access token。
            unionid: Also return the unionid (needs the app's UnionID grant). 传入unionid=1时，同时返回unionid。
            method: The HTTP method, "GET"; the first is the default.
            format: The format to ask for, "jsonp" or "json"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            OpenId: The answer (no error field), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (an ``error`` field), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.

        Transient failures are retried first (``RetryPolicy``); what is raised is the last one.
        """
        return await self._call(
            GET_OPENID,
            [
                ("access_token", reveal(access_token)),
                ("unionid", flag_value(unionid)),
            ],
            method,
            format,
            timeout,
        )

    async def get_user_info(
        self,
        access_token: str | SecretStr,
        openid: str,
        *,
        method: Literal["GET"] = "GET",
        format: Literal["json"] = "json",
        timeout: Timeout | None = None,
    ) -> UserInfo:
        """/user/get_user_info: 获取登录用户在QQ空间的信息，包括昵称、头像、性别及黄钻信息（包括黄钻等级、是否年费黄钻等）。

        The logged-in user's nickname, gender, avatars and yellow-diamond state. Flags and levels come as numeric strings ("1"), typed as bool and int here.

        Args:
            access_token: The user's OAuth 2.0 access token from the login flow (valid 90 days). 可通过使用Authorization_Code获取Access_Token或来获取。access_token有3个月有效期。
            openid: The user's openid from /oauth2.0/me (32 upper-case hex characters in every known capture). 用户的ID，与QQ号码一一对应。可通过调用https://graph.qq.com/oauth2.0/me?access_token=YOUR_ACCESS_TOKEN 来获取。
            method: The HTTP method, "GET"; the first is the default.
            format: The format to ask for, "json"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            UserInfo: The answer (ret == 0), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (``ret`` != 0), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.

        Transient failures are retried first (``RetryPolicy``); what is raised is the last one.
        """
        return await self._call(
            GET_USER_INFO,
            [
                ("access_token", reveal(access_token)),
                ("oauth_consumer_key", self._app_id),
                ("openid", reveal(openid)),
            ],
            method,
            format,
            timeout,
        )

    async def get_simple_userinfo(
        self,
        access_token: str | SecretStr,
        openid: str,
        *,
        method: Literal["GET"] = "GET",
        format: Literal["json"] = "json",
        timeout: Timeout | None = None,
    ) -> SimpleUserInfo:
        """/user/get_simple_userinfo: 获取登录用户的昵称、头像、性别及黄钻信息（移动端）。

        The logged-in user's nickname, gender, avatars and yellow-diamond state, for mobile apps. Flags and levels come as numeric strings.

        Args:
            access_token: The user's OAuth 2.0 access token from the login flow (valid 90 days). 可通过使用Authorization_Code获取Access_Token或来获取。access_token有3个月有效期。
            openid: The user's openid from /oauth2.0/me (32 upper-case hex characters in every known capture). 用户的ID，与QQ号码一一对应。可通过调用https://graph.qq.com/oauth2.0/me?access_token=YOUR_ACCESS_TOKEN 来获取。
            method: The HTTP method, "GET"; the first is the default.
            format: The format to ask for, "json"; the first is the default. The answer is parsed by its body whatever comes back.
            timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.

        Returns:
            SimpleUserInfo: The answer (ret == 0), typed; ``retries_taken`` and ``received_at`` tell how it came.

        Raises:
            ApiError: The answer reports a failure (``ret`` != 0), always as the subclass of its code's category (``error.code``, ``error.meaning``, ``error.category``):
            TokenInvalidError: The access token (or refresh token) expired, was revoked or is invalid; send the user through login again.
            PermissionDeniedError: The user did not grant the scope, or the app lacks the OpenAPI permission.
            AppInvalidError: The appid or appkey is unknown, invalid, paused or not approved.
            NotLoggedInError: The user has no login state.
            RateLimitedError: A frequency limit was hit; slow down.
            ServerBusyError: The server is busy or overloaded; retrying later may succeed.
            AccountStateError: The user's account cannot do this (frozen, no balance, service not opened).
            OAuthFlowError: A step of the OAuth 2.0 login flow failed.
            BadRequestError: The request is malformed (missing or invalid parameters, protocol, signature).
            ServerError: An internal error on Tencent's side.
            UnknownApiError: A code that no table lists; ret and msg are kept as they came.
            HTTPStatusError: An HTTP status other than 200, a redirect included (never followed).
            DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, an encoding it never uses); also ``ContentEncodingError`` and ``ResponseTooLargeError`` (over ``max_body_bytes``).
            ResponseValidationError: The body parsed but breaks the endpoint's contract; it names each bad field.
            TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` once the call's deadline has passed.
            ClientClosedError: The client, or the ``http_client`` it was given, is closed.

        Transient failures are retried first (``RetryPolicy``); what is raised is the last one.
        """
        return await self._call(
            GET_SIMPLE_USERINFO,
            [
                ("access_token", reveal(access_token)),
                ("oauth_consumer_key", self._app_id),
                ("openid", reveal(openid)),
            ],
            method,
            format,
            timeout,
        )


class AsyncQQConnectWithRawResponse:
    """``AsyncQQConnect``'s methods, returning the raw HTTP answer; ``parse()`` gives the result."""

    def __init__(self, client: AsyncQQConnect) -> None:
        self.get_vip_rich_info = async_to_raw_response_wrapper(client.get_vip_rich_info)
        self.get_vip_info = async_to_raw_response_wrapper(client.get_vip_info)
        self.exchange_code = async_to_raw_response_wrapper(client.exchange_code)
        self.refresh_access_token = async_to_raw_response_wrapper(client.refresh_access_token)
        self.get_openid = async_to_raw_response_wrapper(client.get_openid)
        self.get_user_info = async_to_raw_response_wrapper(client.get_user_info)
        self.get_simple_userinfo = async_to_raw_response_wrapper(client.get_simple_userinfo)

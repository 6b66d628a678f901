# Generated from spec/api.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""The clients: ``QQConnect`` (sync) and ``AsyncQQConnect`` (async), one method per endpoint.

Both run over httpx and share every decision (``_base_client``); only waiting and
I/O differ. Use them as context managers, or call ``close()`` / ``aclose()``.
"""

from __future__ import annotations

from functools import cached_property
from typing import Final, Literal

from ._base_client import (
    AsyncClient,
    Service,
    SyncClient,
    Timeout,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .endpoints import GET_VIP_RICH_INFO, GET_VIP_INFO
from .models.get_vip_rich_info import VipRichInfo
from .models.get_vip_info import VipInfo

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
    format_parameter="format",
    secret_parameters=frozenset({"access_token", "oauth_consumer_key", "openid"}),
)


class QQConnect(SyncClient):
    """Synchronous client of QQ Connect OpenAPI (QQ互联), configured with the app id.

    Each method sends the request its endpoint takes, parses the answer by its
    body, retries transient failures (see ``RetryPolicy``) and raises a typed
    ``ApiError`` for every ``ret`` != 0. Pass ``http_client`` (or ``transport``) to
    use your own httpx setup; the client closes only what it made.
    """

    service = SERVICE

    @cached_property
    def with_raw_response(self) -> QQConnectWithRawResponse:
        """The same methods, returning ``RawResponse`` (status, headers, body, timing)."""
        return QQConnectWithRawResponse(self)

    def get_vip_rich_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Literal["GET", "POST"] = "GET",
        format: Literal["json", "xml"] = "json",
        timeout: Timeout | None = None,
    ) -> VipRichInfo:
        """/user/get_vip_rich_info: 获取已登录用户的关于QQ会员业务的详细资料。

        QQ membership details of the logged-in user: membership history, when each privilege ends, how it was last paid for.
        """
        return self._call(
            GET_VIP_RICH_INFO,
            [
                ("access_token", access_token),
                ("oauth_consumer_key", self._app_id),
                ("openid", openid),
            ],
            method,
            format,
            timeout,
        )

    def get_vip_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Literal["GET", "POST"] = "GET",
        format: Literal["json", "xml"] = "json",
        timeout: Timeout | None = None,
    ) -> VipInfo:
        """/user/get_vip_info: 获取已登录用户的QQ会员信息。

        Whether the logged-in user is a QQ member and a yearly QQ member.
        """
        return self._call(
            GET_VIP_INFO,
            [
                ("access_token", access_token),
                ("oauth_consumer_key", self._app_id),
                ("openid", openid),
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


class AsyncQQConnect(AsyncClient):
    """Asynchronous client of QQ Connect OpenAPI (QQ互联); the same methods as ``QQConnect``, awaited."""

    service = SERVICE

    @cached_property
    def with_raw_response(self) -> AsyncQQConnectWithRawResponse:
        """The same methods, returning ``RawResponse`` (status, headers, body, timing)."""
        return AsyncQQConnectWithRawResponse(self)

    async def get_vip_rich_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Literal["GET", "POST"] = "GET",
        format: Literal["json", "xml"] = "json",
        timeout: Timeout | None = None,
    ) -> VipRichInfo:
        """/user/get_vip_rich_info: 获取已登录用户的关于QQ会员业务的详细资料。

        QQ membership details of the logged-in user: membership history, when each privilege ends, how it was last paid for.
        """
        return await self._call(
            GET_VIP_RICH_INFO,
            [
                ("access_token", access_token),
                ("oauth_consumer_key", self._app_id),
                ("openid", openid),
            ],
            method,
            format,
            timeout,
        )

    async def get_vip_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Literal["GET", "POST"] = "GET",
        format: Literal["json", "xml"] = "json",
        timeout: Timeout | None = None,
    ) -> VipInfo:
        """/user/get_vip_info: 获取已登录用户的QQ会员信息。

        Whether the logged-in user is a QQ member and a yearly QQ member.
        """
        return await self._call(
            GET_VIP_INFO,
            [
                ("access_token", access_token),
                ("oauth_consumer_key", self._app_id),
                ("openid", openid),
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

# Generated from spec/api.yaml, spec/return_codes.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""The clients: ``QQConnect`` (sync) and ``AsyncQQConnect`` (async), one method per endpoint.

Both run over httpx and share every decision (``_base_client``); only waiting and
I/O differ. Use them as context managers, or call ``close()`` / ``aclose()``.
"""

from __future__ import annotations

import time
from pathlib import Path
from types import TracebackType
from typing import Literal

import anyio
import httpx

from ._base_client import (
    DEFAULT_MAX_BODY_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    BaseClient,
    Prepared,
    RawResponse,
    ResultT,
    RetryPolicy,
    Timeout,
)
from ._errors import QQConnectError
from .endpoints import GET_VIP_RICH_INFO, GET_VIP_INFO
from .models.get_vip_rich_info import VipRichInfo
from .models.get_vip_info import VipInfo

__all__ = ["BASE_URL", "AsyncQQConnect", "QQConnect"]

BASE_URL = "https://graph.qq.com"

Method = Literal["GET", "POST"]
Format = Literal["json", "xml"]


class QQConnect(BaseClient):
    """Synchronous client of QQ Connect OpenAPI (QQ互联), configured with the app id.

    Each method sends GET or POST with ``format`` json or xml, parses the answer by
    its body, retries transient failures (see ``RetryPolicy``) and raises a typed
    ``ApiError`` for every ``ret`` != 0. Pass ``http_client`` (or ``transport``) to
    use your own httpx setup; the client closes only what it made.
    """

    def __init__(
        self,
        app_id: str | int,
        *,
        base_url: str = BASE_URL,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int | RetryPolicy = DEFAULT_MAX_RETRIES,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        capture_dir: Path | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(app_id, base_url=base_url, timeout=timeout, max_retries=max_retries,
                         max_body_bytes=max_body_bytes, capture_dir=capture_dir)
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(timeout=timeout, transport=transport)

    @property
    def with_raw_response(self) -> QQConnectWithRawResponse:
        """The same methods, returning ``RawResponse`` (status, headers, body, timing)."""
        return QQConnectWithRawResponse(self)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> QQConnect:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def _send(self, prepared: Prepared[ResultT]) -> RawResponse[ResultT]:
        while True:
            headers: httpx.Headers | None = None
            try:
                with self._http.stream(**prepared.arguments) as response:
                    headers = response.headers
                    prepared.start(response)
                    for chunk in response.iter_bytes():
                        prepared.feed(chunk)
                    return prepared.finish(response)
            except httpx.TransportError as error:
                failure: QQConnectError = prepared.transport_error(error)
            except QQConnectError as error:
                failure = error
            delay = prepared.retry_delay(failure, headers)
            if delay is None:
                raise failure
            time.sleep(delay)

    def get_vip_rich_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Method = "GET",
        format: Format = "json",
        timeout: Timeout | None = None,
    ) -> VipRichInfo:
        """/user/get_vip_rich_info: 获取已登录用户的关于QQ会员业务的详细资料。

        QQ membership details of the logged-in user: membership history, when each privilege ends, how it was last paid for.
        """
        prepared = self._prepare(
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
        return (self._send(prepared)).result

    def get_vip_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Method = "GET",
        format: Format = "json",
        timeout: Timeout | None = None,
    ) -> VipInfo:
        """/user/get_vip_info: 获取已登录用户的QQ会员信息。

        Whether the logged-in user is a QQ member and a yearly QQ member.
        """
        prepared = self._prepare(
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
        return (self._send(prepared)).result


class QQConnectWithRawResponse:
    """``QQConnect``'s methods, returning the raw HTTP answer next to the result."""

    def __init__(self, client: QQConnect) -> None:
        self._client = client

    def get_vip_rich_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Method = "GET",
        format: Format = "json",
        timeout: Timeout | None = None,
    ) -> RawResponse[VipRichInfo]:
        """/user/get_vip_rich_info: 获取已登录用户的关于QQ会员业务的详细资料。

        QQ membership details of the logged-in user: membership history, when each privilege ends, how it was last paid for.
        """
        prepared = self._client._prepare(
            GET_VIP_RICH_INFO,
            [
                ("access_token", access_token),
                ("oauth_consumer_key", self._client._app_id),
                ("openid", openid),
            ],
            method,
            format,
            timeout,
        )
        return (self._client._send(prepared))

    def get_vip_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Method = "GET",
        format: Format = "json",
        timeout: Timeout | None = None,
    ) -> RawResponse[VipInfo]:
        """/user/get_vip_info: 获取已登录用户的QQ会员信息。

        Whether the logged-in user is a QQ member and a yearly QQ member.
        """
        prepared = self._client._prepare(
            GET_VIP_INFO,
            [
                ("access_token", access_token),
                ("oauth_consumer_key", self._client._app_id),
                ("openid", openid),
            ],
            method,
            format,
            timeout,
        )
        return (self._client._send(prepared))


class AsyncQQConnect(BaseClient):
    """Asynchronous client of QQ Connect OpenAPI (QQ互联); the same methods as ``QQConnect``, awaited."""

    def __init__(
        self,
        app_id: str | int,
        *,
        base_url: str = BASE_URL,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int | RetryPolicy = DEFAULT_MAX_RETRIES,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        capture_dir: Path | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(app_id, base_url=base_url, timeout=timeout, max_retries=max_retries,
                         max_body_bytes=max_body_bytes, capture_dir=capture_dir)
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(timeout=timeout, transport=transport)

    @property
    def with_raw_response(self) -> AsyncQQConnectWithRawResponse:
        """The same methods, returning ``RawResponse`` (status, headers, body, timing)."""
        return AsyncQQConnectWithRawResponse(self)

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncQQConnect:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        traceback: TracebackType | None) -> None:
        await self.aclose()

    async def _send(self, prepared: Prepared[ResultT]) -> RawResponse[ResultT]:
        while True:
            headers: httpx.Headers | None = None
            try:
                async with self._http.stream(**prepared.arguments) as response:
                    headers = response.headers
                    prepared.start(response)
                    async for chunk in response.aiter_bytes():
                        prepared.feed(chunk)
                    return prepared.finish(response)
            except httpx.TransportError as error:
                failure: QQConnectError = prepared.transport_error(error)
            except QQConnectError as error:
                failure = error
            delay = prepared.retry_delay(failure, headers)
            if delay is None:
                raise failure
            await anyio.sleep(delay)

    async def get_vip_rich_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Method = "GET",
        format: Format = "json",
        timeout: Timeout | None = None,
    ) -> VipRichInfo:
        """/user/get_vip_rich_info: 获取已登录用户的关于QQ会员业务的详细资料。

        QQ membership details of the logged-in user: membership history, when each privilege ends, how it was last paid for.
        """
        prepared = self._prepare(
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
        return (await self._send(prepared)).result

    async def get_vip_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Method = "GET",
        format: Format = "json",
        timeout: Timeout | None = None,
    ) -> VipInfo:
        """/user/get_vip_info: 获取已登录用户的QQ会员信息。

        Whether the logged-in user is a QQ member and a yearly QQ member.
        """
        prepared = self._prepare(
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
        return (await self._send(prepared)).result


class AsyncQQConnectWithRawResponse:
    """``AsyncQQConnect``'s methods, returning the raw HTTP answer next to the result."""

    def __init__(self, client: AsyncQQConnect) -> None:
        self._client = client

    async def get_vip_rich_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Method = "GET",
        format: Format = "json",
        timeout: Timeout | None = None,
    ) -> RawResponse[VipRichInfo]:
        """/user/get_vip_rich_info: 获取已登录用户的关于QQ会员业务的详细资料。

        QQ membership details of the logged-in user: membership history, when each privilege ends, how it was last paid for.
        """
        prepared = self._client._prepare(
            GET_VIP_RICH_INFO,
            [
                ("access_token", access_token),
                ("oauth_consumer_key", self._client._app_id),
                ("openid", openid),
            ],
            method,
            format,
            timeout,
        )
        return (await self._client._send(prepared))

    async def get_vip_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Method = "GET",
        format: Format = "json",
        timeout: Timeout | None = None,
    ) -> RawResponse[VipInfo]:
        """/user/get_vip_info: 获取已登录用户的QQ会员信息。

        Whether the logged-in user is a QQ member and a yearly QQ member.
        """
        prepared = self._client._prepare(
            GET_VIP_INFO,
            [
                ("access_token", access_token),
                ("oauth_consumer_key", self._client._app_id),
                ("openid", openid),
            ],
            method,
            format,
            timeout,
        )
        return (await self._client._send(prepared))


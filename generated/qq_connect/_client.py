# Generated from spec/api.yaml, spec/return_codes.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""The client: one method per endpoint of the spec, over httpx."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Literal, TypeVar

import httpx
from pydantic import BaseModel

from ._errors import HTTPStatusError, TransportError
from ._request import encode_parameters
from ._response import Endpoint
from .endpoints import GET_VIP_RICH_INFO, GET_VIP_INFO
from .models.get_vip_rich_info import VipRichInfo
from .models.get_vip_info import VipInfo

__all__ = ["BASE_URL", "DEFAULT_TIMEOUT", "QQConnect"]

BASE_URL = "https://graph.qq.com"
DEFAULT_TIMEOUT = 10.0
_REDACTED = "<redacted>"

Method = Literal["GET", "POST"]
Format = Literal["json", "xml"]
ResultT = TypeVar("ResultT", bound=BaseModel)


class QQConnect:
    """A client of QQ Connect OpenAPI (QQ互联), configured with the app id (``oauth_consumer_key``).

    Each method sends GET or POST with ``format`` json or xml, parses the answer by
    its body, and raises a typed ``ApiError`` for every ``ret`` != 0. Pass your own
    ``httpx.Client`` to share connections; the client closes only one it made.
    """

    def __init__(
        self,
        app_id: str | int,
        *,
        base_url: str = BASE_URL,
        timeout: float = DEFAULT_TIMEOUT,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._app_id = str(app_id)
        self._base_url = base_url.rstrip("/")
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.Client(timeout=timeout)

    def __repr__(self) -> str:
        return f"QQConnect(base_url={self._base_url!r}, app_id={_REDACTED!r})"

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> QQConnect:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def get_vip_rich_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Method = "GET",
        format: Format = "json",
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
            secrets=[access_token, self._app_id, openid],
        )

    def get_vip_info(
        self,
        access_token: str,
        openid: str,
        *,
        method: Method = "GET",
        format: Format = "json",
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
            secrets=[access_token, self._app_id, openid],
        )

    def _call(
        self,
        endpoint: Endpoint[Any, ResultT],
        parameters: list[tuple[str, str | None]],
        method: str,
        format: str,
        *,
        secrets: list[str],
    ) -> ResultT:
        if method not in endpoint.methods:
            raise ValueError(f"{endpoint.name} does not take {method!r}; use one of {endpoint.methods}")
        if format not in endpoint.formats:
            raise ValueError(f"{endpoint.name} does not answer {format!r}; use one of {endpoint.formats}")
        sent = [(name, value) for name, value in parameters if value is not None]
        sent.append(("format", format))
        encoded = encode_parameters(sent)
        url = self._base_url + endpoint.path
        try:
            if method == "GET":
                response = self._http.get(f"{url}?{encoded}")
            else:
                response = self._http.post(
                    url,
                    content=encoded.encode("ascii"),
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )
        except httpx.TransportError as error:
            # httpx messages can quote the URL, which carries the secrets.
            reason = f"{type(error).__name__}: {error}"
            for secret in secrets:
                reason = reason.replace(secret, _REDACTED)
            raise TransportError(endpoint.name, reason) from None
        if response.status_code != 200:
            raise HTTPStatusError(endpoint.name, response.status_code, response.content)
        return endpoint.parse(response.content)

# Generated from spec/endpoints/exchange_code.yaml; do not edit, run `make generate`.
"""Typed result of /oauth2.0/token: 通过Authorization Code获取Access Token。

Exchange the code from the browser's return for an access token (and a refresh token). Success is form-encoded by default (JSON with fmt=json, expires_in then a string); failures come as JSONP whatever was asked.
"""

from __future__ import annotations

from typing import ClassVar
from pydantic import Field, SecretStr
from .._result import ExpiringResult
from .._convert import Duration

__all__ = ["AccessToken"]


class AccessToken(ExpiringResult):
    """A successful answer of /oauth2.0/token (no error field).

    Exchange the code from the browser's return for an access token (and a refresh token). Success is form-encoded by default (JSON with fmt=json, expires_in then a string); failures come as JSONP whatever was asked.

    Unknown fields are kept (``model_extra``); flags are bool, timestamps aware UTC datetimes with 0 as None.

    Fields (each one's whole description: ``model_fields[name].description``):
        access_token: The access token for OpenAPI calls. (授权令牌，Access_Token。)
        expires_in: Seconds the token lives (7776000, newer tokens 5184000); a numeric string in JSON, as in the form body. (该access token的有效期，单位为秒。)
        refresh_token: Renews the token once (refresh_access_token); single use. (在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。注：refresh_token仅一次有效)
        openid: The user's openid; only with need_openid. (用户的openid，仅在传入need_openid时返回。)
    """

    HIDDEN_FIELDS: ClassVar[frozenset[str]] = frozenset({"openid"})
    EXPIRY_FIELD: ClassVar[str] = "expires_in"

    access_token: SecretStr = Field(description="授权令牌，Access_Token。\n\nThe access token for OpenAPI calls.")
    """授权令牌，Access_Token。

    The access token for OpenAPI calls.
    """

    expires_in: Duration = Field(description="该access token的有效期，单位为秒。\n\nSeconds the token lives (7776000, newer tokens 5184000); a numeric string in JSON, as in the form body.\n\nSent as a numeric string (\"1\") by design; typed as a number here.")
    """该access token的有效期，单位为秒。

    Seconds the token lives (7776000, newer tokens 5184000); a numeric string in JSON, as in the form body.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    refresh_token: SecretStr = Field(description="在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。注：refresh_token仅一次有效\n\nRenews the token once (refresh_access_token); single use.")
    """在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。注：refresh_token仅一次有效

    Renews the token once (refresh_access_token); single use.
    """

    openid: str | None = Field(default=None, description="用户的openid，仅在传入need_openid时返回。\n\nThe user's openid; only with need_openid.\n\nOptional: the page says it is sometimes absent.")
    """用户的openid，仅在传入need_openid时返回。

    The user's openid; only with need_openid.

    Optional: the page says it is sometimes absent.
    """

# Generated from spec/endpoints/refresh_access_token.yaml; do not edit, run `make generate`.
"""Typed result of /oauth2.0/token: 权限自动续期，获取Access Token。

A new access token, and a new refresh token, for a refresh token. The same answers as the code exchange.
"""

from __future__ import annotations

from typing import ClassVar
from pydantic import Field, SecretStr
from .._result import ExpiringResult
from .._convert import Duration

__all__ = ["RefreshedToken"]


class RefreshedToken(ExpiringResult):
    """A successful answer of /oauth2.0/token (no error field).

    A new access token, and a new refresh token, for a refresh token. The same answers as the code exchange.

    Unknown fields are kept (``model_extra``); flags are bool, timestamps aware UTC datetimes with 0 as None.

    Fields (each one's whole description: ``model_fields[name].description``):
        access_token: The new access token. (授权令牌，Access_Token。)
        expires_in: Seconds the new token lives; a numeric string in JSON. (该access token的有效期，单位为秒。)
        refresh_token: The next refresh token; the one sent is spent. (在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。每次会返回新的refresh_token。)
    """
    EXPIRY_FIELD: ClassVar[str] = "expires_in"

    access_token: SecretStr = Field(description="授权令牌，Access_Token。\n\nThe new access token.")
    """授权令牌，Access_Token。

    The new access token.
    """

    expires_in: Duration = Field(description="该access token的有效期，单位为秒。\n\nSeconds the new token lives; a numeric string in JSON.\n\nSent as a numeric string (\"1\") by design; typed as a number here.")
    """该access token的有效期，单位为秒。

    Seconds the new token lives; a numeric string in JSON.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    refresh_token: SecretStr = Field(description="在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。每次会返回新的refresh_token。\n\nThe next refresh token; the one sent is spent.")
    """在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。每次会返回新的refresh_token。

    The next refresh token; the one sent is spent.
    """

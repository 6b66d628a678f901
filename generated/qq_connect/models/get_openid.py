# Generated from spec/endpoints/get_openid.yaml; do not edit, run `make generate`.
"""Typed result of /oauth2.0/me: 获取用户OpenID_OAuth2.0。

The openid of the token's user for this app, and with unionid the user's unionid across the developer's apps. JSONP by default, as text/html.
"""

from __future__ import annotations

from typing import ClassVar
from pydantic import Field
from .._result import Result

__all__ = ["OpenId"]


class OpenId(Result):
    """A successful answer of /oauth2.0/me (no error field).

    The openid of the token's user for this app, and with unionid the user's unionid across the developer's apps. JSONP by default, as text/html.

    Unknown fields are kept (``model_extra``); flags are bool, timestamps aware UTC datetimes with 0 as None.

    Fields (each one's whole description: ``model_fields[name].description``):
        client_id: The app's appid, as a string. (用户的appid。)
        openid: The user's openid for this app (32 upper-case hex characters). (用户的openid，与用户QQ号码一一对应。)
        unionid: The user's unionid (UID_ and 32 hex characters); only with unionid. (用户的unionid，仅在传入unionid=1时返回。)
    """

    HIDDEN_FIELDS: ClassVar[frozenset[str]] = frozenset({"client_id", "openid", "unionid"})

    client_id: str = Field(description="用户的appid。\n\nThe app's appid, as a string.")
    """用户的appid。

    The app's appid, as a string.
    """

    openid: str = Field(description="用户的openid，与用户QQ号码一一对应。\n\nThe user's openid for this app (32 upper-case hex characters).")
    """用户的openid，与用户QQ号码一一对应。

    The user's openid for this app (32 upper-case hex characters).
    """

    unionid: str | None = Field(default=None, description="用户的unionid，仅在传入unionid=1时返回。\n\nThe user's unionid (UID_ and 32 hex characters); only with unionid.\n\nOptional: the page says it is sometimes absent.")
    """用户的unionid，仅在传入unionid=1时返回。

    The user's unionid (UID_ and 32 hex characters); only with unionid.

    Optional: the page says it is sometimes absent.
    """

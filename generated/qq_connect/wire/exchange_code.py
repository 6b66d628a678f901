# Generated from spec/endpoints/exchange_code.yaml; do not edit, run `make generate`.

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field
from qq_connect._wire import OAuthWireModel, WireInteger, WireNonNegative, WireText


class ExchangeCodeWire(OAuthWireModel):
    """
    The raw /oauth2.0/token response, as sent on the wire.

    Fields (each one's whole description: ``model_fields[name].description``):
        error: The OAuth error code; present only when the step failed. (错误码)
        error_description: What went wrong; may end with a space. (错误描述)
        access_token: The access token for OpenAPI calls. (授权令牌，Access_Token。)
        expires_in: Seconds the token lives (7776000, newer tokens 5184000); a numeric string in JSON, as in the form body. (该access token的有效期，单位为秒。)
        refresh_token: Renews the token once (refresh_access_token); single use. (在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。注：refresh_token仅一次有效)
        openid: The user's openid; only with need_openid. (用户的openid，仅在传入need_openid时返回。)
    """

    model_config = ConfigDict(
        extra="allow",
        arbitrary_types_allowed=True,
    )
    error: Annotated[
        WireInteger | None,
        Field(
            description="错误码\n\nThe OAuth error code; present only when the step failed.\n\nOnly in answers that report a failure."
        ),
    ] = None
    """
    错误码

    The OAuth error code; present only when the step failed.

    Only in answers that report a failure.
    """

    error_description: Annotated[
        WireText | None,
        Field(
            description="错误描述\n\nWhat went wrong; may end with a space.\n\nOnly in answers that report a failure."
        ),
    ] = None
    """
    错误描述

    What went wrong; may end with a space.

    Only in answers that report a failure.
    """

    access_token: Annotated[
        WireText | None,
        Field(description="授权令牌，Access_Token。\n\nThe access token for OpenAPI calls."),
    ] = None
    """
    授权令牌，Access_Token。

    The access token for OpenAPI calls.
    """

    expires_in: Annotated[
        WireNonNegative | None,
        Field(
            description='该access token的有效期，单位为秒。\n\nSeconds the token lives (7776000, newer tokens 5184000); a numeric string in JSON, as in the form body.\n\nSent as a numeric string ("1") by design; typed as a number here.'
        ),
    ] = None
    """
    该access token的有效期，单位为秒。

    Seconds the token lives (7776000, newer tokens 5184000); a numeric string in JSON, as in the form body.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    refresh_token: Annotated[
        WireText | None,
        Field(
            description="在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。注：refresh_token仅一次有效\n\nRenews the token once (refresh_access_token); single use."
        ),
    ] = None
    """
    在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。注：refresh_token仅一次有效

    Renews the token once (refresh_access_token); single use.
    """

    openid: Annotated[
        WireText | None,
        Field(
            description="用户的openid，仅在传入need_openid时返回。\n\nThe user's openid; only with need_openid.\n\nOptional: the page says it is sometimes absent."
        ),
    ] = None
    """
    用户的openid，仅在传入need_openid时返回。

    The user's openid; only with need_openid.

    Optional: the page says it is sometimes absent.
    """

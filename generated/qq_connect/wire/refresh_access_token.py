# Generated from spec/endpoints/refresh_access_token.yaml; do not edit, run `make generate`.

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field
from qq_connect._wire import OAuthWireModel, WireInteger, WireNonNegative, WireText


class RefreshAccessTokenWire(OAuthWireModel):
    """
    The raw /oauth2.0/token response, as sent on the wire.

    Fields (each one's whole description: ``model_fields[name].description``):
        error: The OAuth error code; present only when the step failed. (错误码)
        error_description: What went wrong; may end with a space. (错误描述)
        access_token: The new access token. (授权令牌，Access_Token。)
        expires_in: Seconds the new token lives; a numeric string in JSON. (该access token的有效期，单位为秒。)
        refresh_token: The next refresh token; the one sent is spent. (在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。每次会返回新的refresh_token。)
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
        WireText | None, Field(description="授权令牌，Access_Token。\n\nThe new access token.")
    ] = None
    """
    授权令牌，Access_Token。

    The new access token.
    """

    expires_in: Annotated[
        WireNonNegative | None,
        Field(
            description='该access token的有效期，单位为秒。\n\nSeconds the new token lives; a numeric string in JSON.\n\nSent as a numeric string ("1") by design; typed as a number here.'
        ),
    ] = None
    """
    该access token的有效期，单位为秒。

    Seconds the new token lives; a numeric string in JSON.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    refresh_token: Annotated[
        WireText | None,
        Field(
            description="在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。每次会返回新的refresh_token。\n\nThe next refresh token; the one sent is spent."
        ),
    ] = None
    """
    在授权自动续期步骤中，获取新的Access_Token时需要提供的参数。每次会返回新的refresh_token。

    The next refresh token; the one sent is spent.
    """

# Generated from spec/endpoints/get_openid.yaml; do not edit, run `make generate`.

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field
from qq_connect._wire import OAuthWireModel, WireInteger, WireText


class GetOpenidWire(OAuthWireModel):
    """
    The raw /oauth2.0/me response, as sent on the wire.

    Fields (each one's whole description: ``model_fields[name].description``):
        error: The OAuth error code; present only when the step failed. (错误码)
        error_description: What went wrong; may end with a space. (错误描述)
        client_id: The app's appid, as a string. (用户的appid。)
        openid: The user's openid for this app (32 upper-case hex characters). (用户的openid，与用户QQ号码一一对应。)
        unionid: The user's unionid (UID_ and 32 hex characters); only with unionid. (用户的unionid，仅在传入unionid=1时返回。)
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

    client_id: Annotated[
        WireText | None, Field(description="用户的appid。\n\nThe app's appid, as a string.")
    ] = None
    """
    用户的appid。

    The app's appid, as a string.
    """

    openid: Annotated[
        WireText | None,
        Field(
            description="用户的openid，与用户QQ号码一一对应。\n\nThe user's openid for this app (32 upper-case hex characters)."
        ),
    ] = None
    """
    用户的openid，与用户QQ号码一一对应。

    The user's openid for this app (32 upper-case hex characters).
    """

    unionid: Annotated[
        WireText | None,
        Field(
            description="用户的unionid，仅在传入unionid=1时返回。\n\nThe user's unionid (UID_ and 32 hex characters); only with unionid.\n\nOptional: the page says it is sometimes absent."
        ),
    ] = None
    """
    用户的unionid，仅在传入unionid=1时返回。

    The user's unionid (UID_ and 32 hex characters); only with unionid.

    Optional: the page says it is sometimes absent.
    """

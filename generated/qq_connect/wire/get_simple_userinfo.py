# Generated from spec/endpoints/get_simple_userinfo.yaml; do not edit, run `make generate`.

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field
from qq_connect._wire import RetWireModel, WireFlag, WireInteger, WireNonNegative, WireText


class GetSimpleUserinfoWire(RetWireModel):
    """
    The raw /user/get_simple_userinfo response, as sent on the wire.

    Fields (each one's whole description: ``model_fields[name].description``):
        ret: Return code; 0 is success, every other value is a failure. (返回码)
        msg: Error message; in practice also set for positive codes. (如果ret<0，会有相应的错误信息提示，返回数据全部用UTF-8编码。)
        nickname: The user's Qzone nickname. (用户在QQ空间的昵称。)
        gender: Gender, "男" or "女" (男 when unknown). (性别。 如果获取不到则默认返回"男")
        figureurl: Qzone avatar, 30x30 px. The URL embeds the app id and the openid. (大小为30×30像素的QQ空间头像URL。)
        figureurl_1: Qzone avatar, 50x50 px. The URL embeds the app id and the openid. (大小为50×50像素的QQ空间头像URL。)
        figureurl_2: Qzone avatar, 100x100 px. The URL embeds the app id and the openid. (大小为100×100像素的QQ空间头像URL。)
        figureurl_qq_1: QQ avatar, 40x40 px. The URL embeds the app id and the openid. (大小为40×40像素的QQ头像URL。)
        figureurl_qq_2: QQ avatar, 100x100 px; not every user has one (40x40 always exists). (大小为100×100像素的QQ头像URL。需要注意，不是所有的用户都拥有QQ的100x100的头像，但40x40像素则是一定会有。)
        is_yellow_vip: Whether the user is a yellow-diamond member. (标识用户是否为黄钻用户（0：不是；1：是）)
        vip: Whether the user is a yellow-diamond member (the page's second flag for it). (标识用户是否为黄钻用户（0：不是；1：是）)
        yellow_vip_level: Yellow-diamond level; only for yellow-diamond users. (黄钻等级)
        level: Yellow-diamond level. (黄钻等级)
        is_yellow_year_vip: Whether the user is a yearly yellow-diamond member. (标识是否为年费黄钻用户（0：不是；1：是）)
    """

    model_config = ConfigDict(
        extra="allow",
        arbitrary_types_allowed=True,
    )
    ret: Annotated[
        WireInteger,
        Field(description="返回码\n\nReturn code; 0 is success, every other value is a failure."),
    ]
    """
    返回码

    Return code; 0 is success, every other value is a failure.
    """

    msg: Annotated[
        WireText,
        Field(
            description="如果ret<0，会有相应的错误信息提示，返回数据全部用UTF-8编码。\n\nError message; in practice also set for positive codes."
        ),
    ]
    """
    如果ret<0，会有相应的错误信息提示，返回数据全部用UTF-8编码。

    Error message; in practice also set for positive codes.
    """

    nickname: Annotated[
        WireText | None, Field(description="用户在QQ空间的昵称。\n\nThe user's Qzone nickname.")
    ] = None
    """
    用户在QQ空间的昵称。

    The user's Qzone nickname.
    """

    gender: Annotated[
        WireText | None,
        Field(description='性别。 如果获取不到则默认返回"男"\n\nGender, "男" or "女" (男 when unknown).'),
    ] = None
    """
    性别。 如果获取不到则默认返回"男"

    Gender, "男" or "女" (男 when unknown).
    """

    figureurl: Annotated[
        WireText | None,
        Field(
            description="大小为30×30像素的QQ空间头像URL。\n\nQzone avatar, 30x30 px. The URL embeds the app id and the openid."
        ),
    ] = None
    """
    大小为30×30像素的QQ空间头像URL。

    Qzone avatar, 30x30 px. The URL embeds the app id and the openid.
    """

    figureurl_1: Annotated[
        WireText | None,
        Field(
            description="大小为50×50像素的QQ空间头像URL。\n\nQzone avatar, 50x50 px. The URL embeds the app id and the openid."
        ),
    ] = None
    """
    大小为50×50像素的QQ空间头像URL。

    Qzone avatar, 50x50 px. The URL embeds the app id and the openid.
    """

    figureurl_2: Annotated[
        WireText | None,
        Field(
            description="大小为100×100像素的QQ空间头像URL。\n\nQzone avatar, 100x100 px. The URL embeds the app id and the openid."
        ),
    ] = None
    """
    大小为100×100像素的QQ空间头像URL。

    Qzone avatar, 100x100 px. The URL embeds the app id and the openid.
    """

    figureurl_qq_1: Annotated[
        WireText | None,
        Field(
            description="大小为40×40像素的QQ头像URL。\n\nQQ avatar, 40x40 px. The URL embeds the app id and the openid."
        ),
    ] = None
    """
    大小为40×40像素的QQ头像URL。

    QQ avatar, 40x40 px. The URL embeds the app id and the openid.
    """

    figureurl_qq_2: Annotated[
        WireText | None,
        Field(
            description="大小为100×100像素的QQ头像URL。需要注意，不是所有的用户都拥有QQ的100x100的头像，但40x40像素则是一定会有。\n\nQQ avatar, 100x100 px; not every user has one (40x40 always exists).\n\nOptional: the page says it is sometimes absent."
        ),
    ] = None
    """
    大小为100×100像素的QQ头像URL。需要注意，不是所有的用户都拥有QQ的100x100的头像，但40x40像素则是一定会有。

    QQ avatar, 100x100 px; not every user has one (40x40 always exists).

    Optional: the page says it is sometimes absent.
    """

    is_yellow_vip: Annotated[
        WireFlag | None,
        Field(
            description='标识用户是否为黄钻用户（0：不是；1：是）\n\nWhether the user is a yellow-diamond member.\n\nSent as a numeric string ("1") by design; typed as a number here.'
        ),
    ] = None
    """
    标识用户是否为黄钻用户（0：不是；1：是）

    Whether the user is a yellow-diamond member.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    vip: Annotated[
        WireFlag | None,
        Field(
            description='标识用户是否为黄钻用户（0：不是；1：是）\n\nWhether the user is a yellow-diamond member (the page\'s second flag for it).\n\nSent as a numeric string ("1") by design; typed as a number here.'
        ),
    ] = None
    """
    标识用户是否为黄钻用户（0：不是；1：是）

    Whether the user is a yellow-diamond member (the page's second flag for it).

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    yellow_vip_level: Annotated[
        WireNonNegative | None,
        Field(
            description='黄钻等级\n\nYellow-diamond level; only for yellow-diamond users.\n\nOptional: the page says it is sometimes absent.\n\nSent as a numeric string ("1") by design; typed as a number here.'
        ),
    ] = None
    """
    黄钻等级

    Yellow-diamond level; only for yellow-diamond users.

    Optional: the page says it is sometimes absent.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    level: Annotated[
        WireNonNegative | None,
        Field(
            description='黄钻等级\n\nYellow-diamond level.\n\nSent as a numeric string ("1") by design; typed as a number here.'
        ),
    ] = None
    """
    黄钻等级

    Yellow-diamond level.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    is_yellow_year_vip: Annotated[
        WireFlag | None,
        Field(
            description='标识是否为年费黄钻用户（0：不是；1：是）\n\nWhether the user is a yearly yellow-diamond member.\n\nSent as a numeric string ("1") by design; typed as a number here.'
        ),
    ] = None
    """
    标识是否为年费黄钻用户（0：不是；1：是）

    Whether the user is a yearly yellow-diamond member.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

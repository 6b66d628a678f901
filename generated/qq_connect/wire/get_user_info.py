# Generated from spec/endpoints/get_user_info.yaml; do not edit, run `make generate`.

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field
from qq_connect._wire import RetWireModel, WireFlag, WireInteger, WireNonNegative, WireText


class GetUserInfoWire(RetWireModel):
    """
    The raw /user/get_user_info response, as sent on the wire.

    Fields (each one's whole description: ``model_fields[name].description``):
        ret: Return code; 0 is success, every other value is a failure. (返回码)
        msg: Error message; in practice also set for positive codes. (如果ret<0，会有相应的错误信息提示，返回数据全部用UTF-8编码。)
        is_lost: 1 when part of the data was lost or degraded. ((文档表格未列出，仅见于返回示例))
        nickname: The user's Qzone nickname. (用户在QQ空间的昵称。)
        gender: Gender, "男" or "女" (男 when unknown). (性别。 如果获取不到则默认返回"男")
        gender_type: Gender as a number (always 2 in known captures). ((文档表格未列出，仅见于返回示例))
        province: Province. ((文档表格未列出，仅见于返回示例))
        city: City. ((文档表格未列出，仅见于返回示例))
        year: Year of birth. ((文档表格未列出，仅见于返回示例))
        constellation: Star sign; often empty. ((文档表格未列出，仅见于返回示例))
        figureurl: Qzone avatar, 30x30 px. The URL embeds the app id and the openid. (大小为30×30像素的QQ空间头像URL。)
        figureurl_1: Qzone avatar, 50x50 px. The URL embeds the app id and the openid. (大小为50×50像素的QQ空间头像URL。)
        figureurl_2: Qzone avatar, 100x100 px. The URL embeds the app id and the openid. (大小为100×100像素的QQ空间头像URL。)
        figureurl_qq_1: QQ avatar, 40x40 px. The URL embeds the app id and the openid. (大小为40×40像素的QQ头像URL。)
        figureurl_qq_2: QQ avatar, 100x100 px; not every user has one (40x40 always exists). (大小为100×100像素的QQ头像URL。需要注意，不是所有的用户都拥有QQ的100x100的头像，但40x40像素则是一定会有。)
        figureurl_qq: QQ avatar, 640x640 px (newer answers). The URL embeds the app id and the openid. ((文档表格未列出，仅见于返回示例))
        figureurl_type: Avatar type. ((文档表格未列出，仅见于返回示例))
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

    is_lost: Annotated[
        WireFlag | None,
        Field(
            description="(文档表格未列出，仅见于返回示例)\n\n1 when part of the data was lost or degraded.\n\nExample-only: the page's example shows it, its table does not."
        ),
    ] = None
    """
    (文档表格未列出，仅见于返回示例)

    1 when part of the data was lost or degraded.

    Example-only: the page's example shows it, its table does not.
    """

    nickname: Annotated[
        WireText | None,
        Field(
            description="用户在QQ空间的昵称。\n\nThe user's Qzone nickname.\n\nApps not yet approved get the nickname qzuser and avatars under appid 111111."
        ),
    ] = None
    """
    用户在QQ空间的昵称。

    The user's Qzone nickname.

    Apps not yet approved get the nickname qzuser and avatars under appid 111111.
    """

    gender: Annotated[
        WireText | None,
        Field(description='性别。 如果获取不到则默认返回"男"\n\nGender, "男" or "女" (男 when unknown).'),
    ] = None
    """
    性别。 如果获取不到则默认返回"男"

    Gender, "男" or "女" (男 when unknown).
    """

    gender_type: Annotated[
        WireInteger | None,
        Field(
            description="(文档表格未列出，仅见于返回示例)\n\nGender as a number (always 2 in known captures).\n\nExample-only: the page's example shows it, its table does not."
        ),
    ] = None
    """
    (文档表格未列出，仅见于返回示例)

    Gender as a number (always 2 in known captures).

    Example-only: the page's example shows it, its table does not.
    """

    province: Annotated[
        WireText | None,
        Field(
            description="(文档表格未列出，仅见于返回示例)\n\nProvince.\n\nExample-only: the page's example shows it, its table does not."
        ),
    ] = None
    """
    (文档表格未列出，仅见于返回示例)

    Province.

    Example-only: the page's example shows it, its table does not.
    """

    city: Annotated[
        WireText | None,
        Field(
            description="(文档表格未列出，仅见于返回示例)\n\nCity.\n\nExample-only: the page's example shows it, its table does not."
        ),
    ] = None
    """
    (文档表格未列出，仅见于返回示例)

    City.

    Example-only: the page's example shows it, its table does not.
    """

    year: Annotated[
        WireInteger | None,
        Field(
            description='(文档表格未列出，仅见于返回示例)\n\nYear of birth.\n\nExample-only: the page\'s example shows it, its table does not.\n\nSent as a numeric string ("1") by design; typed as a number here.'
        ),
    ] = None
    """
    (文档表格未列出，仅见于返回示例)

    Year of birth.

    Example-only: the page's example shows it, its table does not.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    constellation: Annotated[
        WireText | None,
        Field(
            description="(文档表格未列出，仅见于返回示例)\n\nStar sign; often empty.\n\nExample-only: the page's example shows it, its table does not."
        ),
    ] = None
    """
    (文档表格未列出，仅见于返回示例)

    Star sign; often empty.

    Example-only: the page's example shows it, its table does not.
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

    figureurl_qq: Annotated[
        WireText | None,
        Field(
            description="(文档表格未列出，仅见于返回示例)\n\nQQ avatar, 640x640 px (newer answers). The URL embeds the app id and the openid.\n\nExample-only: the page's example shows it, its table does not."
        ),
    ] = None
    """
    (文档表格未列出，仅见于返回示例)

    QQ avatar, 640x640 px (newer answers). The URL embeds the app id and the openid.

    Example-only: the page's example shows it, its table does not.
    """

    figureurl_type: Annotated[
        WireInteger | None,
        Field(
            description='(文档表格未列出，仅见于返回示例)\n\nAvatar type.\n\nExample-only: the page\'s example shows it, its table does not.\n\nSent as a numeric string ("1") by design; typed as a number here.'
        ),
    ] = None
    """
    (文档表格未列出，仅见于返回示例)

    Avatar type.

    Example-only: the page's example shows it, its table does not.

    Sent as a numeric string ("1") by design; typed as a number here.
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

# Generated from spec/endpoints/get_simple_userinfo.yaml; do not edit, run `make generate`.
"""Typed result of /user/get_simple_userinfo: 获取登录用户的昵称、头像、性别及黄钻信息（移动端）。

The logged-in user's nickname, gender, avatars and yellow-diamond state, for mobile apps. Flags and levels come as numeric strings.
"""

from __future__ import annotations

from typing import ClassVar
from pydantic import Field
from .._result import Result
from .._convert import Flag

__all__ = ["SimpleUserInfo"]


class SimpleUserInfo(Result):
    """A successful answer of /user/get_simple_userinfo (ret == 0).

    The logged-in user's nickname, gender, avatars and yellow-diamond state, for mobile apps. Flags and levels come as numeric strings.

    Unknown fields are kept (``model_extra``); flags are bool, timestamps aware UTC datetimes with 0 as None.

    Fields (each one's whole description: ``model_fields[name].description``):
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

    HIDDEN_FIELDS: ClassVar[frozenset[str]] = frozenset({"figureurl", "figureurl_1", "figureurl_2", "figureurl_qq_1", "figureurl_qq_2"})

    msg: str = Field(description="如果ret<0，会有相应的错误信息提示，返回数据全部用UTF-8编码。\n\nError message; in practice also set for positive codes.")
    """如果ret<0，会有相应的错误信息提示，返回数据全部用UTF-8编码。

    Error message; in practice also set for positive codes.
    """

    nickname: str = Field(description="用户在QQ空间的昵称。\n\nThe user's Qzone nickname.")
    """用户在QQ空间的昵称。

    The user's Qzone nickname.
    """

    gender: str = Field(description="性别。 如果获取不到则默认返回\"男\"\n\nGender, \"男\" or \"女\" (男 when unknown).")
    """性别。 如果获取不到则默认返回"男"

    Gender, "男" or "女" (男 when unknown).
    """

    figureurl: str = Field(description="大小为30×30像素的QQ空间头像URL。\n\nQzone avatar, 30x30 px. The URL embeds the app id and the openid.")
    """大小为30×30像素的QQ空间头像URL。

    Qzone avatar, 30x30 px. The URL embeds the app id and the openid.
    """

    figureurl_1: str = Field(description="大小为50×50像素的QQ空间头像URL。\n\nQzone avatar, 50x50 px. The URL embeds the app id and the openid.")
    """大小为50×50像素的QQ空间头像URL。

    Qzone avatar, 50x50 px. The URL embeds the app id and the openid.
    """

    figureurl_2: str = Field(description="大小为100×100像素的QQ空间头像URL。\n\nQzone avatar, 100x100 px. The URL embeds the app id and the openid.")
    """大小为100×100像素的QQ空间头像URL。

    Qzone avatar, 100x100 px. The URL embeds the app id and the openid.
    """

    figureurl_qq_1: str = Field(description="大小为40×40像素的QQ头像URL。\n\nQQ avatar, 40x40 px. The URL embeds the app id and the openid.")
    """大小为40×40像素的QQ头像URL。

    QQ avatar, 40x40 px. The URL embeds the app id and the openid.
    """

    figureurl_qq_2: str | None = Field(default=None, description="大小为100×100像素的QQ头像URL。需要注意，不是所有的用户都拥有QQ的100x100的头像，但40x40像素则是一定会有。\n\nQQ avatar, 100x100 px; not every user has one (40x40 always exists).\n\nOptional: the page says it is sometimes absent.")
    """大小为100×100像素的QQ头像URL。需要注意，不是所有的用户都拥有QQ的100x100的头像，但40x40像素则是一定会有。

    QQ avatar, 100x100 px; not every user has one (40x40 always exists).

    Optional: the page says it is sometimes absent.
    """

    is_yellow_vip: Flag = Field(description="标识用户是否为黄钻用户（0：不是；1：是）\n\nWhether the user is a yellow-diamond member.\n\nSent as a numeric string (\"1\") by design; typed as a number here.")
    """标识用户是否为黄钻用户（0：不是；1：是）

    Whether the user is a yellow-diamond member.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    vip: Flag = Field(description="标识用户是否为黄钻用户（0：不是；1：是）\n\nWhether the user is a yellow-diamond member (the page's second flag for it).\n\nSent as a numeric string (\"1\") by design; typed as a number here.")
    """标识用户是否为黄钻用户（0：不是；1：是）

    Whether the user is a yellow-diamond member (the page's second flag for it).

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    yellow_vip_level: int | None = Field(default=None, description="黄钻等级\n\nYellow-diamond level; only for yellow-diamond users.\n\nOptional: the page says it is sometimes absent.\n\nSent as a numeric string (\"1\") by design; typed as a number here.")
    """黄钻等级

    Yellow-diamond level; only for yellow-diamond users.

    Optional: the page says it is sometimes absent.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    level: int = Field(description="黄钻等级\n\nYellow-diamond level.\n\nSent as a numeric string (\"1\") by design; typed as a number here.")
    """黄钻等级

    Yellow-diamond level.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

    is_yellow_year_vip: Flag = Field(description="标识是否为年费黄钻用户（0：不是；1：是）\n\nWhether the user is a yearly yellow-diamond member.\n\nSent as a numeric string (\"1\") by design; typed as a number here.")
    """标识是否为年费黄钻用户（0：不是；1：是）

    Whether the user is a yearly yellow-diamond member.

    Sent as a numeric string ("1") by design; typed as a number here.
    """

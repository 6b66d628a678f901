# Generated from spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""Typed result of /user/get_vip_info: 获取已登录用户的QQ会员信息。

Whether the logged-in user is a QQ member and a yearly QQ member.
"""

from __future__ import annotations

from pydantic import Field
from .._result import Result
from .._convert import Flag

__all__ = ["VipInfo"]


class VipInfo(Result):
    """A successful answer of /user/get_vip_info (ret == 0).

    Whether the logged-in user is a QQ member and a yearly QQ member.

    Unknown fields are kept (``model_extra``); flags are bool, timestamps aware UTC datetimes with 0 as None.

    Fields (each one's whole description: ``model_fields[name].description``):
        msg: Error message; in practice also set for positive codes. (如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码)
        is_qq_vip: Whether the user is a QQ member. (标识是否QQ会员(0:不是; 1:是))
        is_qq_year_vip: Whether the user is a yearly QQ member. (标识是否QQ年费会员(0:不是; 1:是))
        qq_vip_level: QQ membership level. ((文档表格未列出,仅见于返回示例))
    """

    msg: str = Field(description="如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码\n\nError message; in practice also set for positive codes.")
    """如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码

    Error message; in practice also set for positive codes.
    """

    is_qq_vip: Flag = Field(description="标识是否QQ会员(0:不是; 1:是)\n\nWhether the user is a QQ member.")
    """标识是否QQ会员(0:不是; 1:是)

    Whether the user is a QQ member.
    """

    is_qq_year_vip: Flag = Field(description="标识是否QQ年费会员(0:不是; 1:是)\n\nWhether the user is a yearly QQ member.")
    """标识是否QQ年费会员(0:不是; 1:是)

    Whether the user is a yearly QQ member.
    """

    qq_vip_level: int | None = Field(default=None, description="(文档表格未列出,仅见于返回示例)\n\nQQ membership level.\n\nExample-only: the page's example shows it, its table does not.")
    """(文档表格未列出,仅见于返回示例)

    QQ membership level.

    Example-only: the page's example shows it, its table does not.
    """

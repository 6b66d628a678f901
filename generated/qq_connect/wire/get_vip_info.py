# Generated from spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field
from qq_connect._wire import RetWireModel, WireFlag, WireInteger, WireNonNegative, WireText


class GetVipInfoWire(RetWireModel):
    """
    The raw /user/get_vip_info response, as sent on the wire.

    Fields (each one's whole description: ``model_fields[name].description``):
        ret: Return code; 0 is success, every other value is a failure. (返回码)
        msg: Error message; in practice also set for positive codes. (如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码)
        is_qq_vip: Whether the user is a QQ member. (标识是否QQ会员(0:不是; 1:是))
        is_qq_year_vip: Whether the user is a yearly QQ member. (标识是否QQ年费会员(0:不是; 1:是))
        qq_vip_level: QQ membership level. ((文档表格未列出,仅见于返回示例))
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
            description="如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码\n\nError message; in practice also set for positive codes."
        ),
    ]
    """
    如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码

    Error message; in practice also set for positive codes.
    """

    is_qq_vip: Annotated[
        WireFlag | None,
        Field(description="标识是否QQ会员(0:不是; 1:是)\n\nWhether the user is a QQ member."),
    ] = None
    """
    标识是否QQ会员(0:不是; 1:是)

    Whether the user is a QQ member.
    """

    is_qq_year_vip: Annotated[
        WireFlag | None,
        Field(description="标识是否QQ年费会员(0:不是; 1:是)\n\nWhether the user is a yearly QQ member."),
    ] = None
    """
    标识是否QQ年费会员(0:不是; 1:是)

    Whether the user is a yearly QQ member.
    """

    qq_vip_level: Annotated[
        WireNonNegative | None,
        Field(
            description="(文档表格未列出,仅见于返回示例)\n\nQQ membership level.\n\nExample-only: the page's example shows it, its table does not."
        ),
    ] = None
    """
    (文档表格未列出,仅见于返回示例)

    QQ membership level.

    Example-only: the page's example shows it, its table does not.
    """

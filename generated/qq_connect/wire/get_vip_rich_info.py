# Generated from spec/endpoints/get_vip_rich_info.yaml; do not edit, run `make generate`.

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field
from qq_connect._wire import RetWireModel, WireFlag, WireInteger, WireNonNegative, WireText


class GetVipRichInfoWire(RetWireModel):
    """
    The raw /user/get_vip_rich_info response, as sent on the wire.

    Fields (each one's whole description: ``model_fields[name].description``):
        ret: Return code; 0 is success, every other value is a failure. (返回码)
        msg: Error message; in practice also set for positive codes, and empty or "success" on success. (如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码)
        is_lost: 1 when part of the data was lost or degraded. ((文档表格未列出,仅见于返回示例))
        is_qq_vip: Whether the user is a QQ member. (标识是否QQ会员(0:不是; 1:是))
        is_qq_year_vip: Whether the user is a yearly QQ member. ((文档表格未列出,仅见于返回示例))
        qq_vip_level: QQ membership level. ((文档表格未列出,仅见于返回示例))
        qq_vip_start: When the QQ membership was last paid for. (QQ会员最后一次充值时间)
        qq_vip_end: When the QQ membership ends. (QQ会员期限)
        qq_vip_payway: How the QQ membership was last paid for. (QQ会员充值方式)
        qq_year_vip_start: When the yearly QQ membership was last paid for. (QQ年费会员最后一次充值时间)
        qq_year_vip_end: When the yearly QQ membership ends. (QQ年费会员期限)
        qq_year_vip_payway: How the yearly QQ membership was last paid for. (QQ年费会员充值方式)
        qq_zuanhuang_start: When the QQ Zuanhuang (diamond) membership was last paid for. (QQ钻皇最后一次充值时间)
        qq_zuanhuang_end: When the QQ Zuanhuang membership ends. (QQ钻皇期限)
        qq_zuanhuang_payway: How the QQ Zuanhuang membership was last paid for. (QQ钻皇充值方式)
        qq_haohua_start: When the deluxe QQ membership was last paid for. (豪华版QQ会员最后一次充值时间)
        qq_haohua_end: When the deluxe QQ membership ends. (豪华版QQ会员期限)
        qq_haohua_payway: How the deluxe QQ membership was last paid for. (豪华版QQ会员充值方式)
        qq_svip_start: When QQ SVIP was last paid for. (QQ SVIP最后一次充值时间,预留字段,当前信息无效)
        qq_svip_end: When QQ SVIP ends. (QQ SVIP期限,预留字段,当前信息无效)
        qq_svip_payway: How QQ SVIP was last paid for. (QQ SVIP充值方式,预留字段,当前信息无效)
        history_pay_time: When a non-member last paid in the past. (非会员历史充值时间,仅在用户是非会员时信息有效)
        history_end_time: When a non-member's past membership ended. (非会员历史充值到期时间,仅在用户是非会员时信息有效)
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
            description='如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码\n\nError message; in practice also set for positive codes, and empty or "success" on success.'
        ),
    ]
    """
    如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码

    Error message; in practice also set for positive codes, and empty or "success" on success.
    """

    is_lost: Annotated[
        WireFlag | None,
        Field(
            description="(文档表格未列出,仅见于返回示例)\n\n1 when part of the data was lost or degraded.\n\nExample-only: the page's example shows it, its table does not.\n\nis_lost = 1 means the data is degraded; do not cache it."
        ),
    ] = None
    """
    (文档表格未列出,仅见于返回示例)

    1 when part of the data was lost or degraded.

    Example-only: the page's example shows it, its table does not.

    is_lost = 1 means the data is degraded; do not cache it.
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
        Field(
            description="(文档表格未列出,仅见于返回示例)\n\nWhether the user is a yearly QQ member.\n\nExample-only: the page's example shows it, its table does not."
        ),
    ] = None
    """
    (文档表格未列出,仅见于返回示例)

    Whether the user is a yearly QQ member.

    Example-only: the page's example shows it, its table does not.
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

    qq_vip_start: Annotated[
        WireNonNegative | None,
        Field(description="QQ会员最后一次充值时间\n\nWhen the QQ membership was last paid for."),
    ] = None
    """
    QQ会员最后一次充值时间

    When the QQ membership was last paid for.
    """

    qq_vip_end: Annotated[
        WireNonNegative | None, Field(description="QQ会员期限\n\nWhen the QQ membership ends.")
    ] = None
    """
    QQ会员期限

    When the QQ membership ends.
    """

    qq_vip_payway: Annotated[
        WireInteger | None,
        Field(description="QQ会员充值方式\n\nHow the QQ membership was last paid for."),
    ] = None
    """
    QQ会员充值方式

    How the QQ membership was last paid for.
    """

    qq_year_vip_start: Annotated[
        WireNonNegative | None,
        Field(description="QQ年费会员最后一次充值时间\n\nWhen the yearly QQ membership was last paid for."),
    ] = None
    """
    QQ年费会员最后一次充值时间

    When the yearly QQ membership was last paid for.
    """

    qq_year_vip_end: Annotated[
        WireNonNegative | None, Field(description="QQ年费会员期限\n\nWhen the yearly QQ membership ends.")
    ] = None
    """
    QQ年费会员期限

    When the yearly QQ membership ends.
    """

    qq_year_vip_payway: Annotated[
        WireInteger | None,
        Field(description="QQ年费会员充值方式\n\nHow the yearly QQ membership was last paid for."),
    ] = None
    """
    QQ年费会员充值方式

    How the yearly QQ membership was last paid for.
    """

    qq_zuanhuang_start: Annotated[
        WireNonNegative | None,
        Field(
            description="QQ钻皇最后一次充值时间\n\nWhen the QQ Zuanhuang (diamond) membership was last paid for."
        ),
    ] = None
    """
    QQ钻皇最后一次充值时间

    When the QQ Zuanhuang (diamond) membership was last paid for.
    """

    qq_zuanhuang_end: Annotated[
        WireNonNegative | None,
        Field(description="QQ钻皇期限\n\nWhen the QQ Zuanhuang membership ends."),
    ] = None
    """
    QQ钻皇期限

    When the QQ Zuanhuang membership ends.
    """

    qq_zuanhuang_payway: Annotated[
        WireInteger | None,
        Field(description="QQ钻皇充值方式\n\nHow the QQ Zuanhuang membership was last paid for."),
    ] = None
    """
    QQ钻皇充值方式

    How the QQ Zuanhuang membership was last paid for.
    """

    qq_haohua_start: Annotated[
        WireNonNegative | None,
        Field(description="豪华版QQ会员最后一次充值时间\n\nWhen the deluxe QQ membership was last paid for."),
    ] = None
    """
    豪华版QQ会员最后一次充值时间

    When the deluxe QQ membership was last paid for.
    """

    qq_haohua_end: Annotated[
        WireNonNegative | None,
        Field(description="豪华版QQ会员期限\n\nWhen the deluxe QQ membership ends."),
    ] = None
    """
    豪华版QQ会员期限

    When the deluxe QQ membership ends.
    """

    qq_haohua_payway: Annotated[
        WireInteger | None,
        Field(description="豪华版QQ会员充值方式\n\nHow the deluxe QQ membership was last paid for."),
    ] = None
    """
    豪华版QQ会员充值方式

    How the deluxe QQ membership was last paid for.
    """

    qq_svip_start: Annotated[
        WireNonNegative | None,
        Field(
            description="QQ SVIP最后一次充值时间,预留字段,当前信息无效\n\nWhen QQ SVIP was last paid for.\n\nReserved field; its value is currently meaningless."
        ),
    ] = None
    """
    QQ SVIP最后一次充值时间,预留字段,当前信息无效

    When QQ SVIP was last paid for.

    Reserved field; its value is currently meaningless.
    """

    qq_svip_end: Annotated[
        WireNonNegative | None,
        Field(
            description="QQ SVIP期限,预留字段,当前信息无效\n\nWhen QQ SVIP ends.\n\nReserved field; its value is currently meaningless."
        ),
    ] = None
    """
    QQ SVIP期限,预留字段,当前信息无效

    When QQ SVIP ends.

    Reserved field; its value is currently meaningless.
    """

    qq_svip_payway: Annotated[
        WireInteger | None,
        Field(
            description="QQ SVIP充值方式,预留字段,当前信息无效\n\nHow QQ SVIP was last paid for.\n\nReserved field; its value is currently meaningless."
        ),
    ] = None
    """
    QQ SVIP充值方式,预留字段,当前信息无效

    How QQ SVIP was last paid for.

    Reserved field; its value is currently meaningless.
    """

    history_pay_time: Annotated[
        WireNonNegative | None,
        Field(
            description="非会员历史充值时间,仅在用户是非会员时信息有效\n\nWhen a non-member last paid in the past.\n\nOnly meaningful when the user is not a member."
        ),
    ] = None
    """
    非会员历史充值时间,仅在用户是非会员时信息有效

    When a non-member last paid in the past.

    Only meaningful when the user is not a member.
    """

    history_end_time: Annotated[
        WireNonNegative | None,
        Field(
            description="非会员历史充值到期时间,仅在用户是非会员时信息有效\n\nWhen a non-member's past membership ended.\n\nOnly meaningful when the user is not a member."
        ),
    ] = None
    """
    非会员历史充值到期时间,仅在用户是非会员时信息有效

    When a non-member's past membership ended.

    Only meaningful when the user is not a member.
    """

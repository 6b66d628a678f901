# Generated from spec/api.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""The endpoints of the spec, each with the models of its answer."""

from __future__ import annotations

from typing import Final

from ._response import Endpoint
from ._return_codes import RETURN_CODE_TABLE
from .models.get_vip_rich_info import VipRichInfo
from .wire.get_vip_rich_info import GetVipRichInfoWire
from .models.get_vip_info import VipInfo
from .wire.get_vip_info import GetVipInfoWire

__all__ = ["GET_VIP_RICH_INFO", "GET_VIP_INFO"]

GET_VIP_RICH_INFO: Final = Endpoint(
    name="get_vip_rich_info",
    path="/user/get_vip_rich_info",
    methods=("GET", "POST",),
    formats=("json", "xml",),
    wire_model=GetVipRichInfoWire,
    result_model=VipRichInfo,
    return_codes=RETURN_CODE_TABLE,
    xml_root="data",
)

GET_VIP_INFO: Final = Endpoint(
    name="get_vip_info",
    path="/user/get_vip_info",
    methods=("GET", "POST",),
    formats=("json", "xml",),
    wire_model=GetVipInfoWire,
    result_model=VipInfo,
    return_codes=RETURN_CODE_TABLE,
    xml_root="data",
)

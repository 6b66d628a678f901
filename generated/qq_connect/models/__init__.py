# Generated from spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""Typed results, one module per endpoint."""

from .get_vip_rich_info import VipRichInfo
from .get_vip_info import VipInfo

__all__ = ["VipInfo", "VipRichInfo"]

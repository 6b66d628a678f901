# Generated from spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""Raw wire models, one module per endpoint."""

from .get_vip_rich_info import GetVipRichInfoWire
from .get_vip_info import GetVipInfoWire

__all__ = ["GetVipInfoWire", "GetVipRichInfoWire"]

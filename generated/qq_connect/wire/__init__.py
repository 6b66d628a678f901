# Generated from spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml, spec/endpoints/exchange_code.yaml, spec/endpoints/refresh_access_token.yaml, spec/endpoints/get_openid.yaml, spec/endpoints/get_user_info.yaml, spec/endpoints/get_simple_userinfo.yaml; do not edit, run `make generate`.
"""Raw wire models, one module per endpoint."""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from .get_vip_rich_info import GetVipRichInfoWire
    from .get_vip_info import GetVipInfoWire
    from .exchange_code import ExchangeCodeWire
    from .refresh_access_token import RefreshAccessTokenWire
    from .get_openid import GetOpenidWire
    from .get_user_info import GetUserInfoWire
    from .get_simple_userinfo import GetSimpleUserinfoWire

# Each module builds its models when imported: an endpoint's first answer loads only its own.
__getattr__, __dir__ = lazy_attributes(__name__, {
    "GetVipRichInfoWire": ".get_vip_rich_info",
    "GetVipInfoWire": ".get_vip_info",
    "ExchangeCodeWire": ".exchange_code",
    "RefreshAccessTokenWire": ".refresh_access_token",
    "GetOpenidWire": ".get_openid",
    "GetUserInfoWire": ".get_user_info",
    "GetSimpleUserinfoWire": ".get_simple_userinfo",
})

__all__ = ["ExchangeCodeWire", "GetOpenidWire", "GetSimpleUserinfoWire", "GetUserInfoWire", "GetVipInfoWire", "GetVipRichInfoWire", "RefreshAccessTokenWire"]

# Generated from spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml, spec/endpoints/exchange_code.yaml, spec/endpoints/refresh_access_token.yaml, spec/endpoints/get_openid.yaml, spec/endpoints/get_user_info.yaml, spec/endpoints/get_simple_userinfo.yaml; do not edit, run `make generate`.
"""Raw wire models, one module per endpoint."""

from .get_vip_rich_info import GetVipRichInfoWire
from .get_vip_info import GetVipInfoWire
from .exchange_code import ExchangeCodeWire
from .refresh_access_token import RefreshAccessTokenWire
from .get_openid import GetOpenidWire
from .get_user_info import GetUserInfoWire
from .get_simple_userinfo import GetSimpleUserinfoWire

__all__ = ["ExchangeCodeWire", "GetOpenidWire", "GetSimpleUserinfoWire", "GetUserInfoWire", "GetVipInfoWire", "GetVipRichInfoWire", "RefreshAccessTokenWire"]

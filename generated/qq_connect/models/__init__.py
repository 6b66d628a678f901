# Generated from spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml, spec/endpoints/exchange_code.yaml, spec/endpoints/refresh_access_token.yaml, spec/endpoints/get_openid.yaml, spec/endpoints/get_user_info.yaml, spec/endpoints/get_simple_userinfo.yaml; do not edit, run `make generate`.
"""Typed results, one module per endpoint."""

from .get_vip_rich_info import VipRichInfo
from .get_vip_info import VipInfo
from .exchange_code import AccessToken
from .refresh_access_token import RefreshedToken
from .get_openid import OpenId
from .get_user_info import UserInfo
from .get_simple_userinfo import SimpleUserInfo

__all__ = ["AccessToken", "OpenId", "RefreshedToken", "SimpleUserInfo", "UserInfo", "VipInfo", "VipRichInfo"]

# Generated from spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml, spec/endpoints/exchange_code.yaml, spec/endpoints/refresh_access_token.yaml, spec/endpoints/get_openid.yaml, spec/endpoints/get_user_info.yaml, spec/endpoints/get_simple_userinfo.yaml; do not edit, run `make generate`.
"""Typed results, one module per endpoint."""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from .get_vip_rich_info import VipRichInfo
    from .get_vip_info import VipInfo
    from .exchange_code import AccessToken
    from .refresh_access_token import RefreshedToken
    from .get_openid import OpenId
    from .get_user_info import UserInfo
    from .get_simple_userinfo import SimpleUserInfo

# Each module builds its models when imported: an endpoint's first answer loads only its own.
__getattr__, __dir__ = lazy_attributes(__name__, {
    "VipRichInfo": ".get_vip_rich_info",
    "VipInfo": ".get_vip_info",
    "AccessToken": ".exchange_code",
    "RefreshedToken": ".refresh_access_token",
    "OpenId": ".get_openid",
    "UserInfo": ".get_user_info",
    "SimpleUserInfo": ".get_simple_userinfo",
})

__all__ = ["AccessToken", "OpenId", "RefreshedToken", "SimpleUserInfo", "UserInfo", "VipInfo", "VipRichInfo"]

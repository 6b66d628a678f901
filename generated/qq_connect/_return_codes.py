# Generated from spec/return_codes.yaml; do not edit, run `make generate`.
"""The public return codes (公共返回码说明) as data, and one ``ApiError`` subclass per category.

ApiError
    ├── TokenInvalidError            token_invalid
    ├── PermissionDeniedError        permission_denied
    ├── AppInvalidError              app_invalid
    ├── NotLoggedInError             not_logged_in
    ├── RateLimitedError             rate_limited
    ├── ServerBusyError              server_busy
    ├── AccountStateError            account_state
    ├── OAuthFlowError               oauth_flow
    ├── BadRequestError              bad_request
    ├── ServerError                  server_error
    ├── UnknownApiError              unknown
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ._codes import ReturnCode, ReturnCodeTable
from ._errors import ApiError

__all__ = [
    "TokenInvalidError",
    "PermissionDeniedError",
    "AppInvalidError",
    "NotLoggedInError",
    "RateLimitedError",
    "ServerBusyError",
    "AccountStateError",
    "OAuthFlowError",
    "BadRequestError",
    "ServerError",
    "UnknownApiError",
    "RETURN_CODES",
    "RETURN_CODE_TABLE",
    "describe",
    "error_for",
]


class TokenInvalidError(ApiError):
    """The access token (or refresh token) expired, was revoked or is invalid; send the user through login again."""

    category = "token_invalid"
    retryable = False


class PermissionDeniedError(ApiError):
    """The user did not grant the scope, or the app lacks the OpenAPI permission."""

    category = "permission_denied"
    retryable = False


class AppInvalidError(ApiError):
    """The appid or appkey is unknown, invalid, paused or not approved."""

    category = "app_invalid"
    retryable = False


class NotLoggedInError(ApiError):
    """The user has no login state."""

    category = "not_logged_in"
    retryable = False


class RateLimitedError(ApiError):
    """A frequency limit was hit; slow down."""

    category = "rate_limited"
    retryable = False


class ServerBusyError(ApiError):
    """The server is busy or overloaded; retrying later may succeed."""

    category = "server_busy"
    retryable = True


class AccountStateError(ApiError):
    """The user's account cannot do this (frozen, no balance, service not opened)."""

    category = "account_state"
    retryable = False


class OAuthFlowError(ApiError):
    """A step of the OAuth 2.0 login flow failed."""

    category = "oauth_flow"
    retryable = False


class BadRequestError(ApiError):
    """The request is malformed (missing or invalid parameters, protocol, signature)."""

    category = "bad_request"
    retryable = False


class ServerError(ApiError):
    """An internal error on Tencent's side."""

    category = "server_error"
    retryable = False


class UnknownApiError(ApiError):
    """A code that no table lists; ret and msg are kept as they came."""

    category = "unknown"
    retryable = False


RETURN_CODES: Final[Mapping[int, ReturnCode]] = {
    -73: ReturnCode(-73, "gateway", "access token改密失效", "token_invalid"),
    -72: ReturnCode(-72, "gateway", "appkey和权限tmem中的appkey不一致", "app_invalid"),
    -71: ReturnCode(-71, "gateway", "openid和openkey不匹配", "token_invalid"),
    -70: ReturnCode(-70, "gateway", "验证openkey时appid非法", "app_invalid"),
    -65: ReturnCode(-65, "gateway", "系统繁忙导致的连接超时", "server_busy"),
    -64: ReturnCode(-64, "gateway", "openid或者openkey不合法", "token_invalid"),
    -26: ReturnCode(-26, "gateway", "重复的nonce", "bad_request"),
    -25: ReturnCode(-25, "gateway", "timestamp与系统时间相差超过10分钟", "bad_request"),
    -24: ReturnCode(-24, "gateway", "openid openkey验证失败", "token_invalid"),
    -23: ReturnCode(-23, "gateway", "openkey非法", "token_invalid"),
    -22: ReturnCode(-22, "gateway", "openid非法", "bad_request"),
    -21: ReturnCode(-21, "gateway", "access_token已废除", "token_invalid"),
    -20: ReturnCode(-20, "gateway", "api未经用户授权", "permission_denied"),
    -12: ReturnCode(-12, "gateway", "测试环境调试号码受限", "permission_denied"),
    -11: ReturnCode(-11, "gateway", "外网ip不允许", "permission_denied"),
    -10: ReturnCode(-10, "gateway", "内网ip不允许", "permission_denied"),
    -9: ReturnCode(-9, "gateway", "API不存在", "bad_request"),
    -8: ReturnCode(-8, "gateway", "请求受限(安全审计)", "bad_request"),
    -7: ReturnCode(-7, "gateway", "协议不合法(须https)", "bad_request"),
    -6: ReturnCode(-6, "gateway", "访问频率超限", "rate_limited"),
    -5: ReturnCode(-5, "gateway", "签名参数sig校验失败", "bad_request"),
    -4: ReturnCode(-4, "gateway", "IP没有权限", "permission_denied"),
    -3: ReturnCode(-3, "gateway", "无API访问权限", "permission_denied"),
    -2: ReturnCode(-2, "gateway", "请求中的appid不存在", "app_invalid"),
    -1: ReturnCode(-1, "gateway", "请求参数无效", "bad_request"),
    1: ReturnCode(1, "openapi", "请求参数错误", "bad_request"),
    2: ReturnCode(2, "openapi", "用户没有开通对应的平台", "account_state"),
    1000: ReturnCode(1000, "openapi", "非法操作", "bad_request"),
    1001: ReturnCode(1001, "openapi", "服务器繁忙", "server_busy"),
    1002: ReturnCode(1002, "openapi", "用户没有登录态", "not_logged_in"),
    1003: ReturnCode(1003, "openapi", "帐户被冻结", "account_state"),
    1004: ReturnCode(1004, "openapi", "帐户余额不足", "account_state"),
    1005: ReturnCode(1005, "openapi", "用户没有开通腾讯朋友", "account_state"),
    1006: ReturnCode(1006, "openapi", "用户没有开通QQ空间", "account_state"),
    1059: ReturnCode(1059, "openapi", "TOKEN超时", "token_invalid"),
    1060: ReturnCode(1060, "openapi", "订单已回滚/已确认", "account_state"),
    1099: ReturnCode(1099, "openapi", "系统繁忙", "server_busy"),
    1100: ReturnCode(1100, "openapi", "cdkey不存在", "account_state"),
    1101: ReturnCode(1101, "openapi", "用户和cdkey不存在绑定关系或礼品赠送完毕", "account_state"),
    1102: ReturnCode(1102, "openapi", "参加活动受限", "account_state"),
    1300: ReturnCode(1300, "openapi", "多区选服页面登录验证失败", "account_state"),
    13002: ReturnCode(13002, "observed", "get qq info err", "server_error"),
    100000: ReturnCode(100000, "oauth", "缺少参数response_type或非法", "bad_request"),
    100001: ReturnCode(100001, "oauth", "缺少参数client_id", "bad_request"),
    100002: ReturnCode(100002, "oauth", "缺少参数client_secret", "bad_request"),
    100003: ReturnCode(100003, "oauth", "http head中缺少Authorization", "bad_request"),
    100004: ReturnCode(100004, "oauth", "缺少参数grant_type或非法", "bad_request"),
    100005: ReturnCode(100005, "oauth", "缺少参数code", "bad_request"),
    100006: ReturnCode(100006, "oauth", "缺少refresh token", "bad_request"),
    100007: ReturnCode(100007, "oauth", "缺少access token", "bad_request"),
    100008: ReturnCode(100008, "oauth", "该appid不存在", "app_invalid"),
    100009: ReturnCode(100009, "oauth", "client_secret(即appkey)非法", "app_invalid"),
    100010: ReturnCode(100010, "oauth", "回调地址不合法", "oauth_flow"),
    100011: ReturnCode(100011, "oauth", "APP不处于上线状态", "app_invalid"),
    100012: ReturnCode(100012, "oauth", "HTTP请求非post方式", "bad_request"),
    100013: ReturnCode(100013, "oauth", "access token失效", "token_invalid"),
    100014: ReturnCode(100014, "oauth", "access token过期", "token_invalid"),
    100015: ReturnCode(100015, "oauth", "access token废除", "token_invalid"),
    100016: ReturnCode(100016, "oauth", "access token验证失败", "token_invalid"),
    100017: ReturnCode(100017, "oauth", "获取appid失败", "app_invalid"),
    100018: ReturnCode(100018, "oauth", "获取code值失败", "oauth_flow"),
    100019: ReturnCode(100019, "oauth", "用code换取access token值失败", "oauth_flow"),
    100020: ReturnCode(100020, "oauth", "code被重复使用", "oauth_flow"),
    100021: ReturnCode(100021, "oauth", "获取access token值失败", "oauth_flow"),
    100022: ReturnCode(100022, "oauth", "获取refresh token值失败", "oauth_flow"),
    100023: ReturnCode(100023, "oauth", "获取app具有的权限列表失败", "permission_denied"),
    100024: ReturnCode(100024, "oauth", "获取某OpenID对某appid的权限列表失败", "permission_denied"),
    100025: ReturnCode(100025, "oauth", "获取全量api信息、全量分组信息", "oauth_flow"),
    100026: ReturnCode(100026, "oauth", "设置用户对某app授权api列表失败", "oauth_flow"),
    100027: ReturnCode(100027, "oauth", "设置用户对某app授权时间失败", "oauth_flow"),
    100028: ReturnCode(100028, "oauth", "缺少参数which", "bad_request"),
    100029: ReturnCode(100029, "oauth", "错误的http请求", "bad_request"),
    100030: ReturnCode(100030, "oauth", "用户没有对该api进行授权(重新走授权流程)", "permission_denied"),
    100031: ReturnCode(100031, "oauth", "第三方应用没有对该api操作的权限", "permission_denied"),
    100032: ReturnCode(100032, "oauth", "过载", "server_busy"),
    100033: ReturnCode(100033, "oauth", "缺少UIN参数", "bad_request"),
    100034: ReturnCode(100034, "oauth", "缺少skey参数", "bad_request"),
    100035: ReturnCode(100035, "oauth", "用户未登陆", "not_logged_in"),
    100036: ReturnCode(100036, "oauth", "RefreshToken失效", "token_invalid"),
    100037: ReturnCode(100037, "oauth", "RefreshToken已过期", "token_invalid"),
    100038: ReturnCode(100038, "oauth", "RefreshToken已废除", "token_invalid"),
    100039: ReturnCode(100039, "oauth", "RefreshToken到达调用上限", "rate_limited"),
    100040: ReturnCode(100040, "oauth", "RefreshToken的AppKey非法", "token_invalid"),
    100041: ReturnCode(100041, "oauth", "RefreshToken,AppID非法", "token_invalid"),
    100042: ReturnCode(100042, "oauth", "RefreshToken非法", "token_invalid"),
    100043: ReturnCode(100043, "oauth", "APP处于暂停状态", "app_invalid"),
    100044: ReturnCode(100044, "oauth", "错误的sign", "bad_request"),
    100045: ReturnCode(100045, "oauth", "用户改密token失效", "token_invalid"),
    100046: ReturnCode(100046, "oauth", "g_tk校验失败", "not_logged_in"),
    100048: ReturnCode(100048, "oauth", "没有设置companyID", "oauth_flow"),
    100049: ReturnCode(100049, "oauth", "APPID没有权限(get_unionid)", "permission_denied"),
    100050: ReturnCode(100050, "oauth", "OPENID解密失败", "bad_request"),
    100051: ReturnCode(100051, "oauth", "调试模式无权限", "permission_denied"),
    100052: ReturnCode(100052, "oauth", "APPID没有权限获取paytoken和openid", "permission_denied"),
    100053: ReturnCode(100053, "oauth", "ip没有权限获取用户登录信息", "permission_denied"),
    100054: ReturnCode(100054, "oauth", "查询用户近期登录记录时缺少uin参数", "bad_request"),
    100055: ReturnCode(100055, "oauth", "查询用户授权信息失败", "oauth_flow"),
    100056: ReturnCode(100056, "oauth", "该用户近期没有授权记录", "oauth_flow"),
    100057: ReturnCode(100057, "oauth", "APPID没有使用skey换code或token的权限", "permission_denied"),
    100058: ReturnCode(100058, "oauth", "openid非法", "bad_request"),
    100059: ReturnCode(100059, "oauth", "ip没有权限使用接口", "permission_denied"),
    100060: ReturnCode(100060, "oauth", "禁止登录", "account_state"),
    100061: ReturnCode(100061, "oauth", "非法apptoken", "app_invalid"),
    100062: ReturnCode(100062, "oauth", "应用频率限制", "rate_limited"),
    100063: ReturnCode(100063, "oauth", "获取openid失败", "oauth_flow"),
    100065: ReturnCode(100065, "oauth", "获取delegatetoken失败", "oauth_flow"),
    100066: ReturnCode(100066, "oauth", "没有权限获取delegatetoken", "permission_denied"),
    100067: ReturnCode(100067, "oauth", "code过期", "oauth_flow"),
    100068: ReturnCode(100068, "oauth", "非法code", "oauth_flow"),
    110401: ReturnCode(110401, "oauth", "请求的应用不存在", "app_invalid"),
    110404: ReturnCode(110404, "oauth", "请求参数缺少appid", "app_invalid"),
    110405: ReturnCode(110405, "oauth", "登录请求被限制", "rate_limited"),
    110406: ReturnCode(110406, "oauth", "应用没有通过审核", "app_invalid"),
    110500: ReturnCode(110500, "oauth", "获取用户授权信息失败", "oauth_flow"),
    110501: ReturnCode(110501, "oauth", "获取应用的授权信息失败", "oauth_flow"),
    110502: ReturnCode(110502, "oauth", "设置用户授权失败", "oauth_flow"),
    110503: ReturnCode(110503, "oauth", "获取token失败", "oauth_flow"),
    110504: ReturnCode(110504, "oauth", "系统内部错误", "server_error"),
    110505: ReturnCode(110505, "oauth", "参数错误", "bad_request"),
    110506: ReturnCode(110506, "oauth", "获取APP info信息失败", "oauth_flow"),
    110507: ReturnCode(110507, "oauth", "校验APP info签名信息失败", "oauth_flow"),
    110508: ReturnCode(110508, "oauth", "获取code失败", "oauth_flow"),
    110509: ReturnCode(110509, "oauth", "SKEY校验失败", "not_logged_in"),
    110510: ReturnCode(110510, "oauth", "Disable", "oauth_flow"),
}
RETURN_CODE_TABLE: Final = ReturnCodeTable(
    codes=RETURN_CODES,
    errors={
        "token_invalid": TokenInvalidError,
        "permission_denied": PermissionDeniedError,
        "app_invalid": AppInvalidError,
        "not_logged_in": NotLoggedInError,
        "rate_limited": RateLimitedError,
        "server_busy": ServerBusyError,
        "account_state": AccountStateError,
        "oauth_flow": OAuthFlowError,
        "bad_request": BadRequestError,
        "server_error": ServerError,
        "unknown": UnknownApiError,
    },
    unknown_category="unknown",
)
describe = RETURN_CODE_TABLE.describe
error_for = RETURN_CODE_TABLE.error_for

# Generated from spec/api.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml, spec/endpoints/exchange_code.yaml, spec/endpoints/refresh_access_token.yaml, spec/endpoints/get_openid.yaml, spec/endpoints/get_user_info.yaml, spec/endpoints/get_simple_userinfo.yaml; do not edit, run `make generate`.
"""What the mock graph.qq.com answers: every endpoint's examples, as the spec stores them.

By endpoint, the fixed parameters that tell it apart at a shared path and its example
bodies by name and encoding. Which examples are failures the mock reads with the
endpoint's own parser; error answers take their meanings from ``RETURN_CODE_TABLE``.
"""

from __future__ import annotations

from typing import Final

from .._client import SERVICE
from ..endpoints import GET_VIP_RICH_INFO, GET_VIP_INFO, EXCHANGE_CODE, REFRESH_ACCESS_TOKEN, GET_OPENID, GET_USER_INFO, GET_SIMPLE_USERINFO
from ._graph import Canned, CannedEndpoint, Example

__all__ = ["CANNED"]

CANNED: Final = Canned(
    endpoints=(
        CannedEndpoint(
            GET_VIP_RICH_INFO,
            fixed=(),
            examples=(
                Example("success", "json", (
                    b'{\n'
                    b'"ret": 0,\n'
                    b'"msg": "",\n'
                    b'"is_lost": 0,\n'
                    b'"is_qq_vip": 1,\n'
                    b'"is_qq_year_vip": 0,\n'
                    b'"qq_vip_level": 5,\n'
                    b'"qq_vip_start": 1313974842,\n'
                    b'"qq_vip_end": 1359507642,\n'
                    b'"qq_vip_payway": 111,\n'
                    b'"qq_year_vip_start": 1326771509,\n'
                    b'"qq_year_vip_end": 1358912309,\n'
                    b'"qq_year_vip_payway": 0,\n'
                    b'"qq_zuanhuang_start": 0,\n'
                    b'"qq_zuanhuang_end": 0,\n'
                    b'"qq_zuanhuang_payway": 0,\n'
                    b'"qq_haohua_start": 0,\n'
                    b'"qq_haohua_end": 0,\n'
                    b'"qq_haohua_payway": 0,\n'
                    b'"qq_svip_start": 0,\n'
                    b'"qq_svip_end": 0,\n'
                    b'"qq_svip_payway": 0,\n'
                    b'"history_pay_time": 0,\n'
                    b'"history_end_time": 0\n'
                    b'}\n'
                )),
                Example("success", "xml", (
                    b'<?xml version="1.0" encoding="UTF-8"?>\n'
                    b'<data>\n'
                    b'<ret>0</ret>\n'
                    b'<msg></msg>\n'
                    b'<is_lost>0</is_lost>\n'
                    b'<is_qq_vip>1</is_qq_vip>\n'
                    b'<is_qq_year_vip>0</is_qq_year_vip>\n'
                    b'<qq_vip_level>5</qq_vip_level>\n'
                    b'<qq_vip_start>1313974842</qq_vip_start>\n'
                    b'<qq_vip_end>1359507642</qq_vip_end>\n'
                    b'<qq_vip_payway>111</qq_vip_payway>\n'
                    b'<qq_year_vip_start>1326771509</qq_year_vip_start>\n'
                    b'<qq_year_vip_end>1358912309</qq_year_vip_end>\n'
                    b'<qq_year_vip_payway>0</qq_year_vip_payway>\n'
                    b'<qq_zuanhuang_start>0</qq_zuanhuang_start>\n'
                    b'<qq_zuanhuang_end>0</qq_zuanhuang_end>\n'
                    b'<qq_zuanhuang_payway>0</qq_zuanhuang_payway>\n'
                    b'<qq_haohua_start>0</qq_haohua_start>\n'
                    b'<qq_haohua_end>0</qq_haohua_end>\n'
                    b'<qq_haohua_payway>0</qq_haohua_payway>\n'
                    b'<qq_svip_start>0</qq_svip_start>\n'
                    b'<qq_svip_end>0</qq_svip_end>\n'
                    b'<qq_svip_payway>0</qq_svip_payway>\n'
                    b'<history_pay_time>0</history_pay_time>\n'
                    b'<history_end_time>0</history_end_time>\n'
                    b'</data>\n'
                )),
                Example("not_logged_in", "json", (
                    b'{\n'
                    b'"ret":1002,\n'
                    b'"msg":"\xe8\xaf\xb7\xe5\x85\x88\xe7\x99\xbb\xe5\xbd\x95"\n'
                    b'}\n'
                )),
            ),
        ),
        CannedEndpoint(
            GET_VIP_INFO,
            fixed=(),
            examples=(
                Example("success", "json", (
                    b'{\n'
                    b'"ret": 0,\n'
                    b'"msg": "",\n'
                    b'"is_qq_vip": 1,\n'
                    b'"is_qq_year_vip": 1,\n'
                    b'"qq_vip_level": 5\n'
                    b'}\n'
                )),
                Example("success", "xml", (
                    b'<?xml version="1.0" encoding="UTF-8"?>\n'
                    b'<data>\n'
                    b'<ret>0</ret>\n'
                    b'<msg></msg>\n'
                    b'<is_qq_vip>1</is_qq_vip>\n'
                    b'<is_qq_year_vip>1</is_qq_year_vip>\n'
                    b'<qq_vip_level>5</qq_vip_level>\n'
                    b'</data>\n'
                )),
                Example("not_logged_in", "json", (
                    b'{\n'
                    b'"ret":1002,\n'
                    b'"msg":"\xe8\xaf\xb7\xe5\x85\x88\xe7\x99\xbb\xe5\xbd\x95"\n'
                    b'}\n'
                )),
            ),
        ),
        CannedEndpoint(
            EXCHANGE_CODE,
            fixed=(("grant_type", "authorization_code"),),
            examples=(
                Example("success", "form", (
                    b'access_token=FE04************************CCE2&expires_in=7776000&refresh_token=88E4************************BE14'
                )),
                Example("success", "json", (
                    b'{"access_token":"FE04************************CCE2","expires_in":"7776000","refresh_token":"88E4************************BE14"}\n'
                )),
                Example("code_to_token_error", "jsonp", (
                    b'callback( {"error":100019,"error_description":"code to access token error"} );\n'
                )),
            ),
        ),
        CannedEndpoint(
            REFRESH_ACCESS_TOKEN,
            fixed=(("grant_type", "refresh_token"),),
            examples=(
                Example("success", "form", (
                    b'access_token=A1B2************************C3D4&expires_in=7776000&refresh_token=E5F6************************A7B8'
                )),
                Example("success", "json", (
                    b'{"access_token":"A1B2************************C3D4","expires_in":"7776000","refresh_token":"E5F6************************A7B8"}\n'
                )),
                Example("refresh_token_invalid", "jsonp", (
                    b'callback( {"error":100042,"error_description":"refresh token is illegal"} );\n'
                )),
            ),
        ),
        CannedEndpoint(
            GET_OPENID,
            fixed=(),
            examples=(
                Example("success", "jsonp", (
                    b'callback( {"client_id":"101364207","openid":"805CFCB3AFEA40CA7CE4B6D8A8668793"} );\n'
                )),
                Example("with_unionid", "jsonp", (
                    b'callback( {"client_id":"101364207","openid":"805CFCB3AFEA40CA7CE4B6D8A8668793","unionid":"UID_9A3B6E1C47D2F08A5B61C9E4D3F27A01"} );\n'
                )),
                Example("success", "json", (
                    b'{"client_id":"101364207","openid":"805CFCB3AFEA40CA7CE4B6D8A8668793"}\n'
                )),
                Example("token_illegal", "jsonp", (
                    b'callback( {"error":100013,"error_description":"access token is illegal"} );\n'
                )),
                Example("companyid_not_set", "jsonp", (
                    b'callback( {"error":100048,"error_description":"companyid not set"} );\n'
                )),
            ),
        ),
        CannedEndpoint(
            GET_USER_INFO,
            fixed=(),
            examples=(
                Example("success", "json", (
                    b'{\n'
                    b'"ret": 0,\n'
                    b'"msg": "",\n'
                    b'"is_lost":0,\n'
                    b'"nickname": "\\u5c0f\\u660e Peter",\n'
                    b'"gender": "\\u7537",\n'
                    b'"gender_type": 2,\n'
                    b'"province": "\\u5e7f\\u4e1c",\n'
                    b'"city": "\\u6df1\\u5733",\n'
                    b'"year": "1990",\n'
                    b'"constellation": "",\n'
                    b'"figureurl": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/30",\n'
                    b'"figureurl_1": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/50",\n'
                    b'"figureurl_2": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/100",\n'
                    b'"figureurl_qq_1": "http:\\/\\/thirdqq.qlogo.cn\\/g?b=oidb&k=0AbCdEfGhIjK&s=40&t=1557000000",\n'
                    b'"figureurl_qq_2": "http:\\/\\/thirdqq.qlogo.cn\\/g?b=oidb&k=0AbCdEfGhIjK&s=100&t=1557000000",\n'
                    b'"figureurl_qq": "http:\\/\\/thirdqq.qlogo.cn\\/g?b=oidb&k=0AbCdEfGhIjK&s=640&t=1557000000",\n'
                    b'"figureurl_type": "1",\n'
                    b'"is_yellow_vip": "0",\n'
                    b'"vip": "0",\n'
                    b'"yellow_vip_level": "0",\n'
                    b'"level": "0",\n'
                    b'"is_yellow_year_vip": "0"\n'
                    b'}\n'
                )),
                Example("not_approved", "json", (
                    b'{\n'
                    b'"ret": 0,\n'
                    b'"msg": "",\n'
                    b'"is_lost":0,\n'
                    b'"nickname": "qzuser",\n'
                    b'"gender": "\\u7537",\n'
                    b'"gender_type": 2,\n'
                    b'"province": "",\n'
                    b'"city": "",\n'
                    b'"year": "0",\n'
                    b'"constellation": "",\n'
                    b'"figureurl": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/111111\\/942FEA70050EEAFBD4DCE2C1FC775E56\\/30",\n'
                    b'"figureurl_1": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/111111\\/942FEA70050EEAFBD4DCE2C1FC775E56\\/50",\n'
                    b'"figureurl_2": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/111111\\/942FEA70050EEAFBD4DCE2C1FC775E56\\/100",\n'
                    b'"figureurl_qq_1": "http:\\/\\/q.qlogo.cn\\/qqapp\\/111111\\/942FEA70050EEAFBD4DCE2C1FC775E56\\/40",\n'
                    b'"figureurl_qq_2": "http:\\/\\/q.qlogo.cn\\/qqapp\\/111111\\/942FEA70050EEAFBD4DCE2C1FC775E56\\/100",\n'
                    b'"figureurl_qq": "http:\\/\\/q.qlogo.cn\\/qqapp\\/111111\\/942FEA70050EEAFBD4DCE2C1FC775E56\\/640",\n'
                    b'"figureurl_type": "1",\n'
                    b'"is_yellow_vip": "0",\n'
                    b'"vip": "0",\n'
                    b'"yellow_vip_level": "0",\n'
                    b'"level": "0",\n'
                    b'"is_yellow_year_vip": "0"\n'
                    b'}\n'
                )),
                Example("codec_error", "json", (
                    b'{"ret": 1, "msg": "service codec Unmarshal: 1 error(s) decoding: oauth_consumer_key expected type uint64, got unconvertible type []string"}\n'
                )),
            ),
        ),
        CannedEndpoint(
            GET_SIMPLE_USERINFO,
            fixed=(),
            examples=(
                Example("success", "json", (
                    b'{\n'
                    b'"ret": 0,\n'
                    b'"msg": "",\n'
                    b'"nickname": "\\u5c0f\\u660e Peter",\n'
                    b'"gender": "\\u7537",\n'
                    b'"figureurl": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/30",\n'
                    b'"figureurl_1": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/50",\n'
                    b'"figureurl_2": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/100",\n'
                    b'"figureurl_qq_1": "http:\\/\\/q.qlogo.cn\\/qqapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/40",\n'
                    b'"figureurl_qq_2": "http:\\/\\/q.qlogo.cn\\/qqapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/100",\n'
                    b'"is_yellow_vip": "0",\n'
                    b'"vip": "0",\n'
                    b'"level": "0",\n'
                    b'"is_yellow_year_vip": "0"\n'
                    b'}\n'
                )),
                Example("yellow_vip", "json", (
                    b'{\n'
                    b'"ret": 0,\n'
                    b'"msg": "",\n'
                    b'"nickname": "\\u5c0f\\u7ea2",\n'
                    b'"gender": "\\u5973",\n'
                    b'"figureurl": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/30",\n'
                    b'"figureurl_1": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/50",\n'
                    b'"figureurl_2": "http:\\/\\/qzapp.qlogo.cn\\/qzapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/100",\n'
                    b'"figureurl_qq_1": "http:\\/\\/q.qlogo.cn\\/qqapp\\/101364207\\/805CFCB3AFEA40CA7CE4B6D8A8668793\\/40",\n'
                    b'"is_yellow_vip": "1",\n'
                    b'"vip": "1",\n'
                    b'"yellow_vip_level": "7",\n'
                    b'"level": "7",\n'
                    b'"is_yellow_year_vip": "1"\n'
                    b'}\n'
                )),
                Example("token_illegal", "json", (
                    b'{"ret":100013,"msg":"access token is illegal"}\n'
                )),
            ),
        ),
    ),
    secret_parameters=SERVICE.secret_parameters,
    content_type="text/html; charset=utf-8",
)

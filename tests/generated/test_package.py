"""The generated package as the spec makes it: results, conversions, the error table."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

import qq_connect
from qq_connect import Payway, VipInfo, VipRichInfo, endpoints

ROOT = Path(__file__).resolve().parents[2]
SUCCESS = (ROOT / "spec/examples/get_vip_rich_info/success.json").read_bytes()


def test_conveniences() -> None:
    result = endpoints.GET_VIP_RICH_INFO.parse(SUCCESS)
    assert result.is_qq_vip is True and result.is_qq_year_vip is False
    assert result.qq_vip_start == datetime(2011, 8, 22, 1, 0, 42, tzinfo=UTC)
    assert result.qq_zuanhuang_start is None  # 0 means none
    assert result.qq_vip_payway == Payway(111, "Q点", True)
    assert result.qq_year_vip_payway is None  # payway 0 means none
    assert Payway.from_code(104) == Payway(104, "索要", True)
    assert Payway.from_code(110) == Payway(110, "索要", True)
    assert Payway.from_code(4242) == Payway(4242, "其他渠道", False)


def test_unknown_fields_are_kept_and_results_are_frozen() -> None:
    body = SUCCESS.replace(b'"ret": 0,', b'"ret": 0, "new_field": [1, 2],')
    result = endpoints.GET_VIP_RICH_INFO.parse(body)
    assert result.model_extra == {"new_field": [1, 2]}
    with pytest.raises(ValidationError):
        result.is_qq_vip = False  # type: ignore[misc]


def test_timestamps_out_of_range_name_the_field() -> None:
    body = SUCCESS.replace(b"1359507642", b"99999999999999999")
    with pytest.raises(qq_connect.ResponseValidationError) as raised:
        endpoints.GET_VIP_RICH_INFO.parse(body)
    assert list(raised.value.problems) == ["qq_vip_end"]
    assert "outside the range of dates" in str(raised.value)


def test_bad_xml_value_names_the_element() -> None:
    body = b"<data><ret>0</ret><msg></msg><is_qq_vip>yes</is_qq_vip><is_qq_year_vip>0" \
           b"</is_qq_year_vip></data>"
    with pytest.raises(qq_connect.ResponseValidationError) as raised:
        endpoints.GET_VIP_INFO.parse(body)
    assert list(raised.value.problems) == ["is_qq_vip"]
    assert "'is_qq_vip'" in str(raised.value)


def test_malformed_xml_is_a_decode_error() -> None:
    with pytest.raises(qq_connect.DecodeError, match="unusable XML"):
        endpoints.GET_VIP_INFO.parse(b"<data><ret>0</data>")


@pytest.mark.parametrize("ret, error_class, category", [
    (1002, qq_connect.NotLoggedInError, "not_logged_in"),
    (100030, qq_connect.PermissionDeniedError, "permission_denied"),
    (100014, qq_connect.TokenInvalidError, "token_invalid"),
    (-73, qq_connect.TokenInvalidError, "token_invalid"),
    (1001, qq_connect.ServerBusyError, "server_busy"),
    (-6, qq_connect.RateLimitedError, "rate_limited"),
    (1, qq_connect.BadRequestError, "bad_request"),
    (424242, qq_connect.UnknownApiError, "unknown"),
])
def test_error_for_is_table_driven(ret: int, error_class: type[qq_connect.ApiError],
                                   category: str) -> None:
    error = qq_connect.error_for("get_vip_info", ret, "m")
    assert type(error) is error_class
    assert (error.ret, error.msg, error.category, error.endpoint) == (ret, "m", category,
                                                                      "get_vip_info")
    assert error.retryable is (category == "server_busy")
    assert error.meaning == qq_connect.describe(ret).meaning
    assert isinstance(error, qq_connect.QQConnectError)


def test_every_return_code_maps_to_its_category_class() -> None:
    for code, row in qq_connect.RETURN_CODES.items():
        assert qq_connect.error_for("e", code, "").category == row.category


def test_public_names() -> None:
    assert sorted(qq_connect.__all__) == qq_connect.__all__
    for name in qq_connect.__all__:
        assert hasattr(qq_connect, name), name
    assert {"QQConnect", "VipRichInfo", "VipInfo", "Payway", "ApiError"} <= set(qq_connect.__all__)
    assert VipInfo.model_fields.keys() == {"msg", "is_qq_vip", "is_qq_year_vip", "qq_vip_level"}
    assert "ret" not in VipRichInfo.model_fields

"""The generated package's runtime pieces, one behaviour at a time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from xml.parsers import expat

import pytest
from pydantic import BaseModel, ValidationError

import qq_connect
from qq_connect import Payway, VipInfo, VipRichInfo, endpoints
from qq_connect._request import encode_parameters, encode_rfc1738
from qq_connect._wire import WireFlag, WireInteger, WireNonNegative, WireText
from qq_connect._xml import XMLRefused, parse_xml

ROOT = Path(__file__).resolve().parents[2]
SUCCESS = (ROOT / "spec/examples/get_vip_rich_info/success.json").read_bytes()


class Probe(BaseModel):
    integer: WireInteger | None = None
    non_negative: WireNonNegative | None = None
    flag: WireFlag | None = None
    text: WireText | None = None


@pytest.mark.parametrize("field, value, expected", [
    ("integer", 7, 7), ("integer", "-73", -73), ("integer", 3.0, 3), ("integer", "1\n", 1),
    ("non_negative", "1313974842", 1313974842), ("non_negative", 0, 0),
    ("flag", "1", 1), ("flag", "001", 1), ("flag", 0, 0), ("text", "", ""),
])
def test_wire_types_accept_what_the_schema_accepts(field: str, value: object,
                                                     expected: object) -> None:
    assert getattr(Probe.model_validate({field: value}), field) == expected


@pytest.mark.parametrize("field, value", [
    ("integer", True), ("integer", 1.5), ("integer", "1.0"), ("integer", " 1"), ("integer", "x"),
    ("non_negative", -1), ("non_negative", "-1"), ("flag", 2), ("flag", "-0"), ("flag", False),
    ("text", 5), ("text", b"bytes"),
])
def test_wire_types_reject_what_the_schema_rejects(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as raised:
        Probe.model_validate({field: value})
    assert raised.value.errors()[0]["loc"][0] == field  # then the union member


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


def test_xml_empty_msg_is_empty_text() -> None:
    assert parse_xml(b"<data><ret>1002</ret><msg></msg></data>") == {"ret": "1002", "msg": ""}
    assert parse_xml(b"<data><ret>1</ret><msg/></data>")["msg"] == ""


@pytest.mark.parametrize("body, reason", [
    (b'<!DOCTYPE data [<!ENTITY x "boom">]><data><ret>&x;</ret></data>', "DTD"),
    (b'<!DOCTYPE data SYSTEM "http://127.0.0.1:9/x.dtd"><data/>', "DTD"),
    (b"<other><ret>0</ret></other>", "root element"),
    (b"<data><ret><x>0</x></ret></data>", "contains element"),
    (b"<data><ret>0</ret><ret>1</ret></data>", "more than once"),
    (b"<data>stray<ret>0</ret></data>", "text outside"),
])
def test_xml_refusals(body: bytes, reason: str) -> None:
    with pytest.raises(XMLRefused, match=reason):
        parse_xml(body)


def test_malformed_xml_is_an_expat_error_and_a_decode_error() -> None:
    with pytest.raises(expat.ExpatError):
        parse_xml(b"<data><ret>0</data>")
    with pytest.raises(qq_connect.DecodeError, match="unusable XML"):
        endpoints.GET_VIP_INFO.parse(b"<data><ret>0</data>")


def test_rfc1738_encoding() -> None:
    assert encode_rfc1738("a b+c/=~&中") == "a+b%2Bc%2F%3D%7E%26%E4%B8%AD"
    assert encode_rfc1738("Az09-._") == "Az09-._"
    assert encode_parameters([("x", "1"), ("y z", "2")]) == "x=1&y+z=2"


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


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    from qq_connect._base_client import parse_retry_after

    now = 1_700_000_000.0
    assert parse_retry_after({"retry-after": "3"}, now) == 3.0
    assert parse_retry_after({"retry-after": " 1.5 "}, now) == 1.5
    assert parse_retry_after({"retry-after": "Tue, 14 Nov 2023 22:13:30 GMT"}, now) == 10.0
    assert parse_retry_after({"retry-after": "Tue, 14 Nov 2023 22:13:10 GMT"}, now) == 0.0
    assert parse_retry_after({"retry-after": "soon"}, now) is None
    assert parse_retry_after({}, now) is None

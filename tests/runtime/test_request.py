"""Request encoding, argument checks and retry timing, in place."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from generator.runtime._base_client import parse_retry_after
from generator.runtime._request import (
    checked,
    encode_parameters,
    encode_rfc1738,
    flag_value,
    join_list,
    reveal,
)


def test_rfc1738_encoding() -> None:
    assert encode_rfc1738("a b+c/=~&中") == "a+b%2Bc%2F%3D%7E%26%E4%B8%AD"
    assert encode_rfc1738("Az09-._") == "Az09-._"
    assert encode_parameters([("x", "1"), ("y z", "2")]) == "x=1&y+z=2"


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    now = 1_700_000_000.0
    assert parse_retry_after({"retry-after": "3"}, now) == 3.0
    assert parse_retry_after({"retry-after": " 1.5 "}, now) == 1.5
    assert parse_retry_after({"retry-after": "Tue, 14 Nov 2023 22:13:30 GMT"}, now) == 10.0
    assert parse_retry_after({"retry-after": "Tue, 14 Nov 2023 22:13:10 GMT"}, now) == 0.0
    assert parse_retry_after({"retry-after": "soon"}, now) is None
    assert parse_retry_after({}, now) is None


def test_secret_arguments_are_revealed_only_to_be_sent() -> None:
    assert reveal(SecretStr("tok")) == "tok"
    assert reveal("tok") == "tok"
    assert reveal(None) is None


def test_flags_are_sent_as_1_or_not_at_all() -> None:
    assert flag_value(True) == "1"
    assert flag_value(False) is None


def test_lists_are_comma_joined_and_checked() -> None:
    assert join_list("scope", ["get_user_info", "get_vip_info"]) == "get_user_info,get_vip_info"
    assert join_list("scope", ()) == ""
    assert join_list("scope", None) is None
    with pytest.raises(TypeError, match="scope takes a list of strings"):
        join_list("scope", "get_user_info")
    for bad in (["a,b"], [""], [3]):
        with pytest.raises(ValueError, match="scope: each item"):
            join_list("scope", bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [
    "https://example.com/cb", "http://127.0.0.1:8080/callback?next=%2F"])
def test_absolute_urls_pass(value: str) -> None:
    assert checked("absolute_url", "redirect_uri", value) == value


@pytest.mark.parametrize("value", [
    "/callback", "example.com/cb", "ftp://example.com/cb", "https:///cb", "javascript:alert(1)",
    "https://example.com/cb#frag", ""])
def test_relative_or_odd_urls_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="redirect_uri must"):
        checked("absolute_url", "redirect_uri", value)


def test_non_empty_refuses_blank_text() -> None:
    assert checked("non_empty", "state", "x") == "x"
    for blank in ("", "  "):
        with pytest.raises(ValueError, match="state must not be empty"):
            checked("non_empty", "state", blank)
    with pytest.raises(TypeError, match="state must be a string"):
        checked("non_empty", "state", None)  # type: ignore[arg-type]

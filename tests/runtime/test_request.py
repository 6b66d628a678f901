"""Request encoding and retry timing, in place."""

from __future__ import annotations

from generator.runtime._base_client import parse_retry_after
from generator.runtime._request import encode_parameters, encode_rfc1738


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

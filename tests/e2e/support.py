"""Credentials and helpers the e2e tests share."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

import qq_connect
from tests.fakes.graph import SPEC, SpecEndpoint

# Distinctive values, so a leak is easy to find. The token and the openid need RFC 1738
# encoding: space, "+", "/", "=", "~", "&" and non-ASCII.
APP_ID = "7319346801"
TOKEN = "Tok en+/=~&中文-._Z9"
OPENID = "6F1C~openid/ä ok"

# Written out by hand, not computed: space → "+", "~" → "%7E", UTF-8 bytes percent-encoded,
# letters, digits and "-._" as they are.
TOKEN_RFC1738 = "Tok+en%2B%2F%3D%7E%26%E4%B8%AD%E6%96%87-._Z9"
OPENID_RFC1738 = "6F1C%7Eopenid%2F%C3%A4+ok"

SECRET_FORMS = (
    APP_ID,
    TOKEN, TOKEN_RFC1738, quote(TOKEN, safe=""), quote(TOKEN),
    OPENID, OPENID_RFC1738, quote(OPENID, safe=""), quote(OPENID),
)


def expected_parameters(format: str) -> str:
    return (f"access_token={TOKEN_RFC1738}&oauth_consumer_key={APP_ID}"
            f"&openid={OPENID_RFC1738}&format={format}")


def generated_endpoint(endpoint: SpecEndpoint) -> qq_connect.Endpoint[Any, Any]:
    """``qq_connect.endpoints.<NAME>`` of a spec endpoint, checked against the spec."""
    made: qq_connect.Endpoint[Any, Any] = getattr(qq_connect.endpoints, endpoint.name.upper())
    assert (made.name, made.path) == (endpoint.name, endpoint.path)
    return made


def call(client: qq_connect.QQConnect, endpoint: SpecEndpoint, method: str = "GET",
         format: str = "json") -> Any:
    """Call the client's method of ``endpoint`` with the test credentials."""
    return getattr(client, endpoint.name)(TOKEN, OPENID, method=method, format=format)


def assert_no_secrets(*things: object) -> None:
    """None of the credentials, in any encoding, in ``str()`` or ``repr()`` of ``things``."""
    for thing in things:
        for text in (str(thing), repr(thing)):
            leaked = [secret for secret in SECRET_FORMS if secret in text]
            assert not leaked, f"{leaked} in {text!r}"


def assert_error_hides_secrets(error: qq_connect.QQConnectError) -> None:
    """The error, its arguments, its request and its chained errors show no credential."""
    assert_no_secrets(error, *error.args, error.request)
    for chained in (error.__cause__, error.__context__):
        if chained is not None:
            assert_no_secrets(chained)


def return_code_meanings() -> dict[int, str]:
    """``ret`` → its meaning (zh), from spec/return_codes.yaml."""
    table = yaml.safe_load(Path(SPEC, "return_codes.yaml").read_text(encoding="utf-8"))
    return {row["code"]: row["zh"] for row in table["codes"]}

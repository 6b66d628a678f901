"""The one set of credentials the client tests use, and the checks that none of them leaks.

Distinctive values, so a leak is easy to find. The token and the openid need RFC 1738
encoding: space, "+", "/", "=", "~", "&" and non-ASCII.
"""

from __future__ import annotations

import re
from urllib.parse import quote, quote_plus

import qq_connect

APP_ID = "7319346801"
TOKEN = "Tok en+/=~&中文-._Z9"
OPENID = "6F1C~openid/ä ok"
SECRETS = (APP_ID, TOKEN, OPENID)

# Written out by hand, not computed: space → "+", "~" → "%7E", UTF-8 bytes percent-encoded,
# letters, digits and "-._" as they are.
TOKEN_RFC1738 = "Tok+en%2B%2F%3D%7E%26%E4%B8%AD%E6%96%87-._Z9"
OPENID_RFC1738 = "6F1C%7Eopenid%2F%C3%A4+ok"

# Every form a credential can take on the way out: raw, as the client encodes it (RFC 1738),
# and as the usual percent-encoders write it.
SECRET_FORMS = tuple(dict.fromkeys((
    APP_ID,
    TOKEN, TOKEN_RFC1738, quote(TOKEN, safe=""), quote(TOKEN), quote_plus(TOKEN, safe=""),
    OPENID, OPENID_RFC1738, quote(OPENID, safe=""), quote(OPENID), quote_plus(OPENID, safe=""),
)))


def expected_parameters(format: str) -> str:
    """The query string (GET) or form body (POST) the client must send, byte for byte."""
    return (f"access_token={TOKEN_RFC1738}&oauth_consumer_key={APP_ID}"
            f"&openid={OPENID_RFC1738}&format={format}")


def leaked(text: str) -> list[str]:
    """The forms of the credentials found in ``text``, each as a whole word.

    As a whole word: the digits of the app id inside a longer number are not the app id.
    """
    return [secret for secret in SECRET_FORMS
            if re.search(rf"(?<![0-9A-Za-z]){re.escape(secret)}(?![0-9A-Za-z])", text)]


def assert_no_secrets(*things: object) -> None:
    """None of the credentials, in any encoding, in ``str()`` or ``repr()`` of ``things``."""
    for thing in things:
        for text in (str(thing), repr(thing)):
            found = [secret for secret in SECRET_FORMS if secret in text]
            assert not found, f"{found} in {text!r}"


def assert_error_hides_secrets(error: qq_connect.QQConnectError) -> None:
    """The error, its arguments, its request and its chained errors show no credential."""
    assert_no_secrets(error, *error.args, error.request)
    for chained in (error.__cause__, error.__context__):
        if chained is not None:
            assert_no_secrets(chained)

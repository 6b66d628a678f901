"""The one set of credentials the client tests use, and the checks that none of them leaks.

Distinctive values, so a leak is easy to find. Every value a call may pass as a secret
needs RFC 1738 encoding: space, "+", "/", "=", "~", "&" and non-ASCII.

A secret parameter of the spec takes its value from ``SECRET_ARGUMENTS`` by name; a name
listed there is also how the tests find the value in a leak. A secret parameter the table
does not name gets a distinctive value made from its name (``secret_argument``).
"""

from __future__ import annotations

import re
from urllib.parse import quote, quote_plus, unquote, unquote_plus

import qq_connect
from tests.fakes.graph import load_endpoints

APP_ID = "7319346801"
APP_KEY = "Key 9f+/=~&密钥-._K7"
TOKEN = "Tok en+/=~&中文-._Z9"
OPENID = "6F1C~openid/ä ok"
CODE = "Co de+/=~&授权-._C3"
REFRESH_TOKEN = "Ref resh+/=~&续期-._R5"

# The value a call passes for each secret parameter of the spec, by the parameter's name.
SECRET_ARGUMENTS = {"access_token": TOKEN, "openid": OPENID, "code": CODE,
                    "refresh_token": REFRESH_TOKEN}

# Written out by hand, not computed: space → "+", "~" → "%7E", UTF-8 bytes percent-encoded,
# letters, digits and "-._" as they are. ``rfc1738`` is checked against them.
TOKEN_RFC1738 = "Tok+en%2B%2F%3D%7E%26%E4%B8%AD%E6%96%87-._Z9"
OPENID_RFC1738 = "6F1C%7Eopenid%2F%C3%A4+ok"


def rfc1738(value: str) -> str:
    """``value`` as RFC 1738 form-encodes it (the tests' own encoder, not the client's)."""
    return quote_plus(value, safe="").replace("~", "%7E")


def secret_argument(name: str) -> str:
    """The value a call passes for the secret parameter ``name``."""
    return SECRET_ARGUMENTS.get(name) or f"{name} 秘+/=~&-._S1"


def secret_forms(*secrets: str) -> tuple[str, ...]:
    """Every form a credential can take on the way out: raw, as the client encodes it
    (RFC 1738), as the usual percent-encoders write it, and as a repr of its UTF-8 bytes
    (``\\xe4\\xb8\\xad``: httpcore logs headers as bytes)."""
    return tuple(dict.fromkeys(
        form for secret in secrets
        for form in (secret, rfc1738(secret), quote(secret, safe=""), quote(secret),
                     quote_plus(secret, safe=""), repr(secret.encode("utf-8"))[2:-1])))


# The app's credentials and every secret a call of the spec passes.
SECRETS = tuple(dict.fromkeys((
    APP_ID, APP_KEY, *SECRET_ARGUMENTS.values(),
    *(secret_argument(parameter.name) for endpoint in load_endpoints()
      for parameter in endpoint.parameters if parameter.secret and parameter.is_argument))))
SECRET_FORMS = secret_forms(*SECRETS)


def leaked(text: str, *more: str) -> list[str]:
    """The forms of the credentials (and of ``more``) found in ``text``, each as a whole word.

    As a whole word: the digits of the app id inside a longer number are not the app id.
    The text is read as it is and percent-decoded, so ``%2F7319346801`` counts too.
    """
    forms = secret_forms(*SECRETS, *more)
    return sorted({secret for shown in (text, unquote(text), unquote_plus(text))
                   for secret in forms
                   if re.search(rf"(?<![0-9A-Za-z]){re.escape(secret)}(?![0-9A-Za-z])", shown)})


def assert_no_secrets(*things: object, more: tuple[str, ...] = ()) -> None:
    """None of the credentials (and of ``more``), in any encoding, in ``str()`` or ``repr()``
    of ``things``."""
    forms = secret_forms(*SECRETS, *more)
    for thing in things:
        for text in (str(thing), repr(thing)):
            found = [secret for secret in forms if secret in text]
            assert not found, f"{found} in {text!r}"


def assert_error_hides_secrets(error: qq_connect.QQConnectError,
                               more: tuple[str, ...] = ()) -> None:
    """The error, its arguments, its request and its chained errors show no credential."""
    assert_no_secrets(error, *error.args, error.request, more=more)
    for name in ("msg", "reason", "body_excerpt"):
        assert_no_secrets(getattr(error, name, ""), more=more)
    for chained in (error.__cause__, error.__context__):
        if chained is not None:
            assert_no_secrets(chained, more=more)

"""What goes on the wire: parameters encoded per RFC 1738, as a query or a form body.

The generated methods pass each argument through one of these small functions, so a
call's values are checked and spelled the same way for every endpoint.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING
from urllib.parse import quote, quote_plus, urlsplit

if TYPE_CHECKING:
    from pydantic import SecretStr

__all__ = [
    "checked",
    "encode_parameters",
    "encode_rfc1738",
    "encoded_forms",
    "flag_value",
    "join_list",
    "reveal",
]


def encode_rfc1738(value: str) -> str:
    """Percent-encode everything but letters, digits and ``-._``; spaces become ``+``.

    RFC 1738 counts ``~`` as unsafe, which Python's quoting leaves alone.
    """
    return quote_plus(value, safe="").replace("~", "%7E")


def encoded_forms(secret: str) -> set[str]:
    """A secret as a server may write it back: raw, as sent (RFC 1738) and as the usual
    percent-encoders write it (``/`` kept or not, space as ``+`` or ``%20``, ``~`` kept)."""
    return {secret, encode_rfc1738(secret), quote(secret, safe=""), quote(secret),
            quote_plus(secret, safe="")}


def encode_parameters(parameters: Iterable[tuple[str, str]],
                      hide: Collection[str] = (), mask: str = "") -> str:
    """``name=value`` pairs joined by ``&``, in the given order; ``hide``'s values as ``mask``."""
    return "&".join(
        f"{encode_rfc1738(name)}={mask if name in hide else encode_rfc1738(value)}"
        for name, value in parameters)


def reveal(value: str | SecretStr | None) -> str | None:
    """The text of a secret argument: results hand tokens out as ``SecretStr``."""
    # Not isinstance: importing pydantic's types would slow ``import qq_connect`` down.
    return value if value is None or isinstance(value, str) else value.get_secret_value()


def flag_value(value: bool) -> str | None:
    """An optional flag: sent as ``1`` when set, left out otherwise."""
    return "1" if value else None


def join_list(name: str, values: Iterable[str] | None) -> str | None:
    """A list parameter, comma-separated (``scope=get_user_info,get_vip_info``)."""
    if values is None:
        return None
    if isinstance(values, str):
        raise TypeError(f"{name} takes a list of strings, not one string")
    items = list(values)
    for item in items:
        if not isinstance(item, str) or not item or "," in item:
            raise ValueError(f"{name}: each item must be a non-empty string without commas, "
                             f"not {item!r}")
    return ",".join(items)


def checked(check: str, name: str, value: str) -> str:
    """``value`` once it passes the spec's check (``absolute_url``, ``non_empty``)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, not {type(value).__name__}")
    if check == "non_empty":
        if not value.strip():
            raise ValueError(f"{name} must not be empty")
    elif check == "absolute_url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{name} must be an absolute http(s) URL")
        if parts.fragment:
            raise ValueError(f"{name} must not have a #fragment")
    else:
        raise ValueError(f"unknown check {check!r}")
    return value

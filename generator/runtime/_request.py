"""What goes on the wire: parameters encoded per RFC 1738, as a query or a form body."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from urllib.parse import quote_plus

__all__ = ["encode_parameters", "encode_rfc1738"]


def encode_rfc1738(value: str) -> str:
    """Percent-encode everything but letters, digits and ``-._``; spaces become ``+``.

    RFC 1738 counts ``~`` as unsafe, which Python's quoting leaves alone.
    """
    return quote_plus(value, safe="").replace("~", "%7E")


def encode_parameters(parameters: Iterable[tuple[str, str]],
                      hide: Collection[str] = (), mask: str = "") -> str:
    """``name=value`` pairs joined by ``&``, in the given order; ``hide``'s values as ``mask``."""
    return "&".join(
        f"{encode_rfc1738(name)}={mask if name in hide else encode_rfc1738(value)}"
        for name, value in parameters)

# Generated from spec/api.yaml, spec/return_codes.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""What goes on the wire: parameters encoded per RFC 1738, as a query or a form body."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from urllib.parse import quote_plus

__all__ = ["encode_parameters"]


def encode_rfc1738(value: str) -> str:
    """Percent-encode everything but letters, digits and ``-._``; spaces become ``+``.

    RFC 1738 counts ``~`` as unsafe, which Python's quoting leaves alone.
    """
    return quote_plus(value, safe="").replace("~", "%7E")


def encode_parameters(parameters: Iterable[tuple[str, str]],
                      hide: Collection[str] = (), mask: str = "") -> str:
    """``name=value`` pairs joined by ``&``, in the order given; the values of ``hide`` as ``mask``."""
    return "&".join(
        f"{encode_rfc1738(name)}={mask if name in hide else encode_rfc1738(value)}"
        for name, value in parameters)

"""Content-Encoding, in place: one layer of gzip or deflate, inflated within the limit."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable

import pytest

from generator.runtime._errors import ContentEncodingError, ResponseTooLargeError
from generator.runtime._inflate import Inflater

BODY = b'{"ret": 0, "msg": "", "nickname": "' + "昵称".encode() * 50 + b'"}'
ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress,
    "x-gzip": gzip.compress,
    "deflate": zlib.compress,
    "identity": lambda body: body,
    "": lambda body: body,
}


def inflate(content_encoding: str | None, raw: bytes, limit: int = 1 << 20,
            chunk: int = 7) -> bytes:
    """The decoded body, the raw bytes fed ``chunk`` at a time (as the network cuts them)."""
    inflater = Inflater("ping", content_encoding, limit)
    pieces: list[bytes] = []
    for start in range(0, len(raw), chunk):
        pieces += inflater.feed(raw[start:start + chunk])
    inflater.finish()
    return b"".join(pieces)


@pytest.mark.parametrize("coding", sorted(ENCODERS))
def test_one_layer_is_decoded_whatever_the_chunks(coding: str) -> None:
    raw = ENCODERS[coding](BODY)
    for chunk in (1, 7, len(raw)):
        assert inflate(coding, raw, chunk=chunk) == BODY
    assert inflate(coding.upper() + " ", raw) == BODY  # case and spaces do not matter


def test_no_header_is_identity_and_deflate_may_come_raw() -> None:
    assert inflate(None, BODY) == BODY
    assert inflate("deflate", zlib.compress(BODY, wbits=-zlib.MAX_WBITS)) == BODY


@pytest.mark.parametrize("coding", ["gzip", "identity"])
def test_the_limit_counts_decoded_bytes(coding: str) -> None:
    raw = ENCODERS[coding](BODY)
    assert inflate(coding, raw, limit=len(BODY)) == BODY
    with pytest.raises(ResponseTooLargeError):
        inflate(coding, raw, limit=len(BODY) - 1)


def test_a_bomb_stops_at_the_limit_without_inflating_further() -> None:
    bomb = gzip.compress(bytes(64 << 20))
    inflater = Inflater("ping", "gzip", 1 << 20)
    produced = 0
    with pytest.raises(ResponseTooLargeError):
        for start in range(0, len(bomb), 1 << 16):
            produced += sum(map(len, inflater.feed(bomb[start:start + (1 << 16)])))
    assert produced <= 1 << 20


@pytest.mark.parametrize("coding, reason", [
    ("gzip, gzip", "stacked"),
    ("gzip,deflate", "stacked"),
    ("br", "unknown Content-Encoding 'br'"),
    ("zstd", "unknown"),
    ("compress", "unknown"),
    ("chunked", "unknown"),
])
def test_stacked_and_unknown_encodings_are_refused_before_reading(coding: str,
                                                                  reason: str) -> None:
    with pytest.raises(ContentEncodingError, match=reason):
        Inflater("ping", coding, 1 << 20)


@pytest.mark.parametrize("raw, reason", [
    (b"\x1f\x8b\x08\x00 not gzip at all", "corrupt gzip"),
    (gzip.compress(BODY)[:-9], "ends early"),
    (gzip.compress(BODY) + b"\n", "after the end"),
    (gzip.compress(BODY) * 2, "after the end"),  # a second member: a layer the header hides
])
def test_a_broken_stream_is_refused(raw: bytes, reason: str) -> None:
    with pytest.raises(ContentEncodingError, match=reason):
        inflate("gzip", raw)


def test_an_empty_body_needs_no_stream() -> None:
    assert inflate("gzip", b"") == b""


def test_raw_bytes_count_too() -> None:
    """A stream of empty deflate blocks inflates to nothing, forever: the raw bytes stop it."""
    header = gzip.compress(b"")[:10]
    empty_block = b"\x00\x00\x00\xff\xff"  # stored, not final, 0 bytes long
    inflater = Inflater("ping", "gzip", 1000)
    assert inflater.feed(header + empty_block * 100) == []
    with pytest.raises(ResponseTooLargeError):
        inflater.feed(empty_block * 100)

"""A body as it comes off the wire, decoded (``Content-Encoding``) within the body limit.

httpx inflates a whole network chunk before anyone can count it: 64 KiB of a gzip bomb
is 64 MiB of memory. The client reads raw bytes instead and inflates them here, never
more than the bytes left under ``max_body_bytes`` at a time, so memory stays within the
limit however well the body compresses. One encoding at most (``gzip``, ``x-gzip`` or
``deflate``; ``identity`` is none): stacked encodings (``gzip, gzip``, the classic
bomb) and any other (``br``, ``zstd``, ``compress``) are refused before a byte is
inflated, and the client asks for nothing else (``ACCEPT_ENCODING``).
"""

from __future__ import annotations

import zlib

from ._errors import ContentEncodingError, ResponseTooLargeError, quoted

__all__ = ["ACCEPT_ENCODING", "DEFAULT_MAX_BODY_BYTES", "Inflater"]

ACCEPT_ENCODING = "gzip, deflate"
# The client's and the contract check's body limit. Real answers are a few hundred bytes;
# anything near this is not an answer.
DEFAULT_MAX_BODY_BYTES = 1 << 20
_WINDOW_BITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16,
                "deflate": zlib.MAX_WBITS}


class Inflater:
    """Decodes one body chunk by chunk; raises once the decoded body passes ``limit`` bytes.

    Raw bytes count against the limit too: no real answer compresses worse than it is.
    """

    def __init__(self, endpoint: str, content_encoding: str | None, limit: int) -> None:
        self._endpoint = endpoint
        self._limit = limit
        self._raw = self._decoded = 0
        codings = [coding.strip().lower() for coding in (content_encoding or "").split(",")]
        codings = [coding for coding in codings if coding not in ("", "identity")]
        self._coding = codings[0] if codings else None
        # The header as sent, whole or not at all: it is the server's text, to be masked.
        shown = quoted(content_encoding or "")
        if len(codings) > 1:
            raise self._refused(f"stacked Content-Encoding {shown}: one at most")
        if self._coding is not None and self._coding not in _WINDOW_BITS:
            raise self._refused(f"unknown Content-Encoding {shown}; "
                                f"the client accepts {ACCEPT_ENCODING}")
        self._inflater = (zlib.decompressobj(_WINDOW_BITS[self._coding])
                          if self._coding is not None else None)
        self._first = True

    def feed(self, data: bytes) -> list[bytes]:
        """The decoded bytes of the next raw chunk."""
        self._raw += len(data)
        if self._raw > self._limit:
            raise ResponseTooLargeError(self._endpoint, self._limit)
        if self._inflater is None:
            return [self._count(data)] if data else []
        pieces = []
        while data:
            if self._inflater.eof:
                raise self._refused(f"data after the end of the {self._coding} stream")
            # One byte more than the room left: enough to tell that the body is too large.
            piece = self._count(self._inflate(data, self._limit - self._decoded + 1))
            if piece:
                pieces.append(piece)
            data = self._inflater.unconsumed_tail or self._inflater.unused_data
        return pieces

    def finish(self) -> None:
        """The body is complete: refuse a compressed stream that stopped short."""
        if self._inflater is not None and self._raw and not self._inflater.eof:
            raise self._refused(f"the {self._coding} stream ends early")

    def _inflate(self, data: bytes, room: int) -> bytes:
        assert self._inflater is not None
        first, self._first = self._first, False
        try:
            return self._inflater.decompress(data, room)
        except zlib.error as error:
            # "deflate" comes as zlib (RFC 9110) or, from some servers, as raw deflate.
            if first and self._coding == "deflate":
                self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._inflate(data, room)
            raise self._refused(f"corrupt {self._coding} data: {error}") from None

    def _count(self, piece: bytes) -> bytes:
        self._decoded += len(piece)
        if self._decoded > self._limit:
            raise ResponseTooLargeError(self._endpoint, self._limit)
        return piece

    def _refused(self, reason: str) -> ContentEncodingError:
        return ContentEncodingError(self._endpoint, reason)

# Copied from generator/runtime/_decode.py; do not edit here: edit that file and run `make generate`.
"""From an answer's bytes to what a model validates: the body says its encoding, not the headers.

graph.qq.com answers in four encodings, whatever the request asked and whatever the
Content-Type says: JSON, XML, JSONP-wrapped JSON (``callback( {...} );`` and a newline)
and form-urlencoded pairs (the token step's success). ``decode_body`` tells them apart
by their first bytes, accepts only the encodings an endpoint is documented to use, and
hands back JSON text (for pydantic's fast path) or a flat mapping of strings.
"""

from __future__ import annotations

import re
from _codecs import escape_decode  # codecs' escape decoder, in C
from collections.abc import Callable, Collection, Mapping
from functools import cache
from typing import Final, Literal, NamedTuple
from urllib.parse import unquote_to_bytes

from ._errors import quoted

__all__ = ["ENCODINGS", "BodyRefused", "Decoded", "decode_body", "read_plain_form",
           "sniff_encoding"]

Encoding = Literal["json", "xml", "jsonp", "form"]
ENCODINGS: Final[tuple[Encoding, ...]] = ("json", "xml", "jsonp", "form")

_BOM = b"\xef\xbb\xbf"
_WHITESPACE = b" \t\r\n"
# The only callback name graph.qq.com uses; any other is refused rather than guessed at.
JSONP_CALLBACK: Final = b"callback"
# A JSONP call: a name, "(", the payload, ")", an optional ";", then only whitespace.
_JSONP = re.compile(rb"([A-Za-z_$][A-Za-z0-9_$]*)[ \t\r\n]*\((.*)\)[ \t\r\n]*;?[ \t\r\n]*\Z",
                    re.DOTALL)
# As graph.qq.com writes it (``callback( {...} );``): the object at once, nothing to strip.
_COMMON_JSONP = re.compile(rb"callback\( (\{.*\}) \);?", re.DOTALL)
_JSONP_START = re.compile(rb"[A-Za-z_$][A-Za-z0-9_$]*[ \t\r\n]*\(")
# Form pairs: names of word characters, values percent-encoded (no spaces, quotes, braces).
_FORM_PAIR = re.compile(rb"([A-Za-z_][A-Za-z0-9_]*)=([A-Za-z0-9._~%+*!-]*)")
_MAX_FORM_PAIRS = 64


# How a refusal names what a body looks like.
DESCRIBED: Final[Mapping[Encoding, str]] = {
    "json": "JSON", "xml": "HTML or XML", "jsonp": "JSONP", "form": "form-encoded pairs"}


class BodyRefused(ValueError):
    """The body is not an answer this endpoint may give; the message says why."""


class Decoded(NamedTuple):
    """A decoded body: JSON text to validate as JSON, or a flat mapping of strings.

    A named tuple: built for every answer, it costs a third of a frozen dataclass."""

    encoding: Encoding
    json_text: bytes | None = None
    values: Mapping[str, str] | None = None


def sniff_encoding(body: bytes) -> Encoding | None:
    """The encoding the body's first bytes announce, or None if they announce none."""
    return _sniff_stripped(body.removeprefix(_BOM).lstrip(_WHITESPACE))


def _sniff_stripped(text: bytes) -> Encoding | None:
    first = text[:1]
    if first in (b"{", b"["):
        return "json"
    if first == b"<":
        return "xml"
    if _JSONP_START.match(text):
        return "jsonp"
    if _FORM_PAIR.match(text):
        return "form"
    return None


def decode_body(body: bytes, encodings: Collection[Encoding], xml_root: str) -> Decoded:
    """Decode ``body`` if it is in one of ``encodings``; raise ``BodyRefused`` otherwise."""
    text = body.removeprefix(_BOM).strip(_WHITESPACE)
    if not text:
        raise BodyRefused("the body is empty")
    encoding = _sniff_stripped(text)  # stripped just above
    if encoding is None:
        raise BodyRefused(f"the body is not an answer in {' or '.join(encodings)}")
    if encoding not in encodings:
        looks = DESCRIBED[encoding]
        raise BodyRefused(f"the body looks like {looks}, which this endpoint never answers "
                          f"(it answers {' or '.join(encodings)})")
    if encoding == "json":
        return Decoded("json", json_text=text)
    if encoding == "jsonp":
        return Decoded("jsonp", json_text=unwrap_jsonp(text))
    if encoding == "form":
        plain = read_plain_form(text)
        return Decoded("form", values=parse_form(text) if plain is None else plain)
    try:
        return Decoded("xml", values=_parse_xml(text, xml_root))
    except BodyRefused as error:
        raise BodyRefused(f"unusable XML: {error}") from None


def unwrap_jsonp(text: bytes) -> bytes:
    """The JSON object inside ``callback( ... );``; never sliced at fixed offsets."""
    common = _COMMON_JSONP.fullmatch(text)
    if common is not None:
        return common.group(1)
    return _unwrap_any_jsonp(text)


def _unwrap_any_jsonp(text: bytes) -> bytes:
    """``unwrap_jsonp`` for any spacing and name: refuses what it must, says why."""
    match = _JSONP.match(text)
    if match is None:
        raise BodyRefused("truncated or malformed JSONP: no closing parenthesis")
    name, payload = match.group(1), match.group(2).strip(_WHITESPACE)
    if name != JSONP_CALLBACK:
        raise BodyRefused(f"JSONP callback {quoted(name)} instead of 'callback'")
    if not (payload.startswith(b"{") and payload.endswith(b"}")):
        raise BodyRefused("JSONP must wrap a JSON object")
    return payload


def parse_form(text: bytes) -> dict[str, str]:
    """``name=value&...`` pairs as strings; a repeated or malformed pair refuses the body."""
    values: dict[str, str] = {}
    pairs = text.split(b"&")
    if len(pairs) > _MAX_FORM_PAIRS:
        raise BodyRefused(f"more than {_MAX_FORM_PAIRS} form pairs")
    for pair in pairs:
        match = _FORM_PAIR.fullmatch(pair)
        if match is None:
            raise BodyRefused(f"malformed form pair {quoted(pair)}")
        name = match.group(1).decode("ascii")
        if name in values:
            raise BodyRefused(f"form key {name!r} appears more than once")
        raw = unquote_to_bytes(match.group(2).replace(b"+", b" "))
        try:
            values[name] = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise BodyRefused(f"form value of {name!r} is not UTF-8") from None
    return values


# Form pairs as parse_form reads them, all at once (as many as it takes at most).
_PLAIN_FORM = re.compile(rb"%s(?:&%s){0,%d}" % (_FORM_PAIR.pattern, _FORM_PAIR.pattern,
                                                  _MAX_FORM_PAIRS - 1))
_FORM_FIELD = re.compile("([A-Za-z_][A-Za-z0-9_]*)=([^&]*)")


def read_plain_form(text: bytes) -> dict[str, str] | None:
    """The fields ``parse_form`` reads from ``text`` (a body, stripped), or None for anything
    it refuses or this reader cannot be sure of: a repeated name, an escaped "&" (%26).

    All pairs at once, where ``parse_form`` takes them one by one: the usual answer (a
    token step's success) is read here, in half the time."""
    if _PLAIN_FORM.fullmatch(text) is None or b"%26" in text.upper():
        return None
    text = text.replace(b"+", b" ")
    try:
        # Every %XX at once, as \xXX escapes (the only backslashes: a form value has none);
        # no %XX spans an "&" or an "=", neither being hex. A "%" not before two hex digits
        # fails here (unquote_to_bytes keeps it): parse_form decides.
        decoded = (escape_decode(text.replace(b"%", b"\\x"))[0] if b"%" in text
                   else text).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    pairs = _FORM_FIELD.findall(decoded)
    fields = dict(pairs)
    return fields if len(fields) == len(pairs) == text.count(b"&") + 1 else None


@cache
def _xml_reader() -> Callable[[bytes, str], dict[str, str]]:
    # The XML machinery loads with the first XML answer: most callers never see one.
    from ._xml import read_xml

    return read_xml


def _parse_xml(text: bytes, root: str) -> dict[str, str]:
    return _xml_reader()(text, root)  # refusals are BodyRefused (XMLRefused)

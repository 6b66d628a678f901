"""Answers in every encoding, written and read independently of the product.

The one home of how the tests build a body (JSON, JSONP, XML, form pairs) from a flat
document and read one back; the product's own parsers are what the tests judge.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, quote

JSON_LIKE = ("json", "jsonp")
# Our own well-formed JSONP: the callback, the payload, ")", an optional ";".
_OUR_JSONP = re.compile(rb"\s*callback\s*\(\s*(.*?)\s*\)\s*;?\s*", re.DOTALL)
# A name a form body can carry (the product refuses others, as XML cannot name them).
_FORM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def xml_fields(body: bytes) -> dict[str, str]:
    """A flat XML answer (a root with one element per field) as field → text."""
    root = ElementTree.fromstring(body)
    return {child.tag: child.text or "" for child in root}


def jsonp_payload(body: bytes) -> bytes:
    """The JSON inside our own ``callback( ... );``."""
    match = _OUR_JSONP.fullmatch(body)
    assert match is not None, body[:60]
    return match.group(1)


def form_fields(body: bytes) -> dict[str, str]:
    """``a=b&c=d`` as field → text (the standard library's reading)."""
    return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=True))


def as_instance(body: bytes, format: str) -> Any:
    """The document a body carries: JSON (unwrapped from JSONP), or XML or form fields as
    text. This is also what the JSON Schema judges."""
    if format == "xml":
        return xml_fields(body)
    if format == "form":
        return form_fields(body)
    if format == "jsonp":
        return json.loads(jsonp_payload(body))
    assert format == "json", format
    return json.loads(body)


def _as_text(value: Any) -> str:
    """A value as XML or form text: strings as they are, anything else as its JSON text."""
    return value if isinstance(value, str) else json.dumps(value)


def to_xml(document: Mapping[str, Any], root: str) -> bytes:
    """A flat XML answer; non-string values as their JSON text, names that are no XML names
    left out."""
    def text(value: Any) -> str:
        return _as_text(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    inner = "".join(f"<{k}>{text(v)}</{k}>" for k, v in document.items() if k.isidentifier())
    return f'<?xml version="1.0" encoding="UTF-8"?><{root}>{inner}</{root}>'.encode()


def to_json(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


def to_jsonp(document: object) -> bytes:
    """As graph.qq.com wraps JSON: ``callback( {...} );`` and a newline."""
    return b"callback( " + to_json(document) + b" );\n"


def to_form(document: Mapping[str, Any]) -> bytes:
    """``a=b&c=d``: values as strings (non-strings as their JSON text), percent-encoded;
    names a form body cannot carry left out."""
    return "&".join(f"{name}={quote(_as_text(value), safe='')}"
                    for name, value in document.items()
                    if _FORM_NAME.fullmatch(name)).encode("ascii")


def encode(document: object, format: str, xml_root: str) -> bytes:
    """``document`` as graph.qq.com writes it in ``format``."""
    if format in JSON_LIKE:
        return to_json(document) if format == "json" else to_jsonp(document)
    assert isinstance(document, Mapping)
    return to_xml(document, xml_root) if format == "xml" else to_form(document)

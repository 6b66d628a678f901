"""Answers as graph.qq.com writes them: a flat document as JSON, JSONP, XML or form pairs.

The mock's one home for writing bodies, and for reading the spec's examples back into
documents, with the client's own decoder so both sides read a body the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from .._decode import Encoding, decode_body
from .._request import encode_parameters
from .._response import Endpoint

__all__ = ["read_document", "write_body"]


def _json(document: Mapping[str, object]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def _text(value: object) -> str:
    """A value as XML or form text: strings as they are, numbers as their JSON text."""
    return value if isinstance(value, str) else json.dumps(value)


def write_body(document: Mapping[str, object], encoding: Encoding, xml_root: str) -> bytes:
    """``document`` as the service writes it in ``encoding`` (JSONP: ``callback( … );``)."""
    if encoding == "json":
        return _json(document)
    if encoding == "jsonp":
        return b"callback( " + _json(document) + b" );\n"
    if encoding == "form":
        return encode_parameters((name, _text(value)) for name, value in document.items()
                                 ).encode("ascii")
    elements = "".join(f"<{name}>{escape(_text(value))}</{name}>\n"
                       for name, value in document.items())
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{xml_root}>\n{elements}'
            f"</{xml_root}>\n").encode()


def read_document(endpoint: Endpoint[Any, Any], body: bytes) -> dict[str, object]:
    """The fields of one of the endpoint's answers: JSON keeps its types, XML and form
    pairs give text."""
    decoded = decode_body(body, endpoint.encodings, endpoint.xml_root)
    if decoded.json_text is None:
        return dict(decoded.values or {})
    document = json.loads(decoded.json_text)
    if not isinstance(document, dict):
        raise ValueError(f"{endpoint.name}: an answer must be a JSON object")
    return document

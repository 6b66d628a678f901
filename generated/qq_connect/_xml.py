# Copied from generator/runtime/_xml.py; do not edit here: edit that file and run `make generate`.
"""XML answers (``format=xml``): one root element (``<data>``) with a child per field.

Parsed with expat, with every door closed: a DOCTYPE (and so any DTD or entity
declaration) is refused before it is read, external entities are never
resolved, nothing is fetched. Element text is returned as it came; the wire
model turns numeric text into integers.
"""

from __future__ import annotations

import re
from typing import Any, Final
from xml.etree import ElementTree
from xml.parsers import expat

from ._decode import BodyRefused
from ._errors import quoted

__all__ = ["XMLRefused", "parse_plain_xml", "parse_xml", "read_xml"]

class XMLRefused(BodyRefused):
    """The document is not a plain answer of one root and its fields; the message says why."""


class _FieldCollector:
    def __init__(self, root: str) -> None:
        self.root = root
        self.fields: dict[str, str] = {}
        self._path: list[str] = []
        self._text: list[str] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        depth = len(self._path)
        if depth == 0 and name != self.root:
            raise XMLRefused(f"root element is <{name}>, expected <{self.root}>")
        if depth == 2:
            raise XMLRefused(f"element <{self._path[1]}> contains element <{name}>")
        if depth == 1 and name in self.fields:
            raise XMLRefused(f"element <{name}> appears more than once")
        self._path.append(name)
        self._text = []

    def end(self, name: str) -> None:
        if len(self._path) == 2:
            self.fields[name] = "".join(self._text)
        self._path.pop()

    def text(self, data: str) -> None:
        if len(self._path) == 2:
            self._text.append(data)
        elif data.strip():
            raise XMLRefused(f"text outside the field elements: {quoted(data.strip())}")


def _refuse(what: str) -> Any:
    def handler(*_: object) -> None:
        raise XMLRefused(f"{what} are not allowed")

    return handler


def parse_xml(body: bytes, root: str) -> dict[str, str]:
    """The fields of an XML answer under ``root``, by element name.

    Raise XMLRefused or ExpatError.
    """
    collector = _FieldCollector(root)
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse("document type declarations (DTDs)")
    parser.EntityDeclHandler = _refuse("entity declarations")
    parser.ExternalEntityRefHandler = _refuse("external entities")
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.text
    try:
        parser.Parse(body, True)
    except XMLRefused:
        raise
    except (ValueError, LookupError) as error:  # a declared encoding expat cannot read
        raise XMLRefused(f"unsupported document: {error}") from None
    return collector.fields


# The encodings a plain answer may declare: ASCII-compatible, so what the bytes show is
# what the parser reads.
_DECLARED_ENCODING: Final = re.compile(rb"\A<\?xml[^>]*?encoding[ \t\r\n]*=[ \t\r\n]*"
                                       rb"[\"']([^\"']*)[\"']")
_PLAIN_ENCODINGS: Final = frozenset({b"utf-8", b"us-ascii", b"ascii"})
_USUAL_DECLARATION: Final = b'<?xml version="1.0" encoding="UTF-8"?>'


def parse_plain_xml(body: bytes, root: str) -> dict[str, str] | None:
    """The fields of a plain answer, read by ElementTree's C parser; None: ask ``parse_xml``.

    Plain: no NUL byte (so no UTF-16 or UTF-32), an ASCII-compatible encoding, no ``<!``
    (so no DOCTYPE, hence no DTD and no entity declaration; no comment, no CDATA), no
    namespace, one root named ``root`` and a flat list of fields under it. Whatever is
    not plain is read by ``parse_xml``, which alone refuses and says why; the two read
    a plain answer alike.
    """
    if b"\0" in body or b"<!" in body or b"xmlns" in body or b"<xml:" in body:
        return None
    if (body.startswith(b"<?xml") and not body.startswith(_USUAL_DECLARATION)
            and b"encoding" in body[:body.find(b"?>")]):
        declared = _DECLARED_ENCODING.match(body)
        if declared is None or declared.group(1).lower() not in _PLAIN_ENCODINGS:
            return None
    try:
        element = ElementTree.fromstring(body)
    except (ElementTree.ParseError, ValueError, LookupError):
        return None
    if element.tag != root or (element.text and not element.text.isspace()):
        return None
    fields: dict[str, str] = {}
    for child in element:
        tail = child.tail
        if len(child) or (tail and not tail.isspace()):
            return None  # a field with elements, or text between fields
        fields[child.tag] = child.text or ""
    return fields if len(fields) == len(element) else None  # or a repeated field


def read_xml(body: bytes, root: str) -> dict[str, str]:
    """The fields of an XML answer: plain ones by the C parser, the rest by ``parse_xml``.

    Raise XMLRefused, whatever the reason.
    """
    plain = parse_plain_xml(body, root)
    if plain is not None:
        return plain
    try:
        return parse_xml(body, root)
    except expat.ExpatError as error:
        raise XMLRefused(str(error)) from None

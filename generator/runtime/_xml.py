"""XML answers (``format=xml``): one root element (``<data>``) with a child per field.

Answers as graph.qq.com writes them are read at once by a regular expression that
admits no markup but the elements themselves (``plain_xml_reader``). Anything else is
parsed with expat, with every door closed: a DOCTYPE (and so any DTD or entity
declaration) is refused before it is read, external entities are never resolved,
nothing is fetched. Element text is returned as it came; the models turn numeric text
into integers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any
from xml.parsers import expat

from ._decode import BodyRefused
from ._errors import quoted

__all__ = ["XMLRefused", "parse_xml", "plain_xml_reader", "read_xml"]

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


# XML as graph.qq.com writes it: an optional declaration, the root, one element per field
# holding plain text or nothing, whitespace between. Text with no markup, reference,
# "]" (of "]]>"), carriage return (expat turns CR LF into LF) or character XML refuses.
_XML_NAME = "[A-Za-z_][A-Za-z0-9_]*"
_XML_TEXT = r"[^<&\]\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]*"
_XML_DECLARATION = r'<\?xml version="1\.0"(?: encoding="(?:UTF|utf)-8")?\?>[ \t\n]*'


@cache
def plain_xml_reader(root: str) -> Callable[[bytes], dict[str, str] | None]:
    """A reader of plain XML answers under ``root``: the fields ``parse_xml`` returns, or
    None for anything else (a DTD, a comment, an attribute, a repeated field…: expat's)."""
    name = re.escape(root)
    document = re.compile(rf"(?:{_XML_DECLARATION})?<{name}>"
                          rf"((?:[ \t\n]*<({_XML_NAME})(?:/>|>{_XML_TEXT}</\2>))*)[ \t\n]*"
                          rf"</{name}>")
    field = re.compile(rf"<({_XML_NAME})(?:/>|>({_XML_TEXT})</\1>)")
    fullmatch, findall = document.fullmatch, field.findall

    def read(body: bytes) -> dict[str, str] | None:
        try:
            match = fullmatch(body.decode("utf-8"))
        except UnicodeDecodeError:
            return None
        if match is None:
            return None
        pairs = findall(match.group(1))
        fields = dict(pairs)
        return fields if len(fields) == len(pairs) else None  # repeated: expat refuses

    return read



def read_xml(body: bytes, root: str) -> dict[str, str]:
    """The fields of an XML answer: plain ones read at once, the rest by ``parse_xml``.

    Raise XMLRefused, whatever the reason.
    """
    plain = plain_xml_reader(root)(body)
    if plain is not None:
        return plain
    try:
        return parse_xml(body, root)
    except expat.ExpatError as error:
        raise XMLRefused(str(error)) from None

"""XML answers (``format=xml``): one root element (``<data>``) with a child per field.

Parsed with expat, with every door closed: a DOCTYPE (and so any DTD or entity
declaration) is refused before it is read, external entities are never
resolved, nothing is fetched. Element text is returned as it came; the wire
model turns numeric text into integers.
"""

from __future__ import annotations

from typing import Any
from xml.parsers import expat

from ._errors import quoted

__all__ = ["XMLRefused", "parse_xml"]

class XMLRefused(ValueError):
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

"""The XML answer parser, in place: plain documents only, every door closed."""

from __future__ import annotations

from xml.parsers import expat

import pytest

from generator.runtime._xml import XMLRefused, parse_xml


def test_xml_empty_msg_is_empty_text() -> None:
    assert parse_xml(b"<data><ret>1002</ret><msg></msg></data>", "data") == {
        "ret": "1002", "msg": ""}
    assert parse_xml(b"<data><ret>1</ret><msg/></data>", "data")["msg"] == ""


@pytest.mark.parametrize("body, reason", [
    (b'<!DOCTYPE data [<!ENTITY x "boom">]><data><ret>&x;</ret></data>', "DTD"),
    (b'<!DOCTYPE data SYSTEM "http://127.0.0.1:9/x.dtd"><data/>', "DTD"),
    (b"<other><ret>0</ret></other>", "root element"),
    (b"<data><ret><x>0</x></ret></data>", "contains element"),
    (b"<data><ret>0</ret><ret>1</ret></data>", "more than once"),
    (b"<data>stray<ret>0</ret></data>", "text outside"),
])
def test_xml_refusals(body: bytes, reason: str) -> None:
    with pytest.raises(XMLRefused, match=reason):
        parse_xml(body, "data")


def test_the_root_element_is_the_callers() -> None:
    assert parse_xml(b"<answer><ret>0</ret></answer>", "answer") == {"ret": "0"}
    with pytest.raises(XMLRefused, match="expected <answer>"):
        parse_xml(b"<data><ret>0</ret></data>", "answer")


def test_malformed_xml_is_an_expat_error() -> None:
    with pytest.raises(expat.ExpatError):
        parse_xml(b"<data><ret>0</data>", "data")

"""The XML answer parser, in place: plain documents only, every door closed."""

from __future__ import annotations

from pathlib import Path
from xml.parsers import expat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.runtime._xml import XMLRefused, parse_xml, plain_xml_reader
from tests.contract.corpus import HOSTILE_XML, bodies, targeted_bodies
from tests.contract.from_spec import ENDPOINTS


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


def _xml_bodies() -> list[bytes]:
    """Every XML body the tests know: examples, captures, the attack and tolerated corpora,
    the contract check's corpora, the refusals above, and these cases at the edge of
    "plain"."""
    root = Path(__file__).resolve().parents[2]
    found = [path.read_bytes().replace(b"WATCHPORT", b"9")
             for folder in ("spec/examples", "tests/contract/captures", "tests/hostile/corpus")
             for path in sorted((root / folder).rglob("*.xml"))]
    found += [body for e in ENDPOINTS for format, body in targeted_bodies(e) if format == "xml"]
    found += [body for _, format, body in bodies(4_000, seed=3) if format == "xml"]
    return [*found, *HOSTILE_XML, *(body for body, _ in REFUSALS), *EDGES]


REFUSALS = [
    (b'<!DOCTYPE data [<!ENTITY x "boom">]><data><ret>&x;</ret></data>', "DTD"),
    (b"<other><ret>0</ret></other>", "root element"),
    (b"<data><ret><x>0</x></ret></data>", "contains element"),
    (b"<data><ret>0</ret><ret>1</ret></data>", "more than once"),
    (b"<data>stray<ret>0</ret></data>", "text outside"),
]
EDGES = [
    b"<data><ret>0</ret>tail<msg/></data>",
    b'<data xmlns="urn:x"><ret>0</ret></data>',
    b"<data><xml:lang>zh</xml:lang></data>",
    b"<data><a:ret>0</a:ret></data>",
    b'<?xml version="1.0" encoding="ISO-8859-1"?><data><msg>\xe9</msg></data>',
    b'<?xml version="1.0" encoding="cp037"?><data/>',
    b"<data><msg>a &amp; b &#x4e2d;</msg><ret attr='1'>0</ret></data>",
    b"<data><msg><![CDATA[x]]></msg></data>",
    b"<data><!-- c --><ret>0</ret></data>",
    b"<data><?pi x?><ret>0</ret></data>",
    "<data><msg>中</msg></data>".encode("utf-16"),
    b"<data><ret>0</ret></data>trailing",
]


def test_the_plain_reader_reads_answers_as_the_full_parser_does() -> None:
    """``plain_xml_reader`` hands back what is not plain; what it reads, ``parse_xml`` reads
    alike (and never refuses). It takes most answers, or it would not be worth having."""
    read = plain_xml_reader("data")
    corpus = _xml_bodies()
    taken = 0
    for body in corpus:
        for text in {body, body.strip()}:
            plain = read(text)
            if plain is not None:
                taken += 1
                assert parse_xml(text, "data") == plain, text
    assert taken > len(corpus) // 2, (taken, len(corpus))


# Characters whose reading differs between a naive reader and expat, and ordinary ones.
XML_CHARACTERS = st.sampled_from(["0", "1", "a", " ", "\r", "\n", "\t", "]", ">", "&", "<",
                                  "\x01", "\x7f", "\x85", "\ufffe", "\ufeff", "昵", "\U0001f600"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["ret", "msg", "a", "ret", "_x1"]),
                          st.text(XML_CHARACTERS, max_size=6)), max_size=4),
       st.sampled_from(["", '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>',
                        '<?xml version="1.1"?>', "<!-- c -->"]),
       st.sampled_from(["", " ", "\n", "\r\n", "\t"]))
def test_the_plain_reader_never_reads_what_expat_reads_otherwise(
        pairs: list[tuple[str, str]], declaration: str, space: str) -> None:
    inner = space.join(f"<{name}>{text}</{name}>" if text else f"<{name}/>"
                       for name, text in pairs)
    try:
        body = f"{declaration}{space}<data>{space}{inner}{space}</data>".encode()
    except UnicodeEncodeError:  # a lone surrogate: no body
        return
    fields = plain_xml_reader("data")(body)
    try:
        expected: dict[str, str] | None = parse_xml(body, "data")
    except (XMLRefused, expat.ExpatError):
        expected = None
    assert fields is None or fields == expected, (body, fields, expected)


def test_the_plain_reader_takes_the_usual_answers() -> None:
    read = plain_xml_reader("data")
    assert read(b'<?xml version="1.0" encoding="UTF-8"?>\n<data>\n<ret>0</ret>\n'
                b"<msg></msg>\n</data>") == {"ret": "0", "msg": ""}

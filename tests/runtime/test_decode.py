"""Body decoding, in place: the body says its encoding; only documented encodings pass."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.runtime._decode import (
    ENCODINGS,
    BodyRefused,
    Decoded,
    _unwrap_any_jsonp,
    decode_body,
    parse_form,
    read_plain_form,
    sniff_encoding,
    unwrap_jsonp,
)
from tests.contract.corpus import HOSTILE_FORM, HOSTILE_JSONP, bodies, targeted_bodies
from tests.contract.from_spec import ENDPOINTS

ALL = ENCODINGS
ME = b'callback( {"client_id":"101364207","openid":"805CFCB3AFEA40CA7CE4B6D8A8668793"} );\n'


@pytest.mark.parametrize("body, encoding", [
    (b'{"ret":0}', "json"),
    (b"\xef\xbb\xbf \n{}", "json"),
    (b"[1]", "json"),
    (b"<data/>", "xml"),
    (b"<html><body>502</body></html>", "xml"),
    (ME, "jsonp"),
    (b"cb ({})", "jsonp"),
    (b"access_token=A&expires_in=7776000", "form"),
    (b"", None),
    (b"hello world", None),
    (b"123", None),
])
def test_the_first_bytes_tell_the_encoding(body: bytes, encoding: str | None) -> None:
    assert sniff_encoding(body) == encoding


def test_jsonp_is_unwrapped_by_its_parentheses_not_fixed_offsets() -> None:
    inner = b'{"client_id":"101364207","openid":"805CFCB3AFEA40CA7CE4B6D8A8668793"}'
    assert unwrap_jsonp(ME.strip()) == inner
    # Any whitespace, no semicolon, a CRLF: the same object.
    assert unwrap_jsonp(b'callback(\r\n' + inner + b'\t)') == inner
    assert decode_body(ME, ALL, "data") == Decoded("jsonp", json_text=inner)


@pytest.mark.parametrize("body, reason", [
    (b'callback( {"client_id":"1"', "truncated or malformed JSONP"),
    (b'jQuery123( {"openid":"X"} );', "'jQuery123' instead of 'callback'"),
    (b"callback( [1, 2] );", "must wrap a JSON object"),
    (b'callback( {"a":1} ); alert(1)', "must wrap a JSON object"),
])
def test_jsonp_refusals(body: bytes, reason: str) -> None:
    with pytest.raises(BodyRefused, match=reason):
        decode_body(body, ALL, "data")


def test_form_pairs_are_strings_percent_decoded() -> None:
    body = b"access_token=FE04%2B%2F&expires_in=7776000&refresh_token=88E4&nick=%E5%B0%8F+x\n"
    assert decode_body(body, ALL, "data") == Decoded("form", values={
        "access_token": "FE04+/", "expires_in": "7776000", "refresh_token": "88E4",
        "nick": "小 x"})
    assert parse_form(b"empty=") == {"empty": ""}


@pytest.mark.parametrize("body, reason", [
    (b"a=1&a=2", "'a' appears more than once"),
    (b"a=1&&b=2", "malformed form pair"),
    (b"a=1&b", "malformed form pair"),
    (b"a=1&b=<script>", "malformed form pair"),
    (b"a=%FF", "not UTF-8"),
    (b"&".join(b"k%d=1" % i for i in range(65)), "more than 64 form pairs"),
])
def test_form_refusals(body: bytes, reason: str) -> None:
    with pytest.raises(BodyRefused, match=reason):
        parse_form(body)


@pytest.mark.parametrize("body, allowed, reason", [
    (b"", ALL, "the body is empty"),
    (b"  \r\n", ALL, "the body is empty"),
    (b"nonsense", ("json",), "not an answer in json"),
    (b"<html><title>502 Bad Gateway</title></html>", ("form", "jsonp"), "HTML or XML"),
    (ME, ("json", "xml"), "looks like JSONP"),
    (b"a=1", ("json", "jsonp"), "looks like form-encoded pairs"),
    (b"<data><ret>0</data>", ALL, "unusable XML"),
    (b"<!DOCTYPE html><html/>", ALL, "unusable XML"),
])
def test_bodies_outside_the_endpoints_encodings_are_refused(
        body: bytes, allowed: tuple[str, ...], reason: str) -> None:
    with pytest.raises(BodyRefused, match=reason):
        decode_body(body, allowed, "data")  # type: ignore[arg-type]


def test_xml_decodes_to_field_texts() -> None:
    assert decode_body(b"<data><ret>0</ret><msg/></data>", ALL, "data") == Decoded(
        "xml", values={"ret": "0", "msg": ""})


def form_bodies() -> list[bytes]:
    found = [body for e in ENDPOINTS for format, body in targeted_bodies(e) if format == "form"]
    found += [body for _, format, body in bodies(4_000, seed=3) if format == "form"]
    return found + HOSTILE_FORM


def test_form_pairs_are_read_all_at_once_as_parse_form_reads_them_one_by_one() -> None:
    corpus = form_bodies()
    fast = 0
    for body in corpus:
        fields = read_plain_form(body.strip())
        if fields is None:
            continue
        fast += 1
        try:
            assert fields == parse_form(body.strip()), body
        except BodyRefused as error:
            raise AssertionError(body) from error
    assert fast > len(corpus) // 2, (fast, len(corpus))  # taken for most


FORM_CHARACTERS = st.sampled_from(["a", "0", "_", "=", "&", "%", "%2", "%26", "%3D", "%2B", "+",
                                   "%e7%94%b7", "%C3%28", "%ff", "%G1", " ", ";", "\\"])


@settings(max_examples=500, deadline=None)
@given(st.lists(FORM_CHARACTERS, max_size=12))
def test_the_form_reader_never_reads_what_parse_form_reads_otherwise(pieces: list[str]) -> None:
    body = ("a=" + "".join(pieces)).encode()
    fields = read_plain_form(body)
    try:
        expected: dict[str, str] | None = parse_form(body)
    except BodyRefused:
        expected = None
    assert fields is None or fields == expected, (body, fields, expected)


JSONP_PIECES = st.sampled_from(["callback", "cb", "(", ")", " ", "  ", ";", "\n", "{", "}",
                                '{"a": 1}', '"} );"', "\t", "()"])


def unwrapped_alike(text: bytes) -> bool:
    """The one-match path for the usual shape gives what the general reader gives."""
    outcomes: list[bytes | None] = []
    for unwrap in (unwrap_jsonp, _unwrap_any_jsonp):
        try:
            outcomes.append(unwrap(text))
        except BodyRefused:
            outcomes.append(None)
    return outcomes[0] == outcomes[1]


def test_known_jsonp_bodies_unwrap_as_any_jsonp_does() -> None:
    corpus = [body.strip() for e in ENDPOINTS for format, body in targeted_bodies(e)
              if format == "jsonp"] + [body.strip() for body in HOSTILE_JSONP]
    assert corpus
    assert [text for text in corpus if not unwrapped_alike(text)] == []


@settings(max_examples=500, deadline=None)
@given(st.lists(JSONP_PIECES, max_size=10))
def test_jsonp_as_graph_qq_com_writes_it_unwraps_as_any_jsonp_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert unwrapped_alike(f"callback( {text} );".encode()) and unwrapped_alike(text.encode())

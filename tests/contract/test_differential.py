"""The fast contract judge and the reference validator (jsonschema) agree on every body.

The corpus covers, for every endpoint of the spec and every encoding it declares (JSON,
XML, JSONP, form), every error and drift the check knows that the endpoint's fields and
error shape allow, the encodings it never answers in, and 10,000 random bodies. Each fast
path (the msgspec proof of clean bodies, the plain-XML reader, JSON read by ``json``'s C
parser, the JSONL envelope reader, ``describe``) is shown to be taken, and to agree with
the path it cuts short; without msgspec the check gives the same verdicts.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Endpoint
from tests.bodies import JSON_LIKE
from tests.contract.corpus import (
    HOSTILE_FORM,
    HOSTILE_JSON,
    HOSTILE_JSONP,
    HOSTILE_XML,
    bodies,
    jsonl_lines,
    targeted_bodies,
)
from tests.contract.from_spec import (
    API,
    ENDPOINTS,
    LISTED_RETS,
    Finding,
    check_command_module,
    check_module,
    documented_success,
    encode,
    error_document,
    example_only,
    field_named,
    findings,
    integer_wire_fields,
    message_class,
    numeric_string_fields,
    success_document,
)

CORPUS_SIZE = 10_000
VERDICTS = ("ok", "drift", "error")
ENCODINGS = ("json", "xml", "jsonp", "form")


def declaring(format: str) -> list[str]:
    return [e.name for e in ENDPOINTS if format in e.encodings]


def verdict(found: list[Finding]) -> tuple[str, list[tuple[str, str]]]:
    kinds = {f.kind for f in found}
    overall = "error" if "error" in kinds else "drift" if kinds else "ok"
    return overall, sorted({(f.kind, f.pointer) for f in found})


def expected_classes(endpoint: Endpoint, format: str) -> set[tuple[str, str, str]]:
    """Every (finding kind, message, field kind or "") the spec says the endpoint can show
    in ``format``."""
    shape = endpoint.errors
    json_like = format in JSON_LIKE
    expected = {
        ("error", "required field missing", "text"),
        ("drift", "field not in the spec", ""),
        ("drift", "error code not in the return-code tables", "return_code"),
    }
    if shape.always_present:
        expected.add(("error", "required field missing", "return_code"))
    expected |= {("error", "wrong value", f.kind) for f in endpoint.fields
                 if f.kind != "text" or json_like}
    expected |= {("error", "number too long to read", f.kind) for f in endpoint.fields
                 if f.kind != "text"}
    unusable = {"json": {"the body is not an object", "unparseable JSON"},
                "jsonp": {"unusable jsonp", "unparseable JSON"},
                "xml": {"unusable XML"}, "form": {"unusable form"}}
    expected |= {("error", message, "") for message in unusable[format]}
    if json_like:
        expected |= {("drift", "duplicate key: the last value wins", "return_code"),
                     ("drift", "duplicate key: the last value wins", "text"),
                     ("drift", "number sent as a numeric string", "return_code")}
        expected |= {("drift", "number sent as a numeric string", f.kind)
                     for f in integer_wire_fields(endpoint)}
        expected |= {("drift", "number sent as a JSON number where the page documents a string",
                      f.kind) for f in numeric_string_fields(endpoint)}
    for f in documented_success(endpoint):
        expected.add(("error", "documented field missing on success", f.kind))
    for f in example_only(endpoint):
        expected.add(("drift", "example-only field missing", f.kind))
    for f in endpoint.success_fields:
        if f.kind == "code":
            expected.add(("drift", "code not in the spec's table", "code"))
    return expected


def classes(endpoint: Endpoint, found: list[Finding]) -> Iterator[tuple[str, str, str]]:
    for finding in found:
        name = finding.pointer.removeprefix(f"/{API.xml_root}").removeprefix("/")
        f = field_named(endpoint, name)
        yield finding.kind, message_class(finding.message), f.kind if f else ""


def corpus() -> Iterator[tuple[Endpoint, str, bytes]]:
    by_name = {e.name: e for e in ENDPOINTS}
    for endpoint in ENDPOINTS:
        for format, body in targeted_bodies(endpoint):
            yield endpoint, format, body
        failure = error_document(endpoint, LISTED_RETS[0], "x")
        for format in ENCODINGS:
            if format not in endpoint.encodings:  # an encoding it never answers in
                yield endpoint, format, encode(failure, format)
    for name, format, body in bodies(CORPUS_SIZE, seed=20261129):
        yield by_name[name], format, body


def count_full_path(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Calls of the full path (parse, then judge field by field), counted from now on."""
    module = check_module()
    calls: Counter[str] = Counter()

    def counting(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return original(*args, **kwargs)

        return counted

    for name in ("load_json", "check_document"):
        monkeypatch.setattr(module, name, counting(name, getattr(module, name)))
    return calls


@pytest.mark.slow
def test_fast_and_reference_agree_on_a_corpus_of_every_finding_of_every_endpoint(
        monkeypatch: pytest.MonkeyPatch) -> None:
    full_path = count_full_path(monkeypatch)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    proven: Counter[tuple[str, str]] = Counter()
    seen: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    disagreements = []
    for endpoint, format, body in corpus():
        before = full_path.total()
        fast_findings = findings(endpoint.name, body, format)
        if not fast_findings and full_path.total() == before:
            proven[endpoint.name, format] += 1
        fast = verdict(fast_findings)
        reference = verdict(findings(endpoint.name, body, format, reference=True))
        counts[endpoint.name, format][fast[0]] += 1
        seen[endpoint.name, format] |= set(classes(endpoint, fast_findings))
        if fast != reference:
            disagreements.append((endpoint.name, format, body[:200], fast, reference))
    assert disagreements == [], disagreements[:5]
    assert sum(sum(c.values()) for c in counts.values()) >= CORPUS_SIZE
    for endpoint in ENDPOINTS:
        for format in ENCODINGS:
            pair = endpoint.name, format
            if format not in endpoint.encodings:
                assert seen[pair] == {("error", "never answers", "")}, pair
                continue
            # Every kind of error and drift the endpoint can show in this encoding.
            missing = expected_classes(endpoint, format) - seen[pair]
            assert not missing, (pair, sorted(missing))
            # Every verdict substantially, or agreement proves little.
            total = sum(counts[pair].values())
            assert total > CORPUS_SIZE // (4 * len(ENDPOINTS) * len(endpoint.encodings)), pair
            assert min(counts[pair][v] for v in VERDICTS) > total // 30, (pair, counts[pair])
            # The fast path proves nearly every clean body, so agreement covers it too.
            assert proven[pair] >= 0.9 * counts[pair]["ok"], (pair, proven[pair], counts[pair])


def independently_unusable(body: bytes, format: str) -> bool:
    """True if the standard library cannot make an object of the body in ``format``."""
    text = body.removeprefix(b"\xef\xbb\xbf").strip()
    if format == "form":
        names = [pair.split(b"=", 1)[0] for pair in text.split(b"&")]
        try:
            parse_qsl(text.decode("utf-8"), strict_parsing=True, keep_blank_values=True,
                      errors="strict")
        except (ValueError, UnicodeDecodeError):
            return True
        return len(set(names)) < len(names) or not all(
            re.fullmatch(rb"[A-Za-z_][A-Za-z0-9_]*", name) for name in names)
    if format == "jsonp":
        match = re.fullmatch(rb"callback\s*\((.*)\)\s*;?", text, re.DOTALL)
        if match is None:
            return True
        body = match.group(1)
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return True
    return not isinstance(document, dict)


HOSTILE_TEXT = [(format, body) for format, hostile in (("json", HOSTILE_JSON),
                                                       ("jsonp", HOSTILE_JSONP),
                                                       ("form", HOSTILE_FORM))
                for body in hostile]


@pytest.mark.parametrize("format, body", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
@pytest.mark.parametrize("endpoint", [e.name for e in ENDPOINTS])
def test_hostile_bodies_get_the_same_verdict_on_both_paths(endpoint: str, format: str,
                                                           body: bytes) -> None:
    fast = verdict(findings(endpoint, body, format))
    assert fast == verdict(findings(endpoint, body, format, reference=True))
    if independently_unusable(body, format):
        assert fast[0] == "error", fast
    if endpoint not in declaring(format):
        assert fast[0] == "error", fast  # an encoding the endpoint never answers in


@pytest.mark.parametrize("format", ["json", "jsonp", "form"])
def test_most_hostile_bodies_are_unusable(format: str) -> None:
    # The claim above is about something: most of the hostile bodies are no object.
    hostile = [body for f, body in HOSTILE_TEXT if f == format]
    assert sum(independently_unusable(body, format) for body in hostile) > len(hostile) // 2


@pytest.mark.parametrize("body", HOSTILE_XML, ids=range(len(HOSTILE_XML)))
@pytest.mark.parametrize("endpoint", declaring("xml"))
def test_hostile_xml_gets_the_same_verdict_on_both_paths(endpoint: str, body: bytes) -> None:
    fast = verdict(findings(endpoint, body, "xml"))
    assert fast == verdict(findings(endpoint, body, "xml", reference=True))
    try:
        ElementTree.fromstring(body)
    except (ElementTree.ParseError, ValueError):  # not well-formed, or not UTF-8
        assert fast[0] == "error", fast


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_an_encoding_the_endpoint_never_answers_in_is_an_error(endpoint: Endpoint) -> None:
    failure = error_document(endpoint, 1002, "x")
    for format in ENCODINGS:
        if format in endpoint.encodings:
            continue
        body = encode(failure, format)
        for reference in (False, True):
            found = findings(endpoint.name, body, format, reference=reference)
            assert [(f.kind, f.pointer) for f in found] == [("error", "")], found
            assert "never answers" in found[0].message


# -- the fast paths, each taken and each agreeing with the path it cuts short --------------


def fast_module() -> ModuleType:
    """The contract check's fast paths, beside its internals (``check_module``)."""
    return import_module(f"{check_module().__package__}._check_fast")


def xml_module() -> ModuleType:
    """The XML readers the check shares with the client."""
    return import_module(f"{check_module().__package__}._xml")


def refuse(name: str) -> Callable[..., Any]:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"{name} ran")

    return refused


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_clean_bodies_are_proven_without_the_full_path(endpoint: Endpoint,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("load_json", "check_document"):
        monkeypatch.setattr(check_module(), name, refuse("the full check"))
    success = success_document(endpoint)
    failure = error_document(endpoint, LISTED_RETS[0], "请先登录")
    for format in endpoint.encodings:
        for clean in (success, failure):
            assert findings(endpoint.name, encode(clean, format), format) == [], format
        drift = {**success, "unknown_extra": "1"}
        with pytest.raises(AssertionError, match="full check ran"):
            findings(endpoint.name, encode(drift, format), format)


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if "xml" in e.encodings],
                         ids=lambda e: e.name)
def test_plain_xml_never_reaches_expat(endpoint: Endpoint,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xml_module(), "parse_xml", refuse("expat"))
    drift = {**success_document(endpoint), "unknown_extra": "1"}
    assert [f.message for f in findings(endpoint.name, encode(drift, "xml"), "xml")] == [
        "field not in the spec"]
    with pytest.raises(AssertionError, match="expat ran"):  # an entity: expat's to read
        findings(endpoint.name, encode({**drift, "unknown_extra": "a&b"}, "xml"), "xml")


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if "form" in e.encodings],
                         ids=lambda e: e.name)
def test_plain_form_pairs_never_reach_parse_form(endpoint: Endpoint,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    decode = import_module(f"{check_module().__package__}._decode")
    monkeypatch.setattr(decode, "parse_form", refuse("parse_form"))
    drift = {**success_document(endpoint), "unknown_extra": "请先登录"}
    assert [f.message for f in findings(endpoint.name, encode(drift, "form"), "form")] == [
        "field not in the spec"]
    with pytest.raises(AssertionError, match="parse_form ran"):  # a repeated name: refused
        findings(endpoint.name, encode(drift, "form") + b"&unknown_extra=1", "form")


def reference_load(text: bytes) -> tuple[object, tuple[str, ...]]:
    """``json``'s reading with the top level's repeated keys, independently of the product."""
    repeated: list[str] = []

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        names = [name for name, _ in pairs]
        repeated[:] = sorted({name for name in names if names.count(name) > 1})
        return dict(pairs)

    return json.loads(text, object_pairs_hook=hook), tuple(repeated)


JSON_TEXTS = [b'{"ret": NaN, "msg": ""}', b'{"ret": 1, "msg": "", "x": {"a": [1, {"b": 2}]}}',
              b'{"ret": 1, "msg": "", "x": {"a": 1, "a": 2}}', b'{"ret": 1e999, "ret": 2}',
              b'{"ret": 1, "msg": "\\":", "x": [{}]}', b'{"ret": ' + b"9" * 30 + b', "a": []}']


@pytest.mark.parametrize("text", JSON_TEXTS, ids=range(len(JSON_TEXTS)))
def test_json_msgspec_cannot_read_is_read_by_json_at_c_speed(
        text: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    check = check_module()
    document, duplicates = reference_load(text)
    repeated = b'"a": 1, "a"' in text or b'"ret": 1e999, "ret"' in text or b'\\":' in text
    if not repeated:  # no key repeats, anywhere: the hooked parser never runs
        monkeypatch.setattr(check, "_DECODER", refuse("the hooked parser"))
    loaded = check.load_json(text)
    assert json.dumps(loaded[0]) == json.dumps(document) and loaded[1] == duplicates


def envelope_of(line: bytes) -> tuple[str, str, bytes] | None:
    """What the command's own path reads from a line, where it reads three strings."""
    structure = re.sub(rb'"(?:[^"\\]|\\.)*"', b"", line).translate(None, b" \t\r\n")
    try:
        value = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(value, dict) or len(structure) > 1024:
        return None
    endpoint, format, body = (value.get(key) for key in ("endpoint", "format", "body"))
    if not all(isinstance(item, str) for item in (endpoint, format, body)):
        return None
    try:
        return str(endpoint), str(format), str(body).encode("utf-8")
    except UnicodeEncodeError:
        return None


HOSTILE_LINES = [
    b'{"endpoint": "a", "format": "json", "body": "\\ud800"}',
    b'{"endpoint": "a", "format": "json", "body": "x", "extra": NaN}',
    b'{"endpoint": "a", "format": "json", "body": "x", "extra": ' + b"9" * 5000 + b"}",
    b'{"endpoint": "a", "format": "json", "body": "\xed\xa0\x80"}',
    b'\xef\xbb\xbf{"endpoint": "a", "format": "json", "body": "x"}',
    b'{"endpoint": "a", "endpoint": "b", "format": "json", "body": "x"}',
    b'{"endpoint": "a", "format": "json", "body": "x"' + b', "body": "x"' * 600 + b"}",
    b'{"endpoint": "a", "format": "json", "body": ' + b"[" * 3000 + b"]" * 3000 + b"}",
    b'{"endpoint": 1, "format": "json", "body": "x"}', b'{"format": "json", "body": "x"}',
    b'{"endpoint": "a", "format": "json", "body": "x"} trailing', b"\xc3\x28", b"[]",
    b'{"endpoint": "a", "format": "json", "body": "a\\u0000\\n\\"\\\\"}\r\n',
]


def test_the_envelope_reader_reads_what_json_reads() -> None:
    decode_envelope = fast_module().decode_envelope
    lines = [line.encode() for line in jsonl_lines(3_000, seed=11)]
    for line in lines:
        assert decode_envelope(line) == envelope_of(line), line  # taken for every line
    for line in HOSTILE_LINES:
        read = decode_envelope(line)
        assert read is None or read == envelope_of(line), line
    assert decode_envelope(HOSTILE_LINES[-1]) == ("a", "json", b'a\x00\n"\\')


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["endpoint", "format", "body", "x"]),
                       st.one_of(st.text(), st.integers(), st.none(), st.lists(st.text())),
                       max_size=4),
       st.booleans())
def test_the_envelope_reader_never_reads_what_json_reads_otherwise(
        envelope: dict[str, Any], ascii: bool) -> None:
    line = json.dumps(envelope, ensure_ascii=ascii).encode("utf-8", "surrogatepass")
    read = fast_module().decode_envelope(line)
    assert read is None or read == envelope_of(line), line


# Lines that could fool a reader of whitespace-separated values into pairing values and
# lines wrongly: two envelopes on one line, one envelope over two lines.
SPLIT_LINES = [
    b'{"endpoint": "a", "format": "json", "body": "1"} {"endpoint": "b", "format": "json", '
    b'"body": "2"}\n',
    b'{"endpoint": "a", "format": "json",\n', b'"body": "x"}\n',
    b'{"endpoint": "a", "format": "json", "body": "3"}\n', b'  {"endpoint": "a"}  \n',
]


def test_envelopes_read_in_a_batch_are_those_read_one_by_one() -> None:
    decode_envelope, decode_envelopes = (fast_module().decode_envelope,
                                         fast_module().decode_envelopes)
    usual = [line.encode() for line in jsonl_lines(600, seed=12)]
    assert decode_envelopes(usual) == [decode_envelope(line.strip()) for line in usual]
    odd = [line + b"\n" for line in HOSTILE_LINES if line.strip()] + SPLIT_LINES
    for index, line in enumerate(odd):
        for batch in ([line], [usual[0], line], [line, usual[1]], odd[index:index + 3]):
            read = decode_envelopes(batch)
            assert read is None or read == [decode_envelope(raw.strip()) for raw in batch], batch


def test_a_jsonl_file_reads_alike_in_batches_and_line_by_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qq_connect.check import iter_captures

    usual = [line.encode() for line in jsonl_lines(700, seed=13)]
    lines = usual[:300] + [line + b"\n" for line in HOSTILE_LINES] + SPLIT_LINES + [
        b"\n", b"   \r\n"] + usual[300:]
    path = tmp_path / "captures.jsonl"
    path.write_bytes(b"".join(lines))
    batched = list(iter_captures([path]))
    monkeypatch.setattr(check_command_module(), "decode_envelopes", lambda lines: None)
    assert batched == list(iter_captures([path]))
    assert len(batched) == len(lines) - 2  # the blank lines are no captures


def json_describe(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


@given(st.one_of(st.text(), st.integers(), st.floats(), st.booleans(), st.none()))
def test_describe_writes_what_json_writes(value: object) -> None:
    assert check_module().describe(value) == json_describe(value)


def test_without_msgspec_the_verdicts_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from qq_connect._contracts import CONTRACTS

    check = check_module()
    with_msgspec = {name: contract for name, contract in CONTRACTS.items()}
    monkeypatch.setitem(sys.modules, "msgspec", None)  # import msgspec: ImportError
    monkeypatch.setattr(check, "_quick_decode", lambda body: None)
    assert fast_module()._envelope_reader()(HOSTILE_LINES[-1]) is None
    for endpoint in ENDPOINTS:
        without = replace(with_msgspec[endpoint.name])  # its fast path not yet built
        assert without.clean_proof is None
        for format, body in targeted_bodies(endpoint):
            expected = check.check_body(with_msgspec[endpoint.name], body, format)
            assert check.check_body(without, body, format) == expected, body

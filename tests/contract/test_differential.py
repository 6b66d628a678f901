"""The fast contract judge and the reference validator (jsonschema) agree on every body.

The corpus covers, for every endpoint of the spec, every error and drift the check knows
that the endpoint's fields and error shape allow, in every encoding it declares (JSON,
XML, JSONP, form), plus random bodies.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterator
from urllib.parse import parse_qsl

import pytest

from generator.model import Endpoint
from tests.bodies import JSON_LIKE
from tests.contract.corpus import (
    HOSTILE_FORM,
    HOSTILE_JSON,
    HOSTILE_JSONP,
    HOSTILE_XML,
    bodies,
    targeted_bodies,
)
from tests.contract.from_spec import (
    ENDPOINTS,
    Finding,
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


def expected_classes(endpoint: Endpoint) -> set[tuple[str, str, str]]:
    """Every (finding kind, message, field kind or "") the spec says the endpoint can show."""
    shape = endpoint.errors
    json_like = any(format in JSON_LIKE for format in endpoint.encodings)
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
    for format in endpoint.encodings:
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
        name = finding.pointer.removeprefix("/data").removeprefix("/")
        f = field_named(endpoint, name)
        yield finding.kind, message_class(finding.message), f.kind if f else ""


def corpus() -> Iterator[tuple[Endpoint, str, bytes]]:
    by_name = {e.name: e for e in ENDPOINTS}
    for endpoint in ENDPOINTS:
        for format, body in targeted_bodies(endpoint):
            yield endpoint, format, body
    for name, format, body in bodies(CORPUS_SIZE, seed=20261129):
        yield by_name[name], format, body


@pytest.mark.slow
def test_fast_and_reference_agree_on_a_corpus_of_every_finding_of_every_endpoint() -> None:
    counts: dict[str, Counter[str]] = {e.name: Counter() for e in ENDPOINTS}
    per_encoding: Counter[tuple[str, str]] = Counter()
    seen: dict[str, set[tuple[str, str, str]]] = {e.name: set() for e in ENDPOINTS}
    disagreements = []
    for endpoint, format, body in corpus():
        fast_findings = findings(endpoint.name, body, format)
        fast = verdict(fast_findings)
        reference = verdict(findings(endpoint.name, body, format, reference=True))
        counts[endpoint.name][fast[0]] += 1
        per_encoding[format, fast[0]] += 1
        seen[endpoint.name] |= set(classes(endpoint, fast_findings))
        if fast != reference:
            disagreements.append((endpoint.name, format, body[:200], fast, reference))
    assert disagreements == [], disagreements[:5]
    for endpoint in ENDPOINTS:
        # Every kind of error and drift this endpoint can show, on both judges.
        missing = expected_classes(endpoint) - seen[endpoint.name]
        assert not missing, (endpoint.name, sorted(missing))
        # Every verdict substantially, or agreement proves little.
        total = sum(counts[endpoint.name].values())
        assert total > CORPUS_SIZE // (2 * len(ENDPOINTS)), (endpoint.name, total)
        assert min(counts[endpoint.name][v] for v in VERDICTS) > total // 20, (
            endpoint.name, counts[endpoint.name])
    overall = sum(counts.values(), Counter[str]())
    assert sum(overall.values()) >= CORPUS_SIZE
    assert min(overall[v] for v in VERDICTS) > sum(overall.values()) // 10, overall
    # Every encoding some endpoint declares, with every verdict.
    for format in ENCODINGS:
        if declaring(format):
            assert all(per_encoding[format, v] > 0 for v in VERDICTS), (format, per_encoding)


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


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_clean_bodies_are_proven_without_the_full_path(endpoint: Endpoint,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def full_path(body: bytes) -> None:
        raise AssertionError("the full check ran for a clean body")

    success = success_document(endpoint)
    monkeypatch.setattr(check_module(), "load_json", full_path)
    for format in JSON_LIKE:
        if format not in endpoint.encodings:
            continue
        assert findings(endpoint.name, encode(success, format), format) == []
        drift = {**success, "unknown_extra": 1}
        with pytest.raises(AssertionError, match="full check ran"):
            findings(endpoint.name, encode(drift, format), format)

"""The fast contract judge and the reference validator (jsonschema) agree on every body.

The corpus covers, for every endpoint of the spec, every error and drift the check knows
that the endpoint's fields allow, in every format it offers, plus random bodies.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterator

import pytest

from generator.model import Endpoint
from tests.contract.corpus import HOSTILE_JSON, HOSTILE_XML, bodies, targeted_bodies
from tests.contract.from_spec import (
    ENDPOINTS,
    Finding,
    check_module,
    documented_success,
    example_only,
    field_named,
    findings,
    message_class,
    success_document,
    to_json,
)

CORPUS_SIZE = 10_000
VERDICTS = ("ok", "drift", "error")
XML_ENDPOINTS = [e.name for e in ENDPOINTS if "xml" in e.formats]


def verdict(found: list[Finding]) -> tuple[str, list[tuple[str, str]]]:
    kinds = {f.kind for f in found}
    overall = "error" if "error" in kinds else "drift" if kinds else "ok"
    return overall, sorted({(f.kind, f.pointer) for f in found})


def expected_classes(endpoint: Endpoint) -> set[tuple[str, str, str]]:
    """Every (finding kind, message, field kind or "") the spec says the endpoint can show."""
    expected = {
        ("error", "the body is not an object", ""),
        ("error", "required field missing", "return_code"),
        ("error", "required field missing", "text"),
        ("error", "unparseable JSON", ""),
        ("drift", "duplicate key: the last value wins", "return_code"),
        ("drift", "field not in the spec", ""),
        ("drift", "number sent as a numeric string", "return_code"),
        ("drift", "ret not in the return-code tables", "return_code"),
    }
    expected |= {("error", "wrong value", f.kind) for f in endpoint.fields}
    if "xml" in endpoint.formats:
        expected.add(("error", "unusable XML", ""))
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
        # Duplicate keys in the targeted body are ret's and msg's; say which kind.
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
    seen: dict[str, set[tuple[str, str, str]]] = {e.name: set() for e in ENDPOINTS}
    disagreements = []
    for endpoint, format, body in corpus():
        fast_findings = findings(endpoint.name, body, format)
        fast = verdict(fast_findings)
        reference = verdict(findings(endpoint.name, body, format, reference=True))
        counts[endpoint.name][fast[0]] += 1
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
    assert min(overall[v] for v in VERDICTS) > CORPUS_SIZE // 10, overall


def independently_unusable(body: bytes) -> bool:
    """True if Python's own json module cannot make an object of the body."""
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return True
    return not isinstance(document, dict)


@pytest.mark.parametrize("body", HOSTILE_JSON, ids=range(len(HOSTILE_JSON)))
@pytest.mark.parametrize("endpoint", [e.name for e in ENDPOINTS])
def test_hostile_json_gets_the_same_verdict_on_both_paths(endpoint: str, body: bytes) -> None:
    fast = verdict(findings(endpoint, body, "json"))
    assert fast == verdict(findings(endpoint, body, "json", reference=True))
    if independently_unusable(body):
        assert fast[0] == "error", fast


def test_most_hostile_json_is_unusable() -> None:
    # The claim above is about something: most of the hostile bodies are no JSON object.
    assert sum(map(independently_unusable, HOSTILE_JSON)) > len(HOSTILE_JSON) // 2


@pytest.mark.parametrize("body", HOSTILE_XML, ids=range(len(HOSTILE_XML)))
@pytest.mark.parametrize("endpoint", XML_ENDPOINTS)
def test_hostile_xml_gets_the_same_verdict_on_both_paths(endpoint: str, body: bytes) -> None:
    fast = verdict(findings(endpoint, body, "xml"))
    assert fast == verdict(findings(endpoint, body, "xml", reference=True))
    try:
        ElementTree.fromstring(body)
    except (ElementTree.ParseError, ValueError):  # not well-formed, or not UTF-8
        assert fast[0] == "error", fast


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_clean_bodies_are_proven_without_the_full_path(endpoint: Endpoint,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def full_path(body: bytes) -> None:
        raise AssertionError("the full check ran for a clean body")

    clean = to_json(success_document(endpoint))
    monkeypatch.setattr(check_module(), "load_json", full_path)
    assert findings(endpoint.name, clean, "json") == []
    with pytest.raises(AssertionError, match="full check ran"):
        findings(endpoint.name, to_json({**success_document(endpoint), "ret": "0"}), "json")

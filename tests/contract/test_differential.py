"""The fast contract judge and the reference validator (jsonschema) agree on every body."""

from __future__ import annotations

from pathlib import Path

import pytest

from qq_connect._check import Finding, check_body
from qq_connect._contracts import CONTRACTS
from tests.contract.corpus import HOSTILE_JSON, HOSTILE_XML, bodies

CORPUS_SIZE = 10_000


def verdict(findings: list[Finding]) -> tuple[str, list[tuple[str, str]]]:
    kinds = {f.kind for f in findings}
    overall = "error" if "error" in kinds else "drift" if kinds else "ok"
    return overall, sorted({(f.kind, f.pointer) for f in findings})


def test_fast_and_reference_agree_on_a_mixed_corpus() -> None:
    counts = {"ok": 0, "drift": 0, "error": 0}
    disagreements = []
    for endpoint, format, body in bodies(CORPUS_SIZE, seed=20261129):
        contract = CONTRACTS[endpoint]
        fast = verdict(check_body(contract, body, format))
        reference = verdict(check_body(contract, body, format, reference=True))
        counts[fast[0]] += 1
        if fast != reference:
            disagreements.append((endpoint, format, body[:200], fast, reference))
    assert disagreements == [], disagreements[:5]
    # The corpus must exercise every verdict substantially, or agreement proves little.
    assert min(counts.values()) > CORPUS_SIZE // 10, counts


@pytest.mark.parametrize("body", HOSTILE_JSON, ids=range(len(HOSTILE_JSON)))
@pytest.mark.parametrize("endpoint", sorted(CONTRACTS))
def test_hostile_json_is_an_error_finding_on_both_paths(endpoint: str, body: bytes) -> None:
    contract = CONTRACTS[endpoint]
    assert verdict(check_body(contract, body, "json")) == verdict(
        check_body(contract, body, "json", reference=True))


@pytest.mark.parametrize("body", HOSTILE_XML, ids=range(len(HOSTILE_XML)))
def test_hostile_xml_agrees(body: bytes) -> None:
    contract = CONTRACTS["get_vip_info"]
    assert verdict(check_body(contract, body, "xml")) == verdict(
        check_body(contract, body, "xml", reference=True))


def test_clean_bodies_are_proven_without_the_full_path(monkeypatch: pytest.MonkeyPatch) -> None:
    import qq_connect._check as check

    def full_path(body: bytes) -> None:
        raise AssertionError("the full check ran for a clean body")

    clean = (Path(__file__).parents[2] / "spec/examples/get_vip_info/success.json").read_bytes()
    monkeypatch.setattr(check, "load_json", full_path)
    assert check_body(CONTRACTS["get_vip_info"], clean, "json") == []
    with pytest.raises(AssertionError, match="full check ran"):
        check_body(CONTRACTS["get_vip_info"], clean.replace(b'"ret": 0', b'"ret": "0"'), "json")

"""``python -m qq_connect.check``: the command users run on their own captures.

It runs on a capture tree of every endpoint of the spec: the repository's captures
where present, plus bodies built from the spec (``from_spec``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from qq_connect.check import main
from tests.bodies import JSON_LIKE
from tests.contract.corpus import jsonl_lines
from tests.contract.from_spec import (
    CAPTURES,
    ENDPOINTS,
    LISTED_RETS,
    ROOT,
    all_cases,
    documented_success,
    error_document,
    error_documents,
    integer_wire_fields,
    numeric_string_fields,
    success_document,
    to_xml,
    write_tree,
)
from tests.contract.from_spec import endpoint as endpoint_named
from tests.contract.test_check_report_schema import load_report


def run(*arguments: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([str(argument) for argument in arguments])
    return code, capsys.readouterr().out


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("captures")
    write_tree(all_cases(), root)
    return root


def folders(tree: Path, verdict: str) -> list[Path]:
    return sorted(p for p in tree.glob(f"*/{verdict}") if p.is_dir())


def test_this_repository_captures_pass_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    # What CI checks: every valid capture holds; drift is reported but does not fail.
    valid = sorted(p for p in CAPTURES.glob("*/valid") if p.is_dir())
    if not valid:
        pytest.skip("no captures in this repository")
    code, out = run(*valid, capsys=capsys)
    assert code == 0, out
    assert "0 with errors" in out


def test_every_valid_body_of_every_endpoint_passes(tree: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    valid = folders(tree, "valid")
    assert {p.parent.name for p in valid} == {e.name for e in ENDPOINTS}
    code, out = run(*valid, capsys=capsys)
    assert code == 0, out
    assert "0 with errors" in out and "with drift" in out


def test_strict_fails_on_drift(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(*folders(tree, "valid"), "--strict", capsys=capsys)
    assert code == 1 and "FAILED" in out


def test_every_invalid_body_is_an_error(tree: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    invalid = folders(tree, "invalid")
    assert {p.parent.name for p in invalid} == {e.name for e in ENDPOINTS}
    report = tmp_path / "report.json"
    code, _ = run(*invalid, "--json", report, capsys=capsys)
    assert code == 1
    data = load_report(report)
    erroneous = {entry["capture"] for entry in data["captures"] if entry["verdict"] == "error"}
    files = {str(path) for folder in invalid for path in folder.iterdir()}
    assert erroneous == files
    assert data["summary"]["verdicts"]["error"] == len(files) and data["summary"]["failed"]
    pointers = {entry["capture"]: entry["findings"][0]["pointer"] for entry in data["captures"]}
    for e in ENDPOINTS:
        for f in documented_success(e):
            for format in e.encodings:
                prefix = "/data" if format == "xml" else ""
                path = tree / e.name / "invalid" / f"spec_success_missing_{f.name}.{format}"
                assert pointers[str(path)] == f"{prefix}/{f.name}"


def test_drift_findings_name_pointer_expected_and_actual(
        tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    run(*folders(tree, "valid"), "--json", report, capsys=capsys)
    findings = {(e["capture"], f["pointer"], f["message"], f["actual"])
                for e in load_report(report)["captures"] for f in e["findings"]}
    for e in ENDPOINTS:
        valid = tree / e.name / "valid"
        code = e.errors.code_field
        unlisted = dict(error_documents(e))["error_unlisted_code"][code]
        for format in e.encodings:
            prefix = "/data" if format == "xml" else ""
            # In JSON a number shows as one; in XML and form bodies every value is text.
            shown = json.dumps(unlisted if format in JSON_LIKE else str(unlisted))
            assert (str(valid / f"spec_unknown_field.{format}"), f"{prefix}/unknown_extra",
                    "field not in the spec", '"0"') in findings
            assert (str(valid / f"spec_error_unlisted_code.{format}"), f"{prefix}/{code}",
                    "error code not in the return-code tables", shown) in findings
            for f in e.success_fields:
                if f.kind == "code":
                    assert any(c == str(valid / f"spec_unknown_code_{f.name}.{format}")
                               and p == f"{prefix}/{f.name}"
                               and m == "code not in the spec's table"
                               for c, p, m, _ in findings)
        for json_like in JSON_LIKE:
            if json_like not in e.encodings:
                continue
            as_string = valid / f"spec_error_code_as_string.{json_like}"
            assert any(c == str(as_string) and p == f"/{code}"
                       and m == "number sent as a numeric string" for c, p, m, _ in findings)
            for variant, fields, message in (
                    ("numeric_strings", integer_wire_fields(e),
                     "number sent as a numeric string"),
                    ("json_numbers", numeric_string_fields(e),
                     "number sent as a JSON number where the page documents a string")):
                path = valid / f"spec_{variant}.{json_like}"
                for f in fields:
                    if f.name in success_document(e):
                        assert any(c == str(path) and p == f"/{f.name}" and m == message
                                   for c, p, m, _ in findings), (path, f.name)


def test_junit_report(tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junit = tmp_path / "junit.xml"
    valid, invalid = folders(tree, "valid"), folders(tree, "invalid")
    run(*valid, *invalid, "--junit", junit, capsys=capsys)
    suite = ElementTree.parse(junit).getroot()
    cases = suite.findall("testcase")
    total = sum(1 for folder in valid + invalid for _ in folder.iterdir())
    assert int(suite.get("tests", "")) == len(cases) == total
    failing = [case for case in cases if case.find("failure") is not None]
    assert int(suite.get("failures", "")) == len(failing) == sum(
        1 for folder in invalid for _ in folder.iterdir())
    assert any(case.find("system-out") is not None for case in cases)  # drift, not failing


def failure_text(endpoint: str) -> str:
    """A listed failure in the endpoint's error shape, as JSON text."""
    e = endpoint_named(endpoint)
    return json.dumps(error_document(e, LISTED_RETS[0], "请先登录"), ensure_ascii=False)


@pytest.mark.parametrize("endpoint", [e.name for e in ENDPOINTS])
def test_jsonl_corpus_names_lines(endpoint: str, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "captures.jsonl"
    code_field = endpoint_named(endpoint).errors.code_field
    good = json.dumps({"endpoint": endpoint, "format": "json", "body": failure_text(endpoint)},
                      ensure_ascii=False)
    bad = json.dumps({"endpoint": endpoint, "format": "json",
                      "body": json.dumps({code_field: "x"})})
    corpus.write_text(f"{good}\n\n{bad}\nnot json\n", encoding="utf-8")
    report = tmp_path / "report.json"
    code, out = run(corpus, "--json", report, capsys=capsys)
    assert code == 1 and "3 captures" in out
    lines = {entry["line"]: entry["verdict"]
             for entry in load_report(report)["captures"]}
    assert lines == {3: "error", 4: "error"}
    assert f"{corpus}:4" in out


def test_generated_corpus_runs_and_reference_agrees(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(jsonl_lines(500, seed=7)), encoding="utf-8")
    fast, reference = tmp_path / "fast.json", tmp_path / "reference.json"
    run(corpus, "--json", fast, capsys=capsys)
    run(corpus, "--json", reference, "--reference", capsys=capsys)
    assert load_report(fast)["summary"] == load_report(reference)["summary"]


@pytest.mark.parametrize("endpoint", [e.name for e in ENDPOINTS])
def test_hard_to_get_wrong(endpoint: str, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    loose = tmp_path / "loose.json"
    loose.write_text(failure_text(endpoint), encoding="utf-8")
    code, out = run(loose, capsys=capsys)
    assert code == 1 and "cannot tell the endpoint" in out
    assert run(loose, "--endpoint", endpoint, capsys=capsys)[0] == 0
    lying = tmp_path / endpoint / "answer.json"
    lying.parent.mkdir()
    lying.write_bytes(to_xml({"ret": 1002, "msg": "请先登录"}))
    code, out = run(lying, capsys=capsys)
    assert code == 1 and "unparseable JSON: the body looks like HTML or XML" in out
    (tmp_path / "empty").mkdir()
    code, out = run(tmp_path / "empty", capsys=capsys)
    assert code == 2 and "nothing checked" in out and "passed" not in out


def test_console_entry_point_runs_as_a_module(tree: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "qq_connect.check", *map(str, folders(tree, "valid"))],
        capture_output=True, text=True, check=False, env={"PYTHONPATH": str(ROOT / "generated")})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout

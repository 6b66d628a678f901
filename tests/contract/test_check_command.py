"""``python -m qq_connect.check``: the command users run on their own captures."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from qq_connect.check import main
from tests.contract.corpus import jsonl_lines

CAPTURES = Path(__file__).parent / "captures"
VALID = [CAPTURES / "get_vip_rich_info" / "valid", CAPTURES / "get_vip_info" / "valid"]
INVALID = [CAPTURES / "get_vip_rich_info" / "invalid", CAPTURES / "get_vip_info" / "invalid"]


def run(*arguments: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([str(argument) for argument in arguments])
    return code, capsys.readouterr().out


def test_this_repository_captures_pass_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    # What CI checks: every valid capture holds; drift is reported but does not fail.
    code, out = run(*VALID, capsys=capsys)
    assert code == 0, out
    assert "0 with errors" in out and "with drift" in out


def test_strict_fails_on_drift(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(*VALID, "--strict", capsys=capsys)
    assert code == 1 and "number sent as a numeric string" in out


def test_every_invalid_capture_is_an_error(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    code, _ = run(*INVALID, "--json", report, capsys=capsys)
    assert code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    erroneous = {entry["capture"] for entry in data["captures"] if entry["verdict"] == "error"}
    files = {str(path) for folder in INVALID for path in folder.iterdir()}
    assert erroneous == files
    assert data["summary"]["verdicts"]["error"] == len(files) and data["summary"]["failed"]
    missing = next(e for e in data["captures"]
                   if e["capture"].endswith("success_missing_documented_field.xml"))
    assert missing["findings"][0]["pointer"] == "/data/qq_vip_end"


def test_drift_findings_name_pointer_expected_and_actual(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    run(CAPTURES / "get_vip_rich_info/valid/unknown_payway_code.json",
        CAPTURES / "get_vip_rich_info/valid/numeric_strings_msdk_proxy.json",
        "--json", report, capsys=capsys)
    findings = {(e["capture"].rsplit("/", 1)[1], f["pointer"], f["message"], f["actual"])
                for e in json.loads(report.read_text("utf-8"))["captures"] for f in e["findings"]}
    assert ("unknown_payway_code.json", "/qq_vip_payway", "code not in the spec's table",
            "999") in findings
    assert ("numeric_strings_msdk_proxy.json", "/is_svip", "field not in the spec",
            '"0"') in findings
    assert ("numeric_strings_msdk_proxy.json", "/qq_vip_start",
            "number sent as a numeric string", '"1313974842"') in findings


def test_junit_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junit = tmp_path / "junit.xml"
    run(*VALID, *INVALID, "--junit", junit, capsys=capsys)
    suite = ElementTree.parse(junit).getroot()
    cases = suite.findall("testcase")
    total = sum(1 for folder in VALID + INVALID for _ in folder.iterdir())
    assert int(suite.get("tests", "")) == len(cases) == total
    failing = [case for case in cases if case.find("failure") is not None]
    assert int(suite.get("failures", "")) == len(failing) == sum(
        1 for folder in INVALID for _ in folder.iterdir())
    assert any(case.find("system-out") is not None for case in cases)  # drift, not failing


def test_jsonl_corpus_names_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "captures.jsonl"
    good = json.dumps({"endpoint": "get_vip_info", "format": "json",
                       "body": '{"ret":1002,"msg":"请先登录"}'}, ensure_ascii=False)
    bad = json.dumps({"endpoint": "get_vip_info", "format": "xml", "body": "<data><ret>x</ret>"})
    corpus.write_text(f"{good}\n\n{bad}\nnot json\n", encoding="utf-8")
    report = tmp_path / "report.json"
    code, out = run(corpus, "--json", report, capsys=capsys)
    assert code == 1 and "3 captures" in out
    lines = {entry["line"]: entry["verdict"]
             for entry in json.loads(report.read_text("utf-8"))["captures"]}
    assert lines == {3: "error", 4: "error"}
    assert f"{corpus}:4" in out


def test_generated_corpus_runs_and_reference_agrees(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(jsonl_lines(500, seed=7)), encoding="utf-8")
    fast, reference = tmp_path / "fast.json", tmp_path / "reference.json"
    run(corpus, "--json", fast, capsys=capsys)
    run(corpus, "--json", reference, "--reference", capsys=capsys)
    assert json.loads(fast.read_text("utf-8"))["summary"] == json.loads(
        reference.read_text("utf-8"))["summary"]


def test_hard_to_get_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loose = tmp_path / "loose.json"
    loose.write_text('{"ret":1002,"msg":"x"}', encoding="utf-8")
    code, out = run(loose, capsys=capsys)
    assert code == 1 and "cannot tell the endpoint" in out
    assert run(loose, "--endpoint", "get_vip_info", capsys=capsys)[0] == 0
    lying = tmp_path / "get_vip_info" / "answer.json"
    lying.parent.mkdir()
    shutil.copy(CAPTURES / "get_vip_info/valid/not_member.xml", lying)
    code, out = run(lying, capsys=capsys)
    assert code == 1 and "the body is not JSON, as its extension says" in out
    (tmp_path / "empty").mkdir()
    assert run(tmp_path / "empty", capsys=capsys)[0] == 2


def test_console_entry_point_runs_as_a_module() -> None:
    generated = Path(__file__).resolve().parents[2] / "generated"
    result = subprocess.run([sys.executable, "-m", "qq_connect.check", *map(str, VALID)],
                            capture_output=True, text=True, check=False,
                            env={"PYTHONPATH": str(generated)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout

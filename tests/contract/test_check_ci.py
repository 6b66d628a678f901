"""The check command in CI: rules and fingerprints, the baseline, JUnit for huge corpora.

Bodies come from the spec (``from_spec``); the command runs in-process through ``main``
with its surroundings (streams, environment, date) given, so nothing here depends on a
terminal, on who runs it or on when.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import tracemalloc
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from qq_connect.check import Surroundings, main
from tests.contract.corpus import jsonl_lines
from tests.contract.from_spec import (
    ENDPOINTS,
    LISTED_RETS,
    all_cases,
    encode,
    error_document,
    message_class,
    success_document,
    write_tree,
)
from tests.contract.test_check_report_schema import load_report

ENDPOINT = next(e for e in ENDPOINTS if "json" in e.encodings)
CODE = ENDPOINT.errors.code_field
# A value only a body holds: no baseline may show it.
SECRET = "TOP-SECRET-C0FFEE"
GOOD = encode(error_document(ENDPOINT, LISTED_RETS[0], "请先登录"), "json")
BROKEN = encode(error_document(ENDPOINT, "x", "请先登录"), "json")  # wrong-value: an error
DRIFTING = encode({**success_document(ENDPOINT), "unknown_extra": SECRET}, "json")
RULE = re.compile(r"[a-z]+(-[a-z]+)*")
FINGERPRINT = re.compile(r"[0-9a-f]{12}")
TODAY = "2026-03-04"


@dataclass
class Checked:
    code: int
    out: str
    err: str
    report: dict[str, Any]  # the --json report, validated; {} without one


def check(*arguments: str | Path, environ: dict[str, str] | None = None,
          today: str = TODAY) -> Checked:
    """Run the command with quiet, colourless surroundings; a usage error raises SystemExit."""
    out, err = io.StringIO(), io.StringIO()
    surroundings = Surroundings(out, err, {"USER": "tester"} if environ is None else environ,
                                today=lambda: today)
    argv = [str(argument) for argument in arguments]
    code = main(argv, surroundings=surroundings)
    report = load_report(Path(argv[argv.index("--json") + 1])) if "--json" in argv else {}
    return Checked(code, out.getvalue(), err.getvalue(), report)


def findings(report: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(capture label, finding) of every finding of a JSON report."""
    return [(entry["capture"] if entry["line"] is None else f"{entry['capture']}:{entry['line']}",
             finding) for entry in report["captures"] for finding in entry["findings"]]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Captures of one endpoint: one clean, one with an error, one with drift."""
    captures = tmp_path / "captures" / ENDPOINT.name
    captures.mkdir(parents=True)
    for name, body in (("good", GOOD), ("broken", BROKEN), ("drifting", DRIFTING)):
        (captures / f"{name}.json").write_bytes(body)
    return tmp_path / "captures"


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    write_tree(all_cases(), root)
    return root


# -- rules and fingerprints -----------------------------------------------------------------


def test_every_finding_has_a_rule_and_a_fingerprint_in_every_report(
        tree: Path, tmp_path: Path) -> None:
    report, junit = tmp_path / "report.json", tmp_path / "junit.xml"
    run = check(tree, "--json", report, "--junit", junit, "--strict")
    found = findings(run.report)
    assert found and all(RULE.fullmatch(f["rule"]) and FINGERPRINT.fullmatch(f["fingerprint"])
                         for _, f in found)
    fingerprints = {f["fingerprint"] for _, f in found}
    shown = re.findall(r"^  (?:error|drift) +([0-9a-f]{12}) ", run.out, re.MULTILINE)
    assert shown and set(shown) <= fingerprints
    messages = [str(f.get("message")) for f in ElementTree.parse(junit).getroot().iter("failure")]
    in_junit = {message[-13:-1] for message in messages if message.endswith("]")}
    assert len(in_junit) == len(set(messages)) and in_junit == fingerprints  # --strict: all fail


def test_each_kind_of_check_has_one_rule_and_each_rule_one_kind(
        tree: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(jsonl_lines(500, seed=11)), encoding="utf-8")
    run = check(tree, corpus, "--json", tmp_path / "report.json")
    rules_of: dict[str, set[str]] = defaultdict(set)
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for _, f in findings(run.report):
        rules_of[message_class(f["message"])].add(f["rule"])
        kinds_of[f["rule"]].add(f["kind"])
    assert all(len(rules) == 1 for rules in rules_of.values()), rules_of
    assert all(len(kinds) == 1 for kinds in kinds_of.values()), kinds_of
    assert {rule: kinds.pop() for rule, kinds in kinds_of.items()} == {
        rule: counts["kind"] for rule, counts in run.report["rules"].items()}


def fingerprint_of(content: bytes, rule: str, pointer: str) -> str:
    """The published definition: SHA-256 over the content's digest, the rule and the pointer."""
    data = hashlib.sha256(content).digest() + rule.encode() + b"\0" + pointer.encode()
    return hashlib.sha256(data).hexdigest()[:12]


def test_a_fingerprint_is_the_content_the_rule_and_the_pointer(tmp_path: Path) -> None:
    first = tmp_path / "captures" / ENDPOINT.name / "one.json"
    second = tmp_path / "elsewhere" / ENDPOINT.name / "deeper" / "other-name.json"
    for path in (first, second):
        path.parent.mkdir(parents=True)
        path.write_bytes(BROKEN)
    corpus = tmp_path / "corpus.jsonl"
    changed = BROKEN.replace(b'"x"', b'"y"')
    lines = [json.dumps({"endpoint": ENDPOINT.name, "format": "json", "body": body.decode()})
             for body in (BROKEN, changed)]
    corpus.write_text(f"{lines[0]}\nnot json\n{lines[0]}\n{lines[1]}", encoding="utf-8")
    run = check(first, second, corpus, "--json", tmp_path / "report.json")
    by_label: dict[str, set[str]] = defaultdict(set)
    for label, f in findings(run.report):
        by_label[label].add(f["fingerprint"])
        content = {f"{corpus}:2": b"not json", f"{corpus}:4": changed}.get(label, BROKEN)
        assert f["fingerprint"] == fingerprint_of(content, f["rule"], f["pointer"]), label
    same = by_label[str(first)]
    assert same == by_label[str(second)] == by_label[f"{corpus}:1"] == by_label[f"{corpus}:3"]
    assert same and not same & by_label[f"{corpus}:4"]  # other content, other ids
    # Pinned: a baseline written today must match next year, on any machine.
    assert by_label[f"{corpus}:2"] == {"dfffbca8d8b1"}


def test_the_fast_and_the_reference_judge_give_the_same_fingerprints(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(jsonl_lines(300, seed=5)), encoding="utf-8")
    judged = []
    for extra in ((), ("--reference",)):
        run = check(corpus, "--json", tmp_path / "report.json", *extra)
        judged.append({(label, f["kind"], f["pointer"], f["rule"], f["fingerprint"])
                       for label, f in findings(run.report)})
    assert judged[0] == judged[1]


# -- the baseline ---------------------------------------------------------------------------


def update(folder: Path, baseline: Path, **environ: str) -> Checked:
    return check(folder, "--baseline", baseline, "--update-baseline", "--json",
                 folder.parent / "update.json", environ=environ or {"USER": "alice"})


def test_an_update_accepts_every_finding_and_holds_no_body_content(folder: Path) -> None:
    baseline = folder.parent / "baseline.json"
    run = update(folder, baseline)
    assert run.code == 0 and "passed" in run.out
    assert "updated: 0 kept, 2 added, 0 stale dropped" in run.out
    text = baseline.read_text("utf-8")
    assert SECRET not in text and "请先登录" not in text
    data = json.loads(text)
    assert data["version"] == 1
    reported = {f["fingerprint"]: f for _, f in findings(run.report)}
    assert {entry["fingerprint"] for entry in data["findings"]} == set(reported)
    for entry in data["findings"]:
        assert set(entry) == {"fingerprint", "rule", "endpoint", "pointer", "reason",
                              "accepted_by", "accepted_on"}
        finding = reported[entry["fingerprint"]]
        assert (entry["rule"], entry["pointer"], entry["endpoint"]) == (
            finding["rule"], finding["pointer"], ENDPOINT.name)
        assert (entry["reason"], entry["accepted_by"], entry["accepted_on"]) == (
            "TODO: why is this accepted?", "alice", TODAY)
    assert sorted(p.name for p in folder.parent.iterdir()) == [
        "baseline.json", "captures", "update.json"]  # no temporary file left


def test_baselined_findings_never_fail_new_ones_do(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    update(folder, baseline)
    report, junit = tmp_path / "report.json", tmp_path / "junit.xml"
    run = check(folder, "--baseline", baseline, "--json", report, "--junit", junit)
    assert run.code == 0 and "passed" in run.out and "0 new, 2 baselined" in run.out
    assert all(f["baselined"] for _, f in findings(run.report))
    assert run.report["summary"]["new"] == {} and run.report["summary"]["failed"] is False
    assert run.report["summary"]["verdicts"]["error"] == 1  # still an error, accepted
    # A new broken capture fails the run; only it counts.
    (folder / ENDPOINT.name / "new.json").write_bytes(BROKEN.replace(b'"x"', b'"z"'))
    run = check(folder, "--baseline", baseline, "--json", report, "--junit", junit)
    assert run.code == 1 and "FAILED: 1 new error findings" in run.out
    new = [label for label, f in findings(run.report) if not f["baselined"]]
    assert new == [str(folder / ENDPOINT.name / "new.json")]
    suite = ElementTree.parse(junit).getroot()
    failing = [case.get("name") for case in suite.iter("testcase") if case.find("failure")
               is not None]
    assert failing == new and suite.get("failures") == "1"
    notes = "".join(case.findtext("system-out", "") for case in suite.iter("testcase"))
    assert "baselined error wrong-value" in notes


def test_strict_fails_on_new_drift_only(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    update(folder, baseline)
    assert check(folder, "--baseline", baseline, "--strict").code == 0
    (folder / ENDPOINT.name / "more.json").write_bytes(DRIFTING.replace(b"unknown_extra",
                                                                        b"another_extra"))
    assert check(folder, "--baseline", baseline).code == 0
    run = check(folder, "--baseline", baseline, "--strict")
    assert run.code == 1 and "1 new drift findings (--strict)" in run.out


def test_stale_entries_are_reported_and_fail_only_under_strict(folder: Path,
                                                               tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    update(folder, baseline)
    (folder / ENDPOINT.name / "broken.json").unlink()  # its finding was fixed
    report, junit = tmp_path / "report.json", tmp_path / "junit.xml"
    run = check(folder, "--baseline", baseline, "--json", report, "--junit", junit)
    assert run.code == 0 and "stale baseline entries: 1" in run.out
    (stale,) = run.report["baseline"]["stale"]
    assert stale["rule"] == "wrong-value" and run.report["summary"]["stale"] == 1
    assert stale["fingerprint"] in run.out
    suite = ElementTree.parse(junit).getroot()
    assert suite.get("failures") == "0" and suite.get("tests") == "3"  # 2 captures + baseline
    run = check(folder, "--baseline", baseline, "--strict", "--json", report, "--junit", junit)
    assert run.code == 1 and "1 stale baseline entries (--strict)" in run.out
    assert run.report["summary"]["failed"] is True
    suite = ElementTree.parse(junit).getroot()
    assert suite.get("failures") == "1"
    assert suite.find("testcase[@classname='baseline']/failure") is not None


def test_an_update_keeps_why_who_and_when_and_drops_stale_entries(folder: Path,
                                                                  tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    update(folder, baseline)
    data = json.loads(baseline.read_text("utf-8"))
    for entry in data["findings"]:
        entry.update(reason="upstream bug #12", accepted_by="bob", accepted_on="2025-01-01")
    baseline.write_text(json.dumps(data), encoding="utf-8")
    drift = next(e for e in data["findings"] if e["rule"] == "undocumented-field")
    (folder / ENDPOINT.name / "broken.json").unlink()
    (folder / ENDPOINT.name / "new.json").write_bytes(BROKEN.replace(b'"x"', b'"z"'))
    run = update(folder, baseline, USER="carol")
    assert run.code == 0 and "updated: 1 kept, 1 added, 1 stale dropped" in run.out
    entries = json.loads(baseline.read_text("utf-8"))["findings"]
    assert len(entries) == 2
    kept = next(e for e in entries if e["fingerprint"] == drift["fingerprint"])
    added = next(e for e in entries if e["fingerprint"] != drift["fingerprint"])
    assert (kept["reason"], kept["accepted_by"], kept["accepted_on"]) == (
        "upstream bug #12", "bob", "2025-01-01")
    assert (added["reason"], added["accepted_by"], added["accepted_on"]) == (
        "TODO: why is this accepted?", "carol", TODAY)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_accepted_by_falls_back_to_git_user_name(folder: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Dora Git\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.chdir(tmp_path)
    assert subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                          check=False).stdout.strip() == "Dora Git"
    baseline = tmp_path / "baseline.json"
    check(folder, "--baseline", baseline, "--update-baseline", environ={})
    entries = json.loads(baseline.read_text("utf-8"))["findings"]
    assert {entry["accepted_by"] for entry in entries} == {"Dora Git"}


def entry_of(**changes: object) -> dict[str, object]:
    return {"fingerprint": "0123456789ab", "rule": "wrong-value", "endpoint": None,
            "pointer": "/ret", "reason": "r", "accepted_by": "a", "accepted_on": "d", **changes}


@pytest.mark.parametrize("text, why", [
    ("{", "not JSON"),
    ('{"version": 2, "findings": []}', "not a baseline"),
    ('{"version": 1}', "not a baseline"),
    (json.dumps({"version": 1, "findings": [entry_of(fingerprint="XYZ")]}), "12 hex digits"),
    (json.dumps({"version": 1, "findings": [entry_of(reason=None)]}), "'reason' must be"),
    (json.dumps({"version": 1, "findings": [entry_of(endpoint=3)]}), "'endpoint' must be"),
    (json.dumps({"version": 1, "findings": ["x"]}), "finding 1 is not an object"),
    (json.dumps({"version": 1, "findings": [entry_of(), entry_of()]}), "listed twice"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),  # past json's depth on any Python
])
def test_a_malformed_baseline_is_a_usage_error(text: str, why: str, folder: Path,
                                               tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(text, encoding="utf-8")
    for extra in ((), ("--update-baseline",)):
        with pytest.raises(SystemExit) as exit:
            check(folder, "--baseline", baseline, *extra)
        assert exit.value.code == 2
        assert f"--baseline {baseline}: " in (err := capsys.readouterr().err) and why in err
    assert baseline.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("arguments, why", [
    (["--baseline", "{tmp}/absent.json"], "no such file (--update-baseline creates it)"),
    (["--update-baseline"], "--update-baseline needs --baseline FILE"),
    (["--baseline", "{folder}/baseline.json"], "would be read as a capture"),
    (["--baseline", "{tmp}/same.json", "--json", "{tmp}/same.json"], "name the same file"),
    (["--baseline", "{tmp}/same.json", "--update-baseline", "--markdown", "{tmp}/same.json"],
     "name the same file"),
    (["--junit-failures-only"], "--junit-failures-only needs --junit FILE"),
])
def test_misused_options_are_usage_errors(arguments: list[str], why: str, folder: Path,
                                          tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "same.json").write_text('{"version": 1, "findings": []}')
    with pytest.raises(SystemExit) as exit:
        check(folder, *(a.format(tmp=tmp_path, folder=folder) for a in arguments))
    assert exit.value.code == 2 and why in capsys.readouterr().err


def test_nothing_checked_leaves_the_baseline_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"version": 1, "findings": [entry_of()]}))
    before = baseline.read_bytes()
    run = check(tmp_path / "empty", "--baseline", baseline, "--update-baseline")
    assert run.code == 2 and "passed" not in run.out and "nothing checked" in run.out
    assert "left as it was" in run.err and baseline.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "empty"]


def test_an_unwritable_baseline_exits_3(folder: Path, tmp_path: Path) -> None:
    run = check(folder, "--baseline", tmp_path / "missing" / "b.json", "--update-baseline")
    assert run.code == 3 and "cannot write the report" in run.err and "passed" not in run.out


def test_a_baseline_cannot_forge_report_lines(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    forged = "\x1b[2J\n  error forged"
    baseline.write_text(json.dumps({"version": 1, "findings": [
        entry_of(rule=forged, pointer=forged, endpoint=forged, reason=forged)]}))
    run = check(folder, "--baseline", baseline, "--json", tmp_path / "report.json",
                "--markdown", tmp_path / "summary.md", "--junit", tmp_path / "junit.xml")
    assert run.code == 1 and "\x1b" not in run.out
    assert not any(line.startswith("  error forged") for line in run.out.splitlines())
    assert run.report["baseline"]["stale"][0]["rule"] == "\\x1b[2J\\x0a  error forged"
    ElementTree.parse(tmp_path / "junit.xml")  # still XML
    assert "\x1b" not in (tmp_path / "summary.md").read_text("utf-8")


# -- JUnit for huge corpora -----------------------------------------------------------------


@pytest.mark.parametrize("strict", [False, True])
def test_junit_failures_only_lists_the_failing_cases_with_whole_counts(
        tree: Path, tmp_path: Path, strict: bool) -> None:
    whole, failing = tmp_path / "whole.xml", tmp_path / "failing.xml"
    extra = ("--strict",) if strict else ()
    check(tree, "--junit", whole, *extra)
    check(tree, "--junit", failing, "--junit-failures-only", *extra)
    full, short = ElementTree.parse(whole).getroot(), ElementTree.parse(failing).getroot()
    assert (short.get("tests"), short.get("failures")) == (full.get("tests"),
                                                          full.get("failures"))
    failed = [ElementTree.tostring(case) for case in full.iter("testcase")
              if case.find("failure") is not None]
    assert [ElementTree.tostring(case) for case in short.iter("testcase")] == failed
    assert len(failed) == int(str(full.get("failures"))) < int(str(full.get("tests")))


# -- streaming --------------------------------------------------------------------------------


def peak_bytes(corpus: Path, tmp_path: Path, baseline: Path) -> int:
    """The run's peak, its reports written but not read back."""
    arguments = [corpus, "--baseline", baseline, "--json", tmp_path / "report.json",
                 "--junit", tmp_path / "junit.xml", "--markdown", tmp_path / "summary.md"]
    surroundings = Surroundings(io.StringIO(), io.StringIO(), {})
    tracemalloc.start()
    try:
        main(list(map(str, arguments)), surroundings=surroundings)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_ten_times_the_captures_take_no_more_memory(tmp_path: Path) -> None:
    # Rule counts, coverage and the examples shown are bounded; the baseline is a dict of
    # the file's fingerprints and a set of those seen. Nothing grows with the corpus.
    lines = list(jsonl_lines(10_000, seed=3))
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    small.write_text("".join(lines[:1_000]), encoding="utf-8")
    large.write_text("".join(lines), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    check(small, "--baseline", baseline, "--update-baseline")
    peak_small = peak_bytes(small, tmp_path, baseline)
    peak_large = peak_bytes(large, tmp_path, baseline)
    assert peak_large < peak_small * 1.25 + (1 << 20), (peak_small, peak_large)

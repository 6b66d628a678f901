"""The check command against hostile file systems and hostile JSONL.

Captures come from anyone. Whatever they hold, every problem is an error finding that
names the capture (file, and line for JSONL), the exit code says what happened, and the
JSON and JUnit reports parse and account for every capture. Only a usage error (2) or
an unwritable report (3) ends a run early.
"""

from __future__ import annotations

import errno
import json
import os
import tracemalloc
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from qq_connect.check import main
from tests.contract.from_spec import ENDPOINTS, LISTED_RETS, check_command_module, error_document
from tests.contract.test_check_report_schema import validate_report

ENDPOINT = next(e for e in ENDPOINTS if "json" in e.encodings)
GOOD = json.dumps(error_document(ENDPOINT, LISTED_RETS[0], "请先登录"), ensure_ascii=False)
# Bytes that must never reach a report: the content of files outside the folder checked.
SECRET = b'{"ret": 0, "msg": "TOP-SECRET-C0FFEE"}'
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REPORT = 0, 1, 2, 3
# Generous: the check holds one line of at most about 6 MiB (JSON's escapes of 1 MiB).
MAX_PEAK_BYTES = 64 * 1024 * 1024


@dataclass
class Run:
    code: int
    out: str
    err: str
    report: dict[str, Any]
    errors: dict[str, list[str]]  # capture label → messages of its error findings
    written: bytes  # everything the run showed: stdout, stderr and both reports

    def only_error(self, label: str) -> str:
        messages = self.errors[label]
        assert len(messages) == 1, messages
        return messages[0]


def label(entry: dict[str, Any]) -> str:
    return entry["capture"] if entry["line"] is None else f"{entry['capture']}:{entry['line']}"


def check(tmp_path: Path, *arguments: str | Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the command with both reports; assert they are valid and complete."""
    reports = tmp_path / "reports"
    reports.mkdir(exist_ok=True)
    json_path, junit_path = reports / "report.json", reports / "junit.xml"
    code = main([*map(str, arguments), "--json", str(json_path), "--junit", str(junit_path)])
    out, err = capsys.readouterr()
    assert [p.name for p in reports.iterdir()] in (["report.json", "junit.xml"],
                                                   ["junit.xml", "report.json"])
    raw_json, raw_junit = json_path.read_bytes(), junit_path.read_bytes()
    report = json.loads(raw_json.decode("utf-8"))  # strict: no control character, valid UTF-8
    validate_report(report)
    suite = ElementTree.fromstring(raw_junit)
    cases = suite.findall("testcase")
    summary = report["summary"]
    assert int(suite.get("tests", "")) == len(cases) == summary["captures"]
    failing = [str(case.get("name")) for case in cases if case.find("failure") is not None]
    errors = {label(entry): [f["message"] for f in entry["findings"] if f["kind"] == "error"]
              for entry in report["captures"] if entry["verdict"] == "error"}
    verdicts = summary["verdicts"]
    strict = "--strict" in map(str, arguments)
    assert int(suite.get("failures", "")) == len(failing) == (
        verdicts.get("error", 0) + (verdicts.get("drift", 0) if strict else 0))
    assert set(errors) <= set(failing)
    assert summary["failed"] == (code == EXIT_FAILED)
    for text in (out, err, raw_json.decode("utf-8"), raw_junit.decode("utf-8")):
        text.encode("utf-8")  # no lone surrogate anywhere
    return Run(code, out, err, report, errors,
               out.encode() + err.encode() + raw_json + raw_junit)


@pytest.fixture
def captures(tmp_path: Path) -> Path:
    """A capture folder with one clean capture, and a file outside it holding a secret."""
    folder = tmp_path / "captures" / ENDPOINT.name
    folder.mkdir(parents=True)
    (folder / "good.json").write_text(GOOD, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.json").write_bytes(SECRET)
    return tmp_path / "captures"


# -- hostile file systems -------------------------------------------------------------------


def test_a_link_to_a_file_outside_the_folder_is_refused_unread(
        tmp_path: Path, captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = captures / ENDPOINT.name / "leak.json"
    link.symlink_to(tmp_path / "outside" / "secret.json")
    run = check(tmp_path, captures, capsys=capsys)
    assert run.code == EXIT_FAILED
    assert "a symbolic link to a file outside the folder checked" in run.only_error(str(link))
    assert run.report["summary"]["captures"] == 2
    assert b"SECRET" not in run.written


def test_a_link_to_a_folder_outside_is_refused_unread(
        tmp_path: Path, captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = captures / ENDPOINT.name / "more"
    link.symlink_to(tmp_path / "outside", target_is_directory=True)
    run = check(tmp_path, captures, capsys=capsys)
    assert run.code == EXIT_FAILED
    assert "a symbolic link to a folder outside" in run.only_error(str(link))
    assert b"SECRET" not in run.written


def test_a_file_named_on_the_command_line_must_lie_in_its_folder(
        tmp_path: Path, captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = captures / ENDPOINT.name / "named.json"
    link.symlink_to(tmp_path / "outside" / "secret.json")
    run = check(tmp_path, link, captures / ENDPOINT.name / "good.json", capsys=capsys)
    assert run.code == EXIT_FAILED and list(run.errors) == [str(link)]
    assert b"SECRET" not in run.written


def test_links_inside_the_folder_are_followed_once(
        tmp_path: Path, captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = captures / ENDPOINT.name
    (folder / "alias.json").symlink_to(folder / "good.json")
    (folder / "loop").symlink_to(captures, target_is_directory=True)  # a cycle
    (folder / "dangling.json").symlink_to(folder / "gone.json")
    run = check(tmp_path, captures, capsys=capsys)
    assert run.code == EXIT_FAILED
    assert list(run.errors) == [str(folder / "dangling.json")]
    assert "cannot read: No such file or directory" in run.only_error(str(folder / "dangling.json"))
    assert run.report["summary"]["verdicts"] == {"error": 1, "ok": 2}


def test_a_fifo_is_reported_not_read(tmp_path: Path, captures: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    fifo = captures / ENDPOINT.name / "pipe.json"
    os.mkfifo(fifo)  # opening it would block the run forever
    run = check(tmp_path, captures, capsys=capsys)
    assert run.code == EXIT_FAILED
    assert "not a regular file" in run.only_error(str(fifo))


def fail_open(monkeypatch: pytest.MonkeyPatch, attribute: str, real: Callable[..., Any],
              *names: str) -> None:
    """Make the check command's ``attribute`` (open, os.scandir) refuse paths ending ``names``."""
    def refusing(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).endswith(names):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, *args, **kwargs)

    command = check_command_module()
    if attribute == "open":
        monkeypatch.setattr(command, "open", refusing, raising=False)
    else:
        monkeypatch.setattr(command.os, "scandir", refusing)


def test_an_unreadable_jsonl_is_a_finding(tmp_path: Path, captures: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    corpus = captures / "corpus.jsonl"
    corpus.write_text(json.dumps({"endpoint": ENDPOINT.name, "format": "json", "body": GOOD}))
    (captures / ENDPOINT.name / "locked.json").write_text(GOOD, encoding="utf-8")
    fail_open(monkeypatch, "open", open, "corpus.jsonl", "locked.json")
    run = check(tmp_path, captures, capsys=capsys)
    assert run.code == EXIT_FAILED
    assert run.only_error(str(corpus)) == "cannot read: Permission denied"
    assert run.only_error(str(captures / ENDPOINT.name / "locked.json")) == (
        "cannot read: Permission denied")
    assert run.report["summary"]["verdicts"] == {"error": 2, "ok": 1}


def test_an_unreadable_subfolder_is_a_finding(tmp_path: Path, captures: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    locked = captures / ENDPOINT.name / "locked"
    locked.mkdir()
    (locked / "hidden.json").write_text(GOOD, encoding="utf-8")
    fail_open(monkeypatch, "scandir", os.scandir, "locked")
    run = check(tmp_path, captures, capsys=capsys)
    assert run.code == EXIT_FAILED
    assert run.only_error(str(locked)) == "cannot read the folder: Permission denied"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_unreadable_files_and_folders_for_real(tmp_path: Path, captures: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    corpus, locked = captures / "corpus.jsonl", captures / ENDPOINT.name / "locked"
    corpus.write_text(json.dumps({"endpoint": ENDPOINT.name, "format": "json", "body": GOOD}))
    locked.mkdir()
    corpus.chmod(0)
    locked.chmod(0)
    try:
        run = check(tmp_path, captures, capsys=capsys)
    finally:
        corpus.chmod(0o600)
        locked.chmod(0o700)
    assert run.code == EXIT_FAILED and set(run.errors) == {str(corpus), str(locked)}


def finding_lines(out: str) -> int:
    """The lines of the text report that show a finding."""
    return sum(line.startswith(("  error ", "  drift ")) for line in out.splitlines())


def test_file_names_that_are_not_utf8(tmp_path: Path, captures: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = os.fsencode(captures / ENDPOINT.name)
    for name in (b"\xff\xfe.json", b"bad\x1b[31m\n.json"):
        with open(os.path.join(folder, name), "wb") as file:
            file.write(b"{")
    named = os.fsdecode(os.path.join(folder, b"\xff\xfe.json"))  # as the shell passes it
    run = check(tmp_path, captures, named, capsys=capsys)
    assert run.code == EXIT_FAILED
    shown = str(captures / ENDPOINT.name)
    assert set(run.errors) == {f"{shown}/\\xff\\xfe.json", f"{shown}/bad\\x1b[31m\\x0a.json"}
    assert "\x1b" not in run.out and finding_lines(run.out) == 3  # each on a line of its own


@pytest.mark.parametrize("option, output, why", [
    ("--json", "captures/{e}/good.json", "would be read as a capture of"),
    ("--junit", "captures/{e}/report.xml", "would be read as a capture of"),
    ("--json", "more.jsonl", "is one of the inputs"),
    ("--json", "captures", "is a folder"),
])
def test_a_report_that_is_an_input_is_a_usage_error(
        option: str, output: str, why: str, tmp_path: Path, captures: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "more.jsonl").write_text("")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    target = tmp_path / output.format(e=ENDPOINT.name)
    with pytest.raises(SystemExit) as exit:
        main([str(captures), str(tmp_path / "more.jsonl"), option, str(target)])
    assert exit.value.code == EXIT_USAGE
    assert why in capsys.readouterr().err
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_one_file_for_both_reports_is_a_usage_error(
        tmp_path: Path, captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report"
    with pytest.raises(SystemExit) as exit:
        main([str(captures), "--json", str(report), "--junit", str(report)])
    assert exit.value.code == EXIT_USAGE and not report.exists()
    assert "name the same file" in capsys.readouterr().err


def test_a_report_beside_the_captures_is_never_read(
        tmp_path: Path, captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = captures / ENDPOINT.name / "report.txt"
    assert main([str(captures), "--json", str(report)]) == EXIT_OK
    assert json.loads(report.read_text("utf-8"))["summary"]["captures"] == 1
    assert sorted(p.name for p in report.parent.iterdir()) == ["good.json", "report.txt"]


def test_an_unwritable_report_exits_3_and_keeps_the_old_one(
        tmp_path: Path, captures: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    nowhere = tmp_path / "missing" / "report.json"
    assert main([str(captures), "--json", str(nowhere)]) == EXIT_REPORT
    assert f"cannot write the report {nowhere}" in capsys.readouterr().err
    old = tmp_path / "report.json"
    old.write_text("the last run's report")

    def full(source: Any, destination: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(check_command_module().os, "replace", full)
    code = main([str(captures), "--json", str(old), "--junit", str(tmp_path / "junit.xml")])
    out, err = capsys.readouterr()
    assert code == EXIT_REPORT and "No space left on device" in err and "passed" not in out
    assert old.read_text() == "the last run's report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["captures", "outside", "report.json"]


def test_a_crash_leaves_no_half_written_report(
        tmp_path: Path, captures: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "report.json"
    old.write_text("the last run's report")
    for name in ("a", "b", "c"):
        (captures / ENDPOINT.name / f"{name}.json").write_text(GOOD, encoding="utf-8")
    seen: list[bytes] = []

    def interrupted(contract: object, body: bytes, format: str,
                    **_: object) -> tuple[list[object], None]:
        seen.append(body)
        if len(seen) == 3:
            raise KeyboardInterrupt  # not a finding: it ends the run
        return [], None

    monkeypatch.setattr(check_command_module(), "check_body_showing", interrupted)
    with pytest.raises(KeyboardInterrupt):
        main([str(captures), "--json", str(old), "--junit", str(tmp_path / "junit.xml")])
    assert old.read_text() == "the last run's report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["captures", "outside", "report.json"]


def test_a_bug_on_one_body_is_a_finding_not_the_end(
        tmp_path: Path, captures: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (captures / ENDPOINT.name / "other.json").write_text(GOOD, encoding="utf-8")

    def buggy(contract: object, body: bytes, format: str,
              **_: object) -> tuple[list[object], None]:
        raise RecursionError("\ud800 deep")

    monkeypatch.setattr(check_command_module(), "check_body_showing", buggy)
    run = check(tmp_path, captures, capsys=capsys)
    assert run.code == EXIT_FAILED and len(run.errors) == 2
    assert run.only_error(str(captures / ENDPOINT.name / "other.json")) == (
        "the check failed on this body: RecursionError('\\ud800 deep')")


@pytest.mark.parametrize("depth", [201, 3000, 20000])
def test_a_deep_body_is_refused_in_the_same_words_on_every_python(
        tmp_path: Path, captures: Path, capsys: pytest.CaptureFixture[str], depth: int) -> None:
    # json reads 3000 levels on 3.13, not on 3.11; the check's bound (the client's) is fixed.
    deep = captures / ENDPOINT.name / "deep.json"
    deep.write_text(GOOD[:-1] + ', "extra": ' + "[" * depth + "]" * depth + "}")
    run = check(tmp_path, captures, capsys=capsys)
    assert run.code == EXIT_FAILED and list(run.errors) == [str(deep)]
    assert run.only_error(str(deep)) == (
        "unparseable JSON: nested deeper than 200 arrays and objects")


def test_no_captures_is_not_a_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not a capture")
    run = check(tmp_path, tmp_path / "empty", capsys=capsys)
    assert run.code == EXIT_USAGE and "passed" not in run.out and "nothing checked" in run.out
    assert run.report["summary"]["captures"] == 0


def test_the_exit_codes_are_documented(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--help"])
    assert exit.value.code == 0
    help = capsys.readouterr().out
    for code in (EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REPORT):
        assert f"\n  {code}  " in help
    assert "--max-body-bytes N" in help


# -- hostile JSONL --------------------------------------------------------------------------


def envelope(endpoint: object = ENDPOINT.name, format: object = "json",
             body: object = GOOD) -> bytes:
    return json.dumps({"endpoint": endpoint, "format": format, "body": body}).encode()


NESTED = b"[" * 3000 + b"]" * 3000
# Each line and the error it must give (None: clean).
LINES: list[tuple[bytes, str | None]] = [
    (envelope(), None),
    (envelope(endpoint=["get_vip_info"]), "unknown endpoint an array"),
    (envelope(endpoint={"a": 1}), "unknown endpoint an object"),
    (envelope(endpoint=7), "unknown endpoint a number"),
    (envelope(endpoint=None), "unknown endpoint null"),
    (envelope(endpoint="nope\u0000"), 'unknown endpoint "nope\\u0000"'),
    (envelope(format=["json"]), "unknown format an array"),
    (envelope(format={"json": 1}), "unknown format an object"),
    (envelope(format=1.5), "unknown format a number"),
    (envelope(body=12), "the body is a number, not the raw body as a string"),
    (envelope(body={"ret": 0}), "the body is an object"),
    (envelope(body=None), "the body is null"),
    (envelope(body="{\"ret\": 0, \"msg\": \"\ud800\"}"), "lone UTF-16 surrogate"),
    (NESTED, "not an envelope"),
    (b'{"endpoint": "x", "format": "json", "body": ' + NESTED + b"}", "not an envelope"),
    # The nesting bound is the check's, not the Python's (json's depth varies by version).
    (envelope(endpoint=json.loads("[" * 490 + "]" * 490)),
     "unknown endpoint an array"),
    (envelope(endpoint=json.loads("[" * 600 + "]" * 600)), "not an envelope"),
    (envelope()[:-1] + b"\xff\xfe}", "not an envelope"),
    (b"\xc3\x28 not UTF-8 at all", "not an envelope"),
    (b'["endpoint", "format", "body"]', "not an envelope"),
    (b'"just a string"', "not an envelope"),
    (b"{", "not an envelope"),
    (envelope(), None),
]


def test_malformed_envelopes_are_findings_naming_their_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "hostile.jsonl"
    corpus.write_bytes(b"\n".join(line for line, _ in LINES) + b"\n\n   \n")
    run = check(tmp_path, corpus, capsys=capsys)
    assert run.code == EXIT_FAILED
    expected = {f"{corpus}:{number}": message
                for number, (_, message) in enumerate(LINES, start=1) if message}
    assert set(run.errors) == set(expected)
    for where, message in expected.items():
        assert message in run.only_error(where), where
    assert run.report["summary"]["captures"] == len(LINES)  # blank lines are no captures


def test_bodies_no_report_could_hold_as_they_are(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Field names and values a report must escape: control characters, markup that would
    # close the JUnit case, a non-character; and a lone surrogate escaped in the JSON.
    forged = "a\u0000\u001b[2J\n  error forged\r</testcase>]]>\ufffe"
    drift = json.dumps({**json.loads(GOOD), forged: forged})
    broken = GOOD[:-1] + ', "x": "\\ud800"}'
    corpus = tmp_path / "bodies.jsonl"
    corpus.write_bytes(envelope(body=drift) + b"\n" + envelope(body=broken) + b"\n"
                       + envelope(body=forged, format="xml") + b"\n")
    run = check(tmp_path, corpus, "--strict", capsys=capsys)
    assert run.code == EXIT_FAILED
    assert "lone UTF-16 surrogate" in run.only_error(f"{corpus}:2")
    assert ("unusable XML" if "xml" in ENDPOINT.encodings else "never answers") in (
        run.only_error(f"{corpus}:3"))
    pointers = [f["pointer"] for entry in run.report["captures"] if entry["line"] == 1
                for f in entry["findings"]]
    assert pointers == ["/a\\x00\\x1b[2J\\x0a  error forged\\x0d<~1testcase>]]>\\ufffe"]
    # One line per finding: none forged.
    found = sum(len(entry["findings"]) for entry in run.report["captures"])
    assert finding_lines(run.out) == found and "\x1b" not in run.out


def test_the_client_body_limit_applies_per_capture(
        tmp_path: Path, captures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    limit = len(GOOD.encode()) + 10
    at_limit = GOOD + " " * 10
    folder = captures / ENDPOINT.name
    (folder / "at_limit.json").write_text(at_limit, encoding="utf-8")
    (folder / "over.json").write_text(at_limit + " ", encoding="utf-8")
    corpus = captures / "bodies.jsonl"
    corpus.write_bytes(envelope(body=at_limit) + b"\n" + envelope(body=at_limit + " ") + b"\n")
    run = check(tmp_path, captures, "--max-body-bytes", str(limit), capsys=capsys)
    assert run.code == EXIT_FAILED
    over = f"the body is over {limit} bytes, the client's limit (max_body_bytes)"
    assert run.errors == {str(folder / "over.json"): [over], f"{corpus}:2": [over]}
    # The default is the client's own: 1 MiB.
    (folder / "over.json").write_bytes(GOOD.encode() + b" " * (1 << 20))
    (folder / "at_limit.json").unlink()
    corpus.unlink()
    run = check(tmp_path, captures, capsys=capsys)
    assert run.errors == {str(folder / "over.json"): [
        "the body is over 1048576 bytes, the client's limit (max_body_bytes)"]}


def test_a_bad_max_body_bytes_is_a_usage_error(captures: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    for value in ("0", "-1", "lots"):
        with pytest.raises(SystemExit) as exit:
            main([str(captures), "--max-body-bytes", value])
        assert exit.value.code == EXIT_USAGE
        assert "not a positive number of bytes" in capsys.readouterr().err


def write_huge_line(path: Path, size: int) -> None:
    """One envelope whose body is ``size`` bytes, then a clean envelope; written in chunks."""
    chunk = b"a" * (1 << 20)
    with path.open("wb") as file:
        file.write(b'{"endpoint": "' + ENDPOINT.name.encode() + b'", "format": "json", "body": "')
        for _ in range(size // len(chunk)):
            file.write(chunk)
        file.write(b'"}\n' + envelope() + b"\n")


@pytest.fixture
def traced() -> Iterator[Callable[[], int]]:
    tracemalloc.start()
    try:
        yield lambda: tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_huge_line_is_streamed_past_not_loaded(
        tmp_path: Path, traced: Callable[[], int], capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "huge.jsonl"
    write_huge_line(corpus, 256 << 20)
    run = check(tmp_path, corpus, capsys=capsys)
    assert traced() < MAX_PEAK_BYTES, traced()
    assert run.code == EXIT_FAILED and list(run.errors) == [f"{corpus}:1"]
    assert "the line is longer than" in run.only_error(f"{corpus}:1")
    assert run.report["summary"]["verdicts"] == {"error": 1, "ok": 1}  # line 2 was checked


def test_a_line_within_the_limit_is_parsed_in_bounded_memory(
        tmp_path: Path, traced: Callable[[], int], capsys: pytest.CaptureFixture[str]) -> None:
    # Six MiB of empty objects would be some 150 MiB of Python objects once parsed.
    corpus = tmp_path / "dense.jsonl"
    corpus.write_bytes(b'{"endpoint": [' + b"{}," * (2 << 20) + b'{}]}\n' + envelope() + b"\n")
    run = check(tmp_path, corpus, capsys=capsys)
    assert traced() < MAX_PEAK_BYTES, traced()
    assert "not an envelope" in run.only_error(f"{corpus}:1")
    assert run.report["summary"]["verdicts"] == {"error": 1, "ok": 1}

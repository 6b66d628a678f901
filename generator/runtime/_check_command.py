"""The contract-check command over captured responses, for any set of contracts.

The generated ``check`` module binds it to the spec's contracts and documents the
layout it reads (``python -m qq_connect.check PATH...``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from ._check import Contract, Finding, check_body
from ._decode import ENCODINGS, sniff_encoding

__all__ = ["Capture", "CaptureChecker", "Report"]

FORMATS = {".json": "json", ".xml": "xml", ".jsonp": "jsonp", ".form": "form"}
META_SUFFIX = ".meta.json"
SHOWN_FINDINGS = 20


@dataclass(frozen=True)
class Capture:
    """One captured body and where it came from; ``problem`` if it cannot be checked."""

    source: str
    line: int | None
    endpoint: str | None
    format: str | None
    body: bytes
    problem: str | None = None

    @property
    def label(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


@dataclass
class Report:
    """Counts and the first findings; nothing per capture is kept, so corpora stream."""

    strict: bool = False
    captures: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    shown: list[tuple[str, Finding]] = field(default_factory=list)

    def add(self, capture: Capture, findings: list[Finding]) -> str:
        kinds = {finding.kind for finding in findings}
        verdict = "error" if "error" in kinds else "drift" if kinds else "ok"
        self.captures += 1
        self.verdicts[verdict] += 1
        for finding in findings:
            self.findings[finding.kind] += 1
            if len(self.shown) < SHOWN_FINDINGS:
                self.shown.append((capture.label, finding))
        return verdict

    @property
    def failed(self) -> bool:
        return self.verdicts["error"] > 0 or (self.strict and self.verdicts["drift"] > 0)

    def text(self) -> str:
        lines = [f"{self.captures} captures: {self.verdicts['ok']} ok, "
                 f"{self.verdicts['drift']} with drift, {self.verdicts['error']} with errors "
                 f"({self.findings['error']} error and {self.findings['drift']} drift findings)"]
        for label, finding in self.shown:
            lines.append(f"  {finding.kind:5} {label} {finding.pointer or '/'}: {finding.message}"
                         + (f" (expected {finding.expected}, got {finding.actual})"
                            if finding.expected else ""))
        if sum(self.findings.values()) > len(self.shown):
            lines.append(f"  … {sum(self.findings.values()) - len(self.shown)} more findings")
        lines.append("FAILED" if self.failed else "passed" + (
            " (drift does not fail without --strict)" if self.verdicts["drift"] else ""))
        return "\n".join(lines)


def _finding_json(finding: Finding) -> dict[str, str]:
    return {"kind": finding.kind, "pointer": finding.pointer, "message": finding.message,
            "expected": finding.expected, "actual": finding.actual}


def _junit_case(capture: Capture, findings: list[Finding], strict: bool) -> str:
    name = quoteattr(capture.label)
    endpoint = quoteattr(capture.endpoint or "unknown")
    failing = [f for f in findings if f.kind == "error" or strict]
    notes = [f for f in findings if f not in failing]
    body = "".join(
        f'<failure type="{f.kind}" message={quoteattr((f.pointer or "/") + ": " + f.message)}>'
        f"{escape(f'expected {f.expected}, got {f.actual}')}</failure>" for f in failing)
    if notes:
        body += "<system-out>" + escape("\n".join(
            f"drift {f.pointer or '/'}: {f.message}" for f in notes)) + "</system-out>"
    return f"<testcase classname={endpoint} name={name}>{body}</testcase>\n"


class CaptureChecker:
    """Reads captures (files, folders, JSONL) and checks each against its endpoint's contract.

    A file's endpoint is the nearest folder named after one, its format the extension; a
    JSONL line is an envelope ``{"endpoint", "format", "body"}``.
    """

    def __init__(self, contracts: Mapping[str, Contract], *, prog: str,
                 description: str) -> None:
        self.contracts = contracts
        self.prog = prog
        self.description = description

    def _endpoint_of(self, path: Path, override: str | None) -> str | None:
        for folder in reversed(path.parent.parts):
            if folder in self.contracts:
                return folder
        return override

    def iter_captures(self, paths: Iterable[Path],
                      endpoint: str | None = None) -> Iterator[Capture]:
        """Every capture under ``paths``, files in sorted order, JSONL line by line (streamed)."""
        for path in paths:
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file()
                               and (p.suffix in FORMATS or p.suffix == ".jsonl")
                               and not p.name.endswith(META_SUFFIX))
            else:
                files = [path]
            for file in files:
                if file.suffix == ".jsonl":
                    yield from self._jsonl_captures(file)
                else:
                    yield self._file_capture(file, endpoint)

    def _file_capture(self, path: Path, override: str | None) -> Capture:
        source = str(path)
        endpoint = self._endpoint_of(path, override)
        format = FORMATS.get(path.suffix)
        try:
            body = path.read_bytes()
        except OSError as error:
            return Capture(source, None, endpoint, format, b"", f"cannot read: {error.strerror}")
        if endpoint is None:
            return Capture(source, None, None, format, body,
                           "cannot tell the endpoint: put the file under a folder named after it "
                           f"({', '.join(self.contracts)}) or pass --endpoint")
        if format is None:
            return Capture(source, None, endpoint, None, body,
                           f"the extension must be one of {', '.join(FORMATS)}")
        announced = sniff_encoding(body)
        if announced is not None and announced != format:
            return Capture(source, None, endpoint, format, body,
                           f"the body is not {format.upper()}, as its extension says")
        return Capture(source, None, endpoint, format, body)

    def _jsonl_captures(self, path: Path) -> Iterator[Capture]:
        source = str(path)
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, start=1):
                if not raw.strip():
                    continue
                try:
                    envelope = json.loads(raw)
                    endpoint, format = envelope["endpoint"], envelope["format"]
                    body = envelope["body"]
                except (ValueError, TypeError, KeyError):
                    yield Capture(source, number, None, None, b"",
                                  'not an envelope {"endpoint": …, "format": …, "body": …}')
                    continue
                if endpoint not in self.contracts or format not in ENCODINGS \
                        or not isinstance(body, str):
                    yield Capture(source, number, None, None, b"",
                                  f"unknown endpoint or format: {endpoint!r}, {format!r}")
                    continue
                yield Capture(source, number, endpoint, format, body.encode("utf-8"))

    def check_capture(self, capture: Capture, reference: bool = False) -> list[Finding]:
        if capture.problem is not None or capture.endpoint is None or capture.format is None:
            return [Finding("error", "", capture.problem or "not a capture")]
        return check_body(self.contracts[capture.endpoint], capture.body, capture.format,
                          reference=reference)

    def check_captures(self, captures: Iterable[Capture], *, strict: bool = False,
                       reference: bool = False,
                       json_out: IO[str] | None = None, junit_out: IO[str] | None = None) -> Report:
        """Check every capture, streaming machine reports as it goes."""
        with tempfile.TemporaryFile("w+", encoding="utf-8") as cases:
            return self._check_into(captures, Report(strict=strict), reference, json_out,
                                    junit_out, cases)

    def _check_into(self, captures: Iterable[Capture], report: Report, reference: bool,
                    json_out: IO[str] | None, junit_out: IO[str] | None, cases: IO[str]) -> Report:
        strict = report.strict
        if json_out:
            json_out.write('{"captures": [\n')
        first = True
        for capture in captures:
            findings = self.check_capture(capture, reference)
            verdict = report.add(capture, findings)
            if json_out and findings:
                entry = {"capture": capture.source, "line": capture.line,
                         "endpoint": capture.endpoint, "format": capture.format,
                         "verdict": verdict, "findings": [_finding_json(f) for f in findings]}
                json_out.write(("" if first else ",\n") + json.dumps(entry, ensure_ascii=False))
                first = False
            if junit_out:
                cases.write(_junit_case(capture, findings, strict))
        if json_out:
            summary = {"captures": report.captures,
                       "verdicts": dict(sorted(report.verdicts.items())),
                       "findings": dict(sorted(report.findings.items())), "failed": report.failed}
            json_out.write(f'\n], "summary": {json.dumps(summary)}}}\n')
        if junit_out:
            failures = report.verdicts["error"] + (report.verdicts["drift"] if strict else 0)
            junit_out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                            f'<testsuite name="qq_connect contract" tests="{report.captures}" '
                            f'failures="{failures}" errors="0">\n')
            cases.seek(0)
            for line in cases:
                junit_out.write(line)
            junit_out.write("</testsuite>\n")
        return report

    def main(self, argv: list[str] | None = None) -> int:
        parser = argparse.ArgumentParser(prog=self.prog, description=self.description)
        parser.add_argument("paths", nargs="+", type=Path, help="capture files, folders, .jsonl")
        parser.add_argument("--endpoint", choices=sorted(self.contracts),
                            help="the endpoint of files outside an endpoint folder")
        parser.add_argument("--strict", action="store_true", help="drift fails the run too")
        parser.add_argument("--json", type=Path, metavar="FILE", help="write findings as JSON")
        parser.add_argument("--junit", type=Path, metavar="FILE", help="write JUnit XML")
        parser.add_argument("--reference", action="store_true",
                            help="judge with the jsonschema package (slower; same verdicts)")
        arguments = parser.parse_args(argv)
        if arguments.reference and importlib.util.find_spec("jsonschema") is None:
            parser.error("--reference needs jsonschema: pip install 'qq-connect-generated[check]'")
        missing = [str(path) for path in arguments.paths if not path.exists()]
        if missing:
            parser.error(f"no such file or folder: {', '.join(missing)}")
        json_out = arguments.json.open("w", encoding="utf-8") if arguments.json else None
        junit_out = arguments.junit.open("w", encoding="utf-8") if arguments.junit else None
        try:
            report = self.check_captures(self.iter_captures(arguments.paths, arguments.endpoint),
                                    strict=arguments.strict, reference=arguments.reference,
                                    json_out=json_out, junit_out=junit_out)
        finally:
            for stream in (json_out, junit_out):
                if stream:
                    stream.close()
        print(report.text())
        if report.captures == 0:
            print("no captures found (.json, .xml, .jsonp, .form or .jsonl files)", file=sys.stderr)
            return 2
        return 1 if report.failed else 0

"""The contract-check command over captured responses, for any set of contracts.

The generated ``check`` module binds it to the spec's contracts and documents the
layout it reads (``python -m qq_connect.check PATH...``).

Captures may come from anyone, so nothing in them can end the run: every problem with
one capture (unreadable, a symbolic link out of the folder given, over the client's
body limit, a malformed JSONL line) is an error finding that names it, and the reports
hold whatever the captures contain. Only a usage error or an unwritable report ends it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import secrets
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from ._base_client import DEFAULT_MAX_BODY_BYTES
from ._check import Contract, Finding, check_body, describe
from ._decode import ENCODINGS

__all__ = ["EXIT_CODES", "Capture", "CaptureChecker", "Report"]

FORMATS = {".json": "json", ".xml": "xml", ".jsonp": "jsonp", ".form": "form"}
JSONL = ".jsonl"
META_SUFFIX = ".meta.json"
SHOWN_FINDINGS = 20
# A JSON string spells one byte in at most six characters (\u00XX), so no envelope of
# a body within the limit needs a longer line, give or take its other keys.
ENVELOPE_ROOM = 64 * 1024
# Outside its strings an envelope is a few bytes of braces, colons and commas. Parsing
# more (an array of a million empty objects) could take a hundred times the line's size.
ENVELOPE_STRUCTURE = 1024
_JSON_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"')
_JSON_WHITESPACE = b" \t\r\n"

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REPORT = 0, 1, 2, 3
EXIT_CODES = f"""exit status:
  {EXIT_OK}  every capture holds the contract (drift is reported)
  {EXIT_FAILED}  a capture breaks it (an error finding), or shows drift under --strict
  {EXIT_USAGE}  usage error, or nothing to check (no captures found)
  {EXIT_REPORT}  a report (--json, --junit) could not be written; an existing one is kept"""

# What no report may hold as is: control characters (they could forge lines of the
# text report and are not XML), lone surrogates (a non-UTF-8 file name decoded with
# surrogateescape, or a JSON "\ud800") and the two non-characters XML refuses.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _escape_unsafe(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` as UTF-8, JSON, XML 1.0 and one line of a terminal can all hold it."""
    return _UNSAFE.sub(_escape_unsafe, text)


def _printable_finding(finding: Finding) -> Finding:
    return replace(finding, pointer=printable(finding.pointer),
                   message=printable(finding.message), expected=printable(finding.expected),
                   actual=printable(finding.actual))


def _is_capture_name(name: str) -> bool:
    suffix = os.path.splitext(name)[1]
    return (suffix in FORMATS or suffix == JSONL) and not name.endswith(META_SUFFIX)


def _inside(path: Path, folder: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(folder)


def _json_kind(value: object) -> str:
    """A JSON value by its kind; strings (cut short) as themselves."""
    if isinstance(value, str):
        return describe(value)
    kinds = {dict: "an object", list: "an array", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")


def _small_structure(raw: bytes) -> bool:
    """True if parsing the line cannot make many objects (nesting ends in RecursionError)."""
    if raw.count(b",") + raw.count(b":") <= 64:  # the usual line: no need to look closer
        return True
    return len(_JSON_STRING.sub(b"", raw).translate(None, _JSON_WHITESPACE)) \
        <= ENVELOPE_STRUCTURE


@dataclass(frozen=True)
class Capture:
    """One captured body and where it came from; ``problem`` if it cannot be checked.

    ``source`` is printable (see ``printable``), whatever the file name.
    """

    source: str
    line: int | None
    endpoint: str | None
    format: str | None
    body: bytes
    problem: str | None = None

    @property
    def label(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


def _source(path: Path) -> str:
    return printable(str(path))


def _problem(path: Path, problem: str, line: int | None = None,
             endpoint: str | None = None, format: str | None = None) -> Capture:
    return Capture(_source(path), line, endpoint, format, b"", problem)


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
        if self.captures == 0:
            return "nothing checked: no captures (.json, .xml, .jsonp, .form or .jsonl files)"
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


class _ReportFile:
    """A report written beside its destination and renamed over it only when complete.

    A run that fails leaves no half-written report, and an earlier one untouched.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._temporary: Path | None = None
        self.stream: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        while self.stream is None:
            # A name the check never reads as a capture, should the report sit among them.
            candidate = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")
            try:
                handle = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            except OSError as error:
                raise OSError(error.errno, error.strerror, str(self.path)) from None
            self._temporary = candidate
            self.stream = open(handle, "w", encoding="utf-8")
        return self.stream

    def commit(self) -> None:
        assert self.stream is not None and self._temporary is not None
        self.stream.close()
        try:
            os.replace(self._temporary, self.path)
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(self.path)) from None
        self._temporary = None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.stream is not None and not self.stream.closed:
            with suppress(OSError):  # the write that failed is the error to report
                self.stream.close()
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)


class CaptureChecker:
    """Reads captures (files, folders, JSONL) and checks each against its endpoint's contract.

    A file's endpoint is the nearest folder named after one, its format the extension; a
    JSONL line is an envelope ``{"endpoint", "format", "body"}``. A capture whose real
    path lies outside the folder it was found in (a folder named on the command line, or
    the folder of a file named there) is refused unread: a symbolic link could otherwise
    show any file's first bytes in the reports.
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

    def iter_captures(self, paths: Iterable[Path], endpoint: str | None = None, *,
                      max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> Iterator[Capture]:
        """Every capture under ``paths``, files in sorted order, JSONL line by line (streamed).

        No more than about ``max_body_bytes`` (six times that for a JSONL line, JSON's
        escapes) of one capture is held at once; a bigger body is a problem capture.
        """
        for path in paths:
            if path.is_dir():
                folder = Path(os.path.realpath(path))
                for found in self._walk(path, folder, set()):
                    if isinstance(found, Capture):
                        yield found
                    else:
                        yield from self._read(found, folder, endpoint, max_body_bytes)
            else:
                yield from self._read(path, Path(os.path.realpath(path.parent)), endpoint,
                                      max_body_bytes)

    def _walk(self, folder: Path, root: Path, seen: set[str]) -> Iterator[Path | Capture]:
        """The capture files under ``folder``, and a problem for each folder not walked."""
        real = os.path.realpath(folder)
        if real in seen:
            return  # a folder reached again through a link: walked once
        seen.add(real)
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            yield _problem(folder, f"cannot read the folder: {error.strerror}")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if not is_folder and not _is_capture_name(entry.name):
                continue
            if is_folder:
                if entry.is_symlink() and not _inside(path, root):
                    yield _problem(path, "a symbolic link to a folder outside the folder "
                                         "checked: not read")
                else:
                    yield from self._walk(path, root, seen)
            else:
                yield path

    def _read(self, path: Path, root: Path, override: str | None,
              max_body_bytes: int) -> Iterator[Capture]:
        if not _inside(path, root):
            yield _problem(path, "a symbolic link to a file outside the folder checked: "
                                 "not read")
            return
        real = os.path.realpath(path)
        try:
            regular = stat.S_ISREG(os.stat(real).st_mode)
        except OSError as error:
            yield _problem(path, f"cannot read: {error.strerror}")
            return
        if not regular:  # a FIFO or a device would block or never end
            yield _problem(path, "not a regular file: not read")
        elif path.suffix == JSONL:
            yield from self._jsonl_captures(path, real, max_body_bytes)
        else:
            yield self._file_capture(path, real, override, max_body_bytes)

    def _file_capture(self, path: Path, real: str, override: str | None,
                      max_body_bytes: int) -> Capture:
        endpoint = self._endpoint_of(path, override)
        format = FORMATS.get(path.suffix)
        if endpoint is None:
            return _problem(path, "cannot tell the endpoint: put the file under a folder named "
                                  f"after it ({', '.join(self.contracts)}) or pass --endpoint",
                            format=format)
        if format is None:
            return _problem(path, f"the extension must be one of {', '.join(FORMATS)}",
                            endpoint=endpoint)
        try:
            with open(real, "rb") as file:
                body = file.read(max_body_bytes + 1)
        except OSError as error:
            return _problem(path, f"cannot read: {error.strerror}", endpoint=endpoint,
                            format=format)
        if len(body) > max_body_bytes:
            return _problem(path, _too_big(max_body_bytes), endpoint=endpoint, format=format)
        return Capture(_source(path), None, endpoint, format, body)

    def _jsonl_captures(self, path: Path, real: str, max_body_bytes: int) -> Iterator[Capture]:
        limit = 6 * max_body_bytes + ENVELOPE_ROOM
        try:
            lines = open(real, "rb")  # noqa: SIM115 (closed below, whatever happens)
        except OSError as error:
            yield _problem(path, f"cannot read: {error.strerror}")
            return
        with lines:
            number = 0
            while True:
                number += 1
                too_long = False
                try:
                    raw = lines.readline(limit + 1)
                    if len(raw) > limit and not raw.endswith(b"\n"):
                        too_long = True
                        while raw and not raw.endswith(b"\n"):  # stream past the rest
                            raw = lines.readline(1 << 16)
                except OSError as error:
                    yield _problem(path, f"cannot read: {error.strerror}", number)
                    return
                if too_long:
                    yield _problem(path, f"the line is longer than {limit} bytes, more than the "
                                         f"envelope of any body within the limit needs: "
                                         f"{_too_big(max_body_bytes)}", number)
                elif not raw:
                    return
                elif raw.strip():
                    yield self._envelope(path, number, raw, max_body_bytes)

    def _envelope(self, path: Path, number: int, raw: bytes, max_body_bytes: int) -> Capture:
        envelope = None
        # Not UTF-8 is a ValueError too.
        with suppress(ValueError, RecursionError):
            envelope = json.loads(raw) if _small_structure(raw) else None
        if not isinstance(envelope, dict):
            return _problem(path, 'not an envelope {"endpoint": …, "format": …, "body": …}',
                            number)
        endpoint, format, body = envelope.get("endpoint"), envelope.get("format"), envelope.get(
            "body")
        if not isinstance(endpoint, str) or endpoint not in self.contracts:
            return _problem(path, f"unknown endpoint {_json_kind(endpoint)}: one of "
                                  f"{', '.join(self.contracts)}", number)
        if not isinstance(format, str) or format not in ENCODINGS:
            return _problem(path, f"unknown format {_json_kind(format)}: one of "
                                  f"{', '.join(ENCODINGS)}", number, endpoint)
        if not isinstance(body, str):
            return _problem(path, f"the body is {_json_kind(body)}, not the raw body as a "
                                  "string", number, endpoint, format)
        try:
            data = body.encode("utf-8")
        except UnicodeEncodeError:
            return _problem(path, "the body holds a lone UTF-16 surrogate: no body a server "
                                  "sends", number, endpoint, format)
        if len(data) > max_body_bytes:
            return _problem(path, _too_big(max_body_bytes), number, endpoint, format)
        return Capture(_source(path), number, endpoint, format, data)

    def check_capture(self, capture: Capture, reference: bool = False) -> list[Finding]:
        if capture.problem is not None or capture.endpoint is None or capture.format is None:
            return [Finding("error", "", printable(capture.problem or "not a capture"))]
        try:
            found = check_body(self.contracts[capture.endpoint], capture.body, capture.format,
                               reference=reference)
        except Exception as error:  # a bug, but one body must not end the run of the others
            found = [Finding("error", "", f"the check failed on this body: {error!r}")]
        return [_printable_finding(finding) for finding in found]

    def check_captures(self, captures: Iterable[Capture], *, strict: bool = False,
                       reference: bool = False,
                       json_out: IO[str] | None = None, junit_out: IO[str] | None = None) -> Report:
        """Check every capture, streaming machine reports as it goes."""
        with ExitStack() as stack:
            # JUnit counts come first: the test cases wait in a file until the end.
            cases = stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")) \
                if junit_out else None
            return self._check_into(captures, Report(strict=strict), reference, json_out,
                                    junit_out, cases)

    def _check_into(self, captures: Iterable[Capture], report: Report, reference: bool,
                    json_out: IO[str] | None, junit_out: IO[str] | None,
                    cases: IO[str] | None) -> Report:
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
            if cases:
                cases.write(_junit_case(capture, findings, strict))
        if json_out:
            summary = {"captures": report.captures,
                       "verdicts": dict(sorted(report.verdicts.items())),
                       "findings": dict(sorted(report.findings.items())), "failed": report.failed}
            json_out.write(f'\n], "summary": {json.dumps(summary)}}}\n')
        if junit_out and cases:
            failures = report.verdicts["error"] + (report.verdicts["drift"] if strict else 0)
            junit_out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                            f'<testsuite name="qq_connect contract" tests="{report.captures}" '
                            f'failures="{failures}" errors="0">\n')
            cases.seek(0)
            for line in cases:
                junit_out.write(line)
            junit_out.write("</testsuite>\n")
        return report

    def _output_clash(self, paths: list[Path], option: str, output: Path) -> str | None:
        """Why ``output`` must not be written, if it is an input or would be read as one."""
        real = Path(os.path.realpath(output))
        if real.is_dir():
            return f"{option} {printable(str(output))} is a folder"
        for path in paths:
            input = Path(os.path.realpath(path))
            if real == input:
                return f"{option} {printable(str(output))} is one of the inputs"
            if path.is_dir() and real.is_relative_to(input) and _is_capture_name(real.name):
                return (f"{option} {printable(str(output))} would be read as a capture of "
                        f"{printable(str(path))}: write it elsewhere")
        return None

    def main(self, argv: list[str] | None = None) -> int:
        parser = argparse.ArgumentParser(prog=self.prog, description=self.description,
                                         epilog=EXIT_CODES,
                                         formatter_class=argparse.RawDescriptionHelpFormatter)
        parser.add_argument("paths", nargs="+", type=Path, help="capture files, folders, .jsonl")
        parser.add_argument("--endpoint", choices=sorted(self.contracts),
                            help="the endpoint of files outside an endpoint folder")
        parser.add_argument("--strict", action="store_true", help="drift fails the run too")
        parser.add_argument("--json", type=Path, metavar="FILE", help="write findings as JSON")
        parser.add_argument("--junit", type=Path, metavar="FILE", help="write JUnit XML")
        parser.add_argument("--max-body-bytes", type=_positive, default=DEFAULT_MAX_BODY_BYTES,
                            metavar="N", help="a bigger body is an error, as the client refuses "
                                              "it (default: the client's, %(default)s)")
        parser.add_argument("--reference", action="store_true",
                            help="judge with the jsonschema package (slower; same verdicts)")
        arguments = parser.parse_args(argv)
        if arguments.reference and importlib.util.find_spec("jsonschema") is None:
            parser.error("--reference needs jsonschema: pip install 'qq-connect-generated[check]'")
        missing = [printable(str(path)) for path in arguments.paths if not path.exists()]
        if missing:
            parser.error(f"no such file or folder: {', '.join(missing)}")
        outputs = [(option, path) for option, path in (("--json", arguments.json),
                                                       ("--junit", arguments.junit)) if path]
        if len(outputs) == 2 and os.path.realpath(outputs[0][1]) == os.path.realpath(
                outputs[1][1]):
            parser.error("--json and --junit name the same file")
        for option, path in outputs:
            clash = self._output_clash(arguments.paths, option, path)
            if clash:
                parser.error(clash)
        captures = self.iter_captures(arguments.paths, arguments.endpoint,
                                      max_body_bytes=arguments.max_body_bytes)
        with ExitStack() as reports:
            try:
                files = {option: _ReportFile(path) for option, path in outputs}
                streams = {option: reports.enter_context(file) for option, file in files.items()}
                report = self.check_captures(captures, strict=arguments.strict,
                                             reference=arguments.reference,
                                             json_out=streams.get("--json"),
                                             junit_out=streams.get("--junit"))
                for file in files.values():
                    file.commit()
            except OSError as error:  # reading problems are findings: this is a report
                where = error.filename or " and ".join(str(path) for _, path in outputs)
                print(f"{self.prog}: cannot write the report {printable(str(where))}: "
                      f"{error.strerror or error}", file=sys.stderr)
                return EXIT_REPORT
        print(report.text())
        if report.captures == 0:
            return EXIT_USAGE
        return EXIT_FAILED if report.failed else EXIT_OK


def _too_big(max_body_bytes: int) -> str:
    return f"the body is over {max_body_bytes} bytes, the client's limit (max_body_bytes)"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number of bytes: {text!r}")
    return value

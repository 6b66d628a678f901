"""The contract-check command over captured responses, for any set of contracts.

The generated ``check`` module binds it to the spec's contracts and documents the
layout it reads (``python -m qq_connect.check PATH...``). This module reads the
captures and checks each; ``_check_cli`` runs the command, the ``_check_*`` modules
beside it write its reports.

Captures may come from anyone, so nothing in them can end the run: every problem with
one capture (unreadable, a symbolic link out of the folder given, over the client's
body limit, a malformed JSONL line) is an error finding that names it, and the reports
hold whatever the captures contain. Only a usage error or an unwritable report ends it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from ._check import UNREAD, Contract, Finding, Shown, check_body_showing, describe
from ._check_baseline import Baseline, fingerprint
from ._check_console import Surroundings
from ._check_coverage import Coverage
from ._check_fast import decode_envelope, decode_envelopes
from ._check_json import JsonReport
from ._check_junit import JunitReport
from ._check_progress import Progress
from ._check_report import Flagged, Report, is_printable, new_flagged, printable
from ._codes import ReturnCodeTable
from ._decode import ENCODINGS
from ._inflate import DEFAULT_MAX_BODY_BYTES

__all__ = ["Capture", "CaptureChecker"]

FORMATS = {".json": "json", ".xml": "xml", ".jsonp": "jsonp", ".form": "form"}
JSONL = ".jsonl"
META_SUFFIX = ".meta.json"
# A JSON string spells one byte in at most six characters (\u00XX), so no envelope of
# a body within the limit needs a longer line, give or take its other keys.
ENVELOPE_ROOM = 64 * 1024
# Outside its strings an envelope is a few bytes of braces, colons and commas. Parsing
# more (an array of a million empty objects) could take a hundred times the line's size.
ENVELOPE_STRUCTURE = 1024
_JSON_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"')
_JSON_WHITESPACE = b" \t\r\n"
# The usual lines of a JSONL file are read this many at a time (at most: no more bytes).
BATCH_LINES = 256
BATCH_BYTES = 1 << 20


def _printable_findings(found: list[Finding]) -> list[Finding]:
    """``found``, each text escaped where a report could not hold it as is."""
    if not found or is_printable("".join([finding.pointer + finding.message + finding.expected
                                          + finding.actual for finding in found])):
        return found  # the usual findings: nothing to escape
    return [replace(finding, pointer=printable(finding.pointer),
                    message=printable(finding.message), expected=printable(finding.expected),
                    actual=printable(finding.actual)) for finding in found]


def is_capture_name(name: str) -> bool:
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
    """True if parsing the line can make neither many objects nor a deep nesting.

    Brackets count too: how deep ``json`` nests before a RecursionError depends on the
    Python (1000 on 3.11, 10000 on 3.13), so the bound is ours. ENVELOPE_STRUCTURE bytes
    outside strings nest at most 512 deep, which every Python reads.
    """
    if raw.count(b",") + raw.count(b":") + raw.count(b"[") + raw.count(b"{") <= 64:
        return True  # the usual line: no need to look closer
    return len(_JSON_STRING.sub(b"", raw).translate(None, _JSON_WHITESPACE)) \
        <= ENVELOPE_STRUCTURE


@dataclass(frozen=True)
class Capture:
    """One captured body and where it came from; ``problem`` if it cannot be checked.

    ``source`` is printable (see ``printable``), whatever the file name. A problem
    capture names the ``problem_rule`` of its finding, and keeps as ``body`` what was
    read of it, if anything: only its findings' fingerprints use it.
    """

    source: str
    line: int | None
    endpoint: str | None
    format: str | None
    body: bytes
    problem: str | None = None
    problem_rule: str = "unreadable-capture"

    @property
    def label(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"

    @property
    def content(self) -> bytes:
        """What fingerprints its findings: the bytes read, or where it is if none were."""
        if self.problem is not None and not self.body:
            return self.label.encode("utf-8")
        return self.body


_NEW = object.__new__


def _line_capture(source: str, line: int, endpoint: str, format: str, body: bytes) -> Capture:
    """``Capture(source, line, endpoint, format, body)`` without the frozen dataclass's
    ``__init__`` (half the cost of reading a line): one is made per line of a corpus."""
    capture = _NEW(Capture)
    capture.__dict__.update(source=source, line=line, endpoint=endpoint, format=format,
                            body=body, problem=None, problem_rule="unreadable-capture")
    return capture


def _source(path: Path) -> str:
    return printable(str(path))


def _problem(path: Path, problem: str, line: int | None = None, endpoint: str | None = None,
             format: str | None = None, *, rule: str, content: bytes = b"") -> Capture:
    return Capture(_source(path), line, endpoint, format, content, problem, rule)


class CaptureChecker:
    """Reads captures (files, folders, JSONL) and checks each against its endpoint's contract.

    A file's endpoint is the nearest folder named after one, its format the extension; a
    JSONL line is an envelope ``{"endpoint", "format", "body"}``. A capture whose real
    path lies outside the folder it was found in (a folder named on the command line, or
    the folder of a file named there) is refused unread: a symbolic link could otherwise
    show any file's first bytes in the reports. ``codes`` gives the coverage its error
    categories.
    """

    def __init__(self, contracts: Mapping[str, Contract], *, prog: str,
                 description: str, codes: ReturnCodeTable | None = None,
                 script: str = "") -> None:
        self.contracts = contracts
        self.codes = codes
        self.prog = prog
        self.script = script
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
            yield _problem(folder, f"cannot read the folder: {error.strerror}",
                           rule="unreadable-capture")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if not is_folder and not is_capture_name(entry.name):
                continue
            if is_folder:
                if entry.is_symlink() and not _inside(path, root):
                    yield _problem(path, "a symbolic link to a folder outside the folder "
                                         "checked: not read", rule="link-outside")
                else:
                    yield from self._walk(path, root, seen)
            else:
                yield path

    def _read(self, path: Path, root: Path, override: str | None,
              max_body_bytes: int) -> Iterator[Capture]:
        if not _inside(path, root):
            yield _problem(path, "a symbolic link to a file outside the folder checked: "
                                 "not read", rule="link-outside")
            return
        real = os.path.realpath(path)
        try:
            regular = stat.S_ISREG(os.stat(real).st_mode)
        except OSError as error:
            yield _problem(path, f"cannot read: {error.strerror}", rule="unreadable-capture")
            return
        if not regular:  # a FIFO or a device would block or never end
            yield _problem(path, "not a regular file: not read", rule="not-a-file")
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
                            format=format, rule="unknown-endpoint")
        if format is None:
            return _problem(path, f"the extension must be one of {', '.join(FORMATS)}",
                            endpoint=endpoint, rule="unknown-format")
        try:
            with open(real, "rb") as file:
                body = file.read(max_body_bytes + 1)
        except OSError as error:
            return _problem(path, f"cannot read: {error.strerror}", endpoint=endpoint,
                            format=format, rule="unreadable-capture")
        if len(body) > max_body_bytes:
            return _problem(path, _too_big(max_body_bytes), endpoint=endpoint, format=format,
                            rule="body-too-large", content=body)
        return Capture(_source(path), None, endpoint, format, body)

    def _jsonl_captures(self, path: Path, real: str, max_body_bytes: int) -> Iterator[Capture]:
        """The captures of a JSONL file: its usual lines read a batch at a time (bounded by
        ``BATCH_LINES`` and ``BATCH_BYTES``), any other line on its own."""
        source = _source(path)
        batch: list[tuple[int, bytes]] = []
        size = 0
        for item in self._jsonl_lines(path, real, max_body_bytes):
            if isinstance(item, Capture):
                yield from self._batch_captures(path, source, batch, max_body_bytes)
                batch, size = [], 0
                yield item
                continue
            batch.append(item)
            size += len(item[1])
            if len(batch) == BATCH_LINES or size >= BATCH_BYTES:
                yield from self._batch_captures(path, source, batch, max_body_bytes)
                batch, size = [], 0
        yield from self._batch_captures(path, source, batch, max_body_bytes)

    def _batch_captures(self, path: Path, source: str, batch: list[tuple[int, bytes]],
                        max_body_bytes: int) -> Iterator[Capture]:
        read = decode_envelopes([raw for _, raw in batch]) if len(batch) > 1 else None
        if read is None:
            for number, raw in batch:
                yield self._envelope(path, source, number, raw, max_body_bytes)
            return
        contracts = self.contracts
        for (number, raw), (name, encoding, data) in zip(batch, read, strict=True):
            if name in contracts and encoding in ENCODINGS and len(data) <= max_body_bytes:
                yield _line_capture(source, number, name, encoding, data)
            else:
                yield self._envelope(path, source, number, raw, max_body_bytes)

    def _jsonl_lines(self, path: Path, real: str,
                     max_body_bytes: int) -> Iterator[tuple[int, bytes] | Capture]:
        """Each line of a JSONL file that is not blank, with its number; a problem capture
        for a line too long or a file that cannot be read."""
        limit = 6 * max_body_bytes + ENVELOPE_ROOM
        try:
            lines = open(real, "rb")  # noqa: SIM115 (closed below, whatever happens)
        except OSError as error:
            yield _problem(path, f"cannot read: {error.strerror}", rule="unreadable-capture")
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
                    yield _problem(path, f"cannot read: {error.strerror}", number,
                                   rule="unreadable-capture")
                    return
                if too_long:
                    yield _problem(path, f"the line is longer than {limit} bytes, more than the "
                                         f"envelope of any body within the limit needs: "
                                         f"{_too_big(max_body_bytes)}", number,
                                   rule="body-too-large")
                elif not raw:
                    return
                elif raw.strip():
                    yield number, raw

    def _envelope(self, path: Path, source: str, number: int, raw: bytes,
                  max_body_bytes: int) -> Capture:
        """The capture of one JSONL line; ``source`` is ``_source(path)``, made once."""
        raw = raw.strip(_JSON_WHITESPACE)  # the same line fingerprints alike, last or not
        fast = decode_envelope(raw)  # the usual line, read at once; None: read it in full
        if fast is not None:
            name, encoding, data = fast
            if name in self.contracts and encoding in ENCODINGS and len(data) <= max_body_bytes:
                return _line_capture(source, number, name, encoding, data)
        envelope = None
        # Not UTF-8 is a ValueError too.
        with suppress(ValueError, RecursionError):
            envelope = json.loads(raw) if _small_structure(raw) else None
        if not isinstance(envelope, dict):
            return _problem(path, 'not an envelope {"endpoint": …, "format": …, "body": …}',
                            number, rule="bad-envelope", content=raw)
        endpoint, format, body = envelope.get("endpoint"), envelope.get("format"), envelope.get(
            "body")
        if not isinstance(endpoint, str) or endpoint not in self.contracts:
            return _problem(path, f"unknown endpoint {_json_kind(endpoint)}: one of "
                                  f"{', '.join(self.contracts)}", number,
                            rule="unknown-endpoint", content=raw)
        if not isinstance(format, str) or format not in ENCODINGS:
            return _problem(path, f"unknown format {_json_kind(format)}: one of "
                                  f"{', '.join(ENCODINGS)}", number, endpoint,
                            rule="unknown-format", content=raw)
        if not isinstance(body, str):
            return _problem(path, f"the body is {_json_kind(body)}, not the raw body as a "
                                  "string", number, endpoint, format, rule="bad-envelope",
                            content=raw)
        try:
            data = body.encode("utf-8")
        except UnicodeEncodeError:
            return _problem(path, "the body holds a lone UTF-16 surrogate: no body a server "
                                  "sends", number, endpoint, format, rule="bad-envelope",
                            content=raw)
        if len(data) > max_body_bytes:
            return _problem(path, _too_big(max_body_bytes), number, endpoint, format,
                            rule="body-too-large", content=data)
        return Capture(_source(path), number, endpoint, format, data)

    def check_capture(self, capture: Capture, reference: bool = False) -> list[Finding]:
        return self.check_capture_showing(capture, reference)[0]

    def check_capture_showing(self, capture: Capture,
                              reference: bool = False) -> tuple[list[Finding], Shown]:
        """The capture's findings, and what its body showed of its outcome (``Shown``)."""
        if capture.problem is not None or capture.endpoint is None or capture.format is None:
            return [Finding("error", "", printable(capture.problem or "not a capture"),
                            rule=capture.problem_rule)], None
        try:
            found, shown = check_body_showing(self.contracts[capture.endpoint], capture.body,
                                              capture.format, reference=reference)
        except Exception as error:  # a bug, but one body must not end the run of the others
            found, shown = [Finding("error", "", f"the check failed on this body: {error!r}",
                                    rule="check-crashed")], UNREAD
        return _printable_findings(found), shown

    def check_captures(self, captures: Iterable[Capture], *, strict: bool = False,
                       reference: bool = False, json_out: IO[str] | None = None,
                       junit_out: IO[str] | None = None, junit_failures_only: bool = False,
                       baseline: Baseline | None = None,
                       progress: Progress | None = None) -> Report:
        """Check every capture, streaming machine reports as it goes."""
        coverage = Coverage(self.contracts, self.codes)
        report = Report(strict=strict, baseline=baseline, coverage=coverage)
        with ExitStack() as stack:
            junit = None
            if junit_out:  # JUnit counts come first: the cases wait in a file until the end
                cases = stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))
                junit = JunitReport(junit_out, cases, failures_only=junit_failures_only)
            json_report = JsonReport(json_out) if json_out else None
            for capture in captures:
                found, shown = self.check_capture_showing(capture, reference)
                flagged = _flag(capture, found, baseline)
                # Only findings show where they were: a clean capture's label is not needed.
                verdict = report.add(capture.label if flagged else "", capture.endpoint,
                                     flagged)
                if capture.problem is None:
                    coverage.record(capture.endpoint, capture.body, capture.format, shown)
                if json_report:
                    json_report.add(capture.source, capture.line, capture.endpoint,
                                    capture.format, verdict, flagged)
                if junit:
                    junit.add(capture.label, capture.endpoint, flagged, strict)
                if progress:
                    progress.tick(report.captures)
            if json_report:
                json_report.finish(report)
            if junit:
                junit.finish(report)
        return report

    def main(self, argv: list[str] | None = None, *,
             surroundings: Surroundings | None = None) -> int:
        """The command: exit status 0, 1, 2 or 3 (``EXIT_CODES``)."""
        from ._check_cli import run  # the command line needs the checker, not the reverse

        return run(self, argv, surroundings or Surroundings.current())


def _flag(capture: Capture, findings: list[Finding],
          baseline: Baseline | None) -> list[Flagged]:
    """Each finding with its fingerprint, and whether the baseline accepts it."""
    if not findings:
        return []
    digest = hashlib.sha256(capture.content).digest()
    flagged = []
    for finding in findings:
        key = fingerprint(digest, finding.rule, finding.pointer)
        accepted = baseline is not None and baseline.accepts(
            key, finding.rule, capture.endpoint, finding.pointer)
        flagged.append(new_flagged(finding, key, accepted))
    return flagged


def _too_big(max_body_bytes: int) -> str:
    return f"the body is over {max_body_bytes} bytes, the client's limit (max_body_bytes)"

"""The JUnit XML report: one test case per capture, failing on the findings that fail the run.

The counts come first in the XML, so the cases wait in a temporary file until the end;
``failures_only`` writes only the failing cases, for corpora too big to list. Stale
baseline entries make one more case, failing under --strict.
"""

from __future__ import annotations

from typing import IO
from xml.sax.saxutils import escape, quoteattr

from ._check_report import Flagged, Report

__all__ = ["JunitReport"]

SUITE = "qq_connect contract"


def _where(item: Flagged) -> str:
    return f"{item.finding.pointer or '/'}: {item.finding.message} [{item.fingerprint}]"


def _details(item: Flagged) -> str:
    finding = item.finding
    return (f"{finding.kind} {finding.rule}, fingerprint {item.fingerprint}: "
            f"expected {finding.expected}, got {finding.actual}")


def _note(item: Flagged) -> str:
    state = "baselined " if item.baselined else ""
    return f"{state}{item.finding.kind} {item.finding.rule} {_where(item)}"


def junit_case(label: str, endpoint: str | None, flagged: list[Flagged], strict: bool) -> str:
    failing = [item for item in flagged if item.fails(strict)]
    notes = [item for item in flagged if not item.fails(strict)]
    body = "".join(f"<failure type={quoteattr(item.finding.rule)} "
                   f"message={quoteattr(_where(item))}>{escape(_details(item))}</failure>"
                   for item in failing)
    if notes:
        body += "<system-out>" + escape("\n".join(_note(item) for item in notes)) + "</system-out>"
    return (f"<testcase classname={quoteattr(endpoint or 'unknown')} name={quoteattr(label)}>"
            f"{body}</testcase>\n")


def _stale_case(report: Report) -> str:
    assert report.baseline is not None
    lines = escape("\n".join(f"{entry.fingerprint} {entry.rule} {entry.endpoint or '-'} "
                             f"{entry.pointer or '/'}" for entry in report.stale))
    body = (f'<failure type="stale-baseline" message="{len(report.stale)} stale entries">'
            f"{lines}</failure>" if report.fails_on_stale else f"<system-out>{lines}</system-out>")
    return (f'<testcase classname="baseline" name={quoteattr(str(report.baseline.path))}>'
            f"{body}</testcase>\n")


class JunitReport:
    """Collects the cases in ``cases`` (a temporary file), then writes the suite."""

    def __init__(self, stream: IO[str], cases: IO[str], *, failures_only: bool = False) -> None:
        self.stream = stream
        self.cases = cases
        self.failures_only = failures_only

    def add(self, label: str, endpoint: str | None, flagged: list[Flagged],
            strict: bool) -> None:
        if self.failures_only and not any(item.fails(strict) for item in flagged):
            return
        self.cases.write(junit_case(label, endpoint, flagged, strict))

    def finish(self, report: Report) -> None:
        has_stale = bool(report.stale) and not (report.baseline and report.baseline.updating)
        tests = report.captures + has_stale
        failures = report.failing_captures + report.fails_on_stale
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                          f"<testsuite name={quoteattr(SUITE)} tests=\"{tests}\" "
                          f'failures="{failures}" errors="0">\n')
        self.cases.seek(0)
        for line in self.cases:
            self.stream.write(line)
        if has_stale and (report.fails_on_stale or not self.failures_only):
            self.stream.write(_stale_case(report))
        self.stream.write("</testsuite>\n")

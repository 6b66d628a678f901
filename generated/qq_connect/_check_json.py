# Copied from generator/runtime/_check_json.py; do not edit here: edit that file and run `make generate`.
"""The JSON report, streamed: one entry per capture with findings, then the totals.

Its shape is published as a JSON Schema (Draft 2020-12) shipped in the package,
``check_report.schema.json``; every report names it in ``$schema``.
"""

from __future__ import annotations

import json
from typing import IO, Any

from ._check_report import Flagged, Report

__all__ = ["REPORT_SCHEMA_ID", "REPORT_VERSION", "JsonReport"]

REPORT_SCHEMA_ID = "urn:qq-connect:check-report"
REPORT_VERSION = 1


class JsonReport:
    """Writes the report to ``stream`` as the run goes; ``finish`` closes it."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self._first = True
        head = json.dumps({"$schema": REPORT_SCHEMA_ID, "version": REPORT_VERSION})
        stream.write(head[:-1] + ', "captures": [\n')

    def add(self, source: str, line: int | None, endpoint: str | None, format: str | None,
            verdict: str, flagged: list[Flagged]) -> None:
        if not flagged:
            return
        entry = {"capture": source, "line": line, "endpoint": endpoint, "format": format,
                 "verdict": verdict, "findings": [item.as_json() for item in flagged]}
        self.stream.write(("" if self._first else ",\n") + json.dumps(entry, ensure_ascii=False))
        self._first = False

    def finish(self, report: Report) -> None:
        tail: dict[str, Any] = {
            "summary": report.summary(),
            "rules": {rule: {"kind": report.kinds[rule], **counts}
                      for rule, counts in report.by_rule().items()},
            "endpoints": report.by_endpoint(),
        }
        write = self.stream.write
        write("\n], " + json.dumps(tail, ensure_ascii=False)[1:-1] + ', "baseline": ')
        self._write_baseline(report)
        coverage = report.coverage.as_json() if report.coverage else None
        write(', "coverage": ' + json.dumps(coverage, ensure_ascii=False) + "}\n")

    def _write_baseline(self, report: Report) -> None:
        """The baseline's facts; its stale entries one by one (they may be the whole file)."""
        baseline = report.baseline
        if baseline is None:
            self.stream.write("null")
            return
        head = {"file": str(baseline.path), "updated": baseline.updating,
                "entries": len(baseline.entries), "added": baseline.added()}
        self.stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "stale": [')
        for index, entry in enumerate(report.stale):
            self.stream.write(("," if index else "") + "\n" + json.dumps(
                entry.as_json(), ensure_ascii=False))
        self.stream.write("]}")

# Copied from generator/runtime/_check_markdown.py; do not edit here: edit that file and run `make generate`.
"""The Markdown summary, for a CI step summary or a pull-request comment.

Totals, counts by endpoint and rule, the first new findings of each rule, stale
baseline entries and the coverage table. Strings from captures (already printable, as
on stdout) are escaped, so no capture can add markup, a link or HTML to the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO

from ._check_report import Report
from ._check_text import NOTHING_CHECKED

__all__ = ["write_markdown"]

TITLE = "qq_connect contract check"
# A pull-request comment holds some 65,000 characters: a stale baseline stays a summary.
SHOWN_STALE = 20
# Values only go inside table cells, where no line starts: a backslash escapes each mark
# that means something inline (emphasis, code, links, images, cells, autolinks' colon);
# `<`, `>`, `&` and `"` become entities, so neither markup nor HTML survives.
_MARKDOWN = re.compile(r"([\\`*_\[\]()!|~:])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_HTML = re.compile("[&<>\"]")


def escape_markdown(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", _HTML.sub(lambda match: _ENTITIES[match.group()], text))


def _row(cells: Iterable[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _table(header: list[str], rows: Iterable[Iterable[object]], numeric: int = 0) -> list[str]:
    """A table whose last ``numeric`` columns are right-aligned counts."""
    align = ["---"] * (len(header) - numeric) + ["---:"] * numeric
    return [_row(header), _row(align), *(_row(row) for row in rows), ""]


def _totals(report: Report) -> list[str]:
    verdicts, findings = report.verdicts, report.findings
    state = "**FAILED**" if report.failed else "passed"
    lines = [f"## {TITLE}: {state}", "",
             f"{report.captures} captures: {verdicts['ok']} ok, {verdicts['drift']} with drift, "
             f"{verdicts['error']} with errors; {findings['error']} error and "
             f"{findings['drift']} drift findings.", ""]
    if report.baseline is not None:
        lines += [f"New findings: {sum(report.new.values())} "
                  f"({report.new['error']} error, {report.new['drift']} drift); baselined: "
                  f"{sum(report.baselined.values())}; stale baseline entries: "
                  f"{len(report.stale)}.", ""]
    return lines


def _counts(report: Report) -> list[str]:
    rows = [(escape_markdown(endpoint), f"`{rule}`", report.kinds[rule], counts["new"],
             counts["baselined"])
            for endpoint, rules in report.by_endpoint().items()
            for rule, counts in rules.items()]
    if not rows:
        return ["No findings.", ""]
    return ["### Findings by endpoint and rule", "",
            *_table(["endpoint", "rule", "kind", "new", "baselined"], rows, numeric=2)]


def _examples(report: Report) -> list[str]:
    lines: list[str] = []
    for rule, counts in report.by_rule().items():
        shown = report.examples.get(rule, [])
        if not shown:
            continue
        lines += [f"#### `{rule}` ({report.kinds[rule]}): {counts['new']} new", ""]
        rows = [(f"`{item.flagged.fingerprint}`", escape_markdown(item.label),
                 escape_markdown(item.flagged.finding.pointer or "/"),
                 escape_markdown(item.flagged.finding.message),
                 escape_markdown(item.flagged.finding.expected),
                 escape_markdown(item.flagged.finding.actual)) for item in shown]
        lines += _table(["fingerprint", "capture", "pointer", "message", "expected", "got"],
                        rows)
        if counts["new"] > len(shown):
            lines += [f"… and {counts['new'] - len(shown)} more.", ""]
    return ["### New findings, by rule", "", *lines] if lines else []


def _stale(report: Report) -> list[str]:
    if not report.stale or report.baseline is None or report.baseline.updating:
        return []
    rows = [(f"`{entry.fingerprint}`", escape_markdown(entry.rule),
             escape_markdown(entry.endpoint or "-"), escape_markdown(entry.pointer or "/"),
             escape_markdown(entry.reason), escape_markdown(entry.accepted_by),
             escape_markdown(entry.accepted_on)) for entry in report.stale[:SHOWN_STALE]]
    why = "they fail the run under `--strict`" if report.strict else (
        "they fail only under `--strict`")
    return ["### Stale baseline entries", "",
            f"In the baseline but matched by no finding of this run ({why}); "
            "`--update-baseline` drops them.", "",
            *_table(["fingerprint", "rule", "endpoint", "pointer", "reason", "accepted by",
                     "accepted on"], rows),
            *([f"… and {len(report.stale) - SHOWN_STALE} more.", ""]
              if len(report.stale) > SHOWN_STALE else [])]


def _coverage(report: Report) -> list[str]:
    coverage = report.coverage
    if coverage is None:
        return []
    outcomes = list(dict.fromkeys(name for counts in coverage.endpoints.values()
                                  for name in counts.outcomes))
    encodings = list(dict.fromkeys(name for counts in coverage.endpoints.values()
                                   for name in counts.encodings))
    rows = []
    for endpoint, counts in coverage.endpoints.items():
        cells: list[object] = [escape_markdown(endpoint)]
        cells += [_cell(counts.outcomes.get(name), name in counts.expected_outcomes)
                  for name in outcomes]
        cells += [_cell(counts.encodings.get(name), name in counts.encodings)
                  for name in encodings]
        rows.append(cells)
    return ["### Coverage", "",
            "Captures per outcome and encoding; ❌ marks one the spec gives the endpoint "
            "that no capture exercised, – one it does not give.", "",
            *_table(["endpoint", *(escape_markdown(name) for name in outcomes + encodings)],
                    rows)]


def _cell(count: int | None, expected: bool) -> str:
    if count:
        return str(count)
    return "❌" if expected else "–"


def write_markdown(report: Report, stream: IO[str]) -> None:
    if report.captures == 0:
        stream.write(f"## {TITLE}: nothing checked\n\n{escape_markdown(NOTHING_CHECKED)}\n")
        return
    lines = [*_totals(report), *_counts(report), *_examples(report), *_stale(report),
             *_coverage(report)]
    stream.write("\n".join(lines).rstrip("\n") + "\n")

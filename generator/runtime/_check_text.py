"""The summary on stdout: totals, findings grouped by rule, stale baseline entries, coverage.

Every line holds one thing: strings from captures are printable (``printable``), so no
capture can forge a line. Colour marks only the words the check writes itself.
"""

from __future__ import annotations

from collections.abc import Callable

from ._check_report import Report, Shown

__all__ = ["render_text"]

NOTHING_CHECKED = "nothing checked: no captures (.json, .xml, .jsonp, .form or .jsonl files)"
SHOWN_STALE = 10
_COLOURS = {"error": "31", "drift": "33", "FAILED": "1;31", "passed": "32"}

Paint = Callable[[str], str]


def _painter(colour: bool) -> Paint:
    if not colour:
        return lambda word: word
    return lambda word: f"\x1b[{_COLOURS[word]}m{word}\x1b[0m"


def _finding_line(shown: Shown, paint: Paint) -> str:
    finding, fingerprint = shown.flagged.finding, shown.flagged.fingerprint
    line = (f"  {paint(finding.kind)}{' ' * (5 - len(finding.kind))} {fingerprint} {shown.label} "
            f"{finding.pointer or '/'}: {finding.message}")
    if finding.expected:
        line += f" (expected {finding.expected}, got {finding.actual})"
    return line


def _headline(report: Report) -> str:
    verdicts, findings = report.verdicts, report.findings
    line = (f"{report.captures} captures: {verdicts['ok']} ok, {verdicts['drift']} with drift, "
            f"{verdicts['error']} with errors ({findings['error']} error and "
            f"{findings['drift']} drift findings)")
    if report.baseline is not None:
        line += f"; {sum(report.new.values())} new, {sum(report.baselined.values())} baselined"
    return line


def _rule_lines(report: Report, paint: Paint) -> list[str]:
    lines = []
    for rule, counts in report.by_rule().items():
        total = counts["new"] + counts["baselined"]
        head = f"{rule}: {total} {paint(report.kinds[rule])} finding{'s' if total > 1 else ''}"
        if counts["baselined"]:
            head += f" ({counts['new']} new, {counts['baselined']} baselined)"
        lines.append(head)
        shown = report.examples.get(rule, [])
        lines.extend(_finding_line(item, paint) for item in shown)
        if counts["new"] > len(shown):
            lines.append(f"  … {counts['new'] - len(shown)} more")
    return lines


def _baseline_lines(report: Report) -> list[str]:
    baseline = report.baseline
    if baseline is None:
        return []
    stale = report.stale
    if baseline.updating:
        return [f"baseline {baseline.path} updated: {len(baseline.entries) - len(stale)} kept, "
                f"{baseline.added()} added, {len(stale)} stale dropped"]
    if not stale:
        return []
    why = "they fail the run under --strict" if report.strict else "they fail only under --strict"
    lines = [f"stale baseline entries: {len(stale)} in {baseline.path} match no finding of this "
             f"run ({why}; --update-baseline drops them)"]
    lines.extend(f"  {entry.fingerprint} {entry.rule} {entry.endpoint or '-'} "
                 f"{entry.pointer or '/'}" for entry in stale[:SHOWN_STALE])
    if len(stale) > SHOWN_STALE:
        lines.append(f"  … {len(stale) - SHOWN_STALE} more")
    return lines


def _coverage_lines(report: Report) -> list[str]:
    coverage = report.coverage
    if coverage is None:
        return []
    lines = ["coverage (outcomes and encodings exercised, of those the spec gives):"]
    seen = {name: counts for name, counts in coverage.endpoints.items() if counts.exercised}
    width = max((len(name) for name in seen), default=0)
    for name, counts in seen.items():
        missing = counts.missing
        line = f"  {name + ':':{width + 1}} {counts.exercised}/{counts.expected}"
        lines.append(line + (f", missing {', '.join(missing)}" if missing else ""))
    unseen = [name for name in coverage.endpoints if name not in seen]
    if unseen:
        lines.append(f"  no capture of {', '.join(unseen)}")
    return lines


def _verdict(report: Report, paint: Paint) -> str:
    if report.failed:
        new = "new " if report.baseline is not None else ""
        reasons = []
        if report.new["error"]:
            reasons.append(f"{report.new['error']} {new}error findings")
        if report.strict and report.new["drift"]:
            reasons.append(f"{report.new['drift']} {new}drift findings (--strict)")
        if report.fails_on_stale:
            reasons.append(f"{len(report.stale)} stale baseline entries (--strict)")
        return f"{paint('FAILED')}: {', '.join(reasons)}"
    notes = []
    if report.new["drift"]:
        notes.append("drift does not fail without --strict")
    if sum(report.baselined.values()):
        notes.append(f"{sum(report.baselined.values())} baselined findings accepted")
    return paint("passed") + (f" ({'; '.join(notes)})" if notes else "")


def render_text(report: Report, *, colour: bool = False) -> str:
    if report.captures == 0:
        return NOTHING_CHECKED
    paint = _painter(colour)
    lines = [_headline(report), *_rule_lines(report, paint), *_baseline_lines(report),
             *_coverage_lines(report), _verdict(report, paint)]
    return "\n".join(lines)

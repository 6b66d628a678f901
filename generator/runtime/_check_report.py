"""What a run of the check found: counts by kind, rule and endpoint, new and baselined.

Nothing per capture is kept: counters (bounded by endpoints times rules) and the first
few new findings of each rule, so a corpus of any size streams through.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ._check import Finding, Kind

if TYPE_CHECKING:
    from ._check_baseline import Baseline, BaselineEntry
    from ._check_coverage import Coverage

__all__ = ["Flagged", "Report", "is_printable", "printable"]

SHOWN_PER_RULE = 5
# Where the counts by endpoint put a capture whose endpoint could not be told.
NO_ENDPOINT = "(no endpoint)"

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


def is_printable(text: str) -> bool:
    """True if ``printable`` would leave ``text`` as it is."""
    return _UNSAFE.search(text) is None


@dataclass(frozen=True)
class Flagged:
    """A finding with its fingerprint, and whether the baseline accepts it."""

    finding: Finding
    fingerprint: str
    baselined: bool = False

    def fails(self, strict: bool) -> bool:
        """New errors fail a run; under --strict, new drift too."""
        return not self.baselined and (strict or self.finding.kind == "error")

    def as_json(self) -> dict[str, Any]:
        finding = self.finding
        return {"kind": finding.kind, "rule": finding.rule, "fingerprint": self.fingerprint,
                "baselined": self.baselined, "pointer": finding.pointer,
                "message": finding.message, "expected": finding.expected,
                "actual": finding.actual}


_NEW = object.__new__


def new_flagged(finding: Finding, fingerprint: str, baselined: bool) -> Flagged:
    """``Flagged(finding, fingerprint, baselined)`` without the frozen dataclass's
    ``__init__``: one is made per finding of a corpus, millions in a large one."""
    flagged = _NEW(Flagged)
    flagged.__dict__.update(finding=finding, fingerprint=fingerprint, baselined=baselined)
    return flagged


@dataclass(frozen=True)
class Shown:
    """One finding shown as an example of its rule: where it is, and what it is."""

    label: str
    endpoint: str | None
    flagged: Flagged


@dataclass
class Report:
    """Counts and the first new findings of each rule, with the baseline and the coverage."""

    strict: bool = False
    captures: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    new: Counter[str] = field(default_factory=Counter)
    failing_captures: int = 0
    kinds: dict[str, Kind] = field(default_factory=dict)  # rule → its kind
    counts: Counter[tuple[str, str, bool]] = field(default_factory=Counter)
    examples: dict[str, list[Shown]] = field(default_factory=dict)
    baseline: Baseline | None = None
    coverage: Coverage | None = None

    def add(self, label: str, endpoint: str | None, flagged: list[Flagged]) -> str:
        """Count one capture's findings; its verdict (ok, drift or error) by all of them."""
        self.captures += 1
        if not flagged:
            self.verdicts["ok"] += 1
            return "ok"
        verdict = "drift"
        fails = False
        strict = self.strict
        endpoint_or_none = endpoint or NO_ENDPOINT
        findings, new, counts, kinds = self.findings, self.new, self.counts, self.kinds
        for item in flagged:
            finding = item.finding
            kind, rule, baselined = finding.kind, finding.rule, item.baselined
            if kind == "error":
                verdict = "error"
            findings[kind] += 1
            if rule not in kinds:
                kinds[rule] = kind
            counts[endpoint_or_none, rule, baselined] += 1
            if not baselined:
                fails = fails or item.fails(strict)
                new[kind] += 1
                shown = self.examples.setdefault(rule, [])
                if len(shown) < SHOWN_PER_RULE:
                    shown.append(Shown(label, endpoint, item))
        self.verdicts[verdict] += 1
        if fails:
            self.failing_captures += 1
        return verdict

    @cached_property
    def stale(self) -> list[BaselineEntry]:
        """Baseline entries this run did not see; read once the run is over."""
        return self.baseline.stale() if self.baseline else []

    @property
    def fails_on_stale(self) -> bool:
        """Under --strict, stale entries fail: a baseline must not outlive its findings."""
        return self.strict and bool(self.stale) and not (
            self.baseline is not None and self.baseline.updating)

    @property
    def failed(self) -> bool:
        return self.failing_captures > 0 or self.fails_on_stale

    @property
    def baselined(self) -> Counter[str]:
        return self.findings - self.new

    def by_rule(self) -> dict[str, dict[str, int]]:
        """Per rule (errors first, then by count): findings new and baselined."""
        totals: dict[str, dict[str, int]] = {}
        for (_, rule, baselined), count in self.counts.items():
            entry = totals.setdefault(rule, {"new": 0, "baselined": 0})
            entry["baselined" if baselined else "new"] += count
        return dict(sorted(totals.items(), key=lambda item: (
            self.kinds[item[0]] != "error", -sum(item[1].values()), item[0])))

    def by_endpoint(self) -> dict[str, dict[str, dict[str, int]]]:
        """Per endpoint, per rule: findings new and baselined."""
        table: dict[str, dict[str, dict[str, int]]] = {}
        for (endpoint, rule, baselined), count in sorted(self.counts.items()):
            entry = table.setdefault(endpoint, {}).setdefault(rule, {"new": 0, "baselined": 0})
            entry["baselined" if baselined else "new"] += count
        return table

    def summary(self) -> dict[str, Any]:
        return {"captures": self.captures, "verdicts": dict(sorted(self.verdicts.items())),
                "findings": dict(sorted(self.findings.items())),
                "new": dict(sorted(self.new.items())),
                "baselined": dict(sorted(self.baselined.items())),
                "failing_captures": self.failing_captures, "stale": len(self.stale),
                "strict": self.strict, "failed": self.failed}

    def text(self, colour: bool = False) -> str:
        from ._check_text import render_text  # the text needs the report, not the reverse

        return render_text(self, colour=colour)

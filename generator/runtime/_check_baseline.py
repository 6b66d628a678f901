"""Finding fingerprints, and the baseline: the findings a team has accepted, by fingerprint.

A fingerprint is 12 hex digits of SHA-256 over the capture's content, the finding's rule
and its JSON Pointer: the same body shows the same ids on any machine, whatever its file
is called or whichever line of a JSONL corpus holds it. A baseline names findings by
fingerprint, rule, endpoint and pointer only: no body content, so no secret, goes in it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from ._check_report import printable

__all__ = ["Baseline", "BaselineEntry", "BaselineError", "fingerprint"]

BASELINE_VERSION = 1
PLACEHOLDER_REASON = "TODO: why is this accepted?"
_FINGERPRINT = re.compile(r"[0-9a-f]{12}")
_TEXT_KEYS = ("rule", "pointer", "reason", "accepted_by", "accepted_on")


def fingerprint(content_digest: bytes, rule: str, pointer: str) -> str:
    """The finding's id: ``content_digest`` is ``hashlib.sha256(content).digest()``.

    The digest has a fixed length and the rule holds no NUL, so no two triples share
    the hashed bytes.
    """
    data = content_digest + rule.encode() + b"\0" + pointer.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:12]


class BaselineError(ValueError):
    """The baseline file cannot be read or is not a baseline; the message says why."""


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One accepted finding: what it is (no body content), and who accepted it, when, why."""

    fingerprint: str
    rule: str
    endpoint: str | None
    pointer: str
    reason: str
    accepted_by: str
    accepted_on: str

    def as_json(self) -> dict[str, str | None]:
        return asdict(self)


def _entry(raw: object, number: int, shared: dict[str, str]) -> BaselineEntry:
    """One entry, checked; ``shared`` makes the many repeated strings (rules, pointers,
    reasons, names, dates) one object each, so a big baseline costs little memory."""
    if not isinstance(raw, dict):
        raise BaselineError(f"finding {number} is not an object")
    value = raw.get("fingerprint")
    if not isinstance(value, str) or not _FINGERPRINT.fullmatch(value):
        raise BaselineError(f"finding {number}: the fingerprint must be 12 hex digits")
    for key in _TEXT_KEYS:
        if not isinstance(raw.get(key), str):
            raise BaselineError(f"finding {number}: {key!r} must be a string")
    if not isinstance(raw.get("endpoint"), str | None):
        raise BaselineError(f"finding {number}: 'endpoint' must be a string or null")
    text: dict[str, str] = {}
    for key in (*_TEXT_KEYS, "endpoint"):
        if raw.get(key) is not None:
            # Shown in every report: a control character must not forge a line there.
            shown = printable(raw[key])
            text[key] = shared.setdefault(shown, shown)
    return BaselineEntry(value, text["rule"], text.get("endpoint"), text["pointer"],
                         text["reason"], text["accepted_by"], text["accepted_on"])


def parse_baseline(text: str) -> dict[str, BaselineEntry]:
    """The entries of a baseline file's text, by fingerprint; BaselineError if malformed."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise BaselineError(f"not JSON: {error}") from None
    except RecursionError:
        raise BaselineError("not a baseline: nested too deeply to read") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise BaselineError(f'not a baseline: {{"version": {BASELINE_VERSION}, '
                            '"findings": [...]}} expected')
    entries: dict[str, BaselineEntry] = {}
    shared: dict[str, str] = {}
    for number, raw in enumerate(data["findings"], start=1):
        entry = _entry(raw, number, shared)
        if entry.fingerprint in entries:
            raise BaselineError(f"finding {number}: fingerprint {entry.fingerprint} "
                                "is listed twice")
        entries[entry.fingerprint] = entry
    return entries


@dataclass(frozen=True)
class Current:
    """A finding of this run, as an update writes it into the baseline."""

    rule: str
    endpoint: str | None
    pointer: str


class Baseline:
    """The accepted findings of one file, and which of them this run saw.

    Only fingerprints seen are kept besides the file's entries, so a run holds no more
    than the baseline itself; ``updating`` keeps one small entry per distinct finding,
    the file it will write.
    """

    def __init__(self, path: Path, entries: Mapping[str, BaselineEntry], *,
                 updating: bool = False) -> None:
        self.path = path
        self.entries = dict(entries)
        self.updating = updating
        self._seen: set[str] = set()
        self._current: dict[str, Current] = {}

    @classmethod
    def load(cls, path: Path, *, updating: bool = False) -> Baseline:
        """Read ``path``; an update may start from no file at all."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            if updating:
                return cls(path, {}, updating=True)
            raise BaselineError("no such file (--update-baseline creates it)") from None
        except (OSError, UnicodeDecodeError) as error:
            raise BaselineError(f"cannot read it: {getattr(error, 'strerror', None) or error}"
                                ) from None
        return cls(path, parse_baseline(text), updating=updating)

    def accepts(self, fingerprint: str, rule: str, endpoint: str | None, pointer: str) -> bool:
        """True if the finding is accepted: listed, or being written into the file."""
        if self.updating:
            self._current.setdefault(fingerprint, Current(rule, endpoint, pointer))
            return True
        if fingerprint in self.entries:
            self._seen.add(fingerprint)
            return True
        return False

    def stale(self) -> list[BaselineEntry]:
        """Entries no finding of this run matched (an update drops them)."""
        seen = self._current if self.updating else self._seen
        return sorted((entry for key, entry in self.entries.items() if key not in seen),
                      key=_order)

    def added(self) -> int:
        """How many findings an update adds to the file."""
        return sum(1 for key in self._current if key not in self.entries)

    def updated_entries(self, accepted_by: str, accepted_on: str) -> list[BaselineEntry]:
        """Every finding of the run; those already listed keep why, by whom and when."""
        entries = []
        for key, current in self._current.items():
            kept = self.entries.get(key)
            reason, by, on = (kept.reason, kept.accepted_by, kept.accepted_on) if kept else (
                PLACEHOLDER_REASON, accepted_by, accepted_on)
            entries.append(BaselineEntry(key, current.rule, current.endpoint, current.pointer,
                                         reason, by, on))
        return sorted(entries, key=_order)


def _order(entry: BaselineEntry) -> tuple[str, str, str, str]:
    return entry.endpoint or "", entry.rule, entry.pointer, entry.fingerprint


def write_baseline(entries: Iterable[BaselineEntry], stream: IO[str]) -> None:
    """The file's text: one entry per finding, sorted, for readable diffs in review."""
    data: dict[str, Any] = {"version": BASELINE_VERSION,
                            "findings": [entry.as_json() for entry in entries]}
    stream.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")

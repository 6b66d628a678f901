"""One change between two specs, as a client user sees it, and the order changes are shown in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Impact = Literal["breaking", "non-breaking", "drift-accepting"]
# Breaking first: the order of the text report, the changelog and --json.
IMPACTS: tuple[Impact, ...] = ("breaking", "non-breaking", "drift-accepting")


@dataclass(frozen=True)
class Change:
    """What changed for client users, and how much it matters.

    ``endpoint`` is "" for what the whole API shares (base URL, code tables, return codes,
    exception classes); ``subject`` names the field, parameter, code or attribute.
    ``message`` is one line that names both.
    """

    impact: Impact
    kind: str
    endpoint: str
    subject: str
    message: str

    def sort_key(self) -> tuple[int, str, str, str, str]:
        return (IMPACTS.index(self.impact), self.endpoint, self.subject, self.kind,
                self.message)

    def as_json(self) -> dict[str, str]:
        return {"class": self.impact, "kind": self.kind, "endpoint": self.endpoint,
                "subject": self.subject, "message": self.message}


def change(impact: Impact, kind: str, endpoint: str, subject: str, text: str) -> Change:
    """A change whose message starts with where it happened: ``get_vip_info: …``."""
    # Spec texts (code labels) may hold line breaks; a message stays on one line.
    return Change(impact, kind, endpoint, subject, " ".join(f"{endpoint or 'API'}: {text}".split()))


def breaking(kind: str, endpoint: str, subject: str, text: str) -> Change:
    return change("breaking", kind, endpoint, subject, text)


def non_breaking(kind: str, endpoint: str, subject: str, text: str) -> Change:
    return change("non-breaking", kind, endpoint, subject, text)


def drift_accepting(kind: str, endpoint: str, subject: str, text: str) -> Change:
    return change("drift-accepting", kind, endpoint, subject, text)


def listed(names: Iterable[object]) -> str:
    """``a, b`` for a message; ``(none)`` for nothing."""
    return ", ".join(str(name) for name in names) or "(none)"


def ordered(changes: Iterable[Change]) -> list[Change]:
    """Breaking first, then by endpoint (the API's own first), subject and kind."""
    return sorted(set(changes), key=Change.sort_key)

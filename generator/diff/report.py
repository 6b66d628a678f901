"""Show changes: text grouped by class, JSON, or a Markdown changelog entry."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from .change import IMPACTS, Change

TITLES = {"breaking": "Breaking", "non-breaking": "Non-breaking",
          "drift-accepting": "Drift now accepted"}
NO_CHANGES = "No changes that matter to client users."


def _grouped(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    groups = [(TITLES[impact], [c for c in changes if c.impact == impact]) for impact in IMPACTS]
    return [(title, group) for title, group in groups if group]


def summary(changes: Sequence[Change]) -> str:
    """``2 breaking, 1 non-breaking, 0 drift-accepting``."""
    return ", ".join(f"{sum(1 for c in changes if c.impact == impact)} {impact}"
                     for impact in IMPACTS)


def text_report(changes: Sequence[Change], old: str, new: str) -> str:
    lines = [f"Spec changes from {old} to {new}: {summary(changes)}"]
    for title, group in _grouped(changes):
        lines += ["", f"{title} ({len(group)}):", *(f"  - {c.message}" for c in group)]
    if not changes:
        lines += ["", NO_CHANGES]
    return "\n".join(lines) + "\n"


def json_report(changes: Sequence[Change]) -> str:
    return json.dumps([c.as_json() for c in changes], ensure_ascii=False, indent=2) + "\n"


def changelog_entry(changes: Sequence[Change], heading: str) -> str:
    lines = [f"## Spec changes — {heading}", ""]
    for title, group in _grouped(changes):
        lines += [f"### {title}", "", *(f"- {_markdown(c.message)}" for c in group), ""]
    if not changes:
        lines += [NO_CHANGES, ""]
    return "\n".join(lines)


def _markdown(text: str) -> str:
    """Plain text as Markdown: characters that would start markup or a tag are escaped;
    an underscore inside a word (get_vip_info) starts nothing, so it stays as it is."""
    text = re.sub(r"([\\`*<>\[\]|])", r"\\\1", text)
    return re.sub(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])", r"\\_", text)


def prepend_changelog(path: Path, entry: str) -> None:
    """Put ``entry`` first in the changelog, below its title (a ``# `` line) if it has one."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.splitlines(keepends=True)
    at = 0
    if lines and lines[0].startswith("# "):
        # Below the title and its introduction: before the first entry, or at the end.
        at = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    before, after = "".join(lines[:at]), "".join(lines[at:])
    if before:  # one blank line between the title's block and the entry
        before = before.rstrip("\n") + "\n\n"
    path.write_text(before + entry + ("\n" if after else "") + after, encoding="utf-8")

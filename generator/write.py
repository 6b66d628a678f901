"""Write: put rendered files on disk, or compare them with what is there."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from pathlib import Path

# Left behind by tools working on generated/ (builds, caches); never ours to judge.
_IGNORED_PARTS = ("__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build")
_IGNORED_SUFFIXES = (".egg-info", ".pyc")


def existing_files(root: Path) -> set[str]:
    if not root.is_dir():
        return set()
    found = set()
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part in _IGNORED_PARTS or part.endswith(_IGNORED_SUFFIXES)
               for part in relative.parts):
            continue
        if path.is_file():
            found.add(relative.as_posix())
    return found


def write(files: Mapping[str, str], root: Path) -> list[str]:
    """Write changed files, delete files no longer generated; return what changed."""
    changed = []
    for relative, text in files.items():
        target = root / relative
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.append(relative)
    for relative in sorted(existing_files(root) - set(files)):
        (root / relative).unlink()
        changed.append(relative)
    return changed


def diff(files: Mapping[str, str], root: Path) -> Iterator[str]:
    """A unified diff from what is in ``root`` to what the spec generates."""
    for relative in sorted(existing_files(root) | set(files)):
        path = root / relative
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        new = files.get(relative, "")
        if old != new:
            yield from difflib.unified_diff(
                old.splitlines(keepends=True), new.splitlines(keepends=True),
                fromfile=f"generated/{relative} (committed)",
                tofile=f"generated/{relative} (from the spec)")

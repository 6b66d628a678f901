"""Write: put rendered files on disk, or compare them with what is there.

The output folder keeps a manifest (``.manifest``) of the files the generator wrote,
so a later run deletes only those. A folder holding any other file (besides caches
and build leftovers) is refused: the generator never deletes what it did not write.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from pathlib import Path

MANIFEST = ".manifest"
_MANIFEST_HEADER = "# Files written by `make generate`; it deletes only these. Do not edit.\n"
# Left behind by tools working on generated/ (builds, caches); never ours to judge.
_IGNORED_PARTS = ("__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build")
_IGNORED_SUFFIXES = (".egg-info", ".pyc")
_SHOWN_STRANGERS = 10


class OutputRefused(Exception):
    """The output folder holds files the generator did not write; nothing was changed."""


def existing_files(root: Path) -> set[str]:
    """Files under ``root`` that a run would judge (build leftovers and caches aside)."""
    if not root.is_dir():
        return set()
    found = set()
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part in _IGNORED_PARTS or part.endswith(_IGNORED_SUFFIXES)
               for part in relative.parts):
            continue
        if path.is_file() or path.is_symlink():
            found.add(relative.as_posix())
    return found


def manifest_text(files: Mapping[str, str]) -> str:
    return _MANIFEST_HEADER + "".join(f"{name}\n" for name in sorted(files))


def with_manifest(files: Mapping[str, str]) -> dict[str, str]:
    """The rendered files plus the manifest that lists them."""
    return {**files, MANIFEST: manifest_text(files)}


def _written_before(root: Path) -> set[str]:
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line for line in text.splitlines() if line and not line.startswith("#")}


def strangers(files: Mapping[str, str], root: Path) -> list[str]:
    """Files in ``root`` that the generator neither writes now nor wrote before."""
    known = set(files) | _written_before(root) | {MANIFEST}
    return sorted(existing_files(root) - known)


def write(files: Mapping[str, str], root: Path) -> list[str]:
    """Write changed files and the manifest, delete files it wrote before but no longer
    generates; return what changed. Refuse a folder holding files it did not write."""
    others = strangers(files, root)
    if others:
        shown = ", ".join(others[:_SHOWN_STRANGERS])
        more = f" and {len(others) - _SHOWN_STRANGERS} more" if len(others) > _SHOWN_STRANGERS \
            else ""
        raise OutputRefused(
            f"refusing to write into {root}: it holds files the generator did not write "
            f"({shown}{more}); move them away or choose another --out")
    previous = _written_before(root)
    changed = []
    for relative, text in with_manifest(files).items():
        target = root / relative
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if relative != MANIFEST:
            changed.append(relative)
    inside = root.resolve()
    for relative in sorted(previous - set(files)):
        target = root / relative
        # A manifest is a file like any other: never follow it out of the folder.
        if target.resolve().is_relative_to(inside) and target.is_file():
            target.unlink()
            changed.append(relative)
    return changed


def diff(files: Mapping[str, str], root: Path) -> Iterator[str]:
    """A unified diff from what is in ``root`` to what the spec generates."""
    expected = with_manifest(files)
    for relative in sorted(existing_files(root) | set(expected)):
        path = root / relative
        old = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        new = expected.get(relative, "")
        if old != new:
            yield from difflib.unified_diff(
                old.splitlines(keepends=True), new.splitlines(keepends=True),
                fromfile=f"generated/{relative} (committed)",
                tofile=f"generated/{relative} (from the spec)")

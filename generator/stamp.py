"""Skip work that is already done: a stamp of the inputs and outputs of the last run.

Kept outside ``generated/`` (under ``.cache/``), so the output stays only what the spec
makes. A run whose inputs (spec, templates, generator and its runtime, the pinned
requirements and every installed package's version) and outputs are unchanged since
the stamp was written has nothing to do.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "generate"


def _digest(chunks: Iterable[bytes]) -> str:
    hasher = hashlib.sha256()
    for chunk in chunks:
        hasher.update(len(chunk).to_bytes(8, "big"))
        hasher.update(chunk)
    return hasher.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def installed_versions() -> list[str]:
    """Every installed distribution with its version, sorted: a bump of any tool the
    generator runs (datamodel-code-generator, its formatter, Jinja2) changes the output.

    Read from the names of the ``name-version.dist-info`` folders on the path, as
    importlib.metadata finds them, without parsing each one's metadata (a tenth of a
    second in every run).
    """
    found: set[str] = set()
    for entry in sys.path:
        folder = Path(entry or ".")
        if folder.is_dir():
            found.update(path.name.lower() for path in folder.iterdir()
                         if path.suffix in (".dist-info", ".egg-info"))
    return sorted(found)


def inputs_digest(spec: Path) -> str:
    """Everything that shapes the output: spec, templates, generator code, tool versions."""
    chunks = [sys.version.split()[0].encode(), *(line.encode() for line in installed_versions())]
    for copied in (ROOT / "requirements.txt", ROOT / "LICENSE"):  # LICENSE ships as is
        if copied.is_file():
            chunks.append(copied.read_bytes())
    for folder in (spec.resolve(), ROOT / "templates", ROOT / "generator"):
        for path in _files(folder):
            chunks += [path.relative_to(folder).as_posix().encode(), path.read_bytes()]
    return _digest(chunks)


def outputs_digest(files: Mapping[str, bytes]) -> str:
    return _digest(chunk for name in sorted(files) for chunk in (name.encode(), files[name]))


def _stamp_path(out: Path) -> Path:
    return CACHE / (hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16] + ".json")


def is_current(spec: Path, out: Path, existing: Iterable[str]) -> bool:
    """True when the last run had these inputs and left exactly these outputs."""
    try:
        stamp = json.loads(_stamp_path(out).read_text(encoding="utf-8"))
        outputs = {name: (out / name).read_bytes() for name in existing}
    except (OSError, ValueError):
        return False
    return bool(stamp.get("inputs") == inputs_digest(spec)
                and stamp.get("outputs") == outputs_digest(outputs))


def record(spec: Path, out: Path, files: Mapping[str, str]) -> None:
    """Remember this run; a failure to write only costs the next run its shortcut."""
    stamp = {"inputs": inputs_digest(spec),
             "outputs": outputs_digest({name: text.encode("utf-8")
                                        for name, text in files.items()})}
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        _stamp_path(out).write_text(json.dumps(stamp), encoding="utf-8")
    except OSError:
        pass

"""The whole pipeline: load → validate → normalise → render → verify (then write)."""

from __future__ import annotations

from pathlib import Path

from .load import load_sources
from .normalise import normalise
from .render import render
from .validate import validate
from .verify import verify


def generate(spec_dir: Path) -> dict[str, str]:
    """Every generated file for the spec in ``spec_dir``; raise SpecError if it is bad."""
    sources = load_sources(spec_dir)
    validate(sources)
    files = render(normalise(sources))
    verify(files)
    return files

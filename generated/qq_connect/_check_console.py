# Copied from generator/runtime/_check_console.py; do not edit here: edit that file and run `make generate`.
"""What the check command takes from where it runs: streams, environment, clock, date, name.

One object, so that tests can give a terminal, a clock or a date without patching.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import IO

__all__ = ["Surroundings"]


def _today() -> str:
    return datetime.date.today().isoformat()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stream-like object
        return False


@dataclass
class Surroundings:
    """The streams, environment, clock, date and ``argv[0]`` of a run (``current``: the real)."""

    out: IO[str]
    err: IO[str]
    environ: Mapping[str, str] = field(default_factory=dict)
    clock: Callable[[], float] = time.monotonic
    today: Callable[[], str] = _today
    argv0: str = ""

    @classmethod
    def current(cls) -> Surroundings:
        """The process's own, read now (a test may have replaced ``sys.stdout``)."""
        return cls(sys.stdout, sys.stderr, os.environ, argv0=sys.argv[0] if sys.argv else "")

    def program(self, default: str, script: str) -> str:
        """How the user ran the command: its console ``script``, else ``default``
        (``python -m`` the module: run so, or from another program, argv[0] names no
        command of ours)."""
        name = os.path.basename(self.argv0)
        stem = name[:-4] if name.lower().endswith(".exe") else name  # Windows' launchers
        return script if script and stem == script else default

    def colour(self) -> bool:
        """Colour only on a terminal, and never with NO_COLOR set (https://no-color.org)."""
        return "NO_COLOR" not in self.environ and _is_terminal(self.out)

    def progress(self, asked: bool | None) -> bool:
        """--progress or --no-progress, or else whether stderr is a terminal."""
        return _is_terminal(self.err) if asked is None else asked

    def user(self) -> str:
        """Who accepts findings into a baseline: $USER, else git's user.name, else ""."""
        if self.environ.get("USER"):
            return self.environ["USER"]
        try:
            found = subprocess.run(["git", "config", "user.name"], capture_output=True,
                                   text=True, timeout=5, check=False)
        except (OSError, subprocess.SubprocessError):
            return ""
        return found.stdout.strip() if found.returncode == 0 else ""

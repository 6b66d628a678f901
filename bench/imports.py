"""6: start-up, whole process: ``import qq_connect`` against importing its own dependencies.

Each round starts a fresh interpreter per contender (``python -c``, PYTHONPATH=generated),
in a rotated order; the ratio is the median over rounds of ours' time over the
reference's, measured by the parent around the whole process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .harness import Row, Timings, milliseconds, paired, verdict

ROOT = Path(__file__).resolve().parents[1]
SECTION = "6 import"
GOAL = 1.3  # ours' time at most this multiple of the dependencies' alone

# What each child process runs: arguments after the interpreter.
PROBES: dict[str, list[str]] = {
    "interpreter alone": ["-c", "pass"],
    "import pydantic, httpx, anyio": ["-c", "import pydantic, httpx, anyio"],
    "import qq_connect": ["-c", "import qq_connect"],
    "import pydantic, httpx, anyio; build an httpx.Client": [
        "-c", "import pydantic, httpx, anyio; httpx.Client().close()"],
    "import qq_connect; build a client": [
        "-c", "import qq_connect; qq_connect.QQConnect('1').close()"],
    "`python -m qq_connect.check --help`": ["-m", "qq_connect.check", "--help"],
}


def child_environment() -> dict[str, str]:
    """The parent's environment with the package importable from generated/."""
    return {**os.environ, "PYTHONPATH": str(ROOT / "generated")}


def _runner(arguments: list[str], environment: dict[str, str]) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run([sys.executable, *arguments], env=environment, check=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return run


def measure(rounds: int, warmup: int = 1) -> Timings:
    """Every probe once per round, a fresh process each, after warm-up rounds (.pyc files)."""
    environment = child_environment()
    return paired({name: _runner(arguments, environment) for name, arguments in PROBES.items()},
                  number=1, rounds=rounds, warmup=warmup)


def _net_ratio(timings: Timings, ours: str, reference: str) -> float:
    """Median over rounds of ours' time over the reference's, the bare interpreter's removed."""
    bare = timings.rounds["interpreter alone"]
    return statistics.median(
        (o - b) / (r - b) for o, r, b in zip(timings.rounds[ours], timings.rounds[reference],
                                             bare, strict=True))


def _row(timings: Timings, ours: str, reference: str, *, goal: float | None) -> Row:
    ratio = timings.time_ratio(ours, reference)
    return Row(SECTION, f"{ours} vs {reference} (whole process, {len(timings.rounds[ours])} "
               "paired rounds)", milliseconds(timings.median(ours)),
               milliseconds(timings.median(reference)), f"{ratio:.2f}× the time",
               f"≤ {goal:g}×" if goal else "-", verdict(ratio, goal, False) if goal else "-")


def rows(rounds: int, warmup: int = 1) -> list[Row]:
    timings = measure(rounds, warmup)
    dependencies = "import pydantic, httpx, anyio"
    net = _net_ratio(timings, "import qq_connect", dependencies)
    return [
        _row(timings, "import qq_connect", dependencies, goal=GOAL),
        Row(SECTION, "import qq_connect vs import pydantic, httpx, anyio, the bare "
            "interpreter's start-up taken off both", "-", "-", f"{net:.2f}× the time", "-", "-"),
        _row(timings, "import qq_connect; build a client",
             "import pydantic, httpx, anyio; build an httpx.Client", goal=None),
        _row(timings, "`python -m qq_connect.check --help`", dependencies, goal=None),
        Row(SECTION, "interpreter alone (`python -c pass`)",
            milliseconds(timings.median("interpreter alone")), "-", "-", "-", "-"),
    ]

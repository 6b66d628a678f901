"""mypy --strict and ruff pass on the generator and its runtime, the package, the tests,
the benchmarks and the examples."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_mypy_strict() -> None:
    result = run(sys.executable, "-m", "mypy", "--strict", "generator", "generated", "tests",
                 "bench", "examples")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff() -> None:
    result = run(str(BIN / "ruff"), "check", "--no-cache", "generator", "generated", "tests",
                 "bench", "examples")
    assert result.returncode == 0, result.stdout + result.stderr

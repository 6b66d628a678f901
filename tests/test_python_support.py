"""Which Pythons are supported, said once and kept in step: the Makefile refuses an older
interpreter before it creates .venv/, and the package metadata and the README name the same
versions as the generator's ``PYTHON_VERSIONS``.

The Makefile runs for real, in a temporary folder (a copy of the Makefile and
requirements.txt), with stub interpreters: small scripts that report a version and fail
loudly if asked for anything else, so the real .venv/ is never touched.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from generator import render

ROOT = Path(__file__).resolve().parent.parent
MINIMUM = render.PYTHON_VERSIONS[0]
TIMEOUT = 60


def stub_python(folder: Path, version: str) -> Path:
    """An interpreter that says it is ``version``; anything else than that question fails."""
    path = folder / f"python{version}"
    path.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = "-c" ]; then echo "{version} $0"; exit 0; fi\n'
        'echo "stub python asked for: $*" >&2\n'
        "exit 97\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def make(folder: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", *arguments], cwd=folder,
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with the Makefile and the pinned requirements, and no .venv/."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "requirements.txt", tmp_path / "requirements.txt")
    return tmp_path


@pytest.mark.parametrize("version", ["2.7", "3.9", "3.10"])
def test_make_refuses_an_older_python_before_creating_the_venv(project: Path,
                                                               version: str) -> None:
    python = stub_python(project, version)
    for target in ("python-version", "test", "generate"):
        result = make(project, target, f"PYTHON={python}")
        assert result.returncode != 0, target
        assert (f"error: Python {MINIMUM} or newer is required (found {version} at {python})"
                in result.stderr), result.stderr
        assert "stub python asked for" not in result.stderr  # no venv was attempted
        assert not (project / ".venv").exists()


def test_make_names_an_interpreter_it_cannot_run(project: Path) -> None:
    result = make(project, "test", "PYTHON=python-that-does-not-exist")
    assert result.returncode != 0
    assert (f"error: Python {MINIMUM} or newer is required: cannot run "
            "'python-that-does-not-exist'") in result.stderr
    assert not (project / ".venv").exists()


@pytest.mark.parametrize("version", [*render.PYTHON_VERSIONS, "3.14", "4.0"])
def test_make_accepts_a_supported_python(project: Path, version: str) -> None:
    result = make(project, "python-version", f"PYTHON={stub_python(project, version)}")
    assert result.returncode == 0, result.stderr


def test_make_accepts_this_interpreter(project: Path) -> None:
    result = make(project, "python-version", f"PYTHON={sys.executable}")
    assert result.returncode == 0, result.stderr


def test_the_makefile_and_the_package_agree_on_the_oldest_python() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    declared = re.search(r"^MIN_PYTHON := (\S+)$", makefile, re.MULTILINE)
    assert declared and declared[1] == MINIMUM
    pyproject = tomllib.loads((ROOT / "generated" / "pyproject.toml").read_text("utf-8"))
    assert pyproject["project"]["requires-python"] == f">={MINIMUM}"
    assert sys.version_info >= tuple(int(part) for part in MINIMUM.split("."))


def test_the_readme_says_which_pythons_are_supported() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = re.search(r"^## Python\n(.*?)(?=^## )", readme, re.MULTILINE | re.DOTALL)
    assert section, "README has no '## Python' section"
    for version in render.PYTHON_VERSIONS:
        assert version in section[1], version
    assert f"{MINIMUM} or newer" in section[1]

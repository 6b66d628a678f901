"""generated/ installs on its own (`pip install ./generated`) with its data files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.contract.from_spec import NAMES

ROOT = Path(__file__).resolve().parent.parent


def test_pip_install_generated(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(ROOT / "generated", source, ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-build-isolation", "--no-index", "--target", str(target), str(source)],
        capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stdout + install.stderr
    package = target / "qq_connect"
    assert (package / "py.typed").is_file()
    schemas = sorted(p.name for p in (package / "schemas").glob("*.json"))
    assert schemas == sorted(f"{name}.json" for name in NAMES)  # one per endpoint of the spec
    assert json.loads((package / "check_report.schema.json").read_text("utf-8"))["$id"]
    probe = ("import qq_connect, sys; assert qq_connect.__file__.startswith(sys.argv[1]); "
             "print(qq_connect.QQConnect.__name__)")
    result = subprocess.run([sys.executable, "-c", probe, str(target)], cwd=tmp_path,
                            env={"PYTHONPATH": str(target)}, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "QQConnect"
    for name in NAMES:
        assert json.loads((package / "schemas" / f"{name}.json").read_text("utf-8"))["$id"]

"""A run with nothing changed is skipped; any change to inputs or outputs is not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def run(spec: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--spec", str(spec), "--out", str(out)]) == 0
    return capsys.readouterr().err


def test_nothing_changed_is_skipped_and_changes_are_not(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec, out = tmp_path / "spec", tmp_path / "generated"
    shutil.copytree(ROOT / "spec", spec)
    assert "files generated" in run(spec, out, capsys)
    assert "up to date" in run(spec, out, capsys)
    target = out / "qq_connect" / "_codes.py"
    target.write_text(target.read_text("utf-8") + "# hand edit\n", encoding="utf-8")
    assert "1 changed" in run(spec, out, capsys)
    assert "# hand edit" not in target.read_text("utf-8")
    (out / "stray.py").write_text("x = 1\n", encoding="utf-8")
    assert "1 changed" in run(spec, out, capsys) and not (out / "stray.py").exists()
    endpoint = spec / "endpoints" / "get_vip_info.yaml"
    endpoint.write_text(endpoint.read_text("utf-8").replace(
        "Whether the user is a QQ member.", "Whether the user is a QQ member (changed)."),
        encoding="utf-8")
    assert "files generated" in run(spec, out, capsys)
    assert "(changed)" in (out / "docs" / "get_vip_info.md").read_text("utf-8")
    assert "up to date" in run(spec, out, capsys)

"""A run with nothing changed is skipped; any change to inputs or outputs is not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import stamp
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
    target = out / "qq_connect" / "_return_codes.py"
    target.write_text(target.read_text("utf-8") + "# hand edit\n", encoding="utf-8")
    assert "1 changed" in run(spec, out, capsys)
    assert "# hand edit" not in target.read_text("utf-8")
    endpoint = spec / "endpoints" / "get_vip_info.yaml"
    endpoint.write_text(endpoint.read_text("utf-8").replace(
        "Whether the user is a QQ member.", "Whether the user is a QQ member (changed)."),
        encoding="utf-8")
    assert "files generated" in run(spec, out, capsys)
    assert "(changed)" in (out / "docs" / "get_vip_info.md").read_text("utf-8")
    assert "up to date" in run(spec, out, capsys)


def test_a_bump_of_any_installed_tool_regenerates(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    spec, out = tmp_path / "spec", tmp_path / "generated"
    shutil.copytree(ROOT / "spec", spec)
    assert "files generated" in run(spec, out, capsys)
    assert "up to date" in run(spec, out, capsys)
    bumped = [*stamp.installed_versions(), "datamodel-code-generator==999.0"]
    monkeypatch.setattr(stamp, "installed_versions", lambda: bumped)
    assert "files generated" in run(spec, out, capsys)


def test_the_stamp_covers_the_runtime_and_the_pinned_requirements(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "project"
    for folder in ("generator", "templates", "spec"):
        shutil.copytree(ROOT / folder, root / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "requirements.txt", root / "requirements.txt")
    monkeypatch.setattr(stamp, "ROOT", root)
    before = stamp.inputs_digest(root / "spec")
    runtime = root / "generator" / "runtime" / "_errors.py"
    runtime.write_text(runtime.read_text("utf-8") + "# edited\n", encoding="utf-8")
    edited_runtime = stamp.inputs_digest(root / "spec")
    requirements = root / "requirements.txt"
    requirements.write_text(requirements.read_text("utf-8") + "extra==1.0\n", encoding="utf-8")
    assert len({before, edited_runtime, stamp.inputs_digest(root / "spec")}) == 3

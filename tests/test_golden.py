"""Golden record: the committed generated/ is exactly what the spec generates."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.__main__ import main
from generator.pipeline import generate
from generator.write import MANIFEST, diff, existing_files, with_manifest, write

ROOT = Path(__file__).resolve().parent.parent


def test_generated_is_current() -> None:
    files = generate(ROOT / "spec")
    lines = list(diff(files, ROOT / "generated"))
    if lines:
        pytest.fail("generated/ is stale; run `make generate` and commit the result.\n"
                    + "".join(lines[:400]), pytrace=False)


def test_regenerating_into_a_temp_dir_matches_every_file(tmp_path: Path) -> None:
    write(generate(ROOT / "spec"), tmp_path)
    committed = existing_files(ROOT / "generated")
    assert committed == set(with_manifest(generate(ROOT / "spec")))
    assert existing_files(tmp_path) == committed
    for relative in sorted(committed):
        assert (tmp_path / relative).read_bytes() == (ROOT / "generated" / relative).read_bytes(), (
            f"{relative} differs; run `make generate`")


def test_check_reports_a_stale_tree_with_diff_and_hint(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", out, ignore=shutil.ignore_patterns("__pycache__"))
    stale = out / "qq_connect" / "_return_codes.py"
    stale.write_text(stale.read_text(encoding="utf-8").replace("服务器繁忙", "hand edit"),
                     encoding="utf-8")
    leftover = out / "qq_connect" / "leftover.py"
    leftover.write_text("x = 1\n", encoding="utf-8")

    assert main(["--spec", str(ROOT / "spec"), "--out", str(out), "--check"]) == 1
    captured = capsys.readouterr()
    assert "-    1001: ReturnCode(1001, \"openapi\", \"hand edit\"" in captured.out
    assert "+    1001: ReturnCode(1001, \"openapi\", \"服务器繁忙\"" in captured.out
    assert "generated/qq_connect/leftover.py (committed)" in captured.out
    assert "make generate" in captured.err

    # A file the generator did not write is never deleted: the run refuses instead.
    assert main(["--spec", str(ROOT / "spec"), "--out", str(out)]) == 2
    assert "qq_connect/leftover.py" in capsys.readouterr().err
    assert "hand edit" in stale.read_text(encoding="utf-8") and leftover.exists()
    leftover.unlink()
    assert main(["--spec", str(ROOT / "spec"), "--out", str(out)]) == 0
    assert main(["--spec", str(ROOT / "spec"), "--out", str(out), "--check"]) == 0


def test_every_generated_file_has_a_banner_naming_its_sources() -> None:
    for relative in sorted(existing_files(ROOT / "generated")):
        text = (ROOT / "generated" / relative).read_text(encoding="utf-8")
        # JSON has no comments: its banner is the schema's $comment (OpenAPI's x-comment).
        head = (_json_banner(json.loads(text)) if relative.endswith(".json")
                else text.splitlines()[0])
        assert "make generate" in head, relative
        if relative == MANIFEST:
            continue
        made_from = re.search(r"(?:Generated from|Copied from) (.+?);", head)
        if relative.endswith("py.typed"):
            continue
        assert made_from, f"{relative}: {head}"
        for source in made_from.group(1).split(", "):
            assert (ROOT / source).is_file(), f"{relative} names {source}, which does not exist"


def _json_banner(document: dict[str, Any]) -> str:
    banner: str = document["x-comment" if "openapi" in document else "$comment"]
    return banner


def test_adding_an_endpoint_rewrites_only_the_files_made_from_the_endpoint_list(
        tmp_path: Path) -> None:
    spec = tmp_path / "spec"
    shutil.copytree(ROOT / "spec", spec)
    before = with_manifest(generate(spec))
    text = (spec / "endpoints" / "get_vip_info.yaml").read_text(encoding="utf-8")
    (spec / "endpoints" / "get_vip_copy.yaml").write_text(
        text.replace("name: get_vip_info", "name: get_vip_copy"), encoding="utf-8")
    api = spec / "api.yaml"
    api.write_text(api.read_text(encoding="utf-8").replace(
        "  - endpoints/get_vip_info.yaml\n",
        "  - endpoints/get_vip_info.yaml\n  - endpoints/get_vip_copy.yaml\n"), encoding="utf-8")
    after = with_manifest(generate(spec))
    rewritten = sorted(name for name in before if after[name] != before[name])
    every_endpoint = [f"spec/endpoints/{name}.yaml"
                      for name in ("get_vip_rich_info", "get_vip_info", "get_vip_copy")]
    for name in rewritten:
        if name != MANIFEST:
            assert all(source in after[name] for source in every_endpoint), (
                f"{name} changed but is not made from the endpoint list")
    assert len(rewritten) <= 11, rewritten  # the manifest, and the files that list every endpoint
    assert sorted(set(after) - set(before)) == [
        "docs/get_vip_copy.md", "qq_connect/models/get_vip_copy.py",
        "qq_connect/schemas/get_vip_copy.json", "qq_connect/wire/get_vip_copy.py"]

"""The same spec always gives the same bytes: across runs, hash seeds, paths and machines."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.write import existing_files, with_manifest, write
from tests.generator.spec_builder import ENDPOINT, ROOT, Data, dump_yaml, make_spec


def tree(root: Path) -> dict[str, bytes]:
    return {relative: (root / relative).read_bytes() for relative in sorted(existing_files(root))}


def richer_spec(tmp_path: Path) -> Path:
    """The inline spec with more of everything whose order could wander: two endpoints,
    two code tables (one unused), return codes listed out of order."""
    gadget = {**ENDPOINT, "name": "get_gadget", "path": "/widget/get_gadget",
              "parameters": [], "methods": ["POST"], "formats": ["json"],
              "examples": [e for e in ENDPOINT["examples"] if e["format"] == "json"]}

    def more_tables(tables: Data) -> None:
        tables["shape"] = {"zh": "形状", "en": "Shape.", "none_code": -1, "none_label": "无",
                           "other_label": "其他", "codes": [
                               {"code": 9, "label": "圆", "en": "Round"},
                               {"code": 3, "label": "方", "en": "Square"}]}
        tables["colour"]["codes"].reverse()

    def more_codes(codes: Data) -> None:
        codes["codes"] += [{"code": c, "table": "observed", "zh": f"码{c}", "category": "busy"}
                           for c in (512, -77, 3, 100000, -1)]

    return make_spec(tmp_path,
                     api=lambda api: api["endpoints"].append("endpoints/get_gadget.yaml"),
                     code_tables=more_tables, return_codes=more_codes,
                     files={"endpoints/get_gadget.yaml": dump_yaml(gadget)})


def test_generating_twice_gives_identical_files(tmp_path: Path) -> None:
    spec = richer_spec(tmp_path)
    first, second = generate(spec), generate(spec)
    assert list(first) == list(second)
    assert first == second
    write(first, tmp_path / "one")
    write(second, tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert {"qq_connect/models/get_gadget.py", "qq_connect/wire/get_widget.py",
            "docs/get_gadget.md"} <= set(first)


@pytest.mark.slow
def test_cli_gives_identical_trees_across_hash_seeds_paths_and_working_directories(
        tmp_path: Path) -> None:
    spec = richer_spec(tmp_path / "a")
    moved = tmp_path / "b" / "deeper" / "spec"
    shutil.copytree(spec, moved)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    runs = {  # name: (PYTHONHASHSEED, working directory, --spec, --out)
        "seed0": ("0", ROOT, str(spec), str(tmp_path / "out-seed0")),
        "seed1": ("1", elsewhere, str(spec), str(tmp_path / "out-seed1")),
        "random": ("random", elsewhere, str(moved), str(tmp_path / "out-random")),
        "seed4242": ("4242", moved.parent, str(moved), str(tmp_path / "out-seed4242")),
        "relative": ("random", spec.parent, "spec", "../out-relative"),
    }
    processes = {}
    for name, (seed, cwd, spec_argument, out_argument) in runs.items():
        environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT),
                       "PYTHONDONTWRITEBYTECODE": "1"}
        processes[name] = subprocess.Popen(
            [sys.executable, "-m", "generator", "--spec", spec_argument, "--out", out_argument],
            cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
    for name, process in processes.items():
        _, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, f"{name}: {stderr}"

    expected = {relative: text.encode("utf-8")
                for relative, text in with_manifest(generate(spec)).items()}
    for name in runs:
        got = tree(tmp_path / f"out-{name}")
        assert sorted(got) == sorted(expected), name
        differing = [relative for relative in expected if got[relative] != expected[relative]]
        assert not differing, f"{name}: {differing}"


def test_output_names_no_path_host_or_time(tmp_path: Path) -> None:
    started = datetime.now(UTC)
    spec = richer_spec(tmp_path)
    write(generate(spec), tmp_path / "generated")
    files = tree(tmp_path / "generated")
    assert files
    now = datetime.now(UTC)
    forbidden = {str(tmp_path), str(tmp_path.resolve()), str(spec), str(ROOT), os.getcwd(),
                 sys.prefix, str(Path.home() / "")}
    forbidden = {text for text in forbidden if len(text) > len("/root")}
    hostnames = {socket.gethostname(), socket.getfqdn()} - {"", "localhost"}
    dates = {moment.strftime(form) for moment in (started, now, started.astimezone(),
                                                  now.astimezone())
             for form in ("%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%m/%d/%Y", "%Y%m%d",
                          "%d %b %Y", "%b %d, %Y", "%a %b")}
    clock = re.compile(r"\b\d{1,2}:\d{2}:\d{2}\b")
    recent_epoch = re.compile(r"\b1\d{9}\b")
    for relative, data in files.items():
        text = data.decode("utf-8")
        for path in forbidden:
            assert path not in text, f"{relative} contains the path {path}"
        for host in hostnames:
            assert not re.search(rf"(?<![\w.-]){re.escape(host)}(?![\w-])", text), (
                f"{relative} contains the host name {host}")
        for date in dates:
            assert date not in text, f"{relative} contains today's date {date}"
        assert not clock.search(text), f"{relative} contains a time of day"
        for match in recent_epoch.finditer(text):
            assert abs(int(match.group()) - time.time()) > timedelta(days=2).total_seconds(), (
                f"{relative} contains the current Unix time {match.group()}")
        assert not re.search(r"^#\s*(timestamp|generated (on|at)|date)\s*:", text,
                             re.IGNORECASE | re.MULTILINE), relative

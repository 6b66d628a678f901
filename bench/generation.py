"""4: generation time, against one datamodel-codegen command-line run."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from .harness import Row, verdict

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(command: list[str], cwd: Path = ROOT) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def _synthetic_spec(target: Path, endpoints: int) -> Path:
    """The real spec with get_vip_rich_info copied ``endpoints`` times under new names."""
    shutil.copytree(ROOT / "spec", target)
    source = yaml.safe_load((target / "endpoints" / "get_vip_rich_info.yaml").read_text("utf-8"))
    api = yaml.safe_load((target / "api.yaml").read_text("utf-8"))
    api["endpoints"] = []
    for number in range(endpoints):
        endpoint = copy.deepcopy(source)
        endpoint["name"] = f"get_synthetic_{number}"
        endpoint["path"] = f"/user/get_synthetic_{number}"
        endpoint["examples"] = []
        relative = f"endpoints/synthetic_{number}.yaml"
        (target / relative).write_text(yaml.safe_dump(endpoint, allow_unicode=True), "utf-8")
        api["endpoints"].append(relative)
    (target / "api.yaml").write_text(yaml.safe_dump(api, allow_unicode=True), "utf-8")
    return target


def rows(rounds: int) -> list[Row]:
    result = []
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        schema = ROOT / "generated" / "qq_connect" / "schemas" / "get_vip_rich_info.json"
        ours_times, dmcg_times, noop_times = [], [], []
        for round_number in range(rounds + 1):
            out = work / f"out-{round_number}"
            ours = _run([sys.executable, "-m", "generator", "--out", str(out)])
            dmcg = _run([str(BIN / "datamodel-codegen"), "--input", str(schema),
                         "--input-file-type", "jsonschema", "--output", str(work / "m.py"),
                         "--output-model-type", "pydantic_v2.BaseModel", "--disable-timestamp"])
            noop = _run([sys.executable, "-m", "generator", "--out", str(out)])
            if round_number:
                ours_times.append(ours)
                dmcg_times.append(dmcg)
                noop_times.append(noop)
        ratios = sorted(o / d for o, d in zip(ours_times, dmcg_times, strict=True))
        ratio = ratios[len(ratios) // 2]
        ours_median = sorted(ours_times)[len(ours_times) // 2]
        dmcg_median = sorted(dmcg_times)[len(dmcg_times) // 2]
        noop_median = sorted(noop_times)[len(noop_times) // 2]
        result.append(Row("4 generation", "cold `python -m generator` (every artifact) vs one "
                          "`datamodel-codegen` run", f"{ours_median:.2f} s", f"{dmcg_median:.2f} s",
                          f"{ratio:.2f}× the time", "≤ 1.5×", verdict(ratio, 1.5, False)))
        result.append(Row("4 generation", "`python -m generator` with nothing changed",
                          f"{noop_median:.2f} s", "-", "-", "≤ 0.3 s",
                          verdict(noop_median, 0.3, False)))
        for endpoints in (1, 10, 100):
            spec = _synthetic_spec(work / f"spec-{endpoints}", endpoints)
            seconds = _run([sys.executable, "-m", "generator", "--spec", str(spec),
                            "--out", str(work / f"synthetic-{endpoints}")])
            result.append(Row("4 generation", f"{endpoints} synthetic endpoint(s), cold",
                              f"{seconds:.2f} s", "-", "-", "-", "-"))
    return result

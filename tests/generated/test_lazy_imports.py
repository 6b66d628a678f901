"""What a process loads is what it uses: ``import qq_connect`` and the contract check load
no HTTP or validation library, and an endpoint's first answer loads its own models only
(spec-driven: the endpoints and their examples come from the spec)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import qq_connect
from tests.contract.from_spec import ENDPOINTS

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("httpx", "anyio", "pydantic", "pydantic_core")
REPORT = "import json, sys; print(json.dumps(sorted(sys.modules)))"


def loaded_by(code: str, stdin: bytes = b"") -> set[str]:
    ran = subprocess.run([sys.executable, "-c", f"{code}\n{REPORT}"], input=stdin,
                         capture_output=True, check=False, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "generated")})
    assert ran.returncode == 0, ran.stderr.decode()
    return set(json.loads(ran.stdout.decode().splitlines()[-1]))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_importing_the_package_loads_no_http_or_validation_library() -> None:
    assert heavy(loaded_by("import qq_connect")) == []


def test_the_contract_check_starts_without_them() -> None:
    code = ("import sys, contextlib, io\nsys.argv = ['qq_connect.check', '--help']\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            "    import runpy; runpy.run_module('qq_connect.check', run_name='__main__')")
    assert heavy(loaded_by(code)) == []


def test_every_public_name_loads_when_asked_for() -> None:
    for name in qq_connect.__all__:
        assert getattr(qq_connect, name) is not None, name
    assert set(qq_connect.__all__) <= set(dir(qq_connect))


def test_an_answer_loads_its_own_endpoint_models_only() -> None:
    for spec in ENDPOINTS:
        example = next((x for x in spec.examples if x.format == "json"), None)
        if example is None:
            continue
        modules = loaded_by(f"import sys, qq_connect, qq_connect.endpoints as e\n"
                            f"try:\n    e.{spec.constant}.parse(sys.stdin.buffer.read())\n"
                            f"except qq_connect.ApiError:\n    pass", example.body)
        endpoint_models = {m for m in modules if m.startswith(("qq_connect.models.",
                                                                "qq_connect.wire."))}
        assert endpoint_models <= {f"qq_connect.models.{spec.name}",
                                   f"qq_connect.wire.{spec.name}"}, spec.name

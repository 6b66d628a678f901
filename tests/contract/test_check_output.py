"""What a person sees: findings grouped by rule, colour on a terminal only, progress on
stderr for long runs (a fake clock: no test waits), and ``--help`` under the command's
own name with the exit codes.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from qq_connect.check import Surroundings, main
from tests.contract.from_spec import ROOT
from tests.contract.test_check_ci import BROKEN, DRIFTING, ENDPOINT, GOOD, check

GENERATED = str(ROOT / "generated")


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    """Each reading is ``step`` seconds after the last."""

    def __init__(self, step: float) -> None:
        self.step = step
        self.now = 0.0

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    captures = tmp_path / "captures" / ENDPOINT.name
    captures.mkdir(parents=True)
    for name, body in (("good", GOOD), ("broken", BROKEN), ("drifting", DRIFTING),
                       ("broken_too", BROKEN.replace(b'"x"', b'"y"'))):
        (captures / f"{name}.json").write_bytes(body)
    return tmp_path / "captures"


def run(folder: Path, *arguments: str, out: io.StringIO | None = None,
        err: io.StringIO | None = None, environ: dict[str, str] | None = None,
        clock: Clock | None = None, argv0: str = "") -> tuple[int, str, str]:
    out, err = out or io.StringIO(), err or io.StringIO()
    surroundings = Surroundings(out, err, environ or {}, clock=clock or Clock(0.0),
                                argv0=argv0)
    code = main([str(folder), *arguments], surroundings=surroundings)
    return code, out.getvalue(), err.getvalue()


def test_findings_are_grouped_by_rule_with_counts(folder: Path) -> None:
    out = check(folder).out
    lines = out.splitlines()
    errors = lines.index("wrong-value: 2 error findings")
    assert lines[errors + 1].startswith("  error ") and lines[errors + 2].startswith("  error ")
    drift = lines.index("undocumented-field: 1 drift finding")
    assert lines[drift + 1].startswith("  drift ") and errors < drift  # errors first


def test_colour_only_on_a_terminal_and_never_with_no_color(folder: Path) -> None:
    _, coloured, _ = run(folder, out=Terminal())
    assert "\x1b[31merror\x1b[0m" in coloured and "\x1b[1;31mFAILED\x1b[0m" in coloured
    assert "\x1b[33mdrift\x1b[0m" in coloured
    for environ in ({"NO_COLOR": "1"}, {"NO_COLOR": ""}):
        assert "\x1b" not in run(folder, out=Terminal(), environ=environ)[1]
    _, plain, _ = run(folder)
    assert "\x1b" not in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain  # the same words, painted


def test_progress_on_stderr_for_a_long_run_only(folder: Path) -> None:
    # 4 captures, the clock moving 1 s a reading: the start reads 1, the captures 2 to 5;
    # silent until 2 s have passed, then a line a second.
    _, out, err = run(folder, "--progress", clock=Clock(1.0), argv0="qq-connect-check")
    assert err.splitlines() == [
        "qq-connect-check: 2 captures checked, 1 captures/s",
        "qq-connect-check: 3 captures checked, 1 captures/s",
        "qq-connect-check: 4 captures checked, 1 captures/s"]
    assert "captures checked" not in out
    assert run(folder, "--progress", clock=Clock(0.1))[2] == ""  # over in under 2 s
    assert run(folder, "--no-progress", err=Terminal(), clock=Clock(1.0))[2] == ""
    assert "captures checked" in run(folder, err=Terminal(), clock=Clock(1.0))[2]
    assert run(folder, clock=Clock(1.0))[2] == ""  # stderr is no terminal


@pytest.mark.parametrize("argv0, name", [
    ("/usr/local/bin/qq-connect-check", "qq-connect-check"),
    ("C:\\venv\\Scripts\\qq-connect-check.exe", "python -m qq_connect.check"),
    ("/site-packages/qq_connect/check.py", "python -m qq_connect.check"),
    ("", "python -m qq_connect.check"),
])
def test_help_names_the_command_as_it_was_run(argv0: str, name: str, folder: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    if argv0.endswith(".exe") and os.sep == "\\":
        name = "qq-connect-check"
    with pytest.raises(SystemExit) as exit:
        run(folder, "--help", argv0=argv0)
    assert exit.value.code == 0
    help = capsys.readouterr().out
    assert help.startswith(f"usage: {name} [-h]")
    assert code_line(help, 1) == (
        "  1  an error finding that is new (not in --baseline); under --strict, also new "
        "drift or a stale baseline entry")
    assert "findings --baseline accepts never fail" in code_line(help, 0)
    for option in ("--baseline FILE", "--update-baseline", "--markdown FILE",
                   "--junit-failures-only", "--progress, --no-progress"):
        assert option in help


def code_line(help: str, code: int) -> str:
    """The help's line for an exit code, with its continuation."""
    lines = help[help.index(f"\n  {code}  ") + 1:].splitlines()
    kept = [lines[0]]
    for line in lines[1:]:
        if not line.startswith("     "):
            break
        kept.append(line.strip())
    return " ".join(kept)


def test_the_module_and_the_console_script_name_themselves(tmp_path: Path) -> None:
    script = tmp_path / "bin" / "qq-connect-check"  # what pip writes for the console script
    script.parent.mkdir()
    script.write_text("import sys\nfrom qq_connect.check import main\nsys.exit(main())\n")
    for command, name in (
            ([sys.executable, "-m", "qq_connect.check"], "python -m qq_connect.check"),
            ([sys.executable, str(script)], "qq-connect-check")):
        result = subprocess.run([*command, "--help"], capture_output=True, text=True,
                                check=False, env={"PYTHONPATH": GENERATED})
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"usage: {name} [-h]")
        missing = subprocess.run([*command, str(tmp_path / "nowhere")], capture_output=True,
                                 text=True, check=False, env={"PYTHONPATH": GENERATED})
        assert missing.returncode == 2 and f"{name}: error: no such file" in missing.stderr


def test_nothing_checked_never_passes(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": []}')
    for extra in ((), ("--strict",), ("--baseline", str(baseline))):
        code, out, _ = run(tmp_path / "empty", *extra, "--markdown", str(tmp_path / "s.md"),
                           out=Terminal())
        assert code == 2 and "nothing checked" in out and "passed" not in out

"""Every code block of the READMEs runs, or is checked, in the suite: the docs a new user
follows first are the docs that work.

How a block is treated is said by its language and, where needed, by an HTML comment on
the line right before its opening fence (the previous non-blank line):

- ```python: executed, each block on its own, in a fresh namespace, with a fake
  graph.qq.com running (tests/fakes/graph.py, the spec's examples to any token). The
  README writes the fake's address as a user who started it by hand has it,
  ``http://127.0.0.1:8000`` (``python -m tests.fakes.graph --port 8000``); the test puts
  the address of its own fake there, and changes nothing else. A block that makes a
  client must name its ``base_url``, so no block calls the real service.
  ``<!-- run: NAME -->``: after the block, ``FOLLOW_UPS[NAME]`` drives what it defined
  on the fake that follow-up asks for: ``membership`` on scripted failures, one per
  ``except``; ``login``, a web app's two routes, with the test as the browser against
  the fake's login flow.
- ```yaml: a piece of an endpoint file: it must parse, and every key must be one the
  spec format knows (generator/spec_format.schema.json); ``…`` may stand for the keys
  left out (``{name: nickname, …, placeholder_value: qzuser}``).
- ```sh / ```console / ```bash: the marker is required, one of
  ``<!-- run -->``: each line runs with bash (``set -e``) in a temporary folder that
  links the repository's top-level entries (generated/, .venv/, tests/, …), so files a
  command writes land there; exit 0 expected. Only for cheap, safe commands.
  ``<!-- check -->``: each command is checked, not run: ``make`` targets exist in the
  Makefile; ``python -m MODULE``, ``python SCRIPT.py``, ``pip SUBCOMMAND`` and the
  package's console scripts (generated/pyproject.toml) answer ``--help``, and every
  option the command uses appears there. A program the harness does not know fails:
  add it to ``help_command``, or run the block.
- A block without a language: ``<!-- check paths -->``: each unindented line's first
  word that is a path exists in the repository.
- Any block: ``<!-- not run: REASON -->`` skips it, with its reason shown; use it
  sparingly (``make test`` itself, a server that never ends).

A block that is none of these fails ``test_every_block_is_run_or_marked``; so does a
malformed marker. To add a runnable block, write it in the README, with the marker
its language needs; a new follow-up is a function added to ``FOLLOW_UPS``.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
import yaml

import qq_connect
from tests.fakes.graph import Answer, FakeGraph
from tests.fakes.oauth import demo_flow

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ("README.md", "generated/README.md")
# Where a user who started the fake by hand (--port 8000) has it.
FAKE_ADDRESS = "http://127.0.0.1:8000"
SHELLS = ("sh", "console", "bash")
MARKER = re.compile(r"^<!--\s*(.*?)\s*-->$")
KNOWN_MARKERS = re.compile(r"(run|run: \w+|check|check paths|not run: \S.*)")
TIMEOUT = 120
ELISION = "…"  # in a YAML piece: the keys left out


@dataclass(frozen=True)
class Block:
    document: str
    line: int  # of the opening fence, 1-based
    language: str
    text: str
    marker: str | None  # the HTML comment right before the block, without <!-- -->

    @property
    def id(self) -> str:
        return f"{self.document}:{self.line}:{self.language or 'text'}"

    @property
    def mode(self) -> str:
        """What the harness does with it; "" when nothing says (a failure)."""
        if self.marker is None:
            return {"python": "run", "yaml": "check"}.get(self.language, "")
        for mode in ("not run", "run"):
            if self.marker.startswith(mode):
                return mode
        return self.marker

    @property
    def follow_up(self) -> str | None:
        """The name in ``<!-- run: NAME -->``."""
        marker = self.marker or ""
        return marker.partition(":")[2].strip() if marker.startswith("run:") else None


def read_blocks(document: str) -> list[Block]:
    """The fenced blocks of a Markdown file, each with the marker before it."""
    lines = (ROOT / document).read_text("utf-8").splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opening = re.match(r"^(`{3,}|~{3,})\s*([\w+-]*)", lines[index])
        if not opening:
            index += 1
            continue
        fence, language = opening[1], opening[2]
        end = next((i for i in range(index + 1, len(lines))
                    if lines[i].strip().startswith(fence[0] * len(fence))
                    and not lines[i].strip().strip(fence[0])), len(lines))
        before = next((lines[i].strip() for i in range(index - 1, -1, -1)
                       if lines[i].strip()), "")
        marker = MARKER.match(before)
        blocks.append(Block(document, index + 1, language,
                            "\n".join(lines[index + 1:end]) + "\n",
                            marker[1] if marker else None))
        index = end + 1
    return blocks


BLOCKS = [block for document in DOCUMENTS for block in read_blocks(document)]


def blocks_of(*modes: str, languages: tuple[str, ...] | None = None) -> list[Any]:
    chosen = [b for b in BLOCKS if b.mode in modes
              and (languages is None or b.language in languages)]
    return [pytest.param(b, id=b.id) for b in chosen]


def test_every_block_is_run_or_marked() -> None:
    assert BLOCKS, "README.md has no code blocks"
    problems = []
    for block in BLOCKS:
        if block.marker is not None and not KNOWN_MARKERS.fullmatch(block.marker):
            problems.append(f"{block.id}: unknown marker <!-- {block.marker} -->")
        elif not block.mode:
            problems.append(f"{block.id}: neither run nor marked (see tests/test_readme.py)")
        elif block.mode == "run" and block.language not in ("python", *SHELLS):
            problems.append(f"{block.id}: a {block.language or 'text'} block cannot run")
        elif block.mode == "check paths" and block.language:
            problems.append(f"{block.id}: check paths is for blocks without a language")
        elif block.follow_up is not None and (
                block.language != "python" or block.follow_up not in FOLLOW_UPS):
            problems.append(f"{block.id}: no python follow-up {block.follow_up!r}")
    assert not problems, "\n".join(problems)


def test_the_readme_answers_the_first_questions() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "base_url=" in readme  # how to reach a fake server
    assert "PYTHONPATH=generated .venv/bin/python -m qq_connect.check" in readme
    assert 'pip install "./generated[check]"' in readme
    assert "pip install ./generated" in readme


# Python ---------------------------------------------------------------------------------

def follow_membership(namespace: dict[str, Any], graph: FakeGraph) -> None:
    """The block's ``membership`` on answers that report a failure, one per branch."""
    path = "/user/get_vip_rich_info"
    for ret, expected in ((100014, "log in again"), (100030, "ask for the scope"),
                          (13002, "failed: 13002")):
        graph.script(path, Answer(json.dumps({"ret": ret, "msg": "scripted"}).encode()))
        with qq_connect.QQConnect(app_id="101234567", base_url=graph.url) as client:
            assert namespace["membership"](client).startswith(expected), ret


def follow_login(namespace: dict[str, Any], graph: FakeGraph) -> None:
    """The two routes of the login block, with the test as the user's browser."""
    client = namespace["client"]
    try:
        url, state = namespace["start_login"]()
        with httpx.Client(timeout=10.0) as browser:  # the fake consents at once
            consent = browser.get(url)
        assert consent.is_redirect, consent.text
        location = consent.headers["location"]
        assert location.startswith(namespace["CALLBACK"])
        info = namespace["finish_login"](dict(parse_qsl(urlsplit(location).query)), state)
        assert isinstance(info, qq_connect.UserInfo)
        with pytest.raises(PermissionError):  # a state that is not the browser's
            namespace["finish_login"]({"code": "x", "state": "forged"}, state)
    finally:
        client.close()


def follow_pytest(namespace: dict[str, Any], graph: FakeGraph) -> None:
    """The block is a user's test module: pytest runs it as the README says, and it passes."""
    with tempfile.TemporaryDirectory() as folder:
        module = Path(folder) / "test_readme_block.py"
        module.write_text(namespace["__readme_source__"], encoding="utf-8")
        ran = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                              str(module)], cwd=folder, capture_output=True, text=True,
                             timeout=TIMEOUT, check=False,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "generated")})
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert " passed" in ran.stdout and "skipped" not in ran.stdout, ran.stdout


@dataclass(frozen=True)
class FollowUp:
    drive: Callable[[dict[str, Any], FakeGraph], None]
    login_flow: bool = False  # the fake plays the login (--flow), else the examples


FOLLOW_UPS: dict[str, FollowUp] = {"membership": FollowUp(follow_membership),
                                   "login": FollowUp(follow_login, login_flow=True),
                                   "pytest": FollowUp(follow_pytest)}


@pytest.mark.parametrize("block", blocks_of("run", languages=("python",)))
def test_python_block_runs(block: Block, capsys: pytest.CaptureFixture[str]) -> None:
    clients = re.findall(r"\b(?:Async)?QQConnect\((.*)", block.text)
    # qq_connect.testing's mock answers in place of any server: nothing reaches the network.
    offline = "from qq_connect.testing import" in block.text
    for client in [] if offline else clients:
        assert "base_url=" in client, f"{block.id}: a client without base_url: {client}"
    follow_up = FOLLOW_UPS[block.follow_up] if block.follow_up else None
    flow = demo_flow() if follow_up and follow_up.login_flow else None
    with FakeGraph(flow=flow) as graph:
        source = block.text.replace(FAKE_ADDRESS, graph.url)
        namespace: dict[str, Any] = {"__name__": "__readme__", "__readme_source__": source}
        exec(compile(source, block.id, "exec"), namespace)
        if follow_up:
            follow_up.drive(namespace, graph)
        assert graph.served or offline or not clients, f"{block.id} made a client but no call"
    capsys.readouterr()


# YAML -----------------------------------------------------------------------------------

def spec_format() -> dict[str, Any]:
    schema = json.loads((ROOT / "generator" / "spec_format.schema.json").read_text("utf-8"))
    definitions: dict[str, Any] = schema["$defs"]
    return definitions


@pytest.mark.parametrize("block", blocks_of("check", languages=("yaml",)))
def test_yaml_block_uses_only_keys_of_the_spec_format(block: Block) -> None:
    data = yaml.safe_load(block.text)
    assert isinstance(data, dict)
    endpoint = spec_format()["endpoint"]["properties"]
    fields = endpoint["response"]["properties"]["fields"]["items"]["properties"]
    parameters = spec_format()["parameter"]["properties"]
    assert set(data) <= set(endpoint), set(data) - set(endpoint)
    for parameter in data.get("parameters", []):
        assert set(parameter) - {ELISION} <= set(parameters), parameter
    for field in data.get("response", {}).get("fields", []):
        assert set(field) - {ELISION} <= set(fields), field


# Shell ----------------------------------------------------------------------------------

def commands(text: str) -> Iterator[tuple[dict[str, str], list[str]]]:
    """Each command of a shell block: its variable assignments and its words."""
    for line in text.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        while words:
            cut = next((i for i, w in enumerate(words) if w in ("&&", "||", ";", "|")),
                       len(words))
            command, words = words[:cut], words[cut + 1:]
            env = {}
            while command and re.fullmatch(r"[A-Z_]+=\S*", command[0]):
                name, _, value = command.pop(0).partition("=")
                env[name] = value
            if command:
                yield env, command


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    return set(re.findall(r"^([\w.-]+):", makefile, re.MULTILINE))


def console_scripts() -> dict[str, str]:
    pyproject = tomllib.loads((ROOT / "generated" / "pyproject.toml").read_text("utf-8"))
    scripts: dict[str, str] = pyproject["project"].get("scripts", {})
    return {name: target.split(":")[0] for name, target in scripts.items()}


def is_python(program: str) -> bool:
    return bool(re.fullmatch(r"(.*/)?python(3(\.\d+)?)?", program))


def help_command(words: list[str]) -> tuple[list[str], list[str]]:
    """The command that prints the help of ``words``, and the options ``words`` uses."""
    program, arguments = words[0], words[1:]
    if program in console_scripts():
        return [sys.executable, "-m", console_scripts()[program], "--help"], arguments
    if is_python(program) and arguments[:1] == ["-m"] and arguments[1:]:
        # The words before the first option stay: a subcommand's help is its own
        # (``python -m generator diff --help``); argparse shows help whatever the paths.
        rest = arguments[2:]
        leading = next((i for i, a in enumerate(rest) if a.startswith("-")), len(rest))
        return [sys.executable, "-m", arguments[1], *rest[:leading], "--help"], rest[leading:]
    if is_python(program) and arguments and arguments[0].endswith(".py"):
        assert (ROOT / arguments[0]).is_file(), f"no script {arguments[0]}"
        return [sys.executable, str(ROOT / arguments[0]), "--help"], arguments[1:]
    if program.endswith("pip") and arguments:
        return [sys.executable, "-m", "pip", arguments[0], "--help"], arguments[1:]
    raise AssertionError(f"the harness does not know how to check {program!r}: add it to "
                         "help_command in tests/test_readme.py, or run the block")


def options(arguments: list[str]) -> list[str]:
    return [a.split("=")[0] for a in arguments if a.startswith("-") and a != "-"]


@pytest.mark.parametrize("block", blocks_of("check", languages=SHELLS))
def test_shell_block_commands_exist_with_their_options(block: Block) -> None:
    found = list(commands(block.text))
    assert found, f"{block.id} holds no command"
    for _, words in found:
        if words[0] == "make":
            targets = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
            assert targets and set(targets) <= make_targets(), (words, sorted(make_targets()))
            continue
        command, arguments = help_command(words)
        shown = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                               timeout=TIMEOUT, check=False,
                               env={**os.environ, "PYTHONPATH": f"{ROOT / 'generated'}"})
        assert shown.returncode == 0, f"{' '.join(words)}: {shown.stderr}"
        for option in options(arguments):
            assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", shown.stdout), (
                f"{block.id}: {option} is not in `{' '.join(command)}`")


@pytest.mark.parametrize("block", blocks_of("run", languages=SHELLS))
def test_shell_block_runs(block: Block, tmp_path: Path) -> None:
    for entry in ROOT.iterdir():
        if entry.name != ".git":
            (tmp_path / entry.name).symlink_to(entry.resolve())
    result = subprocess.run(["bash", "-c", f"set -e\n{block.text}"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert result.returncode == 0, f"{block.id}:\n{result.stdout}\n{result.stderr}"


# Text -----------------------------------------------------------------------------------

@pytest.mark.parametrize("block", blocks_of("check paths"))
def test_paths_in_block_exist(block: Block) -> None:
    paths = [line.split()[0] for line in block.text.splitlines()
             if line and not line[0].isspace() and "/" in line.split()[0]]
    assert paths, f"{block.id} names no path"
    missing = [path for path in paths if not (ROOT / path).exists()]
    assert not missing, f"{block.id}: {missing}"


def test_not_run_blocks_say_why() -> None:
    for block in BLOCKS:
        if block.mode == "not run":
            assert block.marker and block.marker.partition(":")[2].strip(), block.id

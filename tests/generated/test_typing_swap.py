"""Swapping the access token and the openid is a type error under the project's mypy.

What users write: ``client.get_user_info(token.access_token, me.openid)``, the token a
``SecretStr`` (every result gives it as one) and the openid a plain ``str`` (results give
it as one, and a database hands it back as one). The client takes tokens as ``str |
SecretStr`` and an openid only as ``str``, so the swapped call fails ``mypy --strict``;
the right one, with the token as a SecretStr or a str from storage, passes.

Spec-driven: every method of both clients whose positional arguments hold a secret the
results give as a SecretStr (a token) and an identity they give as a str (an openid).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.model import Endpoint, Parameter
from tests.contract.from_spec import ENDPOINTS

ROOT = Path(__file__).resolve().parents[2]
# Kept between runs (under the ignored .cache/), apart from the project's own mypy cache.
CACHE = ROOT / ".cache" / "mypy-typing-swap"
CLIENTS = ("QQConnect", "AsyncQQConnect")


def positional(endpoint: Endpoint) -> list[Parameter]:
    return [p for p in endpoint.parameters if p.is_positional]


def is_token(parameter: Parameter) -> bool:
    return parameter.secret and not parameter.identity


SWAPPABLE = [e for e in ENDPOINTS
             if any(is_token(p) for p in positional(e))
             and any(p.identity for p in positional(e))]


def call(client: str, endpoint: Endpoint, arguments: list[str]) -> str:
    awaited = "await " if client.startswith("Async") else ""
    return f"    {awaited}{client.lower()}.{endpoint.name}({', '.join(arguments)})"


def snippet(order: str) -> tuple[str, list[int]]:
    """A module calling every swappable method; the lines of the calls."""
    lines = ["from pydantic import SecretStr",
             "from qq_connect import AsyncQQConnect, QQConnect",
             "",
             "",
             "async def calls(qqconnect: QQConnect, asyncqqconnect: AsyncQQConnect,",
             "                token: SecretStr, stored_token: str, openid: str) -> None:"]
    calls: list[int] = []
    for client in CLIENTS:
        for endpoint in SWAPPABLE:
            given = {p.name: "token" if is_token(p) else "openid" for p in positional(endpoint)}
            if order == "swapped":
                values = list(given.values())
                given = dict(zip(given, reversed(values), strict=True))
                lines.append(call(client, endpoint, list(given.values())))
                calls.append(len(lines))
            else:
                lines.append(call(client, endpoint, list(given.values())))
                calls.append(len(lines))
                stored = [v.replace("token", "stored_token") for v in given.values()]
                lines.append(call(client, endpoint, stored))  # a str from storage: fine
                calls.append(len(lines))
    return "\n".join(lines) + "\n", calls


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("typing_swap")
    for order in ("swapped", "right"):
        (folder / f"{order}.py").write_text(snippet(order)[0], encoding="utf-8")
    (folder / "mypy.ini").write_text(
        "[mypy]\nstrict = True\nplugins = pydantic.mypy\n"
        f"mypy_path = {ROOT / 'generated'}\ncache_dir = {CACHE}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "swapped.py", "right.py"],
        cwd=folder, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 2: mypy crashed
    return result.stdout


def errors_of(output: str, module: str) -> dict[int, str]:
    return {int(line): message
            for line, message in re.findall(rf"^{module}\.py:(\d+): error: (.*)$", output,
                                            re.MULTILINE)}


@pytest.mark.slow
def test_there_is_a_swap_to_catch() -> None:
    assert SWAPPABLE, "no method takes both a token and an openid"


@pytest.mark.slow
def test_a_swapped_token_and_openid_fail_mypy(mypy_output: str) -> None:
    errors = errors_of(mypy_output, "swapped")
    _, calls = snippet("swapped")
    for line in calls:
        assert line in errors, f"line {line} passed mypy:\n{snippet('swapped')[0]}"
        assert 'incompatible type "SecretStr"; expected "str"' in errors[line], errors[line]
    assert set(errors) == set(calls), mypy_output


@pytest.mark.slow
def test_the_right_order_passes_mypy(mypy_output: str) -> None:
    assert errors_of(mypy_output, "right") == {}, mypy_output

"""README "Adding an endpoint", performed on a copy of the repository, touching only spec/.

The copy (git-tracked files, the real ``.venv`` symlinked) gets a new endpoint of the
OpenAPI shape, ``get_profile_card`` (made up: GET only, JSON only, text fields), listed in
``spec/api.yaml``;
``python -m generator`` regenerates; then the generated client's new method parses the
answer of the copy's fake graph.qq.com, and the copy's spec-driven tests pass with no
edit outside spec/. Everything runs on 127.0.0.1, in subprocesses with timeouts.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INNER = "QQ_CONNECT_ADD_ENDPOINT_INNER"  # set in the copy's run: no recursion

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(os.environ.get(INNER)), reason="already inside the copy's run"),
]

NAME = "get_profile_card"
ENDPOINT_YAML = """\
# user/get_profile_card — a made-up endpoint of the OpenAPI shape (ret/msg, JSON), for the
# test that adding one takes YAML only.
name: get_profile_card
path: /user/get_profile_card
methods: [GET]
formats: [json]
zh: 获取登录用户在QQ空间的信息，包括昵称、头像、性别及黄钻信息。
en: The logged-in user's nickname, avatar, gender and yellow-diamond flag.
parameters: []

response:
  fields:
    - {name: ret, wire_type: integer, kind: return_code, source: documented,
       zh: 返回码, en: "Return code; 0 is success, every other value is a failure."}
    - {name: msg, wire_type: string, kind: text, source: documented,
       zh: "如果ret<0,会有相应的错误信息提示,返回数据全部用UTF-8编码",
       en: Error message.}
    - {name: nickname, wire_type: string, kind: text, source: documented,
       zh: 用户在QQ空间的昵称。, en: The user's nickname.}
    - {name: figureurl, wire_type: string, kind: text, source: documented,
       zh: 大小为30×30像素的头像URL。, en: URL of the user's 30x30 avatar.}
    - {name: gender, wire_type: string, kind: text, source: documented,
       zh: 性别。 如果获取不到则默认返回"男", en: "The user's gender: 男 or 女."}
    - {name: is_yellow_vip, wire_type: integer, kind: flag, source: documented,
       zh: "标识用户是否为黄钻用户(0:不是; 1:是)", en: Whether the user is a yellow-diamond member.}

examples:
  - name: success
    format: json
    file: ../examples/get_profile_card/success.json
    note: Transcribed from the page; the openid in the avatar URL is made up.
  - name: not_logged_in
    format: json
    file: ../examples/get_profile_card/not_logged_in.json
    note: The error example shared by every OpenAPI page.
"""
SUCCESS = {
    "ret": 0,
    "msg": "",
    "nickname": "小明 Peter",
    "figureurl": "http://qzapp.qlogo.cn/qzapp/111111/942FEA70050EEAFBD4DCE2C1FC775E56/30",
    "gender": "男",
    "is_yellow_vip": 1,
}
NOT_LOGGED_IN = '{\n"ret":1002,\n"msg":"请先登录"\n}\n'
# The tests of the copy that follow the spec alone (client/ and e2e/ are left out here).
# The whole suite but the slow tests (this one among them): every test must take the new
# endpoint from the spec, none may need more than the files under spec/.
SPEC_DRIVEN = ["tests"]
CLIENT_CALL = """\
import json, sys
from qq_connect import QQConnect
with QQConnect(app_id="101234567", base_url=sys.argv[1], max_retries=0, timeout=5.0) as client:
    info = client.get_profile_card("ACCESSTOKEN", "0123456789ABCDEF0123456789ABCDEF")
print(type(info).__name__)
print(json.dumps(info.model_dump(mode="json"), ensure_ascii=False))
"""


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                            check=True, timeout=60)
    return [name for name in listed.stdout.decode().split("\0") if name]


def copy_repository(target: Path) -> Path:
    for name in tracked_files():
        if name == ".venv" or name.startswith((".venv/", ".git/")):
            continue
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to((ROOT / ".venv").resolve(), target_is_directory=True)
    return target


def add_endpoint(repo: Path) -> None:
    """What README "Adding an endpoint" asks for: files under spec/ only."""
    spec = repo / "spec"
    (spec / "endpoints" / f"{NAME}.yaml").write_text(ENDPOINT_YAML, encoding="utf-8")
    examples = spec / "examples" / NAME
    examples.mkdir(parents=True)
    (examples / "success.json").write_text(
        json.dumps(SUCCESS, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (examples / "not_logged_in.json").write_text(NOT_LOGGED_IN, encoding="utf-8")
    api = spec / "api.yaml"
    text = api.read_text(encoding="utf-8")
    last = list(re.finditer(r"^(\s*- )endpoints/\S+\.yaml\s*$", text, re.MULTILINE))[-1]
    line = f"\n{last.group(1)}endpoints/{NAME}.yaml"
    api.write_text(text[:last.end()] + line + text[last.end():], encoding="utf-8")


def python(repo: Path) -> str:
    return str(repo / ".venv" / "bin" / "python")


def run(repo: Path, *command: str, timeout: float,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([python(repo), *command], cwd=repo, capture_output=True, text=True,
                          check=False, timeout=timeout, env={**os.environ, **(env or {})})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_port(port: int, server: subprocess.Popen[str], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"the fake server did not listen on 127.0.0.1:{port} within {timeout} s")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_repository(tmp_path_factory.mktemp("repository"))
    add_endpoint(repo)
    generated = run(repo, "-m", "generator", timeout=300)
    assert generated.returncode == 0, generated.stdout + generated.stderr
    return repo


def test_generation_adds_the_endpoint(repo: Path) -> None:
    package = repo / "generated" / "qq_connect"
    assert (package / "schemas" / f"{NAME}.json").is_file()
    assert f"def {NAME}(" in (package / "_client.py").read_text(encoding="utf-8")
    assert not (ROOT / "spec" / "endpoints" / f"{NAME}.yaml").exists()  # the original is intact


def test_the_new_method_parses_the_fake_servers_answer(repo: Path) -> None:
    port = free_port()
    server = subprocess.Popen([python(repo), "-m", "tests.fakes.graph", "--port", str(port)],
                              cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        wait_for_port(port, server)
        called = run(repo, "-c", CLIENT_CALL, f"http://127.0.0.1:{port}", timeout=60,
                     env={"PYTHONPATH": str(repo / "generated")})
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
    assert called.returncode == 0, called.stdout + called.stderr
    class_name, dumped = called.stdout.strip().splitlines()
    assert class_name == "ProfileCard"
    assert json.loads(dumped) == {
        "msg": "", "nickname": "小明 Peter", "figureurl": SUCCESS["figureurl"], "gender": "男",
        "is_yellow_vip": True}


def test_the_copys_spec_driven_tests_pass(repo: Path) -> None:
    result = run(repo, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-m", "not slow",
                 *SPEC_DRIVEN, timeout=900, env={INNER: "1"})
    assert result.returncode == 0, (
        f"the copy's tests failed after adding {NAME}:\n{result.stdout}\n{result.stderr}")
    assert " passed" in result.stdout


def test_running_it_again_changes_nothing(repo: Path) -> None:
    again = run(repo, "-m", "generator", "--check", timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr

"""examples/login.py, driven like a browser would: from /login through QQ (the fake) and back.

The app is served in-process (its ``make_server``) or, as its docstring says, as a script in a
subprocess; an httpx client follows the redirects and keeps the cookies. Every wait is bounded.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import queue
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

import qq_connect
from examples import login
from tests.e2e.support import TIMEOUT
from tests.fakes.graph import FakeGraph
from tests.fakes.oauth import DEMO_APP, LoginFlow, demo_flow

ROOT = Path(__file__).resolve().parents[2]
NICKNAME = "小明 Peter"  # the fake's default user
SECRET_PARAMETERS = ("client_secret", "code", "access_token", "refresh_token", "openid")


@pytest.fixture
def flow() -> LoginFlow:
    return demo_flow()


@pytest.fixture
def graph(flow: LoginFlow) -> Iterator[FakeGraph]:
    with FakeGraph(flow=flow) as graph:
        yield graph


@contextlib.contextmanager
def serving(graph: FakeGraph, app_key: str = DEMO_APP.app_key) -> Iterator[str]:
    """The example app on 127.0.0.1 (any free port), talking to ``graph``; its base URL."""
    with qq_connect.QQConnect(DEMO_APP.app_id, app_key, base_url=graph.url, timeout=TIMEOUT,
                              max_retries=0) as client, login.make_server(client, 0) as server:
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                  daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            thread.join(TIMEOUT)


@pytest.fixture
def app(graph: FakeGraph) -> Iterator[str]:
    with serving(graph) as url:
        yield url


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    with httpx.Client(follow_redirects=True, max_redirects=5, timeout=TIMEOUT) as client:
        yield client


def secrets_sent(graph: FakeGraph, flow: LoginFlow) -> set[str]:
    """Every secret the app sent the fake (key, code, token, openid), and the user's unionid."""
    found = {flow.unionid(), DEMO_APP.app_key}
    for request in graph.requests:
        for name, value in parse_qsl(request.query) + parse_qsl(request.body.decode()):
            if name in SECRET_PARAMETERS:
                found.add(value)
    return found


def test_log_in_with_qq(app: str, browser: httpx.Client, graph: FakeGraph, flow: LoginFlow,
                        capsys: pytest.CaptureFixture[str],
                        caplog: pytest.LogCaptureFixture) -> None:
    # The browser shares httpx's loggers with the app's client, so only the app's own are
    # read here; test_the_script_as_documented reads the app's whole log, httpx's included.
    caplog.set_level(logging.DEBUG, logger="login_example")
    caplog.set_level(logging.DEBUG, logger="qq_connect")
    home = browser.get(f"{app}/")
    assert home.status_code == 200 and 'href="/login"' in home.text
    assert "Log in with QQ" in home.text

    page = browser.get(f"{app}/login")

    assert page.status_code == 200, page.text
    to_qq, back, to_home = page.history
    assert (to_qq.status_code, back.status_code, to_home.status_code) == (302, 302, 303)
    state_cookie = to_qq.headers["set-cookie"]
    assert state_cookie.startswith(f"{login.STATE_COOKIE}=")
    assert "HttpOnly" in state_cookie and "SameSite=Lax" in state_cookie
    returned = dict(parse_qsl(urlsplit(str(back.headers["location"])).query))
    assert returned["state"] == state_cookie.split(";")[0].split("=", 1)[1]
    assert urlsplit(str(page.url)).path == "/"
    assert NICKNAME in page.text and "男" in page.text
    openid = flow.openid(DEMO_APP.app_id)
    avatars = [line for line in page.text.split("<") if openid in line]
    assert len(avatars) == 1 and avatars[0].startswith("img src=")  # the avatar alone has it

    secrets = secrets_sent(graph, flow) - {openid}
    assert returned["code"] in secrets
    # What the app sent the browser; the fake's own redirect (QQ's) carries the code by design.
    shown = [page.text, *(str(r.headers) for r in (page, to_qq, to_home))]
    assert [s for s in secrets if any(s in text for text in shown)] == []
    # The access log names the path, not the query that carries the code.
    logged = capsys.readouterr().err + "".join(
        r.getMessage() for r in caplog.records if r.name in ("login_example", "qq_connect"))
    assert '"GET /callback" 303' in logged
    assert [s for s in secrets | {openid} if s in logged] == []

    again = browser.get(f"{app}/")  # the session cookie keeps the user logged in
    assert NICKNAME in again.text
    out = browser.post(f"{app}/logout")
    assert "Log in with QQ" in out.text and NICKNAME not in out.text


def test_an_app_not_yet_approved_is_told_its_data_is_a_placeholder(
        browser: httpx.Client) -> None:
    unapproved = dataclasses.replace(DEMO_APP, approved=False)
    with FakeGraph(flow=LoginFlow(unapproved)) as graph, serving(graph) as app:
        page = browser.get(f"{app}/login")
    assert page.status_code == 200, page.text
    assert "placeholder data" in page.text and "qzuser" in page.text


def test_a_forged_state_is_refused(app: str, browser: httpx.Client, graph: FakeGraph) -> None:
    forged = browser.get(f"{app}/callback", params={"code": "A" * 32, "state": "forged"})
    assert forged.status_code == 400 and "could not be verified" in forged.text

    started = browser.get(f"{app}/login", follow_redirects=False)  # the state cookie is set
    assert started.status_code == 302
    wrong = browser.get(f"{app}/callback", params={"code": "A" * 32, "state": "forged"})
    assert wrong.status_code == 400
    assert "/oauth2.0/token" not in [r.path for r in graph.requests]  # no code was exchanged


def test_a_replayed_callback_names_the_error(app: str, browser: httpx.Client, graph: FakeGraph,
                                             flow: LoginFlow,
                                             caplog: pytest.LogCaptureFixture) -> None:
    page = browser.get(f"{app}/login")
    callback = str(page.history[1].headers["location"])
    state = dict(parse_qsl(urlsplit(callback).query))["state"]
    browser.cookies.set(login.STATE_COOKIE, state)  # as if the first return had not cleared it

    replayed = browser.get(callback)

    assert replayed.status_code == 502
    assert "OAuthFlowError (code 100020)" in replayed.text and "log in again" in replayed.text
    assert "login failed: OAuthFlowError error=100020" in caplog.messages
    secrets = secrets_sent(graph, flow) | {flow.openid(DEMO_APP.app_id)}
    assert [s for s in secrets if s in replayed.text] == []


def test_a_wrong_app_key_names_the_error(graph: FakeGraph, browser: httpx.Client,
                                         flow: LoginFlow) -> None:
    wrong_key = "f" * 32
    with serving(graph, wrong_key) as app:
        page = browser.get(f"{app}/login")
    assert page.status_code == 502
    assert "AppInvalidError (code 100009)" in page.text
    secrets = secrets_sent(graph, flow) | {wrong_key}
    assert [s for s in secrets if s in page.text] == []


# --- the documented commands -------------------------------------------------------------


def documented_commands() -> tuple[list[str], list[str]]:
    """The two commands of the example's docstring, split as a shell would."""
    assert login.__doc__
    lines = [line.strip() for line in login.__doc__.splitlines()]
    (fake,) = [shlex.split(line) for line in lines if line.startswith(".venv/bin/python -m")]
    (example,) = [shlex.split(line) for line in lines if line.startswith("PYTHONPATH=")]
    return fake, example


def test_the_documented_commands_line_up() -> None:
    fake, example = documented_commands()
    assert fake[1:] == ["-m", "tests.fakes.graph", "--port", "8000", "--flow"]
    assert example[:3] == ["PYTHONPATH=generated", ".venv/bin/python", "examples/login.py"]
    settings = login.parse_settings(example[3:], {})
    assert (settings.app_id, settings.app_key.get_secret_value()) == (DEMO_APP.app_id,
                                                                      DEMO_APP.app_key)
    assert urlsplit(settings.graph_url).port == int(fake[fake.index("--port") + 1])
    assert (settings.port, settings.callback_url) == (login.DEFAULT_PORT, None)
    assert f"http://127.0.0.1:{settings.port}/callback".startswith(DEMO_APP.redirect_prefix)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert shlex.join(fake) in readme and shlex.join(example) in readme


def test_the_app_key_comes_from_the_environment(capsys: pytest.CaptureFixture[str]) -> None:
    settings = login.parse_settings([], {"QQ_APP_ID": "42", "QQ_APP_KEY": "k" * 32})
    assert (settings.app_id, settings.app_key.get_secret_value()) == ("42", "k" * 32)
    assert "k" * 32 not in repr(settings)
    with pytest.raises(SystemExit):
        login.parse_settings([], {})
    assert "QQ_APP_KEY" in capsys.readouterr().err


def test_the_script_as_documented(graph: FakeGraph, browser: httpx.Client,
                                  flow: LoginFlow) -> None:
    _, example = documented_commands()
    environment = {**os.environ, "PYTHONPATH": "generated"}
    command = [sys.executable, *example[2:], "--graph-url", graph.url, "--port", "0"]
    with subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as process:
        try:
            ready = first_line(process, TIMEOUT)
            assert ready.startswith("Log in with QQ at http://127.0.0.1:"), ready
            page = browser.get(ready.split()[5] + "login")
            assert page.status_code == 200 and NICKNAME in page.text
            # SIGTERM, not Ctrl-C: a shell without job control starts its background jobs
            # with SIGINT ignored, and the child would inherit that.
            process.terminate()
            _, errors = process.communicate(timeout=TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(TIMEOUT)
    assert "Traceback" not in errors, errors
    assert '"GET /callback" 303' in errors
    assert [s for s in secrets_sent(graph, flow) if s in errors] == []


def first_line(process: subprocess.Popen[str], timeout: float) -> str:
    """The process's first line of output, waiting at most ``timeout`` seconds."""
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        pytest.fail(f"no output within {timeout} s")

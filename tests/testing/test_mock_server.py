"""The mock served over HTTP: ``GraphServer`` in a thread and ``python -m qq_connect.testing``
in a subprocess, called by the real client with ``base_url``. Every wait is bounded."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import qq_connect
from qq_connect.testing import DRIFT, MALFORMED, GraphServer, MockGraph
from qq_connect.testing._server import main
from tests.contract.from_spec import ENDPOINTS, LISTED_RETS
from tests.testing.calls import (
    APP_ID,
    APP_KEY,
    NO_RETRIES,
    SECRETS,
    every_call,
    every_format,
    result_class,
)

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20.0  # seconds: the most any wait here lasts


@pytest.fixture
def served() -> Iterator[tuple[MockGraph, str]]:
    graph = MockGraph()
    with GraphServer(graph) as server:
        assert server.base_url.startswith("http://127.0.0.1:")
        yield graph, server.base_url


def client_at(base_url: str) -> qq_connect.QQConnect:
    return qq_connect.QQConnect(APP_ID, APP_KEY, base_url=base_url, max_retries=NO_RETRIES,
                                timeout=TIMEOUT)


def test_every_endpoint_answers_over_http(served: tuple[MockGraph, str]) -> None:
    graph, base_url = served
    with client_at(base_url) as client:
        for call in every_call():
            assert isinstance(call.on(client), result_class(call.endpoint)), call.id
            assert graph.requests[-1].endpoint == call.endpoint.name
            assert graph.requests[-1].format == call.format


def test_chosen_answers_over_http(served: tuple[MockGraph, str]) -> None:
    graph, base_url = served
    with client_at(base_url) as client:
        for call in every_format():
            name = call.endpoint.name
            graph.answer(name, error=LISTED_RETS[0])
            graph.answer(name, MALFORMED)
            graph.answer(name, DRIFT)
            with pytest.raises(qq_connect.ApiError) as caught:
                call.on(client)
            assert caught.value.code == LISTED_RETS[0]
            with pytest.raises(qq_connect.DecodeError):
                call.on(client)
            assert call.on(client).model_extra
    assert not graph.pending()


def test_unknown_paths_are_not_found_over_http(served: tuple[MockGraph, str]) -> None:
    _, base_url = served
    assert "/no/such/endpoint" not in {endpoint.path for endpoint in ENDPOINTS}
    with httpx.Client(timeout=TIMEOUT) as http:
        assert http.get(f"{base_url}/no/such/endpoint").status_code == 404


def test_the_command_validates_its_answers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(MockGraph, ["--answer", "no_such_endpoint=1"])
    assert caught.value.code == 2
    assert ENDPOINTS[0].name in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(MockGraph, ["--answer", f"{ENDPOINTS[0].name}=no_such_outcome"])
    assert MALFORMED in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(MockGraph, ["--help"])
    assert caught.value.code == 0
    assert "--answer ENDPOINT=OUTCOME" in capsys.readouterr().out


def first_line(process: subprocess.Popen[str], timeout: float) -> str:
    """The process's first line of output, waiting at most ``timeout`` seconds."""
    lines: queue.Queue[str] = queue.Queue()
    stdout = process.stdout
    assert stdout is not None
    threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        pytest.fail(f"no output within {timeout} s")


def test_python_m_serves_until_ctrl_c() -> None:
    endpoint = ENDPOINTS[0]
    code = LISTED_RETS[0]
    command = [sys.executable, "-m", "qq_connect.testing", "--port", "0",
               "--answer", f"{endpoint.name}={code}"]
    environment = {**os.environ, "PYTHONPATH": "generated"}
    with subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as process:
        try:
            ready = first_line(process, TIMEOUT)
            found = re.search(r"http://127\.0\.0\.1:\d+", ready)
            assert found, ready
            with client_at(found.group(0)) as client:
                for call in every_format():
                    if call.endpoint.name != endpoint.name:
                        assert isinstance(call.on(client), result_class(call.endpoint))
                        continue
                    for _ in range(2):  # every time, not once
                        with pytest.raises(qq_connect.ApiError) as caught:
                            call.on(client)
                        assert caught.value.code == code
            process.send_signal(signal.SIGINT)
            output, errors = process.communicate(timeout=TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(TIMEOUT)
    assert process.returncode == 0, errors
    assert "Traceback" not in errors, errors
    assert f"GET {endpoint.path} -> 200" in errors or f"POST {endpoint.path} -> 200" in errors
    assert [secret for secret in SECRETS if secret in output + errors] == []


def test_sigterm_stops_the_command_too() -> None:
    command = [sys.executable, "-m", "qq_connect.testing", "--port", "0", "--quiet"]
    environment = {**os.environ, "PYTHONPATH": "generated"}
    with subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as process:
        try:
            assert "http://127.0.0.1:" in first_line(process, TIMEOUT)
            process.terminate()
            _, errors = process.communicate(timeout=TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(TIMEOUT)
    assert process.returncode == 0 and "Traceback" not in errors, errors


def test_a_server_closes_whether_started_or_not() -> None:
    GraphServer(MockGraph()).close()
    with GraphServer(MockGraph()) as server:
        server.close()

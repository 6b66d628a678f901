"""A fake graph.qq.com: a real HTTP server on 127.0.0.1 that answers from the spec's examples.

Tests start it in a thread (``with FakeGraph() as graph: ...``) and script faults per
endpoint; by hand: ``python -m tests.fakes.graph --port 8000`` serves the examples.
Every answer goes out as ``text/html; charset=utf-8``, like the real service.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import yaml

SPEC = Path(__file__).resolve().parents[2] / "spec"
CONTENT_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Answer:
    """Answer with this body (and status, headers)."""

    body: bytes
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Delay:
    """Wait ``seconds`` before answering (with ``then``, or the default answer)."""

    seconds: float
    then: Answer | None = None


@dataclass(frozen=True)
class Reset:
    """Reset the connection without answering."""


@dataclass(frozen=True)
class Truncate:
    """Announce the whole body, send only its first ``keep`` bytes, then close."""

    keep: int = 10


Fault = Answer | Delay | Reset | Truncate


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    peer: int  # the client's port: one per connection


def load_examples(spec: Path = SPEC) -> dict[str, dict[str, bytes]]:
    """Per endpoint path: ``{"json": success JSON, "xml": success XML, <name>.<format>: ...}``."""
    examples: dict[str, dict[str, bytes]] = {}
    api = yaml.safe_load((spec / "api.yaml").read_text(encoding="utf-8"))
    for relative in api["endpoints"]:
        path = spec / relative
        endpoint = yaml.safe_load(path.read_text(encoding="utf-8"))
        bodies = examples.setdefault(endpoint["path"], {})
        for example in endpoint["examples"]:
            body = (path.parent / example["file"]).read_bytes()
            bodies[f"{example['name']}.{example['format']}"] = body
            if example["name"] == "success":
                bodies[example["format"]] = body
    return examples


@dataclass
class _State:
    examples: dict[str, dict[str, bytes]]
    scripts: dict[str, collections.deque[Fault]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    served: int = 0
    record: bool = True
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so clients can reuse connections
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._answer(b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(self.rfile.read(length))

    def _answer(self, body: bytes) -> None:
        state = self.server.state
        url = urlsplit(self.path)
        recorded = Recorded(self.command, url.path, url.query, dict(self.headers.items()), body,
                            self.client_address[1])
        with state.lock:
            state.served += 1
            if state.record:
                state.requests.append(recorded)
            script = state.scripts.get(url.path)
            fault = script.popleft() if script else None
        parameters = dict(parse_qsl(url.query or body.decode("latin-1")))
        known = state.examples.get(url.path)
        if known is None:
            fault = Answer(b'{"ret":-9,"msg":"api not exist"}')
        format = "xml" if parameters.get("format") == "xml" else "json"
        default = known[format] if known else b""
        try:
            self._perform(fault, default)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _perform(self, fault: Fault | None, default: bytes) -> None:
        if isinstance(fault, Delay):
            time.sleep(fault.seconds)
            fault = fault.then
        if isinstance(fault, Reset):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        answer = fault if isinstance(fault, Answer) else Answer(default)
        self.send_response(answer.status)
        self.send_header("Content-Type", CONTENT_TYPE)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        if isinstance(fault, Truncate):
            self.wfile.write(answer.body[: fault.keep])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(answer.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512
    state: _State


class FakeGraph:
    """The fake service; ``url`` is its base URL once started."""

    def __init__(self, port: int = 0, spec: Path = SPEC) -> None:
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.state = _State(load_examples(spec))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        kwargs={"poll_interval": 0.05})

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def examples(self) -> dict[str, dict[str, bytes]]:
        return self._server.state.examples

    @property
    def requests(self) -> list[Recorded]:
        with self._server.state.lock:
            return list(self._server.state.requests)

    @property
    def served(self) -> int:
        """How many requests were answered (or faulted) since the last reset."""
        with self._server.state.lock:
            return self._server.state.served

    def keep_requests(self, keep: bool) -> None:
        """Turn recording off for load, where keeping every request would grow memory."""
        with self._server.state.lock:
            self._server.state.record = keep

    def script(self, path: str, *faults: Fault) -> None:
        """Answer the next requests to ``path`` with ``faults``, in order, then normally."""
        with self._server.state.lock:
            self._server.state.scripts.setdefault(path, collections.deque()).extend(faults)

    def reset(self) -> None:
        """Forget scripts and recorded requests."""
        with self._server.state.lock:
            self._server.state.scripts.clear()
            self._server.state.requests.clear()
            self._server.state.served = 0
            self._server.state.record = True

    def start(self) -> FakeGraph:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> FakeGraph:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    arguments = parser.parse_args()
    with FakeGraph(arguments.port) as graph:
        print(f"fake graph.qq.com at {graph.url} (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()

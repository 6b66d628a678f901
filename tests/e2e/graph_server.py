"""A real HTTP server on 127.0.0.1 playing graph.qq.com for the e2e tests (standard library only).

The endpoints and their example bodies come from ``spec/endpoints/*.yaml``; nothing here
names an endpoint. Every answer goes out as ``text/html; charset=utf-8``, JSON and XML
alike, as the real service sends them. Tests queue canned answers per path; a request
with no canned answer gets the endpoint's success example in the requested format.
Every request is recorded as it arrived: method, target, raw query, headers, raw body.
"""

from __future__ import annotations

import collections
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec"
HTML_UTF8 = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Example:
    """One example file of an endpoint, as listed in its YAML."""

    name: str
    format: str
    file: Path
    body: bytes


@dataclass(frozen=True)
class SpecEndpoint:
    """One endpoint as the spec describes it."""

    name: str
    path: str
    methods: tuple[str, ...]
    formats: tuple[str, ...]
    examples: tuple[Example, ...]

    def example(self, name: str, format: str) -> bytes:
        found = [e.body for e in self.examples if (e.name, e.format) == (name, format)]
        assert len(found) == 1, f"{self.name}: {len(found)} examples named {name!r} in {format}"
        return found[0]

    def __str__(self) -> str:
        return self.name


def load_spec_endpoints(spec: Path = SPEC) -> tuple[SpecEndpoint, ...]:
    """Every endpoint YAML under ``spec/endpoints``, with its example files read as bytes."""
    endpoints = []
    for file in sorted((spec / "endpoints").glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        examples = tuple(
            Example(item["name"], item["format"], (file.parent / item["file"]).resolve(),
                    (file.parent / item["file"]).read_bytes())
            for item in data["examples"])
        endpoints.append(SpecEndpoint(
            name=data["name"], path=data["path"],
            methods=tuple(m.upper() for m in data["methods"]),
            formats=tuple(f.lower() for f in data["formats"]),
            examples=examples))
    assert endpoints, f"no endpoint YAML under {spec / 'endpoints'}"
    return tuple(endpoints)


@dataclass(frozen=True)
class Answer:
    """A canned answer: status, headers (in order), body bytes sent as they are."""

    body: bytes
    status: int = 200
    headers: tuple[tuple[str, str], ...] = (("Content-Type", HTML_UTF8),)


@dataclass(frozen=True)
class Recorded:
    """A request as the server received it."""

    method: str
    target: str  # the request-target exactly as sent: path, and ``?query`` if any
    path: str
    query: str  # raw, undecoded; "" when there is no query
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        """The value of a header sent once (case-insensitive), or None if absent."""
        values = [v for n, v in self.headers if n.lower() == name.lower()]
        assert len(values) <= 1, f"header {name} sent {len(values)} times: {values}"
        return values[0] if values else None


class FakeGraph:
    """The server. ``url`` is its base URL; ``start()`` / ``stop()`` run it in a thread."""

    def __init__(self, endpoints: tuple[SpecEndpoint, ...]) -> None:
        self.endpoints = {endpoint.path: endpoint for endpoint in endpoints}
        self._lock = threading.Lock()
        self._answers: dict[str, collections.deque[Answer]] = {}
        self._requests: list[Recorded] = []
        self._open_connections = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # -- what tests use ------------------------------------------------------------------

    def enqueue(self, path: str, *answers: Answer) -> None:
        """Answer the next requests to ``path`` with ``answers``, in order."""
        assert path in self.endpoints, f"{path} is not an endpoint of the spec"
        with self._lock:
            self._answers.setdefault(path, collections.deque()).extend(answers)

    @property
    def requests(self) -> list[Recorded]:
        with self._lock:
            return list(self._requests)

    def reset(self) -> list[Answer]:
        """Forget recorded requests; return (and drop) the canned answers nobody asked for."""
        with self._lock:
            left = [answer for queue in self._answers.values() for answer in queue]
            self._answers.clear()
            self._requests.clear()
        return left

    @property
    def open_connections(self) -> int:
        with self._lock:
            return self._open_connections

    def wait_for_open_connections(self, count: int, timeout: float = 2.0) -> int:
        """Wait until exactly ``count`` client connections are open; return the final count."""
        deadline = time.monotonic() + timeout
        while self.open_connections != count and time.monotonic() < deadline:
            time.sleep(0.005)
        return self.open_connections

    # -- what the handler uses -----------------------------------------------------------

    def _connection(self, delta: int) -> None:
        with self._lock:
            self._open_connections += delta

    def _answer(self, recorded: Recorded) -> Answer:
        with self._lock:
            self._requests.append(recorded)
            queue = self._answers.get(recorded.path)
            canned = queue.popleft() if queue else None
        endpoint = self.endpoints.get(recorded.path)
        if endpoint is None:
            return Answer(b"<html><body><h1>404 Not Found</h1></body></html>", status=404)
        if canned is not None:
            return canned
        sent = recorded.query if recorded.method == "GET" else recorded.body.decode("utf-8")
        format = parse_qs(sent).get("format", ["json"])[-1]
        if format not in endpoint.formats:
            format = "json"  # what graph.qq.com does with any format but "xml"
        return Answer(endpoint.example("success", format))


def _make_handler(graph: FakeGraph) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse and closing show

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def handle(self) -> None:
            graph._connection(+1)
            try:
                super().handle()
            finally:
                graph._connection(-1)

        def do_GET(self) -> None:
            self._serve()

        def do_POST(self) -> None:
            self._serve()

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            target = self.path
            path, separator, query = target.partition("?")
            recorded = Recorded(self.command, target, path, query if separator else "",
                                tuple(self.headers.items()), body)
            answer = graph._answer(recorded)
            self.send_response(answer.status)
            for name, value in answer.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)
            self.wfile.flush()

    return Handler

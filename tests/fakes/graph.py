"""A fake graph.qq.com: a real HTTP server on 127.0.0.1 that answers from the spec's examples.

Tests start it in a thread (``with FakeGraph() as graph: ...``) and script faults per
endpoint; by hand: ``python -m tests.fakes.graph --port 8000`` serves the examples.
``FakeGraph(flow=LoginFlow(...))`` (``--flow`` by hand) also serves the login flow of
``tests/fakes/oauth.py``; scripted faults still come first.
Every answer goes out as ``text/html; charset=utf-8``, like the real service. Unscripted,
a request gets its endpoint's success example in the format it asks for, read the way the
endpoint reads its format parameter (``format=xml``, ``fmt=json``, else the endpoint's
default: JSON, JSONP or form pairs); endpoints that share a path are told apart by their
fixed parameters (``grant_type``).
The spec's endpoints load as ``SpecEndpoint``s (``load_endpoints``), with their methods,
formats, encodings, parameters, error shape, examples and response fields, for tests that
parametrize over them.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import select
import socket
import struct
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import yaml

from tests.fakes.oauth import DEMO_APP, LoginFlow, demo_flow

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
    """Reset the connection: without answering, or (``keep``) after the headers and the
    first ``keep`` bytes of the body."""

    keep: int | None = None


@dataclass(frozen=True)
class Truncate:
    """Announce the whole body, send only its first ``keep`` bytes, then close."""

    keep: int = 10


@dataclass(frozen=True)
class Drip:
    """Send the answer one byte every ``interval`` seconds: the body after the headers, or
    (``headers=True``) the headers too. Ends when the client hangs up."""

    interval: float
    then: Answer | None = None
    headers: bool = False


@dataclass(frozen=True)
class Stall:
    """Send nothing (``keep=None``), or the headers announcing the whole body and its first
    ``keep`` bytes; then hold the connection silently until the client hangs up, at most
    ``seconds``."""

    keep: int | None = None
    seconds: float = 10.0
    then: Answer | None = None


@dataclass(frozen=True)
class Raw:
    """Send these bytes as they are (status line, headers and body: a lying Content-Length,
    a broken chunked body), then close."""

    data: bytes


Fault = Answer | Delay | Reset | Truncate | Drip | Stall | Raw


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: str  # raw, undecoded; "" when there is no query
    headers: dict[str, str]
    body: bytes
    peer: int  # the client's port: one per connection
    target: str = ""  # the request-target exactly as sent: path, and ``?query`` if any
    header_lines: tuple[tuple[str, str], ...] = ()  # every header as sent, in order

    def header(self, name: str) -> str | None:
        """The value of a header sent once (case-insensitive), or None if absent."""
        values = [v for n, v in self.header_lines if n.lower() == name.lower()]
        assert len(values) <= 1, f"header {name} sent {len(values)} times: {values}"
        return values[0] if values else None


@dataclass(frozen=True)
class Example:
    """One example file of an endpoint, as listed in its YAML."""

    name: str
    format: str  # the body's encoding: json, xml, jsonp or form
    body: bytes


@dataclass(frozen=True)
class SpecField:
    """One field of an endpoint's response, as its YAML lists it."""

    name: str
    wire_type: str
    kind: str
    marks_degraded: bool = False
    source: str = "documented"  # documented | optional | example_only | on_error
    sensitive: str = ""  # secret | identity | ""
    marks_expiry: bool = False


@dataclass(frozen=True)
class SpecParameter:
    """One parameter a request sends, as the YAML lists it (api.yaml's common ones included).

    ``source``: call (an argument of the method), app_id / app_key (from the client), fixed
    (``value``). ``type`` says how a call passes it: string, integer, flag or list.
    """

    name: str
    source: str = "call"
    type: str = "string"
    required: bool = True
    positional: bool = False
    secret: bool = False
    value: str = ""
    check: str = ""
    choices: tuple[str, ...] = ()

    @property
    def is_argument(self) -> bool:
        return self.source == "call"

    @property
    def is_positional(self) -> bool:
        return self.source == "call" and self.positional


@dataclass(frozen=True)
class FormatParameter:
    """How a request asks for a format: the value sent per format (None: nothing is sent).

    ``default``: the format an answer comes in when the request asks for none it knows.
    """

    name: str
    values: tuple[tuple[str, str | None], ...]
    default: str

    def value(self, format: str) -> str | None:
        return dict(self.values).get(format)


@dataclass(frozen=True)
class ErrorShape:
    """Where an answer says it failed: ``ret``/``msg`` in every answer (``ret`` 0 is
    success), or ``error``/``error_description`` only in failures (oauth)."""

    name: str
    code_field: str
    message_field: str

    def is_failure(self, fields: dict[str, str]) -> bool:
        """Whether an answer with these top-level fields (as text) reports a failure."""
        if self.name == "ret":
            return int(fields[self.code_field]) != 0
        return self.code_field in fields


ERROR_SHAPES = {"ret": ErrorShape("ret", "ret", "msg"),
                "oauth": ErrorShape("oauth", "error", "error_description")}


@dataclass(frozen=True)
class SpecEndpoint:
    """One endpoint as the spec describes it, the defaults of the spec format applied.

    ``formats``: what a call may ask for (the first is the method's default); ``encodings``:
    every encoding an answer may come in, whatever was asked. ``parameters`` in the order
    the request sends them, api.yaml's common ones first unless the endpoint opts out.
    """

    name: str
    path: str
    methods: tuple[str, ...]
    formats: tuple[str, ...]
    examples: tuple[Example, ...]
    fields: tuple[SpecField, ...] = ()
    encodings: tuple[str, ...] = ()
    format_parameter: FormatParameter = FormatParameter("format", (), "json")
    errors: ErrorShape = ERROR_SHAPES["ret"]
    retry_safe: bool = True
    base_url: str = ""  # "" when the endpoint lives on the API's host
    parameters: tuple[SpecParameter, ...] = ()

    def example(self, name: str, format: str) -> bytes:
        found = [e.body for e in self.examples if (e.name, e.format) == (name, format)]
        assert len(found) == 1, f"{self.name}: {len(found)} examples named {name!r} in {format}"
        return found[0]

    def has_example(self, name: str, format: str) -> bool:
        return any((e.name, e.format) == (name, format) for e in self.examples)

    def answer_format(self, sent: Mapping[str, str]) -> str:
        """The format the service answers a request with these parameters in."""
        asked = sent.get(self.format_parameter.name)
        for format in self.formats:
            value = self.format_parameter.value(format)
            if value is not None and value == asked:
                return format
        return self.format_parameter.default

    def takes(self, sent: Mapping[str, str]) -> bool:
        """Whether a request with these parameters is for this endpoint: its fixed values
        match (two endpoints may share a path, told apart by ``grant_type``)."""
        return all(sent.get(p.name) == p.value for p in self.parameters if p.source == "fixed")

    def __str__(self) -> str:
        return self.name


def _parameter(data: dict[str, Any], positional: bool | None = None) -> SpecParameter:
    return SpecParameter(
        name=data["name"], source=data.get("source", "call"), type=data.get("type", "string"),
        required=data.get("required", True),
        positional=data.get("positional", False) if positional is None else positional,
        secret=data.get("secret", False), value=str(data.get("value", "")),
        check=data.get("check", ""), choices=tuple(data.get("choices", ())))


def load_api(spec: Path = SPEC) -> dict[str, Any]:
    """``api.yaml`` as data."""
    api: dict[str, Any] = yaml.safe_load((spec / "api.yaml").read_text(encoding="utf-8"))
    return api


def load_endpoints(spec: Path = SPEC) -> tuple[SpecEndpoint, ...]:
    """Every endpoint ``api.yaml`` lists, with its example files read as bytes."""
    endpoints = []
    api = load_api(spec)
    # The common parameters come first in every method that takes them, positionally.
    common = tuple(_parameter(p, positional=True) for p in api.get("common_parameters", ()))
    shared = api["transport"]["format_parameter"]
    # The API's format parameter: exactly its xml value gives XML, anything else the default.
    shared_values = {shared["default"]: shared["default"], "xml": shared["xml_value"]}
    for relative in api["endpoints"]:
        path = spec / relative
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        formats = tuple(f.lower() for f in data["formats"])
        if "format_parameter" in data:
            values = data["format_parameter"]["values"]
            unsent = [f for f in formats if values.get(f) is None]
            format_parameter = FormatParameter(
                data["format_parameter"]["name"], tuple((f, values.get(f)) for f in formats),
                unsent[0] if unsent else formats[0])
        else:
            format_parameter = FormatParameter(
                shared["name"], tuple((f, shared_values.get(f)) for f in formats),
                shared["default"])
        examples = tuple(Example(item["name"], item["format"],
                                 (path.parent / item["file"]).read_bytes())
                         for item in data["examples"])
        fields = tuple(SpecField(item["name"], item["wire_type"], item["kind"],
                                 bool(item.get("marks_degraded", False)),
                                 item.get("source", "documented"), item.get("sensitive", ""),
                                 bool(item.get("marks_expiry", False)))
                       for item in data["response"]["fields"])
        own = tuple(_parameter(p) for p in data.get("parameters") or ())
        endpoints.append(SpecEndpoint(
            name=data["name"], path=data["path"],
            methods=tuple(m.upper() for m in data["methods"]),
            formats=formats,
            examples=examples, fields=fields,
            encodings=tuple(e.lower() for e in data.get("encodings", formats)),
            format_parameter=format_parameter,
            errors=ERROR_SHAPES[data.get("errors", "ret")],
            retry_safe=data.get("retry", "safe") == "safe",
            base_url=data.get("base_url", ""),
            parameters=(common if data.get("common_parameters", True) else ()) + own))
    return tuple(endpoints)


@dataclass(frozen=True)
class SpecBrowserUrl:
    """A step of the login in the user's browser (api.yaml ``browser_urls``): the client
    builds its URL and never fetches it."""

    name: str
    path: str
    parameters: tuple[SpecParameter, ...]

    def __str__(self) -> str:
        return self.name


def load_browser_urls(spec: Path = SPEC) -> tuple[SpecBrowserUrl, ...]:
    """Every browser URL ``api.yaml`` lists."""
    urls = []
    for relative in load_api(spec).get("browser_urls") or ():
        data = yaml.safe_load((spec / relative).read_text(encoding="utf-8"))
        urls.append(SpecBrowserUrl(data["name"], data["path"],
                                   tuple(_parameter(p) for p in data["parameters"])))
    return tuple(urls)


def load_examples(spec: Path = SPEC) -> dict[str, dict[str, bytes]]:
    """Per endpoint path: ``{<format>: success body, <name>.<format>: ...}``, every encoding.

    Where endpoints share a path, the first listed wins a name they share.
    """
    examples: dict[str, dict[str, bytes]] = {}
    for endpoint in load_endpoints(spec):
        bodies = examples.setdefault(endpoint.path, {})
        for example in endpoint.examples:
            bodies.setdefault(f"{example.name}.{example.format}", example.body)
            if example.name == "success":
                bodies.setdefault(example.format, example.body)
    return examples


def endpoint_for(endpoints: Iterable[SpecEndpoint], path: str,
                 sent: Mapping[str, str]) -> SpecEndpoint | None:
    """The endpoint a request is for: by path, then by fixed values; the first at the path
    when none matches."""
    at_path = [endpoint for endpoint in endpoints if endpoint.path == path]
    return next((e for e in at_path if e.takes(sent)), at_path[0] if at_path else None)


def default_body(endpoint: SpecEndpoint, sent: Mapping[str, str]) -> bytes:
    """The success example in the format the request asks for (the endpoint's way)."""
    format = endpoint.answer_format(sent)
    return endpoint.example("success", format) if endpoint.has_example("success", format) \
        else b""


@dataclass
class _State:
    examples: dict[str, dict[str, bytes]]
    endpoints: tuple[SpecEndpoint, ...] = ()
    scripts: dict[str, collections.deque[Fault]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    served: int = 0
    record: bool = True
    open_connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    flow: LoginFlow | None = None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so clients can reuse connections
    disable_nagle_algorithm = True  # headers and body leave at once, not 40 ms apart
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def handle(self) -> None:  # one call per client connection
        self._count_connection(+1)
        try:
            # A client that gives up on a body resets the connection (unread data): normal here.
            with contextlib.suppress(ConnectionResetError):
                super().handle()
        finally:
            self._count_connection(-1)

    def _count_connection(self, delta: int) -> None:
        with self.server.state.lock:
            self.server.state.open_connections += delta

    def do_GET(self) -> None:
        self._answer(b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(self.rfile.read(length))

    def _answer(self, body: bytes) -> None:
        state = self.server.state
        url = urlsplit(self.path)
        recorded = Recorded(self.command, url.path, url.query, dict(self.headers.items()), body,
                            self.client_address[1], self.path, tuple(self.headers.items()))
        with state.lock:
            state.served += 1
            if state.record:
                state.requests.append(recorded)
            script = state.scripts.get(url.path)
            fault = script.popleft() if script else None
        sent = dict(parse_qsl(url.query) + parse_qsl(body.decode("utf-8", "replace")))
        endpoint = endpoint_for(state.endpoints, url.path, sent)
        if endpoint is None and not (state.flow and state.flow.serves(url.path)):
            fault = Answer(b'{"ret":-9,"msg":"api not exist"}')
        default = Answer(default_body(endpoint, sent) if endpoint else b"")
        # Asked only when its answer is sent (even if delayed or cut short): a scripted
        # answer stands for a request the service never processed.
        if state.flow is not None and _sends_default(fault):
            default = self._ask_flow(state.flow, url.path, url.query, body) or default
        try:
            self._perform(fault, default)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    @staticmethod
    def _ask_flow(flow: LoginFlow, path: str, query: str, body: bytes) -> Answer | None:
        """The flow's answer; None leaves the request to the examples."""
        pairs = parse_qsl(query, keep_blank_values=True)
        pairs += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        reply = flow.answer(path, pairs)
        return None if reply is None else Answer(reply.body, reply.status, reply.headers)

    def _perform(self, fault: Fault | None, default: Answer) -> None:
        if isinstance(fault, Delay):
            time.sleep(fault.seconds)
            fault = fault.then
        if isinstance(fault, Raw):
            self.wfile.write(fault.data)
            self.close_connection = True
            return
        if isinstance(fault, Reset | Stall) and fault.keep is None:
            self._hang_up(fault)
            return
        answer = fault if isinstance(fault, Answer) else (
            getattr(fault, "then", None) or default)
        if isinstance(fault, Drip):
            self._drip(fault, answer)
            return
        self.send_response(answer.status)
        self.send_header("Content-Type", CONTENT_TYPE)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        if isinstance(fault, Truncate | Reset | Stall):
            self.wfile.write(answer.body[: fault.keep])
            self.wfile.flush()
            self._hang_up(fault)
            return
        self.wfile.write(answer.body)

    def _hang_up(self, fault: Truncate | Reset | Stall) -> None:
        """Close (Truncate), reset (Reset), or wait for the client to close first (Stall)."""
        if isinstance(fault, Stall):
            # Readable once the client closes its end (or sends more): then stop waiting.
            select.select([self.connection], [], [], fault.seconds)
        if isinstance(fault, Reset):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True

    def _drip(self, fault: Drip, answer: Answer) -> None:
        lines = [f"HTTP/1.1 {answer.status} {self.responses[answer.status][0]}",
                 f"Content-Type: {CONTENT_TYPE}", f"Content-Length: {len(answer.body)}",
                 *(f"{name}: {value}" for name, value in answer.headers)]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        dripped = head + answer.body if fault.headers else answer.body
        if not fault.headers:
            self.wfile.write(head)
        for index in range(len(dripped)):
            self.wfile.write(dripped[index:index + 1])
            self.wfile.flush()
            time.sleep(fault.interval)


def _sends_default(fault: Fault | None) -> bool:
    """Whether the answer to a request with this fault is the default one."""
    if isinstance(fault, Answer | Raw) or (isinstance(fault, Reset | Stall) and fault.keep is None):
        return False
    return getattr(fault, "then", None) is None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512
    state: _State


class FakeGraph:
    """The fake service; ``url`` is its base URL once started."""

    def __init__(self, port: int = 0, spec: Path = SPEC, flow: LoginFlow | None = None) -> None:
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.state = _State(load_examples(spec), load_endpoints(spec), flow=flow)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        kwargs={"poll_interval": 0.05})

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def flow(self) -> LoginFlow | None:
        return self._server.state.flow

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

    def unconsumed(self) -> list[tuple[str, Fault]]:
        """The scripted faults no request has used yet, with their paths."""
        with self._server.state.lock:
            return [(path, fault) for path, script in self._server.state.scripts.items()
                    for fault in script]

    @property
    def open_connections(self) -> int:
        """How many client connections are open right now."""
        with self._server.state.lock:
            return self._server.state.open_connections

    def wait_for_open_connections(self, count: int, timeout: float = 2.0) -> int:
        """Wait until exactly ``count`` client connections are open; return the final count."""
        deadline = time.monotonic() + timeout
        while self.open_connections != count and time.monotonic() < deadline:
            time.sleep(0.005)
        return self.open_connections

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
    parser.add_argument("--flow", action="store_true",
                        help="also serve the login flow (/oauth2.0/...) with one demo app")
    arguments = parser.parse_args()
    with FakeGraph(arguments.port, flow=demo_flow() if arguments.flow else None) as graph:
        # Scripts read the URL as the fourth word of this first line.
        print(f"fake graph.qq.com at {graph.url} (Ctrl-C stops)", flush=True)
        if arguments.flow:
            print(f"login flow: client_id {DEMO_APP.app_id}, client_secret {DEMO_APP.app_key}, "
                  f"redirect_uri under {DEMO_APP.redirect_prefix}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()

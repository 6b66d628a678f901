# Copied from generator/runtime/testing/_server.py; do not edit here: edit that file and run `make generate`.
"""The mock graph.qq.com over HTTP, for code that calls it by URL (``base_url=``).

``GraphServer`` serves a mock on 127.0.0.1 from a thread, for tests; ``main`` is
``python -m qq_connect.testing``, which serves one until Ctrl-C. Both answer through the
mock's own ``answer_for``, so HTTP and ``MockTransport`` answers are the same.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self

import httpx

from ._graph import BaseMockGraph

__all__ = ["GraphServer", "main"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_STOP_SECONDS = 5.0
_POLL_SECONDS = 0.05  # how soon close() stops the serving thread


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # an idle keep-alive connection never holds up the exit

    def __init__(self, address: tuple[str, int], graph: BaseMockGraph, verbose: bool) -> None:
        super().__init__(address, _Handler)
        self.graph = graph
        self.verbose = verbose


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as httpx expects
    disable_nagle_algorithm = True  # headers and body leave at once, not 40 ms apart
    server: _Server

    def do_GET(self) -> None:
        self._answer()

    do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        content = self.rfile.read(length) if length > 0 else b""
        # Only the path and parameters choose the answer; the host is kept for the record.
        host = self.headers.get("Host") or "{}:{}".format(*self.server.socket.getsockname())
        request = httpx.Request(self.command, f"http://{host}{self.path}",
                                headers=list(self.headers.items()), content=content)
        status, headers, body = self.server.graph.answer_for(request)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # The request line carries tokens and codes: only the path is ever shown.
        if self.server.verbose:
            path = self.path.split("?", 1)[0]
            print(f"{self.command} {path} -> {code}", file=sys.stderr, flush=True)

    def log_message(self, format: str, *args: object) -> None:
        pass  # errors too may quote the request line


class GraphServer:
    """``graph`` served over HTTP from a thread: ``with GraphServer(graph) as server:
    QQConnect(app_id=..., base_url=server.base_url)``. Port 0 takes a free port."""

    def __init__(self, graph: BaseMockGraph, host: str = DEFAULT_HOST, port: int = 0,
                 *, verbose: bool = False) -> None:
        self.graph = graph
        self._server = _Server((host, port), graph, verbose)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """What to pass as ``base_url``: every endpoint is found there by its path."""
        host, port = self._server.socket.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"

    def start(self) -> Self:
        if self._thread is None:
            self._thread = threading.Thread(target=self._server.serve_forever,
                                            args=(_POLL_SECONDS,), name="mock-graph",
                                            daemon=True)
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (Ctrl-C); ``close()`` afterwards."""
        self._server.serve_forever()

    def close(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(_STOP_SECONDS)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def _parser(graph: BaseMockGraph) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m qq_connect.testing",
        description="An offline fake of graph.qq.com, answering the spec's examples "
                    "(every endpoint's success example unless --answer says otherwise).")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on; 0 takes a free one (default {DEFAULT_PORT})")
    parser.add_argument("--answer", action="append", default=[], metavar="ENDPOINT=OUTCOME",
                        help="what an endpoint answers every time: a return code "
                             "(get_vip_info=100013), an example's name, drift or malformed; "
                             f"repeatable. Endpoints: {', '.join(graph.endpoints)}")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    return parser


def _choose(graph: BaseMockGraph, choice: str) -> None:
    """Apply one ``--answer ENDPOINT=OUTCOME``; ValueError says what is wrong."""
    endpoint, separator, outcome = choice.partition("=")
    if not separator or not outcome:
        raise ValueError(f"--answer {choice!r}: write ENDPOINT=OUTCOME")
    code = outcome.removeprefix("-")
    if code.isdigit():
        graph.answer(endpoint, error=int(outcome), always=True)
    else:
        graph.answer(endpoint, outcome, always=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _stop_on_signals() -> None:
    """Ctrl-C stops the server even when the shell started it with SIGINT ignored (a
    background job); SIGTERM stops it the same way."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _interrupt)


def main(graph_class: type[BaseMockGraph], argv: Sequence[str] | None = None) -> int:
    """Serve a ``graph_class`` mock until Ctrl-C (or SIGTERM); print the base URL first."""
    graph = graph_class()
    parser = _parser(graph)
    arguments = parser.parse_args(argv)
    for choice in arguments.answer:
        try:
            _choose(graph, choice)
        except (TypeError, ValueError) as error:
            parser.error(str(error))
    try:
        server = GraphServer(graph, arguments.host, arguments.port, verbose=not arguments.quiet)
    except OSError as error:
        print(f"cannot listen on {arguments.host}:{arguments.port}: {error.strerror}",
              file=sys.stderr)
        return 1
    _stop_on_signals()
    try:
        print(f"Mock graph.qq.com at {server.base_url} (Ctrl-C stops it); "
              f'use QQConnect(..., base_url="{server.base_url}")', flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr, flush=True)
    finally:
        server.close()
    return 0

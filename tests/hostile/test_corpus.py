"""The attack corpus: one file per attack, run through the parsers and the contract check.

``corpus/refused/*``: the client raises a DecodeError (never another type, never a
result) and the contract check reports an error. ``corpus/tolerated/*``: harmless
oddities that parse (to a result, or to the ApiError of their ``ret``) with no error
finding. ``WATCHPORT`` in a file is a port on 127.0.0.1 that must see no request.
"""

from __future__ import annotations

import threading
import tracemalloc
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

import qq_connect
from qq_connect._check import check_body
from qq_connect._contracts import CONTRACTS
from qq_connect._xml import XMLRefused, parse_xml
from qq_connect.endpoints import GET_VIP_INFO

CORPUS = Path(__file__).parent / "corpus"
REFUSED = sorted((CORPUS / "refused").iterdir())
TOLERATED = sorted((CORPUS / "tolerated").iterdir())
# Guards against blow-ups (entity expansion, quadratic growth), far above what any case
# needs. Bounded in memory, not in time: nothing in `make test` asserts a time.
MAX_PEAK_BYTES = 64 * 1024 * 1024


class _Watch(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "3")
        self.end_headers()
        self.wfile.write(b"lol")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def watch() -> Iterator[tuple[int, list[str]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Watch)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], _Watch.hits
    server.shutdown()
    server.server_close()


def load(path: Path, port: int) -> bytes:
    return path.read_bytes().replace(b"WATCHPORT", str(port).encode())


def bounded(action: Callable[[], object]) -> object:
    """Run ``action()``; its result or exception, after checking its peak memory."""
    tracemalloc.start()
    try:
        return action()
    except Exception as error:  # the caller judges the type
        return error
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert peak < MAX_PEAK_BYTES, peak


def test_the_corpus_is_there() -> None:
    assert len(REFUSED) >= 30 and len(TOLERATED) >= 10


@pytest.mark.parametrize("path", REFUSED, ids=lambda p: p.name)
def test_refused_attacks(path: Path, watch: tuple[int, list[str]]) -> None:
    port, hits = watch
    body = load(path, port)
    outcome = bounded(lambda: GET_VIP_INFO.parse(body))
    assert isinstance(outcome, qq_connect.DecodeError), repr(outcome)
    assert outcome.endpoint == "get_vip_info"
    findings = bounded(lambda: check_body(CONTRACTS["get_vip_info"], body, path.suffix[1:]))
    assert isinstance(findings, list) and any(f.kind == "error" for f in findings), findings
    assert hits == []


@pytest.mark.parametrize("path", TOLERATED, ids=lambda p: p.name)
def test_tolerated_oddities(path: Path, watch: tuple[int, list[str]]) -> None:
    port, hits = watch
    body = load(path, port)
    outcome = bounded(lambda: GET_VIP_INFO.parse(body))
    assert isinstance(outcome, qq_connect.VipInfo | qq_connect.ApiError), repr(outcome)
    findings = bounded(lambda: check_body(CONTRACTS["get_vip_info"], body, path.suffix[1:]))
    assert isinstance(findings, list) and not any(f.kind == "error" for f in findings), findings
    assert hits == []


def test_duplicate_keys_last_wins_and_is_reported() -> None:
    body = (CORPUS / "tolerated" / "json_duplicate_keys_last_wins.json").read_bytes()
    assert GET_VIP_INFO.parse(body).is_qq_vip is True
    findings = check_body(CONTRACTS["get_vip_info"], body, "json")
    assert [(f.kind, f.pointer, f.message) for f in findings if "duplicate" in f.message] == [
        ("drift", "/is_qq_vip", "duplicate key: the last value wins")]


def test_cdata_and_entities_in_msg_are_text() -> None:
    body = (CORPUS / "tolerated" / "xml_cdata_msg.xml").read_bytes()
    assert parse_xml(body, "data")["msg"] == "请先登录 <b>&amp;</b>"
    assert parse_xml(b"<data><msg>a &lt; &amp; b</msg></data>", "data")["msg"] == "a < & b"


def test_entity_attacks_never_reach_the_network(watch: tuple[int, list[str]]) -> None:
    port, hits = watch
    for path in REFUSED:
        if b"WATCHPORT" in path.read_bytes():
            with pytest.raises(XMLRefused):
                parse_xml(load(path, port), "data")
    httpx.get(f"http://127.0.0.1:{port}/alive")  # the watch itself works
    assert hits == ["/alive"]
    hits.clear()


def test_a_document_far_larger_than_any_answer_is_cut_off_while_reading() -> None:
    seed = (CORPUS / "tolerated" / "xml_large_document.xml").read_bytes()
    served: list[int] = []

    def chunks() -> Iterator[bytes]:
        yield seed[: seed.index(b"</data>")]
        while True:
            served.append(1)
            yield b"<filler>" + b"x" * 65536 + b"</filler>"

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=chunks()))
    with qq_connect.QQConnect("1", transport=transport, max_body_bytes=256 * 1024) as client, \
            pytest.raises(qq_connect.ResponseTooLargeError):
        client.get_vip_info("token", "openid", format="xml")
    assert len(served) <= 5

"""The attack corpus: one file per attack, run through the parsers and the contract check.

``corpus/refused/<endpoint>/*``: the endpoint's client parser raises a DecodeError (never
another type, never a result) and the contract check reports an error.
``corpus/tolerated/<endpoint>/*``: harmless oddities that parse (to the endpoint's result,
or to the ApiError of its error code) with no error finding. The extension is the format
the check judges the body as (.json, .xml, .jsonp, .form); the client decodes by the body.
``WATCHPORT`` in a file is a port on 127.0.0.1 that must see no request.
The check command, reading the corpus as a user's captures, gives the same verdicts, and
applies the client's body limit.
"""

from __future__ import annotations

import inspect
import json
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

import qq_connect
from qq_connect._check import Finding, check_body
from qq_connect._contracts import CONTRACTS
from qq_connect._xml import XMLRefused, parse_xml
from qq_connect.check import main as check_main
from tests.contract.from_spec import ENDPOINTS, NAMES, endpoint, parser

CORPUS = Path(__file__).parent / "corpus"
REFUSED = sorted((CORPUS / "refused").glob("*/*"))
TOLERATED = sorted((CORPUS / "tolerated").glob("*/*"))
# Guards against blow-ups (entity expansion, quadratic growth), far above what any case
# needs. Bounded in memory, not in time: nothing in `make test` asserts a time.
MAX_PEAK_BYTES = 64 * 1024 * 1024


def attack_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


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


def judged(path: Path, port: int) -> tuple[object, object]:
    """What the endpoint's client parser and the contract check make of the attack."""
    name, body = path.parent.name, load(path, port)
    outcome = bounded(lambda: parser(name).parse(body))
    findings = bounded(lambda: check_body(CONTRACTS[name], body, path.suffix[1:]))
    return outcome, findings


def errors(findings: object) -> list[Finding]:
    assert isinstance(findings, list), findings
    return [f for f in findings if f.kind == "error"]


def test_the_corpus_is_there() -> None:
    assert len(REFUSED) >= 30 and len(TOLERATED) >= 10
    # Folders name endpoints of the spec; extensions name formats the check knows.
    assert {p.parent.name for p in REFUSED + TOLERATED} <= set(NAMES)
    assert {p.suffix for p in REFUSED + TOLERATED} <= {".json", ".xml", ".jsonp", ".form"}
    # Every encoding and every error shape of the spec is attacked, and tolerated.
    for attacks in (REFUSED, TOLERATED):
        encodings = {(endpoint(p.parent.name).errors.name, p.suffix[1:]) for p in attacks}
        for e in ENDPOINTS:
            for format in e.encodings:
                assert (e.errors.name, format) in encodings, (e.errors.name, format)


@pytest.mark.parametrize("path", REFUSED, ids=attack_id)
def test_refused_attacks(path: Path, watch: tuple[int, list[str]]) -> None:
    port, hits = watch
    outcome, findings = judged(path, port)
    assert isinstance(outcome, qq_connect.DecodeError), repr(outcome)
    assert outcome.endpoint == path.parent.name
    assert errors(findings), findings
    assert hits == []


@pytest.mark.parametrize("path", TOLERATED, ids=attack_id)
def test_tolerated_oddities(path: Path, watch: tuple[int, list[str]]) -> None:
    port, hits = watch
    outcome, findings = judged(path, port)
    result_class = endpoint(path.parent.name).result_class
    assert isinstance(outcome, qq_connect.ApiError) or (
        type(outcome).__name__ == result_class), repr(outcome)
    assert errors(findings) == [], findings
    assert hits == []


def tolerated(endpoint_name: str, name: str) -> tuple[Any, list[tuple[str, str, str]]]:
    """The outcome of one tolerated attack, and its findings as (kind, pointer, message)."""
    path = CORPUS / "tolerated" / endpoint_name / name
    outcome, findings = judged(path, 0)
    assert isinstance(findings, list)
    return outcome, [(f.kind, f.pointer, f.message) for f in findings]


def test_duplicate_keys_last_wins_and_is_reported() -> None:
    outcome, findings = tolerated("get_vip_info", "json_duplicate_keys_last_wins.json")
    assert outcome.is_qq_vip is True
    assert [f for f in findings if "duplicate" in f[2]] == [
        ("drift", "/is_qq_vip", "duplicate key: the last value wins")]


def test_a_json_number_where_a_numeric_string_is_documented_is_drift() -> None:
    outcome, findings = tolerated("get_user_info", "json_flags_as_json_numbers.json")
    assert outcome.is_yellow_vip is True
    assert findings == [("drift", "/is_yellow_vip",
                         "number sent as a JSON number where the page documents a string")]
    as_strings, clean = tolerated("get_user_info", "json_string_flags.json")
    assert clean == [] and as_strings == outcome
    outcome, findings = tolerated("exchange_code", "json_expires_in_as_number.json")
    assert outcome.expires_in.days == 90
    assert findings == [("drift", "/expires_in",
                         "number sent as a JSON number where the page documents a string")]


def test_oauth_errors_name_their_code_whatever_its_wire_form() -> None:
    for name, drift in (("oauth_error_as_numeric_string.jsonp", [
            ("drift", "/error", "number sent as a numeric string")]),
            ("oauth_error_integral_float.jsonp", []), ("oauth_error_trailing_space.jsonp", [])):
        outcome, findings = tolerated("get_openid", name)
        assert isinstance(outcome, qq_connect.ApiError), name
        assert outcome.code_field == "error" and outcome.code in (100013, 100001), name
        assert findings == drift, name
    outcome, _ = tolerated("get_openid", "oauth_error_trailing_space.jsonp")
    assert outcome.msg == "param client_id is wrong or lost "


def test_the_real_token_and_openid_bodies_read_as_documented() -> None:
    token, findings = tolerated("exchange_code", "form_token.form")
    assert findings == [] and token.refresh_token.get_secret_value().startswith("9B1D")
    assert token == tolerated("exchange_code", "form_trailing_newline.form")[0]
    assert token == tolerated("exchange_code", "form_bom.form")[0]
    encoded, _ = tolerated("exchange_code", "form_percent_encoded.form")
    assert encoded.access_token.get_secret_value() == "3F2A+9C4D/7E1B="
    assert encoded.refresh_token.get_secret_value() == "a b小"
    me, findings = tolerated("get_openid", "jsonp_me.jsonp")
    assert findings == [] and me.openid == "805CFCB3AFEA40CA7CE4B6D8A8668793"
    for variant in ("jsonp_tight_without_semicolon.jsonp", "jsonp_spaced_crlf.jsonp",
                    "jsonp_bom.jsonp", "json_fmt_json.json"):
        assert tolerated("get_openid", variant) == (me, []), variant
    with_unionid, _ = tolerated("get_openid", "jsonp_me_with_unionid.jsonp")
    assert with_unionid.unionid == "UID_6F0C1B7E2A9D4E38B5C7A1F2D3E4B5C6"


def test_cdata_and_entities_in_msg_are_text() -> None:
    body = (CORPUS / "tolerated" / "get_vip_info" / "xml_cdata_msg.xml").read_bytes()
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
    seed = (CORPUS / "tolerated" / "get_vip_info" / "xml_large_document.xml").read_bytes()
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


def test_the_check_command_agrees_on_the_whole_corpus(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Read as captures are: the endpoint from the folder, the format from the extension.
    report = tmp_path / "report.json"
    code = check_main([str(CORPUS / "refused"), str(CORPUS / "tolerated"), "--json", str(report)])
    capsys.readouterr()
    assert code == 1
    data = json.loads(report.read_text("utf-8"))
    assert data["summary"]["captures"] == len(REFUSED) + len(TOLERATED)
    erroneous = {entry["capture"] for entry in data["captures"] if entry["verdict"] == "error"}
    assert erroneous == {str(path) for path in REFUSED}


@pytest.mark.parametrize("extra", [0, 1], ids=["at the limit", "one byte over"])
def test_the_client_and_the_check_share_the_body_limit(
        extra: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    limit = inspect.signature(qq_connect.QQConnect).parameters["max_body_bytes"].default
    answer = b'{"ret": 1002, "msg": "x"}'
    body = answer + b" " * (limit - len(answer) + extra)
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    with qq_connect.QQConnect("1", transport=transport) as client, \
            pytest.raises(qq_connect.QQConnectError) as raised:
        client.get_vip_info("token", "openid")
    capture = tmp_path / "get_vip_info" / "answer.json"
    capture.parent.mkdir()
    capture.write_bytes(body)
    code = check_main([str(capture)])
    out = capsys.readouterr().out
    if extra:
        assert isinstance(raised.value, qq_connect.ResponseTooLargeError)
        assert code == 1 and f"the body is over {limit} bytes" in out
    else:
        assert isinstance(raised.value, qq_connect.ApiError)
        assert code == 0, out

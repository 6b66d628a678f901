"""The login endpoints' constructs, generated from YAML alone and used in a fresh interpreter.

See ``login_spec.py`` for the made-up endpoint; every check runs the generated package
in a subprocess over ``httpx.MockTransport`` (no network).
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import generate
from generator.write import write
from tests.generator.login_spec import TICKET, TICKET_FILE, make_login_spec
from tests.generator.problems import assert_problem, only_problem
from tests.generator.spec_builder import PYPROJECT, ROOT, run_json


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("login")
    target = base / "generated"
    write(generate(make_login_spec(base)), target)
    return target


PRELUDE = """\
import json, logging
from datetime import timedelta
import httpx
import qq_connect
from qq_connect import QQConnect, RetryPolicy
from qq_connect.endpoints import GET_TICKET
sent = []
answers = []
def answer(request):
    sent.append((request.method, str(request.url), request.content.decode()))
    status, body = answers.pop(0)
    return httpx.Response(status, content=body.encode())
def client(**options):
    http = httpx.Client(transport=httpx.MockTransport(answer))
    return QQConnect("1011", app_key="APPKEY-7", http_client=http, **options)
"""


def run(out: Path, body: str) -> Any:
    return run_json(out, PRELUDE + body)


def test_a_form_answer_becomes_a_typed_result_with_its_secrets_hidden(out: Path) -> None:
    seen = run(out, """
answers.append((200, "ticket=TK-1&lifetime=3600&owner=OWNER-9&is_new=1"))
with client() as c:
    ticket = c.get_ticket("VOUCHER-5", note="hi", verbose=True, tags=["a", "b"], size=3)
print(json.dumps({
    "class": type(ticket).__name__, "repr": repr(ticket), "str": str(ticket),
    "ticket": ticket.ticket.get_secret_value(), "lifetime": ticket.lifetime.total_seconds(),
    "expires": (ticket.expires_at - ticket.received_at).total_seconds(),
    "aware": ticket.expires_at.utcoffset() is not None, "owner": ticket.owner,
    "placeholder": [ticket.is_placeholder, GET_TICKET.parse(
        b"ticket=T&lifetime=1&owner=nobody&is_new=0").is_placeholder],
    "is_new": ticket.is_new, "rank": ticket.rank, "sent": sent}))
""")
    assert seen["class"] == "Ticket"
    for shown in (seen["repr"], seen["str"]):
        assert "TK-1" not in shown and "OWNER-9" not in shown
    assert (seen["ticket"], seen["lifetime"], seen["expires"]) == ("TK-1", 3600.0, 3600.0)
    assert seen["aware"] and seen["owner"] == "OWNER-9"
    assert seen["placeholder"] == [False, True]
    assert (seen["is_new"], seen["rank"]) == (True, None)
    [(method, url, content)] = seen["sent"]
    # The spec's own host, POST by default, no fmt for the default format, values in order.
    assert (method, url) == ("POST", "https://tickets.example.com/oauth2.0/ticket")
    assert content == ("grant_type=voucher&client_id=1011&client_secret=APPKEY-7"
                       "&voucher=VOUCHER-5&note=hi&verbose=1&tags=a%2Cb&size=3")


def test_json_is_asked_for_with_the_endpoints_own_format_parameter(out: Path) -> None:
    seen = run(out, """
answers.append((200, '{"ticket":"T","lifetime":"60","owner":"O","is_new":"0","rank":"7"}'))
with client(base_url="http://127.0.0.1:9") as c:
    ticket = c.get_ticket("V", note="n", method="GET", format="json")
print(json.dumps({"rank": ticket.rank, "is_new": ticket.is_new, "url": sent[0][1]}))
""")
    assert seen["rank"] == 7 and seen["is_new"] is False
    # A client's base_url replaces every host; flags left False are not sent at all.
    assert seen["url"] == ("http://127.0.0.1:9/oauth2.0/ticket?grant_type=voucher&client_id=1011"
                           "&client_secret=APPKEY-7&voucher=V&note=n&fmt=json")


def test_an_oauth_error_in_jsonp_raises_the_typed_error_with_secrets_masked(out: Path) -> None:
    seen = run(out, """
answers.append((200, 'callback( {"error":-3,"error_description":"VOUCHER-5 later"} );\\n'))
# -3 is retryable, but a voucher is single use: one request only.
with client(max_retries=RetryPolicy(max_retries=3, initial_delay=0, max_delay=0)) as c:
    try:
        c.get_ticket("VOUCHER-5", note="n")
    except qq_connect.ApiError as error:
        caught = error
print(json.dumps({"class": type(caught).__name__, "code": caught.code, "field": caught.code_field,
                  "text": str(caught) + repr(caught) + caught.msg + repr(caught.request),
                  "requests": len(sent)}))
""")
    assert (seen["class"], seen["code"], seen["field"]) == ("BusyError", -3, "error")
    assert seen["requests"] == 1
    assert "VOUCHER-5" not in seen["text"] and "APPKEY-7" not in seen["text"]
    assert "<redacted>" in seen["text"]


def test_an_unsafe_endpoint_is_not_retried_once_the_request_was_sent(out: Path) -> None:
    seen = run(out, """
answers.extend([(503, "busy"), (200, "ticket=T&lifetime=1&owner=O&is_new=0")])
policy = RetryPolicy(max_retries=3, initial_delay=0, max_delay=0)
with client(max_retries=policy) as c:
    try:
        c.get_ticket("V", note="n")
    except qq_connect.HTTPStatusError as error:
        status = error.status
print(json.dumps({"status": status, "requests": len(sent)}))
""")
    assert seen == {"status": 503, "requests": 1}


def test_the_app_key_is_needed_only_by_calls_that_send_it(out: Path) -> None:
    seen = run(out, """
with QQConnect("1011") as c:
    try:
        c.get_ticket("V", note="n")
    except ValueError as error:
        message = str(error)
    url = c.ticket_url("https://app.example.com/cb", state="s1")
print(json.dumps({"message": message, "url": url}))
""")
    assert "app_key" in seen["message"]
    assert seen["url"] == ("https://widgets.example.test/oauth2.0/ticket_page?response_type=ticket"
                           "&client_id=1011&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb"
                           "&state=s1")


def test_browser_url_arguments_are_checked(out: Path) -> None:
    seen = run(out, """
results = {}
with QQConnect("1011") as c:
    results["full"] = c.ticket_url("https://a.example/cb", state="s", scope=["x", "y"],
                                   display="mobile")
    for name, call in {"relative": lambda: c.ticket_url("/cb", state="s"),
                       "empty_state": lambda: c.ticket_url("https://a.example/cb", state=""),
                       "string_scope": lambda: c.ticket_url("https://a.example/cb", state="s",
                                                            scope="x")}.items():
        try:
            call()
        except (TypeError, ValueError) as error:
            results[name] = type(error).__name__
print(json.dumps(results))
""")
    assert seen["full"].endswith("&state=s&scope=x%2Cy&display=mobile")
    assert (seen["relative"], seen["empty_state"], seen["string_scope"]) == (
        "ValueError", "ValueError", "TypeError")


def test_the_login_shapes_pass_mypy_strict_and_ruff(out: Path, tmp_path: Path) -> None:
    environment = {**os.environ, "MYPYPATH": str(out)}
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(PYPROJECT),
         "--cache-dir", str(tmp_path / "mypy_cache"), "-p", "qq_connect"],
        cwd=out, env=environment, capture_output=True, text=True, check=False, timeout=300)
    settings = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    ignores = [f"--extend-per-file-ignores={out}/**:{code}"
               for code in settings["tool"]["ruff"]["lint"]["per-file-ignores"]["generated/**"]]
    ruff = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "check", "--no-cache",
         "--config", str(PYPROJECT), *ignores, str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


# --- bad login specs: each names the file, the line and the field ---------------------------


def changed(change: Any) -> dict[str, Any]:
    ticket = copy.deepcopy(TICKET)
    change(ticket)
    return ticket


BAD_CASES = {
    "format_not_encoded": (lambda t: t.__setitem__("formats", ["form", "json", "xml"]),
                           "formats[2]", "xml is not one of the encodings"),
    "fixed_without_value": (lambda t: t["parameters"][0].pop("value"),
                            "parameters[0]", "a fixed parameter, and only one, has a value"),
    "app_key_not_secret": (lambda t: t["parameters"][2].pop("secret"),
                           "parameters[2].secret", "the app key is always secret"),
    "required_flag": (lambda t: t["parameters"][5].pop("required"),
                      "parameters[5].required", "a flag is never required"),
    "wrong_error_kind": (lambda t: t["response"]["fields"][0].__setitem__("kind", "integer"),
                         "response.fields", "named 'error', must have kind return_code"),
    "error_always_present": (lambda t: t["response"]["fields"][1].__setitem__(
        "source", "documented"), "response.fields[1].source", "needs source on_error"),
    "expiry_not_duration": (
        lambda t: (t["response"]["fields"][3].pop("marks_expiry"),
                   t["response"]["fields"][5].__setitem__("marks_expiry", True)),
        "response.fields[5].marks_expiry", "only a duration can mark an expiry"),
    "sensitive_number": (lambda t: t["response"]["fields"][5].__setitem__(
        "sensitive", "secret"), "response.fields[5].sensitive", "only a text field"),
    "placeholder_on_a_number": (
        lambda t: (t["response"]["fields"][4].pop("placeholder_value"),
                   t["response"]["fields"][5].__setitem__("placeholder_value", "9")),
        "response.fields[5].placeholder_value",
        "only a documented text field has a placeholder value"),
    "host_without_reason": (lambda t: t.pop("base_url_reason"), "base_url",
                            "say why in base_url_reason"),
    "format_value_unknown": (lambda t: t["format_parameter"]["values"].__setitem__("xml", "xml"),
                             "format_parameter.values.xml", "xml is not one of the formats"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_login_constructs_name_file_line_and_field(tmp_path: Path, case: str) -> None:
    change, location, message = BAD_CASES[case]
    spec = make_login_spec(tmp_path, ticket=changed(change))
    problem = only_problem(spec)
    # The line is the field's own (or its parent's, for a missing key): inside the file.
    lines = (spec / TICKET_FILE).read_text(encoding="utf-8").count("\n")
    assert 1 < problem.line <= lines, problem
    assert_problem(problem, f"spec/{TICKET_FILE}", problem.line, location, message)

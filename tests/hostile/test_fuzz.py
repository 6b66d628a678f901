"""Property tests: random and mutated bodies into the parsers and the contract check.

Every endpoint of the spec takes part, with the formats it offers and its fields' kinds.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qq_connect
from generator.model import Endpoint
from tests.contract.from_spec import ENDPOINTS as SPEC_ENDPOINTS
from tests.contract.from_spec import Finding, findings, parser, to_xml

ENDPOINTS: dict[str, Endpoint] = {e.name: e for e in SPEC_ENDPOINTS}
EXAMPLES = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
DATE_LIMIT = 253402300799  # 9999-12-31T23:59:59Z: later seconds are no datetime

endpoint_names = st.sampled_from(sorted(ENDPOINTS))
TEXT = st.text(max_size=10).filter(lambda text: all(ch.isprintable() for ch in text))


def kind(endpoint: str, name: str) -> str | None:
    return next((f.kind for f in ENDPOINTS[endpoint].fields if f.name == name), None)


def check(endpoint: str, body: bytes, format: str) -> list[Finding]:
    return findings(endpoint, body, format)
scalars = st.one_of(
    st.integers(-(10**20), 10**20), st.integers(-3, 3), st.floats(allow_nan=True),
    st.booleans(), st.none(), st.text(max_size=8),
    st.from_regex(r"-?0*[0-9]{1,12}\n?", fullmatch=True),
)
values = st.one_of(scalars, st.lists(scalars, max_size=2),
                   st.dictionaries(st.text(max_size=3), scalars, max_size=2))


def outcome(endpoint: str, body: bytes) -> str:
    """What the client makes of a body: only documented outcomes are allowed."""
    try:
        parser(endpoint).parse(body)
    except qq_connect.ApiError:
        return "api-error"
    except qq_connect.DecodeError:
        return "refused"
    return "result"


@st.composite
def documents(draw: st.DrawFn, endpoint: str) -> dict[str, Any]:
    names = [f.name for f in ENDPOINTS[endpoint].fields]
    keys = draw(st.lists(st.sampled_from([*names, "extra", "ret", "msg"]), max_size=12))
    document = {key: draw(values) for key in keys}
    if draw(st.booleans()):
        document["ret"] = draw(st.sampled_from([0, "0", 1002, "100030", 0.0, "00"]))
    return document


@st.composite
def valid_documents(draw: st.DrawFn, endpoint: str) -> dict[str, Any]:
    document: dict[str, Any] = {"ret": 0, "msg": draw(TEXT)}
    for rule in ENDPOINTS[endpoint].fields:
        name = rule.name
        if name in document or (not rule.documented and draw(st.booleans())):
            continue
        if rule.kind == "text":
            document[name] = draw(TEXT)
            continue
        if rule.kind == "flag":
            number = draw(st.integers(0, 1))
        elif rule.kind == "integer":
            number = draw(st.integers(-(10**6), 10**6))
        elif rule.kind == "timestamp":
            number = draw(st.integers(0, DATE_LIMIT))
        else:
            number = draw(st.integers(0, 10**6))
        document[name] = str(number) if draw(st.booleans()) else number
    return document


@EXAMPLES
@given(endpoint_names, st.binary(max_size=300))
def test_random_bytes_end_in_documented_outcomes(endpoint: str, body: bytes) -> None:
    outcome(endpoint, body)
    for format in ENDPOINTS[endpoint].formats:
        check(endpoint, body, format)


@EXAMPLES
@given(endpoint_names, st.data())
def test_mutated_examples_end_in_documented_outcomes(endpoint: str, data: st.DataObject) -> None:
    body = bytearray(json.dumps(data.draw(valid_documents(endpoint))).encode())
    if "xml" in ENDPOINTS[endpoint].formats and data.draw(st.booleans()):
        body = bytearray(to_xml(json.loads(body)))
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(body)))
        action = data.draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "flip" and position < len(body):
            body[position] = data.draw(st.integers(0, 255))
        elif action == "insert":
            body[position:position] = data.draw(st.binary(min_size=1, max_size=4))
        else:
            del body[position:position + data.draw(st.integers(1, 8))]
    outcome(endpoint, bytes(body))
    format = "xml" if body.startswith(b"<") and "xml" in ENDPOINTS[endpoint].formats else "json"
    check(endpoint, bytes(body), format)


@EXAMPLES
@given(endpoint_names, st.data())
def test_client_refuses_exactly_what_the_contract_calls_an_error(endpoint: str,
                                                                 data: st.DataObject) -> None:
    document = data.draw(documents(endpoint))
    body = json.dumps(document).encode()
    errors = [f for f in check(endpoint, body, "json") if f.kind == "error"]
    result = outcome(endpoint, body)
    if errors:
        assert result == "refused", (document, errors)
    elif result == "refused":
        # The one stricter place: a timestamp past year 9999 has no datetime.
        assert any(int(value) > DATE_LIMIT for name, value in document.items()
                   if kind(endpoint, name) == "timestamp"), document


@EXAMPLES
@given(endpoint_names, st.data())
def test_valid_bodies_give_the_same_model_from_json_and_xml(endpoint: str,
                                                            data: st.DataObject) -> None:
    document = data.draw(valid_documents(endpoint))
    from_json = parser(endpoint).parse(json.dumps(document).encode())
    if "xml" not in ENDPOINTS[endpoint].formats:
        assert type(from_json).__name__ == ENDPOINTS[endpoint].result_class
        return
    from_xml = parser(endpoint).parse(to_xml(document))
    assert from_json == from_xml
    from_xml_findings = [(f.kind, f.pointer.removeprefix("/data"), f.message)
                         for f in check(endpoint, to_xml(document), "xml")]
    assert from_xml_findings == [
        (f.kind, f.pointer, f.message)
        for f in check(endpoint, json.dumps(document).encode(), "json")
        if f.message != "number sent as a numeric string"]

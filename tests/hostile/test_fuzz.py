"""Property tests: random and mutated bodies into the parsers and the contract check."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qq_connect
from qq_connect._check import check_body
from qq_connect._contracts import CONTRACTS
from qq_connect._response import Endpoint
from qq_connect.endpoints import GET_VIP_INFO, GET_VIP_RICH_INFO
from tests.contract.corpus import to_xml

ENDPOINTS: dict[str, Endpoint[Any, Any]] = {"get_vip_info": GET_VIP_INFO,
                                            "get_vip_rich_info": GET_VIP_RICH_INFO}
EXAMPLES = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
DATE_LIMIT = 253402300799  # 9999-12-31T23:59:59Z: later seconds are no datetime

endpoint_names = st.sampled_from(sorted(ENDPOINTS))
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
        ENDPOINTS[endpoint].parse(body)
    except qq_connect.ApiError:
        return "api-error"
    except qq_connect.DecodeError:
        return "refused"
    return "result"


@st.composite
def documents(draw: st.DrawFn, endpoint: str) -> dict[str, Any]:
    names = list(CONTRACTS[endpoint].fields)
    keys = draw(st.lists(st.sampled_from([*names, "extra", "ret", "msg"]), max_size=12))
    document = {key: draw(values) for key in keys}
    if draw(st.booleans()):
        document["ret"] = draw(st.sampled_from([0, "0", 1002, "100030", 0.0, "00"]))
    return document


@st.composite
def valid_documents(draw: st.DrawFn, endpoint: str) -> dict[str, Any]:
    document: dict[str, Any] = {"ret": 0, "msg": draw(st.text(max_size=10).filter(
        lambda text: all(ch.isprintable() for ch in text)))}
    for name, rule in CONTRACTS[endpoint].fields.items():
        if name in document or (not rule.documented and draw(st.booleans())):
            continue
        if rule.kind == "flag":
            number = draw(st.integers(0, 1))
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
    for format in ("json", "xml"):
        check_body(CONTRACTS[endpoint], body, format)


@EXAMPLES
@given(endpoint_names, st.data())
def test_mutated_examples_end_in_documented_outcomes(endpoint: str, data: st.DataObject) -> None:
    body = bytearray(json.dumps(data.draw(valid_documents(endpoint))).encode())
    if data.draw(st.booleans()):
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
    check_body(CONTRACTS[endpoint], bytes(body), "xml" if body.startswith(b"<") else "json")


@EXAMPLES
@given(endpoint_names, st.data())
def test_client_refuses_exactly_what_the_contract_calls_an_error(endpoint: str,
                                                                 data: st.DataObject) -> None:
    document = data.draw(documents(endpoint))
    body = json.dumps(document).encode()
    errors = [f for f in check_body(CONTRACTS[endpoint], body, "json") if f.kind == "error"]
    result = outcome(endpoint, body)
    if errors:
        assert result == "refused", (document, errors)
    elif result == "refused":
        # The one stricter place: a timestamp past year 9999 has no datetime.
        assert any(CONTRACTS[endpoint].fields[name].kind == "timestamp"
                   and int(value) > DATE_LIMIT for name, value in document.items()
                   if name in CONTRACTS[endpoint].fields
                   and CONTRACTS[endpoint].fields[name].kind == "timestamp"), document


@EXAMPLES
@given(endpoint_names, st.data())
def test_valid_bodies_give_the_same_model_from_json_and_xml(endpoint: str,
                                                            data: st.DataObject) -> None:
    document = data.draw(valid_documents(endpoint))
    parser = ENDPOINTS[endpoint]
    from_json = parser.parse(json.dumps(document).encode())
    from_xml = parser.parse(to_xml(document))
    assert from_json == from_xml
    from_xml_findings = [(f.kind, f.pointer.removeprefix("/data"), f.message)
                         for f in check_body(CONTRACTS[endpoint], to_xml(document), "xml")]
    assert from_xml_findings == [
        (f.kind, f.pointer, f.message)
        for f in check_body(CONTRACTS[endpoint], json.dumps(document).encode(), "json")
        if f.message != "number sent as a numeric string"]

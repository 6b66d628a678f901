"""Property tests: random and mutated bodies into the parsers and the contract check.

Every endpoint of the spec takes part, with the encodings it declares, its error shape and
its fields' kinds and wire types.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qq_connect
from generator.model import Endpoint
from tests.bodies import JSON_LIKE
from tests.contract.from_spec import ENDPOINTS as SPEC_ENDPOINTS
from tests.contract.from_spec import Finding, encode, findings, parser

ENDPOINTS: dict[str, Endpoint] = {e.name: e for e in SPEC_ENDPOINTS}
EXAMPLES = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])
# The client types what the schema only bounds below: past these, no datetime or timedelta.
DATE_LIMIT = 253402300799  # 9999-12-31T23:59:59Z
DURATION_LIMIT = timedelta.max // timedelta(seconds=1)
LIMITS = {"timestamp": DATE_LIMIT, "duration": DURATION_LIMIT}
WIRE_TYPE_DRIFT = ("number sent as a numeric string",
                   "number sent as a JSON number where the page documents a string")

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


def encodings(endpoint: str) -> st.SearchStrategy[str]:
    return st.sampled_from(ENDPOINTS[endpoint].encodings)


@st.composite
def documents(draw: st.DrawFn, endpoint: str) -> dict[str, Any]:
    shape = ENDPOINTS[endpoint].errors
    names = [f.name for f in ENDPOINTS[endpoint].fields]
    keys = draw(st.lists(st.sampled_from([*names, "extra", shape.code_field,
                                          shape.message_field]), max_size=12))
    document = {key: draw(values) for key in keys}
    if draw(st.booleans()):
        document[shape.code_field] = draw(st.sampled_from(
            [0, "0", 1002, "100030", 0.0, "00", 100019, "abc", 1.5]))
    return document


@st.composite
def valid_documents(draw: st.DrawFn, endpoint: str) -> dict[str, Any]:
    """A success in the endpoint's error shape; numbers as numbers or numeric strings."""
    shape = ENDPOINTS[endpoint].errors
    document: dict[str, Any] = (
        {shape.code_field: 0, shape.message_field: draw(TEXT)} if shape.always_present else {})
    for rule in ENDPOINTS[endpoint].fields:
        name = rule.name
        if name in document or rule.presence == "on_error" or (
                not rule.documented and draw(st.booleans())):
            continue
        if rule.kind == "text":
            document[name] = draw(TEXT)
            continue
        if rule.kind == "flag":
            number = draw(st.integers(0, 1))
        elif rule.kind == "integer":
            number = draw(st.integers(-(10**6), 10**6))
        elif rule.kind in LIMITS:
            number = draw(st.integers(0, LIMITS[rule.kind]))
        else:
            number = draw(st.integers(0, 10**6))
        document[name] = str(number) if draw(st.booleans()) else number
    return document


@EXAMPLES
@given(endpoint_names, st.binary(max_size=300))
def test_random_bytes_end_in_documented_outcomes(endpoint: str, body: bytes) -> None:
    outcome(endpoint, body)
    for format in ENDPOINTS[endpoint].encodings:
        check(endpoint, body, format)


@EXAMPLES
@given(endpoint_names, st.data())
def test_mutated_examples_end_in_documented_outcomes(endpoint: str, data: st.DataObject) -> None:
    format = data.draw(encodings(endpoint))
    body = bytearray(encode(data.draw(valid_documents(endpoint)), format))
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
    check(endpoint, bytes(body), format)


def past_limits(endpoint: str, document: dict[str, Any]) -> bool:
    """True if a timestamp or duration is beyond what a datetime or timedelta holds."""
    for name, value in document.items():
        limit = LIMITS.get(kind(endpoint, name) or "")
        try:
            if limit is not None and int(str(value).strip()) > limit:
                return True
        except ValueError:
            continue
    return False


@EXAMPLES
@given(endpoint_names, st.data())
def test_client_refuses_exactly_what_the_contract_calls_an_error(endpoint: str,
                                                                 data: st.DataObject) -> None:
    format = data.draw(encodings(endpoint))
    document = data.draw(documents(endpoint))
    body = encode(document, format)
    errors = [f for f in check(endpoint, body, format) if f.kind == "error"]
    result = outcome(endpoint, body)
    if errors:
        assert result == "refused", (format, document, errors)
    elif result == "refused":
        # The one stricter place: a timestamp or duration no datetime or timedelta holds.
        assert past_limits(endpoint, document), (format, document)


@EXAMPLES
@given(endpoint_names, st.data())
def test_valid_bodies_give_the_same_model_in_every_encoding(endpoint: str,
                                                            data: st.DataObject) -> None:
    document = data.draw(valid_documents(endpoint))
    from_json = parser(endpoint).parse(json.dumps(document).encode())
    assert type(from_json).__name__ == ENDPOINTS[endpoint].result_class
    as_json = [(f.kind, f.pointer, f.message)
               for f in check(endpoint, json.dumps(document).encode(), "json")]
    for format in ENDPOINTS[endpoint].encodings:
        body = encode(document, format)
        assert parser(endpoint).parse(body) == from_json, format
        found = [(f.kind, f.pointer.removeprefix("/data"), f.message)
                 for f in check(endpoint, body, format)]
        # Only JSON tells a number from a numeric string; XML and form carry text.
        assert found == (as_json if format in JSON_LIKE
                         else [f for f in as_json if f[2] not in WIRE_TYPE_DRIFT]), format

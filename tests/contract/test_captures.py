"""Contract tests over bodies: the JSON Schema and the client agree on each.

The bodies are the repository's captures (``captures/<endpoint>/<valid|invalid>/<name>.<ext>``,
used where present, never required) and, for every endpoint of the spec, bodies built
from its examples and field kinds in every encoding it declares (``from_spec``). A valid
body passes the generated JSON Schema and parses (to a result, or to the ApiError of its
error shape's code); an invalid one fails both. Bodies of the same name in different
encodings (JSON and XML, JSONP or form) are the same answer and give equal outcomes.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel

import qq_connect
from generator.model import Endpoint
from tests.bodies import as_instance, to_json
from tests.contract.from_spec import (
    ENDPOINTS,
    Case,
    all_cases,
    json_numbers,
    numeric_strings,
    parser,
    spec_cases,
    success_document,
)

SCHEMAS = Path(qq_connect.__file__).parent / "schemas"
CASES = all_cases()
RESULT_CLASS = {e.name: e.result_class for e in ENDPOINTS}
CODE_FIELD = {e.name: e.errors.code_field for e in ENDPOINTS}


@cache
def validator(endpoint: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{endpoint}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def outcome(endpoint: str, body: bytes) -> BaseModel | tuple[type, int, str]:
    try:
        result: BaseModel = parser(endpoint).parse(body)
    except qq_connect.ApiError as error:
        return (type(error), error.ret, error.msg)
    return result


def case_id(case: Case) -> str:
    return case.id


def test_every_endpoint_of_the_spec_has_valid_and_invalid_bodies_in_each_encoding() -> None:
    have = {(c.endpoint, c.verdict, c.format) for c in CASES}
    for e in ENDPOINTS:
        for format in e.encodings:
            assert {(e.name, "valid", format), (e.name, "invalid", format)} <= have, e.name
        assert {c.format for c in CASES if c.endpoint == e.name} <= set(e.encodings), e.name


@pytest.mark.parametrize("case", [c for c in CASES if c.verdict == "valid"], ids=case_id)
def test_valid_body_passes_schema_and_client(case: Case) -> None:
    errors = [e.message for e in validator(case.endpoint).iter_errors(
        as_instance(case.body, case.format))]
    assert errors == []
    result = outcome(case.endpoint, case.body)
    if isinstance(result, tuple):
        assert issubclass(result[0], qq_connect.ApiError) and result[1] != 0
    else:
        assert type(result).__name__ == RESULT_CLASS[case.endpoint]
        assert CODE_FIELD[case.endpoint] not in result.model_dump()


@pytest.mark.parametrize("case", [c for c in CASES if c.verdict == "invalid"], ids=case_id)
def test_invalid_body_fails_schema_and_client(case: Case) -> None:
    assert not validator(case.endpoint).is_valid(as_instance(case.body, case.format))
    with pytest.raises(qq_connect.DecodeError) as raised:
        parser(case.endpoint).parse(case.body)
    assert raised.value.endpoint == case.endpoint


PAIRS = [(c, x) for c in CASES if c.format == "json" for x in CASES
         if x.format != "json" and (x.endpoint, x.verdict, x.name, x.source)
         == (c.endpoint, c.verdict, c.name, c.source)]


def test_every_other_encoding_has_pairs() -> None:
    paired = {(c.endpoint, x.format) for c, x in PAIRS}
    assert paired == {(e.name, f) for e in ENDPOINTS for f in e.encodings if f != "json"}


@pytest.mark.parametrize("json_case, other", PAIRS, ids=[x.id for _, x in PAIRS])
def test_one_answer_in_any_encoding_gives_equal_outcomes(json_case: Case, other: Case) -> None:
    if json_case.verdict == "valid":
        assert outcome(json_case.endpoint, json_case.body) == outcome(
            other.endpoint, other.body)
        return
    with pytest.raises(qq_connect.DecodeError) as from_json:
        parser(json_case.endpoint).parse(json_case.body)
    with pytest.raises(qq_connect.DecodeError) as from_other:
        parser(other.endpoint).parse(other.body)
    assert type(from_json.value) is type(from_other.value)
    if isinstance(from_json.value, qq_connect.ResponseValidationError):
        assert isinstance(from_other.value, qq_connect.ResponseValidationError)
        assert from_json.value.problems.keys() == from_other.value.problems.keys()


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_numeric_strings_parse_like_numbers(endpoint: Endpoint) -> None:
    # Both ways: numbers sent as strings, and numeric strings sent as numbers (drift).
    document = success_document(endpoint)
    as_documented = parser(endpoint.name).parse(to_json(document))
    for variant in (numeric_strings(endpoint, document), json_numbers(endpoint, document)):
        assert parser(endpoint.name).parse(to_json(variant)) == as_documented


def test_the_spec_builds_bodies_for_every_endpoint() -> None:
    for e in ENDPOINTS:
        built = list(spec_cases(e))
        assert {c.format for c in built} == set(e.encodings), e.name

"""Contract tests over bodies: the JSON Schema and the client agree on each.

The bodies are the repository's captures (``captures/<endpoint>/<valid|invalid>/<name>.<ext>``,
used where present, never required) and, for every endpoint of the spec, bodies built
from its examples and field kinds (``from_spec``). A valid body passes the generated JSON
Schema and parses (to a result, or to the ApiError of its ``ret``); an invalid one fails
both. A JSON and an XML body of the same name are the same answer and give equal outcomes.
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
from tests.contract.from_spec import (
    ENDPOINTS,
    Case,
    all_cases,
    as_instance,
    numeric_strings,
    parser,
    spec_cases,
    success_document,
    to_json,
)

SCHEMAS = Path(qq_connect.__file__).parent / "schemas"
CASES = all_cases()
RESULT_CLASS = {e.name: e.result_class for e in ENDPOINTS}


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


def test_every_endpoint_of_the_spec_has_valid_and_invalid_bodies_in_each_format() -> None:
    have = {(c.endpoint, c.verdict, c.format) for c in CASES}
    for e in ENDPOINTS:
        for format in e.formats:
            assert {(e.name, "valid", format), (e.name, "invalid", format)} <= have, e.name
        assert {c.format for c in CASES if c.endpoint == e.name} <= set(e.formats) | {
            "json", "xml"}


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
        assert "ret" not in result.model_dump()


@pytest.mark.parametrize("case", [c for c in CASES if c.verdict == "invalid"], ids=case_id)
def test_invalid_body_fails_schema_and_client(case: Case) -> None:
    assert not validator(case.endpoint).is_valid(as_instance(case.body, case.format))
    with pytest.raises(qq_connect.DecodeError) as raised:
        parser(case.endpoint).parse(case.body)
    assert raised.value.endpoint == case.endpoint


PAIRS = [(c, x) for c in CASES if c.format == "json" for x in CASES
         if x.format == "xml" and (x.endpoint, x.verdict, x.name, x.source)
         == (c.endpoint, c.verdict, c.name, c.source)]


@pytest.mark.parametrize("json_case, xml_case", PAIRS, ids=[c.id for c, _ in PAIRS])
def test_json_and_xml_of_one_answer_give_equal_outcomes(json_case: Case, xml_case: Case) -> None:
    if json_case.verdict == "valid":
        assert outcome(json_case.endpoint, json_case.body) == outcome(
            xml_case.endpoint, xml_case.body)
        return
    with pytest.raises(qq_connect.DecodeError) as from_json:
        parser(json_case.endpoint).parse(json_case.body)
    with pytest.raises(qq_connect.DecodeError) as from_xml:
        parser(xml_case.endpoint).parse(xml_case.body)
    assert type(from_json.value) is type(from_xml.value)
    if isinstance(from_json.value, qq_connect.ResponseValidationError):
        assert isinstance(from_xml.value, qq_connect.ResponseValidationError)
        assert from_json.value.problems.keys() == from_xml.value.problems.keys()


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_numeric_strings_parse_like_numbers(endpoint: Endpoint) -> None:
    document = success_document(endpoint)
    as_numbers = parser(endpoint.name).parse(to_json(document))
    as_strings = parser(endpoint.name).parse(to_json(numeric_strings(endpoint, document)))
    assert as_strings == as_numbers


def test_the_spec_builds_bodies_for_every_endpoint() -> None:
    for e in ENDPOINTS:
        built = list(spec_cases(e))
        assert {c.format for c in built} == set(e.formats), e.name

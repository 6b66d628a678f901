"""The generated JSON Schemas: valid draft 2020-12, accepting the spec's examples, with the
bounds of each field's kind, for every endpoint of the spec."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import qq_connect
from generator.model import Endpoint, Field
from tests.contract.from_spec import (
    BAD_JSON_ONLY,
    BAD_VALUES,
    ENDPOINTS,
    LISTED_RETS,
    as_instance,
    documented_success,
    example_only,
    known_codes,
    sample_value,
    success_document,
)

SCHEMAS = Path(qq_connect.__file__).parent / "schemas"


def load_schema(endpoint: str) -> dict[str, Any]:
    return dict(json.loads((SCHEMAS / f"{endpoint}.json").read_text(encoding="utf-8")))


@cache
def load_validator(endpoint: str) -> Draft202012Validator:
    schema = load_schema(endpoint)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def pointers(endpoint: str, instance: object) -> list[str]:
    errors = load_validator(endpoint).iter_errors(instance)
    return sorted("/" + "/".join(map(str, error.absolute_path)) for error in errors)


def test_there_is_one_schema_per_endpoint() -> None:
    assert sorted(p.stem for p in SCHEMAS.glob("*.json")) == sorted(e.name for e in ENDPOINTS)


EXAMPLES = [(e.name, x.file, x.format, x.body) for e in ENDPOINTS for x in e.examples]


@pytest.mark.parametrize("endpoint, file, format, body", EXAMPLES, ids=[x[1] for x in EXAMPLES])
def test_spec_examples_are_valid(endpoint: str, file: str, format: str, body: bytes) -> None:
    assert pointers(endpoint, as_instance(body, format)) == []


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_success_requires_documented_fields_only(endpoint: Endpoint) -> None:
    success = success_document(endpoint)
    for f in example_only(endpoint):
        del success[f.name]
    assert pointers(endpoint.name, success) == []
    for f in documented_success(endpoint):
        assert pointers(endpoint.name, {k: v for k, v in success.items() if k != f.name}) == ["/"]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_failure_needs_only_ret_and_msg(endpoint: Endpoint) -> None:
    assert pointers(endpoint.name, {"ret": LISTED_RETS[0], "msg": "请先登录"}) == []
    assert pointers(endpoint.name, {"ret": str(LISTED_RETS[0]), "msg": ""}) == []
    assert pointers(endpoint.name, {"ret": LISTED_RETS[0]}) == ["/"]


def accepted_values(endpoint: Endpoint, f: Field) -> list[object]:
    """Valid values of the field's kind; integer kinds also as numeric strings."""
    values = [sample_value(endpoint, f, index) for index in range(3)]
    if f.kind == "code":
        values.append(max(known_codes(f)) + 1000)  # unknown codes are drift, not errors
    if f.kind != "text":
        values += [str(value) for value in values]
    return values


BOUNDS = [(e, f) for e in ENDPOINTS for f in e.fields if f.kind != "return_code"]


@pytest.mark.parametrize("endpoint, field", BOUNDS,
                         ids=[f"{e.name}.{f.name}" for e, f in BOUNDS])
def test_field_bounds(endpoint: Endpoint, field: Field) -> None:
    success = success_document(endpoint)
    for value in accepted_values(endpoint, field):
        assert pointers(endpoint.name, {**success, field.name: value}) == [], value
    for value in BAD_VALUES[field.kind] + BAD_JSON_ONLY[field.kind]:
        assert pointers(endpoint.name, {**success, field.name: value}) == [f"/{field.name}"], (
            value)
    assert pointers(endpoint.name, {**success, "unknown_extra_field": {"any": "thing"}}) == []


CODE_FIELDS = [(e, f) for e in ENDPOINTS for f in e.fields if f.code_table]


@pytest.mark.parametrize("endpoint, field", CODE_FIELDS,
                         ids=[f"{e.name}.{f.name}" for e, f in CODE_FIELDS])
def test_known_codes_are_annotations_not_an_enum(endpoint: Endpoint, field: Field) -> None:
    schema = load_schema(endpoint.name)
    annotated = schema["properties"][field.name]["x-known-codes"]
    table = field.code_table
    assert table is not None
    assert annotated == {str(entry.code): entry.label for entry in table.codes} | (
        {str(table.none_code): table.none_label} if str(table.none_code) in annotated else {})
    assert "enum" not in json.dumps(schema)

"""The generated JSON Schemas: valid draft 2020-12, accepting the spec's examples, with the
bounds of each field's kind, the endpoint's error shape (``ret``/``msg`` always, or OAuth's
``error``/``error_description`` only on failure) and the spec's annotations (encodings,
wire types, presence, sensitivity), for every endpoint of the spec."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import qq_connect
from generator.model import Endpoint, Field
from tests.bodies import as_instance
from tests.contract.from_spec import (
    ENDPOINTS,
    LISTED_RETS,
    bad_values,
    documented_success,
    error_document,
    example_only,
    known_codes,
    optional_fields,
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
    for f in (*example_only(endpoint), *optional_fields(endpoint)):
        del success[f.name]
    assert pointers(endpoint.name, success) == []
    assert success == success_document(endpoint, complete=False)
    for f in documented_success(endpoint):
        assert pointers(endpoint.name, {k: v for k, v in success.items() if k != f.name}) == ["/"]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_failure_needs_only_the_code_and_its_message(endpoint: Endpoint) -> None:
    shape = endpoint.errors
    code = LISTED_RETS[0]
    assert pointers(endpoint.name, error_document(endpoint, code, "请先登录")) == []
    assert pointers(endpoint.name, error_document(endpoint, str(code), "")) == []
    assert pointers(endpoint.name, {shape.code_field: code}) == ["/"]
    # A failure need not carry the success fields, whatever else it carries.
    assert pointers(endpoint.name, {**error_document(endpoint, code, "x"), "extra": 1}) == []


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_the_error_shape(endpoint: Endpoint) -> None:
    """ret/msg: both always required, ret 0 is success. OAuth: the code's presence is the
    failure, and then its description is required; without it the documented fields are."""
    shape = endpoint.errors
    schema = load_schema(endpoint.name)
    success = success_document(endpoint, complete=False)
    if shape.always_present:
        assert schema["required"] == [shape.code_field, shape.message_field]
        assert pointers(endpoint.name, {k: v for k, v in success.items()
                                        if k != shape.code_field}) == ["/"]
        for zero in (0, "0", "00"):  # a success without its documented fields
            assert set(pointers(endpoint.name, {shape.code_field: zero,
                                                shape.message_field: ""})) == {"/"}
        return
    assert "required" not in schema
    assert schema["if"] == {"required": [shape.code_field]}
    assert schema["then"] == {"required": [shape.message_field]}
    assert schema["else"] == {"required": [f.name for f in documented_success(endpoint)]}
    # No code: a success, lacking its fields (one error per missing field).
    assert pointers(endpoint.name, {}) == ["/"] * len(documented_success(endpoint))
    # Any code present is a failure, 0 included; the success fields do not save it.
    for code in (LISTED_RETS[0], 0, "100019"):
        assert pointers(endpoint.name, {**success, shape.code_field: code}) == ["/"]
    assert pointers(endpoint.name, {shape.message_field: "x", **success}) == []


def base_document(endpoint: Endpoint, f: Field) -> dict[str, Any]:
    """Where a field is judged: a failure for fields only failures carry, else a success."""
    if f.presence == "on_error":
        return error_document(endpoint, LISTED_RETS[0], "x")
    return success_document(endpoint)


def accepted_values(endpoint: Endpoint, f: Field) -> list[object]:
    """Valid values of the field's kind; integer kinds as numbers and as numeric strings."""
    values = [sample_value(endpoint, f, index) for index in range(3)]
    if f.kind == "code":
        values.append(max(known_codes(f)) + 1000)  # unknown codes are drift, not errors
    if f.kind != "text":
        values = [int(value) for value in values]
        values += [str(value) for value in values]
    return values


BOUNDS = [(e, f) for e in ENDPOINTS for f in e.fields if f.kind != "return_code"]


@pytest.mark.parametrize("endpoint, field", BOUNDS,
                         ids=[f"{e.name}.{f.name}" for e, f in BOUNDS])
def test_field_bounds(endpoint: Endpoint, field: Field) -> None:
    base = base_document(endpoint, field)
    for value in accepted_values(endpoint, field):
        assert pointers(endpoint.name, {**base, field.name: value}) == [], value
    for value in bad_values(field, "json"):
        assert pointers(endpoint.name, {**base, field.name: value}) == [f"/{field.name}"], (
            value)
    assert pointers(endpoint.name, {**base, "unknown_extra_field": {"any": "thing"}}) == []


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


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_annotations_say_what_the_spec_says(endpoint: Endpoint) -> None:
    """x-encodings, and per field x-wire-type, x-presence (x-example-only), x-sensitive."""
    schema = load_schema(endpoint.name)
    assert schema["x-encodings"] == list(endpoint.encodings)
    properties = schema["properties"]
    assert list(properties) == [f.name for f in endpoint.fields]
    for f in endpoint.fields:
        annotated = properties[f.name]
        # Only numbers documented as strings carry a wire type; text is a string anyway.
        assert annotated.get("x-wire-type") == ("string" if f.numeric_string else None), f.name
        presence = annotated.get("x-presence", "example_only" if annotated.get(
            "x-example-only") else "documented")
        assert presence == f.presence, f.name
        assert ("x-presence" in annotated) + ("x-example-only" in annotated) <= 1, f.name
        assert annotated.get("x-sensitive", "") == f.sensitive, f.name


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_wire_types_are_annotations_not_constraints(endpoint: Endpoint) -> None:
    """A JSON number where a numeric string is documented, or the reverse, is drift for the
    check, never a schema error."""
    success = success_document(endpoint)
    for f in endpoint.success_fields:
        if f.kind == "text":
            continue
        number = int(success[f.name])
        assert pointers(endpoint.name, {**success, f.name: number}) == [], f.name
        assert pointers(endpoint.name, {**success, f.name: str(number)}) == [], f.name
        for value in bad_values(f, "json"):
            assert pointers(endpoint.name, {**success, f.name: value}) == [f"/{f.name}"]

"""generated/openapi.json: valid OpenAPI 3.1 by a real validator (openapi-spec-validator),
carrying every endpoint of the spec with its methods, parameters (secrets marked), encodings
and examples, each example valid against the schema the document gives it."""

from __future__ import annotations

import copy
import json
import tomllib
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

import qq_connect
from generator import openapi
from generator.errors import SpecError
from generator.load import load_sources
from generator.model import BrowserUrl, Endpoint, Example, Parameter
from generator.normalise import normalise
from tests.bodies import as_instance
from tests.contract.from_spec import API, ENDPOINTS, SPEC

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "generated" / "openapi.json"
SCHEMAS = Path(qq_connect.__file__).parent / "schemas"
URI = "urn:qq-connect:openapi"
# The media type the document gives each encoding of the spec (stated here on its own, so
# a change of the document's convention shows).
MEDIA = {"json": "application/json", "xml": "application/xml", "jsonp": "text/javascript",
         "form": "application/x-www-form-urlencoded"}
SECRET_MARKS = {"format": "password", "x-secret": True}

OPERATIONS = [(e, method) for e in ENDPOINTS for method in e.methods]
OPERATION_IDS = [f"{e.name}-{method}" for e, method in OPERATIONS]
EXAMPLES = [(e, method, x) for e, method in OPERATIONS for x in e.examples]
EXAMPLE_IDS = [f"{method}-{x.file}" for _, method, x in EXAMPLES]
NAMES = [e.name for e in ENDPOINTS]


@cache
def load_document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    return document


@cache
def registry() -> Registry[Any]:
    resource: Resource[Any] = DRAFT202012.create_resource(load_document())
    documents: Registry[Any] = Registry().with_resource(URI, resource)
    return documents


def pointer(*parts: str) -> str:
    """A JSON pointer (RFC 6901) to the document's node at ``parts``."""
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def validator_at(*parts: str) -> Draft202012Validator:
    """A validator of the schema at ``parts``, its references resolved in the document."""
    return Draft202012Validator({"$ref": f"{URI}#{pointer(*parts)}"}, registry=registry())


def operation(e: Endpoint, method: str) -> dict[str, Any]:
    found: dict[str, Any] = load_document()["paths"][e.path][method.lower()]
    return found


def parameter_set(e: Endpoint, method: str) -> dict[str, tuple[bool, dict[str, Any]]]:
    """What the operation says ``e`` sends, by name: required, and the schema."""
    op = operation(e, method)
    if method == "POST":
        schema = op["requestBody"]["content"][MEDIA["form"]]["schema"]
    else:
        parameters = op["parameters"]
        if all(p["schema"].get("x-endpoint") is None and "oneOf" not in p["schema"]
               for p in parameters):
            assert all(p["in"] == "query" for p in parameters)
            return {p["name"]: (p["required"], p["schema"]) for p in parameters}
        # A shared path: one exploded object parameter, an alternative per endpoint.
        (only,) = parameters
        assert (only["in"], only["style"], only["explode"]) == ("query", "form", True)
        schema = only["schema"]
    (branch,) = [b for b in schema.get("oneOf", [schema]) if b["x-endpoint"] == e.name]
    return {name: (name in branch["required"], property_schema)
            for name, property_schema in branch["properties"].items()}


def sent_format_values(e: Endpoint) -> list[str]:
    return [value for fmt, value in e.format_parameter.values
            if fmt in e.formats and value is not None]


def response_content(e: Endpoint, method: str) -> dict[str, Any]:
    content: dict[str, Any] = operation(e, method)["responses"]["200"]["content"]
    return content


def assert_parameter(parameter: Parameter, required: bool, schema: dict[str, Any]) -> None:
    assert required == parameter.required, parameter.name
    if parameter.source == "fixed":
        assert schema["const"] == parameter.value
    if parameter.choices:
        assert schema["enum"] == list(parameter.choices)
    if parameter.secret:
        assert {key: schema.get(key) for key in SECRET_MARKS} == SECRET_MARKS, parameter.name
    else:
        assert "x-secret" not in schema and schema.get("format") != "password", parameter.name


# -- the validator ---------------------------------------------------------------------------


def test_the_document_is_valid_openapi_3_1() -> None:
    document = load_document()
    assert document["openapi"].startswith("3.1.")
    validate(document, cls=OpenAPIV31SpecValidator)


def test_the_validator_does_judge_it() -> None:
    """A copy with a response lacking its description, or a path without its slash, is
    refused."""
    undescribed = copy.deepcopy(load_document())
    method = ENDPOINTS[0].methods[0].lower()
    del undescribed["paths"][ENDPOINTS[0].path][method]["responses"]["200"]["description"]
    with pytest.raises(OpenAPIValidationError):
        validate(undescribed, cls=OpenAPIV31SpecValidator)
    slashless = copy.deepcopy(load_document())
    slashless["paths"]["no-slash"] = slashless["paths"].pop(ENDPOINTS[0].path)
    with pytest.raises(OpenAPIValidationError):
        validate(slashless, cls=OpenAPIV31SpecValidator)


def test_the_document_is_made_the_same_way_every_time() -> None:
    fresh = normalise(load_sources(SPEC))
    once = openapi.document_text(API, "1.0", "banner")
    assert openapi.document_text(fresh, "1.0", "banner") == once
    assert once.endswith("}\n") and not once.endswith("\n\n")
    assert DOCUMENT.read_text(encoding="utf-8").startswith('{\n  "openapi": "3.1.0",\n')


# -- endpoints, methods, servers ---------------------------------------------------------------


def test_info_and_servers_come_from_the_spec() -> None:
    document = load_document()
    assert document["info"]["title"] == API.title
    package = tomllib.loads((ROOT / "generated" / "pyproject.toml").read_text(encoding="utf-8"))
    assert document["info"]["version"] == package["project"]["version"]
    assert document["servers"] == [{"url": API.base_url}]


@pytest.mark.parametrize("e", ENDPOINTS, ids=NAMES)
def test_every_endpoint_has_its_path_methods_and_server(e: Endpoint) -> None:
    item = load_document()["paths"][e.path]
    sharing = [other for other in ENDPOINTS if other.path == e.path]
    expected = {method.lower() for other in sharing for method in other.methods}
    assert set(item) - {"servers"} == expected
    for method in e.methods:
        listed = [entry["name"] for entry in operation(e, method)["x-endpoints"]]
        assert e.name in listed
        assert operation(e, method)["operationId"].endswith(f"_{method.lower()}")
    if e.base_url:
        assert item["servers"] == [{"url": e.base_url, "description": e.base_url_reason}]
    else:
        assert "servers" not in item


def test_operation_ids_are_unique() -> None:
    ids = [op["operationId"] for item in load_document()["paths"].values()
           for key, op in item.items() if key != "servers"]
    assert len(ids) == len(set(ids))


# -- parameters ------------------------------------------------------------------------------


@pytest.mark.parametrize("e, method", OPERATIONS, ids=OPERATION_IDS)
def test_every_parameter_with_its_rules(e: Endpoint, method: str) -> None:
    found = parameter_set(e, method)
    format_values = sent_format_values(e)
    format_names = [e.format_parameter.name] if format_values else []
    assert list(found) == [p.name for p in e.parameters] + format_names
    for parameter in e.parameters:
        required, schema = found[parameter.name]
        assert_parameter(parameter, required, schema)
    if format_values:
        required, schema = found[e.format_parameter.name]
        assert not required and schema["enum"] == format_values


@pytest.mark.parametrize("e, method", OPERATIONS, ids=OPERATION_IDS)
def test_parameters_carry_both_languages(e: Endpoint, method: str) -> None:
    op = operation(e, method)
    texts = json.dumps(op, ensure_ascii=False)
    for parameter in e.parameters:
        assert json.dumps(parameter.zh, ensure_ascii=False)[1:-1] in texts, parameter.name
        assert json.dumps(parameter.en, ensure_ascii=False)[1:-1] in texts, parameter.name


@pytest.mark.parametrize("e, method", OPERATIONS, ids=OPERATION_IDS)
def test_secret_parameters_are_marked(e: Endpoint, method: str) -> None:
    marked = {name for name, (_, schema) in parameter_set(e, method).items()
              if schema.get("x-secret") is True and schema.get("format") == "password"}
    assert marked == set(e.secret_parameters)


# -- responses -------------------------------------------------------------------------------


@pytest.mark.parametrize("e, method", OPERATIONS, ids=OPERATION_IDS)
def test_every_encoding_has_its_content_type(e: Endpoint, method: str) -> None:
    content = response_content(e, method)
    sharing = [other for other in ENDPOINTS if other.path == e.path and method in other.methods]
    assert set(content) == {MEDIA[enc] for other in sharing for enc in other.encodings}
    for encoding in e.encodings:
        schema = content[MEDIA[encoding]]["schema"]
        refs = [schema["$ref"]] if "$ref" in schema else [r["$ref"] for r in schema["anyOf"]]
        assert f"#/components/schemas/{e.result_class}" in refs
    if "jsonp" in e.encodings:
        assert content[MEDIA["jsonp"]]["x-jsonp-wrapper"].startswith("callback(")
    if "xml" in e.encodings:
        assert content[MEDIA["xml"]]["schema"]["xml"] == {"name": API.xml_root}


def shown_example(e: Endpoint, method: str, example: Example) -> dict[str, Any]:
    """The document's entry for a spec example, found by the file it names."""
    entries = response_content(e, method)[MEDIA[example.format]]["examples"]
    (found,) = [entry for entry in entries.values() if entry["summary"] == example.file]
    return dict(found)


@pytest.mark.parametrize("e, method, example", EXAMPLES, ids=EXAMPLE_IDS)
def test_every_example_is_shown_and_fits_its_schema(e: Endpoint, method: str,
                                                    example: Example) -> None:
    shown = shown_example(e, method, example)
    text = example.body.decode("utf-8")
    assert shown["value"] == (json.loads(text) if example.format == "json" else text)
    assert shown.get("description", "") == example.note
    validator = validator_at("paths", e.path, method.lower(), "responses", "200", "content",
                             MEDIA[example.format], "schema")
    errors = [error.message for error in validator.iter_errors(
        as_instance(example.body, example.format))]
    assert errors == []


@pytest.mark.parametrize("e, method", OPERATIONS, ids=OPERATION_IDS)
def test_the_schemas_refuse_what_is_no_answer(e: Endpoint, method: str) -> None:
    """Not vacuous: an empty object, or a return code that is no number, fails."""
    for media_type in response_content(e, method):
        validator = validator_at("paths", e.path, method.lower(), "responses", "200",
                                 "content", media_type, "schema")
        assert not validator.is_valid({})
        assert not validator.is_valid({e.errors.code_field: "abc",
                                       e.errors.message_field: "x"})


@pytest.mark.parametrize("e", ENDPOINTS, ids=NAMES)
def test_response_schemas_are_the_packages_own(e: Endpoint) -> None:
    """One home: the component is the shipped schema, its definitions moved to components."""
    shipped = json.loads((SCHEMAS / f"{e.name}.json").read_text(encoding="utf-8"))
    definitions = shipped.pop("$defs")
    for key in ("$schema", "$id", "$comment"):
        del shipped[key]
    moved = json.loads(json.dumps(shipped).replace('"#/$defs/', '"#/components/schemas/'))
    components = load_document()["components"]["schemas"]
    assert components[e.result_class] == moved
    for name, definition in definitions.items():
        assert components[name] == definition


def test_every_component_is_used_and_sorted() -> None:
    document = load_document()
    names = list(document["components"]["schemas"])
    assert names == sorted(names)
    text = json.dumps(document["paths"]) + json.dumps(document["components"])
    for name in names:
        assert f'"#/components/schemas/{name}"' in text, name


def test_return_codes_with_their_categories() -> None:
    listed = load_document()["x-return-codes"]
    assert {c["code"]: c["category"] for c in listed["codes"]} == {
        c.code: c.category.name for c in API.return_codes}
    assert [c["name"] for c in listed["categories"]] == [c.name for c in API.categories]
    assert listed["unknown_category"] == API.unknown_category.name
    retryable = {c["name"] for c in listed["categories"] if c["retryable"]}
    assert retryable == {c.name for c in API.categories if c.retryable}


# -- browser steps ---------------------------------------------------------------------------


@pytest.mark.parametrize("url", API.browser_urls, ids=[u.name for u in API.browser_urls])
def test_browser_steps_are_documented_not_called(url: BrowserUrl) -> None:
    op = load_document()["paths"][url.path]["get"]
    assert op["x-browser"] is True and op["tags"] == ["browser"]
    parameters = {p["name"]: p for p in op["parameters"]}
    assert list(parameters) == [p.name for p in url.parameters]
    for parameter in url.parameters:
        assert_parameter(parameter, parameters[parameter.name]["required"],
                         parameters[parameter.name]["schema"])
    redirect = op["responses"]["302"]
    assert "Location" in redirect["headers"]
    assert [(v["name"], v.get("x-secret", False)) for v in redirect["x-returns"]] == [
        (value.name, value.secret) for value in url.returns]


# -- what OpenAPI cannot say -----------------------------------------------------------------


def test_endpoints_sharing_a_path_must_share_its_server() -> None:
    first, second = API.endpoints[:2]
    elsewhere = replace(second, path=first.path, base_url="https://elsewhere.example",
                        base_url_reason="test")
    with pytest.raises(SpecError, match="another base_url"):
        openapi.openapi_document(replace(API, endpoints=(first, elsewhere)), "1", "banner")


def test_a_result_named_like_a_shared_definition_is_refused() -> None:
    clash = replace(API.endpoints[0], result_class="Text")
    with pytest.raises(SpecError, match="Text names two schemas"):
        openapi.openapi_document(replace(API, endpoints=(clash,)), "1", "banner")


def test_a_browser_step_on_an_endpoints_path_is_refused() -> None:
    (url, *_) = API.browser_urls
    clash = replace(url, path=API.endpoints[0].path)
    with pytest.raises(SpecError, match="also an endpoint's path"):
        openapi.openapi_document(replace(API, browser_urls=(clash,)), "1", "banner")

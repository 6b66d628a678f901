"""Contract tests over captured bodies: the JSON Schema and the client agree on each.

Layout: ``captures/<endpoint>/<valid|invalid>/<name>.<json|xml>``. A valid capture
passes the generated JSON Schema and parses (to a result, or to the ApiError of its
``ret``); an invalid one fails both. A JSON and an XML capture of the same name are
the same answer and must give equal models.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel

import qq_connect
from qq_connect import endpoints
from qq_connect._response import Endpoint
from qq_connect._xml import parse_xml

CAPTURES = Path(__file__).parent / "captures"
SCHEMAS = Path(qq_connect.__file__).parent / "schemas"
ENDPOINTS: dict[str, Endpoint[Any, Any]] = {
    name.lower(): getattr(endpoints, name) for name in endpoints.__all__}
CASES = sorted(CAPTURES.glob("*/*/*.*"))


def case_id(path: Path) -> str:
    return path.relative_to(CAPTURES).as_posix()


@cache
def validator(endpoint: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{endpoint}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def as_instance(path: Path) -> object:
    """What the schema judges: the JSON document, or the XML answer's fields as text."""
    body = path.read_bytes()
    return parse_xml(body, "data") if path.suffix == ".xml" else json.loads(body)


def outcome(endpoint: Endpoint[Any, Any], body: bytes) -> BaseModel | tuple[type, int, str]:
    try:
        return endpoint.parse(body)  # type: ignore[no-any-return]
    except qq_connect.ApiError as error:
        return (type(error), error.ret, error.msg)


def test_there_are_captures_of_every_endpoint_and_verdict() -> None:
    for endpoint in ENDPOINTS:
        for verdict in ("valid", "invalid"):
            found = {p.suffix for p in (CAPTURES / endpoint / verdict).iterdir()}
            assert found == {".json", ".xml"}, (endpoint, verdict)


@pytest.mark.parametrize("path", [p for p in CASES if p.parent.name == "valid"], ids=case_id)
def test_valid_capture_passes_schema_and_client(path: Path) -> None:
    endpoint = path.parent.parent.name
    errors = [e.message for e in validator(endpoint).iter_errors(as_instance(path))]
    assert errors == []
    result = outcome(ENDPOINTS[endpoint], path.read_bytes())
    ret = int(json.loads(path.read_bytes())["ret"]) if path.suffix == ".json" else None
    if isinstance(result, tuple):
        assert issubclass(result[0], qq_connect.ApiError) and result[1] != 0
    else:
        assert ret in (None, 0)
        assert isinstance(result, ENDPOINTS[endpoint].result_model)


@pytest.mark.parametrize("path", [p for p in CASES if p.parent.name == "invalid"], ids=case_id)
def test_invalid_capture_fails_schema_and_client(path: Path) -> None:
    endpoint = path.parent.parent.name
    body = path.read_bytes()
    assert not validator(endpoint).is_valid(as_instance(path))
    with pytest.raises(qq_connect.DecodeError) as raised:
        ENDPOINTS[endpoint].parse(body)
    assert raised.value.endpoint == endpoint


@pytest.mark.parametrize(
    "path", [p for p in CASES if p.suffix == ".json" and p.with_suffix(".xml").exists()],
    ids=case_id)
def test_json_and_xml_of_one_answer_give_equal_models(path: Path) -> None:
    endpoint = ENDPOINTS[path.parent.parent.name]
    json_body, xml_body = path.read_bytes(), path.with_suffix(".xml").read_bytes()
    if path.parent.name == "valid":
        assert endpoint.parse_wire(json_body) == endpoint.parse_wire(xml_body)
        assert outcome(endpoint, json_body) == outcome(endpoint, xml_body)
    else:
        with pytest.raises(qq_connect.ResponseValidationError) as from_json:
            endpoint.parse(json_body)
        with pytest.raises(qq_connect.ResponseValidationError) as from_xml:
            endpoint.parse(xml_body)
        assert from_json.value.problems.keys() == from_xml.value.problems.keys()


def test_numeric_strings_parse_like_numbers() -> None:
    endpoint = endpoints.GET_VIP_RICH_INFO
    as_strings = endpoint.parse((CAPTURES / "get_vip_rich_info/valid/"
                                 "numeric_strings_msdk_proxy.json").read_bytes())
    as_numbers = endpoint.parse((Path(__file__).parents[2] / "spec/examples/get_vip_rich_info/"
                                 "success.json").read_bytes())
    assert as_strings.model_dump(exclude={"msg"}) == {
        **as_numbers.model_dump(exclude={"msg"}), "is_svip": "0"}
    assert as_strings.model_extra == {"is_svip": "0"}

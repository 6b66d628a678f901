"""The generated JSON Schemas: valid draft 2020-12, accepting the spec's examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

import qq_connect

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = Path(qq_connect.__file__).parent / "schemas"
ENDPOINT_FILES = sorted((ROOT / "spec" / "endpoints").glob("*.yaml"))


def load_validator(endpoint: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{endpoint}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def spec_examples() -> list[tuple[str, Path]]:
    found = []
    for path in ENDPOINT_FILES:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(spec["name"], (path.parent / e["file"]).resolve()) for e in spec["examples"]]
    return found


@pytest.mark.parametrize("endpoint, example", spec_examples(),
                         ids=lambda v: v if isinstance(v, str) else v.name)
def test_spec_examples_are_valid(endpoint: str, example: Path) -> None:
    body = example.read_bytes()
    instance: Any = (qq_connect._xml.parse_xml(body, "data") if example.suffix == ".xml"
                     else json.loads(body))
    assert list(load_validator(endpoint).iter_errors(instance)) == []


@pytest.fixture
def success() -> dict[str, Any]:
    body = (ROOT / "spec/examples/get_vip_rich_info/success.json").read_text(encoding="utf-8")
    return dict(json.loads(body))


def pointers(instance: object) -> list[str]:
    validator = load_validator("get_vip_rich_info")
    errors = validator.iter_errors(instance)
    return sorted("/" + "/".join(map(str, error.absolute_path)) for error in errors)


def test_success_requires_documented_fields_only(success: dict[str, Any]) -> None:
    for example_only in ("is_lost", "is_qq_year_vip", "qq_vip_level"):
        del success[example_only]
    assert pointers(success) == []
    del success["history_end_time"]
    assert pointers(success) == ["/"]


def test_failure_needs_only_ret_and_msg() -> None:
    assert pointers({"ret": 1002, "msg": "请先登录"}) == []
    assert pointers({"ret": "-73", "msg": ""}) == []
    assert pointers({"ret": 1002}) == ["/"]


@pytest.mark.parametrize("field, value, accepted", [
    ("is_qq_vip", 1, True), ("is_qq_vip", "1", True), ("is_qq_vip", 2, False),
    ("is_qq_vip", "2", False), ("is_qq_vip", True, False), ("is_qq_vip", None, False),
    ("qq_vip_start", 1313974842, True), ("qq_vip_start", "1313974842", True),
    ("qq_vip_start", -1, False), ("qq_vip_start", "-1", False), ("qq_vip_start", "1e9", False),
    ("qq_vip_payway", 999, True), ("qq_vip_payway", "104", True), ("qq_vip_payway", 1.5, False),
    ("msg", 5, False), ("unknown_extra_field", {"any": "thing"}, True),
])
def test_field_bounds(success: dict[str, Any], field: str, value: object, accepted: bool) -> None:
    success[field] = value
    assert pointers(success) == ([] if accepted else [f"/{field}"])


def test_known_codes_are_annotations_not_an_enum() -> None:
    schema = json.loads((SCHEMAS / "get_vip_rich_info.json").read_text(encoding="utf-8"))
    payway = schema["properties"]["qq_vip_payway"]
    assert payway["x-known-codes"]["104"] == payway["x-known-codes"]["110"] == "索要"
    assert "enum" not in json.dumps(schema["$defs"]["Integer"])

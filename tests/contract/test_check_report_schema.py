"""The JSON report's published schema: shipped in the package, and every report holds to it.

``validate_report`` is what the other tests of the check command call on each JSON
report they produce.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from qq_connect.check import main
from tests.contract.from_spec import ROOT

SCHEMA_NAME = "check_report.schema.json"


@cache
def report_schema() -> dict[str, Any]:
    """The schema as the installed package ships it."""
    text = resources.files("qq_connect").joinpath(SCHEMA_NAME).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(report_schema(),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate_report(report: object) -> None:
    """Fail with every error if ``report`` (a parsed JSON report) breaks the schema."""
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
              for error in _validator().iter_errors(report)]
    assert errors == [], errors[:5]


def load_report(path: Path) -> dict[str, Any]:
    """A JSON report, parsed strictly and validated against the schema."""
    report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    validate_report(report)
    return report


def test_the_schema_is_draft_2020_12_with_an_id() -> None:
    schema = report_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("urn:qq-connect:")
    # The package's copy is the runtime's file, with the copy's banner.
    source = json.loads((ROOT / "generator" / "runtime" / SCHEMA_NAME).read_text("utf-8"))
    shipped = dict(schema)
    assert "make generate" in shipped.pop("$comment")
    assert shipped == source


def test_a_report_names_its_schema_and_version(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    report = tmp_path / "report.json"
    assert main([str(tmp_path / "empty"), "--json", str(report)]) == 2
    data = load_report(report)
    assert data["$schema"] == report_schema()["$id"]
    assert data["version"] == report_schema()["properties"]["version"]["const"]


def test_the_schema_refuses_what_a_report_never_holds() -> None:
    # Strict enough to catch a report drifting from its schema.
    good: dict[str, Any] = {
        "$schema": report_schema()["$id"], "version": 1, "captures": [],
        "summary": {"captures": 0, "verdicts": {}, "findings": {}, "new": {}, "baselined": {},
                    "failing_captures": 0, "stale": 0, "strict": False, "failed": False},
        "rules": {}, "endpoints": {}, "baseline": None, "coverage": {}}
    validate_report(good)
    validator = _validator()
    for bad in ({**good, "extra": 1}, {**good, "version": 2},
                {**good, "summary": {**good["summary"], "captures": -1}},
                {**good, "captures": [{"capture": "a", "line": None, "endpoint": None,
                                       "format": None, "verdict": "error", "findings": [{
                                           "kind": "error", "rule": "x", "fingerprint": "XYZ",
                                           "baselined": False, "pointer": "", "message": "",
                                           "expected": "", "actual": ""}]}]}):
        assert not validator.is_valid(bad), bad

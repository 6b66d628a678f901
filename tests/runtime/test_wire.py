"""Wire types, in place: they accept exactly what the generated JSON Schemas accept."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from generator.runtime._kinds import PATTERNS
from generator.runtime._wire import WireFlag, WireInteger, WireNonNegative, WireText


class Probe(BaseModel):
    integer: WireInteger | None = None
    non_negative: WireNonNegative | None = None
    flag: WireFlag | None = None
    text: WireText | None = None


@pytest.mark.parametrize("field, value, expected", [
    ("integer", 7, 7), ("integer", "-73", -73), ("integer", 3.0, 3), ("integer", "1\n", 1),
    ("non_negative", "1313974842", 1313974842), ("non_negative", 0, 0),
    ("flag", "1", 1), ("flag", "001", 1), ("flag", 0, 0), ("text", "", ""),
])
def test_wire_types_accept_what_the_schema_accepts(field: str, value: object,
                                                     expected: object) -> None:
    assert getattr(Probe.model_validate({field: value}), field) == expected


@pytest.mark.parametrize("field, value", [
    ("integer", True), ("integer", 1.5), ("integer", "1.0"), ("integer", " 1"), ("integer", "x"),
    ("non_negative", -1), ("non_negative", "-1"), ("flag", 2), ("flag", "-0"), ("flag", False),
    ("text", 5), ("text", b"bytes"),
])
def test_wire_types_reject_what_the_schema_rejects(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as raised:
        Probe.model_validate({field: value})
    assert raised.value.errors()[0]["loc"][0] == field  # then the union member


def test_the_patterns_anchor_both_ends() -> None:
    assert set(PATTERNS) == {"integer", "non_negative", "flag", "zero"}
    assert all(p.startswith("^") and p.endswith("$") for p in PATTERNS.values())

"""The base of typed results, in place: what a result holds beside its fields (when it was
read, the retries it took), however it was built."""

from __future__ import annotations

import pickle
import time
from datetime import UTC, datetime

import pytest
from pydantic import Field

from generator.runtime._fast import OnePass
from generator.runtime._response import FieldKind
from generator.runtime._result import Result


class Sample(Result):
    msg: str = Field(description="the message")
    name: str = Field(description="a name")
    size: int | None = Field(default=None, description="a size")


SAMPLE_FIELDS = {"ret": FieldKind("integer", False), "msg": FieldKind("text", False),
                 "name": FieldKind("text", False), "size": FieldKind("integer", False)}


def _read_now(result: Result, before: float) -> None:
    received = result.received_at
    assert received.tzinfo is not None and received.utcoffset() == UTC.utcoffset(None)
    assert before - 1 <= received.timestamp() <= time.time() + 1
    assert result.retries_taken == 0


def test_each_way_of_building_a_result_stamps_it() -> None:
    before = time.time()
    one_pass = OnePass(Sample, SAMPLE_FIELDS, "ret", "msg", code_always=True)
    fast = one_pass.parse_json(b'{"ret": 0, "msg": "", "name": "a"}')
    assert isinstance(fast, Sample)
    built = (fast, Sample(msg="", name="a"), Sample.model_validate({"msg": "", "name": "a"}),
             Sample.model_validate_json(b'{"msg": "", "name": "a"}'),
             Sample.model_construct(msg="", name="a"))
    for result in built:
        _read_now(result, before)
        assert result == Sample(msg="", name="a")


def test_copies_and_pickles_keep_the_moment_and_the_retries() -> None:
    result = Sample(msg="", name="a")
    result._count_retries(2)
    for copy in (result.model_copy(), pickle.loads(pickle.dumps(result))):
        assert copy.received_at == result.received_at
        assert copy.retries_taken == 2


def test_the_one_pass_builds_the_result_itself_not_through_the_class_validator() -> None:
    """pydantic-core would reuse Sample's own validator for a schema that names Sample;
    the one pass's is its own, and Sample stays complete."""
    one_pass = OnePass(Sample, SAMPLE_FIELDS, "ret", "msg", code_always=True)
    assert Sample.__pydantic_complete__
    assert one_pass.parse_json(b'{"ret": 1002, "msg": "login"}') == (1002, "login")
    # The class's validator would refuse a missing name; the one pass hands it to the full path.
    assert one_pass.parse_json(b'{"ret": 0, "msg": ""}') is None
    built = one_pass.parse_json(b'{"ret": 0, "msg": "", "name": "a", "size": 3, "x": [1]}')
    assert isinstance(built, Sample)
    assert built.model_fields_set == {"msg", "name", "size", "x"}
    assert built.model_extra == {"x": [1]}
    assert "ret" not in built.__dict__ and built.msg == ""


def test_received_at_is_the_moment_of_the_read_not_of_the_question(
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1_700_000_000.25]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    one_pass = OnePass(Sample, SAMPLE_FIELDS, "ret", "msg", code_always=True)
    made = (Sample(msg="", name="a"), one_pass.parse_json(b'{"ret": 0, "msg": "", "name": "a"}'))
    clock[0] += 3600
    for result in made:
        assert isinstance(result, Sample)
        assert result.received_at == datetime(2023, 11, 14, 22, 13, 20, 250000, tzinfo=UTC)

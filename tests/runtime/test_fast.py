"""The one-pass path gives what the full path gives, or hands the body back: never another verdict.

Every body the tests know (the spec's examples, the captures, the hostile corpus, the
targeted and random corpora of the contract check) is judged both ways, for every
endpoint of the spec.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime

import pytest

import qq_connect.endpoints as generated
from generator.model import Endpoint as SpecEndpoint
from qq_connect import ApiError, QQConnectError, Result
from qq_connect._decode import BodyRefused, decode_body
from qq_connect._response import Endpoint
from tests.contract.corpus import bodies, targeted_bodies
from tests.contract.from_spec import CAPTURES, ENDPOINTS, ROOT

HOSTILE = ROOT / "tests" / "hostile" / "corpus"
CORPUS_SIZE = 6_000

Outcome = Result | tuple[int, str] | str


def _runtime(name: str) -> Endpoint:  # type: ignore[type-arg]
    endpoint: Endpoint = next(  # type: ignore[type-arg]
        getattr(generated, spec.constant) for spec in ENDPOINTS if spec.name == name)
    return endpoint


def _full_path(endpoint: Endpoint, body: bytes) -> Outcome:  # type: ignore[type-arg]
    """What the wire model's two passes make of a body."""
    try:
        wire = endpoint.parse_wire(body)
        failure = wire.failure()
        if failure is not None:
            code, message = failure
            return (code, message) if message is not None else "refused"
        result: Result = endpoint.result_from_wire(wire, body)
    except ApiError as error:
        return (error.code, error.msg)
    except QQConnectError:
        return "refused"
    return result


def _one_pass(endpoint: Endpoint, body: bytes) -> Outcome | None:  # type: ignore[type-arg]
    """What the one pass makes of a body the client decodes (None: it hands it back)."""
    one_pass = endpoint._one_pass
    assert one_pass is not None
    try:
        decoded = decode_body(body, endpoint.encodings, endpoint.xml_root)
    except BodyRefused:
        return None
    if decoded.json_text is not None:
        return one_pass.parse_json(decoded.json_text)
    return one_pass.parse_values(decoded.values or {})


def _known_bodies() -> Iterator[tuple[str, bytes]]:
    for spec in ENDPOINTS:
        for example in spec.examples:
            yield spec.name, example.body
        for _, body in targeted_bodies(spec):
            yield spec.name, body
        for folder in (CAPTURES / spec.name, HOSTILE / "refused" / spec.name,
                       HOSTILE / "tolerated" / spec.name):
            for path in sorted(folder.glob("*")) if folder.is_dir() else ():
                if path.suffix in (".json", ".jsonp", ".xml", ".form"):
                    yield spec.name, path.read_bytes().replace(b"WATCHPORT", b"9")
    for name, _, body in bodies(CORPUS_SIZE, seed=7):
        yield name, body


def _same_result(fast: Result, full: Result) -> None:
    assert type(fast) is type(full)
    # repr: a NaN among the unknown fields is never equal to itself.
    assert repr(fast.model_extra) == repr(full.model_extra)
    assert fast.__dict__ == full.__dict__
    assert fast.model_fields_set == full.model_fields_set
    for name, value in fast.__dict__.items():
        other = full.__dict__[name]
        assert type(value) is type(other), name
        if isinstance(value, datetime):
            assert value.utcoffset() == other.utcoffset(), name
    assert fast.__pydantic_private__ is not None and full.__pydantic_private__ is not None
    assert set(fast.__pydantic_private__) == set(full.__pydantic_private__)
    assert fast.retries_taken == 0


def test_the_one_pass_agrees_with_the_full_path_on_every_known_body() -> None:
    taken = {spec.name: 0 for spec in ENDPOINTS}
    judged = 0  # bodies of every encoding, decoded or refused
    for name, body in _known_bodies():
        endpoint = _runtime(name)
        judged += 1
        outcome = _one_pass(endpoint, body)
        if outcome is None:
            continue
        taken[name] += 1
        full = _full_path(endpoint, body)
        if isinstance(outcome, Result):
            assert isinstance(full, Result), (name, body[:200], full)
            _same_result(outcome, full)
        else:
            assert outcome == full, (name, body[:200])
    assert judged > CORPUS_SIZE
    assert all(taken.values()), taken  # every endpoint has bodies the one pass takes


@pytest.mark.parametrize("spec", ENDPOINTS, ids=lambda spec: spec.name)
def test_the_spec_examples_take_one_pass(spec: SpecEndpoint) -> None:
    """The common answers are what the one pass is for: each example, in every encoding,
    takes it."""
    endpoint = _runtime(spec.name)
    for example in spec.examples:
        assert _one_pass(endpoint, example.body) is not None, example.file


def test_parse_gives_the_one_pass_result() -> None:
    """``Endpoint.parse`` uses the one pass: a body it takes comes back as it made it."""
    for spec in ENDPOINTS:
        endpoint = _runtime(spec.name)
        for example in spec.examples:
            outcome = _one_pass(endpoint, example.body)
            if isinstance(outcome, Result):
                _same_result(endpoint.parse(example.body), outcome)
            elif outcome is not None:
                with pytest.raises(ApiError) as raised:
                    endpoint.parse(example.body)
                assert (raised.value.code, raised.value.msg) == outcome


@pytest.mark.parametrize("spec", ENDPOINTS, ids=lambda spec: spec.name)
def test_the_endpoint_knows_its_error_shape_as_its_wire_model_does(spec: SpecEndpoint) -> None:
    endpoint = _runtime(spec.name)
    wire = endpoint.wire_model
    assert (endpoint.code_field, endpoint.message_field, endpoint.code_always) == (
        wire.CODE_FIELD, wire.MESSAGE_FIELD, wire.model_fields[wire.CODE_FIELD].is_required())


def test_an_answer_the_one_pass_takes_never_loads_the_wire_model() -> None:
    """The first call pays for the result model only."""
    spec = next(e for e in ENDPOINTS if any(x.format == "json" for x in e.examples))
    example = next(x for x in spec.examples if x.format == "json")
    probe = (f"import sys, qq_connect.endpoints as e; e.{spec.constant}.parse(sys.stdin.buffer"
             f".read()); print(any(m.startswith('qq_connect.wire') for m in sys.modules))")
    ran = subprocess.run([sys.executable, "-c", probe], input=example.body, capture_output=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "generated")}, check=False,
                         timeout=60)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.decode().strip() == "False"

"""Where the JSON path's time goes: the worst JSON body, taken apart step by step.

Each step adds one piece of work to the one before it, all measured in the same paired
rounds as the bare pydantic model the goal compares against: what the goal's ratio
costs, piece by piece, and so what meeting it would take.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic_core import SchemaValidator, core_schema

from qq_connect._fast import _fields_schema, _gate  # the one pass's own pieces
from qq_connect._response import Endpoint

from .decode import bare_model, examples
from .harness import Row, microseconds, paired

SECTION = "1 decode JSON: profile"


def _gates_only(endpoint: Endpoint) -> Callable[[bytes], object]:  # type: ignore[type-arg]
    """The one pass without the result's conversions: each field held to its wire type."""
    fields = {name: core_schema.model_field(core_schema.with_default_schema(
        _gate(kind), default=None)) for name, kind in endpoint.fields.items()}
    validator = SchemaValidator(core_schema.model_fields_schema(fields, extra_behavior="allow"))
    return validator.validate_json


def _converted(endpoint: Endpoint) -> Callable[[bytes], object]:  # type: ignore[type-arg]
    """The one pass's fields with the result's conversions, as values (no object, no check)."""
    schema = _fields_schema(endpoint.result_model, endpoint.fields, _gate)
    return SchemaValidator(schema).validate_json


def rows(rounds: int, number: int, body_name: str = "success.json",
         endpoint_name: str = "get_vip_rich_info") -> list[Row]:
    example = next((e for e in examples(("json",)) if e.endpoint.name == endpoint_name
                    and e.path.name == body_name), None)
    if example is None:
        return [Row(SECTION, f"no {endpoint_name}/{body_name} to take apart", "-", "-", "-",
                    "-", "-")]
    endpoint, body = example.endpoint, example.path.read_bytes()
    endpoint.parse(body)  # loads the models and builds the one pass
    one_pass = endpoint._one_pass
    assert one_pass is not None
    bare = bare_model(endpoint)
    steps: dict[str, Callable[[], object]] = {
        "bare": lambda: bare.model_validate_json(body),
        "each field held to its wire type (no conversion)": lambda: gates(body),
        "+ the result's conversions (datetimes, bools, code-table values)":
            lambda: converted(body),
        "+ the envelope checked, the result object built by pydantic-core":
            lambda: one_pass._json(body),
        "+ its read time (OnePass.parse_json)": lambda: one_pass.parse_json(body),
        "+ Endpoint.parse (what a call pays)": lambda: endpoint.parse(body),
    }
    gates = _gates_only(endpoint)
    converted = _converted(endpoint)
    timings = paired(steps, number=number, rounds=rounds)
    label = f"{endpoint_name}/{body_name}"
    return [Row(SECTION, f"{label}: {step}", microseconds(timings.median(step)),
                microseconds(timings.median("bare")), f"{timings.ratio(step, 'bare'):.2f}×",
                "-", "-") for step in steps if step != "bare"]

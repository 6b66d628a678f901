"""The JSON Schema (draft 2020-12) of each endpoint's response, as plain data.

Numbers may arrive as numeric strings (a Tencent proxy of get_vip_rich_info sends
them), so every integer kind also accepts a string of digits with the same bounds.
"""

from __future__ import annotations

from typing import Any

from .model import Endpoint, Field
from .runtime._kinds import PATTERNS
from .texts import endpoint_summary, field_description

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_ANY_INTEGER = PATTERNS["integer"]
_NON_NEGATIVE = PATTERNS["non_negative"]

# One definition per kind; every field refers to its kind's definition.
_DEFINITIONS: dict[str, dict[str, Any]] = {
    "ReturnCode": {
        "description": "0 is success; every other value, positive or negative, is a failure.",
        "anyOf": [{"type": "integer"}, {"type": "string", "pattern": _ANY_INTEGER}],
    },
    "Flag": {
        "description": "0 or 1, possibly as the string \"0\" or \"1\".",
        "anyOf": [{"type": "integer", "minimum": 0, "maximum": 1},
                  {"type": "string", "pattern": PATTERNS["flag"]}],
    },
    "Timestamp": {
        "description": "Unix seconds; 0 means none.",
        "anyOf": [{"type": "integer", "minimum": 0},
                  {"type": "string", "pattern": _NON_NEGATIVE}],
    },
    "Duration": {
        "description": "Seconds from the moment of the answer.",
        "anyOf": [{"type": "integer", "minimum": 0},
                  {"type": "string", "pattern": _NON_NEGATIVE}],
    },
    "Level": {
        "anyOf": [{"type": "integer", "minimum": 0},
                  {"type": "string", "pattern": _NON_NEGATIVE}],
    },
    "Integer": {
        "anyOf": [{"type": "integer"}, {"type": "string", "pattern": _ANY_INTEGER}],
    },
    "Text": {"type": "string"},
}
_KIND_DEFINITIONS = {
    "return_code": "ReturnCode",
    "flag": "Flag",
    "timestamp": "Timestamp",
    "duration": "Duration",
    "level": "Level",
    "integer": "Integer",
    "code": "Integer",
    "text": "Text",
}


def schema_id(endpoint: Endpoint) -> str:
    return f"urn:qq-connect:response:{endpoint.name}"


def response_schema(endpoint: Endpoint, banner: str) -> dict[str, Any]:
    """The contract of one endpoint's response body.

    JSONP and form bodies are judged by the object they carry (form values are strings).
    """
    required_on_success = [f.name for f in endpoint.success_fields if f.documented]
    used = sorted({_KIND_DEFINITIONS[f.kind] for f in endpoint.fields})
    shape = endpoint.errors
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": schema_id(endpoint),
        "$comment": banner,
        "title": endpoint.result_class,
        "description": endpoint_summary(endpoint),
        "type": "object",
        "x-encodings": list(endpoint.encodings),
    }
    if shape.always_present:
        schema |= {
            "required": [shape.code_field, shape.message_field],
            # Success is ret 0, as the client reads it: also "0" or "00" on the wire.
            "if": {"required": [shape.code_field], "properties": {shape.code_field: {"anyOf": [
                {"const": 0}, {"type": "string", "pattern": PATTERNS["zero"]}]}}},
            "then": {"required": required_on_success},
        }
    else:
        # Failure is the presence of the code field; it comes with its message.
        schema |= {
            "if": {"required": [shape.code_field]},
            "then": {"required": [shape.message_field]},
            "else": {"required": required_on_success},
        }
    return schema | {
        "properties": {f.name: _property(f) for f in endpoint.fields},
        "additionalProperties": True,
        "$defs": {name: _DEFINITIONS[name] for name in used},
    }


def _property(field: Field) -> dict[str, Any]:
    result: dict[str, Any] = {
        "$ref": f"#/$defs/{_KIND_DEFINITIONS[field.kind]}",
        "description": field_description(field),
    }
    if field.example_only:
        result["x-example-only"] = True
    elif not field.documented:
        result["x-presence"] = field.presence
    if field.numeric_string:
        result["x-wire-type"] = "string"
    if field.sensitive:
        result["x-sensitive"] = field.sensitive
    table = field.code_table
    if table is not None:
        # Known codes are annotations, not an enum: the table is open.
        result["x-code-table"] = table.name
        result["x-known-codes"] = {str(entry.code): entry.label for entry in table.codes}
    return result

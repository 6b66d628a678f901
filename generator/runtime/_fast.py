"""One validation pass from JSON bytes to the typed result, for the answers that allow it.

The full path validates the wire model, then converts it into the result model: two
passes, the second in Python. Here one pydantic-core validator reads the JSON bytes
straight into the result object. Each field is first held to its wire type at its
strictest (a JSON integer within the wire type's bounds, a JSON string for text; a
numeric string only where the page documents one), then converted by the result's
own type. Whatever this pass does not accept, it hands back (None) to the full path,
which alone produces errors: so it can only be faster, never judge differently.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Final, Generic, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import SchemaValidator, core_schema

from ._kinds import KIND_BOUNDS, PATTERNS
from ._response import FieldKind
from ._result import Result, read_now

__all__ = ["OnePass"]

ResultT = TypeVar("ResultT", bound=Result)

# Numeric strings longer than this take the full path (it knows Python's digit limit).
_MAX_DIGITS: Final = 18


def _gate(field: FieldKind) -> core_schema.CoreSchema:
    """The JSON values the field's wire type surely accepts, as the result's type wants them."""
    if field.kind == "text":
        return core_schema.str_schema(strict=True)
    _, low, high = KIND_BOUNDS[field.kind]
    number = core_schema.int_schema(strict=True, ge=low, le=high)
    if not field.numeric_string:
        return number
    return core_schema.union_schema([number, _numeric_text(field)])


def _text_gate(field: FieldKind) -> core_schema.CoreSchema:
    """The same for answers whose values are all text (XML elements, form pairs)."""
    if field.kind == "text":
        return core_schema.str_schema(strict=True)
    return _numeric_text(field)


def _numeric_text(field: FieldKind) -> core_schema.CoreSchema:
    return core_schema.chain_schema([
        core_schema.str_schema(strict=True, pattern=PATTERNS[KIND_BOUNDS[field.kind][0]],
                               max_length=_MAX_DIGITS),
        core_schema.int_schema(),
    ])


Gate = Callable[[FieldKind], core_schema.CoreSchema]


@cache
def _type_schema(annotation: Any) -> core_schema.CoreSchema:
    """A result type's own schema; fields share types (timestamps, a code table)."""
    return TypeAdapter(annotation).core_schema


def _fields_schema(result_model: type[Result], fields: Mapping[str, FieldKind],
                   gate: Gate) -> core_schema.CoreSchema:
    """Each field held by ``gate``, then converted by the result's own type."""
    declared = result_model.model_fields
    schemas: dict[str, core_schema.ModelField] = {}
    # Types shared by fields (a code table's class) are defined once for all of them.
    definitions: dict[str, core_schema.CoreSchema] = {}
    for name, field in fields.items():
        value = gate(field)
        if name in declared:  # the code field, and an OAuth message, stay wire values
            convert = _type_schema(declared[name].rebuild_annotation())
            if convert["type"] == "definitions":
                definitions.update((d["ref"], d) for d in convert["definitions"] if "ref" in d)
                convert = convert["schema"]
            value = core_schema.chain_schema([value, convert])
        # Absent is None here: a failure carries few fields; a success's required fields
        # are counted after.
        schemas[name] = core_schema.model_field(
            core_schema.with_default_schema(value, default=None))
    validator: core_schema.CoreSchema = core_schema.model_fields_schema(
        schemas, extra_behavior="allow")
    if definitions:
        validator = core_schema.definitions_schema(validator, list(definitions.values()))
    return validator


Fields = tuple[dict[str, Any], dict[str, Any] | None, set[str]]


# A failure's (code, message), under a key no field can have. The validator returns it as
# the values of a throwaway result: raising from inside the validator costs more than
# building the object.
_FAILURE: Final = " failure"


def _outcome(result: ResultT) -> ResultT | tuple[int, str]:
    failure: tuple[int, str] | None = result.__dict__.get(_FAILURE)
    if failure is not None:
        return failure
    read_now(result)  # pydantic-core left model_post_init out: a result built here
    return result


class _Envelope:
    """What the one pass asks of the envelope before pydantic-core builds the result: the
    code says success, the message is where the full path keeps it, no required field is
    missing. Anything else fails validation: the full path judges it. A failure's code and
    message come back in place of the result's values (``_FAILURE``)."""

    def __init__(self, result_model: type[Result], code_field: str, message_field: str,
                 code_always: bool) -> None:
        self._code_field = code_field
        self._message_field = message_field
        self._message_kept = message_field in result_model.model_fields
        self._code_always = code_always
        self._required = frozenset(name for name, info in result_model.model_fields.items()
                                   if info.is_required())

    def check(self, validated: Fields) -> Fields:
        values, _, present = validated
        code = values.pop(self._code_field)
        message = values[self._message_field] if self._message_kept \
            else values.pop(self._message_field)
        present.discard(self._code_field)
        if code is not None and (code != 0 or not self._code_always):
            if message is None:
                raise ValueError("a failure without its message")
            return {_FAILURE: (code, message)}, None, set()
        if code is None and self._code_always:
            raise ValueError("no code")
        if not self._message_kept and self._message_field in present:
            # The full path keeps a success's message as an unknown field.
            raise ValueError("a message in a success")
        if not self._required <= present:
            raise ValueError("a required field is missing")
        return validated


def _result_validator(result_model: type[Result], fields: Mapping[str, FieldKind],
                      gate: Gate, envelope: _Envelope) -> SchemaValidator:
    """The result built by pydantic-core from the checked fields (no Python constructor)."""
    checked = core_schema.chain_schema([
        _fields_schema(result_model, fields, gate),
        core_schema.no_info_plain_validator_function(envelope.check)])
    definitions: list[core_schema.CoreSchema] = []
    if checked["steps"][0]["type"] == "definitions":
        inner = checked["steps"][0]
        definitions = inner["definitions"]
        checked["steps"][0] = inner["schema"]
    schema: core_schema.CoreSchema = core_schema.model_schema(
        result_model, checked, custom_init=False, root_model=False,
        config=core_schema.CoreConfig(extra_fields_behavior="allow"))
    if definitions:
        schema = core_schema.definitions_schema(schema, definitions)
    return _own_validator(result_model, schema)


def _own_validator(model: type[Result], schema: core_schema.CoreSchema) -> SchemaValidator:
    """A validator of ``schema``, not the model's own one.

    pydantic-core reuses a complete model's own validator for any schema that names the
    class; a class that reads as incomplete while this one is built keeps its fields here
    (``BaseModel.model_rebuild`` does the same).
    """
    with _BUILDING:
        complete = model.__dict__.get("__pydantic_complete__", False)
        model.__pydantic_complete__ = False
        try:
            return SchemaValidator(schema)
        finally:
            model.__pydantic_complete__ = complete


_BUILDING: Final = threading.Lock()


class OnePass(Generic[ResultT]):
    """The one-pass validators of an endpoint's answers: JSON bytes, or text values."""

    def __init__(self, result_model: type[ResultT], fields: Mapping[str, FieldKind],
                 code_field: str, message_field: str, code_always: bool) -> None:
        envelope = _Envelope(result_model, code_field, message_field, code_always)
        self._json = _result_validator(result_model, fields, _gate, envelope).validate_json
        self._text = _result_validator(
            result_model, fields, _text_gate, envelope).validate_python

    def parse_json(self, text: bytes) -> ResultT | tuple[int, str] | None:
        """The result of a success, ``(code, message)`` of a failure, or None: take the full path.

        A failure still has every field it carries held to its type, as the wire model
        would hold it.
        """
        try:
            return _outcome(self._json(text))
        except ValidationError:
            return None

    def parse_values(self, values: Mapping[str, str]) -> ResultT | tuple[int, str] | None:
        """The same for an answer read as text values (XML elements, form pairs)."""
        try:
            return _outcome(self._text(values))
        except ValidationError:
            return None

"""One validation pass from JSON bytes to the typed result, for the answers that allow it.

The full path validates the wire model, then converts it into the result model: two
passes, the second in Python. Here one pydantic-core validator reads the JSON bytes
straight into the result's fields. Each field is first held to its wire type at its
strictest (a JSON integer within the wire type's bounds, a JSON string for text; a
numeric string only where the page documents one), then converted by the result's
own type. Whatever this pass does not accept, it hands back (None) to the full path,
which alone produces errors: so it can only be faster, never judge differently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Final, Generic, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import SchemaValidator, core_schema

from ._response import FieldKind
from ._result import Result, fresh_private_state
from ._wire import KIND_BOUNDS, PATTERNS

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


def _validator(result_model: type[Result], fields: Mapping[str, FieldKind],
               gate: Gate) -> SchemaValidator:
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
    return SchemaValidator(validator)


Fields = tuple[dict[str, Any], dict[str, Any] | None, set[str]]


class OnePass(Generic[ResultT]):
    """The one-pass validators of an endpoint's answers: JSON bytes, or text values."""

    def __init__(self, result_model: type[ResultT], fields: Mapping[str, FieldKind],
                 code_field: str, message_field: str, code_always: bool) -> None:
        self._json = _validator(result_model, fields, _gate).validate_json
        self._text = _validator(result_model, fields, _text_gate).validate_python
        self._model = result_model
        self._code_field = code_field
        self._message_field = message_field
        self._message_kept = message_field in result_model.model_fields
        self._code_always = code_always
        self._required = frozenset(name for name, info in result_model.model_fields.items()
                                   if info.is_required())

    def parse_json(self, text: bytes) -> ResultT | tuple[int, str] | None:
        """The result of a success, ``(code, message)`` of a failure, or None: take the full path.

        A failure still has every field it carries held to its type, as the wire model
        would hold it.
        """
        try:
            return self._outcome(self._json(text))
        except ValidationError:
            return None

    def parse_values(self, values: Mapping[str, str]) -> ResultT | tuple[int, str] | None:
        """The same for an answer read as text values (XML elements, form pairs)."""
        try:
            return self._outcome(self._text(values))
        except ValidationError:
            return None

    def _outcome(self, validated: Fields) -> ResultT | tuple[int, str] | None:
        values, extra, present = validated
        code = values.pop(self._code_field)
        message = values[self._message_field] if self._message_kept \
            else values.pop(self._message_field)
        present.discard(self._code_field)
        failed = code is not None and (code != 0 or not self._code_always)
        if failed:
            return None if message is None else (code, message)
        if code is None and self._code_always:
            return None
        if not self._message_kept and self._message_field in present:
            return None  # the full path keeps a success's message as an unknown field
        if not self._required <= present:
            return None
        result = self._model.__new__(self._model)
        _set = object.__setattr__
        _set(result, "__dict__", values)
        _set(result, "__pydantic_extra__", extra)
        _set(result, "__pydantic_fields_set__", present)
        _set(result, "__pydantic_private__", fresh_private_state())
        return result

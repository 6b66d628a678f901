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

from collections.abc import Mapping
from typing import Final, Generic, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import SchemaValidator, core_schema

from ._response import FieldKind
from ._result import Result, fresh_private_state
from ._wire import PATTERNS

__all__ = ["FastJSON"]

ResultT = TypeVar("ResultT", bound=Result)

# The wire type's bounds by field kind, as ``_wire``'s types state them.
_BOUNDS: Final[Mapping[str, tuple[int | None, int | None]]] = {
    "return_code": (None, None), "integer": (None, None), "code": (None, None),
    "timestamp": (0, None), "duration": (0, None), "level": (0, None), "flag": (0, 1),
}
_PATTERN_OF: Final[Mapping[str, str]] = {
    "return_code": "integer", "integer": "integer", "code": "integer",
    "timestamp": "non_negative", "duration": "non_negative", "level": "non_negative",
    "flag": "flag",
}
# Numeric strings longer than this take the full path (it knows Python's digit limit).
_MAX_DIGITS: Final = 18


def _gate(field: FieldKind) -> core_schema.CoreSchema:
    """The JSON values the field's wire type surely accepts, as the result's type wants them."""
    if field.kind == "text":
        return core_schema.str_schema(strict=True)
    low, high = _BOUNDS[field.kind]
    number = core_schema.int_schema(strict=True, ge=low, le=high)
    if not field.numeric_string:
        return number
    text = core_schema.chain_schema([
        core_schema.str_schema(strict=True, pattern=PATTERNS[_PATTERN_OF[field.kind]],
                               max_length=_MAX_DIGITS),
        core_schema.int_schema(),
    ])
    return core_schema.union_schema([number, text])


class FastJSON(Generic[ResultT]):
    """The one-pass validator of an endpoint's JSON answers (success and failure)."""

    def __init__(self, result_model: type[ResultT], fields: Mapping[str, FieldKind],
                 code_field: str, message_field: str, code_always: bool) -> None:
        declared = result_model.model_fields
        schemas: dict[str, core_schema.ModelField] = {}
        # Types shared by fields (a code table's class) are defined once for all of them.
        definitions: dict[str, core_schema.CoreSchema] = {}
        for name, field in fields.items():
            value = _gate(field)
            if name in declared:  # the code field, and an OAuth message, stay wire values
                convert = TypeAdapter(declared[name].rebuild_annotation()).core_schema
                if convert["type"] == "definitions":
                    definitions.update((d["ref"], d) for d in convert["definitions"]
                                       if "ref" in d)
                    convert = convert["schema"]
                value = core_schema.chain_schema([value, convert])
            # Absent is None here: a failure carries few fields; a success's required
            # fields are counted after.
            schemas[name] = core_schema.model_field(
                core_schema.with_default_schema(value, default=None))
        validator: core_schema.CoreSchema = core_schema.model_fields_schema(
            schemas, extra_behavior="allow")
        if definitions:
            validator = core_schema.definitions_schema(validator, list(definitions.values()))
        self._validate = SchemaValidator(validator).validate_json
        self._model = result_model
        self._code_field = code_field
        self._message_field = message_field
        self._message_kept = message_field in declared
        self._code_always = code_always
        self._required = frozenset(name for name, info in declared.items()
                                   if info.is_required())

    def parse(self, text: bytes) -> ResultT | tuple[int, str] | None:
        """The result of a success, ``(code, message)`` of a failure, or None: take the full path.

        A failure still has every field it carries held to its type, as the wire model
        would hold it.
        """
        try:
            values, extra, present = self._validate(text)
        except ValidationError:
            return None
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


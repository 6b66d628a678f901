# Copied from generator/runtime/_response.py; do not edit here: edit that file and run `make generate`.
"""From response bytes to the typed result: decode by the body, validate, check for failure."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Generic, TypeVar

from pydantic_core import ValidationError

from ._codes import ReturnCodeTable
from ._decode import BodyRefused, Decoded, Encoding, decode_body
from ._errors import DecodeError, ResponseValidationError

if TYPE_CHECKING:  # the models load when an answer first needs them (``load_result``)
    from ._fast import OnePass
    from ._result import Result
    from ._wire import WireModel

__all__ = ["Endpoint", "FieldKind", "FormatParameter"]


@cache
def _secret_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """Where a field's value stands in JSON, form pairs and XML."""
    quoted = re.escape(name)
    return (re.compile(rf'"{quoted}"\s*:\s*"((?:[^"\\]|\\.)*)'),
            re.compile(rf"(?:^|&){quoted}=([^&\s]*)"),
            re.compile(rf"<{quoted}>([^<]*)"))

WireT = TypeVar("WireT", bound="WireModel")
ResultT = TypeVar("ResultT", bound="Result")


@dataclass(frozen=True)
class FieldKind:
    """What the spec says of a response field: its kind, and whether the page documents
    a number as a JSON string (a numeric string by design)."""

    kind: str
    numeric_string: bool = False


@dataclass(frozen=True)
class FormatParameter:
    """How an endpoint is asked for a format: the value sent per format (None: nothing)."""

    name: str
    values: Mapping[str, str | None]


@dataclass(frozen=True)
class Endpoint(Generic[WireT, ResultT]):
    """One endpoint of the spec: where it lives, how it answers, the models of its answer.

    ``formats`` are what a call may ask for; ``encodings`` every encoding an answer may
    come in, whatever was asked (the token step answers form pairs, or JSONP on error).
    ``retry_safe`` is False when a repeated request could spend a single-use input.
    """

    name: str
    path: str
    methods: tuple[str, ...]
    formats: tuple[str, ...]
    encodings: tuple[Encoding, ...]
    format_parameter: FormatParameter
    load_wire: Callable[[], type[WireT]] = field(repr=False)
    load_result: Callable[[], type[ResultT]] = field(repr=False)
    return_codes: ReturnCodeTable = field(repr=False)
    xml_root: str
    base_url: str = ""
    retry_safe: bool = True
    secret_fields: frozenset[str] = frozenset()
    fields: Mapping[str, FieldKind] = field(default_factory=dict, repr=False)
    # Where an answer says it failed, as the wire model's base says it (a test holds them
    # equal): known without loading the wire model, which only the full path needs.
    code_field: str = "ret"
    message_field: str = "msg"
    code_always: bool = True

    @cached_property
    def wire_model(self) -> type[WireT]:
        """The model of the answer as sent, loaded when an answer first needs the full path."""
        return self.load_wire()

    @cached_property
    def result_model(self) -> type[ResultT]:
        """The model of a successful answer's typed result."""
        return self.load_result()

    def parse_wire(self, body: bytes) -> WireT:
        """The raw wire model of a body, decoded by what the body is, never the Content-Type."""
        return self._wire_of(self._decode(body), body)

    def _decode(self, body: bytes) -> Decoded:
        try:
            return decode_body(body, self.encodings, self.xml_root)
        except BodyRefused as error:
            raise DecodeError(self.name, str(error), body) from None

    def _wire_of(self, decoded: Decoded, body: bytes) -> WireT:
        try:
            if decoded.json_text is not None:
                wire = self.wire_model.model_validate_json(decoded.json_text)
            else:
                wire = self.wire_model.model_validate(decoded.values)
        except ValidationError as error:
            raise self._validation_error(error, body) from None
        # Optional wire fields default to None; an explicit null breaks the contract.
        declared = type(wire).model_fields
        nulls = {name: "null is not allowed" for name in wire.model_fields_set
                 if name in declared and getattr(wire, name) is None}
        if nulls:
            raise ResponseValidationError(self.name, nulls, body)
        return wire

    @cached_property
    def _one_pass(self) -> OnePass[ResultT] | None:
        if not self.fields:
            return None
        from ._fast import OnePass

        return OnePass(self.result_model, self.fields, self.code_field, self.message_field,
                       self.code_always)

    def parse(self, body: bytes) -> ResultT:
        """The typed result of a successful answer; raise the typed ApiError of a failure.

        Answers take one validation pass when they can (``_fast``); any answer the one
        pass does not accept takes the wire model's full path, which alone finds errors.
        """
        one_pass = self._one_pass
        # JSON as it usually comes is read before any decoding; once refused, it is not
        # read by the one pass again.
        raw_json = body[:1] == b"{" and "json" in self.encodings
        if one_pass is not None and raw_json:
            outcome = one_pass.parse_json(body)
            if outcome is not None:
                return self._outcome(outcome)
        decoded = self._decode(body)
        if one_pass is not None and not (raw_json and decoded.encoding == "json"):
            if decoded.json_text is not None:
                outcome = one_pass.parse_json(decoded.json_text)
            else:
                outcome = one_pass.parse_values(decoded.values or {})
            if outcome is not None:
                return self._outcome(outcome)
        wire = self._wire_of(decoded, body)
        failure = wire.failure()
        if failure is not None:
            code, message = failure
            if message is None:
                raise ResponseValidationError(
                    self.name, {wire.MESSAGE_FIELD: "Field required"}, body)
            raise self.return_codes.error_for(self.name, code, message, wire.CODE_FIELD)
        return self.result_from_wire(wire, body)

    def _outcome(self, outcome: ResultT | tuple[int, str]) -> ResultT:
        if isinstance(outcome, tuple):
            code, message = outcome
            raise self.return_codes.error_for(self.name, code, message,
                                              self.code_field)
        return outcome

    def result_from_wire(self, wire: WireT, body: bytes = b"") -> ResultT:
        """The result of a validated wire model: conversions by the result model's types."""
        present = wire.model_fields_set
        code = wire.CODE_FIELD
        values = {name: value for name, value in wire.__dict__.items()
                  if name in present and name != code}
        if wire.model_extra:
            values.update(wire.model_extra)
        try:
            return self.result_model.model_validate(values)
        except ValidationError as error:
            raise self._validation_error(error, body) from None

    def secret_values(self, body: bytes) -> list[str]:
        """The values of the answer's sensitive fields (tokens, openids), as the body spells them.

        Read leniently from the raw text, so a truncated or broken body still gives up its
        secrets to be masked in error excerpts and captures.
        """
        text = body.decode("utf-8", "replace")
        found = {match.group(1) for name in sorted(self.secret_fields)
                 for pattern in _secret_patterns(name) for match in pattern.finditer(text)}
        return sorted(value for value in found if value)

    def _validation_error(self, error: ValidationError, body: bytes) -> DecodeError:
        problems: dict[str, str] = {}
        for detail in error.errors(include_url=False, include_input=False):
            if detail["type"] == "json_invalid":
                return DecodeError(self.name, f"invalid JSON: {detail['msg']}", body)
            # The field is enough: union members add their own names after it.
            location = str(detail["loc"][0]) if detail["loc"] else "<body>"
            problems.setdefault(location, detail["msg"])
        return ResponseValidationError(self.name, problems, body)

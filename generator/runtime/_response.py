"""From response bytes to the typed result: sniff the body, validate, check ``ret``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar
from xml.parsers import expat

from pydantic import ValidationError

from ._codes import ReturnCodeTable
from ._errors import DecodeError, ResponseValidationError
from ._result import Result
from ._wire import WireModel
from ._xml import XMLRefused, parse_xml

__all__ = ["Endpoint"]

WireT = TypeVar("WireT", bound=WireModel)
ResultT = TypeVar("ResultT", bound=Result)

_BOM = b"\xef\xbb\xbf"
_WHITESPACE = b" \t\r\n"


@dataclass(frozen=True)
class Endpoint(Generic[WireT, ResultT]):
    """One endpoint of the spec: where it lives, the models of its answer, its error codes."""

    name: str
    path: str
    methods: tuple[str, ...]
    formats: tuple[str, ...]
    wire_model: type[WireT]
    result_model: type[ResultT]
    return_codes: ReturnCodeTable = field(repr=False)
    xml_root: str

    def parse_wire(self, body: bytes) -> WireT:
        """The raw wire model of a JSON or XML body, chosen by the body, never the Content-Type."""
        text = body.removeprefix(_BOM).lstrip(_WHITESPACE)
        try:
            if text.startswith(b"{"):
                wire = self.wire_model.model_validate_json(text)
            elif text.startswith(b"<"):
                wire = self.wire_model.model_validate(parse_xml(text, self.xml_root))
            else:
                raise DecodeError(self.name, "the body is neither a JSON object nor XML", body)
        except (XMLRefused, expat.ExpatError) as error:
            raise DecodeError(self.name, f"unusable XML: {error}", body) from None
        except ValidationError as error:
            raise self._validation_error(error, body) from None
        # Optional wire fields default to None; an explicit null breaks the contract.
        declared = type(wire).model_fields
        nulls = {name: "null is not allowed" for name in wire.model_fields_set
                 if name in declared and getattr(wire, name) is None}
        if nulls:
            raise ResponseValidationError(self.name, nulls, body)
        return wire

    def parse(self, body: bytes) -> ResultT:
        """The typed result of a successful answer; raise the typed ApiError when ret != 0."""
        wire = self.parse_wire(body)
        if wire.ret != 0:
            raise self.return_codes.error_for(self.name, wire.ret, wire.msg)
        return self.result_from_wire(wire, body)

    def result_from_wire(self, wire: WireT, body: bytes = b"") -> ResultT:
        """The result of a validated wire model: conversions by the result model's types."""
        present = wire.model_fields_set
        values = {name: value for name, value in wire.__dict__.items()
                  if name in present and name != "ret"}
        if wire.model_extra:
            values.update(wire.model_extra)
        try:
            return self.result_model.model_validate(values)
        except ValidationError as error:
            raise self._validation_error(error, body) from None

    def _validation_error(self, error: ValidationError, body: bytes) -> DecodeError:
        problems: dict[str, str] = {}
        for detail in error.errors(include_url=False, include_input=False):
            if detail["type"] == "json_invalid":
                return DecodeError(self.name, f"invalid JSON: {detail['msg']}", body)
            # The field is enough: union members add their own names after it.
            location = str(detail["loc"][0]) if detail["loc"] else "<body>"
            problems.setdefault(location, detail["msg"])
        return ResponseValidationError(self.name, problems, body)


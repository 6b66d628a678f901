# Copied from generator/runtime/_wire.py; do not edit here: edit that file and run `make generate`.
"""Wire types: what a response field may carry, before any convenience.

Integers arrive as JSON numbers, as numeric strings (a Tencent proxy of
get_vip_rich_info sends ``"1313974842"``) or as XML text. Each type accepts
exactly what the endpoint's JSON Schema accepts: an integer within the bounds,
or a string matching the schema's pattern, judged with ``re.search`` as the
reference validator judges it, with the patterns and bounds of ``_kinds``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, ClassVar

from annotated_types import Ge, Le
from pydantic import BaseModel, BeforeValidator, ConfigDict, Strict

from ._kinds import PATTERNS

__all__ = [
    "OAuthWireModel",
    "RetWireModel",
    "WireFlag",
    "WireInteger",
    "WireModel",
    "WireNonNegative",
    "WireText",
]

def _integer_parser(pattern: str) -> Callable[[object], object]:
    """Turn a matching numeric string, or an integral float, into an int.

    Anything else is returned unchanged, for the strict int check to reject.
    """
    text_form = re.compile(pattern)

    def parse(value: object) -> object:
        if isinstance(value, str) and text_form.search(value):
            return int(value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    return parse


# Each type is a union: a JSON integer matches the first member inside pydantic-core;
# only numeric strings and integral floats reach the Python parser of the second.
WireInteger = Annotated[int, Strict()] | Annotated[
    int, Strict(), BeforeValidator(_integer_parser(PATTERNS["integer"]))
]
WireNonNegative = Annotated[int, Strict(), Ge(0)] | Annotated[
    int, Strict(), Ge(0), BeforeValidator(_integer_parser(PATTERNS["non_negative"]))
]
WireFlag = Annotated[int, Strict(), Ge(0), Le(1)] | Annotated[
    int, Strict(), Ge(0), Le(1), BeforeValidator(_integer_parser(PATTERNS["flag"]))
]
WireText = Annotated[str, Strict()]


class WireModel(BaseModel):
    """The base of every endpoint's wire model; a subclass per error shape says how it fails."""

    model_config = ConfigDict(extra="allow")

    CODE_FIELD: ClassVar[str]
    MESSAGE_FIELD: ClassVar[str]

    def failure(self) -> tuple[int, str | None] | None:
        """The error code and message if the answer is a failure, else None."""
        raise NotImplementedError


class RetWireModel(WireModel):
    """OpenAPI answers: ``ret`` and ``msg`` always; ``ret`` 0 is success, any other a failure."""

    CODE_FIELD: ClassVar[str] = "ret"
    MESSAGE_FIELD: ClassVar[str] = "msg"

    ret: WireInteger
    msg: WireText

    def failure(self) -> tuple[int, str | None] | None:
        return None if self.ret == 0 else (self.ret, self.msg)


class OAuthWireModel(WireModel):
    """OAuth step answers: ``error`` and ``error_description`` only when the step failed."""

    CODE_FIELD: ClassVar[str] = "error"
    MESSAGE_FIELD: ClassVar[str] = "error_description"

    error: WireInteger | None = None
    error_description: WireText | None = None

    def failure(self) -> tuple[int, str | None] | None:
        return None if self.error is None else (self.error, self.error_description)

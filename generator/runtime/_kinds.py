"""What each field kind carries on the wire: the one home of its numeric-string pattern and
its integer bounds.

The generator writes the patterns into the JSON Schemas; the wire types (``_wire``), the
one pass (``_fast``) and the contract check hold fields to them. Plain data: the check
reads it without loading pydantic.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["KIND_BOUNDS", "PATTERNS"]

# Numeric strings each kind accepts, judged with Python's re.search as the reference
# JSON Schema validator judges them.
PATTERNS: Final[Mapping[str, str]] = {
    "integer": "^-?[0-9]+$",
    "non_negative": "^[0-9]+$",
    "flag": "^0*[01]$",
    "zero": "^-?0+$",
}
# Each field kind's wire type: the ``PATTERNS`` its numeric strings match, and the bounds
# of its integers. The wire types (``_wire``), the contract check and the one pass (``_fast``)
# all hold a field to these.
KIND_BOUNDS: Final[Mapping[str, tuple[str, int | None, int | None]]] = {
    "return_code": ("integer", None, None),
    "integer": ("integer", None, None),
    "code": ("integer", None, None),
    "timestamp": ("non_negative", 0, None),
    "duration": ("non_negative", 0, None),
    "level": ("non_negative", 0, None),
    "flag": ("flag", 0, 1),
}

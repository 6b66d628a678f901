# Copied from generator/runtime/_convert.py; do not edit here: edit that file and run `make generate`.
"""Conveniences over wire values: flags as bool, timestamps as datetimes, codes with labels.

Each conversion is a pydantic-core schema, so converting a field costs no Python call:
the typed result validates JSON bytes in one pass (see ``_fast.py``) as readily as the
integers a wire model hands it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any, ClassVar, Final, Self, cast

from pydantic import GetCoreSchemaHandler
from pydantic_core import TzInfo, core_schema

__all__ = [
    "CodeValue",
    "Duration",
    "Flag",
    "Timestamp",
]

# The last second of year 9999: later dates do not exist in Python.
MAX_TIMESTAMP: Final = 253_402_300_799
# pydantic-core reads larger integers as milliseconds; those few are converted in Python.
_NATIVE_SECONDS: Final = 20_000_000_000
MAX_DURATION: Final = int(timedelta.max.total_seconds())
_UTC: Final = TzInfo(0)


def _late_timestamp(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=_UTC)


def _whole(low: int, high: int) -> core_schema.IntSchema:
    return core_schema.int_schema(strict=True, ge=low, le=high)


def _constant(low: int, high: int, value: object) -> core_schema.CoreSchema:
    """Integers in [low, high] become ``value``: a schema that always fails, defaulted."""
    return core_schema.chain_schema([_whole(low, high), core_schema.with_default_schema(
        core_schema.none_schema(), default=value, on_error="default")])


class _FlagSchema:
    """0 and 1 (and bools) as bool."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.union_schema(
            [_constant(0, 0, False), _constant(1, 1, True), core_schema.bool_schema(strict=True)],
            mode="left_to_right",
            custom_error_type="flag", custom_error_message="Input should be 0 or 1")


class _TimestampSchema:
    """Unix seconds as an aware UTC datetime; 0 means "none" (None)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.union_schema([
            _constant(0, 0, None),
            core_schema.chain_schema([_whole(1, _NATIVE_SECONDS), core_schema.datetime_schema()]),
            core_schema.no_info_after_validator_function(
                _late_timestamp, _whole(_NATIVE_SECONDS + 1, MAX_TIMESTAMP)),
            core_schema.datetime_schema(strict=True),
            core_schema.none_schema(),
        ], mode="left_to_right", custom_error_type="timestamp",
            custom_error_message="seconds outside the range of dates (0 to 253402300799)")


class _DurationSchema:
    """A lifetime in seconds as a timedelta."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.union_schema([
            core_schema.chain_schema([_whole(0, MAX_DURATION), core_schema.timedelta_schema()]),
            core_schema.timedelta_schema(strict=True),
        ], mode="left_to_right", custom_error_type="duration",
            custom_error_message="seconds outside the range of durations")


Flag = Annotated[bool, _FlagSchema]
Timestamp = Annotated[datetime | None, _TimestampSchema]
Duration = Annotated[timedelta, _DurationSchema]


@dataclass(frozen=True)
class CodeValue:
    """A code from an open code table: its number, its label, and whether the table knows it."""

    code: int
    label: str
    known: bool

    LABELS: ClassVar[Mapping[int, str]] = {}
    NONE_CODE: ClassVar[int] = 0
    OTHER_LABEL: ClassVar[str] = ""
    # The values of the known codes, built once: values are frozen, so one serves all.
    _KNOWN: ClassVar[Mapping[int, CodeValue]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._KNOWN = {code: cls(code, label, True) for code, label in cls.LABELS.items()}

    @classmethod
    def from_code(cls, code: int) -> Self | None:
        """The value for ``code``; None for the table's "none" code."""
        if code == cls.NONE_CODE:
            return None
        known = cls._KNOWN.get(code)
        if known is None:
            return cls(code, cls.OTHER_LABEL, False)
        return cast(Self, known)

    @classmethod
    def validate_wire(cls, value: object) -> object:
        if type(value) is int:
            return cls.from_code(value)
        return value

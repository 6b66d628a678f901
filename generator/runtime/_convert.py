"""Conveniences over wire values: flags as bool, timestamps as datetimes, codes with labels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, ClassVar, Self

from pydantic import BeforeValidator, Strict

__all__ = [
    "CodeValue",
    "Duration",
    "Flag",
    "Timestamp",
    "flag_to_bool",
    "seconds_to_datetime",
    "seconds_to_timedelta",
]


def flag_to_bool(value: object) -> object:
    if type(value) is int and value in (0, 1):
        return value == 1
    return value


def seconds_to_datetime(value: object) -> object:
    """Unix seconds → an aware UTC datetime; 0 means "none"."""
    if type(value) is not int:
        return value
    if value == 0:
        return None
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"{value} seconds is outside the range of dates") from None


def seconds_to_timedelta(value: object) -> object:
    """A lifetime in seconds → a timedelta."""
    if type(value) is not int:
        return value
    try:
        return timedelta(seconds=value)
    except OverflowError:
        raise ValueError(f"{value} seconds is too long a duration") from None


# Strict bool after the conversion: only 0 and 1 (and bools) become flags.
Flag = Annotated[bool, Strict(), BeforeValidator(flag_to_bool)]
Timestamp = Annotated[datetime | None, BeforeValidator(seconds_to_datetime)]
Duration = Annotated[timedelta, Strict(), BeforeValidator(seconds_to_timedelta)]


@dataclass(frozen=True)
class CodeValue:
    """A code from an open code table: its number, its label, and whether the table knows it."""

    code: int
    label: str
    known: bool

    LABELS: ClassVar[Mapping[int, str]] = {}
    NONE_CODE: ClassVar[int] = 0
    OTHER_LABEL: ClassVar[str] = ""

    @classmethod
    def from_code(cls, code: int) -> Self | None:
        """The value for ``code``; None for the table's "none" code."""
        if code == cls.NONE_CODE:
            return None
        label = cls.LABELS.get(code)
        if label is None:
            return cls(code, cls.OTHER_LABEL, False)
        return cls(code, label, True)

    @classmethod
    def validate_wire(cls, value: object) -> object:
        if type(value) is int:
            return cls.from_code(value)
        return value

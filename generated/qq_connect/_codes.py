# Copied from generator/runtime/_codes.py; do not edit here: edit that file and run `make generate`.
"""Return codes as data: the meaning and category of each ``ret``, and its typed error."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ._errors import ApiError

__all__ = ["ReturnCode", "ReturnCodeTable"]


@dataclass(frozen=True)
class ReturnCode:
    """One row of a return-code table."""

    code: int
    table: str
    meaning: str
    category: str


@dataclass(frozen=True)
class ReturnCodeTable:
    """Every listed ``ret``, and the ``ApiError`` subclass of each category.

    Codes no table lists belong to ``unknown_category``.
    """

    codes: Mapping[int, ReturnCode]
    errors: Mapping[str, type[ApiError]]
    unknown_category: str

    def __post_init__(self) -> None:
        missing = {row.category for row in self.codes.values()} - set(self.errors)
        if self.unknown_category not in self.errors or missing:
            raise ValueError(f"no error class for categories {sorted(missing)} "
                             f"or {self.unknown_category!r}")

    def describe(self, ret: int) -> ReturnCode:
        """The table row of ``ret``; codes no table lists get the unknown category."""
        return self.codes.get(ret) or ReturnCode(ret, "unlisted", "", self.unknown_category)

    def error_for(self, endpoint: str, ret: int, msg: str, code_field: str = "ret") -> ApiError:
        """The typed error of ``ret``, chosen by the category the table gives it.

        ``code_field`` names where the code came from: ``ret``, or ``error`` in OAuth steps.
        """
        row = self.describe(ret)
        return self.errors[row.category](endpoint, ret, msg, row.meaning, code_field)

# Copied from generator/runtime/_result.py; do not edit here: edit that file and run `make generate`.
"""The base of every typed result."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

__all__ = ["Result"]


class Result(BaseModel):
    """A successful answer: frozen, unknown fields kept in ``model_extra`` (not in its repr)."""

    model_config = ConfigDict(frozen=True, extra="allow")

    _retries_taken: int = PrivateAttr(default=0)

    @property
    def retries_taken(self) -> int:
        """How many times the client retried before this answer came."""
        return self._retries_taken

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        # Unknown fields are unvetted (another endpoint's avatar URLs embed the openid):
        # reprs and logs show their names, never their values.
        for name in type(self).model_fields:
            yield name, getattr(self, name)
        if self.model_extra:
            yield "unknown_fields", sorted(self.model_extra)

    @property
    def is_degraded(self) -> bool:
        """True when the answer says part of its data was lost: do not cache it."""
        return False

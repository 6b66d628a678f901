"""The base of every typed result."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

__all__ = ["ExpiringResult", "Result", "read_now"]

REDACTED = "<redacted>"


def read_now(result: Result) -> None:
    """What a result holds beside its fields: read just now, no retries yet.

    Not pydantic private attributes: setting those up costs more than validating a
    small answer.
    """
    object.__setattr__(result, "__pydantic_private__",
                       {"retries_taken": 0, "received_at": time.time()})


class Result(BaseModel):
    """A successful answer: frozen, unknown fields kept in ``model_extra`` (not in its repr).

    Fields in ``HIDDEN_FIELDS`` identify the user or the app (an openid, an avatar URL
    that embeds the app id and the openid): reprs and logs show them as ``<redacted>``.
    """

    # Each field's description is given in its Field(): pydantic's use_attribute_docstrings
    # would read the source at import (milliseconds per model).
    model_config = ConfigDict(frozen=True, extra="allow")

    HIDDEN_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def model_post_init(self, context: Any, /) -> None:
        read_now(self)  # pydantic-core calls this however a result is built

    def _state(self) -> dict[str, Any]:
        state = self.__pydantic_private__
        assert state is not None  # set with the result: model_post_init, or the one pass
        return state

    def _count_retries(self, retries: int) -> None:
        self._state()["retries_taken"] = retries

    @property
    def retries_taken(self) -> int:
        """How many times the client retried before this answer came."""
        retries: int = self._state()["retries_taken"]
        return retries

    @property
    def received_at(self) -> datetime:
        """When the answer was read (aware UTC)."""
        return datetime.fromtimestamp(self._state()["received_at"], UTC)

    def __eq__(self, other: object) -> bool:
        # Equal fields make equal answers, whenever each arrived and however many retries
        # it took (pydantic would compare that private state too).
        if not isinstance(other, Result):
            return NotImplemented
        return (type(self) is type(other) and self.__dict__ == other.__dict__
                and self.__pydantic_extra__ == other.__pydantic_extra__)

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        # Unknown fields are unvetted (avatar URLs embed the openid): reprs and logs
        # show their names, never their values.
        hidden = self.HIDDEN_FIELDS
        for name in type(self).model_fields:
            value = getattr(self, name)
            yield name, REDACTED if name in hidden and value is not None else value
        if self.model_extra:
            yield "unknown_fields", sorted(self.model_extra)

    @property
    def is_degraded(self) -> bool:
        """True when the answer says part of its data was lost: do not cache it."""
        return False

    @property
    def is_placeholder(self) -> bool:
        """True when the answer is placeholder data (an app not yet approved gets ret 0 and
        made-up values): a success, but not the user's."""
        return False


class ExpiringResult(Result):
    """A result that holds a lifetime counted from the moment of the answer (a token)."""

    EXPIRY_FIELD: ClassVar[str]

    @property
    def expires_at(self) -> datetime:
        """When it expires: the answer's time plus its lifetime (aware UTC)."""
        lifetime: timedelta = getattr(self, self.EXPIRY_FIELD)
        return self.received_at + lifetime

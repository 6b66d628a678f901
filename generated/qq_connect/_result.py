# Generated from spec/api.yaml, spec/return_codes.yaml, spec/code_tables.yaml, spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml; do not edit, run `make generate`.
"""The base of every typed result."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, PrivateAttr

__all__ = ["Result"]


class Result(BaseModel):
    """A successful answer: frozen, unknown fields kept in ``model_extra``."""

    model_config = ConfigDict(frozen=True, extra="allow")

    _retries_taken: int = PrivateAttr(default=0)

    @property
    def retries_taken(self) -> int:
        """How many times the client retried before this answer came."""
        return self._retries_taken

    @property
    def is_degraded(self) -> bool:
        """True when the answer says part of its data was lost: do not cache it."""
        return False

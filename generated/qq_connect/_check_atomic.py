# Copied from generator/runtime/_check_atomic.py; do not edit here: edit that file and run `make generate`.
"""Reports written beside their destination and renamed over it only when complete.

A run that fails leaves no half-written report, and an earlier one untouched.
"""

from __future__ import annotations

import os
import secrets
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import IO

__all__ = ["ReportFile"]


class ReportFile:
    """One report: a context manager giving a stream; ``commit`` puts it in place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._temporary: Path | None = None
        self.stream: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        while self.stream is None:
            # A name the check never reads as a capture, should the report sit among them.
            candidate = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")
            try:
                handle = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            except OSError as error:
                raise OSError(error.errno, error.strerror, str(self.path)) from None
            self._temporary = candidate
            self.stream = open(handle, "w", encoding="utf-8")
        return self.stream

    def commit(self) -> None:
        assert self.stream is not None and self._temporary is not None
        self.stream.close()
        try:
            os.replace(self._temporary, self.path)
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(self.path)) from None
        self._temporary = None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.stream is not None and not self.stream.closed:
            with suppress(OSError):  # the write that failed is the error to report
                self.stream.close()
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)

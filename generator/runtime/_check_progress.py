"""Progress on stderr for long runs: how many captures, how fast.

Silent for the first ``delay`` seconds (most runs end before a line would help), then
one line every ``every`` seconds. The clock is injected, so tests need no waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

__all__ = ["Progress"]

PROGRESS_DELAY = 2.0
PROGRESS_EVERY = 1.0


class Progress:
    """Call ``tick`` once per capture; it writes a line when one is due."""

    def __init__(self, stream: IO[str], clock: Callable[[], float], prog: str, *,
                 delay: float = PROGRESS_DELAY, every: float = PROGRESS_EVERY) -> None:
        self.stream = stream
        self.clock = clock
        self.prog = prog
        self.every = every
        self.start = clock()
        self.next = self.start + delay

    def tick(self, captures: int) -> None:
        now = self.clock()
        if now < self.next:
            return
        self.next = now + self.every
        rate = captures / (now - self.start) if now > self.start else 0.0
        self.stream.write(f"{self.prog}: {captures:,} captures checked, {rate:,.0f} captures/s\n")
        self.stream.flush()

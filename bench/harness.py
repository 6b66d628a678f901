"""Paired rounds: every contender runs in every round, so machine drift cancels in ratios."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass
class Timings:
    """Seconds per operation, per round, per contender."""

    rounds: dict[str, list[float]] = field(default_factory=dict)

    def median(self, name: str) -> float:
        return statistics.median(self.rounds[name])

    def ratio(self, ours: str, reference: str) -> float:
        """Median over rounds of ours' throughput relative to the reference's (>1: faster)."""
        return statistics.median(r / o for o, r in zip(self.rounds[ours], self.rounds[reference],
                                                          strict=True))


def paired(contenders: Mapping[str, Callable[[], object]], *, number: int, rounds: int = 7,
           warmup: int = 1) -> Timings:
    """Time ``number`` calls of each contender per round, rotating the order each round."""
    names = list(contenders)
    timings = Timings({name: [] for name in names})
    for round_number in range(warmup + rounds):
        order = names[round_number % len(names):] + names[:round_number % len(names)]
        for name in order:
            call = contenders[name]
            gc.collect()
            started = time.perf_counter()
            for _ in range(number):
                call()
            elapsed = (time.perf_counter() - started) / number
            if round_number >= warmup:
                timings.rounds[name].append(elapsed)
    return timings


@dataclass(frozen=True)
class Row:
    section: str
    measurement: str
    ours: str
    reference: str
    ratio: str
    target: str
    met: str


def microseconds(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs"


def verdict(value: float, goal: float, higher_is_better: bool = True) -> str:
    return "yes" if (value >= goal if higher_is_better else value <= goal) else "**no**"

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

    def time_ratio(self, ours: str, reference: str) -> float:
        """Median over rounds of ours' time relative to the reference's (<1: faster)."""
        return statistics.median(o / r for o, r in zip(self.rounds[ours], self.rounds[reference],
                                                          strict=True))


def _rotations(names: list[str], total: int) -> list[list[str]]:
    """The order of each round: rotated, so no contender always runs first (or last)."""
    return [names[n % len(names):] + names[:n % len(names)] for n in range(total)]


def paired(contenders: Mapping[str, Callable[[], object]], *, number: int, rounds: int = 7,
           warmup: int = 1) -> Timings:
    """Time ``number`` calls of each contender per round, rotating the order each round."""
    names = list(contenders)
    timings = Timings({name: [] for name in names})
    # What lives now (modules, models, corpora) leaves the collector's view: each round's
    # collection then costs little, and a full collection inside a timed loop cannot
    # charge one contender for the whole heap.
    gc.collect()
    gc.freeze()
    for round_number, order in enumerate(_rotations(names, warmup + rounds)):
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


def paired_samples(contenders: Mapping[str, Callable[[], float]], *, rounds: int,
                   warmup: int = 1) -> Timings:
    """Like ``paired``, for contenders that measure themselves (a child process's own clock)."""
    names = list(contenders)
    timings = Timings({name: [] for name in names})
    for round_number, order in enumerate(_rotations(names, warmup + rounds)):
        for name in order:
            seconds = contenders[name]()
            if round_number >= warmup:
                timings.rounds[name].append(seconds)
    return timings


@dataclass(frozen=True)
class Row:
    """One line of the results. ``detail``: one case of a goal that a summary row judges."""

    section: str
    measurement: str
    ours: str
    reference: str
    ratio: str
    target: str
    met: str
    detail: bool = False


def microseconds(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs"


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms"


def verdict(value: float, goal: float, higher_is_better: bool = True) -> str:
    return "yes" if (value >= goal if higher_is_better else value <= goal) else "**no**"

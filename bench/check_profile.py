"""Where the contract check's time goes: the command's steps over the mixed corpus, each
adding one piece of work to the one before, in process, against jsonschema per body.

The last row is the budget the goal leaves: jsonschema's time per body divided by the
target ratio, start-up left out (the command's own row counts it). Each step's time per
body, set against that budget, says what meeting the goal would take.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from qq_connect._check_command import _flag
from qq_connect.check import _CHECKER as CHECKER

from .contract import TARGET, _envelopes, _reference, corpus_file
from .harness import Row, microseconds

SECTION = "3 contract check: profile"


def rows(rounds: int, bodies: int) -> list[Row]:
    path = corpus_file(bodies)
    sample = _envelopes(path, max(1, bodies // 2_000))
    references = {endpoint: _reference(endpoint) for endpoint in {e for e, _ in sample}}

    def read() -> None:
        for _ in CHECKER.iter_captures([path]):
            pass

    def judge() -> None:
        for capture in CHECKER.iter_captures([path]):
            CHECKER.check_capture_showing(capture)

    def fingerprint() -> None:
        for capture in CHECKER.iter_captures([path]):
            _flag(capture, CHECKER.check_capture_showing(capture)[0], None)

    def command() -> None:
        CHECKER.check_captures(CHECKER.iter_captures([path]))

    def reference() -> None:
        for endpoint, body in sample:
            references[endpoint](body)

    steps: dict[str, tuple[Callable[[], None], int]] = {
        "reading the JSONL into captures": (read, bodies),
        "+ each body judged (check_capture_showing)": (judge, bodies),
        "+ each finding's fingerprint": (fingerprint, bodies),
        "+ the report, coverage and counts (check_captures: the command, in process)":
            (command, bodies),
        "jsonschema (reference)": (reference, len(sample)),
    }
    per_body: dict[str, list[float]] = {name: [] for name in steps}
    names = list(steps)
    for round_number in range(rounds):
        for name in names[round_number % len(names):] + names[:round_number % len(names)]:
            call, count = steps[name]
            started = time.perf_counter()
            call()
            per_body[name].append((time.perf_counter() - started) / count)
    medians = {name: statistics.median(times) for name, times in per_body.items()}
    theirs = medians.pop("jsonschema (reference)")
    label = f"{bodies:,} mixed JSONL bodies"
    result = [Row(SECTION, f"{label}: {step}", microseconds(seconds), microseconds(theirs),
                  f"{theirs / seconds:.1f}×", "-", "-") for step, seconds in medians.items()]
    result.append(Row(SECTION, f"{label}: the budget per body at {TARGET:g}× jsonschema "
                               "(start-up left out)", microseconds(theirs / TARGET),
                      microseconds(theirs), f"{TARGET:g}×", "-", "-"))
    return result

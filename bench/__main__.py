"""``make bench``: measure every speed goal against its reference, print the tables, write
the results: bench/RESULTS.md after a full run, bench/.quick-RESULTS.md (git-ignored)
after any other."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import (
    check_profile,
    client,
    contract,
    decode,
    first_call,
    generation,
    imports,
    profile,
)
from .harness import Row

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
QUICK_RESULTS = HERE / ".quick-RESULTS.md"
CORPORA_QUICK = [10_000, 100_000]
CORPORA = [10_000, 100_000, 1_000_000, 3_000_000]  # the last is over 1 GiB
PACKAGES = ("pydantic", "pydantic-core", "msgspec", "httpx", "anyio", "jsonschema",
            "jsonschema-rs", "fastjsonschema", "lxml", "defusedxml", "datamodel-code-generator")


@dataclass(frozen=True)
class Sizes:
    """How much each section measures: rounds are paired rounds, ``number`` calls per round."""

    rounds: int
    decode_number: int
    contract_sample: int
    check_profile_bodies: int
    corpora: list[int]
    generation_rounds: int
    client_number: int
    import_rounds: int
    first_call_rounds: int


FULL = Sizes(rounds=7, decode_number=10_000, contract_sample=3_000, check_profile_bodies=50_000,
             corpora=CORPORA,
             generation_rounds=5, client_number=1_000, import_rounds=21, first_call_rounds=7)
QUICK = Sizes(rounds=3, decode_number=500, contract_sample=500, check_profile_bodies=5_000,
              corpora=CORPORA_QUICK,
              generation_rounds=2, client_number=200, import_rounds=5, first_call_rounds=1)


def sections(sizes: Sizes) -> dict[str, Callable[[], list[Row]]]:
    """Every section, in the order of the results."""
    return {
        "decode": lambda: decode.rows(sizes.rounds, sizes.decode_number),
        "profile": lambda: profile.rows(sizes.rounds, sizes.decode_number),
        "contract": lambda: contract.rows(sizes.rounds, sizes.contract_sample, sizes.corpora),
        "check-profile": lambda: check_profile.rows(sizes.rounds, sizes.check_profile_bodies),
        "generation": lambda: generation.rows(sizes.generation_rounds),
        "client": lambda: client.rows(sizes.rounds, sizes.client_number),
        "import": lambda: imports.rows(sizes.import_rounds),
        "first-call": lambda: first_call.rows(sizes.first_call_rounds),
    }


SECTION_NAMES = tuple(sections(QUICK))


def table(rows: list[Row]) -> str:
    lines = ["| Section | Measurement | Ours | Reference | Ours vs reference | Target | Met |",
             "|---|---|---|---|---|---|---|"]
    lines += [f"| {r.section} | {r.measurement} | {r.ours} | {r.reference} | {r.ratio} | "
              f"{r.target} | {r.met} |" for r in rows]
    return "\n".join(lines)


def goals(rows: list[Row]) -> list[Row]:
    """The rows that judge a goal: a target, and not one case of a summary row's goal."""
    return [row for row in rows if row.target != "-" and not row.detail]


def _git(*arguments: str) -> str:
    result = subprocess.run(["git", *arguments], cwd=HERE.parent, capture_output=True,
                            text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


def provenance(command: str, sizes: Sizes) -> str:
    """Machine, packages, commit, command and sizes: what the numbers depend on."""
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in PACKAGES)
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    if _git("status", "--porcelain", "--untracked-files=no"):
        commit += " with uncommitted changes"
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (f"- Machine: {platform.platform()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}\n- Packages: {versions}\n"
            f"- Commit: {commit}; run {when}\n- Command: `{command}`\n"
            f"- Paired rounds: {sizes.rounds} (decode: {sizes.decode_number:,} calls per "
            f"round), import: {sizes.import_rounds}, first call: {sizes.first_call_rounds}, "
            f"generation: {sizes.generation_rounds}")


def document(rows: list[Row], command: str, sizes: Sizes) -> str:
    return ("# Benchmark results\n\n"
            "Written by `make bench` (`python -m bench`). Every ratio is a median over paired "
            "rounds: each round runs ours and every reference, in a rotated order, in the same "
            "run. `N×` is ours' speed relative to the reference's (above 1: ours is faster); "
            "`N× the time` is ours' time relative to the reference's (below 1: ours is "
            "faster). A `-` target marks a context row.\n\n"
            f"{provenance(command, sizes)}\n\n"
            "## Goals\n\nOne row per goal; a row saying \"every endpoint: worst\" judges the "
            "worst case of the rows below it.\n\n"
            f"{table(goals(rows))}\n\n## Every measurement\n\n{table(rows)}\n")


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Measure every speed goal against its reference. A full run (no "
                    "option) takes several minutes and writes bench/RESULTS.md; any other "
                    "run writes bench/.quick-RESULTS.md (git-ignored) "
                    "instead, so the committed results always come from a full run.")
    parser.add_argument("--quick", action="store_true",
                        help="fewer rounds, smaller corpora; never touches bench/RESULTS.md")
    parser.add_argument("--only", nargs="+", choices=SECTION_NAMES, metavar="SECTION",
                        help=f"run only these sections ({', '.join(SECTION_NAMES)}); never "
                             "touches bench/RESULTS.md")
    parser.add_argument("--no-write", action="store_true", help="print only, write no file")
    return parser.parse_args(argv)


def run_sections(chosen: dict[str, Callable[[], list[Row]]]) -> tuple[list[Row], bool]:
    """Every chosen section's rows; a section that crashes becomes a failing row."""
    rows: list[Row] = []
    crashed = False
    for name, section in chosen.items():
        try:
            new = section()
        except Exception as error:  # reported in the results, the other sections still run
            traceback.print_exc()
            crashed = True
            new = [Row(name, f"the section crashed: {type(error).__name__}", "-", "-", "-",
                       "runs", "**no**")]
        rows += new
        print(table(new) + "\n", flush=True)
    return rows, crashed


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    sizes = QUICK if arguments.quick else FULL
    every = sections(sizes)
    chosen = {name: every[name] for name in arguments.only} if arguments.only else every
    rows, crashed = run_sections(chosen)
    print("\n" + table(goals(rows)))
    full = not arguments.quick and not arguments.only
    if not arguments.no_write:
        command = " ".join(["python -m bench", *(argv if argv is not None else sys.argv[1:])])
        target = RESULTS if full else QUICK_RESULTS
        target.write_text(document(rows, command.strip(), sizes), encoding="utf-8")
        print(f"\nwritten to {target}", file=sys.stderr)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())

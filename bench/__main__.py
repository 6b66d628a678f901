"""``make bench``: measure, print the table, write bench/RESULTS.md."""

from __future__ import annotations

import argparse
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

from . import client, contract, decode, generation
from .harness import Row

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
CORPORA_QUICK = [10_000, 100_000]
CORPORA = [10_000, 100_000, 1_000_000, 3_000_000]  # the last is over 1 GiB
PACKAGES = ("pydantic", "pydantic-core", "msgspec", "httpx", "jsonschema", "jsonschema-rs",
            "fastjsonschema", "lxml", "defusedxml", "datamodel-code-generator")


def table(rows: list[Row]) -> str:
    lines = ["| Section | Measurement | Ours | Reference | Ours vs reference | Target | Met |",
             "|---|---|---|---|---|---|---|"]
    lines += [f"| {r.section} | {r.measurement} | {r.ours} | {r.reference} | {r.ratio} | "
              f"{r.target} | {r.met} |" for r in rows]
    return "\n".join(lines)


def machine() -> str:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in PACKAGES)
    return (f"- Machine: {platform.platform()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}\n- Packages: {versions}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="fewer rounds, smaller corpora")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    arguments = parser.parse_args()
    quick = arguments.quick
    rounds = 3 if quick else 7
    sections = [
        lambda: decode.json_rows(rounds, 2_000 if quick else 10_000),
        lambda: decode.xml_rows(rounds, 2_000 if quick else 10_000),
        lambda: contract.rows(rounds, 500 if quick else 3_000, CORPORA_QUICK if quick else CORPORA),
        lambda: generation.rows(2 if quick else 5),
        lambda: client.rows(rounds, 200 if quick else 1_000),
    ]
    rows: list[Row] = []
    for section in sections:
        new = section()
        rows += new
        print(table(new), flush=True)
    text = table(rows)
    print("\n" + text)
    if not arguments.no_write:
        RESULTS.write_text(
            "# Benchmark results\n\nWritten by `make bench` (`python -m bench`); ratios are "
            "medians over paired rounds, ours against each reference in the same run.\n\n"
            f"{machine()}\n- Command: `python -m bench{' --quick' if quick else ''}`\n\n"
            f"{text}\n", encoding="utf-8")
        print(f"\nwritten to {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()

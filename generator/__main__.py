"""``python -m generator``: regenerate ``generated/`` from ``spec/``, or check it is current.

``python -m generator diff``: what changed for client users between two versions of the spec.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from . import stamp
from .write import OutputRefused, diff, existing_files, with_manifest, write


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["diff"]:
        # A subcommand of its own; the generator's options below do not apply to it.
        from .diff.cli import main as diff_main

        return diff_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--spec", type=Path, default=Path("spec"), help="spec directory")
    parser.add_argument("--out", type=Path, default=Path("generated"), help="output directory")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail with a diff if the output is stale")
    arguments = parser.parse_args(argv)
    if not arguments.check and stamp.is_current(arguments.spec, arguments.out,
                                                existing_files(arguments.out)):
        print("generated files are up to date", file=sys.stderr)
        return 0
    # The pipeline imports the code generator, which costs most of a second: only now.
    from .errors import SpecError
    from .pipeline import generate
    from .verify import GeneratorDefect

    try:
        files = generate(arguments.spec)
    except SpecError as error:
        print(error, file=sys.stderr)
        return 2
    except GeneratorDefect as error:
        print(error, file=sys.stderr)
        return 3
    if arguments.check:
        lines = list(diff(files, arguments.out))
        if lines:
            sys.stdout.writelines(lines)
            print(f"\n{arguments.out} is stale: run `make generate` and commit the result.",
                  file=sys.stderr)
            return 1
        return 0
    try:
        changed = write(files, arguments.out)
    except OutputRefused as error:
        print(error, file=sys.stderr)
        return 2
    stamp.record(arguments.spec, arguments.out, with_manifest(files))
    print(f"{len(files)} files generated, {len(changed)} changed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    status = main()
    # The work is done: the interpreter's exit need not walk every object the code
    # generator made (its collections at exit took a tenth of a second).
    gc.freeze()
    sys.exit(status)

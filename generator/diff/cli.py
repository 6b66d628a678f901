"""``python -m generator diff``: compare two versions of the spec for client users.

Exit status: 0 (the report is shown), 1 with --fail-on-breaking when a change is breaking,
2 when either spec cannot be read or is bad (its problems are listed by file and line).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from contextlib import ExitStack
from pathlib import Path

from ..errors import SpecError
from ..model import Api
from .compare import compare
from .report import changelog_entry, json_report, prepend_changelog, text_report
from .sources import SourceError, load_api, spec_at_ref

EXIT_OK, EXIT_BREAKING, EXIT_UNREADABLE = 0, 1, 2
DEFAULT_SPEC = Path("spec")

_USAGE = ("python -m generator diff [options] OLD_SPEC_DIR [NEW_SPEC_DIR]\n"
          "       python -m generator diff [options] --git REF [NEW_SPEC_DIR]")
_DESCRIPTION = f"""\
List every change between two versions of the spec that matters to users of the
generated client, each classed breaking, non-breaking or drift-accepting.
NEW_SPEC_DIR defaults to {DEFAULT_SPEC}/."""
_EPILOG = """\
classes:
  breaking          code, calls or answers that worked with the old spec may fail
  non-breaking      additions and relaxations: nothing that worked stops working
  drift-accepting   what the contract check reported as drift is now known

exit status: 0 the report is shown; 1 a breaking change (--fail-on-breaking);
2 a spec cannot be read or is bad (its problems by file and line)
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator diff", usage=_USAGE, description=_DESCRIPTION,
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("specs", nargs="*", type=Path, metavar="SPEC_DIR",
                        help="OLD_SPEC_DIR [NEW_SPEC_DIR], or only NEW_SPEC_DIR with --git")
    parser.add_argument("--git", metavar="REF",
                        help="read the old spec from this git ref (NEW_SPEC_DIR's path in "
                             "its repository, via git archive; no network)")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of {class, kind, endpoint, subject, message}")
    parser.add_argument("--changelog", type=Path, metavar="FILE",
                        help="also put a Markdown entry at the top of FILE (created if absent)")
    parser.add_argument("--version", metavar="VERSION",
                        help="the changelog entry's heading (default: today's date)")
    parser.add_argument("--fail-on-breaking", action="store_true",
                        help="exit 1 when any change is breaking")
    return parser


def main(argv: list[str]) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    specs: list[Path] = arguments.specs
    from_git = arguments.git is not None
    if not (0 if from_git else 1) <= len(specs) <= (1 if from_git else 2):
        parser.error("give OLD_SPEC_DIR [NEW_SPEC_DIR], or --git REF [NEW_SPEC_DIR]")
    new_dir = specs[-1] if len(specs) == (1 if from_git else 2) else DEFAULT_SPEC
    try:
        with ExitStack() as stack:
            if from_git:
                old_dir, old_name = stack.enter_context(spec_at_ref(arguments.git, new_dir))
            else:
                old_dir, old_name = specs[0], str(specs[0])
            old = _load("old", old_name, old_dir)
            new = _load("new", str(new_dir), new_dir)
    except SourceError as error:
        print(f"cannot read the old spec at {arguments.git!r}: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    except _Unreadable as error:
        print(error, file=sys.stderr)
        return EXIT_UNREADABLE
    changes = compare(old, new)
    sys.stdout.write(json_report(changes) if arguments.json
                     else text_report(changes, old_name, str(new_dir)))
    if arguments.changelog is not None:
        heading = arguments.version or datetime.date.today().isoformat()
        try:
            prepend_changelog(arguments.changelog, changelog_entry(changes, heading))
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
            print(f"cannot write the changelog {arguments.changelog}: {reason}",
                  file=sys.stderr)
            return EXIT_UNREADABLE
        print(f"changelog entry written to {arguments.changelog}", file=sys.stderr)
    if arguments.fail_on_breaking and any(c.impact == "breaking" for c in changes):
        return EXIT_BREAKING
    return EXIT_OK


class _Unreadable(Exception):
    """One side of the diff is a bad spec; the message says which side, and its problems."""


def _load(side: str, name: str, spec_dir: Path) -> Api:
    try:
        return load_api(spec_dir)
    except SpecError as error:
        raise _Unreadable(f"the {side} spec ({name}) cannot be compared: {error}") from None

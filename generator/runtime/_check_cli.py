"""The check command's command line: its options, their checks, the reports, the exit status."""

from __future__ import annotations

import argparse
import importlib.util
import os
from contextlib import ExitStack
from pathlib import Path

from ._check_atomic import ReportFile
from ._check_baseline import Baseline, BaselineError, write_baseline
from ._check_command import CaptureChecker, is_capture_name
from ._check_console import Surroundings
from ._check_markdown import write_markdown
from ._check_progress import Progress
from ._check_report import printable
from ._inflate import DEFAULT_MAX_BODY_BYTES

__all__ = ["EXIT_CODES"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REPORT = 0, 1, 2, 3
EXIT_CODES = f"""exit status:
  {EXIT_OK}  no new error finding (drift is reported; findings --baseline accepts never fail)
  {EXIT_FAILED}  an error finding that is new (not in --baseline); under --strict, also new
     drift or a stale baseline entry
  {EXIT_USAGE}  usage error (a malformed --baseline too), or nothing to check (no captures)
  {EXIT_REPORT}  a report (--json, --junit, --markdown, --update-baseline) could not be
     written; an existing one is kept"""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number of bytes: {text!r}")
    return value


def _parser(checker: CaptureChecker, prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=checker.description,
                                     epilog=EXIT_CODES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add = parser.add_argument
    add("paths", nargs="+", type=Path, help="capture files, folders, .jsonl")
    add("--endpoint", choices=sorted(checker.contracts),
        help="the endpoint of files outside an endpoint folder")
    add("--strict", action="store_true",
        help="new drift fails the run too, and so do stale baseline entries")
    add("--json", type=Path, metavar="FILE", help="write findings as JSON")
    add("--junit", type=Path, metavar="FILE", help="write JUnit XML: a test case per capture")
    add("--junit-failures-only", action="store_true",
        help="list only the failing test cases in --junit (counts stay whole)")
    add("--markdown", type=Path, metavar="FILE",
        help="write a Markdown summary (a CI step summary, a pull-request comment)")
    add("--baseline", type=Path, metavar="FILE",
        help="accepted findings, by fingerprint: they are reported but never fail the run")
    add("--update-baseline", action="store_true",
        help="write every finding of this run into --baseline FILE, keeping the reasons "
             "of those already there and dropping stale ones; the run then accepts them all")
    add("--max-body-bytes", type=_positive, default=DEFAULT_MAX_BODY_BYTES, metavar="N",
        help="a bigger body is an error, as the client refuses it "
             "(default: the client's, %(default)s)")
    add("--reference", action="store_true",
        help="judge with the jsonschema package (slower; same verdicts)")
    add("--progress", action=argparse.BooleanOptionalAction, default=None,
        help="a progress line on stderr every second of a run longer than two "
             "(default: when stderr is a terminal)")
    return parser


def _output_clash(paths: list[Path], option: str, output: Path) -> str | None:
    """Why ``output`` must not be written, if it is an input or would be read as one."""
    real = Path(os.path.realpath(output))
    if real.is_dir():
        return f"{option} {printable(str(output))} is a folder"
    for path in paths:
        input = Path(os.path.realpath(path))
        if real == input:
            return f"{option} {printable(str(output))} is one of the inputs"
        if path.is_dir() and real.is_relative_to(input) and is_capture_name(real.name):
            return (f"{option} {printable(str(output))} would be read as a capture of "
                    f"{printable(str(path))}: write it elsewhere")
    return None


def _files(arguments: argparse.Namespace,
           parser: argparse.ArgumentParser) -> list[tuple[str, Path]]:
    """The files the run writes, by option, once checked; usage errors end the run."""
    if arguments.junit_failures_only and not arguments.junit:
        parser.error("--junit-failures-only needs --junit FILE")
    if arguments.update_baseline and not arguments.baseline:
        parser.error("--update-baseline needs --baseline FILE")
    outputs = [(option, path) for option, path in (
        ("--json", arguments.json), ("--junit", arguments.junit),
        ("--markdown", arguments.markdown),
        ("--baseline", arguments.baseline if arguments.update_baseline else None)) if path]
    named: dict[str, str] = {}
    if arguments.baseline and not arguments.update_baseline:
        named[os.path.realpath(arguments.baseline)] = "--baseline"
    for option, path in outputs:
        other = named.setdefault(os.path.realpath(path), option)
        if other != option:
            parser.error(f"{other} and {option} name the same file")
    checked = outputs if arguments.update_baseline or not arguments.baseline else [
        *outputs, ("--baseline", arguments.baseline)]
    for option, path in checked:
        clash = _output_clash(arguments.paths, option, path)
        if clash:
            parser.error(clash)
    return outputs


def run(checker: CaptureChecker, argv: list[str] | None, surroundings: Surroundings) -> int:
    prog = surroundings.program(checker.prog, checker.script)
    parser = _parser(checker, prog)
    arguments = parser.parse_args(argv)
    if arguments.reference and importlib.util.find_spec("jsonschema") is None:
        parser.error("--reference needs jsonschema: pip install 'qq-connect-generated[check]'")
    missing = [printable(str(path)) for path in arguments.paths if not path.exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    outputs = _files(arguments, parser)
    baseline = None
    if arguments.baseline:
        try:
            baseline = Baseline.load(arguments.baseline, updating=arguments.update_baseline)
        except BaselineError as error:
            parser.error(f"--baseline {printable(str(arguments.baseline))}: {error}")
    captures = checker.iter_captures(arguments.paths, arguments.endpoint,
                                     max_body_bytes=arguments.max_body_bytes)
    progress = Progress(surroundings.err, surroundings.clock, prog) if surroundings.progress(
        arguments.progress) else None
    with ExitStack() as reports:
        try:
            files = {option: ReportFile(path) for option, path in outputs}
            streams = {option: reports.enter_context(file) for option, file in files.items()}
            report = checker.check_captures(
                captures, strict=arguments.strict, reference=arguments.reference,
                json_out=streams.get("--json"), junit_out=streams.get("--junit"),
                junit_failures_only=arguments.junit_failures_only, baseline=baseline,
                progress=progress)
            if "--markdown" in streams:
                write_markdown(report, streams["--markdown"])
            if baseline is not None and baseline.updating and report.captures:
                write_baseline(baseline.updated_entries(surroundings.user(), surroundings.today()),
                               streams["--baseline"])
            for option, file in files.items():
                if option != "--baseline" or report.captures:  # nothing checked: nothing learnt
                    file.commit()
        except OSError as error:  # reading problems are findings: this is a report
            where = error.filename or " and ".join(str(path) for _, path in outputs)
            print(f"{prog}: cannot write the report {printable(str(where))}: "
                  f"{error.strerror or error}", file=surroundings.err)
            return EXIT_REPORT
    print(report.text(colour=surroundings.colour()), file=surroundings.out)
    if report.captures == 0:
        if baseline is not None and baseline.updating:
            print(f"{prog}: --baseline {printable(str(baseline.path))} left as it was: "
                  "nothing checked", file=surroundings.err)
        return EXIT_USAGE
    return EXIT_FAILED if report.failed else EXIT_OK

"""Compiled templates kept between runs: Jinja's bytecode cache, as ``__pycache__`` is Python's.

Compiling the templates is a tenth of a second of every run. Jinja keys a template's code
by its name and file and checks the checksum of its source; the key here also holds what
else shapes the code: Jinja's and Python's versions and the environment's options. The
cache lives under ``.cache/`` (never in ``generated/``); a missing, stale, broken or
unwritable one only costs the compile, and the output is the same either way.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "templates"


def environment_fingerprint(environment: jinja2.Environment) -> str:
    """What shapes a template's compiled code besides its source."""
    options = (
        jinja2.__version__, sys.version, environment.block_start_string,
        environment.block_end_string, environment.variable_start_string,
        environment.variable_end_string, environment.comment_start_string,
        environment.comment_end_string, environment.line_statement_prefix,
        environment.line_comment_prefix, environment.trim_blocks, environment.lstrip_blocks,
        environment.newline_sequence, environment.keep_trailing_newline,
        repr(environment.autoescape), environment.optimized, environment.is_async,
        environment.code_generator_class.__qualname__, sorted(environment.extensions),
        sorted(environment.filters), sorted(environment.tests),
    )
    return repr(options)


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, keyed by the environment too, that never fails a run."""

    def __init__(self, directory: Path = CACHE) -> None:
        super().__init__(str(directory), "%s.jinja")

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        key = self.get_cache_key(f"{environment_fingerprint(environment)}|{name}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:  # unreadable: compile instead
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:  # a read-only checkout: the next run compiles again
            pass

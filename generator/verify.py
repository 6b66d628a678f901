"""Verify: every rendered file must parse as what it is before anything reaches disk.

A failure here is a defect of the generator (the spec passed validation), so it is
reported as such, naming the file and the error; nothing is written.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator, Mapping


class GeneratorDefect(Exception):
    """The generator produced a file that does not parse; nothing was written."""


def verify(files: Mapping[str, str]) -> None:
    """Raise GeneratorDefect listing every rendered file that does not parse."""
    problems = list(_problems(files))
    if problems:
        raise GeneratorDefect("the generator produced broken files (a generator defect; "
                              "nothing was written):\n" + "\n".join(problems))


def _problems(files: Mapping[str, str]) -> Iterator[str]:
    for path, text in files.items():
        try:
            if path.endswith(".py"):
                compile(text, path, "exec", dont_inherit=True)
            elif path.endswith(".toml"):
                tomllib.loads(text)
            elif path.endswith(".json"):
                json.loads(text)
        except (SyntaxError, ValueError) as error:
            yield f"  {path}: {type(error).__name__}: {error}"

"""Problems found in a spec, collected as data and reported together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KeyPath = tuple[str | int, ...]


def format_key_path(path: KeyPath) -> str:
    """Render a key path the way a reader finds it in YAML: ``fields[3].name``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "<document>"


@dataclass(frozen=True, order=True)
class SpecProblem:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.path}: {self.message}"


class SpecError(Exception):
    """Every problem of a spec at once, in file and line order."""

    def __init__(self, problems: Iterable[SpecProblem]) -> None:
        self.problems = tuple(sorted(set(problems)))
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        header = f"the spec has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([header, *(f"  {problem}" for problem in self.problems)])

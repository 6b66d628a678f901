"""What the bad-spec tests share: where the inline spec's files are named, and assertions."""

from __future__ import annotations

from pathlib import Path

from generator.errors import SpecProblem
from tests.generator.spec_builder import ENDPOINT_FILE, spec_problems

# The spec's files as problems name them.
API = "spec/api.yaml"
CODES = "spec/return_codes.yaml"
TABLES = "spec/code_tables.yaml"
ENDPOINT = f"spec/{ENDPOINT_FILE}"


def only_problem(spec: Path) -> SpecProblem:
    problems = spec_problems(spec)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def assert_problem(problem: SpecProblem, file: str, line: int, path: str,
                   *message_parts: str) -> None:
    assert (problem.file, problem.line, problem.path) == (file, line, path), str(problem)
    for part in message_parts:
        assert part in problem.message, str(problem)


def edit_text(path: Path, old: str, new: str) -> None:
    """Replace ``old``, which must occur once, keeping every other byte as it is."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not unique in {path}"
    path.write_bytes(text.replace(old, new).encode("utf-8"))

"""Spec mutations with the changes ``python -m generator diff`` must find, as data.

Each mutation is a small edit of a copy of the real ``spec/``: it picks what it edits by
what the spec holds ("the first endpoint with a positional argument", "the first level
field"), never by name, so the corpus keeps working as endpoints come and go. A mutation
whose target the spec lacks says so (``Missing``) and its test is skipped.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec"

Data = dict[str, Any]
Expected = frozenset[tuple[str, str]]
B, N, D = "breaking", "non-breaking", "drift-accepting"


class Missing(Exception):
    """The spec holds nothing this mutation can edit."""


class _PlainDumper(yaml.SafeDumper):
    """Never anchors and aliases: the spec's loader refuses them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


@dataclass(frozen=True)
class SpecCopy:
    """A copy of ``spec/`` whose YAML files a mutation reads and rewrites as data."""

    root: Path

    @classmethod
    def of_real_spec(cls, target: Path) -> SpecCopy:
        shutil.copytree(SPEC, target)
        return cls(target)

    def read(self, relative: str) -> Any:
        return yaml.safe_load((self.root / relative).read_text(encoding="utf-8"))

    def write(self, relative: str, data: Any) -> None:
        text = yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False)
        (self.root / relative).write_text(text, encoding="utf-8")

    def edit(self, relative: str, change: Callable[[Any], object]) -> None:
        data = self.read(relative)
        change(data)
        self.write(relative, data)

    @property
    def api(self) -> Data:
        data: Data = self.read("api.yaml")
        return data

    def edit_api(self, change: Callable[[Data], object]) -> None:
        self.edit("api.yaml", change)

    def edit_file(self, key: str, change: Callable[[Data], object]) -> None:
        """Edit the file api.yaml names under ``key`` (return_codes, code_tables)."""
        self.edit(self.api[key], change)

    def endpoint_files(self) -> list[str]:
        return list(self.api["endpoints"])

    def browser_files(self) -> list[str]:
        return list(self.api.get("browser_urls", []))

    def edit_first(self, files: list[str], matches: Callable[[Data], bool],
                   change: Callable[[Data], object]) -> None:
        """Edit the first of ``files`` whose data ``matches``; Missing if none does."""
        for relative in files:
            data = self.read(relative)
            if matches(data):
                change(data)
                self.write(relative, data)
                return
        raise Missing("no file matches")

    def edit_endpoint(self, matches: Callable[[Data], bool],
                      change: Callable[[Data], object]) -> None:
        self.edit_first(self.endpoint_files(), matches, change)

    def edit_field(self, matches: Callable[[Data, Data], bool],
                   change: Callable[[Data], object]) -> None:
        """Edit the first success field (in endpoint order) that ``matches(endpoint, field)``."""
        def has(endpoint: Data) -> bool:
            return any(matches(endpoint, f) for f in success_fields(endpoint))

        def edit(endpoint: Data) -> None:
            change(next(f for f in success_fields(endpoint) if matches(endpoint, f)))

        self.edit_endpoint(has, edit)

    def edit_argument(self, matches: Callable[[Data], bool],
                      change: Callable[[Data], object],
                      files: list[str] | None = None) -> None:
        """Edit the first own call argument that matches, in endpoints then browser URLs."""
        files = files if files is not None else self.endpoint_files() + self.browser_files()

        def has(owner: Data) -> bool:
            return any(matches(p) for p in arguments(owner))

        def edit(owner: Data) -> None:
            change(next(p for p in arguments(owner) if matches(p)))

        self.edit_first(files, has, edit)


# What the spec's raw data means (the spec format's defaults spelled out once).

def error_fields(endpoint: Data) -> tuple[str, str]:
    return ("ret", "msg") if endpoint.get("errors", "ret") == "ret" \
        else ("error", "error_description")


def success_fields(endpoint: Data) -> Iterator[Data]:
    """Fields beyond the error shape's code and message."""
    return (f for f in endpoint["response"]["fields"] if f["name"] not in error_fields(endpoint))


def arguments(owner: Data) -> Iterator[Data]:
    return (p for p in owner["parameters"] if p.get("source", "call") == "call")


def is_plain(field: Data) -> bool:
    """No marker, no secrecy, no placeholder: changing it changes nothing else."""
    return not any(key in field for key in ("marks_expiry", "marks_degraded",
                                            "placeholder_value", "sensitive"))


def is_free_string(parameter: Data) -> bool:
    return parameter.get("type", "string") == "string" and not parameter.get("choices") \
        and not parameter.get("check")


def text(name: str) -> Data:
    """The descriptions every spec item needs."""
    return {"zh": f"{name}（测试）", "en": f"{name} (a test's)"}


def field(name: str, source: str) -> Data:
    return {"name": name, "wire_type": "string", "kind": "text", "source": source, **text(name)}


def pascal(snake: str) -> str:
    return "".join(part.capitalize() for part in snake.split("_"))

"""Load: read the spec's YAML files safely, remembering the line of every key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import KeyPath, SpecError, SpecProblem, format_key_path


@dataclass(frozen=True)
class Document:
    """One YAML file: its data, its name for messages, and where each key sits."""

    file: str
    data: Any
    lines: dict[KeyPath, int] = field(repr=False)
    path: Path = field(repr=False)

    def line_of(self, path: KeyPath) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def problem(self, path: KeyPath, message: str) -> SpecProblem:
        return SpecProblem(self.file, self.line_of(path), format_key_path(path), message)


@dataclass(frozen=True)
class SpecSources:
    """Every file of a spec, by its path relative to the spec directory."""

    root: Path
    api: Document
    return_codes: Document
    code_tables: Document
    endpoints: tuple[Document, ...]


_NO_ANCHORS = "YAML anchors and aliases (&name, *name) are not allowed in a spec"


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses anchors and aliases, so no alias bomb can expand."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(None, None, _NO_ANCHORS, event.start_mark)
        return super().compose_node(parent, index)


def _display_name(root: Path, path: Path) -> str:
    # Messages and banners name files relative to the spec's parent, never absolutely.
    root = root.resolve()
    try:
        return (Path(root.name) / path.resolve().relative_to(root)).as_posix()
    except ValueError:
        return path.name


def load_document(root: Path, path: Path) -> Document:
    """Parse one YAML file into plain data; raise SpecError naming file and line."""
    name = _display_name(root, path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SpecError([SpecProblem(name, 1, "<document>", f"cannot read: {error}")]) from None
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[KeyPath, int] = {}
        problems: list[SpecProblem] = []
        data = _convert(loader, node, (), lines, problems, name) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error)
        problem = SpecProblem(name, line, "<document>", f"invalid YAML: {reason}")
        raise SpecError([problem]) from None
    finally:
        loader.dispose()
    if problems:
        raise SpecError(problems)
    return Document(name, data, lines, path)


def _convert(loader: yaml.SafeLoader, node: yaml.Node, path: KeyPath,
             lines: dict[KeyPath, int], problems: list[SpecProblem], name: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key_line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                problems.append(SpecProblem(name, key_line, format_key_path(path),
                                            f"keys must be strings, not {key!r}"))
                continue
            if key in result:
                problems.append(SpecProblem(name, key_line, format_key_path((*path, key)),
                                            "duplicate key"))
                continue
            result[key] = _convert(loader, value_node, (*path, key), lines, problems, name)
            lines[(*path, key)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, (*path, index), lines, problems, name)
                for index, item in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    if isinstance(value, str) and not _encodable(value):
        problems.append(SpecProblem(name, lines[path], format_key_path(path),
                                    "not valid Unicode text (a lone surrogate)"))
    return value


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def load_sources(root: Path) -> SpecSources:
    """Load ``api.yaml`` and every file it names; report all unreadable files at once."""
    api = load_document(root, root / "api.yaml")
    data = api.data if isinstance(api.data, dict) else {}
    problems: list[SpecProblem] = []
    loaded: dict[str, Document] = {}

    def load_named(path: KeyPath, relative: object) -> Document | None:
        if not isinstance(relative, str):
            problems.append(api.problem(path, "expected the path of a YAML file"))
            return None
        target = (root / relative).resolve()
        if not target.is_relative_to(root.resolve()):
            problems.append(api.problem(path, "must lie inside the spec directory"))
            return None
        if not target.is_file():
            problems.append(api.problem(path, f"no such file: {relative}"))
            return None
        try:
            return load_document(root, target)
        except SpecError as error:
            problems.extend(error.problems)
            return None

    for key in ("return_codes", "code_tables"):
        if key not in data:
            problems.append(api.problem((), f"{key!r} is a required property"))
            continue
        document = load_named((key,), data[key])
        if document is not None:
            loaded[key] = document
    endpoints: list[Document] = []
    listed = data.get("endpoints")
    if not isinstance(listed, list) or not listed:
        problems.append(api.problem(("endpoints",), "expected a non-empty list of endpoint files"))
    else:
        for index, relative in enumerate(listed):
            document = load_named(("endpoints", index), relative)
            if document is not None:
                endpoints.append(document)
    if problems:
        raise SpecError(problems)
    return SpecSources(root, api, loaded["return_codes"], loaded["code_tables"], tuple(endpoints))

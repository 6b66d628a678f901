"""Load: read the spec's YAML files safely, remembering the line of every key."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

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
    browser_urls: tuple[Document, ...] = ()

    @property
    def documents(self) -> tuple[Document, ...]:
        return (self.api, self.return_codes, self.code_tables, *self.endpoints,
                *self.browser_urls)


# libyaml (PyYAML's C extension) is optional; without it every file takes the slow loader.
_HAS_LIBYAML: bool = getattr(yaml, "__with_libyaml__", False)
_NO_ANCHORS = "YAML anchors and aliases (&name, *name) are not allowed in a spec"
# A spec file is a few KiB; refusing big ones before parsing bounds time and memory.
MAX_FILE_BYTES = 1024 * 1024
# The spec format nests about 6 levels; the cap stops deep input long before Python's
# recursion limit, which the composer and the converter would otherwise hit.
MAX_DEPTH = 64
# No spec text needs these, and each breaks something generated: NUL cannot be in Python
# source, DEL breaks pyproject.toml, C1 controls and U+2028/U+2029 split lines for some
# readers and not others.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_SHOWN = 60


def _shown(text: str) -> str:
    """``text`` for a one-line message: escaped by repr, cut short if long."""
    if len(text) <= _SHOWN:
        return repr(text)
    return f"{text[:_SHOWN]!r}… ({len(text)} characters)"


def _control_message(char: str) -> str:
    return (f"the character U+{ord(char):04X} is not allowed in a spec "
            "(no control characters or line separators)")


class _Refused(yaml.MarkedYAMLError):
    """A rule of the spec format broken while parsing; its message stands alone."""


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses anchors and aliases, so no alias bomb can expand."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(None, None, _NO_ANCHORS, event.start_mark)
        if self._depth >= MAX_DEPTH:
            raise _Refused(None, None, f"nested deeper than {MAX_DEPTH} levels "
                           "(a spec needs fewer than 10)", event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _is_plain(text: str) -> bool:
    """True when libyaml parses ``text`` without error, anchor, alias or deep nesting.

    Anything else goes to the pure-Python loader, whose refusals (and their messages and
    lines) are the spec's: libyaml only reads what that loader would accept alike.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return False
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth >= MAX_DEPTH - 1:
                    return False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except (yaml.YAMLError, ValueError):  # ValueError: text libyaml cannot take at all
        return False
    return True


def _loader(text: str) -> yaml.CSafeLoader | _NoAliasLoader:
    """libyaml's loader (a tenth of the pure-Python one's time) for plain text, else the
    loader that checks every rule and says where it is broken."""
    if _HAS_LIBYAML and _is_plain(text):
        return yaml.CSafeLoader(text)
    return _NoAliasLoader(text)


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
    text = _read_text(name, path)
    problems = list(_forbidden_lines(name, text))
    if problems:
        raise SpecError(problems)
    lines: dict[KeyPath, int] = {}
    try:
        loader = _loader(text)  # checks every character: a ReaderError comes from here
        try:
            node = loader.get_single_node()
            data = _convert(loader, node, (), lines, problems, name) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        raise SpecError([_yaml_problem(name, text, error)]) from None
    if problems:
        raise SpecError(problems)
    return Document(name, data, lines, path)


def _read_text(name: str, path: Path) -> str:
    """The file's text with universal newlines; never more than MAX_FILE_BYTES are read."""
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            raw = file.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as error:
        raise SpecError([SpecProblem(name, 1, "<document>",
                                     f"cannot read: {_os_reason(error)}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        # Some files (pipes, /proc) report size 0: then say only that it is too big.
        count = f"{size} bytes" if size > MAX_FILE_BYTES else "more"
        raise SpecError([SpecProblem(name, 1, "<document>",
                                     f"larger than {_size(MAX_FILE_BYTES)} ({count}); a spec "
                                     "file is a few KiB")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        # Reported at line 1, where a reader looks for the encoding; the message says where.
        line = raw.count(b"\n", 0, error.start) + 1
        raise SpecError([SpecProblem(name, 1, "<document>",
                                     f"cannot read: not UTF-8 text ({error.reason} on line "
                                     f"{line})")]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _os_reason(error: Exception) -> str:
    # The OS's words without the file name, which may be thousands of characters long.
    # A loop: ELOOP, or RuntimeError from resolve() before 3.13.
    if isinstance(error, RuntimeError) or (isinstance(error, OSError)
                                           and error.errno == errno.ELOOP):
        return "a loop of symbolic links"
    if isinstance(error, OSError) and error.errno is not None:
        return os.strerror(error.errno)
    return str(error)


def _forbidden_lines(name: str, text: str) -> list[SpecProblem]:
    """One problem per line holding a character that no spec file may hold raw."""
    problems: dict[int, SpecProblem] = {}
    for found in _FORBIDDEN.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        problems.setdefault(line, SpecProblem(name, line, "<document>",
                                              _control_message(found.group())))
    return list(problems.values())


def _yaml_problem(name: str, text: str, error: yaml.YAMLError) -> SpecProblem:
    if isinstance(error, yaml.reader.ReaderError):
        # Reader errors carry a character offset instead of a mark.
        line = text.count("\n", 0, error.position) + 1
        character = error.character
        shown_character = (f"U+{character:04X}" if isinstance(character, int)
                           else repr(character))
        return SpecProblem(name, line, "<document>",
                           f"invalid YAML: the character {shown_character} is not allowed")
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 1
    reason = getattr(error, "problem", None) or str(error)
    if isinstance(error, _Refused):
        return SpecProblem(name, line, "<document>", reason)
    return SpecProblem(name, line, "<document>", f"invalid YAML: {reason}")


def _convert(loader: SafeConstructor, node: yaml.Node, path: KeyPath,
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
            # A bad key is reported at its parent: a key path must stay printable.
            reason = _key_problem(key)
            if reason is not None:
                problems.append(SpecProblem(name, key_line, format_key_path(path), reason))
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
    reason = _text_problem(value) if isinstance(value, str) else None
    if reason is not None:
        problems.append(SpecProblem(name, lines[path], format_key_path(path),
                                    f"{reason}: {_shown(value)}"))
    return value


def _text_problem(text: str) -> str | None:
    """Why ``text`` cannot reach generated files, or None if it can."""
    if not _encodable(text):
        return "not valid Unicode text (a lone surrogate)"
    found = _FORBIDDEN.search(text)
    return None if found is None else _control_message(found.group())


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _key_problem(key: str) -> str | None:
    reason = _text_problem(key)
    if reason is None and ("\n" in key or "\t" in key):
        reason = "a key cannot hold a line break or a tab"
    return None if reason is None else f"{reason}: key {_shown(key)}"


def file_problem(root: Path, relative: str, locate: Callable[[str], Path], *,
                 max_bytes: int | None = None) -> str | None:
    """Why ``relative`` cannot name a file of the spec in ``root``, or None if it can.

    ``locate`` turns the name into a resolved path, as the reader of the file will;
    ``max_bytes``, if given, also refuses a bigger file.
    """
    if "\0" in relative:
        # The OS cannot take a NUL in a path; pathlib would raise ValueError.
        return f"a file name cannot hold the character U+0000: {_shown(relative)}"
    try:
        target = locate(relative)
        is_file = _is_file(target)  # first: a loop is one wherever resolve() left it
        if not target.is_relative_to(root.resolve()):
            return "must lie inside the spec directory"
        if not is_file:
            return f"no such file: {_plain(relative)}"
        if max_bytes is not None and target.stat().st_size > max_bytes:
            return f"larger than {_size(max_bytes)}: {_plain(relative)}"
    except (OSError, ValueError, RuntimeError) as error:
        # ENAMETOOLONG, a symlink loop (ELOOP, or RuntimeError before 3.13): the reason,
        # without the long name.
        return f"cannot be used as a file name ({_os_reason(error)}): {_shown(relative)}"
    return None


def _is_file(path: Path) -> bool:
    """``path.is_file()``, except that a loop of symbolic links raises (ELOOP): from 3.13,
    resolve() leaves a loop in place, and is_file() would call it no file."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF):
            return False
        raise


def _size(count: int) -> str:
    return f"{count >> 20} MiB" if count % (1 << 20) == 0 else f"{count} bytes"


def _plain(text: str) -> str:
    # Ordinary names print as they are; anything odd is escaped and cut short.
    return text if text.isprintable() and len(text) <= _SHOWN else _shown(text)


def load_sources(root: Path) -> SpecSources:
    """Load ``api.yaml`` and every file it names; report all unreadable files at once."""
    api = load_document(root, root / "api.yaml")
    data = api.data if isinstance(api.data, dict) else {}
    problems: list[SpecProblem] = []
    loaded: dict[str, Document] = {}

    def locate(relative: str) -> Path:
        return (root / relative).resolve()

    def load_named(path: KeyPath, relative: object) -> Document | None:
        if not isinstance(relative, str):
            problems.append(api.problem(path, "expected the path of a YAML file"))
            return None
        reason = file_problem(root, relative, locate)
        if reason is not None:
            problems.append(api.problem(path, reason))
            return None
        target = locate(relative)
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
    def load_list(key: str, listed: object, empty: bool) -> tuple[Document, ...]:
        if not isinstance(listed, list) or not (listed or empty):
            what = "a list" if empty else "a non-empty list"
            problems.append(api.problem((key,), f"expected {what} of YAML files"))
            return ()
        documents = (load_named((key, index), relative) for index, relative in enumerate(listed))
        return tuple(document for document in documents if document is not None)

    endpoints = load_list("endpoints", data.get("endpoints"), empty=False)
    browser_urls = load_list("browser_urls", data.get("browser_urls", []), empty=True)
    if problems:
        raise SpecError(problems)
    return SpecSources(root, api, loaded["return_codes"], loaded["code_tables"], endpoints,
                       browser_urls)

"""Escaping: every text from a spec reaches generated files only through these.

Each function returns an inert literal for its target language, so that quotes,
backslashes, triple quotes, newlines and template syntax in a description are
printed, never interpreted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable


def python_string(text: str) -> str:
    """A Python string literal that evaluates to ``text`` (always double-quoted)."""
    # json.dumps escapes quotes, backslashes and control characters in a form
    # that Python reads identically; non-ASCII stays readable.
    return json.dumps(text, ensure_ascii=False)


def python_frozenset(values: Iterable[str | int]) -> str:
    """A ``frozenset({...})`` literal of strings or integers, in the order given."""
    items = [python_string(v) if isinstance(v, str) else str(int(v)) for v in values]
    return "frozenset({" + ", ".join(items) + "})"


def import_from(module: str, names: Iterable[str], width: int = 100) -> str:
    """``from module import a, b``; one name per line in parentheses if it is too long."""
    names = list(names)
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= width:
        return line
    return f"from {module} import (\n" + "".join(f"    {name},\n" for name in names) + ")"


def python_docstring(text: str, indent: str = "") -> str:
    """A triple-quoted docstring literal for ``text``; the text cannot close it early."""
    body = "\n".join(text.splitlines()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    # Source code cannot hold NUL and other control characters raw; escapes read back the same.
    body = "".join(char if char in "\n\t" or char.isprintable() or ord(char) > 0x9F
                   else f"\\x{ord(char):02x}" if ord(char) < 0x100 else char
                   for char in body)
    lines = body.splitlines() or [""]
    if len(lines) == 1 and not lines[0].endswith('"'):
        return f'"""{lines[0]}"""'
    # A closing quote of the text must not touch the closing triple quote.
    joined = "".join(f"\n{indent}{line}" if line else "\n" for line in lines[1:])
    return f'"""{lines[0]}{joined}\n{indent}"""'


def python_comment(text: str) -> str:
    """One comment line: newlines folded so the text cannot escape the comment."""
    return "# " + " ".join(text.split())


def markdown_cell(text: str) -> str:
    """Literal text for Markdown: a table cell, a list item or a paragraph of its own.

    Line breaks are folded, so the text stays on its line (and in its cell). CommonMark
    reads a backslash before any ASCII punctuation as that character, literally; every
    character that can open markup anywhere in a line is escaped that way, and so is a
    block marker (list, heading underline) at the start. Letters, digits, CJK and other
    punctuation are left alone, so the source stays readable.
    """
    folded = _MARKUP.sub(r"\\\g<0>", " ".join(text.split()))
    start = _BLOCK_START.match(folded)
    if start is None:
        return folded
    marker = start.end() - 1
    return f"{folded[:marker]}\\{folded[marker:]}"


# Raw HTML and autolinks (<), entities (&), code spans (`), emphasis (* _), links and
# images ([ ] !), strikethrough and fences (~), headings (#), block quotes (>), table
# cells (|) and the escape character itself.
_MARKUP = re.compile(r"[\\`*_\[\]<>|#&!~]")
# A bullet (- +), an ordered list item (1. 1), CommonMark's at most 9 ASCII digits) or a
# setext heading underline (= -) where the text starts.
_BLOCK_START = re.compile(r"[-+=]|[0-9]{1,9}[.)]")


def toml_string(text: str) -> str:
    """A TOML basic string; TOML accepts JSON's escapes."""
    return json.dumps(text, ensure_ascii=False)


def html_comment(text: str) -> str:
    """An HTML comment holding ``text`` on one line; ``--`` cannot end it early."""
    folded = re.sub("-(?=-)", "- ", " ".join(text.split()))
    return f"<!-- {folded} -->"

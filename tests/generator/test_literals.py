"""Escaping functions: any text becomes an inert literal that reads back as itself."""

from __future__ import annotations

import ast

import pytest

from generator import literals

NASTY = [
    "",
    "plain",
    'double "quotes" and \'single\'',
    "back\\slash at end\\",
    'triple """ quotes """',
    "triple ''' single",
    'ends with a quote"',
    "line\nbreaks\r\nand\ttabs",
    "{{ jinja }} {% if x %}",
    '"); import os; os.system("echo pwned") #',
    "中文，全角标点“引号”",
    "\x00 nul and \x7f del",
    "\\N{BULLET} \\u2028",
]


@pytest.mark.parametrize("text", NASTY)
def test_python_string_round_trips(text: str) -> None:
    literal = literals.python_string(text)
    assert ast.literal_eval(literal) == text


@pytest.mark.parametrize("text", NASTY)
def test_python_docstring_round_trips_inside_a_class(text: str) -> None:
    source = f"class C:\n    {literals.python_docstring(text, '    ')}\n    x = 1\n"
    tree = ast.parse(source)
    docstring = ast.get_docstring(tree.body[0], clean=False)  # type: ignore[arg-type]
    assert docstring is not None
    # Continuation lines carry the class body's indentation; line ends are normalised.
    lines = docstring.split("\n")
    got = "\n".join([lines[0], *(line.removeprefix("    ") for line in lines[1:])])
    assert got.rstrip(" \n") == "\n".join(text.splitlines()).rstrip(" \n")


@pytest.mark.parametrize("text", NASTY)
def test_python_comment_stays_one_line(text: str) -> None:
    comment = literals.python_comment(text)
    assert comment.startswith("# ") and "\n" not in comment and "\r" not in comment


def test_markdown_cell_cannot_break_the_table() -> None:
    assert literals.markdown_cell("a | b\nc") == "a \\| b c"
    assert literals.markdown_cell("<script>") == "\\<script\\>"
    assert literals.markdown_cell("# a_b & c") == "\\# a\\_b \\& c"
    assert literals.markdown_cell("1. 等级") == "1\\. 等级"


def test_toml_string_is_json_compatible() -> None:
    assert literals.toml_string('say "hi"\\') == '"say \\"hi\\"\\\\"'


@pytest.mark.parametrize("text", ["spec-->x/api.yaml", "a -- b", "line\nbreak --->"])
def test_html_comment_cannot_be_closed_early(text: str) -> None:
    comment = literals.html_comment(text)
    assert comment.startswith("<!-- ") and comment.endswith(" -->")
    assert "--" not in comment[4:-3] and "\n" not in comment

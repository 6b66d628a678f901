"""Hostile YAML and hostile text: refused as SpecProblems, or made inert, never a traceback.

Control characters, deep nesting, huge files, unusable file names, names that end in a
newline, and descriptions written as Markdown or HTML. Each case starts from the valid
inline spec of spec_builder.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import literals
from generator.errors import SpecError
from generator.load import MAX_DEPTH, MAX_FILE_BYTES, file_problem, load_document
from generator.pipeline import generate
from tests.generator.problems import (
    API,
    CODES,
    ENDPOINT,
    TABLES,
    assert_problem,
    edit_text,
    only_problem,
)
from tests.generator.spec_builder import ENDPOINT as BASE_ENDPOINT
from tests.generator.spec_builder import (
    ENDPOINT_FILE,
    ROOT,
    Data,
    dump_yaml,
    line_of,
    make_spec,
    spec_problems,
)

TITLE = 9  # index of the field "title" in the inline endpoint's response.fields


def run_cli(spec: Path, out: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", "--spec", str(spec),
                           "--out", str(out)], cwd=spec.parent, env=environment,
                          capture_output=True, text=True, check=False, timeout=120)


def assert_cli_refuses(spec: Path, tmp_path: Path, *expected: str) -> None:
    """The command exits 2, names each expected ``file:line: ...`` start, writes nothing."""
    out = tmp_path / "out"
    result = run_cli(spec, out)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("the spec has "), result.stderr
    for start in expected:
        assert any(line.startswith(f"  {start}") for line in lines[1:]), result.stderr
    assert not out.exists()


# --- 1. characters YAML forbids, written raw into a file ----------------------------------


RAW_CHARACTERS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80",
                  "\x85", "\x9f", "\u2028", "\u2029"]


@pytest.mark.parametrize("char", RAW_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_raw_control_character_in_a_yaml_file(tmp_path: Path, char: str) -> None:
    text = f"colour:\n  zh: 颜色\n  en: a{char}b\n  none_code: 0\n"
    spec = make_spec(tmp_path, files={"code_tables.yaml": text})
    assert_problem(only_problem(spec), TABLES, 3, "<document>", f"U+{ord(char):04X}")


def test_raw_non_character_that_the_yaml_reader_refuses(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, files={"code_tables.yaml": "colour:\n  zh: 颜色\n  en: a\ufffe\n"})
    assert_problem(only_problem(spec), TABLES, 3, "<document>", "invalid YAML", "U+FFFE")


def test_raw_control_characters_on_several_lines_are_all_reported(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    edit_text(spec / ENDPOINT_FILE, "zh: 获取小部件。\n", "zh: 获取\x00小部件。\n")
    edit_text(spec / ENDPOINT_FILE, "en: Its title.\n", "en: Its\x7f title.\n")
    problems = spec_problems(spec)
    assert [(p.file, p.line, p.path) for p in problems] == [
        (ENDPOINT, line_of(spec / ENDPOINT_FILE, "zh: 获取"), "<document>"),
        (ENDPOINT, line_of(spec / ENDPOINT_FILE, "en: Its\x7f"), "<document>"),
    ], problems
    assert "U+0000" in problems[0].message and "U+007F" in problems[1].message


def test_cli_refuses_a_nul_byte(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    (spec / "api.yaml").write_bytes(b"title: a\x00b\n")
    assert_cli_refuses(spec, tmp_path, f"{API}:1: <document>: the character U+0000")


# --- 2. deep nesting ----------------------------------------------------------------------


def nested_mappings(depth: int) -> str:
    return "".join(f"{'  ' * level}k{level}:\n" for level in range(depth)) + "  " * depth + "x\n"


@pytest.mark.parametrize("text, line", [
    ("colour: " + "[" * 600 + "]" * 600 + "\n", 1),
    ("colour: " + "{a: " * 600 + "x" + "}" * 600 + "\n", 1),
    # The root mapping is level 1: the key on line MAX_DEPTH is the first one too deep.
    (nested_mappings(600), MAX_DEPTH),
])
def test_600_levels_of_nesting(tmp_path: Path, text: str, line: int) -> None:
    spec = make_spec(tmp_path, files={"code_tables.yaml": text})
    assert_problem(only_problem(spec), TABLES, line, "<document>",
                   f"nested deeper than {MAX_DEPTH} levels")


def test_nesting_up_to_the_cap_is_read(tmp_path: Path) -> None:
    # "a: [[...]]": the root mapping is level 1, the outer list level 2.
    path = tmp_path / "deep.yaml"
    lists = MAX_DEPTH - 1
    path.write_text("a: " + "[" * lists + "]" * lists + "\n", encoding="utf-8")
    value = load_document(tmp_path, path).data["a"]
    for _ in range(lists - 1):
        assert isinstance(value, list) and len(value) == 1
        value = value[0]
    assert value == []
    path.write_text("a: " + "[" * (lists + 1) + "]" * (lists + 1) + "\n", encoding="utf-8")
    with pytest.raises(SpecError, match="nested deeper than"):
        load_document(tmp_path, path)


def test_cli_refuses_deep_nesting(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, files={ENDPOINT_FILE: "a: " + "[" * 600 + "]" * 600 + "\n"})
    assert_cli_refuses(spec, tmp_path, f"{ENDPOINT}:1: <document>: nested deeper than")


# --- 3. big files -------------------------------------------------------------------------


@pytest.mark.parametrize("file, name", [("code_tables.yaml", TABLES), ("api.yaml", API),
                                        (ENDPOINT_FILE, ENDPOINT)])
def test_spec_file_over_1_mib_is_refused_before_parsing(tmp_path: Path, file: str,
                                                       name: str) -> None:
    # Broken YAML past the limit: a parser would report that, the size check comes first.
    text = "# padding\n" * (MAX_FILE_BYTES // 10) + "colour: [\n"
    spec = make_spec(tmp_path, files={file: text})
    problem = only_problem(spec)
    assert_problem(problem, name, 1, "<document>", "larger than 1 MiB",
                   str(len(text.encode())))
    assert "invalid YAML" not in problem.message


def test_spec_file_of_exactly_1_mib_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    body = "a: 1\n"
    path.write_text("#" * (MAX_FILE_BYTES - len(body) - 1) + "\n" + body, encoding="utf-8")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_document(tmp_path, path).data == {"a": 1}


def test_example_file_over_1_mib_is_refused(tmp_path: Path) -> None:
    body = '{"ret": 0, "msg": "' + "x" * MAX_FILE_BYTES + '"}\n'
    spec = make_spec(tmp_path, files={"examples/get_widget/token_invalid.json": body})
    line = line_of(spec / ENDPOINT_FILE, "file: ../examples/get_widget/token_invalid.json")
    assert_problem(only_problem(spec), ENDPOINT, line, "examples[2].file", "larger than 1 MiB",
                   "../examples/get_widget/token_invalid.json")


def test_cli_refuses_a_big_file(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, files={"return_codes.yaml": "#" * (MAX_FILE_BYTES + 1)})
    assert_cli_refuses(spec, tmp_path, f"{CODES}:1: <document>: larger than 1 MiB")


# --- 4. file names the OS cannot take -----------------------------------------------------


LONG_NAME = "x" * 5000                     # one component far over NAME_MAX
LONG_PATH = "/".join(["d" * 200] * 25)     # short components, far over PATH_MAX


def set_example_file(name: str) -> Callable[[Data], object]:
    return lambda endpoint: endpoint["examples"][0].update(file=name)


def example_file_line(spec: Path, name: str) -> int:
    return line_of(spec / ENDPOINT_FILE, f"file: {name[:40]}")


@pytest.mark.parametrize("name", [LONG_NAME, LONG_PATH], ids=["long-name", "long-path"])
def test_example_file_name_too_long(tmp_path: Path, name: str) -> None:
    spec = make_spec(tmp_path, endpoint=set_example_file(name))
    assert_problem(only_problem(spec), ENDPOINT, example_file_line(spec, name),
                   "examples[0].file", "cannot be used as a file name", name[:40],
                   f"({len(name)} characters)")


def test_example_file_name_with_a_nul(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, endpoint=set_example_file("../examples/a\x00b.json"))
    line = line_of(spec / ENDPOINT_FILE, "a\\0b.json")
    assert_problem(only_problem(spec), ENDPOINT, line, "examples[0].file", "U+0000",
                   "'../examples/a\\x00b.json'")


def test_file_problem_refuses_a_nul_before_the_os_sees_it(tmp_path: Path) -> None:
    # The loader refuses a NUL in any text first; this is the check behind it.
    def locate(relative: str) -> Path:
        raise AssertionError("a name with a NUL reached the file system")

    reason = file_problem(tmp_path, "a\x00b.json", locate)
    assert reason is not None and "U+0000" in reason and "'a\\x00b.json'" in reason


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_example_file_in_a_loop_of_symbolic_links(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, files={"examples/get_widget/success.json": None})
    (spec / "examples/get_widget/success.json").symlink_to("success.json")
    line = line_of(spec / ENDPOINT_FILE, "file: ../examples/get_widget/success.json")
    assert_problem(only_problem(spec), ENDPOINT, line, "examples[0].file",
                   "cannot be used as a file name (a loop of symbolic links)", "success.json")


@pytest.mark.parametrize("name, message", [
    (LONG_NAME, "cannot be used as a file name"),
    (LONG_PATH, "cannot be used as a file name"),
    ("endpoints/a\x00b.yaml", "U+0000"),
])
def test_endpoint_file_name_in_api_yaml(tmp_path: Path, name: str, message: str) -> None:
    spec = make_spec(tmp_path, api=lambda api: api["endpoints"].append(name))
    needle = "endpoints/a\\0b.yaml" if "\x00" in name else f"- {name[:40]}"
    problem = only_problem(spec)
    assert_problem(problem, API, line_of(spec / "api.yaml", needle), "endpoints[1]", message,
                   repr(name[:40])[:-1])


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
@pytest.mark.parametrize("name", ["endpoints/loop.yaml", "endpoints/loop/inside.yaml"])
def test_endpoint_file_in_a_loop_of_symbolic_links(tmp_path: Path, name: str) -> None:
    spec = make_spec(tmp_path, api=lambda api: api["endpoints"].append(name))
    link = "loop.yaml" if name.endswith("loop.yaml") else "loop"
    (spec / "endpoints" / link).symlink_to(link)
    line = line_of(spec / "api.yaml", f"- {name}")
    assert_problem(only_problem(spec), API, line, "endpoints[1]",
                   "cannot be used as a file name (a loop of symbolic links)", name)


@pytest.mark.parametrize("where", ["example", "api"])
def test_cli_refuses_a_long_file_name(tmp_path: Path, where: str) -> None:
    if where == "example":
        spec = make_spec(tmp_path, endpoint=set_example_file(LONG_NAME))
        start = f"{ENDPOINT}:{example_file_line(spec, LONG_NAME)}: examples[0].file: "
    else:
        spec = make_spec(tmp_path, api=lambda api: api["endpoints"].append(LONG_NAME))
        start = f"{API}:{line_of(spec / 'api.yaml', LONG_NAME[:40])}: endpoints[1]: "
    assert_cli_refuses(spec, tmp_path, start + "cannot be used as a file name")


# --- 5. control characters that YAML escapes let into text -------------------------------


@pytest.mark.parametrize("escape, code", [
    ("\\0", "U+0000"), ("\\a", "U+0007"), ("\\b", "U+0008"), ("\\v", "U+000B"),
    ("\\f", "U+000C"), ("\\r", "U+000D"), ("\\e", "U+001B"), ("\\x1f", "U+001F"),
    ("\\x7f", "U+007F"), ("\\x80", "U+0080"), ("\\x85", "U+0085"), ("\\N", "U+0085"),
    ("\\x9f", "U+009F"), ("\\u2028", "U+2028"), ("\\L", "U+2028"), ("\\P", "U+2029"),
])
def test_control_character_escape_in_a_value(tmp_path: Path, escape: str, code: str) -> None:
    spec = make_spec(tmp_path)
    edit_text(spec / ENDPOINT_FILE, "en: Its title.\n", f'en: "Its {escape} title."\n')
    line = line_of(spec / ENDPOINT_FILE, "en: \"Its ")
    assert_problem(only_problem(spec), ENDPOINT, line, f"response.fields[{TITLE}].en", code,
                   "'Its ")


@pytest.mark.parametrize("file, old, new, path, code", [
    ("api.yaml", "title: Widget API (小部件)", 'title: "Widget\\x7f API"', "title", "U+007F"),
    ("return_codes.yaml", "note: Seen under load.", 'note: "Seen\\0 under load."',
     "codes[1].note", "U+0000"),
    ("code_tables.yaml", "label: 红", 'label: "红\\x85"', "colour.codes[0].label", "U+0085"),
    (ENDPOINT_FILE, "- A made-up endpoint for the generator's tests.",
     '- "A\\P made-up endpoint"', "notes[0]", "U+2029"),
])
def test_control_character_in_each_file(tmp_path: Path, file: str, old: str, new: str,
                                        path: str, code: str) -> None:
    spec = make_spec(tmp_path)
    edit_text(spec / file, f"{old}\n", f"{new}\n")
    assert_problem(only_problem(spec), f"spec/{file}", line_of(spec / file, new), path, code)


@pytest.mark.parametrize("key, message", [
    ("a\\x7fb", "U+007F"), ("a\\0b", "U+0000"), ("a\\u2028b", "U+2028"),
    ("a\\tb", "line break or a tab"), ("a\\nb", "line break or a tab"),
])
def test_control_character_in_a_key(tmp_path: Path, key: str, message: str) -> None:
    # Reported at the mapping that holds the key: a key path must stay one printable line.
    spec = make_spec(tmp_path)
    edit_text(spec / "code_tables.yaml", "  none_code: 0\n", f'  none_code: 0\n  "{key}": 1\n')
    line = line_of(spec / "code_tables.yaml", f'"{key}"')
    assert_problem(only_problem(spec), TABLES, line, "colour", message, "key 'a\\")


def test_tabs_and_line_breaks_in_values_are_still_text(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    edit_text(spec / ENDPOINT_FILE, "en: Its title.\n", 'en: "Its\\ttitle,\\non two lines."\n')
    assert "docs/get_widget.md" in generate(spec)


def test_cli_refuses_a_control_character_escape(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    edit_text(spec / ENDPOINT_FILE, "en: Its title.\n", 'en: "Its \\x7f title."\n')
    line = line_of(spec / ENDPOINT_FILE, "en: \"Its ")
    assert_cli_refuses(spec, tmp_path,
                       f"{ENDPOINT}:{line}: response.fields[{TITLE}].en: the character U+007F")


# --- names matched with $, which Python lets match before a final newline ---------------


@pytest.mark.parametrize("file, old, new, path", [
    ("return_codes.yaml", "exception: TokenGoneError", 'exception: "TokenError\\n"',
     "categories[0].exception"),
    ("return_codes.yaml", "unknown_category: mystery", 'unknown_category: "mystery\\n"',
     "unknown_category"),
    ("api.yaml", "base_url: https://widgets.example.test",
     'base_url: "https://widgets.example.test\\n"', "base_url"),
    ("api.yaml", "xml_root: data", 'xml_root: "data\\n"', "transport.xml_root"),
    (ENDPOINT_FILE, "path: /widget/get_widget", 'path: "/widget/get_widget\\n"', "path"),
    (ENDPOINT_FILE, "name: token_invalid", 'name: "token_invalid\\n"', "examples[2].name"),
])
def test_name_with_a_final_newline(tmp_path: Path, file: str, old: str, new: str,
                                   path: str) -> None:
    # Python's $ matches before a final newline; the spec format's patterns end in \\Z.
    spec = make_spec(tmp_path)
    edit_text(spec / file, f"{old}\n", f"{new}\n")
    value = repr(new.split(": ", 1)[1].strip('"').replace("\\n", "\n"))
    assert_problem(only_problem(spec), f"spec/{file}", line_of(spec / file, new), path, value)


def test_base_url_with_user_info_or_space(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, api=lambda api: api.update(
        base_url="https://widgets.example.test@evil.example"))
    assert_problem(only_problem(spec), API, line_of(spec / "api.yaml", "base_url:"),
                   "base_url", "evil.example")


@pytest.mark.parametrize("change_of, change, needle, path, value", [
    # Printed raw into code spans and a table row of the docs.
    ("api", lambda api: api["transport"].update(json_content_type="text/html`|x"),
     "json_content_type:", "transport.json_content_type", "'text/html`|x'"),
    ("api", lambda api: api["transport"]["format_parameter"].update(name="fmt`|x"),
     "name: fmt", "transport.format_parameter.name", "'fmt`|x'"),
    ("endpoint", lambda endpoint: endpoint["examples"][0].update(file="../x`-->.json"),
     "file: ../x`", "examples[0].file", "'../x`-->.json'"),
])
def test_text_printed_raw_into_the_docs_is_restricted(
        tmp_path: Path, change_of: str, change: Callable[[Data], object], needle: str,
        path: str, value: str) -> None:
    changes: dict[str, Any] = {change_of: change}
    spec = make_spec(tmp_path, **changes)
    file = {"api": "api.yaml", "endpoint": ENDPOINT_FILE}[change_of]
    assert_problem(only_problem(spec), f"spec/{file}", line_of(spec / file, needle), path,
                   value)


def test_spec_file_name_is_restricted(tmp_path: Path) -> None:
    # File names reach the banner of every generated file, the docs' inside <!-- -->.
    name = "endpoints/get`widget-->.yaml"
    spec = make_spec(tmp_path, api=lambda api: api.update(endpoints=[name]),
                     files={ENDPOINT_FILE: None})
    (spec / "endpoints").mkdir()
    (spec / name).write_text(dump_yaml(BASE_ENDPOINT), encoding="utf-8")
    assert_problem(only_problem(spec), API, line_of(spec / "api.yaml", "- endpoints/get`"),
                   "endpoints[0]", repr(name))


def test_no_pattern_in_the_spec_format_ends_in_a_dollar() -> None:
    schema = (ROOT / "generator" / "spec_format.schema.json").read_text(encoding="utf-8")
    patterns = re.findall(r'"pattern": "([^"]*)"', schema)
    assert patterns and all(p.endswith("\\\\Z") for p in patterns), patterns


# --- 6. text that Markdown would read as markup ------------------------------------------


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!-- comment -->",
    "<https://evil.example>",
    "# heading",
    "### heading ###",
    "&lt;b&gt; &amp; &#60;",
    "[x](javascript:1)",
    "![img](https://evil.example/x.png)",
    "[ref]: https://evil.example",
    "| a | b |",
    "> block quote",
    "- list item",
    "+ list item",
    "* list item",
    "1. ordered",
    "2) ordered",
    "123456789. ordered",
    "`code span` and ``double``",
    "```fence",
    "~~~fence",
    "~~strike~~",
    "*emphasis* **strong** _under_ __strong__",
    "***",
    "---",
    "___",
    "===",
    "a\\",
    "back\\slash \\| \\<",
    "line one\n# heading on line two\n| table | row |\n\n- list",
    "中文说明 <b>粗体</b> [链接](x) ——「引号」",
]
# Characters that open markup anywhere in a line.
MARKUP = "\\`*_[]<>|#&!~"


def unescaped(text: str) -> list[str]:
    """The markup characters of ``text`` that no backslash escapes, in order."""
    found: list[str] = []
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in MARKUP:
            found.append(char)
    return found


def unescape(text: str) -> str:
    """What CommonMark shows for ``text``: a backslash before ASCII punctuation drops."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_cell_escapes_every_markup_character(text: str) -> None:
    cell = literals.markdown_cell(text)
    assert unescaped(cell) == [], cell
    assert "\n" not in cell and "\r" not in cell
    assert not cell.endswith("\\") or cell.endswith("\\\\")
    # Escapes only: what a reader sees is the text itself, on one line.
    assert unescape(cell) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_cell_starts_no_block(text: str) -> None:
    cell = literals.markdown_cell(text)
    assert not re.match(r"[-+*=#>|<`~_]|[0-9]{1,9}[.)]", cell), cell


@pytest.mark.parametrize("text", ["- item", "+ item", "= setext", "1. one", "2) two",
                                  "123456789. nine digits"])
def test_markdown_cell_escapes_a_block_marker_at_the_start(text: str) -> None:
    cell = literals.markdown_cell(text)
    marker = re.match(r"[0-9]*[-+=.)]", text)
    assert marker is not None
    at = marker.end() - 1
    assert cell == f"{text[:at]}\\{text[at:]}"


@pytest.mark.parametrize("text", ["返回码，0 表示成功。", "QQ 会员等级（1-8）", "user's nickname",
                                  "1234567890. ten digits is no list", "a - b + c = 1. 2)"])
def test_markdown_cell_keeps_ordinary_text_readable(text: str) -> None:
    assert literals.markdown_cell(text) == text


def test_generated_docs_show_hostile_descriptions_as_text(tmp_path: Path) -> None:
    def endpoint(data: Data) -> None:
        data["zh"] = "# heading"
        data["en"] = "<script>alert(1)</script>"
        data["notes"] = ["1. a note", "[x](javascript:1)", "> quote"]
        data["parameters"][0]["en"] = "| a | b |"
        data["parameters"][1]["zh"] = "&lt;b&gt;"
        data["response"]["fields"][TITLE]["en"] = "`code` *em* _u_ ~~s~~ ![i](x)"
        data["response"]["fields"][TITLE]["notes"] = ["<b>bold</b> & more", "- list"]
        data["examples"][0]["note"] = "<img src=x onerror=alert(1)>"

    spec = make_spec(
        tmp_path, endpoint=endpoint,
        code_tables=lambda tables: tables["colour"]["codes"][0].update(label="| x |"),
        return_codes=lambda codes: codes["codes"][1].update(note="<!-- --> ---"))
    docs = generate(spec)["docs/get_widget.md"]
    for hostile in ["<script>", "# heading", "&lt;b&gt;", "[x](javascript:1)", "| a | b |",
                    "<b>", "<img", "`code`", "*em*", "_u_", "~~s~~", "![i]", "<!-- -->",
                    "| x |", "1. a note", "> quote"]:
        # Present only with its first character escaped, if at all.
        assert re.search(r"(?<!\\)" + re.escape(hostile), docs) is None, hostile
    lines = outside_fences(docs.splitlines())
    # The banner is the only HTML; every heading and list item is the template's own.
    assert lines[0].startswith("<!-- ") and lines[0].endswith(" -->")
    for line in lines[1:]:
        assert "<" not in line.replace("\\<", ""), line
        assert re.search(r"(?<!\\)&", line) is None, line
        assert not re.match(r"[>=+*]|[0-9]{1,9}[.)]|- ([-+*>#=]|[0-9]{1,9}[.)])", line), line
        assert not line.startswith("#") or line.startswith(("# `", "## ")), line
    assert "\\# heading" in lines and "\\<script\\>alert(1)\\</script\\>" in lines
    assert "- 1\\. a note" in lines
    assert_tables_keep_their_columns(lines)


def outside_fences(lines: list[str]) -> list[str]:
    """The lines outside fenced code blocks (the examples, which are code, not prose)."""
    kept: list[str] = []
    fence = ""
    for line in lines:
        if fence:
            fence = "" if line == fence else fence
        elif re.fullmatch(r"`{3,}\w*", line):
            fence = line.rstrip("abcdefghijklmnopqrstuvwxyz")
        else:
            kept.append(line)
    return kept


def assert_tables_keep_their_columns(lines: list[str]) -> None:
    columns = 0
    for line in lines:
        if not line.startswith("|"):
            columns = 0
            continue
        pipes = len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))
        columns = columns or pipes
        assert pipes == columns, line

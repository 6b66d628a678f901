"""A bad spec is refused with a SpecError naming file, line and key path; nothing else escapes.

Every case starts from the valid inline spec of spec_builder.py and breaks one thing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.errors import SpecError
from generator.pipeline import generate
from generator.write import write
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

# Indexes into the inline endpoint's response.fields.
MSG, IS_SHINY, MADE_AT, SOLD_AT, COLOUR = 1, 2, 3, 4, 5


def field(index: int, change: Callable[[Data], object]) -> Callable[[Data], object]:
    """An endpoint change applied to one response field."""
    return lambda endpoint: change(endpoint["response"]["fields"][index])


def set_key(key: str, value: object) -> Callable[[Data], object]:
    return lambda data: data.__setitem__(key, value)


def drop_key(key: str) -> Callable[[Data], object]:
    return lambda data: data.pop(key)


def test_the_unbroken_inline_spec_is_valid(spec_dir: Path) -> None:
    files = generate(spec_dir)
    assert {"qq_connect/models/get_widget.py", "qq_connect/wire/get_widget.py",
            "qq_connect/schemas/get_widget.json", "docs/get_widget.md"} <= set(files)


# --- missing keys, unknown keys, unknown values -------------------------------------------


def test_endpoint_without_name(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, endpoint=drop_key("name"))
    assert_problem(only_problem(spec), ENDPOINT, 1, "<document>", "'name'", "required")


def test_field_without_wire_type(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, endpoint=field(MADE_AT, drop_key("wire_type")))
    line = line_of(spec / ENDPOINT_FILE, "- name: made_at")
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[3]",
                   "'wire_type'", "required")


def test_api_without_base_url(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, api=drop_key("base_url"))
    assert_problem(only_problem(spec), API, 1, "<document>", "'base_url'", "required")


def test_code_table_without_other_label(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, code_tables=lambda tables: tables["colour"].pop("other_label"))
    line = line_of(spec / "code_tables.yaml", "colour:")
    assert_problem(only_problem(spec), TABLES, line, "colour", "'other_label'", "required")


@pytest.mark.parametrize("file, change_of, key, path", [
    ("api.yaml", "api", "version", "version"),
    (ENDPOINT_FILE, "endpoint", "colour_table", "response.fields[3].colour_table"),
    (ENDPOINT_FILE, "endpoint", "optional", "parameters[0].optional"),
    ("return_codes.yaml", "return_codes", "retry", "codes[1].retry"),
    ("code_tables.yaml", "code_tables", "colour_en", "colour.codes[2].colour_en"),
])
def test_unknown_key(tmp_path: Path, file: str, change_of: str, key: str, path: str) -> None:
    changes: dict[str, Any] = {
        "api": set_key(key, 2),
        "endpoint": lambda endpoint: (
            endpoint["response"]["fields"][MADE_AT] if "fields" in path
            else endpoint["parameters"][0]).__setitem__(key, "x"),
        "return_codes": lambda codes: codes["codes"][1].__setitem__(key, True),
        "code_tables": lambda tables: tables["colour"]["codes"][2].__setitem__(key, "x"),
    }
    spec = make_spec(tmp_path, **{change_of: changes[change_of]})
    line = line_of(spec / file, f"{key}:")
    assert_problem(only_problem(spec), f"spec/{file}", line, path, "unknown key", "expected one of")


def test_unknown_wire_type(build_spec: Callable[..., Path]) -> None:
    spec = build_spec(endpoint=field(MADE_AT, set_key("wire_type", "float")))
    line = line_of(spec / ENDPOINT_FILE, "wire_type: float")
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[3].wire_type", "'float'")


def test_unknown_kind(build_spec: Callable[..., Path]) -> None:
    spec = build_spec(endpoint=field(MADE_AT, set_key("kind", "money")))
    line = line_of(spec / ENDPOINT_FILE, "kind: money")
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[3].kind", "'money'")


def test_wrong_value_type(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, return_codes=lambda codes: codes["codes"][0].update(code="7"))
    line = line_of(spec / "return_codes.yaml", "code: '7'")
    assert_problem(only_problem(spec), CODES, line, "codes[0].code", "not of type 'integer'")


# --- names --------------------------------------------------------------------------------


def test_duplicate_field_names(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, endpoint=field(SOLD_AT, set_key("name", "made_at")))
    line = line_of(spec / ENDPOINT_FILE, "- name: made_at", occurrence=2)
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[4].name",
                   "duplicate name 'made_at'")


def test_duplicate_parameter_names(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, endpoint=lambda e: e["parameters"][1].update(name="fields"))
    line = line_of(spec / ENDPOINT_FILE, "- name: fields", occurrence=2)
    assert_problem(only_problem(spec), ENDPOINT, line, "parameters[1].name", "duplicate")


@pytest.mark.parametrize("name, reason", [
    ("class", "keyword"), ("def", "keyword"), ("match", "keyword"),
    ("is-vip", "identifier"), ("1st", "identifier"), ("Nickname", "identifier"),
    ("名字", "identifier"),
])
def test_field_name_must_be_a_usable_python_name(tmp_path: Path, name: str, reason: str) -> None:
    spec = make_spec(tmp_path, endpoint=field(SOLD_AT, set_key("name", name)))
    line = line_of(spec / ENDPOINT_FILE, f"- name: {name}")
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[4].name",
                   reason, repr(name))


@pytest.mark.parametrize("name", ["class", "is-vip"])
def test_parameter_name_must_be_a_usable_python_name(tmp_path: Path, name: str) -> None:
    spec = make_spec(tmp_path, endpoint=lambda e: e["parameters"][0].update(name=name))
    line = line_of(spec / ENDPOINT_FILE, f"- name: {name}")
    assert_problem(only_problem(spec), ENDPOINT, line, "parameters[0].name", repr(name))


def test_endpoint_name_must_be_a_usable_python_name(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, endpoint=set_key("name", "get-widget"))
    assert_problem(only_problem(spec), ENDPOINT, 1, "name", "'get-widget'")


@pytest.mark.parametrize("name", ["method", "timeout", "self"])
def test_parameter_named_like_a_client_method_argument(tmp_path: Path, name: str) -> None:
    # Every client method already takes self, method, format and timeout: a private
    # parameter of the same name makes a function with a duplicate argument.
    spec = make_spec(tmp_path, endpoint=lambda e: e["parameters"][0].update(name=name))
    line = line_of(spec / ENDPOINT_FILE, f"- name: {name}")
    problem = only_problem(spec)
    assert (problem.file, problem.line, problem.path) == (ENDPOINT, line, "parameters[0].name")


@pytest.mark.parametrize("name", ["class", "is-vip"])
def test_common_parameter_name_must_be_a_usable_python_name(tmp_path: Path, name: str) -> None:
    # Call-sourced common parameters become arguments of every client method.
    spec = make_spec(tmp_path, api=lambda api: api["common_parameters"][0].update(name=name))
    line = line_of(spec / "api.yaml", f"- name: {name}")
    problem = only_problem(spec)
    assert (problem.file, problem.line, problem.path) == (API, line, "common_parameters[0].name")


@pytest.mark.parametrize("file, change_of, change, needle, path", [
    # A method named like the client's own close() replaces it.
    (ENDPOINT_FILE, "endpoint", set_key("name", "close"), "name: close", "name"),
    # result class ApiError would shadow the exception in the package's __init__.
    (ENDPOINT_FILE, "endpoint", set_key("name", "get_api_error"), "name: get_api_error", "name"),
    # A category class named like a base error redefines it.
    ("return_codes.yaml", "return_codes",
     lambda codes: codes["categories"][2].update(exception="ApiError"),
     "exception: ApiError", "categories[2].exception"),
    # A code table class named like the base class it derives from.
    ("code_tables.yaml", "code_tables",
     lambda tables: tables.update(code_value=tables.pop("colour")), "code_value:", "code_value"),
])
def test_names_that_collide_in_the_generated_package(
        tmp_path: Path, file: str, change_of: str, change: Callable[[Data], object],
        needle: str, path: str) -> None:
    changes: dict[str, Any] = {change_of: change}
    if change_of == "code_tables":
        changes["endpoint"] = lambda e: [f.update(code_table="code_value")
                                         for f in e["response"]["fields"] if "code_table" in f]
    spec = make_spec(tmp_path, **changes)
    problems = spec_problems(spec)
    assert any((p.file, p.line, p.path) == (f"spec/{file}", line_of(spec / file, needle), path)
               for p in problems), "\n".join(map(str, problems))


def test_two_endpoints_with_the_same_result_class(tmp_path: Path) -> None:
    # get_widget and widget both become class Widget.
    other = dump_yaml({**BASE_ENDPOINT, "name": "widget"})
    spec = make_spec(tmp_path, api=lambda api: api["endpoints"].append("endpoints/widget.yaml"),
                     files={"endpoints/widget.yaml": other})
    problems = spec_problems(spec)
    line = line_of(spec / "endpoints/widget.yaml", "name: widget")
    assert any((p.file, p.line, p.path) == ("spec/endpoints/widget.yaml", line, "name")
               for p in problems), "\n".join(map(str, problems))


def test_category_name_that_would_break_out_of_a_docstring_is_refused(tmp_path: Path) -> None:
    # Category names reach the generated _return_codes module's docstring and strings.
    name = 'busy"""; __import__("pathlib").Path("pwned").touch(); """ \\N{oops}'

    def rename(codes: Data) -> None:
        codes["categories"][1]["name"] = name
        codes["codes"][1]["category"] = name

    spec = make_spec(tmp_path, return_codes=rename)
    with pytest.raises(SpecError) as raised:
        generate(spec)
    line = line_of(spec / "return_codes.yaml", "- name: busy")
    assert any((p.file, p.line, p.path) == (CODES, line, "categories[1].name")
               for p in raised.value.problems), str(raised.value)


# --- specs that validate by shape yet would make a broken package --------------------------


@pytest.mark.parametrize("name, reason", [
    ("retries_taken", "shadow"), ("is_degraded", "shadow"), ("model_dump", "shadow"),
    ("str", "builtin"), ("int", "builtin"), ("bool", "builtin"),
])
def test_field_names_that_shadow_what_the_models_use(tmp_path: Path, name: str,
                                                     reason: str) -> None:
    spec = make_spec(tmp_path, endpoint=field(SOLD_AT, set_key("name", name)))
    line = line_of(spec / ENDPOINT_FILE, f"- name: {name}")
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[4].name",
                   reason, repr(name))


def test_an_integer_parameter_named_like_a_builtin(tmp_path: Path) -> None:
    # ``str(value)`` sends an integer parameter: a parameter named str would break that call.
    spec = make_spec(tmp_path, endpoint=lambda e: e["parameters"][0].update(
        name="str", type="integer"))
    line = line_of(spec / ENDPOINT_FILE, "- name: str")
    assert_problem(only_problem(spec), ENDPOINT, line, "parameters[0].name", "builtin",
                   "'str'")


@pytest.mark.parametrize("names", [("pay_way", "pay__way"), ("colour", "colour_field")])
def test_code_tables_whose_class_names_collide(tmp_path: Path, names: tuple[str, str]) -> None:
    # pay_way and pay__way are both class PayWay; colour_field is class ColourField, which
    # is also the annotated field type of table colour.
    first, second = names

    def two_tables(tables: Data) -> None:
        table = tables.pop("colour")
        tables[first], tables[second] = table, dict(table)

    spec = make_spec(tmp_path, code_tables=two_tables, endpoint=lambda e: [
        f.update(code_table=first) for f in e["response"]["fields"] if "code_table" in f])
    problems = spec_problems(spec)
    line = line_of(spec / "code_tables.yaml", f"{second}:")
    assert any((p.file, p.line, p.path) == (TABLES, line, second) and "second time" in p.message
               for p in problems), "\n".join(map(str, problems))


def test_a_generator_defect_is_caught_before_anything_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.pipeline as pipeline
    from generator.__main__ import main

    spec, out = make_spec(tmp_path), tmp_path / "generated"

    def broken_render(api: object) -> dict[str, str]:
        return {"qq_connect/__init__.py": "x = (\n", "pyproject.toml": "[project\n"}

    monkeypatch.setattr(pipeline, "render", broken_render)
    assert main(["--spec", str(spec), "--out", str(out)]) == 3
    assert not out.exists()


def test_out_pointed_at_a_folder_of_other_files_deletes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.__main__ import main

    spec, out = make_spec(tmp_path), tmp_path / "project"
    (out / ".git").mkdir(parents=True)
    (out / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert main(["--spec", str(spec), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "did not write" in err and ".git/config" in err and "Traceback" not in err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        ".git/config", "notes.txt"]


# --- rules between keys and files ---------------------------------------------------------


def test_kind_and_wire_type_disagree(tmp_path: Path) -> None:
    # A number may be documented as a numeric string; text is never a number.
    spec = make_spec(tmp_path, endpoint=field(MSG, set_key("wire_type", "integer")))
    line = line_of(spec / ENDPOINT_FILE, "wire_type: integer", occurrence=2)
    assert line > line_of(spec / ENDPOINT_FILE, "- name: msg")
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[1].wire_type",
                   "kind text needs wire_type string")


def test_code_kind_without_code_table(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, endpoint=field(COLOUR, drop_key("code_table")))
    line = line_of(spec / ENDPOINT_FILE, "- name: colour")
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[5]", "code_table")


def test_unknown_code_table(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, endpoint=field(COLOUR, set_key("code_table", "shape")))
    line = line_of(spec / ENDPOINT_FILE, "code_table: shape")
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[5].code_table",
                   "unknown code table 'shape'")


def test_code_table_on_a_field_of_another_kind(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, endpoint=field(MADE_AT, set_key("code_table", "colour")))
    line = line_of(spec / ENDPOINT_FILE, "code_table: colour", occurrence=1)
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[3].code_table")


def test_unknown_category_of_a_return_code(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, return_codes=lambda c: c["codes"][1].update(category="nope"))
    line = line_of(spec / "return_codes.yaml", "category: nope")
    assert_problem(only_problem(spec), CODES, line, "codes[1].category",
                   "unknown category 'nope'")


def test_unknown_category_for_unlisted_codes(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, return_codes=set_key("unknown_category", "nope"))
    line = line_of(spec / "return_codes.yaml", "unknown_category: nope")
    assert_problem(only_problem(spec), CODES, line, "unknown_category")


def test_duplicate_return_codes(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, return_codes=lambda c: c["codes"][2].update(code=7))
    line = line_of(spec / "return_codes.yaml", "- code: 7", occurrence=2)
    assert_problem(only_problem(spec), CODES, line, "codes[2].code", "duplicate code 7")


def test_duplicate_codes_in_a_code_table(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, code_tables=lambda t: t["colour"]["codes"][2].update(code=1))
    line = line_of(spec / "code_tables.yaml", "- code: 1", occurrence=2)
    assert_problem(only_problem(spec), TABLES, line, "colour.codes[2].code", "duplicate code 1")


@pytest.mark.parametrize("file, change_of, needle, path", [
    ("return_codes.yaml", "return_codes", "code: 7.0", "codes[0].code"),
    ("code_tables.yaml", "code_tables", "none_code: 0.0", "colour.none_code"),
])
def test_integers_written_as_floats(tmp_path: Path, file: str, change_of: str, needle: str,
                                    path: str) -> None:
    # JSON Schema counts 7.0 as an integer; the generated code would carry the float
    # into places typed int (RETURN_CODES keys, NONE_CODE).
    changes: dict[str, Any] = {
        "return_codes": lambda codes: codes["codes"][0].update(code=7.0),
        "code_tables": lambda tables: tables["colour"].update(none_code=0.0),
    }
    spec = make_spec(tmp_path, **{change_of: changes[change_of]})
    problem = only_problem(spec)
    assert (problem.file, problem.line, problem.path) == (
        f"spec/{file}", line_of(spec / file, needle), path)


def test_missing_example_file(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, files={"examples/get_widget/success.xml": None})
    line = line_of(spec / ENDPOINT_FILE, "file: ../examples/get_widget/success.xml")
    assert_problem(only_problem(spec), ENDPOINT, line, "examples[1].file",
                   "no such file: ../examples/get_widget/success.xml")


@pytest.mark.parametrize("relative", ["../../outside.json", "../../../spec-evil/success.json",
                                      "ABSOLUTE"])
def test_example_file_outside_the_spec_directory(tmp_path: Path, relative: str) -> None:
    # The escaping files exist: the refusal is about where they are.
    outside = tmp_path / "outside.json"
    outside.write_text('{"ret": 0, "msg": ""}\n', encoding="utf-8")
    evil = tmp_path / "spec-evil" / "success.json"
    evil.parent.mkdir()
    evil.write_text('{"ret": 0, "msg": ""}\n', encoding="utf-8")
    target = str(outside) if relative == "ABSOLUTE" else relative
    spec = make_spec(tmp_path, endpoint=lambda e: e["examples"][0].update(file=target))
    line = line_of(spec / ENDPOINT_FILE, f"file: {target}")
    assert_problem(only_problem(spec), ENDPOINT, line, "examples[0].file",
                   "inside the spec directory")


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_example_file_symlinked_outside_the_spec_directory(tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text('{"ret": 0, "msg": ""}\n', encoding="utf-8")
    spec = make_spec(tmp_path, files={"examples/get_widget/success.json": None})
    (spec / "examples/get_widget/success.json").symlink_to(outside)
    line = line_of(spec / ENDPOINT_FILE, "file: ../examples/get_widget/success.json")
    assert_problem(only_problem(spec), ENDPOINT, line, "examples[0].file",
                   "inside the spec directory")


def test_api_names_a_missing_endpoint_file(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, api=lambda api: api["endpoints"].append("endpoints/nope.yaml"))
    line = line_of(spec / "api.yaml", "- endpoints/nope.yaml")
    assert_problem(only_problem(spec), API, line, "endpoints[1]", "no such file")


def test_missing_api_file(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, files={"api.yaml": None})
    assert_problem(only_problem(spec), API, 1, "<document>", "cannot read")


def test_missing_spec_directory(tmp_path: Path) -> None:
    problem = only_problem(tmp_path / "spec")
    assert (problem.file, problem.line) == (API, 1)


# --- YAML itself --------------------------------------------------------------------------


def test_duplicate_yaml_key_at_the_top(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    edit_text(spec / ENDPOINT_FILE, "zh: 获取小部件。\n", "zh: 获取小部件。\nzh: 又一个\n")
    line = line_of(spec / ENDPOINT_FILE, "zh: 又一个")
    assert_problem(only_problem(spec), ENDPOINT, line, "zh", "duplicate key")


def test_duplicate_yaml_key_in_a_field(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    edit_text(spec / ENDPOINT_FILE, "  - name: made_at\n",
              "  - name: made_at\n    kind: flag\n")
    # The second of the two keys is the duplicate.
    line = line_of(spec / ENDPOINT_FILE, "kind: timestamp")
    assert_problem(only_problem(spec), ENDPOINT, line, "response.fields[3].kind",
                   "duplicate key")


def test_duplicate_yaml_key_in_a_flow_mapping(tmp_path: Path) -> None:
    text = ("colour:\n  zh: 颜色\n  en: Colour.\n  none_code: 0\n  none_label: 无\n"
            "  other_label: 其他\n  codes:\n    - {code: 1, label: 红, en: Red}\n"
            "    - {code: 2, label: 绿, label: 蓝, en: Green}\n")
    spec = make_spec(tmp_path, files={"code_tables.yaml": text})
    assert_problem(only_problem(spec), TABLES, 9, "colour.codes[1].label", "duplicate key")


def test_non_string_key(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    edit_text(spec / "return_codes.yaml", "unknown_category: mystery\n",
              "unknown_category: mystery\n1002: not a key\n")
    line = line_of(spec / "return_codes.yaml", "1002: not a key")
    assert_problem(only_problem(spec), CODES, line, "<document>", "keys must be strings")


@pytest.mark.parametrize("text, line", [
    ("colour:\n  zh: [unclosed\n  en: x\n", 3),
    ("colour:\n  zh: 颜色\n en: misaligned\n", 3),
    ("colour:\n  zh: \"unterminated\n", 3),
    ("colour:\n\tzh: tab\n", 2),
    ("colour: {zh: a\n  en: b\n", 2),
])
def test_yaml_syntax_error(tmp_path: Path, text: str, line: int) -> None:
    spec = make_spec(tmp_path, files={"code_tables.yaml": text})
    assert_problem(only_problem(spec), TABLES, line, "<document>", "invalid YAML")


def test_several_yaml_documents_in_one_file(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    path = spec / "code_tables.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "---\nother: {}\n", encoding="utf-8")
    problem = only_problem(spec)
    assert (problem.file, problem.path) == (TABLES, "<document>")
    assert "invalid YAML" in problem.message


def test_invalid_utf8(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    (spec / "code_tables.yaml").write_bytes(b"colour:\n  zh: \xff\xfe\n")
    assert_problem(only_problem(spec), TABLES, 1, "<document>")


@pytest.mark.parametrize("value", ["!!python/object/apply:os.system ['touch pwned']",
                                   "!!python/name:os.system", "!!binary aGVsbG8="])
def test_yaml_tags_construct_nothing_but_plain_data(tmp_path: Path, value: str) -> None:
    spec = make_spec(tmp_path)
    edit_text(spec / ENDPOINT_FILE, "zh: 获取小部件。\n", f"zh: {value}\n")
    problem = only_problem(spec)
    assert (problem.file, problem.line) == (ENDPOINT, line_of(spec / ENDPOINT_FILE, "zh: !!"))
    assert problem.path in ("zh", "<document>"), str(problem)
    assert not (spec / "pwned").exists() and not Path("pwned").exists()


def test_yaml_alias_is_refused(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    edit_text(spec / ENDPOINT_FILE, "zh: 获取小部件。\n", "zh: &text 获取小部件。\n")
    edit_text(spec / ENDPOINT_FILE, "en: The widget of the logged-in user.\n", "en: *text\n")
    # Refused at the anchor, before any alias can be expanded.
    line = line_of(spec / ENDPOINT_FILE, "zh: &text")
    assert_problem(only_problem(spec), ENDPOINT, line, "<document>", "alias")


def test_yaml_merge_key_with_alias_is_refused(tmp_path: Path) -> None:
    text = ("base: &base\n  zh: 颜色\n  en: Colour.\ncolour:\n  <<: *base\n  none_code: 0\n"
            "  none_label: 无\n  other_label: 其他\n  codes: [{code: 1, label: 红, en: Red}]\n")
    spec = make_spec(tmp_path, files={"code_tables.yaml": text})
    assert_problem(only_problem(spec), TABLES, 1, "<document>", "alias")


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 30)]
    spec = make_spec(tmp_path, files={"code_tables.yaml": "\n".join(lines) + "\n"})
    assert_problem(only_problem(spec), TABLES, 1, "<document>", "alias")


def test_yaml_anchor_is_refused(tmp_path: Path) -> None:
    # An anchor without any alias is still the alias machinery: the spec format refuses it.
    spec = make_spec(tmp_path)
    edit_text(spec / ENDPOINT_FILE, "zh: 获取小部件。\n", "zh: &text 获取小部件。\n")
    line = line_of(spec / ENDPOINT_FILE, "zh: &text")
    problem = only_problem(spec)
    assert (problem.file, problem.line) == (ENDPOINT, line), str(problem)
    assert "anchor" in problem.message, str(problem)


@pytest.mark.parametrize("file, text", [
    (ENDPOINT_FILE, "- name: get_widget\n- path: /widget/get_widget\n"),
    (ENDPOINT_FILE, "just a string\n"),
    (ENDPOINT_FILE, ""),
    ("return_codes.yaml", "42\n"),
    ("code_tables.yaml", "- colour\n"),
    ("api.yaml", "- title: Widget API\n"),
    ("api.yaml", "null\n"),
])
def test_document_that_is_not_a_mapping(tmp_path: Path, file: str, text: str) -> None:
    spec = make_spec(tmp_path, files={file: text})
    problems = spec_problems(spec)
    assert problems[0].file == f"spec/{file}"
    assert all((p.file, p.line) == (f"spec/{file}", 1) for p in problems), problems
    assert any(p.path == "<document>" for p in problems), problems


def test_a_description_that_python_source_cannot_hold(tmp_path: Path) -> None:
    # YAML's \uD800 escape makes a lone surrogate, which no UTF-8 file can hold.
    spec = make_spec(tmp_path)
    edit_text(spec / ENDPOINT_FILE, "en: Its title.\n", 'en: "lone \\uD800 surrogate"\n')
    line = line_of(spec / ENDPOINT_FILE, "lone \\uD800")
    with pytest.raises(SpecError) as raised:
        write(generate(spec), tmp_path / "generated")
    assert_problem(raised.value.problems[0], ENDPOINT, line, "response.fields[9].en")


# --- many problems at once ----------------------------------------------------------------


def test_every_problem_of_every_file_is_reported_at_once_and_sorted(tmp_path: Path) -> None:
    def break_endpoint(endpoint: Data) -> None:
        del endpoint["name"]
        endpoint["response"]["fields"][MADE_AT]["wire_type"] = "float"
        endpoint["response"]["fields"][COLOUR]["colour_table"] = "colour"

    def break_codes(codes: Data) -> None:
        del codes["categories"][1]["en"]
        codes["codes"][2]["code"] = 0

    spec = make_spec(
        tmp_path,
        api=lambda api: api.update(version=2, base_url="ftp://widgets.example.test"),
        return_codes=break_codes,
        code_tables=lambda tables: tables["colour"]["codes"][0].update(code="one"),
        endpoint=break_endpoint,
    )
    with pytest.raises(SpecError) as raised:
        generate(spec)
    error = raised.value
    endpoint_file, codes_file = spec / ENDPOINT_FILE, spec / "return_codes.yaml"
    expected = {
        (API, line_of(spec / "api.yaml", "base_url:"), "base_url"),
        (API, line_of(spec / "api.yaml", "version: 2"), "version"),
        (TABLES, line_of(spec / "code_tables.yaml", "code: one"), "colour.codes[0].code"),
        (ENDPOINT, 1, "<document>"),
        (ENDPOINT, line_of(endpoint_file, "wire_type: float"), "response.fields[3].wire_type"),
        (ENDPOINT, line_of(endpoint_file, "colour_table:"), "response.fields[5].colour_table"),
        (CODES, line_of(codes_file, "- name: busy"), "categories[1]"),
        (CODES, line_of(codes_file, "- code: 0"), "codes[2].code"),
    }
    assert {(p.file, p.line, p.path) for p in error.problems} == expected, str(error)
    assert len(error.problems) == len(expected)
    assert list(error.problems) == sorted(error.problems)
    assert [(p.file, p.line) for p in error.problems] == sorted(
        (p.file, p.line) for p in error.problems)
    # The message lists them in the same order, one "file:line: path: message" each.
    lines = str(error).splitlines()
    assert lines[0] == f"the spec has {len(expected)} problems:"
    assert lines[1:] == [f"  {p.file}:{p.line}: {p.path}: {p.message}" for p in error.problems]


def test_unreadable_files_are_reported_together(tmp_path: Path) -> None:
    spec = make_spec(
        tmp_path,
        api=lambda api: api["endpoints"].append("endpoints/nope.yaml"),
        files={"code_tables.yaml": "colour:\n  zh: a\n  zh: b\n",
               "return_codes.yaml": "categories: [\n"})
    problems = spec_problems(spec)
    assert [(p.file, p.line, p.path) for p in problems] == [
        (API, line_of(spec / "api.yaml", "- endpoints/nope.yaml"), "endpoints[1]"),
        (TABLES, 3, "colour.zh"),
        (CODES, 2, "<document>"),
    ], problems


def test_semantic_problems_of_several_files_together(tmp_path: Path) -> None:
    spec = make_spec(
        tmp_path,
        return_codes=lambda codes: codes["codes"][1].update(category="nope"),
        code_tables=lambda tables: tables["colour"]["codes"][1].update(code=1),
        endpoint=field(SOLD_AT, set_key("name", "class")))
    problems = spec_problems(spec)
    assert [(p.file, p.path) for p in problems] == [
        (TABLES, "colour.codes[1].code"),
        (ENDPOINT, "response.fields[4].name"),
        (CODES, "codes[1].category"),
    ], problems


# --- the command line ---------------------------------------------------------------------


def _cli(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *arguments], cwd=cwd,
                          env=environment, capture_output=True, text=True, check=False,
                          timeout=120)


@pytest.mark.parametrize("check", [False, True])
def test_cli_reports_a_bad_spec_without_traceback_and_writes_nothing(
        tmp_path: Path, check: bool) -> None:
    def break_endpoint(endpoint: Data) -> None:
        endpoint["response"]["fields"][MADE_AT]["wire_type"] = "float"
        endpoint["response"]["fields"][SOLD_AT]["name"] = "class"

    spec = make_spec(tmp_path, endpoint=break_endpoint,
                     api=lambda api: api.pop("base_url"))
    out = tmp_path / "out"
    result = _cli("--spec", str(spec), "--out", str(out), *(["--check"] if check else []),
                  cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    wire_type_line = line_of(spec / ENDPOINT_FILE, "wire_type: float")
    lines = result.stderr.splitlines()
    assert lines[0] == "the spec has 2 problems:"
    assert len(lines) == 3
    assert lines[1].startswith(f"  {API}:1: <document>: ") and "'base_url'" in lines[1]
    assert lines[2].startswith(f"  {ENDPOINT}:{wire_type_line}: response.fields[3].wire_type: ")
    assert "'float'" in lines[2]
    assert not out.exists()


def test_cli_reports_a_yaml_error_and_a_missing_spec(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, files={"code_tables.yaml": "colour: [\n"})
    out = tmp_path / "out"
    result = _cli("--spec", str(spec), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{TABLES}:2: <document>: invalid YAML" in result.stderr
    assert not out.exists()


def test_rules_of_sound_files_still_run_when_another_file_is_malformed(tmp_path: Path) -> None:
    # A format problem in return_codes.yaml must not hide the endpoint's keyword field name.
    def malformed(codes: dict[str, Any]) -> None:
        codes["codes"][0]["category"] = 5

    def keyword(endpoint: dict[str, Any]) -> None:
        endpoint["response"]["fields"][2]["name"] = "class"

    spec = make_spec(tmp_path, return_codes=malformed, endpoint=keyword)
    problems = spec_problems(spec)
    assert any(p.file == CODES and p.path == "codes[0].category" for p in problems), problems
    assert any(p.file == ENDPOINT and p.path == "response.fields[2].name"
               and "keyword" in p.message for p in problems), problems

"""Generate from the inline spec, import the result in a fresh interpreter, and use it.

The real ``qq_connect`` is importable in this process (pytest's pythonpath), so every
check of a generated package runs in a subprocess whose PYTHONPATH is the tmp output.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import generate
from generator.write import write
from tests.generator.spec_builder import (
    ENDPOINT_FILE,
    PYPROJECT,
    ROOT,
    SUCCESS_JSON,
    Data,
    make_spec,
    run_json,
    run_python,
)


def prelude(out: Path) -> str:
    """Imports for a check script, and proof that it uses the tmp package."""
    return (
        "import json, sys\n"
        "from pathlib import Path\n"
        "import qq_connect\n"
        "from qq_connect import endpoints\n"
        f"assert Path(qq_connect.__file__).is_relative_to({str(out)!r}), qq_connect.__file__\n"
        "GET_WIDGET = endpoints.GET_WIDGET\n"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The inline spec and the package generated from it: (spec dir, output dir)."""
    base = tmp_path_factory.mktemp("functional")
    spec = make_spec(base)
    out = base / "generated"
    write(generate(spec), out)
    return spec, out


def check(built: tuple[Path, Path], body: str) -> Any:
    spec, out = built
    return run_json(out, prelude(out) + f"SPEC = Path({str(spec)!r})\n" + body)


def test_examples_parse_to_equal_models(built: tuple[Path, Path]) -> None:
    result = check(built, """
examples = SPEC / "examples" / "get_widget"
from_json = GET_WIDGET.parse((examples / "success.json").read_bytes())
from_xml = GET_WIDGET.parse((examples / "success.xml").read_bytes())
print(json.dumps({"equal": from_json == from_xml, "class": type(from_json).__name__,
                  "json": from_json.model_dump(mode="json"),
                  "xml": from_xml.model_dump(mode="json")}))
""")
    assert result["class"] == "Widget"
    assert result["json"] == result["xml"]
    assert result["equal"] is True
    assert result["json"] == {
        "msg": "", "is_shiny": True, "made_at": "2011-08-22T01:00:42Z", "sold_at": None,
        "colour": {"code": 2, "label": "绿", "known": True},
        "trim": {"code": 77, "label": "其他颜色", "known": False},
        "size_level": 3, "balance": -5, "title": '标题 "quoted"', "nickname": "小明",
        "rarity": None,
    }


def test_flags_are_bool(built: tuple[Path, Path]) -> None:
    result = check(built, """
base = json.loads((SPEC / "examples/get_widget/success.json").read_text("utf-8"))
seen = []
for value in (1, 0, "1", "0"):
    body = json.dumps({**base, "is_shiny": value}).encode()
    flag = GET_WIDGET.parse(body).is_shiny
    seen.append([type(flag).__name__, flag])
xml = b"<data><ret>0</ret><msg/><is_shiny>0</is_shiny><made_at>1</made_at><sold_at>0</sold_at>"
xml += b"<colour>1</colour><trim>1</trim><size_level>0</size_level><balance>0</balance>"
xml += b"<title/></data>"
flag = GET_WIDGET.parse(xml).is_shiny
seen.append([type(flag).__name__, flag])
print(json.dumps(seen))
""")
    assert result == [["bool", True], ["bool", False], ["bool", True], ["bool", False],
                      ["bool", False]]


def test_timestamps_are_aware_datetimes_and_zero_is_none(built: tuple[Path, Path]) -> None:
    result = check(built, """
from datetime import datetime, timedelta
base = json.loads((SPEC / "examples/get_widget/success.json").read_text("utf-8"))
seen = []
for made, sold in ((1313974842, 0), ("1313974842", "0"), (1, 1700000000)):
    widget = GET_WIDGET.parse(json.dumps({**base, "made_at": made, "sold_at": sold}).encode())
    for moment in (widget.made_at, widget.sold_at):
        if moment is None:
            seen.append(None)
        else:
            assert isinstance(moment, datetime)
            assert moment.tzinfo is not None and moment.utcoffset() == timedelta(0)
            seen.append([moment.isoformat(), int(moment.timestamp())])
print(json.dumps(seen))
""")
    assert result == [
        ["2011-08-22T01:00:42+00:00", 1313974842], None,
        ["2011-08-22T01:00:42+00:00", 1313974842], None,
        ["1970-01-01T00:00:01+00:00", 1], ["2023-11-14T22:13:20+00:00", 1700000000],
    ]


def test_code_table_values(built: tuple[Path, Path]) -> None:
    result = check(built, """
from qq_connect import Colour
base = json.loads((SPEC / "examples/get_widget/success.json").read_text("utf-8"))
seen = {}
for code in (1, 2, 30, 0, 77, "30"):
    value = GET_WIDGET.parse(json.dumps({**base, "colour": code}).encode()).colour
    seen[repr(code)] = None if value is None else [type(value).__name__, value.code,
                                                   value.label, value.known]
seen["labels"] = dict(Colour.LABELS)
seen["other"] = Colour.OTHER_LABEL
seen["none"] = Colour.NONE_CODE
seen["from_code"] = [Colour.from_code(30) == Colour(30, "蓝", True),
                     Colour.from_code(4242) == Colour(4242, "其他颜色", False),
                     Colour.from_code(0) is None]
print(json.dumps(seen, ensure_ascii=False))
""")
    assert result == {
        "1": ["Colour", 1, "红", True],
        "2": ["Colour", 2, "绿", True],
        "30": ["Colour", 30, "蓝", True],
        "0": None,
        "77": ["Colour", 77, "其他颜色", False],
        "'30'": ["Colour", 30, "蓝", True],
        "labels": {"1": "红", "2": "绿", "30": "蓝"},
        "other": "其他颜色",
        "none": 0,
        "from_code": [True, True, True],
    }


def test_example_only_fields_are_optional_and_documented_ones_required(
        built: tuple[Path, Path]) -> None:
    result = check(built, """
from qq_connect import ResponseValidationError
base = json.loads((SPEC / "examples/get_widget/success.json").read_text("utf-8"))
without = {k: v for k, v in base.items() if k not in ("nickname", "rarity")}
widget = GET_WIDGET.parse(json.dumps(without).encode())
with_rarity = GET_WIDGET.parse(json.dumps({**base, "rarity": "4"}).encode())
seen = {"absent": [widget.nickname, widget.rarity], "present": [with_rarity.nickname,
                                                                with_rarity.rarity]}
fields = type(widget).model_fields
seen["required"] = sorted(name for name, info in fields.items() if info.is_required())
try:
    GET_WIDGET.parse(json.dumps({k: v for k, v in base.items() if k != "balance"}).encode())
except ResponseValidationError as error:
    seen["missing_documented"] = sorted(error.problems)
print(json.dumps(seen, ensure_ascii=False))
""")
    assert result["absent"] == [None, None]
    assert result["present"] == ["小明", 4]
    assert result["required"] == ["balance", "colour", "is_shiny", "made_at", "msg",
                                  "size_level", "sold_at", "title", "trim"]
    assert result["missing_documented"] == ["balance"]


def test_nonzero_ret_raises_the_error_of_its_category(built: tuple[Path, Path]) -> None:
    result = check(built, """
from qq_connect import ApiError
bodies = {
    "example": (SPEC / "examples/get_widget/token_invalid.json").read_bytes(),
    "7": b'{"ret": 7, "msg": "gone"}',
    "-3": b'{"ret": -3, "msg": "busy"}',
    "100013": b'{"ret": "100013", "msg": "x"}',
    "4242": b'{"ret": 4242, "msg": "who knows"}',
    "-3 xml": b"<?xml version='1.0'?><data><ret>-3</ret><msg>busy</msg></data>",
}
seen = {}
for name, body in bodies.items():
    try:
        GET_WIDGET.parse(body)
    except ApiError as error:
        seen[name] = [type(error).__name__, error.category, error.ret, error.msg,
                      error.retryable, error.meaning,
                      [cls.__name__ for cls in type(error).__mro__[1:3]]]
    else:
        seen[name] = "no error"
print(json.dumps(seen, ensure_ascii=False))
""")
    assert result == {
        "example": ["TokenGoneError", "token_invalid", 7, "令牌失效", False, "令牌失效",
                    ["ApiError", "QQConnectError"]],
        "7": ["TokenGoneError", "token_invalid", 7, "gone", False, "令牌失效",
              ["ApiError", "QQConnectError"]],
        "-3": ["BusyError", "busy", -3, "busy", True, "系统繁忙",
               ["ApiError", "QQConnectError"]],
        "100013": ["TokenGoneError", "token_invalid", 100013, "x", False, "access token失效",
                   ["ApiError", "QQConnectError"]],
        "4242": ["MysteryError", "mystery", 4242, "who knows", False, "",
                 ["ApiError", "QQConnectError"]],
        "-3 xml": ["BusyError", "busy", -3, "busy", True, "系统繁忙",
                   ["ApiError", "QQConnectError"]],
    }


def test_private_parameters_are_keyword_arguments_of_the_client_method(
        built: tuple[Path, Path]) -> None:
    result = check(built, f"""
import inspect
from urllib.parse import parse_qsl, urlsplit
import httpx
seen = {{"signatures": {{}}}}
for client in (qq_connect.QQConnect, getattr(qq_connect, "AsyncQQConnect", None)):
    if client is None:
        continue
    parameters = inspect.signature(client.get_widget).parameters
    seen["signatures"][client.__name__] = {{
        name: [str(parameters[name].kind), parameters[name].annotation,
               None if parameters[name].default is inspect.Parameter.empty
               else repr(parameters[name].default)]
        for name in ("access_token", "fields", "page")}}
sent = []
def answer(request):
    sent.append(parse_qsl(urlsplit(str(request.url)).query))
    return httpx.Response(200, content={SUCCESS_JSON.encode()!r})
http = httpx.Client(transport=httpx.MockTransport(answer))
with qq_connect.QQConnect("12345", http_client=http) as client:
    seen["results"] = [type(client.get_widget("TOKEN", page=2, fields="a,b")).__name__,
                       type(client.get_widget("TOKEN", page=3)).__name__]
    try:
        client.get_widget("TOKEN", 2)
    except TypeError:
        seen["positional"] = "refused"
seen["sent"] = sent
print(json.dumps(seen))
""")
    # Secret arguments also take the SecretStr a token result hands out.
    expected = {"access_token": ["POSITIONAL_OR_KEYWORD", "str | SecretStr", None],
                "fields": ["KEYWORD_ONLY", "str | None", "None"],
                "page": ["KEYWORD_ONLY", "int", None]}
    assert result["signatures"]["QQConnect"] == expected
    assert all(signature == expected for signature in result["signatures"].values())
    assert result["results"] == ["Widget", "Widget"]
    assert result["positional"] == "refused"
    first, second = result["sent"]
    assert ["fields", "a,b"] in first and ["page", "2"] in first
    assert ["access_token", "TOKEN"] in first and ["oauth_consumer_key", "12345"] in first
    assert ["page", "3"] in second and not any(name == "fields" for name, _ in second)


# --- hostile texts ------------------------------------------------------------------------


def hostile(marker: Path, ending: str) -> str:
    """Text with every way out of a Python literal, each of which would touch ``marker``."""
    touch = f'__import__("pathlib").Path({str(marker)!r}).touch()'
    touch_single = touch.replace('"', "'")
    return "\n".join([
        "Double \"quotes\", single 'quotes', a back\\slash and a pair \\\\ of them",
        "Triple \"\"\" double and ''' single quotes, and an odd \"\"\"\" run",
        "{{ x }} {% if x %}jinja{% endif %} {# comment #} {0} %s ${x} {{",
        "Escapes that must stay text: \\N{BULLET} \\x41 \\u0041 \\t \\n \\0",
        f'x"""; {touch}; """',
        f"x'''; {touch_single}; '''",
        f'x"); {touch} #',
        f"x'); {touch_single} #",
        touch,
        f"    {touch}",
        "中文，全角“引号”和『括号』。 café ☃ 🎉",
    ]) + ending


def fill_with(text: str) -> dict[str, Any]:
    """make_spec changes that put ``text`` in every description, label and note."""

    def api(data: Data) -> None:
        for parameter in data["common_parameters"]:
            parameter["zh"] = parameter["en"] = text
        data["transport"]["format_parameter"]["zh"] = text
        data["transport"]["format_parameter"]["rule"] = text

    def return_codes(data: Data) -> None:
        for category in data["categories"]:
            category["en"] = text
        for code in data["codes"]:
            code["zh"] = code["note"] = text

    def code_tables(data: Data) -> None:
        table = data["colour"]
        table["zh"] = table["en"] = table["none_label"] = table["other_label"] = text
        for entry in table["codes"]:
            entry["label"] = entry["en"] = text

    def endpoint(data: Data) -> None:
        data["zh"] = data["en"] = text
        data["notes"] = [text, text]
        for parameter in data["parameters"]:
            parameter["zh"] = parameter["en"] = text
        for field in data["response"]["fields"]:
            field["zh"] = field["en"] = text
            field["notes"] = [text]
        for example in data["examples"]:
            example["note"] = text

    return {"api": api, "return_codes": return_codes, "code_tables": code_tables,
            "endpoint": endpoint}


def attribute_docstrings(source: str, class_name: str) -> dict[str, str]:
    """The string that follows each annotated attribute of ``class_name``."""
    tree = ast.parse(source)
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            body = node.body
            for statement, following in itertools.pairwise(body):
                if (isinstance(statement, ast.AnnAssign)
                        and isinstance(statement.target, ast.Name)
                        and isinstance(following, ast.Expr)
                        and isinstance(following.value, ast.Constant)
                        and isinstance(following.value.value, str)):
                    found[statement.target.id] = following.value.value
    return found


# The docstrings as help() and inspect.getdoc show them, the same on every Python (3.13
# strips their indentation when it compiles them; getdoc does on 3.11 and 3.12).
COLLECT_DOCS = """
import importlib, inspect, pkgutil
from qq_connect import Colour, QQConnect, RETURN_CODES, describe
# Import every module of the package: a description must not run in any of them.
for module in pkgutil.walk_packages(qq_connect.__path__, "qq_connect."):
    if module.name != "qq_connect.__main__":
        importlib.import_module(module.name)
model_module = importlib.import_module("qq_connect.models.get_widget")
clients = [QQConnect, getattr(qq_connect, "AsyncQQConnect", QQConnect)]
print(json.dumps({
    "model_module": inspect.getdoc(model_module),
    "result_class": inspect.getdoc(model_module.Widget),
    "methods": [inspect.getdoc(client.get_widget) for client in clients],
    "exceptions": [inspect.getdoc(getattr(qq_connect, name))
                   for name in ("TokenGoneError", "BusyError", "MysteryError")],
    "code_table": inspect.getdoc(Colour),
    "labels": list(Colour.LABELS.values()),
    "other_label": Colour.OTHER_LABEL,
    "meanings": [row.meaning for row in RETURN_CODES.values()] + [describe(7).meaning],
    "package": inspect.getdoc(qq_connect),
    "client_class": inspect.getdoc(QQConnect),
}, ensure_ascii=False))
"""


@pytest.mark.parametrize("ending", ["\\", '"', "'"], ids=["backslash", "double", "single"])
def test_hostile_descriptions_render_verbatim_and_never_run(tmp_path: Path,
                                                            ending: str) -> None:
    marker = tmp_path / "pwned"
    text = hostile(marker, ending)
    spec = make_spec(tmp_path, **fill_with(text))
    out = tmp_path / "generated"
    write(generate(spec), out)
    result = run_python(out, prelude(out) + COLLECT_DOCS, cwd=tmp_path)
    assert not marker.exists(), "text from the spec was executed"
    assert result.returncode == 0, result.stderr
    docs = json.loads(result.stdout.splitlines()[-1])

    # Exactly the text, where it becomes a Python string.
    assert docs["labels"] == [text, text, text]
    assert docs["other_label"] == text
    assert docs["meanings"] == [text, text, text, text]
    assert docs["exceptions"] == [text, text, text]
    # The text within the docstrings composed around it.
    assert text in docs["model_module"]
    assert text in docs["result_class"]
    assert all(text in doc for doc in docs["methods"])
    assert text in docs["code_table"]
    model_source = (out / "qq_connect/models/get_widget.py").read_text(encoding="utf-8")
    field_docs = attribute_docstrings(model_source, "Widget")
    assert sorted(field_docs) == sorted(
        ["msg", "is_shiny", "made_at", "sold_at", "colour", "trim", "size_level", "balance",
         "title", "nickname", "rarity"])
    for name, doc in field_docs.items():
        assert inspect.cleandoc(doc).count(text) == 3, name  # zh, en and the note
    wire_source = (out / "qq_connect/wire/get_widget.py").read_text(encoding="utf-8")
    wire_docs = attribute_docstrings(wire_source, "GetWidgetWire")
    assert len(wire_docs) == 12
    for name, doc in wire_docs.items():
        assert text in inspect.cleandoc(doc), name
    schema = json.loads((out / "qq_connect/schemas/get_widget.json").read_text("utf-8"))
    assert text in schema["description"]
    assert schema["properties"]["colour"]["x-known-codes"] == {"1": text, "2": text, "30": text}
    assert all(text in p["description"] for p in schema["properties"].values())
    # The package still parses its examples.
    check = run_python(out, prelude(out) + (
        f"body = Path({str(spec / 'examples/get_widget/success.json')!r}).read_bytes()\n"
        "widget = GET_WIDGET.parse(body)\n"
        "print(json.dumps([widget.colour.known, widget.colour.label, widget.trim.known,"
        " widget.trim.label, widget.title]))\n"))
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout) == [True, text, False, text, '标题 "quoted"']
    assert not marker.exists()


@pytest.mark.parametrize("kind", ["docstring_breakout", "everything"])
def test_hostile_api_title_renders_verbatim_and_never_runs(tmp_path: Path, kind: str) -> None:
    marker = tmp_path / "pwned"
    touch = f'__import__("pathlib").Path({str(marker)!r}).touch()'
    title = f'Widgets"""; {touch}; """' if kind == "docstring_breakout" else hostile(marker, "\\")
    spec = make_spec(tmp_path, api=lambda api: api.update(title=title))
    out = tmp_path / "generated"
    write(generate(spec), out)
    result = run_python(out, prelude(out) + COLLECT_DOCS, cwd=tmp_path)
    assert not marker.exists(), "the API title from the spec was executed at import"
    assert result.returncode == 0, result.stderr
    docs = json.loads(result.stdout.splitlines()[-1])
    assert title in docs["package"]
    assert title in docs["client_class"]
    project = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert title in project["description"]


# --- static checks of a generated package -------------------------------------------------


def test_generated_package_passes_mypy_strict_and_ruff(tmp_path: Path) -> None:
    # Hostile descriptions everywhere (but the title): the result must still be clean code.
    spec = make_spec(tmp_path, **fill_with(hostile(tmp_path / "pwned", "\\")))
    out = tmp_path / "generated"
    write(generate(spec), out)
    environment = {**os.environ, "MYPYPATH": str(out)}
    mypy = subprocess.Popen(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(PYPROJECT),
         "--cache-dir", str(tmp_path / "mypy_cache"), "-p", "qq_connect"],
        cwd=out, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # The project's ruff settings, with the ignores it gives its own generated/ tree.
    settings = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    generated_ignores = settings["tool"]["ruff"]["lint"]["per-file-ignores"]["generated/**"]
    ignores = [f"--extend-per-file-ignores={out}/**:{code}" for code in generated_ignores]
    ruff = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "check", "--no-cache",
         "--config", str(PYPROJECT), *ignores, str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    mypy_output, _ = mypy.communicate(timeout=300)
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    assert mypy.returncode == 0, mypy_output
    assert "Success" in mypy_output
    assert (out / f"qq_connect/wire/{Path(ENDPOINT_FILE).stem}.py").is_file()
    assert not (tmp_path / "pwned").exists()

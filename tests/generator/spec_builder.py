"""A small, complete, valid spec built inline, so each test can break exactly one thing.

Helpers live here (a module name no other test directory uses); conftest.py turns
them into fixtures.

The spec is independent of the real ``spec/``: a made-up ``get_widget`` endpoint with a
field of every kind, one made-up code table, three return-code categories, and example
files. ``make_spec`` writes it under ``tmp_path / "spec"`` from Python data; callers tweak
one file's data with a function, or replace any file's text outright.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.errors import SpecError, SpecProblem
from generator.pipeline import generate

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"
BIN = Path(sys.executable).parent

Data = dict[str, Any]
Change = Callable[[Data], object]

ENDPOINT_FILE = "endpoints/get_widget.yaml"

API: Data = {
    "title": "Widget API (小部件)",
    "base_url": "https://widgets.example.test",
    "common_parameters": [
        {"name": "access_token", "source": "call", "secret": True,
         "zh": "访问令牌", "en": "The user's access token."},
        {"name": "oauth_consumer_key", "source": "app_id", "secret": True,
         "zh": "应用的appid", "en": "The app id."},
    ],
    "transport": {
        "methods": ["GET", "POST"],
        "url_encoding": "RFC 1738",
        "charset": "utf-8",
        "json_content_type": "text/html; charset=utf-8",
        "xml_root": "data",
        "format_parameter": {
            "name": "format", "xml_value": "xml", "default": "json",
            "zh": "返回格式", "rule": "Lower-case xml gives XML; anything else JSON.",
        },
    },
    "return_codes": "return_codes.yaml",
    "code_tables": "code_tables.yaml",
    "endpoints": [ENDPOINT_FILE],
}

RETURN_CODES: Data = {
    "categories": [
        {"name": "token_invalid", "exception": "TokenGoneError", "retryable": False,
         "en": "The token is gone."},
        {"name": "busy", "exception": "BusyError", "retryable": True,
         "en": "Try again later."},
        {"name": "mystery", "exception": "MysteryError", "retryable": False,
         "en": "No table lists this code."},
    ],
    "unknown_category": "mystery",
    "codes": [
        {"code": 7, "table": "openapi", "zh": "令牌失效", "category": "token_invalid"},
        {"code": -3, "table": "gateway", "zh": "系统繁忙", "category": "busy",
         "note": "Seen under load."},
        {"code": 100013, "table": "oauth", "zh": "access token失效",
         "category": "token_invalid"},
    ],
}

CODE_TABLES: Data = {
    "colour": {
        "zh": "小部件颜色",
        "en": "The colour of a widget.",
        "none_code": 0,
        "none_label": "无",
        "other_label": "其他颜色",
        "codes": [
            {"code": 1, "label": "红", "en": "Red"},
            {"code": 2, "label": "绿", "en": "Green"},
            {"code": 30, "label": "蓝", "en": "Blue"},
        ],
    },
}


def _field(name: str, wire_type: str, kind: str, zh: str, en: str, *,
           source: str = "documented", **extra: Any) -> Data:
    return {"name": name, "wire_type": wire_type, "kind": kind, **extra, "source": source,
            "zh": zh, "en": en}


ENDPOINT: Data = {
    "name": "get_widget",
    "path": "/widget/get_widget",
    "methods": ["GET", "POST"],
    "formats": ["json", "xml"],
    "zh": "获取小部件。",
    "en": "The widget of the logged-in user.",
    "notes": ["A made-up endpoint for the generator's tests."],
    "parameters": [
        {"name": "fields", "type": "string", "required": False,
         "zh": "要返回的字段", "en": "Comma-separated fields to return."},
        {"name": "page", "type": "integer", "required": True,
         "zh": "页码", "en": "The page number."},
    ],
    "response": {
        "fields": [
            _field("ret", "integer", "return_code", "返回码", "Return code; 0 is success."),
            _field("msg", "string", "text", "错误信息", "Error message."),
            _field("is_shiny", "integer", "flag", "是否闪亮", "Whether the widget shines."),
            _field("made_at", "integer", "timestamp", "制造时间", "When it was made."),
            _field("sold_at", "integer", "timestamp", "售出时间", "When it was sold; 0 if not.",
                   notes=["Zero when unsold."]),
            _field("colour", "integer", "code", "颜色", "Its colour.", code_table="colour"),
            _field("trim", "integer", "code", "饰边颜色", "Its trim colour.",
                   code_table="colour"),
            _field("size_level", "integer", "level", "尺寸等级", "Its size level."),
            _field("balance", "integer", "integer", "余额", "A signed balance."),
            _field("title", "string", "text", "标题", "Its title."),
            _field("nickname", "string", "text", "(仅见于示例)", "A nickname.",
                   source="example_only"),
            _field("rarity", "integer", "level", "(仅见于示例)", "A rarity level.",
                   source="example_only"),
        ],
    },
    "examples": [
        {"name": "success", "format": "json", "file": "../examples/get_widget/success.json",
         "note": "Every documented field."},
        {"name": "success", "format": "xml", "file": "../examples/get_widget/success.xml"},
        {"name": "token_invalid", "format": "json",
         "file": "../examples/get_widget/token_invalid.json"},
    ],
}

SUCCESS_JSON = """{
"ret": 0,
"msg": "",
"is_shiny": 1,
"made_at": 1313974842,
"sold_at": 0,
"colour": 2,
"trim": 77,
"size_level": 3,
"balance": -5,
"title": "标题 \\"quoted\\"",
"nickname": "小明"
}
"""

SUCCESS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<data>
<ret>0</ret>
<msg></msg>
<is_shiny>1</is_shiny>
<made_at>1313974842</made_at>
<sold_at>0</sold_at>
<colour>2</colour>
<trim>77</trim>
<size_level>3</size_level>
<balance>-5</balance>
<title>标题 "quoted"</title>
<nickname>小明</nickname>
</data>
"""

TOKEN_INVALID_JSON = '{"ret": 7, "msg": "令牌失效"}\n'

EXAMPLES: dict[str, str] = {
    "examples/get_widget/success.json": SUCCESS_JSON,
    "examples/get_widget/success.xml": SUCCESS_XML,
    "examples/get_widget/token_invalid.json": TOKEN_INVALID_JSON,
}


class _Dumper(yaml.SafeDumper):
    """Never writes anchors and aliases, which the spec loader refuses."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=10_000)


def _changed(data: Data, change: Change | None) -> Data:
    data = copy.deepcopy(data)
    if change is not None:
        change(data)
    return data


def make_spec(tmp_path: Path, *, api: Change | None = None,
              return_codes: Change | None = None, code_tables: Change | None = None,
              endpoint: Change | None = None, files: Mapping[str, str | None] | None = None,
              name: str = "spec") -> Path:
    """Write the inline spec to ``tmp_path / name`` and return that directory.

    ``api``, ``return_codes``, ``code_tables`` and ``endpoint`` each mutate a deep copy
    of that file's data in place before it is dumped. ``files`` maps a path relative to
    the spec directory to text that replaces (or adds) that file, or to None to leave the
    file out.
    """
    root = tmp_path / name
    texts: dict[str, str | None] = {
        "api.yaml": dump_yaml(_changed(API, api)),
        "return_codes.yaml": dump_yaml(_changed(RETURN_CODES, return_codes)),
        "code_tables.yaml": dump_yaml(_changed(CODE_TABLES, code_tables)),
        ENDPOINT_FILE: dump_yaml(_changed(ENDPOINT, endpoint)),
        **EXAMPLES,
    }
    texts.update(files or {})
    for relative, text in texts.items():
        if text is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line of ``path`` that contains ``needle``."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found {occurrence} time(s) in {path}")


def spec_problems(spec: Path) -> tuple[SpecProblem, ...]:
    """The problems ``generate`` reports; fail if it raises anything but SpecError."""
    try:
        generate(spec)
    except SpecError as error:
        assert error.problems, "a SpecError without problems"
        return error.problems
    raise AssertionError("the bad spec was accepted: generate() returned without a SpecError")


def run_python(package_root: Path, code: str, *,
               cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter that imports ``qq_connect`` from ``package_root``."""
    environment = {**os.environ, "PYTHONPATH": str(package_root), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", code], cwd=cwd or package_root, env=environment,
                          capture_output=True, text=True, check=False, timeout=120)


def run_json(package_root: Path, code: str) -> Any:
    """Run ``code`` (which prints one JSON document last) and return what it printed."""
    result = run_python(package_root, code)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])

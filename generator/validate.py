"""Validate: check every spec file against the spec format, then the rules between files.

All problems are collected and raised together as one SpecError.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import SpecError, SpecProblem
from .load import MAX_FILE_BYTES, Document, SpecSources, file_problem
from .naming import (
    code_table_class_name,
    code_table_field_type,
    result_class_name,
    wire_class_name,
)
from .normalise import example_path
from .reserved import (
    class_names,
    endpoint_name_problem,
    field_name_problem,
    parameter_name_problem,
    python_name_problem,
)

_FORMAT_FILE = Path(__file__).with_name("spec_format.schema.json")
# Which wire types a kind may have, and whether it needs a code table.
_KIND_WIRE_TYPES = {
    "return_code": "integer",
    "flag": "integer",
    "timestamp": "integer",
    "code": "integer",
    "level": "integer",
    "integer": "integer",
    "text": "string",
}
_MAX_MESSAGE = 200
# Places where the spec must hold whole integers, not 7.0 (JSON Schema accepts both).
_INTEGER_PLACES = (("return_codes", ("codes", "*", "code")),
                   ("code_tables", ("*", "none_code")),
                   ("code_tables", ("*", "codes", "*", "code")))


@cache
def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads(_FORMAT_FILE.read_text(encoding="utf-8"))
    return Draft202012Validator({**schema, "$ref": f"#/$defs/{kind}"})


def validate(sources: SpecSources) -> None:
    """Raise SpecError listing every problem of the spec; return if there is none."""
    problems: list[SpecProblem] = []
    shaped: set[str] = set()  # files that passed the spec format
    for document, kind in ((sources.api, "api"), (sources.return_codes, "return_codes"),
                           (sources.code_tables, "code_tables"),
                           *((document, "endpoint") for document in sources.endpoints)):
        found = list(_format_problems(document, kind))
        problems.extend(found)
        if not found:
            shaped.add(document.file)
    # The other rules read each file's data, so they look only at files of the right shape.
    problems.extend(_semantic_problems(sources, shaped))
    if problems:
        raise SpecError(problems)


def _format_problems(document: Document, kind: str) -> Iterator[SpecProblem]:
    for error in _validator(kind).iter_errors(document.data):
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {})
            for key in sorted(set(error.instance) - set(allowed)):
                yield document.problem((*path, key), "unknown key" + _expected_keys(allowed))
            continue
        yield document.problem(path, _short_message(error))


def _expected_keys(allowed: dict[str, Any]) -> str:
    return f" (expected one of: {', '.join(sorted(allowed))})" if allowed else ""


def _short_message(error: ValidationError) -> str:
    message: str = error.message
    return message if len(message) <= _MAX_MESSAGE else message[: _MAX_MESSAGE - 1] + "…"


def _semantic_problems(sources: SpecSources, shaped: set[str]) -> Iterator[SpecProblem]:
    api, codes, tables = sources.api, sources.return_codes, sources.code_tables
    for file, pattern in _INTEGER_PLACES:
        document = getattr(sources, file)
        if document.file in shaped:
            yield from _whole_integer_problems(document, document.data, pattern, ())
    common: set[str] | None = None
    methods: set[str] | None = None
    if api.file in shaped:
        yield from _api_problems(api)
        common = {p["name"] for p in api.data["common_parameters"]}
        common.add(api.data["transport"]["format_parameter"]["name"])
        methods = set(api.data["transport"]["methods"])
    if codes.file in shaped:
        yield from _return_code_problems(codes)
    table_names: set[str] | None = None
    if tables.file in shaped:
        yield from _code_table_problems(tables)
        table_names = set(tables.data)
    endpoints = [document for document in sources.endpoints if document.file in shaped]
    yield from _duplicate_endpoints(endpoints)
    yield from _class_name_clashes(endpoints, codes if codes.file in shaped else None,
                                   tables if tables.file in shaped else None)
    for document in endpoints:
        yield from _endpoint_problems(document, table_names, common, methods,
                                      sources.root.resolve())


def _api_problems(api: Document) -> Iterator[SpecProblem]:
    yield from _duplicates(api, ("common_parameters",), "name")
    for index, parameter in enumerate(api.data["common_parameters"]):
        yield from _name_problems(api, ("common_parameters", index, "name"), parameter["name"],
                                  parameter_name_problem)


def _return_code_problems(codes: Document) -> Iterator[SpecProblem]:
    categories = {c["name"] for c in codes.data["categories"]}
    yield from _duplicates(codes, ("categories",), "name")
    yield from _duplicates(codes, ("categories",), "exception")
    yield from _duplicates(codes, ("codes",), "code")
    if codes.data["unknown_category"] not in categories:
        yield codes.problem(("unknown_category",), "not one of the categories")
    for index, code in enumerate(codes.data["codes"]):
        if code["category"] not in categories:
            yield codes.problem(("codes", index, "category"),
                                f"unknown category {code['category']!r}")


def _code_table_problems(tables: Document) -> Iterator[SpecProblem]:
    for name, table in tables.data.items():
        yield from _name_problems(tables, (name,), name, python_name_problem)
        yield from _duplicates(tables, (name, "codes"), "code")
        if any(entry["code"] == table["none_code"] for entry in table["codes"]):
            yield tables.problem((name, "none_code"), "the none code is also listed as a code")


def _duplicate_endpoints(endpoints: list[Document]) -> Iterator[SpecProblem]:
    seen: set[str] = set()
    for document in endpoints:
        name = document.data["name"]
        if name in seen:
            yield document.problem(("name",), f"another endpoint is also named {name!r}")
        seen.add(name)


def _endpoint_problems(document: Document, tables: set[str] | None, common: set[str] | None,
                       methods: set[str] | None, root: Path) -> Iterator[SpecProblem]:
    """The endpoint's own rules; those against another file are skipped (None) if it is bad."""
    data = document.data
    yield from _name_problems(document, ("name",), data["name"], endpoint_name_problem)
    for index, method in enumerate(data["methods"]):
        if methods is not None and method not in methods:
            yield document.problem(("methods", index), f"{method} is not a transport method")
    yield from _duplicates(document, ("parameters",), "name")
    for index, parameter in enumerate(data["parameters"]):
        path = ("parameters", index, "name")
        yield from _name_problems(document, path, parameter["name"], parameter_name_problem)
        if common is not None and parameter["name"] in common:
            yield document.problem(path, "already a common parameter")
    fields = data["response"]["fields"]
    yield from _duplicates(document, ("response", "fields"), "name")
    for index, field in enumerate(fields):
        yield from _field_problems(document, ("response", "fields", index), field, tables)
    if sum(1 for field in fields if field.get("marks_degraded")) > 1:
        yield document.problem(("response", "fields"), "at most one field marks_degraded")
    names = [field["name"] for field in fields]
    kinds = [field["kind"] for field in fields]
    if kinds.count("return_code") != 1 or "ret" not in names or \
            fields[names.index("ret")]["kind"] != "return_code":
        yield document.problem(("response", "fields"),
                               "exactly one field, named 'ret', must have kind return_code")
    if "msg" not in names or fields[names.index("msg")]["kind"] != "text":
        yield document.problem(("response", "fields"), "a field 'msg' of kind text is required")
    for index, example in enumerate(data["examples"]):
        # The docs embed each example whole, so a big one is refused like a big spec file.
        reason = file_problem(root, example["file"], partial(example_path, document),
                              max_bytes=MAX_FILE_BYTES)
        if reason is not None:
            yield document.problem(("examples", index, "file"), reason)


def _field_problems(document: Document, path: tuple[str | int, ...], field: dict[str, Any],
                    tables: set[str] | None) -> Iterator[SpecProblem]:
    yield from _name_problems(document, (*path, "name"), field["name"], field_name_problem)
    expected = _KIND_WIRE_TYPES[field["kind"]]
    if field["wire_type"] != expected:
        yield document.problem((*path, "wire_type"),
                               f"kind {field['kind']} needs wire_type {expected}")
    if field["kind"] == "code":
        if "code_table" not in field:
            yield document.problem(path, "kind code needs a code_table")
        elif tables is not None and field["code_table"] not in tables:
            yield document.problem((*path, "code_table"),
                                   f"unknown code table {field['code_table']!r}")
    elif "code_table" in field:
        yield document.problem((*path, "code_table"), "only fields of kind code have a code table")
    if field.get("marks_degraded") and field["kind"] != "flag":
        yield document.problem((*path, "marks_degraded"), "only a flag can mark a result degraded")
    if field["name"] in ("ret", "msg") and field["source"] != "documented":
        yield document.problem((*path, "source"), f"{field['name']} is always documented")


def _name_problems(document: Document, path: tuple[str | int, ...], name: str,
                   rule: Callable[[str], str | None]) -> Iterator[SpecProblem]:
    problem = rule(name)
    if problem is not None:
        yield document.problem(path, problem)


def _duplicates(document: Document, path: tuple[str | int, ...],
                key: str) -> Iterator[SpecProblem]:
    items: Any = document.data
    for part in path:
        items = items[part]
    seen: set[object] = set()
    for index, item in enumerate(items):
        value = item[key]
        if value in seen:
            yield document.problem((*path, index, key), f"duplicate {key} {value!r}")
        seen.add(value)


def _whole_integer_problems(document: Document, data: Any, pattern: tuple[str, ...],
                            path: tuple[str | int, ...]) -> Iterator[SpecProblem]:
    if not pattern:
        if type(data) is not int:
            yield document.problem(path, f"expected a whole integer, not {data!r}")
        return
    head, rest = pattern[0], pattern[1:]
    if head != "*":
        yield from _whole_integer_problems(document, data[head], rest, (*path, head))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _whole_integer_problems(document, value, rest, (*path, key))
    else:
        for index, value in enumerate(data):
            yield from _whole_integer_problems(document, value, rest, (*path, index))


def _class_name_clashes(endpoints: list[Document], codes: Document | None,
                        tables: Document | None) -> Iterator[SpecProblem]:
    """Every class the spec names must be unique in the package and not a fixed name."""
    named: list[tuple[str, Document, tuple[str | int, ...]]] = []
    for document in endpoints:
        name = document.data["name"]
        named.append((result_class_name(name), document, ("name",)))
        named.append((wire_class_name(name), document, ("name",)))
    if codes is not None:
        for index, category in enumerate(codes.data["categories"]):
            named.append((category["exception"], codes, ("categories", index, "exception")))
    if tables is not None:
        for table in tables.data:
            named.append((code_table_class_name(table), tables, (table,)))
            named.append((code_table_field_type(table), tables, (table,)))
    seen: set[str] = set()
    reserved = class_names()
    for class_name, document, path in named:
        if class_name in reserved:
            yield document.problem(path, f"would define {class_name}, which the package "
                                   "already defines")
        elif class_name in seen:
            yield document.problem(path, f"would define {class_name} a second time")
        seen.add(class_name)

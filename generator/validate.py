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
# Which wire types a kind may have: numbers may be documented as numeric strings ("1").
_NUMBER = ("integer", "string")
_KIND_WIRE_TYPES = {
    "return_code": ("integer",),
    "flag": _NUMBER,
    "timestamp": _NUMBER,
    "duration": _NUMBER,
    "code": _NUMBER,
    "level": _NUMBER,
    "integer": _NUMBER,
    "text": ("string",),
}
# Where each error shape says an answer failed: (code field, message field, their presence).
_ERROR_FIELDS = {"ret": ("ret", "msg", "documented"),
                 "oauth": ("error", "error_description", "on_error")}
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
                           *((document, "endpoint") for document in sources.endpoints),
                           *((document, "browser_url") for document in sources.browser_urls)):
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
    common: list[str] | None = None
    methods: set[str] | None = None
    if api.file in shaped:
        yield from _api_problems(api)
        common = [p["name"] for p in api.data["common_parameters"]]
        common.append(api.data["transport"]["format_parameter"]["name"])
        methods = set(api.data["transport"]["methods"])
    if codes.file in shaped:
        yield from _return_code_problems(codes)
    table_names: set[str] | None = None
    if tables.file in shaped:
        yield from _code_table_problems(tables)
        table_names = set(tables.data)
    endpoints = [document for document in sources.endpoints if document.file in shaped]
    browser_urls = [document for document in sources.browser_urls if document.file in shaped]
    yield from _duplicate_endpoints([*endpoints, *browser_urls])
    yield from _class_name_clashes(endpoints, codes if codes.file in shaped else None,
                                   tables if tables.file in shaped else None)
    for document in endpoints:
        yield from _endpoint_problems(document, table_names, common, methods,
                                      sources.root.resolve())
    for document in browser_urls:
        yield from _name_problems(document, ("name",), document.data["name"],
                                  endpoint_name_problem)
        yield from _parameter_list_problems(document, [])
        yield from _duplicates(document, ("returns",), "name")


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


def _endpoint_problems(document: Document, tables: set[str] | None, common: list[str] | None,
                       methods: set[str] | None, root: Path) -> Iterator[SpecProblem]:
    """The endpoint's own rules; those against another file are skipped (None) if it is bad."""
    data = document.data
    yield from _name_problems(document, ("name",), data["name"], endpoint_name_problem)
    for index, method in enumerate(data["methods"]):
        if methods is not None and method not in methods:
            yield document.problem(("methods", index), f"{method} is not a transport method")
    shared: list[str] = []
    if data.get("common_parameters", True) and common is not None:
        shared = common[:-1] if "format_parameter" in data else common
    if "format_parameter" in data:
        shared = [*shared, data["format_parameter"]["name"]]
    yield from _parameter_list_problems(document, shared)
    yield from _format_problems_of(document)
    if "base_url" in data and "base_url_reason" not in data:
        yield document.problem(("base_url",), "say why in base_url_reason")
    fields = data["response"]["fields"]
    yield from _duplicates(document, ("response", "fields"), "name")
    for index, field in enumerate(fields):
        yield from _field_problems(document, ("response", "fields", index), field, tables)
    for flag in ("marks_degraded", "marks_expiry", "placeholder_value"):
        if sum(1 for field in fields if field.get(flag)) > 1:
            yield document.problem(("response", "fields"), f"at most one field {flag}")
    yield from _error_shape_problems(document, fields)
    for index, example in enumerate(data["examples"]):
        # The docs embed each example whole, so a big one is refused like a big spec file.
        reason = file_problem(root, example["file"], partial(example_path, document),
                              max_bytes=MAX_FILE_BYTES)
        if reason is not None:
            yield document.problem(("examples", index, "file"), reason)


def _format_problems_of(document: Document) -> Iterator[SpecProblem]:
    """What can be asked for must be answerable; examples come in an answer's encoding."""
    data = document.data
    encodings = data.get("encodings", data["formats"])
    for index, format in enumerate(data["formats"]):
        if format not in encodings:
            yield document.problem(("formats", index), f"{format} is not one of the encodings")
    if "format_parameter" in data:
        for format in data["format_parameter"]["values"]:
            if format not in data["formats"]:
                yield document.problem(("format_parameter", "values", format),
                                       f"{format} is not one of the formats")
    elif not set(data["formats"]) <= {"json", "xml"}:
        yield document.problem(("formats",), "formats other than json and xml need "
                               "the endpoint's own format_parameter")
    for index, example in enumerate(data["examples"]):
        if example["format"] not in encodings:
            yield document.problem(("examples", index, "format"),
                                   f"{example['format']} is not one of the encodings")


def _error_shape_problems(document: Document,
                          fields: list[dict[str, Any]]) -> Iterator[SpecProblem]:
    shape = document.data.get("errors", "ret")
    code, message, presence = _ERROR_FIELDS[shape]
    by_name = {field["name"]: field for field in fields}
    kinds = [field["kind"] for field in fields]
    if kinds.count("return_code") != 1 or by_name.get(code, {}).get("kind") != "return_code":
        yield document.problem(("response", "fields"),
                               f"exactly one field, named {code!r}, must have kind return_code")
    if by_name.get(message, {}).get("kind") != "text":
        yield document.problem(("response", "fields"),
                               f"a field {message!r} of kind text is required")
    for index, field in enumerate(fields):
        path = ("response", "fields", index, "source")
        if field["name"] in (code, message) and field["source"] != presence:
            yield document.problem(path, f"{field['name']} needs source {presence} "
                                   f"(errors: {shape})")
        elif field["name"] not in (code, message) and field["source"] == "on_error":
            yield document.problem(path, "only the error shape's fields are on_error")


def _parameter_list_problems(document: Document, shared: list[str]) -> Iterator[SpecProblem]:
    data = document.data
    yield from _duplicates(document, ("parameters",), "name")
    for index, parameter in enumerate(data["parameters"]):
        path: tuple[str | int, ...] = ("parameters", index)
        source = parameter.get("source", "call")
        if source == "call":
            yield from _name_problems(document, (*path, "name"), parameter["name"],
                                      parameter_name_problem)
        if parameter["name"] in shared:
            yield document.problem((*path, "name"), "already a common parameter")
        if (source == "fixed") != ("value" in parameter):
            yield document.problem(path, "a fixed parameter, and only one, has a value")
        if parameter.get("positional") and not parameter.get("required", True):
            yield document.problem((*path, "positional"), "only a required parameter is "
                                   "positional")
        if source != "call":
            for key in ("type", "required", "check", "choices", "positional"):
                if key in parameter:
                    yield document.problem((*path, key), f"only a call's parameters have {key}")
        if source == "app_key" and not parameter.get("secret"):
            yield document.problem((*path, "secret"), "the app key is always secret")
        kind = parameter.get("type", "string")
        for key in ("check", "choices"):
            if key in parameter and kind != "string":
                yield document.problem((*path, key), f"only a string parameter has {key}")
        if kind == "flag" and parameter.get("required", True):
            yield document.problem((*path, "required"), "a flag is never required")


def _field_problems(document: Document, path: tuple[str | int, ...], field: dict[str, Any],
                    tables: set[str] | None) -> Iterator[SpecProblem]:
    yield from _name_problems(document, (*path, "name"), field["name"], field_name_problem)
    allowed = _KIND_WIRE_TYPES[field["kind"]]
    if field["wire_type"] not in allowed:
        yield document.problem((*path, "wire_type"),
                               f"kind {field['kind']} needs wire_type {' or '.join(allowed)}")
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
    if field.get("marks_expiry") and field["kind"] != "duration":
        yield document.problem((*path, "marks_expiry"), "only a duration can mark an expiry")
    if "placeholder_value" in field and (field["kind"] != "text" or
                                         field["source"] != "documented"):
        yield document.problem((*path, "placeholder_value"),
                               "only a documented text field has a placeholder value")
    if "sensitive" in field and field["kind"] != "text":
        yield document.problem((*path, "sensitive"), "only a text field is sensitive")


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
        named.append((document.data.get("result") or result_class_name(name), document,
                      ("result",) if "result" in document.data else ("name",)))
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

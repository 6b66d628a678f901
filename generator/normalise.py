"""Normalise: turn validated YAML data into the frozen model, in spec order, references resolved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .load import Document, SpecSources
from .model import (
    Api,
    Category,
    CodeEntry,
    CodeTable,
    CommonParameter,
    Endpoint,
    Example,
    Field,
    FormatParameter,
    Parameter,
    ReturnCode,
    SourceFiles,
)
from .naming import (
    code_table_class_name,
    code_table_field_type,
    constant_name,
    result_class_name,
    wire_class_name,
)


def normalise(sources: SpecSources) -> Api:
    """Build the model; the input has passed ``validate`` so every key is there."""
    api: dict[str, Any] = sources.api.data
    codes: dict[str, Any] = sources.return_codes.data
    transport = api["transport"]
    categories = {c["name"]: Category(**c) for c in codes["categories"]}
    tables = {name: _code_table(name, table)
              for name, table in sorted(sources.code_tables.data.items())}
    return Api(
        title=api["title"],
        base_url=api["base_url"],
        common_parameters=tuple(CommonParameter(**p) for p in api["common_parameters"]),
        methods=tuple(transport["methods"]),
        json_content_type=transport["json_content_type"],
        xml_root=transport["xml_root"],
        format_parameter=FormatParameter(**transport["format_parameter"]),
        categories=tuple(categories.values()),
        unknown_category=categories[codes["unknown_category"]],
        return_codes=tuple(sorted((_return_code(c, categories) for c in codes["codes"]),
                                  key=lambda c: c.code)),
        code_tables=tuple(tables.values()),
        endpoints=tuple(_endpoint(sources, document, tables) for document in sources.endpoints),
        sources=SourceFiles(sources.api.file, sources.return_codes.file,
                            sources.code_tables.file,
                            tuple(document.file for document in sources.endpoints)),
    )


def _return_code(data: dict[str, Any], categories: dict[str, Category]) -> ReturnCode:
    return ReturnCode(code=data["code"], table=data["table"], zh=data["zh"],
                      category=categories[data["category"]], note=data.get("note", ""))


def _code_table(name: str, table: dict[str, Any]) -> CodeTable:
    return CodeTable(
        name=name,
        class_name=code_table_class_name(name),
        field_type=code_table_field_type(name),
        zh=table["zh"],
        en=table["en"],
        none_code=table["none_code"],
        none_label=table["none_label"],
        other_label=table["other_label"],
        codes=tuple(sorted((CodeEntry(**entry) for entry in table["codes"]),
                           key=lambda entry: entry.code)),
    )


def _endpoint(sources: SpecSources, document: Document,
              tables: dict[str, CodeTable]) -> Endpoint:
    data: dict[str, Any] = document.data
    return Endpoint(
        name=data["name"],
        constant=constant_name(data["name"]),
        path=data["path"],
        methods=tuple(data["methods"]),
        formats=tuple(data["formats"]),
        zh=data["zh"],
        en=data["en"],
        notes=tuple(data.get("notes", ())),
        parameters=tuple(Parameter(**p) for p in data["parameters"]),
        fields=tuple(_field(f, tables) for f in data["response"]["fields"]),
        examples=tuple(_example(sources, document, e) for e in data["examples"]),
        source_file=document.file,
        result_class=result_class_name(data["name"]),
        wire_class=wire_class_name(data["name"]),
    )


def _field(data: dict[str, Any], tables: dict[str, CodeTable]) -> Field:
    table_name = data.get("code_table")
    return Field(
        name=data["name"],
        wire_type=data["wire_type"],
        kind=data["kind"],
        documented=data["source"] == "documented",
        zh=data["zh"],
        en=data["en"],
        notes=tuple(data.get("notes", ())),
        code_table=None if table_name is None else tables[table_name],
        marks_degraded=data.get("marks_degraded", False),
    )


def _example(sources: SpecSources, document: Document, data: dict[str, Any]) -> Example:
    path = example_path(document, data["file"])
    return Example(
        name=data["name"],
        format=data["format"],
        file=path.relative_to(sources.root.resolve().parent).as_posix(),
        body=path.read_bytes(),
        note=data.get("note", ""),
    )


def example_path(document: Document, relative: str) -> Path:
    """Example files are named relative to the endpoint file that lists them."""
    return (document.path.parent / relative).resolve()

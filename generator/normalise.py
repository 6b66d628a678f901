"""Normalise: turn validated YAML data into the frozen model, in spec order, references resolved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .load import Document, SpecSources
from .model import (
    Api,
    BrowserUrl,
    Category,
    CodeEntry,
    CodeTable,
    Endpoint,
    ErrorShape,
    Example,
    Field,
    FormatParameter,
    Parameter,
    ReturnCode,
    ReturnedValue,
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
    # A value some result gives as a plain str (sensitive: identity, an openid) is passed
    # as a str: a token (a SecretStr in results) in its place is then a type error.
    identities = frozenset(f["name"] for document in sources.endpoints
                           for f in document.data["response"]["fields"]
                           if f.get("sensitive") == "identity")
    # Common parameters come first in every method, positionally (access_token, openid).
    common = tuple(_parameter({**p, "positional": True}, identities)
                   for p in api["common_parameters"])
    shared_format = transport["format_parameter"]
    # The API's format parameter names every format it answers in, by its own name.
    api_format = FormatParameter(shared_format["name"], (("json", "json"), ("xml", "xml")),
                                 shared_format["zh"], shared_format["rule"])
    return Api(
        title=api["title"],
        base_url=api["base_url"],
        methods=tuple(transport["methods"]),
        json_content_type=transport["json_content_type"],
        xml_root=transport["xml_root"],
        categories=tuple(categories.values()),
        unknown_category=categories[codes["unknown_category"]],
        return_codes=tuple(sorted((_return_code(c, categories) for c in codes["codes"]),
                                  key=lambda c: c.code)),
        code_tables=tuple(tables.values()),
        endpoints=tuple(_endpoint(sources, document, tables, common, api_format, identities)
                        for document in sources.endpoints),
        browser_urls=tuple(_browser_url(document) for document in sources.browser_urls),
        sources=SourceFiles(sources.api.file, sources.return_codes.file,
                            sources.code_tables.file,
                            tuple(document.file for document in sources.endpoints),
                            tuple(document.file for document in sources.browser_urls)),
    )


ERROR_SHAPES = {
    "ret": ErrorShape("ret", "ret", "msg", always_present=True),
    "oauth": ErrorShape("oauth", "error", "error_description", always_present=False),
}


def _parameter(data: dict[str, Any], identities: frozenset[str] = frozenset()) -> Parameter:
    source = data.get("source", "call")
    return Parameter(
        name=data["name"],
        source=source,
        type=data.get("type", "string"),
        required=data.get("required", True),
        positional=data.get("positional", False),
        secret=data.get("secret", False),
        identity=data["name"] in identities,
        value=data.get("value", ""),
        check=data.get("check", ""),
        choices=tuple(data.get("choices", ())),
        zh=data["zh"],
        en=data["en"],
    )


def _format_parameter(data: dict[str, Any], formats: tuple[str, ...]) -> FormatParameter:
    values = data["values"]
    return FormatParameter(data["name"], tuple((f, values.get(f)) for f in formats),
                           data["zh"], "")


def _browser_url(document: Document) -> BrowserUrl:
    data: dict[str, Any] = document.data
    return BrowserUrl(
        name=data["name"],
        path=data["path"],
        zh=data["zh"],
        en=data["en"],
        notes=tuple(data.get("notes", ())),
        parameters=tuple(_parameter(p) for p in data["parameters"]),
        returns=tuple(ReturnedValue(v["name"], v.get("secret", False), v["zh"], v["en"])
                      for v in data["returns"]),
        source_file=document.file,
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


def _endpoint(sources: SpecSources, document: Document, tables: dict[str, CodeTable],
              common: tuple[Parameter, ...], api_format: FormatParameter,
              identities: frozenset[str]) -> Endpoint:
    data: dict[str, Any] = document.data
    formats = tuple(data["formats"])
    own = tuple(_parameter(p, identities) for p in data["parameters"])
    format_parameter = (_format_parameter(data["format_parameter"], formats)
                        if "format_parameter" in data else api_format)
    return Endpoint(
        name=data["name"],
        constant=constant_name(data["name"]),
        path=data["path"],
        base_url=data.get("base_url", ""),
        base_url_reason=data.get("base_url_reason", ""),
        methods=tuple(data["methods"]),
        formats=formats,
        encodings=tuple(data.get("encodings", formats)),
        format_parameter=format_parameter,
        errors=ERROR_SHAPES[data.get("errors", "ret")],
        retry_safe=data.get("retry", "safe") == "safe",
        zh=data["zh"],
        en=data["en"],
        notes=tuple(data.get("notes", ())),
        parameters=(common if data.get("common_parameters", True) else ()) + own,
        fields=tuple(_field(f, tables) for f in data["response"]["fields"]),
        examples=tuple(_example(sources, document, e) for e in data["examples"]),
        source_file=document.file,
        result_class=data.get("result") or result_class_name(data["name"]),
        wire_class=wire_class_name(data["name"]),
    )


def _field(data: dict[str, Any], tables: dict[str, CodeTable]) -> Field:
    table_name = data.get("code_table")
    return Field(
        name=data["name"],
        wire_type=data["wire_type"],
        kind=data["kind"],
        presence=data["source"],
        zh=data["zh"],
        en=data["en"],
        notes=tuple(data.get("notes", ())),
        code_table=None if table_name is None else tables[table_name],
        marks_degraded=data.get("marks_degraded", False),
        marks_expiry=data.get("marks_expiry", False),
        sensitive=data.get("sensitive", ""),
        placeholder_value=data.get("placeholder_value", ""),
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

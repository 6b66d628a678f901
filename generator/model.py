"""The normalised spec: plain, frozen, typed data that the renderers read.

References are resolved here: a field holds its code table, a return code its
category, so no renderer looks anything up by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

WireType = Literal["integer", "string"]
Kind = Literal["return_code", "flag", "timestamp", "code", "level", "integer", "text"]


@dataclass(frozen=True)
class Parameter:
    name: str
    type: Literal["string", "integer"]
    required: bool
    zh: str
    en: str


@dataclass(frozen=True)
class CommonParameter:
    name: str
    source: Literal["call", "app_id"]
    secret: bool
    zh: str
    en: str


@dataclass(frozen=True)
class CodeEntry:
    code: int
    label: str
    en: str


@dataclass(frozen=True)
class CodeTable:
    name: str
    class_name: str
    field_type: str  # the annotated result type of fields that hold its codes
    zh: str
    en: str
    none_code: int
    none_label: str
    other_label: str
    codes: tuple[CodeEntry, ...]


@dataclass(frozen=True)
class Field:
    name: str
    wire_type: WireType
    kind: Kind
    documented: bool
    zh: str
    en: str
    notes: tuple[str, ...]
    code_table: CodeTable | None
    marks_degraded: bool


@dataclass(frozen=True)
class Example:
    name: str
    format: Literal["json", "xml"]
    file: str
    body: bytes
    note: str


@dataclass(frozen=True)
class Endpoint:
    name: str
    constant: str  # the module-level Endpoint object: GET_VIP_INFO
    path: str
    methods: tuple[str, ...]
    formats: tuple[str, ...]
    zh: str
    en: str
    notes: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    fields: tuple[Field, ...]
    examples: tuple[Example, ...]
    source_file: str
    result_class: str
    wire_class: str

    @property
    def success_fields(self) -> tuple[Field, ...]:
        """Fields of a successful answer, beyond ``ret`` and ``msg``."""
        return tuple(f for f in self.fields if f.kind != "return_code" and f.name != "msg")

    @property
    def result_fields(self) -> tuple[Field, ...]:
        """Fields of the typed result: every field but ``ret`` (a result is ret 0)."""
        return tuple(f for f in self.fields if f.kind != "return_code")

    @property
    def code_tables(self) -> tuple[CodeTable, ...]:
        """The code tables its fields use, each once, in field order."""
        tables: dict[str, CodeTable] = {}
        for field in self.fields:
            if field.code_table is not None:
                tables.setdefault(field.code_table.name, field.code_table)
        return tuple(tables.values())

    @property
    def degraded_flag(self) -> Field | None:
        return next((f for f in self.fields if f.marks_degraded), None)


@dataclass(frozen=True)
class Category:
    name: str
    exception: str
    retryable: bool
    en: str


@dataclass(frozen=True)
class ReturnCode:
    code: int
    table: str
    zh: str
    category: Category
    note: str


@dataclass(frozen=True)
class FormatParameter:
    name: str
    xml_value: str
    default: str
    zh: str
    rule: str


@dataclass(frozen=True)
class SourceFiles:
    """The spec's files by role, named as banners and messages show them (``spec/api.yaml``)."""

    api: str
    return_codes: str
    code_tables: str
    endpoints: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return (self.api, self.return_codes, self.code_tables, *self.endpoints)


@dataclass(frozen=True)
class Api:
    title: str
    base_url: str
    common_parameters: tuple[CommonParameter, ...]
    methods: tuple[str, ...]
    json_content_type: str
    xml_root: str
    format_parameter: FormatParameter
    categories: tuple[Category, ...]
    unknown_category: Category
    return_codes: tuple[ReturnCode, ...]
    code_tables: tuple[CodeTable, ...]
    endpoints: tuple[Endpoint, ...]
    sources: SourceFiles

    @property
    def secret_parameters(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.common_parameters if p.secret)

    @property
    def call_parameters(self) -> tuple[CommonParameter, ...]:
        """Common parameters every endpoint method takes from its caller."""
        return tuple(p for p in self.common_parameters if p.source == "call")

"""The normalised spec: plain, frozen, typed data that the renderers read."""

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
class Field:
    name: str
    wire_type: WireType
    kind: Kind
    documented: bool
    zh: str
    en: str
    notes: tuple[str, ...]
    code_table: str | None
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
    category: str
    note: str


@dataclass(frozen=True)
class CodeEntry:
    code: int
    label: str
    en: str


@dataclass(frozen=True)
class CodeTable:
    name: str
    class_name: str
    zh: str
    en: str
    none_code: int
    none_label: str
    other_label: str
    codes: tuple[CodeEntry, ...]


@dataclass(frozen=True)
class FormatParameter:
    name: str
    xml_value: str
    default: str
    zh: str
    rule: str


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
    unknown_category: str
    return_codes: tuple[ReturnCode, ...]
    code_tables: tuple[CodeTable, ...]
    endpoints: tuple[Endpoint, ...]
    source_files: tuple[str, ...]

    @property
    def api_file(self) -> str:
        return self.source_files[0]

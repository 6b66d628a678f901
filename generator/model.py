"""The normalised spec: plain, frozen, typed data that the renderers read.

References are resolved here: a field holds its code table, a return code its
category, so no renderer looks anything up by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

WireType = Literal["integer", "string"]
Kind = Literal["return_code", "flag", "timestamp", "duration", "code", "level", "integer",
               "text"]
Encoding = Literal["json", "xml", "jsonp", "form"]
Presence = Literal["documented", "optional", "example_only", "on_error"]
Source = Literal["call", "app_id", "app_key", "fixed"]


@dataclass(frozen=True)
class Parameter:
    """One query parameter: where its value comes from, and how a call passes it."""

    name: str
    source: Source
    type: Literal["string", "integer", "flag", "list"]
    required: bool
    positional: bool
    secret: bool
    identity: bool  # a result gives this value as a plain str (an openid): passed as a str
    value: str  # the fixed value; "" unless source is fixed
    check: Literal["absolute_url", "non_empty", ""]
    choices: tuple[str, ...]
    zh: str
    en: str

    @property
    def is_argument(self) -> bool:
        """True when the caller passes it (the others come from the client or the spec)."""
        return self.source == "call"

    @property
    def is_positional(self) -> bool:
        return self.source == "call" and self.positional


@dataclass(frozen=True)
class FormatParameter:
    """How an endpoint is asked for a format: the value per format (None: send nothing)."""

    name: str
    values: tuple[tuple[str, str | None], ...]
    zh: str
    rule: str


@dataclass(frozen=True)
class ErrorShape:
    """Where an answer says it failed: ``ret``/``msg`` always, or ``error`` only on failure."""

    name: Literal["ret", "oauth"]
    code_field: str
    message_field: str
    always_present: bool


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
    presence: Presence
    zh: str
    en: str
    notes: tuple[str, ...]
    code_table: CodeTable | None
    marks_degraded: bool
    marks_expiry: bool
    sensitive: Literal["secret", "identity", ""]
    placeholder_value: str  # "" unless this value means the data is a placeholder

    @property
    def documented(self) -> bool:
        """Required in every successful answer."""
        return self.presence == "documented"

    @property
    def example_only(self) -> bool:
        """Seen in an example but not in the page's table: its absence is drift."""
        return self.presence == "example_only"

    @property
    def numeric_string(self) -> bool:
        """A number the page documents as a JSON string ("1"): typed, not drift."""
        return self.kind not in ("text", "return_code") and self.wire_type == "string"


@dataclass(frozen=True)
class Example:
    name: str
    format: Encoding
    file: str
    body: bytes
    note: str


@dataclass(frozen=True)
class Endpoint:
    name: str
    constant: str  # the module-level Endpoint object: GET_VIP_INFO
    path: str
    base_url: str  # "" for the API's own
    base_url_reason: str
    methods: tuple[str, ...]
    formats: tuple[Encoding, ...]
    encodings: tuple[Encoding, ...]
    format_parameter: FormatParameter
    errors: ErrorShape
    retry_safe: bool
    zh: str
    en: str
    notes: tuple[str, ...]
    parameters: tuple[Parameter, ...]  # common ones first, when it takes them
    fields: tuple[Field, ...]
    examples: tuple[Example, ...]
    source_file: str
    result_class: str
    wire_class: str

    @property
    def success_fields(self) -> tuple[Field, ...]:
        """Fields of a successful answer, beyond the error shape's code and message."""
        shape = self.errors
        return tuple(f for f in self.fields
                     if f.name not in (shape.code_field, shape.message_field))

    @property
    def result_fields(self) -> tuple[Field, ...]:
        """Fields of the typed result: all but the code, and any field only errors carry."""
        return tuple(f for f in self.fields
                     if f.name != self.errors.code_field and f.presence != "on_error")

    @property
    def secret_parameters(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parameters if p.secret)

    @property
    def sensitive_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.sensitive)

    @property
    def expiry_field(self) -> Field | None:
        return next((f for f in self.fields if f.marks_expiry), None)

    @property
    def uses_app_key(self) -> bool:
        return any(p.source == "app_key" for p in self.parameters)

    @property
    def placeholder_field(self) -> Field | None:
        return next((f for f in self.fields if f.placeholder_value), None)

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
class ReturnedValue:
    name: str
    secret: bool
    zh: str
    en: str


@dataclass(frozen=True)
class BrowserUrl:
    """A step the user's browser takes: the client builds its URL and never calls it."""

    name: str
    path: str
    zh: str
    en: str
    notes: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    returns: tuple[ReturnedValue, ...]
    source_file: str


@dataclass(frozen=True)
class SourceFiles:
    """The spec's files by role, named as banners and messages show them (``spec/api.yaml``)."""

    api: str
    return_codes: str
    code_tables: str
    endpoints: tuple[str, ...]
    browser_urls: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return (self.api, self.return_codes, self.code_tables, *self.endpoints,
                *self.browser_urls)


@dataclass(frozen=True)
class Api:
    title: str
    base_url: str
    methods: tuple[str, ...]
    json_content_type: str
    xml_root: str
    categories: tuple[Category, ...]
    unknown_category: Category
    return_codes: tuple[ReturnCode, ...]
    code_tables: tuple[CodeTable, ...]
    endpoints: tuple[Endpoint, ...]
    browser_urls: tuple[BrowserUrl, ...]
    sources: SourceFiles

    @property
    def secret_parameters(self) -> tuple[str, ...]:
        """Every parameter name that is secret somewhere: masked wherever a URL shows."""
        names = {name for endpoint in self.endpoints for name in endpoint.secret_parameters}
        names.update(p.name for url in self.browser_urls for p in url.parameters if p.secret)
        names.update(value.name for url in self.browser_urls for value in url.returns
                     if value.secret)
        return tuple(sorted(names))

    @property
    def uses_app_key(self) -> bool:
        return any(endpoint.uses_app_key for endpoint in self.endpoints)

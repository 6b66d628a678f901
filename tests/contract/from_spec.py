"""What the tests know about the endpoints, read from spec/ by the project's own generator.

Nothing here names an endpoint: every endpoint, method, encoding, error shape and field
kind comes from the spec, and the bodies tests need (valid answers, error answers,
broken ones) are built from the spec's examples and field kinds, in every encoding the
endpoint declares (JSON, XML, JSONP ``callback( {...} );``, form ``a=b&c=d``). Captures
under ``tests/contract/captures/<endpoint>/`` add to these where present; none is required.

The one place that reaches into the generated package's internals is
``check_module`` (and ``check_command_module``): repoint them if the contract check moves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import qq_connect
from generator.load import load_sources
from generator.model import Api, Endpoint, Field
from generator.normalise import normalise
from generator.validate import validate
from tests import bodies
from tests.bodies import JSON_LIKE, as_instance

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec"
CAPTURES = Path(__file__).resolve().parent / "captures"


@cache
def load_api(spec: Path = SPEC) -> Api:
    """The normalised spec, exactly as the generator sees it."""
    sources = load_sources(spec)
    validate(sources)
    return normalise(sources)


API = load_api()
ENDPOINTS: tuple[Endpoint, ...] = API.endpoints
NAMES: tuple[str, ...] = tuple(endpoint.name for endpoint in ENDPOINTS)
KINDS: tuple[str, ...] = ("return_code", "flag", "timestamp", "duration", "code", "level",
                          "integer", "text")
# Encodings whose values keep JSON's types; in XML and form bodies every value is text.


def endpoint(name: str) -> Endpoint:
    return next(e for e in ENDPOINTS if e.name == name)


# -- the generated package, by public names ------------------------------------------------


class Parser(Protocol):
    def parse(self, body: bytes) -> Any: ...


def parser(name: str) -> Parser:
    """``qq_connect.endpoints.<CONSTANT>``: the public parser of one endpoint."""
    found: Parser = getattr(qq_connect.endpoints, endpoint(name).constant)
    return found


@dataclass(frozen=True)
class Finding:
    kind: str  # "error" or "drift"
    pointer: str
    message: str


def check_module() -> ModuleType:
    """The contract check's internals: the only place tests name them."""
    import qq_connect._check as check

    return check


def check_command_module() -> ModuleType:
    """The check command's internals (how it reads files, writes reports): faults go here."""
    import qq_connect._check_command as command

    return command


def findings(name: str, body: bytes, format: str, *, reference: bool = False) -> list[Finding]:
    """Every finding of the contract check for one body (``reference``: jsonschema's verdict)."""
    from qq_connect._contracts import CONTRACTS

    found = check_module().check_body(CONTRACTS[name], body, format, reference=reference)
    return [Finding(f.kind, f.pointer, f.message) for f in found]


MESSAGE_HEADS = ("unparseable JSON", "unusable XML", "unusable jsonp", "unusable form")


def message_class(message: str) -> str:
    """A finding's message without the parser's detail: "unparseable JSON: …" → its head."""
    for head in MESSAGE_HEADS:
        if message.startswith(head):
            return head
    if " never answers " in message:
        return "never answers"
    return message


# -- the spec's facts ------------------------------------------------------------------------


def field_named(e: Endpoint, name: str) -> Field | None:
    return next((f for f in e.fields if f.name == name), None)


def code_field(e: Endpoint) -> Field:
    """The field that says an answer failed (``ret``, OAuth's ``error``)."""
    found = field_named(e, e.errors.code_field)
    assert found is not None, e.name
    return found


def message_field(e: Endpoint) -> Field:
    found = field_named(e, e.errors.message_field)
    assert found is not None, e.name
    return found


def known_codes(f: Field) -> frozenset[int]:
    table = f.code_table
    assert table is not None, f"{f.name} has no code table"
    return frozenset({table.none_code, *(entry.code for entry in table.codes)})


LISTED_RETS: tuple[int, ...] = tuple(sorted({code.code for code in API.return_codes}))
UNLISTED_RET = next(code for code in range(424242, 10**9) if code not in LISTED_RETS)


def listed_ret_per_category() -> dict[str, int]:
    """One listed return code of every category of the spec."""
    chosen: dict[str, int] = {}
    for code in API.return_codes:
        chosen.setdefault(code.category.name, code.code)
    return chosen


def documented_success(e: Endpoint) -> tuple[Field, ...]:
    """Fields every successful answer carries (beyond the error shape's own)."""
    return tuple(f for f in e.success_fields if f.documented)


def example_only(e: Endpoint) -> tuple[Field, ...]:
    """Fields the page's example shows but its table does not: their absence is drift."""
    return tuple(f for f in e.fields if f.example_only)


def optional_fields(e: Endpoint) -> tuple[Field, ...]:
    """Fields a successful answer may leave out without any finding."""
    return tuple(f for f in e.fields if f.presence == "optional")


def numeric_string_fields(e: Endpoint) -> tuple[Field, ...]:
    """Numbers the page documents as JSON strings: a JSON number there is drift."""
    return tuple(f for f in e.fields if f.numeric_string)


def integer_wire_fields(e: Endpoint) -> tuple[Field, ...]:
    """Numbers the page documents as JSON numbers: a numeric string there is drift."""
    return tuple(f for f in e.fields if f.kind != "text" and f.wire_type == "integer")


def is_failure(e: Endpoint, document: dict[str, Any]) -> bool:
    """The error shape's verdict: ``ret`` other than 0, or OAuth's ``error`` present."""
    shape = e.errors
    if not shape.always_present:
        return shape.code_field in document
    return str(document.get(shape.code_field)) != "0"


# -- values per field kind -------------------------------------------------------------------

TEXTS = ("", "success", "请先登录", "昵称 Peter", "http://qzapp.qlogo.cn/qzapp/1/AB/30", "男")
_NUMBERS: dict[str, tuple[int, ...]] = {
    "return_code": (0,),
    "flag": (0, 1),
    "timestamp": (0, 1313974842, 1359507642),
    "duration": (7776000, 5184000, 0),
    "level": tuple(range(8)),
    "integer": (42, -3, 0),
}


def sample_number(f: Field, index: int = 0) -> int:
    numbers = sorted(known_codes(f)) if f.kind == "code" else _NUMBERS[f.kind]
    return numbers[index % len(numbers)]


def sample_value(e: Endpoint, f: Field, index: int = 0) -> Any:
    """A valid value of the field's kind, as its wire type sends it (no drift)."""
    if f.kind == "text":
        return TEXTS[index % len(TEXTS)]
    number = sample_number(f, index)
    return str(number) if f.numeric_string else number


# Values the schema refuses, per kind; each also breaks the kind as XML or form text.
BAD_VALUES: dict[str, tuple[Any, ...]] = {
    "return_code": ("abc", 1.5, "1.0"),
    "flag": (2, "2", -1, 1.5),
    "timestamp": (-1, "-1", "1e9", "abc"),
    "duration": (-1, "-1", "7776000s", 1.5),
    "level": (-1, "x", 2.5),
    "code": (1.5, "abc"),
    "integer": ("abc", 1.5),
    "text": (),  # in XML and form every value is text; JSON alone can break a text field
}
BAD_JSON_ONLY: dict[str, tuple[Any, ...]] = {
    "return_code": (None, True), "flag": (True, None), "timestamp": (None,),
    "duration": (None, [7776000]), "level": (None,), "code": (None, [1]),
    "integer": ({"a": 1},), "text": (5, None, ["x"], {"a": "b"}),
}


def bad_values(f: Field, format: str) -> tuple[Any, ...]:
    """Values of ``f`` the schema refuses, as far as ``format`` can carry them."""
    return BAD_VALUES[f.kind] + (BAD_JSON_ONLY[f.kind] if format in JSON_LIKE else ())


def _typed(e: Endpoint, fields: dict[str, str]) -> dict[str, Any]:
    """Text back to the wire types the spec gives (for building JSON from XML or form)."""
    typed: dict[str, Any] = {}
    for name, text in fields.items():
        f = field_named(e, name)
        integer = f is not None and f.kind != "text" and f.wire_type == "integer"
        typed[name] = int(text) if integer else text
    return typed


# The order in which an example's encoding is preferred as the source of a document.
_PREFERRED = ("json", "jsonp", "form", "xml")


def example_documents(e: Endpoint) -> list[tuple[str, dict[str, Any]]]:
    """The spec's examples of ``e`` as documents, by example name (JSON preferred)."""
    documents: dict[str, dict[str, Any]] = {}
    for example in sorted(e.examples, key=lambda x: _PREFERRED.index(x.format)):
        if example.name in documents:
            continue
        instance = as_instance(example.body, example.format)
        documents[example.name] = (dict(instance) if example.format in JSON_LIKE
                                   else _typed(e, instance))
    return list(documents.items())


def error_document(e: Endpoint, code: object, message: object) -> dict[str, Any]:
    """A failure in the endpoint's error shape."""
    return {e.errors.code_field: code, e.errors.message_field: message}


def success_document(e: Endpoint, *, complete: bool = True) -> dict[str, Any]:
    """A valid success answer: the spec's success example, else one built from field kinds.

    ``complete`` adds every field the example lacks (optional and example-only ones too),
    so nothing whose absence is drift is missing; without it, only documented fields.
    """
    document: dict[str, Any] = {}
    for _, example in example_documents(e):
        if not is_failure(e, example):
            document = dict(example)
            break
    shape = e.errors
    if shape.always_present:
        document[shape.code_field] = 0
        document.setdefault(shape.message_field, "")
    else:
        for name in (shape.code_field, shape.message_field):
            document.pop(name, None)
    for index, f in enumerate(e.fields):
        if f.name not in document and f.presence != "on_error":
            document[f.name] = sample_value(e, f, index)
    if not complete:
        kept = {f.name for f in e.fields if f.documented}
        document = {name: value for name, value in document.items() if name in kept}
    return document


def error_documents(e: Endpoint) -> list[tuple[str, dict[str, Any]]]:
    """Error answers: the spec's error examples, one listed code per category, an unlisted
    code (drift) and an empty message."""
    found = [(f"example_{name}", dict(document)) for name, document in example_documents(e)
             if is_failure(e, document)]
    for category, code in sorted(listed_ret_per_category().items()):
        found.append((f"error_{category}", error_document(e, code, f"错误 {code}")))
    found.append(("error_unlisted_code", error_document(e, UNLISTED_RET, "unlisted")))
    found.append(("error_empty_msg", error_document(e, LISTED_RETS[0], "")))
    return found


# -- encodings -------------------------------------------------------------------------------


def to_xml(document: dict[str, Any], root: str | None = None) -> bytes:
    return bodies.to_xml(document, root or API.xml_root)


def encode(document: object, format: str) -> bytes:
    return bodies.encode(document, format, API.xml_root)


@dataclass(frozen=True)
class Case:
    """One body of one endpoint with the verdict the contract gives it."""

    endpoint: str
    verdict: str  # "valid" (the schema accepts it) or "invalid"
    name: str
    format: str
    body: bytes
    source: str  # "capture" or "spec"

    @property
    def id(self) -> str:
        return f"{self.source}/{self.endpoint}/{self.verdict}/{self.name}.{self.format}"


def valid_documents(e: Endpoint, format: str = "json") -> list[tuple[str, object]]:
    """Answers the schema accepts (some with drift), built from the spec."""
    success = success_document(e)
    documents: list[tuple[str, object]] = [
        ("success", success),
        ("documented_fields_only", success_document(e, complete=False)),
        ("unknown_field", {**success, "unknown_extra": "0"}),
    ]
    for f in optional_fields(e):
        documents.append((f"without_{f.name}", {k: v for k, v in success.items()
                                                if k != f.name}))
    for f in e.success_fields:
        if f.kind == "code":
            documents.append((f"unknown_code_{f.name}",
                              {**success, f.name: max(known_codes(f)) + 1000}))
    documents += error_documents(e)
    # A listed code as a numeric string: drift where the code is documented as a number.
    documents.append(("error_code_as_string", error_document(e, str(LISTED_RETS[-1]), "x")))
    if format in JSON_LIKE:  # JSON Schema's integer: any number with no fractional part
        documents.append(("error_code_integral_float",
                          error_document(e, float(LISTED_RETS[-1]), "x")))
    return documents


def numeric_strings(e: Endpoint, document: dict[str, Any]) -> dict[str, Any]:
    """Every integer-wire field sent as a numeric string, as some proxies do (drift)."""
    names = {f.name for f in integer_wire_fields(e)}
    return {name: str(value) if name in names else value for name, value in document.items()}


def json_numbers(e: Endpoint, document: dict[str, Any]) -> dict[str, Any]:
    """Every numeric-string field sent as a JSON number, against the page (drift)."""
    names = {f.name for f in numeric_string_fields(e)}
    return {name: int(value) if name in names else value for name, value in document.items()}


def invalid_documents(e: Endpoint, format: str) -> list[tuple[str, object]]:
    """Answers the schema refuses, one broken thing each, built from the spec."""
    success = success_document(e)
    shape = e.errors
    failure = error_document(e, LISTED_RETS[0], "错误")
    without = {name: {k: v for k, v in success.items() if k != name} for name in success}
    documents: list[tuple[str, object]] = [
        (f"{shape.message_field}_missing", {shape.code_field: LISTED_RETS[0]}),
    ]
    if shape.always_present:
        documents.append((f"{shape.code_field}_missing", without[shape.code_field]))
    if format == "json":
        documents.append(("top_level_array", [success]))
    for f in documented_success(e):
        documents.append((f"success_missing_{f.name}", without[f.name]))
    for f in e.fields:
        base = failure if f.presence == "on_error" else success
        for index, value in enumerate(bad_values(f, format)):
            documents.append((f"wrong_{f.name}_{index}", {**base, f.name: value}))
    return documents


def spec_cases(e: Endpoint) -> Iterator[Case]:
    """Valid and invalid bodies of ``e`` in every encoding it declares."""
    for format in e.encodings:
        for name, document in valid_documents(e, format):
            yield Case(e.name, "valid", name, format, encode(document, format), "spec")
        if format in JSON_LIKE:  # only JSON tells a number from a numeric string
            success = success_document(e)
            yield Case(e.name, "valid", "numeric_strings", format,
                       encode(numeric_strings(e, success), format), "spec")
            yield Case(e.name, "valid", "json_numbers", format,
                       encode(json_numbers(e, success), format), "spec")
        for name, document in invalid_documents(e, format):
            yield Case(e.name, "invalid", name, format, encode(document, format), "spec")


def capture_cases() -> Iterator[Case]:
    """The repository's own captures of endpoints the spec still has, where present."""
    for path in sorted(CAPTURES.glob("*/*/*.*")):
        name, verdict = path.parent.parent.name, path.parent.name
        if name in NAMES and verdict in ("valid", "invalid"):
            yield Case(name, verdict, path.stem, path.suffix.removeprefix("."),
                       path.read_bytes(), "capture")


def all_cases() -> list[Case]:
    return [*capture_cases(), *(case for e in ENDPOINTS for case in spec_cases(e))]


def write_tree(cases: list[Case], root: Path) -> list[Path]:
    """The cases as a capture folder ``root/<endpoint>/<verdict>/<source>_<name>.<format>``."""
    written = []
    for case in cases:
        path = root / case.endpoint / case.verdict / f"{case.source}_{case.name}.{case.format}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case.body)
        written.append(path)
    return written

"""What the tests know about the endpoints, read from spec/ by the project's own generator.

Nothing here names an endpoint: every endpoint, method, format and field kind comes
from the spec, and the bodies tests need (valid answers, error answers, broken ones)
are built from the spec's examples and field kinds. Captures under
``tests/contract/captures/<endpoint>/`` add to these where present; none is required.

The one place that reaches into the generated package's internals is
``check_module``: repoint it if the contract check moves.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
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
KINDS: tuple[str, ...] = ("return_code", "flag", "timestamp", "code", "level", "integer", "text")


def endpoint(name: str) -> Endpoint:
    return next(e for e in ENDPOINTS if e.name == name)


# -- the generated package, by public names ------------------------------------------------


class Parser(Protocol):
    def parse(self, body: bytes) -> Any: ...


def parser(name: str) -> Parser:
    """``qq_connect.endpoints.<NAME>``: the public parser of one endpoint."""
    found: Parser = getattr(qq_connect.endpoints, name.upper())
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


def findings(name: str, body: bytes, format: str, *, reference: bool = False) -> list[Finding]:
    """Every finding of the contract check for one body (``reference``: jsonschema's verdict)."""
    from qq_connect._contracts import CONTRACTS

    found = check_module().check_body(CONTRACTS[name], body, format, reference=reference)
    return [Finding(f.kind, f.pointer, f.message) for f in found]


def message_class(message: str) -> str:
    """A finding's message without the parser's detail: "unparseable JSON: …" → its head."""
    for head in ("unparseable JSON", "unusable XML"):
        if message.startswith(head):
            return head
    return message


# -- the spec's facts ------------------------------------------------------------------------


def field_named(e: Endpoint, name: str) -> Field | None:
    return next((f for f in e.fields if f.name == name), None)


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
    return tuple(f for f in e.success_fields if f.documented)


def example_only(e: Endpoint) -> tuple[Field, ...]:
    return tuple(f for f in e.fields if not f.documented)


# -- values per field kind -------------------------------------------------------------------

TEXTS = ("", "success", "请先登录", "昵称 Peter", "http://qzapp.qlogo.cn/qzapp/1/AB/30", "男")


def sample_value(e: Endpoint, f: Field, index: int = 0) -> Any:
    """A valid value of the field's kind, as its wire type sends it (no drift)."""
    if f.kind == "text":
        return TEXTS[index % len(TEXTS)]
    if f.kind == "return_code":
        return 0
    if f.kind == "flag":
        return index % 2
    if f.kind == "timestamp":
        return (0, 1313974842, 1359507642)[index % 3]
    if f.kind == "level":
        return index % 8
    if f.kind == "code":
        return sorted(known_codes(f))[index % len(known_codes(f))]
    return (42, -3, 0)[index % 3]  # integer


# Values the schema refuses, per kind; each also breaks the kind as XML text.
BAD_VALUES: dict[str, tuple[Any, ...]] = {
    "return_code": ("abc", 1.5, "1.0"),
    "flag": (2, "2", -1, 1.5),
    "timestamp": (-1, "-1", "1e9", "abc"),
    "level": (-1, "x", 2.5),
    "code": (1.5, "abc"),
    "integer": ("abc", 1.5),
    "text": (),  # in XML every value is text; JSON alone can break a text field
}
BAD_JSON_ONLY: dict[str, tuple[Any, ...]] = {
    "return_code": (None, True), "flag": (True, None), "timestamp": (None,), "level": (None,),
    "code": (None, [1]), "integer": ({"a": 1},), "text": (5, None, ["x"], {"a": "b"}),
}


# -- documents and bodies --------------------------------------------------------------------


def xml_fields(body: bytes) -> dict[str, str]:
    """A flat XML answer (<data> with one element per field) as field → text.

    Only for our own well-formed captures and examples; the product's hardened parser is
    what the tests judge, this is the independent reading the JSON Schema validates.
    """
    root = ElementTree.fromstring(body)
    return {child.tag: child.text or "" for child in root}


def as_instance(body: bytes, format: str) -> Any:
    """What the JSON Schema judges: the JSON document, or the XML answer's fields as text."""
    return xml_fields(body) if format == "xml" else json.loads(body)


def _typed(e: Endpoint, fields: dict[str, str]) -> dict[str, Any]:
    """XML text back to the wire types the spec gives (for building JSON from XML)."""
    typed: dict[str, Any] = {}
    for name, text in fields.items():
        f = field_named(e, name)
        typed[name] = int(text) if f is not None and f.wire_type == "integer" else text
    return typed


def example_documents(e: Endpoint) -> list[tuple[str, dict[str, Any]]]:
    """The spec's examples of ``e`` as documents, by example name (JSON preferred)."""
    documents: dict[str, dict[str, Any]] = {}
    for example in sorted(e.examples, key=lambda x: x.format != "json"):
        if example.name in documents:
            continue
        if example.format == "json":
            documents[example.name] = dict(json.loads(example.body))
        else:
            documents[example.name] = _typed(e, xml_fields(example.body))
    return list(documents.items())


def success_document(e: Endpoint, *, complete: bool = True) -> dict[str, Any]:
    """A valid success answer: the spec's success example, else one built from field kinds.

    ``complete`` adds every field the example lacks, so no example-only field is missing.
    """
    document: dict[str, Any] = {}
    for _, example in example_documents(e):
        if str(example.get("ret")) == "0":
            document = dict(example)
            break
    document["ret"] = 0
    document.setdefault("msg", "")
    for index, f in enumerate(e.fields):
        if f.name not in document and (complete or f.documented):
            document[f.name] = sample_value(e, f, index)
    return document


def error_documents(e: Endpoint) -> list[tuple[str, dict[str, Any]]]:
    """Error answers: the spec's error examples, one listed code per category, an unlisted
    code (drift) and an empty message."""
    found = [(f"example_{name}", dict(document)) for name, document in example_documents(e)
             if str(document.get("ret")) != "0"]
    for category, code in sorted(listed_ret_per_category().items()):
        found.append((f"error_{category}", {"ret": code, "msg": f"错误 {code}"}))
    found.append(("error_unlisted_code", {"ret": UNLISTED_RET, "msg": "unlisted"}))
    found.append(("error_empty_msg", {"ret": LISTED_RETS[0], "msg": ""}))
    return found


def to_xml(document: dict[str, Any], root: str | None = None) -> bytes:
    """A flat XML answer; non-string values as their JSON text, names that are no XML names
    left out."""
    def text(value: Any) -> str:
        raw = value if isinstance(value, str) else json.dumps(value)
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    tag = root or API.xml_root
    inner = "".join(f"<{k}>{text(v)}</{k}>" for k, v in document.items() if k.isidentifier())
    return f'<?xml version="1.0" encoding="UTF-8"?><{tag}>{inner}</{tag}>'.encode()


def to_json(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


def encode(document: object, format: str) -> bytes:
    if format == "xml":
        assert isinstance(document, dict)
        return to_xml(document)
    return to_json(document)


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


def valid_documents(e: Endpoint) -> list[tuple[str, object]]:
    """Answers the schema accepts (some with drift), built from the spec."""
    success = success_document(e)
    documents: list[tuple[str, object]] = [
        ("success", success),
        ("documented_fields_only", success_document(e, complete=False)),
        ("unknown_field", {**success, "unknown_extra": "0"}),
    ]
    for f in e.success_fields:
        if f.kind == "code":
            documents.append((f"unknown_code_{f.name}",
                              {**success, f.name: max(known_codes(f)) + 1000}))
    documents += error_documents(e)
    return documents


def numeric_strings(e: Endpoint, document: dict[str, Any]) -> dict[str, Any]:
    """Every integer-wire field sent as a numeric string, as some proxies do."""
    return {name: str(value) if (f := field_named(e, name)) and f.wire_type == "integer"
            else value for name, value in document.items()}


def invalid_documents(e: Endpoint, format: str) -> list[tuple[str, object]]:
    """Answers the schema refuses, one broken thing each, built from the spec."""
    success = success_document(e)
    without = {name: {k: v for k, v in success.items() if k != name} for name in success}
    documents: list[tuple[str, object]] = [
        ("ret_missing", without["ret"]),
        ("msg_missing", {"ret": LISTED_RETS[0]}),
    ]
    if format == "json":
        documents.append(("top_level_array", [success]))
    for f in documented_success(e):
        documents.append((f"success_missing_{f.name}", without[f.name]))
    for f in e.fields:
        bad = BAD_VALUES[f.kind] + (BAD_JSON_ONLY[f.kind] if format == "json" else ())
        for index, value in enumerate(bad):
            documents.append((f"wrong_{f.name}_{index}", {**success, f.name: value}))
    return documents


def spec_cases(e: Endpoint) -> Iterator[Case]:
    for format in e.formats:
        for name, document in valid_documents(e):
            yield Case(e.name, "valid", name, format, encode(document, format), "spec")
        if format == "json":
            yield Case(e.name, "valid", "numeric_strings", format,
                       to_json(numeric_strings(e, success_document(e))), "spec")
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

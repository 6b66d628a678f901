"""1 and 2: response bytes → typed result, for every endpoint and every example body of the
spec (each encoding, success and error), against what a hand-written client would do.

The references use a bare model of the same fields (int, str or None, read from the
endpoint's wire model): JSON ``model_validate_json``; JSONP the same on the payload cut out
of the ``callback( … );`` wrapper by a plain slice; form ``parse_qsl`` then
``model_validate``; XML ``defusedxml`` then ``int()`` of each numeric child (plain
ElementTree and safe lxml as context). msgspec Structs of the same fields are the floor.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args
from urllib.parse import parse_qsl

import defusedxml.ElementTree as DefusedElementTree  # type: ignore[import-untyped]
import msgspec
from lxml import etree  # type: ignore[import-untyped]
from pydantic import BaseModel, create_model

import qq_connect
import qq_connect.endpoints

from .harness import Row, microseconds, paired, verdict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "spec" / "examples"
CORPUS = ROOT / "tests" / "hostile" / "corpus" / "refused"

ENCODINGS = ("json", "jsonp", "form", "xml")
SECTIONS = {"json": "1 decode JSON", "jsonp": "1 decode JSONP", "form": "1 decode form",
            "xml": "2 decode XML"}
# Ours against the target reference: throughput, at least this share of the reference's.
TARGETS = {"json": 0.7, "jsonp": 0.7, "form": 0.7, "xml": 1.5}
TARGET_REFERENCE = {"json": "bare pydantic `model_validate_json`",
                    "jsonp": "slice + bare pydantic `model_validate_json`",
                    "form": "`parse_qsl` + bare pydantic `model_validate`",
                    "xml": "defusedxml + int()"}

Endpoint = qq_connect.Endpoint[Any, Any]
Decode = Callable[[bytes], object]


def endpoints() -> list[Endpoint]:
    """Every endpoint the package exports, by its public names (lazy attributes welcome)."""
    module = qq_connect.endpoints
    found = (getattr(module, name) for name in getattr(module, "__all__", dir(module)))
    return [endpoint for endpoint in found if isinstance(endpoint, qq_connect.Endpoint)]


@dataclass(frozen=True)
class Example:
    """One example body of the spec: ``spec/examples/<endpoint>/<case>.<encoding>``."""

    endpoint: Endpoint
    path: Path

    @property
    def encoding(self) -> str:
        return self.path.suffix.removeprefix(".")

    @property
    def label(self) -> str:
        return f"{self.endpoint.name}/{self.path.name}"

    def body(self) -> bytes:
        return self.path.read_bytes()


def examples(encodings: Iterable[str] = ENCODINGS) -> list[Example]:
    """Every example body of every endpoint, in the given encodings."""
    wanted = set(encodings)
    return [Example(endpoint, path) for endpoint in endpoints()
            for path in sorted((EXAMPLES / endpoint.name).glob("*"))
            if path.suffix.removeprefix(".") in wanted]


# -- the bare tools ------------------------------------------------------------------------


def _is_text(annotation: object) -> bool:
    return annotation is str or any(_is_text(argument) for argument in get_args(annotation))


def field_types(endpoint: Endpoint) -> dict[str, type]:
    """The wire model's fields, each as the bare type a hand-written model would give it."""
    return {name: str if _is_text(info.annotation) else int
            for name, info in endpoint.wire_model.model_fields.items()}


def bare_model(endpoint: Endpoint) -> type[BaseModel]:
    """A hand-written pydantic model of the same fields: ``int | None`` or ``str | None``."""
    definitions: dict[str, Any] = {name: (kind | None, None)
                                   for name, kind in field_types(endpoint).items()}
    return create_model(f"Bare_{endpoint.name}", **definitions)


def bare_struct(endpoint: Endpoint) -> type[msgspec.Struct]:
    return msgspec.defstruct(f"Bare_{endpoint.name}", [
        (name, kind | None, None) for name, kind in field_types(endpoint).items()])


def jsonp_payload(body: bytes) -> bytes:
    """What a hand-written client does with ``callback( {...} );``: slice out the payload."""
    return body[body.index(b"(") + 1:body.rindex(b")")]


def form_pairs(body: bytes) -> dict[str, str]:
    return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))


def xml_values(root: Any, types: dict[str, type]) -> dict[str, Any]:
    """Each child's text, through ``int()`` where the field is a number."""
    return {child.tag: int(child.text or 0) if types.get(child.tag) is int else child.text
            for child in root}


def references(endpoint: Endpoint, encoding: str) -> dict[str, Decode]:
    """The bare contenders of one encoding, the target reference first."""
    plain = bare_model(endpoint)
    struct = bare_struct(endpoint)
    types = field_types(endpoint)
    target = TARGET_REFERENCE[encoding]
    if encoding == "json":
        decoder = msgspec.json.Decoder(struct, strict=False)
        return {target: plain.model_validate_json,
                "msgspec Struct (the floor)": decoder.decode}
    if encoding == "jsonp":
        decoder = msgspec.json.Decoder(struct, strict=False)
        return {target: lambda body: plain.model_validate_json(jsonp_payload(body)),
                "slice + msgspec Struct (the floor)":
                    lambda body: decoder.decode(jsonp_payload(body))}
    if encoding == "form":
        return {target: lambda body: plain.model_validate(form_pairs(body)),
                "`parse_qsl` + msgspec Struct (the floor)":
                    lambda body: msgspec.convert(form_pairs(body), struct, strict=False)}
    safe = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False)
    return {target: lambda body: xml_values(DefusedElementTree.fromstring(body), types),
            "ElementTree + int()": lambda body: xml_values(ElementTree.fromstring(body), types),
            "lxml (safe) + int()": lambda body: xml_values(etree.fromstring(body, safe), types)}


def ours(endpoint: Endpoint) -> Decode:
    """``Endpoint.parse``: the typed result, or the typed ApiError an error body means."""
    def parse(body: bytes) -> object:
        try:
            return endpoint.parse(body)
        except qq_connect.ApiError as error:
            return error
    return parse


def _bound(decode: Decode, body: bytes) -> Callable[[], object]:
    return lambda: decode(body)


def _failure(decode: Decode, body: bytes) -> str | None:
    """Why a contender cannot decode the body at all (then it is reported, not timed)."""
    try:
        decode(body)
    except Exception as error:  # any failure is the finding
        return type(error).__name__
    return None


# -- the rows --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    example: Example
    reference: str
    ours_seconds: float
    reference_seconds: float
    ratio: float


def _measure(example: Example, rounds: int, number: int) -> tuple[Measured | None, list[Row]]:
    """Ours against every reference of the example's encoding, in one set of paired rounds;
    the target reference's result, if it ran."""
    body = example.body()
    section = SECTIONS[example.encoding]
    parse = ours(example.endpoint)
    outcome = type(parse(body)).__name__ if _failure(parse, body) is None else None
    contenders = {"ours": parse, **references(example.endpoint, example.encoding)}
    broken = {name: why for name, decode in contenders.items()
              if (why := _failure(decode, body)) is not None}
    if "ours" in broken:
        return None, [Row(section, f"{example.label}: ours raises {broken['ours']}", "fails", "-",
                        "-", f"≥ {TARGETS[example.encoding]:g}×", "**no**", detail=True)]
    runnable = {name: call for name, call in contenders.items() if name not in broken}
    timings = paired({name: _bound(call, body) for name, call in runnable.items()},
                     number=number, rounds=rounds)
    measured: Measured | None = None
    rows: list[Row] = []
    target_reference = TARGET_REFERENCE[example.encoding]
    for reference in contenders:
        if reference == "ours":
            continue
        is_target = reference == target_reference
        goal = TARGETS[example.encoding]
        target = f"≥ {goal:g}×" if is_target else "-"
        measurement = f"{example.label} (→ {outcome}) vs {reference}"
        if reference in broken:
            rows.append(Row(section, measurement, "-", f"fails ({broken[reference]})", "-",
                            target, "-", detail=True))
            continue
        ratio = timings.ratio("ours", reference)
        if is_target:
            measured = Measured(example, reference, timings.median("ours"),
                                timings.median(reference), ratio)
        rows.append(Row(section, measurement, microseconds(timings.median("ours")),
                        microseconds(timings.median(reference)), f"{ratio:.2f}×", target,
                        verdict(ratio, goal) if is_target else "-", detail=True))
    return measured, rows


def _summary(encoding: str, measured: list[Measured], failed: int) -> Row:
    """The goal's row: the worst ratio over every endpoint and example body of the encoding."""
    goal = TARGETS[encoding]
    target = f"≥ {goal:g}×"
    section = SECTIONS[encoding]
    if not measured:
        return Row(section, f"every endpoint: no {encoding} body measured", "-", "-", "-",
                   target, "**no**")
    worst = min(measured, key=lambda m: m.ratio)
    middle = statistics.median(m.ratio for m in measured)
    broken = f", {failed} not measured (see below)" if failed else ""
    met = verdict(worst.ratio, goal) if not failed else "**no**"
    return Row(section, f"every endpoint: worst of {len(measured)} {encoding} bodies "
               f"({worst.example.label}) vs {TARGET_REFERENCE[encoding]}; median "
               f"{middle:.2f}×{broken}", microseconds(worst.ours_seconds),
               microseconds(worst.reference_seconds), f"{worst.ratio:.2f}×", target, met)


def rejects_every_xml_attack() -> Row:
    """Every XML body of the refused hostile corpus raises DecodeError from its endpoint."""
    by_name = {endpoint.name: endpoint for endpoint in endpoints()}
    paths = sorted(CORPUS.glob("*/*.xml"))  # refused/<endpoint>/<attack>.xml
    wrong = []
    for path in paths:
        endpoint = by_name.get(path.parent.name)
        if endpoint is None:
            continue
        try:
            endpoint.parse(path.read_bytes().replace(b"WATCHPORT", b"9"))
        except qq_connect.DecodeError:
            continue
        except Exception as error:  # refused, but not as the typed error
            wrong.append(f"{path.name} raises {type(error).__name__}")
            continue
        wrong.append(f"{path.name} accepted")
    return Row(SECTIONS["xml"], f"rejects every XML body ({len(paths)}) of "
               "tests/hostile/corpus/refused with DecodeError", "yes" if not wrong else
               f"no: {', '.join(wrong)}", "-", "-", "all",
               verdict(float(not wrong), 1.0))


def rows(rounds: int, number: int, encodings: Iterable[str] = ENCODINGS) -> list[Row]:
    """Per encoding: the goal's summary row, then one row per example body and reference."""
    result = []
    for encoding in encodings:
        measured: list[Measured] = []
        details: list[Row] = []
        failed = 0
        for example in examples([encoding]):
            found, lines = _measure(example, rounds, number)
            details += lines
            if found is None:  # ours, or the target reference, fails on it
                failed += 1
            else:
                measured.append(found)
        result.append(_summary(encoding, measured, failed))
        result += details
        if encoding == "xml":
            result.append(rejects_every_xml_attack())
    return result

"""1 and 2: response bytes → typed result, JSON and XML, against bare tools."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as DefusedElementTree
import msgspec
from lxml import etree
from pydantic import BaseModel, create_model

import qq_connect
from qq_connect.endpoints import GET_VIP_RICH_INFO

from .harness import Row, microseconds, paired, verdict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "spec" / "examples" / "get_vip_rich_info"
CORPUS = ROOT / "tests" / "hostile" / "corpus" / "refused"
FIELDS = [name for name in GET_VIP_RICH_INFO.wire_model.model_fields]
TEXT_FIELDS = {"msg"}


def _ours(body: bytes) -> Callable[[], object]:
    def call() -> object:
        try:
            return GET_VIP_RICH_INFO.parse(body)
        except qq_connect.ApiError as error:
            return error
    return call


def _plain_model() -> type[BaseModel]:
    definitions: dict[str, Any] = {
        name: ((str if name in TEXT_FIELDS else int) | None, None) for name in FIELDS}
    return create_model("Plain", **definitions)


def _struct() -> Any:
    return msgspec.defstruct("Plain", [(name, (str if name in TEXT_FIELDS else int) | None, None)
                                       for name in FIELDS])


def _convert(fields: dict[str, str | None]) -> dict[str, Any]:
    return {name: (text if name in TEXT_FIELDS else int(text or 0))
            for name, text in fields.items()}


def _tree_fields(root: Any) -> dict[str, str | None]:
    return {child.tag: child.text for child in root}


def json_rows(rounds: int, number: int) -> list[Row]:
    plain = _plain_model()
    decoder = msgspec.json.Decoder(_struct())
    rows = []
    for name in ("success.json", "not_logged_in.json"):
        body = (EXAMPLES / name).read_bytes()
        timings = paired({
            "ours": _ours(body),
            "pydantic": lambda body=body: plain.model_validate_json(body),
            "msgspec": lambda body=body: decoder.decode(body),
        }, number=number, rounds=rounds)
        ratio = timings.ratio("ours", "pydantic")
        rows.append(Row("1 decode JSON", f"{name} vs bare pydantic",
                        microseconds(timings.median("ours")),
                        microseconds(timings.median("pydantic")), f"{ratio:.2f}×", "≥ 0.7×",
                        verdict(ratio, 0.7)))
        rows.append(Row("1 decode JSON", f"{name} vs msgspec Struct (the floor)",
                        microseconds(timings.median("ours")),
                        microseconds(timings.median("msgspec")),
                        f"{timings.ratio('ours', 'msgspec'):.2f}×", "-", "-"))
    return rows


def _rejects_every_attack() -> bool:
    for path in sorted(CORPUS.glob("*/*.xml")):  # refused/<endpoint>/<attack>.xml
        body = path.read_bytes().replace(b"WATCHPORT", b"9")
        try:
            GET_VIP_RICH_INFO.parse(body)
        except qq_connect.DecodeError:
            continue
        return False
    return True


def xml_rows(rounds: int, number: int) -> list[Row]:
    body = (EXAMPLES / "success.xml").read_bytes()
    safe = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False)
    contenders: dict[str, Callable[[], object]] = {
        "ours": _ours(body),
        "ElementTree": lambda: _convert(_tree_fields(ElementTree.fromstring(body))),
        "defusedxml": lambda: _convert(_tree_fields(DefusedElementTree.fromstring(body))),
        "lxml (safe)": lambda: _convert(_tree_fields(etree.fromstring(body, safe))),
    }
    timings = paired(contenders, number=number, rounds=rounds)
    rejects = _rejects_every_attack()
    rows = []
    for reference in ("defusedxml", "ElementTree", "lxml (safe)"):
        ratio = timings.ratio("ours", reference)
        target = "≥ 1.5×" if reference == "defusedxml" else "-"
        met = verdict(ratio, 1.5) if reference == "defusedxml" else "-"
        rows.append(Row("2 decode XML", f"success.xml vs {reference} + int()",
                        microseconds(timings.median("ours")),
                        microseconds(timings.median(reference)), f"{ratio:.2f}×", target, met))
    rows.append(Row("2 decode XML", "rejects every XML attack of tests/hostile/corpus",
                    "yes" if rejects else "NO", "-", "-", "all", verdict(float(rejects), 1.0)))
    return rows

"""Generated capture corpora: valid, mutated and hostile bodies, reproducible from a seed.

Everything comes from the spec (``from_spec``): the endpoints, the formats each offers,
the kind of each field, the code tables and the return codes. Used by the differential
test (fast judge vs jsonschema), the check command's tests and the benchmarks.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

from generator.model import Endpoint, Field
from tests.contract.from_spec import (
    BAD_JSON_ONLY,
    BAD_VALUES,
    ENDPOINTS,
    LISTED_RETS,
    TEXTS,
    UNLISTED_RET,
    documented_success,
    example_only,
    known_codes,
    success_document,
    to_json,
    to_xml,
)

__all__ = ["HOSTILE_JSON", "HOSTILE_XML", "WRONG_VALUES", "bodies", "jsonl_lines",
           "targeted_bodies", "to_xml"]

WRONG_VALUES: list[Any] = [
    True, False, None, 1.5, -0.5, "abc", "1.0", " 1", "1\n", "-0", "00", "", [], {}, [1],
    {"a": 1}, -1, 2, 10**30, -(10**30), 1e300, float("nan"), float("inf"), "٣", "0x10",
    "1e3", 0.0, 1.0, "0", "1", "-1", "+1", 5, 0,
]
HOSTILE_JSON = [
    b"", b"   ", b"[]", b"[1, 2]", b"0", b'"ret"', b"null", b"true",
    b'{"ret":0,"msg":"","is_qq_vip"', b'callback( {"ret":0,"msg":""} );\n',
    b"<html><body>502 Bad Gateway</body></html>", b"\xef\xbb\xbf{\"ret\":1002,\"msg\":\"x\"}",
    b'{"ret":1002,"msg":"a","msg":"b"}', b'{"ret":1002,"ret":0,"msg":"dup"}',
    b"[" * 5000 + b"]" * 5000, b'{"ret":' + b"9" * 5000 + b',"msg":""}',
    b'{"ret":1002,"msg":"\xff\xfe"}', b'{"ret":NaN,"msg":""}', b'{"ret":Infinity,"msg":""}',
    b'{"ret":1e400,"msg":""}', b'{"ret":-0.0,"msg":""}', b'{"ret":0.0,"msg":""}',
    b'{"ret":"0\\n","msg":""}', b'{"ret":1002,"msg":"\\ud800"}',
]
HOSTILE_XML = [
    b'<!DOCTYPE data [<!ENTITY a "aaaaaaaa">]><data><ret>&a;</ret></data>',
    b"<other><ret>0</ret><msg/></other>", b"<data><ret><x>0</x></ret></data>",
    b"<data><ret>0</ret><ret>1</ret><msg/></data>", b"<data><ret>0</ret>",
    b'<?xml version="1.0" encoding="GBK"?><data><ret>1</ret><msg>x</msg></data>',
    b"<data><ret>1002</ret><msg><![CDATA[<b>]]></msg></data>", b"", b"<",
    b"<data><!-- c --><ret> 0</ret><msg/></data>", b"<data><ret>0</ret><msg/><?pi x?></data>",
]
ERROR_RETS = (*LISTED_RETS[:: max(1, len(LISTED_RETS) // 6)], UNLISTED_RET)


def field_value(rng: random.Random, field: Field) -> Any:
    """A value of the field's kind; sometimes drift (a numeric string, an unknown code)."""
    if field.kind == "text":
        return rng.choice([*TEXTS, "a \"quoted\" \\ text", "\u2028"])
    if field.kind == "flag":
        number = rng.randint(0, 1)
    elif field.kind in ("timestamp", "level"):
        number = rng.choice([0, 0, rng.randint(1, 2_000_000_000)])
    elif field.kind == "code":
        number = rng.choice([*sorted(known_codes(field)), rng.randint(-5, 500)])
    elif field.kind == "return_code":
        number = rng.choice([0, *ERROR_RETS])
    else:
        number = rng.randint(-100, 200_000)
    return str(number) if rng.random() < 0.15 else number


def valid_document(rng: random.Random, endpoint: Endpoint) -> dict[str, Any]:
    msg = next(f for f in endpoint.fields if f.name == "msg")
    if rng.random() < 0.25:
        return {"ret": rng.choice(ERROR_RETS), "msg": field_value(rng, msg)}
    document: dict[str, Any] = {}
    for field in endpoint.fields:
        if field.documented or rng.random() < 0.8:
            document[field.name] = field_value(rng, field)
    document["ret"] = 0
    return document


def mutate(rng: random.Random, document: dict[str, Any]) -> dict[str, Any]:
    mutated = dict(document)
    for _ in range(rng.randint(1, 3)):
        action = rng.random()
        name = rng.choice(sorted(mutated) or ["ret"])
        if action < 0.2:
            mutated.pop(name, None)
        elif action < 0.8:
            mutated[name] = rng.choice(WRONG_VALUES)
        else:
            mutated[rng.choice(["is_svip", "extra", "a/b", "~x"])] = rng.choice(WRONG_VALUES)
    return mutated


def targeted_bodies(endpoint: Endpoint) -> Iterator[tuple[str, bytes]]:
    """(format, body) pairs that give every error and drift the contract check knows, as far
    as the endpoint's fields allow, in each format the endpoint offers."""
    success = success_document(endpoint)
    documents: list[dict[str, Any]] = [
        {"msg": ""},  # ret missing
        {"ret": LISTED_RETS[0]},  # msg missing
        {**success, "unknown_extra": 1},  # field not in the spec
        {"ret": UNLISTED_RET, "msg": "x"},  # ret not in the tables
    ]
    for field in documented_success(endpoint):  # documented field missing on success
        documents.append({k: v for k, v in success.items() if k != field.name})
    if example_only(endpoint):  # example-only field missing
        documents.append(success_document(endpoint, complete=False))
    for field in endpoint.success_fields:
        if field.kind == "code":  # code not in the table
            documents.append({**success, field.name: max(known_codes(field)) + 1000})
    for format in endpoint.formats:
        wrong = [{**success, f.name: value} for f in endpoint.fields
                 for value in BAD_VALUES[f.kind][:1]
                 + (BAD_JSON_ONLY[f.kind][:1] if format == "json" else ())]
        for document in documents + wrong:
            yield format, to_xml(document) if format == "xml" else to_json(document)
        if format == "json":
            yield format, b"[]"  # not an object
            yield format, b'{"ret":0,'  # unparseable
            yield format, b'{"ret":1002,"msg":"a","msg":"b"}'  # duplicate key
            yield format, to_json({**success, "ret": "0"})  # a numeric string
        else:
            yield format, b"<data><ret>0</ret>"  # unusable


def bodies(count: int, seed: int = 0) -> Iterator[tuple[str, str, bytes]]:
    """``count`` (endpoint, format, body) triples: about half valid, a third mutated, the rest
    hostile; a fifth of the parseable ones as XML where the endpoint offers XML."""
    rng = random.Random(seed)
    endpoints = sorted(ENDPOINTS, key=lambda e: e.name)
    for _ in range(count):
        endpoint = rng.choice(endpoints)
        xml = "xml" in endpoint.formats
        roll = rng.random()
        if roll < 0.08 or (roll < 0.1 and not xml):
            yield endpoint.name, "json", rng.choice(HOSTILE_JSON)
            continue
        if roll < 0.1:
            yield endpoint.name, "xml", rng.choice(HOSTILE_XML)
            continue
        document = valid_document(rng, endpoint)
        if roll > 0.55:
            document = mutate(rng, document)
        if xml and rng.random() < 0.2:
            yield endpoint.name, "xml", to_xml(document)
        else:
            yield endpoint.name, "json", json.dumps(
                document, ensure_ascii=rng.random() < 0.5).encode()


def jsonl_lines(count: int, seed: int = 0) -> Iterator[str]:
    """The same corpus as JSON Lines envelopes (bodies that are not UTF-8 are skipped)."""
    for endpoint, format, body in bodies(count, seed):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            continue
        yield json.dumps({"endpoint": endpoint, "format": format, "body": text},
                         ensure_ascii=False) + "\n"

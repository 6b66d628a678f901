"""Generated capture corpora: valid, mutated and hostile bodies, reproducible from a seed.

Used by the differential test (fast judge vs jsonschema) and by the benchmarks.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

from qq_connect._check import Contract
from qq_connect._contracts import CONTRACTS

WRONG_VALUES: list[Any] = [
    True, False, None, 1.5, -0.5, "abc", "1.0", " 1", "1\n", "-0", "00", "", [], {}, [1],
    {"a": 1}, -1, 2, 10**30, -(10**30), 1e300, float("nan"), float("inf"), "٣", "0x10",
    "1e3", 0.0, 1.0, "0", "1", "-1", "+1",
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


def field_value(rng: random.Random, contract: Contract, name: str) -> Any:
    rule = contract.fields[name]
    if rule.kind == "text":
        return rng.choice(["", "success", "请先登录", "a \"quoted\" \\ text", "\u2028"])
    if rule.kind == "flag":
        number = rng.randint(0, 1)
    elif rule.kind in ("timestamp", "level"):
        number = rng.choice([0, 0, rng.randint(1, 2_000_000_000)])
    elif rule.kind == "code":
        number = rng.choice([*(rule.known_codes or {0}), 0, rng.randint(-5, 500)])
    else:
        number = rng.randint(-100, 200_000)
    return str(number) if rng.random() < 0.15 else number


def valid_document(rng: random.Random, contract: Contract) -> dict[str, Any]:
    if rng.random() < 0.25:
        return {"ret": rng.choice([1002, 100030, -73, 1001, 13002, 424242]),
                "msg": field_value(rng, contract, "msg")}
    document: dict[str, Any] = {}
    for name, rule in contract.fields.items():
        if rule.documented or rng.random() < 0.8:
            document[name] = field_value(rng, contract, name)
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


def to_xml(document: dict[str, Any]) -> bytes:
    def text(value: Any) -> str:
        raw = value if isinstance(value, str) else json.dumps(value)
        return raw.replace("&", "&amp;").replace("<", "&lt;")
    inner = "".join(f"<{k}>{text(v)}</{k}>" for k, v in document.items()
                    if k.isidentifier())
    return f'<?xml version="1.0" encoding="UTF-8"?><data>{inner}</data>'.encode()


def bodies(count: int, seed: int = 0) -> Iterator[tuple[str, str, bytes]]:
    """``count`` (endpoint, format, body) triples: about half valid, a third mutated, the rest
    hostile; a fifth of the parseable ones as XML."""
    rng = random.Random(seed)
    names = sorted(CONTRACTS)
    for _ in range(count):
        endpoint = rng.choice(names)
        contract = CONTRACTS[endpoint]
        roll = rng.random()
        if roll < 0.08:
            yield endpoint, "json", rng.choice(HOSTILE_JSON)
            continue
        if roll < 0.1:
            yield endpoint, "xml", rng.choice(HOSTILE_XML)
            continue
        document = valid_document(rng, contract)
        if roll > 0.55:
            document = mutate(rng, document)
        if rng.random() < 0.2:
            yield endpoint, "xml", to_xml(document)
        else:
            yield endpoint, "json", json.dumps(document, ensure_ascii=rng.random() < 0.5).encode()


def jsonl_lines(count: int, seed: int = 0) -> Iterator[str]:
    """The same corpus as JSON Lines envelopes (bodies that are not UTF-8 are skipped)."""
    for endpoint, format, body in bodies(count, seed):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            continue
        yield json.dumps({"endpoint": endpoint, "format": format, "body": text},
                         ensure_ascii=False) + "\n"

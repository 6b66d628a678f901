"""Generated capture corpora: valid, mutated and hostile bodies, reproducible from a seed.

Everything comes from the spec (``from_spec``): the endpoints, the encodings each declares
(JSON, XML, JSONP, form), its error shape, the kind, wire type and presence of each field,
the code tables and the return codes. Used by the differential test (fast judge vs
jsonschema), the check command's tests and the benchmarks.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from generator.model import Endpoint, Field
from tests.bodies import JSON_LIKE, to_form, to_json
from tests.contract.from_spec import (
    BAD_JSON_ONLY,
    BAD_VALUES,
    ENDPOINTS,
    LISTED_RETS,
    TEXTS,
    UNLISTED_RET,
    documented_success,
    encode,
    error_document,
    example_only,
    json_numbers,
    known_codes,
    message_field,
    numeric_strings,
    success_document,
    to_xml,
)

__all__ = ["HOSTILE", "HOSTILE_FORM", "HOSTILE_JSON", "HOSTILE_JSONP", "HOSTILE_XML",
           "WRONG_VALUES", "bodies", "encode_randomly", "jsonl_lines", "targeted_bodies",
           "to_xml"]

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
    b'{"error":100013}', b'{"error":"abc","error_description":"x"}',
    b'{"error":100013,"error":0,"error_description":"dup"}', b'{"error":1.5}',
    b'{"error":100013,}', b"{'error': 100013}", b'{"ret":0,"msg":""} trailing',
    b'{"error":100013,"error_description":"x"}\n{"error":0}',
]
HOSTILE_XML = [
    b'<!DOCTYPE data [<!ENTITY a "aaaaaaaa">]><data><ret>&a;</ret></data>',
    b"<other><ret>0</ret><msg/></other>", b"<data><ret><x>0</x></ret></data>",
    b"<data><ret>0</ret><ret>1</ret><msg/></data>", b"<data><ret>0</ret>",
    b'<?xml version="1.0" encoding="GBK"?><data><ret>1</ret><msg>x</msg></data>',
    b"<data><ret>1002</ret><msg><![CDATA[<b>]]></msg></data>", b"", b"<",
    b"<data><!-- c --><ret> 0</ret><msg/></data>", b"<data><ret>0</ret><msg/><?pi x?></data>",
]
HOSTILE_JSONP = [
    b"", b"callback", b"callback(", b'callback( {"error":100019,"error_description":"x"',
    b'callback( {"error":100019,"error_description":"x"} ',
    b'jsonp1( {"error":100019,"error_description":"x"} );\n',
    b'Callback( {"error":100019,"error_description":"x"} );\n',
    b'callback( [{"error":100019,"error_description":"x"}] );\n', b'callback( "x" );',
    b"callback( );", b"callback( null );",
    b'callback( {"error":100019,"error_description":"x"} );alert(1)',
    b'callback( {"error":100019,"error_description":"x"} ); x()',
    b'callback( {"error":100019,"error_description":"x"} );\n<html></html>',
    b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
    b'{"error":100013,"error_description":"not wrapped"}',
    b'callback( {"error":100013,"error":0,"error_description":"dup"} );',
    b'callback( {"error":100013} );\n', b'callback( {"error":"abc","error_description":""} );',
    b'callback( {"error":1e400,"error_description":""} );', b"callback( {} );",
    b'callback( {"client_id":"1","openid":"\xff"} );', b"callback(" + b"[" * 5000 + b")",
    b'\xef\xbb\xbfcallback( {"error":100013,"error_description":"bom"} );\n',
    b'callback ( {"error":100013,"error_description":"spaced"} ) ;',
    b'callback({"error":100013,"error_description":"tight"})',
]
HOSTILE_FORM = [
    b"", b"=", b"&", b"a", b"a=b&a=c", b"access_token=x&&expires_in=1", b"a=%FF",
    b"access_token=%C3%28&expires_in=1&refresh_token=y", b"a=b;c=d", b"a b=c", b"a=b c",
    b"<html><body>502 Bad Gateway</body></html>", b'callback( {"error":100019} );',
    b'{"access_token":"x"}', b"1a=b", b"a=" + b"9" * 5000,
    b"&".join(b"k%d=v" % i for i in range(100)),
    b"error=100019&error_description=code%20to%20access%20token%20error",
    b"error=100019", b"error=abc&error_description=x",
    b"access_token=x&expires_in=7776000&refresh_token=y\n",
    b"access_token=x&expires_in=%2D1&refresh_token=y",
    b"access_token=x&expires_in=7776000&expires_in=5184000&refresh_token=y",
    b"\xef\xbb\xbfaccess_token=x&expires_in=7776000&refresh_token=y",
    b"access_token=x&expires_in=7776000&refresh_token=y&",
]
HOSTILE: Mapping[str, list[bytes]] = {"json": HOSTILE_JSON, "xml": HOSTILE_XML,
                                      "jsonp": HOSTILE_JSONP, "form": HOSTILE_FORM}
ERROR_RETS = (*LISTED_RETS[:: max(1, len(LISTED_RETS) // 6)], UNLISTED_RET)
# One digit more than Python turns into an int (0: no limit, no such body).
digits = sys.get_int_max_str_digits() and sys.get_int_max_str_digits() + 1
# The deepest nesting the client's JSON parser reads (pydantic's limit).
MAX_NESTING = 200


def field_value(rng: random.Random, field: Field, drifty: bool = True) -> Any:
    """A value of the field's kind; when ``drifty``, sometimes drift (the other wire type:
    a numeric string for a number, a number for a numeric string; an unknown code)."""
    if field.kind == "text":
        return rng.choice([*TEXTS, "a \"quoted\" \\ text", "\u2028", "a=b&c", "%FF"])
    if field.kind == "flag":
        number = rng.randint(0, 1)
    elif field.kind in ("timestamp", "level"):
        number = rng.choice([0, 0, rng.randint(1, 2_000_000_000)])
    elif field.kind == "duration":
        number = rng.choice([7776000, 5184000, 0, rng.randint(1, 2_000_000_000)])
    elif field.kind == "code":
        number = rng.choice([*sorted(known_codes(field)), rng.randint(-5, 500)])
    elif field.kind == "return_code":
        number = rng.choice([0, *ERROR_RETS])
    else:
        number = rng.randint(-100, 200_000)
    as_string = field.wire_type == "string"
    if drifty and rng.random() < 0.15:
        as_string = not as_string
    return str(number) if as_string else number


def valid_document(rng: random.Random, endpoint: Endpoint) -> dict[str, Any]:
    """A failure (a quarter) or a success of the endpoint's shape; a third of them with drift
    of wire types, some without optional or example-only fields."""
    shape = endpoint.errors
    drifty = rng.random() < 0.35
    if rng.random() < 0.25:
        code: int | str = rng.choice(ERROR_RETS)
        if drifty and rng.random() < 0.5:
            code = str(code)
        return error_document(endpoint, code,
                              field_value(rng, message_field(endpoint), drifty))
    complete = rng.random() < 0.6
    document: dict[str, Any] = {}
    for field in endpoint.fields:
        if field.presence == "on_error" or field.name == shape.code_field:
            continue
        if field.documented or complete or rng.random() < 0.8:
            document[field.name] = field_value(rng, field, drifty)
    if shape.always_present:
        document = {shape.code_field: 0, **document}
    return document


def mutate(rng: random.Random, endpoint: Endpoint, document: dict[str, Any]) -> dict[str, Any]:
    mutated = dict(document)
    shape = endpoint.errors
    extras = ["is_svip", "extra", "a/b", "~x", shape.code_field, shape.message_field]
    for _ in range(rng.randint(1, 3)):
        action = rng.random()
        name = rng.choice(sorted(mutated) or [shape.code_field])
        if action < 0.2:
            mutated.pop(name, None)
        elif action < 0.8:
            mutated[name] = rng.choice(WRONG_VALUES)
        else:
            mutated[rng.choice(extras)] = rng.choice(WRONG_VALUES)
    return mutated


def encode_randomly(rng: random.Random, document: dict[str, Any], format: str) -> bytes:
    """``document`` in ``format``, with the harmless variations real bodies show."""
    if format == "xml":
        return _vary_xml(rng, to_xml(document))
    if format == "form":
        return to_form(document)
    text = json.dumps(document, ensure_ascii=rng.random() < 0.5).encode()
    if format == "json":
        return text
    before, after = rng.choice([(b"callback( ", b" );\n"), (b"callback(", b")"),
                                (b"callback (", b") ;"), (b"callback( ", b" );")])
    return before + text + after


def _vary_xml(rng: random.Random, body: bytes) -> bytes:
    """Ways servers write the same XML: no declaration, indented, empty elements closed."""
    if rng.random() < 0.2:
        body = body.split(b"?>", 1)[1]
    elif rng.random() < 0.1:
        body = body.replace(b'"UTF-8"', b'"utf-8"', 1)
    if rng.random() < 0.2:
        body = re.sub(rb"><(?!/)", b">\n  <", body)  # before each opening tag
    if rng.random() < 0.2:
        body = re.sub(rb"<([A-Za-z_][A-Za-z0-9_]*)></\1>", rb"<\1/>", body)
    return body


def targeted_bodies(endpoint: Endpoint) -> Iterator[tuple[str, bytes]]:
    """(format, body) pairs that give every error and drift the contract check knows, as far
    as the endpoint's fields allow, in each encoding the endpoint declares."""
    shape = endpoint.errors
    code, message = shape.code_field, shape.message_field
    success = success_document(endpoint)
    failure = error_document(endpoint, LISTED_RETS[0], "x")
    documents: list[dict[str, Any]] = [
        {code: LISTED_RETS[0]},  # message missing
        {**success, "unknown_extra": 1},  # field not in the spec
        error_document(endpoint, UNLISTED_RET, "x"),  # code not in the tables
    ]
    if shape.always_present:  # code missing
        documents.append({k: v for k, v in success.items() if k != code})
    for field in documented_success(endpoint):  # documented field missing on success
        documents.append({k: v for k, v in success.items() if k != field.name})
    if example_only(endpoint):  # example-only field missing
        documents.append(success_document(endpoint, complete=False))
    for field in endpoint.success_fields:
        if field.kind == "code":  # code not in the table
            documents.append({**success, field.name: max(known_codes(field)) + 1000})
    for format in endpoint.encodings:
        json_like = format in JSON_LIKE
        wrong = [{**(failure if f.presence == "on_error" else success), f.name: value}
                 for f in endpoint.fields
                 for value in BAD_VALUES[f.kind][:1] + (BAD_JSON_ONLY[f.kind][:1]
                                                        if json_like else ())]
        # Numeric strings longer than Python reads (the schema's patterns have no bound).
        too_long = [{**(failure if f.presence == "on_error" else success),
                     f.name: "0" * (digits - 1) + "1"}
                    for f in endpoint.fields if f.kind != "text" and digits]
        for document in documents + wrong + too_long:
            yield format, encode(document, format)
        if json_like:
            # The other wire type: numbers as numeric strings, numeric strings as numbers.
            yield format, encode(numeric_strings(endpoint, success), format)
            yield format, encode(json_numbers(endpoint, success), format)
            yield format, encode(error_document(endpoint, str(LISTED_RETS[0]), "x"), format)
            head = to_json(failure)[:-1]  # the failure's object, left open
            # Duplicate keys, of the code and of the message; then a truncated object.
            yield format, _wrap(format, head + b', "%s": %d}' % (code.encode(), LISTED_RETS[1]))
            yield format, _wrap(format, head + b', "%s": "again"}' % message.encode())
            yield format, _wrap(format, head + b",")
            # What Python's json reads and the client does not: deep nesting, lone surrogates.
            depth = MAX_NESTING + 1
            yield format, _wrap(format, head + b', "extra": %s%s}' % (b"[" * depth, b"]" * depth))
            yield format, _wrap(format, head + b', "extra": "\\ud800"}')
            # Nested objects, with and without a repeated key inside (no duplicate at the top).
            yield format, _wrap(format, head + b', "extra": {"a": 1, "b": [{"c": 2}]}}')
            yield format, _wrap(format, head + b', "extra": {"a": 1, "a": 2}}')
            # What json reads and msgspec does not (NaN), alone and repeating the code.
            yield format, _wrap(format, head + b', "extra": NaN}')
            yield format, _wrap(format, head + b', "%s": Infinity}' % code.encode())
        if format == "json":
            yield format, b"[]"  # not an object
        elif format == "jsonp":
            yield format, b"callback( [] );\n"  # JSONP must wrap an object
            yield format, b'other( {"a": 1} );\n'  # another callback
        elif format == "form":
            yield format, to_form(failure) + b"&" + to_form(failure)  # repeated keys
        else:
            yield format, b"<data><ret>0</ret>"  # unusable


def _wrap(format: str, json_text: bytes) -> bytes:
    return json_text if format == "json" else b"callback( " + json_text + b" );\n"


def bodies(count: int, seed: int = 0) -> Iterator[tuple[str, str, bytes]]:
    """``count`` (endpoint, format, body) triples in the encodings each endpoint declares:
    about half valid, a third mutated, a tenth hostile."""
    rng = random.Random(seed)
    endpoints = sorted(ENDPOINTS, key=lambda e: e.name)
    for _ in range(count):
        endpoint = rng.choice(endpoints)
        format = rng.choice(endpoint.encodings)
        roll = rng.random()
        if roll < 0.1:
            yield endpoint.name, format, rng.choice(HOSTILE[format])
            continue
        document = valid_document(rng, endpoint)
        if roll > 0.55:
            document = mutate(rng, endpoint, document)
        yield endpoint.name, format, encode_randomly(rng, document, format)


def jsonl_lines(count: int, seed: int = 0) -> Iterator[str]:
    """``count`` lines of the same corpus as JSON Lines envelopes (bodies that are not UTF-8
    are skipped, and more drawn in their place)."""
    written = 0
    for endpoint, format, body in bodies(2 * count, seed):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            continue
        yield json.dumps({"endpoint": endpoint, "format": format, "body": text},
                         ensure_ascii=False) + "\n"
        written += 1
        if written == count:
            return

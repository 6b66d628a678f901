"""What the client tests derive from the spec, and the calls they share.

Nothing here names an endpoint, a method, a format or a return code: each comes from
``spec/`` (through ``tests/fakes/graph.py`` for the endpoints).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

import qq_connect
from tests.client.credentials import OPENID, TOKEN
from tests.fakes.graph import SPEC, SpecEndpoint, load_endpoints

SPEC_ENDPOINTS = load_endpoints()
assert SPEC_ENDPOINTS, f"no endpoint listed in {SPEC / 'api.yaml'}"


@dataclass(frozen=True)
class Category:
    """A category of return codes (spec/return_codes.yaml) and the codes that stand for it.

    ``codes``: the first positive and the first negative code the table lists for it (the
    gateway's codes are negative); for the unknown category, codes no table lists.
    """

    name: str
    exception: str
    retryable: bool
    codes: tuple[int, ...]

    @property
    def code(self) -> int:
        return self.codes[0]

    def __str__(self) -> str:
        return self.name


def _return_codes() -> tuple[dict[int, str], dict[int, str], tuple[Category, ...]]:
    table = yaml.safe_load(Path(SPEC, "return_codes.yaml").read_text(encoding="utf-8"))
    meanings = {row["code"]: row["zh"] for row in table["codes"]}
    category_names = {row["code"]: row["category"] for row in table["codes"]}
    first_codes: dict[tuple[str, bool], int] = {}
    for row in table["codes"]:
        first_codes.setdefault((row["category"], row["code"] < 0), row["code"])
    unlisted: tuple[int, ...] = (max(meanings) + 424242, min(meanings) - 424242)
    categories = []
    for row in table["categories"]:
        if row["name"] == table["unknown_category"]:
            codes = unlisted
        else:
            codes = tuple(first_codes[row["name"], negative] for negative in (False, True)
                          if (row["name"], negative) in first_codes)
            assert codes, f"no code of category {row['name']}"
        categories.append(Category(row["name"], row["exception"], row["retryable"], codes))
    return meanings, category_names, tuple(categories)


MEANINGS, _CATEGORY_NAMES, CATEGORIES = _return_codes()
RETRYABLE = next((c for c in CATEGORIES if c.retryable), None)
NOT_RETRYABLE = next((c for c in CATEGORIES if not c.retryable), None)


def category_of(ret: int) -> Category:
    """The category spec/return_codes.yaml gives ``ret``."""
    (found,) = (category for category in CATEGORIES if category.name == _CATEGORY_NAMES[ret])
    return found


def retryable_category() -> Category:
    """A category the spec marks retryable, or skip."""
    if RETRYABLE is None:
        pytest.skip("no category of spec/return_codes.yaml is retryable")
    return RETRYABLE


def non_retryable_category() -> Category:
    """A category the spec does not mark retryable, or skip."""
    if NOT_RETRYABLE is None:
        pytest.skip("every category of spec/return_codes.yaml is retryable")
    return NOT_RETRYABLE


def some_endpoint(method: str | None = None, format: str | None = None) -> SpecEndpoint:
    """The first endpoint of the spec, or the first that takes ``method`` and answers ``format``.

    Skips the test when no endpoint of the spec does.
    """
    for endpoint in SPEC_ENDPOINTS:
        if (method is None or method in endpoint.methods) and (
                format is None or format in endpoint.formats):
            return endpoint
    wanted = " and ".join(part for part in (method and f"takes {method}",
                                             format and f"answers {format}") if part)
    pytest.skip(f"no endpoint of the spec {wanted}")


def require_method(endpoint: SpecEndpoint, method: str) -> None:
    """Skip unless the spec says ``endpoint`` takes ``method``."""
    if method not in endpoint.methods:
        pytest.skip(f"{endpoint.name} does not take {method} (spec methods: {endpoint.methods})")


def require_format(endpoint: SpecEndpoint, format: str) -> None:
    """Skip unless the spec says ``endpoint`` answers ``format``."""
    if format not in endpoint.formats:
        pytest.skip(f"{endpoint.name} does not answer {format} (spec formats: {endpoint.formats})")


def generated_endpoint(endpoint: SpecEndpoint) -> qq_connect.Endpoint[Any, Any]:
    """``qq_connect.endpoints.<NAME>`` of a spec endpoint, checked against the spec."""
    made: qq_connect.Endpoint[Any, Any] = getattr(qq_connect.endpoints, endpoint.name.upper())
    assert (made.name, made.path) == (endpoint.name, endpoint.path)
    return made


def call(client: qq_connect.QQConnect, endpoint: SpecEndpoint, method: str | None = None,
         format: str | None = None, **options: Any) -> Any:
    """Call the client's method of ``endpoint`` with the test credentials.

    Without ``method`` or ``format``, the first the spec lists for the endpoint.
    """
    return getattr(client, endpoint.name)(TOKEN, OPENID, method=method or endpoint.methods[0],
                                          format=format or endpoint.formats[0], **options)


def call_raw(client: qq_connect.QQConnect, endpoint: SpecEndpoint, method: str | None = None,
             format: str | None = None, **options: Any) -> qq_connect.RawResponse[Any]:
    """``call`` through ``with_raw_response``."""
    raw: qq_connect.RawResponse[Any] = getattr(client.with_raw_response, endpoint.name)(
        TOKEN, OPENID, method=method or endpoint.methods[0],
        format=format or endpoint.formats[0], **options)
    return raw


def error_body(format: str, ret: int, msg: str) -> bytes:
    """An error answer with ``ret`` and ``msg``, as graph.qq.com writes it in ``format``."""
    if format == "json":
        return json.dumps({"ret": ret, "msg": msg}, ensure_ascii=False).encode()
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<data>\n<ret>{ret}</ret>\n'
            f"<msg>{msg}</msg>\n</data>\n").encode()


def with_extra_fields(endpoint: SpecEndpoint, format: str, **extra: str | int) -> bytes:
    """The endpoint's success example in ``format`` with more fields, unknown to the spec.

    The values go into XML as they are: give none with ``<`` or ``&``.
    """
    assert not set(extra) & {field.name for field in endpoint.fields}
    example = endpoint.example("success", format)
    if format == "json":
        return json.dumps({**json.loads(example), **extra}, ensure_ascii=False).encode()
    end = example.rindex(b"</data>")
    added = "".join(f"<{name}>{value}</{name}>\n" for name, value in extra.items())
    return example[:end] + added.encode() + example[end:]


def answer_fields(body: bytes, format: str) -> dict[str, str]:
    """The top-level fields of an answer (one the tests wrote or the spec holds), as text."""
    if format == "json":
        return {name: str(value) for name, value in json.loads(body).items()}
    return {child.tag: child.text or "" for child in ElementTree.fromstring(body)}

"""Successful answers served over HTTP, all as text/html: the body alone picks the parser."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr

import qq_connect
from tests.client.support import (
    answer_fields,
    call,
    call_raw,
    decode_answer,
    encode_answer,
    fields_by,
    format_for,
    generated_endpoint,
    require_format,
    success_example,
)
from tests.fakes.graph import CONTENT_TYPE, Answer, FakeGraph, SpecEndpoint


def test_success_example_parses_into_the_result_model(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint, method: str,
        format: str) -> None:
    example = success_example(endpoint, format)
    made = generated_endpoint(endpoint)
    graph.script(endpoint.path, Answer(example))

    result = call(client, endpoint, method, format)

    assert type(result) is made.result_model
    assert result == made.parse(example)
    assert result.retries_taken == 0
    # Every field of the example made it into the result, none left over as unknown; the
    # error shape's fields are not part of a result.
    shape = endpoint.errors
    sent = set(answer_fields(example, format)) - {shape.code_field}
    assert sent <= set(result.model_dump())
    assert not result.model_extra


def test_raw_response_shows_the_bytes_served_as_html(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint, method: str,
        format: str) -> None:
    example = success_example(endpoint, format)
    graph.script(endpoint.path, Answer(example))

    raw = call_raw(client, endpoint, method, format)

    assert raw.status_code == 200
    assert raw.headers["content-type"] == CONTENT_TYPE
    assert raw.content == example
    assert raw.elapsed > 0 and raw.retries_taken == 0
    parsed = raw.parse()
    assert parsed == generated_endpoint(endpoint).parse(example)
    assert parsed.retries_taken == 0
    assert raw.request.endpoint == endpoint.name and raw.request.method == method


def test_every_format_gives_an_equal_result(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str) -> None:
    if len(endpoint.formats) < 2:
        pytest.skip(f"{endpoint.name} answers only {endpoint.formats[0]}")
    examples = {format: success_example(endpoint, format) for format in endpoint.formats}
    graph.script(endpoint.path, *(Answer(body) for body in examples.values()))
    results = [call(client, endpoint, method, format) for format in examples]
    for one, other in itertools.pairwise(results):
        assert one == other
        assert one.model_dump() == other.model_dump()


def test_parser_follows_the_body_not_the_format_asked_for(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        format: str) -> None:
    others = [other for other in endpoint.formats if other != format]
    if not others:
        pytest.skip(f"{endpoint.name} answers only {format}: nothing else to ask for")
    example = success_example(endpoint, format)
    graph.script(endpoint.path, Answer(example))
    assert call(client, endpoint, format=others[0]) == generated_endpoint(endpoint).parse(example)


def test_numbers_parse_alike_as_json_numbers_and_numeric_strings(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str) -> None:
    """Integers the page types as numbers may come as strings, and numbers it types as
    strings ("1") may come as numbers: the result is the same."""
    require_format(endpoint, "json")
    example = json.loads(success_example(endpoint, "json"))
    numeric = {f.name for f in endpoint.fields if f.wire_type == "integer" or f.kind not in (
        "text", "return_code")} & set(example)
    if not numeric:
        pytest.skip(f"the success example of {endpoint.name} has no numeric field")
    numbers = {name: int(value) if name in numeric else value
               for name, value in example.items()}
    strings = {name: str(value) if name in numeric else value
               for name, value in example.items()}
    graph.script(endpoint.path, Answer(json.dumps(numbers, ensure_ascii=False).encode()),
                 Answer(json.dumps(strings, ensure_ascii=False).encode()))

    from_numbers = call(client, endpoint, method, "json")
    from_strings = call(client, endpoint, method, "json")

    assert from_strings == from_numbers
    assert from_numbers == generated_endpoint(endpoint).parse(success_example(endpoint, "json"))


def test_a_success_message_is_not_a_failure(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        format: str) -> None:
    """Some proxies put "success" in ``msg`` of a successful answer."""
    example = decode_answer(success_example(endpoint, format), format)
    message = endpoint.errors.message_field
    if message not in example:
        pytest.skip(f"{endpoint.name}'s answers carry {message} only on failure")
    graph.script(endpoint.path, Answer(encode_answer({**example, message: "success"}, format)))
    assert getattr(call(client, endpoint, format=format), message) == "success"


def test_fields_that_mark_degraded_data_set_is_degraded(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint) -> None:
    format = endpoint.formats[0]
    example = decode_answer(success_example(endpoint, format), format)
    marking = fields_by(endpoint, lambda field: field.marks_degraded)
    assert all(int(example[name]) == 0 for name in marking), "the example is degraded"
    graph.script(endpoint.path, Answer(encode_answer(example, format)))
    assert call(client, endpoint, format=format).is_degraded is False
    for name in marking:
        graph.script(endpoint.path, Answer(encode_answer({**example, name: 1}, format)))
        result = call(client, endpoint, format=format)
        assert getattr(result, name) is True
        assert result.is_degraded is True
    assert len(graph.requests) == 1 + len(marking)


def test_durations_are_timedeltas_and_expiry_counts_from_the_answer(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        format: str) -> None:
    durations = fields_by(endpoint, lambda field: field.kind == "duration")
    if not durations:
        pytest.skip(f"{endpoint.name} answers no duration")
    example = answer_fields(success_example(endpoint, format), format)
    graph.script(endpoint.path, Answer(success_example(endpoint, format)))
    before = datetime.now(UTC)
    result = call(client, endpoint, format=format)
    after = datetime.now(UTC)
    for name in durations:
        assert getattr(result, name) == timedelta(seconds=int(example[name]))
    assert before <= result.received_at <= after
    assert result.received_at.utcoffset() == timedelta(0)
    (expiry,) = fields_by(endpoint, lambda field: field.marks_expiry)
    assert result.expires_at == result.received_at + getattr(result, expiry)
    assert result.expires_at.utcoffset() == timedelta(0)


def test_secret_fields_are_secret_strings_and_identities_hidden_in_reprs(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        encoding: str) -> None:
    """Every successful example: fields the spec marks ``sensitive: secret`` come as
    ``SecretStr``, ``sensitive: identity`` ones show as ``<redacted>``; neither in reprs."""
    shown = 0
    for example in endpoint.examples:
        fields = answer_fields(example.body, example.format)
        if example.format != encoding or endpoint.errors.is_failure(fields):
            continue
        sensitive = {f.name: f.sensitive for f in endpoint.fields
                     if f.sensitive and fields.get(f.name)}
        if not sensitive:
            continue
        graph.script(endpoint.path, Answer(example.body))
        result = call(client, endpoint, format=format_for(endpoint, encoding))
        for name, kind in sensitive.items():
            value = getattr(result, name)
            if kind == "secret":
                assert isinstance(value, SecretStr)
                assert value.get_secret_value() == fields[name]
            else:
                assert value == fields[name]
                assert f"{name}='<redacted>'" in repr(result)
            for text in (repr(result), str(result)):
                assert fields[name] not in text, (example.name, name, text)
        shown += 1
    if not shown:
        pytest.skip(f"no successful example of {endpoint.name} in {encoding} has a field "
                    "the spec marks sensitive")

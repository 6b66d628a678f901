"""Successful answers served over HTTP, all as text/html: the body alone picks the parser."""

from __future__ import annotations

import json

import pytest

import qq_connect
from tests.client.support import call, call_raw, generated_endpoint, require_format
from tests.fakes.graph import CONTENT_TYPE, Answer, FakeGraph, SpecEndpoint


def test_success_example_parses_into_the_result_model(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint, method: str,
        format: str) -> None:
    example = endpoint.example("success", format)
    made = generated_endpoint(endpoint)
    graph.script(endpoint.path, Answer(example))

    result = call(client, endpoint, method, format)

    assert type(result) is made.result_model
    assert result == made.parse(example)
    assert result.retries_taken == 0
    # Every field of the example made it into the result, none left over as unknown.
    fields = {field.name for field in endpoint.fields} - {"ret"}
    assert fields <= set(result.model_dump())
    assert not result.model_extra


def test_raw_response_shows_the_bytes_served_as_html(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint, method: str,
        format: str) -> None:
    example = endpoint.example("success", format)
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


def test_json_and_xml_answers_give_equal_results(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str) -> None:
    require_format(endpoint, "json")
    require_format(endpoint, "xml")
    graph.script(endpoint.path, Answer(endpoint.example("success", "json")),
                 Answer(endpoint.example("success", "xml")))
    from_json = call(client, endpoint, method, "json")
    from_xml = call(client, endpoint, method, "xml")
    assert from_json == from_xml
    assert from_json.model_dump() == from_xml.model_dump()


def test_parser_follows_the_body_not_the_format_asked_for(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        format: str) -> None:
    others = [other for other in endpoint.formats if other != format]
    if not others:
        pytest.skip(f"{endpoint.name} answers only {format}: nothing else to ask for")
    example = endpoint.example("success", format)
    graph.script(endpoint.path, Answer(example))
    assert call(client, endpoint, format=others[0]) == generated_endpoint(endpoint).parse(example)


def test_numeric_strings_parse_like_integers(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str) -> None:
    require_format(endpoint, "json")
    numbers = json.loads(endpoint.example("success", "json"))
    numbers["msg"] = "success"
    integers = {field.name for field in endpoint.fields if field.wire_type == "integer"}
    assert integers and integers <= set(numbers)
    assert all(type(numbers[name]) is int for name in integers)
    strings = {name: str(value) if name in integers else value
               for name, value in numbers.items()}
    graph.script(endpoint.path,
                 Answer(json.dumps(numbers, ensure_ascii=False).encode()),
                 Answer(json.dumps(strings, ensure_ascii=False).encode()))

    from_numbers = call(client, endpoint, method, "json")
    from_strings = call(client, endpoint, method, "json")

    assert from_strings == from_numbers
    assert from_strings.model_dump() == from_numbers.model_dump()
    from_example = generated_endpoint(endpoint).parse(endpoint.example("success", "json"))
    assert from_numbers.model_dump() == {**from_example.model_dump(), "msg": "success"}


def test_fields_that_mark_degraded_data_set_is_degraded(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint) -> None:
    require_format(endpoint, "json")
    example = json.loads(endpoint.example("success", "json"))
    marking = [field.name for field in endpoint.fields if field.marks_degraded]
    assert all(example[name] == 0 for name in marking), "the success example is not degraded"
    graph.script(endpoint.path, Answer(json.dumps(example).encode()))
    assert call(client, endpoint, format="json").is_degraded is False
    for name in marking:
        graph.script(endpoint.path, Answer(json.dumps({**example, name: 1}).encode()))
        result = call(client, endpoint, format="json")
        assert getattr(result, name) is True
        assert result.is_degraded is True
    assert len(graph.requests) == 1 + len(marking)

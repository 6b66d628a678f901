"""Successful answers served over HTTP, all as text/html: the body alone picks the parser."""

from __future__ import annotations

import json

import pytest

import qq_connect
from tests.e2e.support import APP_ID, OPENID, TOKEN, call, generated_endpoint
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
    fields = set(json.loads(endpoint.example("success", "json"))) - {"ret"}
    assert fields <= set(result.model_dump())
    assert not result.model_extra


def test_raw_response_shows_the_bytes_served_as_html(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint, method: str,
        format: str) -> None:
    example = endpoint.example("success", format)
    graph.script(endpoint.path, Answer(example))

    raw = getattr(client.with_raw_response, endpoint.name)(TOKEN, OPENID, method=method,
                                                           format=format)

    assert raw.status_code == 200
    assert raw.headers["content-type"] == CONTENT_TYPE
    assert raw.content == example
    assert raw.parse() == generated_endpoint(endpoint).parse(example)
    assert raw.request.endpoint == endpoint.name and raw.request.method == method


def test_json_and_xml_answers_give_equal_results(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str) -> None:
    graph.script(endpoint.path, Answer(endpoint.example("success", "json")),
                 Answer(endpoint.example("success", "xml")))
    from_json = call(client, endpoint, method, "json")
    from_xml = call(client, endpoint, method, "xml")
    assert from_json == from_xml
    assert from_json.model_dump() == from_xml.model_dump()


@pytest.mark.parametrize("served", ["json", "xml"])
def test_parser_follows_the_body_not_the_format_asked_for(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        served: str) -> None:
    asked = "xml" if served == "json" else "json"
    example = endpoint.example("success", served)
    graph.script(endpoint.path, Answer(example))
    assert call(client, endpoint, "GET", asked) == generated_endpoint(endpoint).parse(example)


def test_numeric_strings_parse_like_integers(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str) -> None:
    numbers = json.loads(endpoint.example("success", "json"))
    numbers["msg"] = "success"
    assert all(type(value) is int for name, value in numbers.items() if name != "msg")
    strings = {name: str(value) for name, value in numbers.items()}
    graph.script(endpoint.path,
                 Answer(json.dumps(numbers, ensure_ascii=False).encode()),
                 Answer(json.dumps(strings, ensure_ascii=False).encode()))

    from_numbers = call(client, endpoint, method)
    from_strings = call(client, endpoint, method)

    assert from_strings == from_numbers
    assert from_strings.model_dump() == from_numbers.model_dump()
    from_example = generated_endpoint(endpoint).parse(endpoint.example("success", "json"))
    assert from_numbers.model_dump() == {**from_example.model_dump(), "msg": "success"}


@pytest.mark.anyio
async def test_async_client_parses_the_same_answers(
        graph: FakeGraph, endpoint: SpecEndpoint, method: str, format: str) -> None:
    example = endpoint.example("success", format)
    graph.script(endpoint.path, Answer(example))
    async with qq_connect.AsyncQQConnect(APP_ID, base_url=graph.url, timeout=5.0,
                                         max_retries=0) as client:
        result = await getattr(client, endpoint.name)(TOKEN, OPENID, method=method,
                                                      format=format)
    assert result == generated_endpoint(endpoint).parse(example)
    assert len(graph.requests) == 1


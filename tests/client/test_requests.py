"""What the client puts on the wire, as a real HTTP server receives it."""

from __future__ import annotations

from urllib.parse import parse_qsl

import yaml

import qq_connect
from tests.client.credentials import APP_ID, OPENID, TOKEN, expected_parameters
from tests.client.support import call, generated_endpoint, require_method
from tests.fakes.graph import SPEC, FakeGraph, Recorded, SpecEndpoint


def only_request(graph: FakeGraph) -> Recorded:
    requests = graph.requests
    assert len(requests) == 1, requests
    return requests[0]


def test_spec_lists_the_endpoints_found_on_disk() -> None:
    api = yaml.safe_load((SPEC / "api.yaml").read_text(encoding="utf-8"))
    listed = sorted((SPEC / relative).resolve() for relative in api["endpoints"])
    assert listed == sorted(path.resolve() for path in (SPEC / "endpoints").glob("*.yaml"))


def test_generated_endpoint_matches_the_spec(endpoint: SpecEndpoint) -> None:
    made = generated_endpoint(endpoint)
    assert made.methods == endpoint.methods
    assert made.formats == endpoint.formats
    assert callable(getattr(qq_connect.QQConnect, endpoint.name))
    assert callable(getattr(qq_connect.AsyncQQConnect, endpoint.name))


def test_get_sends_the_exact_query_string(client: qq_connect.QQConnect, graph: FakeGraph,
                                          endpoint: SpecEndpoint, format: str) -> None:
    require_method(endpoint, "GET")
    call(client, endpoint, "GET", format)
    sent = only_request(graph)
    assert sent.method == "GET"
    assert sent.path == endpoint.path
    assert sent.query == expected_parameters(format)
    assert sent.target == f"{endpoint.path}?{expected_parameters(format)}"
    assert sent.body == b""
    assert sent.header("Content-Type") is None


def test_post_sends_the_exact_form_body(client: qq_connect.QQConnect, graph: FakeGraph,
                                        endpoint: SpecEndpoint, format: str) -> None:
    require_method(endpoint, "POST")
    call(client, endpoint, "POST", format)
    sent = only_request(graph)
    assert sent.method == "POST"
    assert sent.target == endpoint.path  # no query string, not even a bare "?"
    assert sent.query == ""
    assert sent.header("Content-Type") == "application/x-www-form-urlencoded"
    assert sent.body == expected_parameters(format).encode("ascii")
    assert sent.header("Content-Length") == str(len(sent.body))


def test_the_server_decodes_the_values_that_were_passed(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint, method: str,
        format: str) -> None:
    call(client, endpoint, method, format)
    sent = only_request(graph)
    encoded = sent.query if method == "GET" else sent.body.decode("ascii")
    assert parse_qsl(encoded, keep_blank_values=True, strict_parsing=True,
                     encoding="utf-8", errors="strict") == [
        ("access_token", TOKEN), ("oauth_consumer_key", APP_ID), ("openid", OPENID),
        ("format", format)]

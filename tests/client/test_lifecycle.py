"""Who closes what, and which connections are reused, seen from the server."""

from __future__ import annotations

import httpx

import qq_connect
from tests.client.credentials import APP_ID, APP_KEY
from tests.client.support import call
from tests.fakes.graph import FakeGraph, SpecEndpoint


def test_context_manager_reuses_and_closes_its_own_connection(
        graph: FakeGraph, endpoint: SpecEndpoint) -> None:
    assert graph.wait_for_open_connections(0) == 0
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url, max_retries=0) as client:
        for method in (*endpoint.methods, *endpoint.methods):
            call(client, endpoint, method)
        # One kept-alive connection, reused by every call.
        assert graph.wait_for_open_connections(1) == 1
    assert graph.wait_for_open_connections(0) == 0
    requests = graph.requests
    assert len(requests) == 2 * len(endpoint.methods)
    assert len({request.peer for request in requests}) == 1


def test_close_closes_its_own_http_client(graph: FakeGraph, endpoint: SpecEndpoint) -> None:
    assert graph.wait_for_open_connections(0) == 0
    client = qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url, max_retries=0)
    call(client, endpoint)
    assert graph.wait_for_open_connections(1) == 1
    client.close()
    assert graph.wait_for_open_connections(0) == 0


def test_caller_supplied_http_client_stays_open(graph: FakeGraph,
                                               endpoint: SpecEndpoint) -> None:
    assert graph.wait_for_open_connections(0) == 0
    with httpx.Client() as http:
        with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url, max_retries=0,
                                  http_client=http) as client:
            call(client, endpoint)
        assert not http.is_closed
        assert graph.wait_for_open_connections(1) == 1
        # Still usable, by a new QQConnect and directly.
        with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url, max_retries=0,
                                  http_client=http) as client:
            call(client, endpoint, endpoint.methods[-1])
        assert not http.is_closed
        assert http.get(f"{graph.url}{endpoint.path}").status_code == 200
        assert graph.wait_for_open_connections(1) == 1
    assert http.is_closed
    assert graph.wait_for_open_connections(0) == 0
    assert len(graph.requests) == 3
    assert len({request.peer for request in graph.requests}) == 1

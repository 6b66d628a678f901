"""Who closes what, seen from the server: open connections of the client under test."""

from __future__ import annotations

import httpx

import qq_connect
from tests.e2e.support import APP_ID, assert_no_secrets, call
from tests.fakes.graph import FakeGraph, SpecEndpoint


def test_repr_of_the_client_hides_the_app_id(graph: FakeGraph) -> None:
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=0) as client:
        assert_no_secrets(client)
        assert graph.url in repr(client)
    with qq_connect.QQConnect(int(APP_ID), base_url=graph.url, max_retries=0) as client:
        assert_no_secrets(client)


def test_context_manager_closes_its_own_http_client(graph: FakeGraph,
                                                    endpoint: SpecEndpoint) -> None:
    assert graph.wait_for_open_connections(0) == 0
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=0) as client:
        call(client, endpoint)
        call(client, endpoint, "POST")
        # One kept-alive connection, reused by the second call.
        assert graph.wait_for_open_connections(1) == 1
    assert graph.wait_for_open_connections(0) == 0
    assert len(graph.requests) == 2


def test_close_closes_its_own_http_client(graph: FakeGraph, endpoint: SpecEndpoint) -> None:
    assert graph.wait_for_open_connections(0) == 0
    client = qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=0)
    call(client, endpoint)
    assert graph.wait_for_open_connections(1) == 1
    client.close()
    assert graph.wait_for_open_connections(0) == 0


def test_caller_supplied_http_client_stays_open(graph: FakeGraph,
                                               endpoint: SpecEndpoint) -> None:
    assert graph.wait_for_open_connections(0) == 0
    with httpx.Client() as http:
        with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=0,
                                  http_client=http) as client:
            call(client, endpoint)
        assert not http.is_closed
        assert graph.wait_for_open_connections(1) == 1
        # Still usable, by a new QQConnect and directly.
        with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=0,
                                  http_client=http) as client:
            call(client, endpoint, "POST")
        assert not http.is_closed
        assert http.get(f"{graph.url}{endpoint.path}?format=json").status_code == 200
        assert graph.wait_for_open_connections(1) == 1
    assert http.is_closed
    assert graph.wait_for_open_connections(0) == 0
    assert len(graph.requests) == 3

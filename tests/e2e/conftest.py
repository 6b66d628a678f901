"""Fixtures of the e2e tests: one fake graph.qq.com per session, a fresh script per test.

Tests that take ``endpoint`` run once per endpoint of the spec; with ``method`` and/or
``format`` too, once per method and/or format that endpoint's YAML lists.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

import qq_connect
from tests.e2e.support import APP_ID
from tests.fakes.graph import SPEC, FakeGraph, load_endpoints

SPEC_ENDPOINTS = load_endpoints()
assert SPEC_ENDPOINTS, f"no endpoint listed in {SPEC / 'api.yaml'}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "endpoint" not in metafunc.fixturenames:
        return
    axes = [name for name in ("method", "format") if name in metafunc.fixturenames]
    cases = []
    for endpoint in SPEC_ENDPOINTS:
        choices = [endpoint.methods if axis == "method" else endpoint.formats for axis in axes]
        for combination in itertools.product(*choices):
            cases.append(pytest.param(endpoint, *combination,
                                      id="-".join([endpoint.name, *combination])))
    metafunc.parametrize(["endpoint", *axes], cases)


@pytest.fixture(scope="session")
def server() -> Iterator[FakeGraph]:
    with FakeGraph() as graph:
        # Every path a test scripts is one of these, so the fake serves each of them.
        assert set(graph.examples) == {endpoint.path for endpoint in SPEC_ENDPOINTS}
        yield graph


@pytest.fixture
def graph(server: FakeGraph) -> Iterator[FakeGraph]:
    server.reset()
    yield server
    left = server.unconsumed()
    server.reset()
    assert not left, f"scripted answers never requested: {left}"


@pytest.fixture
def client(graph: FakeGraph) -> Iterator[qq_connect.QQConnect]:
    """A client without retries, so every call is exactly one request."""
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, timeout=5.0, max_retries=0) as made:
        yield made


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


"""Fixtures of the client tests: one fake graph.qq.com per session, a fresh script per test.

Tests that take ``endpoint`` run once per endpoint of the spec; with ``method``, ``format``
and/or ``encoding`` too, once per method, format (what a call may ask for) and/or encoding
(what an answer may come in) that endpoint's YAML lists; with ``category``, once per
category of spec/return_codes.yaml.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import AsyncIterator, Iterator
from types import SimpleNamespace

import anyio
import pytest

import qq_connect
import qq_connect._base_client  # only for ``sleeps``: the one private thing these tests touch
from tests.client.credentials import APP_ID, APP_KEY
from tests.client.support import CATEGORIES, SPEC_ENDPOINTS
from tests.fakes.graph import FakeGraph

# The policy of ``retrying_client``: the waits are recorded by ``sleeps``, never slept.
RETRYING = qq_connect.RetryPolicy(max_retries=2, initial_delay=0.01, max_delay=0.05)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "category" in metafunc.fixturenames:
        metafunc.parametrize("category", CATEGORIES, ids=str)
    if "endpoint" not in metafunc.fixturenames:
        return
    axes = [name for name in ("method", "format", "encoding") if name in metafunc.fixturenames]
    cases = []
    for endpoint in SPEC_ENDPOINTS:
        lists = {"method": endpoint.methods, "format": endpoint.formats,
                 "encoding": endpoint.encodings}
        choices = [lists[axis] for axis in axes]
        for combination in itertools.product(*choices):
            cases.append(pytest.param(endpoint, *combination,
                                      id="-".join([endpoint.name, *combination])))
    metafunc.parametrize(["endpoint", *axes], cases)


@pytest.fixture(scope="session")
def server() -> Iterator[FakeGraph]:
    with FakeGraph() as graph:
        yield graph


@pytest.fixture
def graph(server: FakeGraph) -> Iterator[FakeGraph]:
    """The fake, with no script and no recorded request; every scripted answer must be used."""
    server.reset()
    yield server
    left = server.unconsumed()
    server.reset()
    assert not left, f"scripted answers never requested: {left}"


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the clients' waits between retries instead of waiting.

    The one place that knows where the clients sleep; change it here when that moves.
    """
    waited: list[float] = []

    async def record(delay: float) -> None:
        waited.append(delay)

    fake_time = SimpleNamespace(sleep=waited.append, monotonic=time.monotonic, time=time.time)
    monkeypatch.setattr(qq_connect._base_client, "time", fake_time)
    # The deadline is kept by a real clock: a wait recorded takes no time.
    monkeypatch.setattr(qq_connect._base_client, "anyio",
                        SimpleNamespace(sleep=record, move_on_after=anyio.move_on_after))
    return waited


@pytest.fixture
def client(graph: FakeGraph) -> Iterator[qq_connect.QQConnect]:
    """A client without retries, so every call is exactly one request."""
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url, timeout=5.0,
                              max_retries=0) as made:
        yield made


@pytest.fixture
def retrying_client(graph: FakeGraph, sleeps: list[float]) -> Iterator[qq_connect.QQConnect]:
    """A client with ``RETRYING``; its waits go to ``sleeps``."""
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url, timeout=5.0,
                              max_retries=RETRYING) as made:
        yield made


@pytest.fixture
async def async_client(graph: FakeGraph) -> AsyncIterator[qq_connect.AsyncQQConnect]:
    """The async ``client``: no retries."""
    async with qq_connect.AsyncQQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url,
                                         timeout=5.0, max_retries=0) as made:
        yield made


@pytest.fixture
async def async_retrying_client(graph: FakeGraph, sleeps: list[float]
                                ) -> AsyncIterator[qq_connect.AsyncQQConnect]:
    """The async ``retrying_client``: ``RETRYING``, waits recorded in ``sleeps``."""
    async with qq_connect.AsyncQQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url,
                                         timeout=5.0, max_retries=RETRYING) as made:
        yield made


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"

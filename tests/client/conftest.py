from __future__ import annotations

import time
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

import qq_connect._base_client
from tests.client.values import APP_ID, FAST
from tests.fakes.graph import FakeGraph


@pytest.fixture(scope="session")
def server() -> Iterator[FakeGraph]:
    with FakeGraph() as graph:
        yield graph


@pytest.fixture
def graph(server: FakeGraph) -> Iterator[FakeGraph]:
    server.reset()
    yield server
    server.reset()


@pytest.fixture
def client(graph: FakeGraph) -> Iterator[qq_connect.QQConnect]:
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, timeout=2.0, max_retries=FAST) as made:
        yield made


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the sync client's waits between retries instead of waiting."""
    waited: list[float] = []
    fake_time = SimpleNamespace(sleep=waited.append, monotonic=time.monotonic, time=time.time)
    monkeypatch.setattr(qq_connect._base_client, "time", fake_time)
    return waited


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"

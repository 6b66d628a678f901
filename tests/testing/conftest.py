"""A fresh mock graph.qq.com per test, and clients that reach it through its transport.

The clients never retry, so each answer the mock gives is the one a call sees.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

import qq_connect
from qq_connect.testing import MockGraph
from tests.testing.calls import APP_ID, APP_KEY, NO_RETRIES


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def graph() -> MockGraph:
    return MockGraph()


@pytest.fixture
def client(graph: MockGraph) -> Iterator[qq_connect.QQConnect]:
    with qq_connect.QQConnect(APP_ID, APP_KEY, max_retries=NO_RETRIES,
                              transport=graph.transport) as made:
        yield made


@pytest.fixture
async def async_client(graph: MockGraph) -> AsyncIterator[qq_connect.AsyncQQConnect]:
    async with qq_connect.AsyncQQConnect(APP_ID, APP_KEY, max_retries=NO_RETRIES,
                                         transport=graph.transport) as made:
        yield made

"""Fixtures of the end-to-end tests: a fresh login flow and fake per test, the user's browser,
the app's callback, and the client under test, once sync and once async.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager
from typing import Any

import httpx
import pytest

import qq_connect
from tests.e2e.support import LOGGERS, TIMEOUT, Browser, Callback, Login, Watch
from tests.fakes.graph import FakeGraph
from tests.fakes.oauth import DEMO_APP, App, LoginFlow

# The demo app without the UnionID grant; callbacks on 127.0.0.1 too.
NO_UNIONID_APP = App("101000002", "fedcba9876543210fedcba9876543210", "http://127.0.0.1")

Connect = Callable[..., AbstractAsyncContextManager[Login]]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def flow() -> LoginFlow:
    return LoginFlow(DEMO_APP, NO_UNIONID_APP)


@pytest.fixture
def graph(flow: LoginFlow) -> Iterator[FakeGraph]:
    with FakeGraph(flow=flow) as graph:
        yield graph


@pytest.fixture
def callback() -> Iterator[Callback]:
    with Callback() as callback:
        yield callback


@pytest.fixture
def browser(callback: Callback, caplog: pytest.LogCaptureFixture) -> Iterator[Browser]:
    with httpx.Client(follow_redirects=True, max_redirects=3, timeout=TIMEOUT) as http:
        yield Browser(http, callback, caplog)


@pytest.fixture
def watch(caplog: pytest.LogCaptureFixture) -> Iterator[Watch]:
    """Every record of the client's loggers at DEBUG; no secret may show, checked at the end."""
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    watch = Watch(DEMO_APP.app_id, DEMO_APP.app_key, NO_UNIONID_APP.app_key)
    yield watch
    records = [*caplog.get_records("setup"), *caplog.get_records("call")]
    assert watch.shown, "the test showed nothing to check"
    leaks = watch.leaks(records)
    assert not leaks, "\n".join(leaks)
    assert any(record.name == "httpx" for record in records), "no request was logged"


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def connect(kind: str, graph: FakeGraph) -> Connect:
    """Open a client of ``kind`` on the fake: every endpoint's host replaced by the fake's."""

    @contextlib.asynccontextmanager
    async def open_client(app: App = DEMO_APP, app_key: str | None = None,
                          **options: Any) -> AsyncIterator[Login]:
        settings: dict[str, Any] = {"base_url": graph.url, "timeout": TIMEOUT,
                                    "max_retries": 0, **options}
        key = app.app_key if app_key is None else app_key
        if kind == "sync":
            with qq_connect.QQConnect(app.app_id, key, **settings) as client:
                yield Login(client)
        else:
            async with qq_connect.AsyncQQConnect(app.app_id, key, **settings) as async_client:
                yield Login(async_client)

    return open_client


@pytest.fixture
async def client(connect: Connect) -> AsyncIterator[Login]:
    """The demo app's client, without retries: each call is one request."""
    async with connect() as login:
        yield login

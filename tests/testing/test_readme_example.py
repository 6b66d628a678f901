"""The README's example of ``qq_connect.testing``: a user's own function, tested offline.

Keep it as the README shows it (section "Testing your code offline"): the function under
test, the fixtures and the tests are the ones a user would copy.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from qq_connect import AsyncQQConnect, DecodeError, QQConnect, TokenInvalidError
from qq_connect.testing import MockGraph


def vip_badge(client: QQConnect, access_token: str, openid: str) -> str:
    """Your code under test: the badge a profile page shows."""
    try:
        info = client.get_vip_info(access_token, openid)
    except TokenInvalidError:
        return "please log in again"
    return f"VIP {info.qq_vip_level}" if info.is_qq_vip else "not a VIP"


@pytest.fixture
def graph() -> MockGraph:
    return MockGraph()  # every endpoint answers its spec example until told otherwise


@pytest.fixture
def client(graph: MockGraph) -> Iterator[QQConnect]:
    with httpx.Client(transport=graph.transport) as http, \
            QQConnect(app_id="101234567", http_client=http) as client:
        yield client


def test_a_member_gets_a_badge(graph: MockGraph, client: QQConnect) -> None:
    assert vip_badge(client, "my-token", "my-openid") == "VIP 5"

    (request,) = graph.calls("get_vip_info")
    assert request.params["access_token"] == "my-token"
    assert "my-token" not in repr(request)  # secrets are masked in reprs


def test_an_expired_token_asks_to_log_in_again(graph: MockGraph, client: QQConnect) -> None:
    graph.answer("get_vip_info", error=100014)  # the next call only

    assert vip_badge(client, "my-token", "my-openid") == "please log in again"
    assert vip_badge(client, "my-token", "my-openid") == "VIP 5"


def test_an_undocumented_field_changes_nothing(graph: MockGraph, client: QQConnect) -> None:
    graph.answer("get_vip_info", "drift", always=True)  # every call

    assert vip_badge(client, "my-token", "my-openid") == "VIP 5"


def test_a_broken_answer_is_an_error(graph: MockGraph, client: QQConnect) -> None:
    graph.answer("get_vip_info", "malformed")

    with pytest.raises(DecodeError):
        vip_badge(client, "my-token", "my-openid")


@pytest.mark.anyio
async def test_the_async_client_takes_the_same_transport(graph: MockGraph) -> None:
    async with AsyncQQConnect(app_id="101234567", transport=graph.transport) as client:
        info = await client.get_vip_info("my-token", "my-openid", format="xml")
    assert info.qq_vip_level == 5

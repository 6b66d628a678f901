"""Browser URLs (api.yaml ``browser_urls``): built by the client, never fetched.

Each runs once per browser URL of the spec; its arguments, the pairs its URL carries and
the checks on them come from its parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

import qq_connect
from tests.client.credentials import APP_ID, APP_KEY, rfc1738
from tests.client.support import API_BASE_URL, Call, call_of
from tests.fakes.graph import FakeGraph, SpecBrowserUrl, load_browser_urls

BROWSER_URLS = load_browser_urls()

pytestmark = pytest.mark.skipif(not BROWSER_URLS, reason="the spec lists no browser URL")

CHECK_FAILURES: dict[str, list[str]] = {
    "non_empty": ["", "   "],
    "absolute_url": ["/qq/callback", "callback.html", "ftp://app.example.com/cb",
                     "https://app.example.com/cb#fragment"],
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "browser_url" in metafunc.fixturenames:
        metafunc.parametrize("browser_url", BROWSER_URLS, ids=str)


def build(client: qq_connect.QQConnect | qq_connect.AsyncQQConnect, url: SpecBrowserUrl,
          arguments: Call) -> str:
    method: Callable[..., str] = getattr(client, url.name)
    return method(*arguments.args, **arguments.kwargs)


def expected_url(base_url: str, url: SpecBrowserUrl, optional: bool = True) -> str:
    pairs = call_of(url, optional=optional).sent
    query = "&".join(f"{rfc1738(name)}={rfc1738(value)}" for name, value in pairs)
    return f"{base_url}{url.path}?{query}"


def with_argument(arguments: Call, url: SpecBrowserUrl, name: str, value: Any) -> Call:
    """``arguments`` with the argument ``name`` replaced, where it stands."""
    positional = [p.name for p in url.parameters if p.is_positional]
    args = tuple(value if positional[i] == name else given
                 for i, given in enumerate(arguments.args))
    kwargs = {key: value if key == name else given for key, given in arguments.kwargs.items()}
    return Call(args, kwargs, arguments.sent)


def test_the_url_carries_every_parameter_as_sent(browser_url: SpecBrowserUrl) -> None:
    """RFC 1738 encoding, lists comma-joined, choices as given; in the spec's order."""
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, max_retries=0) as client:
        built = build(client, browser_url, call_of(browser_url))
    assert built == expected_url(API_BASE_URL, browser_url)
    assert parse_qsl(urlsplit(built).query, strict_parsing=True) == list(
        call_of(browser_url).sent)
    assert APP_KEY not in built and rfc1738(APP_KEY) not in built


def test_optional_parameters_left_out_are_not_in_the_url(browser_url: SpecBrowserUrl) -> None:
    optional = [p.name for p in browser_url.parameters if p.is_argument and not p.required]
    if not optional:
        pytest.skip(f"every argument of {browser_url.name} is required")
    with qq_connect.QQConnect(APP_ID, max_retries=0) as client:
        built = build(client, browser_url, call_of(browser_url, optional=False))
    assert built == expected_url(API_BASE_URL, browser_url, optional=False)
    assert not {name for name, _ in parse_qsl(urlsplit(built).query)} & set(optional)


def test_a_base_url_is_the_host_and_nothing_is_fetched(graph: FakeGraph,
                                                       browser_url: SpecBrowserUrl) -> None:
    arguments = call_of(browser_url)
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=0) as client:
        built = build(client, browser_url, arguments)
    assert built == expected_url(graph.url, browser_url)
    assert graph.requests == []


@pytest.mark.anyio
async def test_the_async_client_builds_the_same_url(browser_url: SpecBrowserUrl) -> None:
    arguments = call_of(browser_url)
    with qq_connect.QQConnect(APP_ID, max_retries=0) as client:
        built = build(client, browser_url, arguments)
    async with qq_connect.AsyncQQConnect(APP_ID, max_retries=0) as async_client:
        assert build(async_client, browser_url, arguments) == built


def test_checked_arguments_refuse_bad_values(browser_url: SpecBrowserUrl) -> None:
    checked = [p for p in browser_url.parameters if p.is_argument and p.check]
    if not checked:
        pytest.skip(f"no argument of {browser_url.name} is checked")
    arguments = call_of(browser_url)
    with qq_connect.QQConnect(APP_ID, max_retries=0) as client:
        for parameter in checked:
            for bad in CHECK_FAILURES[parameter.check]:
                with pytest.raises(ValueError, match=parameter.name):
                    build(client, browser_url,
                          with_argument(arguments, browser_url, parameter.name, bad))


def test_list_arguments_refuse_a_single_string(browser_url: SpecBrowserUrl) -> None:
    lists = [p for p in browser_url.parameters if p.is_argument and p.type == "list"]
    if not lists:
        pytest.skip(f"no argument of {browser_url.name} is a list")
    arguments = call_of(browser_url)
    with qq_connect.QQConnect(APP_ID, max_retries=0) as client:
        for parameter in lists:
            with pytest.raises(TypeError, match=parameter.name):
                build(client, browser_url,
                      with_argument(arguments, browser_url, parameter.name, "a,b"))
            for bad in ([""], ["a,b"]):
                with pytest.raises(ValueError, match=parameter.name):
                    build(client, browser_url,
                          with_argument(arguments, browser_url, parameter.name, bad))

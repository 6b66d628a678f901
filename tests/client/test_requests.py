"""What the client puts on the wire, as a real HTTP server receives it.

The arguments of every call and the pairs its request must carry come from the endpoint's
parameters in the spec (``support.call_of``).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qsl

import httpx
import pytest
import yaml
from pydantic import SecretStr

import qq_connect
from tests.client.credentials import (
    APP_ID,
    APP_KEY,
    OPENID,
    OPENID_RFC1738,
    TOKEN,
    TOKEN_RFC1738,
    rfc1738,
)
from tests.client.support import (
    SPEC_ENDPOINTS,
    Call,
    call,
    call_of,
    default_url,
    expected_parameters,
    generated_endpoint,
    request_pairs,
    require_method,
)
from tests.fakes.graph import SPEC, FakeGraph, Recorded, SpecEndpoint, default_body


def only_request(graph: FakeGraph) -> Recorded:
    requests = graph.requests
    assert len(requests) == 1, requests
    return requests[0]


def sent_text(request: Recorded) -> str:
    return request.query if request.method == "GET" else request.body.decode("ascii")


def test_spec_lists_the_endpoints_found_on_disk() -> None:
    api = yaml.safe_load((SPEC / "api.yaml").read_text(encoding="utf-8"))
    listed = sorted((SPEC / relative).resolve() for relative in api["endpoints"])
    assert listed == sorted(path.resolve() for path in (SPEC / "endpoints").glob("*.yaml"))


def test_generated_endpoint_matches_the_spec(endpoint: SpecEndpoint) -> None:
    made = generated_endpoint(endpoint)
    assert made.methods == endpoint.methods
    assert made.formats == endpoint.formats
    assert made.encodings == endpoint.encodings
    assert made.retry_safe is endpoint.retry_safe
    assert made.base_url == endpoint.base_url
    assert made.format_parameter.name == endpoint.format_parameter.name
    for format in endpoint.formats:
        assert made.format_parameter.values.get(format) == endpoint.format_parameter.value(format)
    assert endpoint.errors.code_field == made.wire_model.CODE_FIELD
    assert endpoint.errors.message_field == made.wire_model.MESSAGE_FIELD
    assert callable(getattr(qq_connect.QQConnect, endpoint.name))
    assert callable(getattr(qq_connect.AsyncQQConnect, endpoint.name))


def test_the_tests_encode_like_rfc_1738() -> None:
    """The encoder these tests use, against the forms written out by hand."""
    assert (rfc1738(TOKEN), rfc1738(OPENID)) == (TOKEN_RFC1738, OPENID_RFC1738)


def test_get_sends_the_exact_query_string(client: qq_connect.QQConnect, graph: FakeGraph,
                                          endpoint: SpecEndpoint, format: str) -> None:
    require_method(endpoint, "GET")
    call(client, endpoint, "GET", format)
    sent = only_request(graph)
    expected = expected_parameters(endpoint, format)
    assert sent.method == "GET"
    assert sent.path == endpoint.path
    assert sent.query == expected
    assert sent.target == f"{endpoint.path}?{expected}"
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
    assert sent.body == expected_parameters(endpoint, format).encode("ascii")
    assert sent.header("Content-Length") == str(len(sent.body))


def test_the_server_decodes_the_values_that_were_passed(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint, method: str,
        format: str) -> None:
    call(client, endpoint, method, format)
    assert parse_qsl(sent_text(only_request(graph)), keep_blank_values=True,
                     strict_parsing=True, encoding="utf-8", errors="strict") == request_pairs(
        endpoint, format)


def test_optional_arguments_left_out_send_nothing(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint) -> None:
    optional = [p.name for p in endpoint.parameters if p.is_argument and not p.required]
    if not optional:
        pytest.skip(f"every argument of {endpoint.name} is required")
    format = endpoint.formats[0]
    call(client, endpoint, format=format, arguments=call_of(endpoint, optional=False))
    sent = sent_text(only_request(graph))
    assert sent == expected_parameters(endpoint, format, optional=False)
    assert not {name for name, _ in parse_qsl(sent)} & set(optional)


def test_secret_str_arguments_send_what_strings_send(
        client: qq_connect.QQConnect, graph: FakeGraph, endpoint: SpecEndpoint,
        method: str) -> None:
    """Results hand tokens out as ``SecretStr``: passed on as they are, they send their value."""
    arguments = call_of(endpoint, wrap=SecretStr)
    if not any(isinstance(value, SecretStr)
               for value in (*arguments.args, *arguments.kwargs.values())):
        pytest.skip(f"{endpoint.name} takes no secret string argument")
    call(client, endpoint, method, arguments=arguments)
    assert sent_text(only_request(graph)) == expected_parameters(endpoint, endpoint.formats[0])


def token_handoffs() -> Iterator[object]:
    """(result's endpoint, its secret field, the endpoint whose argument of that name takes
    it): how a login chains its calls, read from the spec."""
    for source in SPEC_ENDPOINTS:
        for field in source.fields:
            if field.sensitive != "secret":
                continue
            for target in SPEC_ENDPOINTS:
                if any(p.name == field.name and p.is_argument for p in target.parameters):
                    yield pytest.param(source, field.name, target,
                                       id=f"{source.name}.{field.name}-{target.name}")


@pytest.mark.parametrize(("source", "field", "target"), list(token_handoffs()))
def test_a_secret_from_a_result_goes_straight_into_the_next_call(
        client: qq_connect.QQConnect, graph: FakeGraph, source: SpecEndpoint, field: str,
        target: SpecEndpoint) -> None:
    result = call(client, source)
    handed = getattr(result, field)
    assert isinstance(handed, SecretStr)
    arguments = call_of(target)
    position = [p.name for p in target.parameters if p.is_positional]
    args = tuple(handed if position[i] == field else value
                 for i, value in enumerate(arguments.args))
    kwargs = {name: handed if name == field else value
              for name, value in arguments.kwargs.items()}
    call(client, target, arguments=Call(args, kwargs, arguments.sent))
    *_, sent = graph.requests
    assert (field, handed.get_secret_value()) in parse_qsl(sent_text(sent))


def answering(endpoint: SpecEndpoint, seen: list[httpx.Request]) -> httpx.MockTransport:
    """A transport that records each request and answers the success example it asks for."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        sent = dict(parse_qsl(request.url.query.decode("ascii") or
                              request.content.decode("ascii")))
        return httpx.Response(200, content=default_body(endpoint, sent))

    return httpx.MockTransport(handler)


def test_without_base_url_each_endpoint_goes_to_its_own_host(endpoint: SpecEndpoint,
                                                             method: str) -> None:
    seen: list[httpx.Request] = []
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, max_retries=0,
                              transport=answering(endpoint, seen)) as client:
        call(client, endpoint, method)
    (request,) = seen
    assert str(request.url).split("?")[0] == default_url(endpoint)
    assert request.url.scheme == "https"


def test_a_base_url_replaces_every_host(endpoint: SpecEndpoint) -> None:
    seen: list[httpx.Request] = []
    base_url = "http://127.0.0.1:9/proxy"
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=base_url + "/", max_retries=0,
                              transport=answering(endpoint, seen)) as client:
        call(client, endpoint)
    (request,) = seen
    assert str(request.url).split("?")[0] == base_url + endpoint.path


def test_a_call_that_sends_the_app_key_needs_one_before_anything_is_sent(
        graph: FakeGraph, endpoint: SpecEndpoint) -> None:
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=0) as client:
        if not any(p.source == "app_key" for p in endpoint.parameters):
            call(client, endpoint)  # no app key needed
            assert len(graph.requests) == 1
            return
        with pytest.raises(ValueError, match="app_key") as raised:
            call(client, endpoint)
    assert graph.requests == []
    assert APP_KEY not in str(raised.value)


def test_the_app_key_is_passed_as_the_second_argument_too(graph: FakeGraph) -> None:
    endpoints = [e for e in SPEC_ENDPOINTS if any(p.source == "app_key" for p in e.parameters)]
    if not endpoints:
        pytest.skip("no endpoint of the spec sends the app key")
    with qq_connect.QQConnect(APP_ID, SecretStr(APP_KEY), base_url=graph.url,
                              max_retries=0) as client:
        call(client, endpoints[0])
    assert (dict(request_pairs(endpoints[0], endpoints[0].formats[0])).items()
            <= dict(parse_qsl(sent_text(only_request(graph)))).items())

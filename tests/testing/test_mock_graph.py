"""``qq_connect.testing.MockGraph``: the spec's answers through ``httpx.MockTransport``,
parsed by the real client, sync and async; endpoints, formats and codes from the spec."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

import qq_connect
from qq_connect.check import main as check_main
from qq_connect.testing import DRIFT, MALFORMED, SUCCESS, MockGraph
from tests.bodies import as_instance
from tests.contract.from_spec import (
    API,
    ENDPOINTS,
    UNLISTED_RET,
    example_documents,
    findings,
    is_failure,
)
from tests.testing.calls import (
    SECRETS,
    Call,
    every_call,
    every_format,
    failing_example_encodings,
    parametrize_calls,
    result_class,
    secret_value,
)

CODES = (*sorted({code.code for code in API.return_codes}), UNLISTED_RET)


def drift_field(result: qq_connect.Result) -> set[str]:
    return set(result.model_extra or {})


# -- the default answers: every endpoint's success example ------------------------------------


@parametrize_calls(every_call())
def test_default_answers_parse_to_the_typed_result(
        graph: MockGraph, client: qq_connect.QQConnect, call: Call) -> None:
    result = call.on(client)

    assert isinstance(result, result_class(call.endpoint))
    (request,) = graph.requests
    assert (request.endpoint, request.method, request.format, request.answered) == (
        call.endpoint.name, call.method, call.format, SUCCESS)
    assert request.path == call.endpoint.path


@pytest.mark.anyio
@parametrize_calls(every_call())
async def test_default_answers_parse_with_the_async_client(
        graph: MockGraph, async_client: qq_connect.AsyncQQConnect, call: Call) -> None:
    result = await call.on_async(async_client)

    assert isinstance(result, result_class(call.endpoint))
    assert [r.endpoint for r in graph.requests] == [call.endpoint.name]


def test_every_example_of_the_spec_is_an_outcome(graph: MockGraph,
                                                 client: qq_connect.QQConnect) -> None:
    for endpoint in ENDPOINTS:
        call = Call(endpoint, endpoint.methods[0], endpoint.formats[0])
        for name, document in example_documents(endpoint):
            graph.answer(endpoint.name, name)
            if not is_failure(endpoint, document):
                assert isinstance(call.on(client), result_class(endpoint)), name
                continue
            with pytest.raises(qq_connect.ApiError) as caught:
                call.on(client)
            assert caught.value.code == int(document[endpoint.errors.code_field]), name
            assert caught.value.msg == document[endpoint.errors.message_field], name
        assert set(graph.outcomes(endpoint.name)) == {
            *(name for name, _ in example_documents(endpoint)), DRIFT, MALFORMED}


# -- errors: every return code, in the endpoint's error shape ----------------------------------


@parametrize_calls(every_format())
def test_every_return_code_raises_its_typed_error(
        graph: MockGraph, client: qq_connect.QQConnect, call: Call) -> None:
    for code in CODES:
        graph.answer(call.endpoint.name, error=code)
        with pytest.raises(qq_connect.ApiError) as caught:
            call.on(client)
        error = caught.value
        assert type(error).__name__ == next(
            (c.category.exception for c in API.return_codes if c.code == code),
            API.unknown_category.exception), code
        assert (error.code, error.code_field) == (code, call.endpoint.errors.code_field)
    assert not graph.pending()


@pytest.mark.anyio
@parametrize_calls(every_format())
async def test_every_return_code_raises_with_the_async_client(
        graph: MockGraph, async_client: qq_connect.AsyncQQConnect, call: Call) -> None:
    for code in CODES:
        graph.answer(call.endpoint.name, error=code)
        with pytest.raises(qq_connect.ApiError) as caught:
            await call.on_async(async_client)
        assert caught.value.code == code


@parametrize_calls(every_format())
def test_failures_come_in_the_encoding_the_service_uses(
        graph: MockGraph, client: qq_connect.QQConnect, call: Call) -> None:
    """As asked when the request names a format; for the default one, the encoding of the
    spec's failing examples (the token step answers form pairs but fails in JSONP)."""
    endpoint = call.endpoint
    failing = failing_example_encodings(endpoint)
    expected = failing[0] if failing and call.format == endpoint.formats[0] else call.format
    graph.answer(endpoint.name, error=CODES[0])

    body = call.raw_on(client).content

    document = as_instance(body, expected)
    assert document[endpoint.errors.code_field] in (CODES[0], str(CODES[0]))


def test_an_error_keeps_the_wire_message_of_the_spec_examples(
        graph: MockGraph, client: qq_connect.QQConnect) -> None:
    """A code some example shows answers that example's message, on every endpoint."""
    shown = {int(document[e.errors.code_field]): document[e.errors.message_field]
             for e in ENDPOINTS for _, document in example_documents(e) if is_failure(e, document)}
    if not shown:
        pytest.skip("the spec has no failing example")
    code, message = next(iter(shown.items()))
    for endpoint in ENDPOINTS:
        graph.answer(endpoint.name, error=code)
        with pytest.raises(qq_connect.ApiError) as caught:
            Call(endpoint, endpoint.methods[0], endpoint.formats[0]).on(client)
        assert caught.value.msg == message


# -- drift and malformed answers ---------------------------------------------------------------


@parametrize_calls(every_format())
def test_drift_parses_and_the_contract_check_reports_it(
        graph: MockGraph, client: qq_connect.QQConnect, call: Call) -> None:
    graph.answer(call.endpoint.name, DRIFT)

    raw = call.raw_on(client)
    result = raw.parse()

    assert isinstance(result, result_class(call.endpoint))
    assert drift_field(result)
    found = findings(call.endpoint.name, raw.content, call.format)
    assert found and {finding.kind for finding in found} == {"drift"}, found


def test_the_check_command_fails_drift_only_when_strict(
        graph: MockGraph, client: qq_connect.QQConnect, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    for call in every_format():
        graph.answer(call.endpoint.name, DRIFT)
        folder = tmp_path / call.endpoint.name
        folder.mkdir(exist_ok=True)
        (folder / f"drift.{call.format}").write_bytes(call.raw_on(client).content)

    assert check_main([str(tmp_path)]) == 0
    assert check_main([str(tmp_path), "--strict"]) != 0
    assert "drift" in capsys.readouterr().out


@parametrize_calls(every_format())
def test_malformed_answers_raise_decode_error(
        graph: MockGraph, client: qq_connect.QQConnect, call: Call) -> None:
    graph.answer(call.endpoint.name, MALFORMED)

    with pytest.raises(qq_connect.DecodeError):
        call.on(client)


@pytest.mark.anyio
@parametrize_calls(every_format())
async def test_malformed_and_drift_with_the_async_client(
        graph: MockGraph, async_client: qq_connect.AsyncQQConnect, call: Call) -> None:
    graph.answer(call.endpoint.name, MALFORMED)
    graph.answer(call.endpoint.name, DRIFT)

    with pytest.raises(qq_connect.DecodeError):
        await call.on_async(async_client)
    assert drift_field(await call.on_async(async_client))


# -- raw answers, queues, standing answers ---------------------------------------------------


def test_a_raw_answer_goes_out_as_given(graph: MockGraph) -> None:
    endpoint = ENDPOINTS[0]
    graph.answer(endpoint.name, body=b"\x00 anything", status=503, headers={"Retry-After": "7"})

    with httpx.Client(transport=graph.transport) as http:
        response = http.get(f"https://graph.qq.com{endpoint.path}")

    assert (response.status_code, response.content) == (503, b"\x00 anything")
    assert response.headers["Retry-After"] == "7"
    assert graph.requests[0].answered == "raw body"


def test_an_http_status_reaches_the_client(graph: MockGraph,
                                           client: qq_connect.QQConnect) -> None:
    call = next(every_format())
    graph.answer(call.endpoint.name, status=502)

    with pytest.raises(qq_connect.HTTPStatusError) as caught:
        call.on(client)
    assert caught.value.status == 502


def test_queued_answers_come_first_then_the_standing_one_then_success(
        graph: MockGraph, client: qq_connect.QQConnect) -> None:
    call = next(every_format())
    name = call.endpoint.name
    graph.answer(name, error=CODES[0])
    graph.answer(name, MALFORMED)
    assert graph.pending() == {name: 2}

    with pytest.raises(qq_connect.ApiError):
        call.on(client)
    with pytest.raises(qq_connect.DecodeError):
        call.on(client)
    assert not drift_field(call.on(client))  # the success example again

    graph.answer(name, DRIFT, always=True)
    graph.answer(name, error=CODES[0])
    with pytest.raises(qq_connect.ApiError):
        call.on(client)
    assert drift_field(call.on(client)) and drift_field(call.on(client))

    graph.reset()
    assert not drift_field(call.on(client))
    assert [r.answered for r in graph.requests] == [SUCCESS]


def test_a_retry_takes_the_next_queued_answer(graph: MockGraph) -> None:
    call = next(every_format())
    graph.answer(call.endpoint.name, status=503)
    policy = qq_connect.RetryPolicy(max_retries=1, initial_delay=0.001, max_delay=0.001)
    with qq_connect.QQConnect("1", "k", transport=graph.transport, max_retries=policy) as client:
        result = call.on(client)

    assert result.retries_taken == 1
    assert [r.answered for r in graph.requests] == [SUCCESS, SUCCESS]
    assert [r.status for r in graph.requests] == [503, 200]


def test_bad_choices_are_refused_with_what_is_valid(graph: MockGraph) -> None:
    name = ENDPOINTS[0].name
    with pytest.raises(ValueError, match=ENDPOINTS[-1].name):
        graph.answer("no_such_endpoint")
    with pytest.raises(ValueError, match=MALFORMED):
        graph.answer(name, "no_such_outcome")
    with pytest.raises(ValueError, match="one of"):
        graph.answer(name, DRIFT, error=CODES[0])
    with pytest.raises(TypeError):
        graph.answer(name, error=True)
    with pytest.raises(ValueError):
        graph.calls("no_such_endpoint")
    assert not graph.pending()


# -- routing: by path, whatever the host; shared paths by fixed parameters ---------------------


def test_every_endpoint_is_found_by_its_path_on_any_host(graph: MockGraph) -> None:
    with httpx.Client(transport=graph.transport) as http:
        for endpoint in ENDPOINTS:
            fixed = {p.name: p.value for p in endpoint.parameters if p.source == "fixed"}
            response = http.get(f"http://127.0.0.1:9{endpoint.path}", params=fixed)
            assert response.status_code == 200
            assert graph.requests[-1].endpoint == endpoint.name


def test_unknown_paths_are_not_found(graph: MockGraph) -> None:
    path = "/no/such/endpoint"
    assert path not in {endpoint.path for endpoint in ENDPOINTS}

    with httpx.Client(transport=graph.transport) as http:
        assert http.get(f"https://graph.qq.com{path}").status_code == 404
    (request,) = graph.requests
    assert (request.endpoint, request.answered, request.status) == (None, "not found", 404)


# -- recorded requests: real values kept, secrets masked in every repr -------------------------


@parametrize_calls(every_call())
def test_recorded_requests_mask_their_secrets(graph: MockGraph, client: qq_connect.QQConnect,
                                              call: Call) -> None:
    graph.answer(call.endpoint.name, error=CODES[0])
    with pytest.raises(qq_connect.ApiError):
        call.on(client)

    (request,) = graph.calls(call.endpoint.name)
    shown = [repr(request), str(request), repr(request.params), repr(graph.requests),
             str(graph.calls(call.endpoint.name)), repr(graph)]
    assert [secret for secret in SECRETS for text in shown if secret in text] == []
    for parameter in call.endpoint.parameters:
        if parameter.secret and parameter.name in request.params:
            assert "<redacted>" in repr(request)
            if parameter.is_argument:
                assert request.params[parameter.name] == secret_value(parameter.name)

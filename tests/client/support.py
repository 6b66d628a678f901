"""What the client tests derive from the spec, and the calls they share.

Nothing here names an endpoint, a method, a format or a return code: each comes from
``spec/`` (through ``tests/fakes/graph.py`` for the endpoints). How to call an endpoint
comes from its ``parameters``: the positional and keyword arguments of its method, by
``type`` (string or secret, flag, list, integer), and what the request then carries,
the app id, app key and fixed values included (``Call``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

import qq_connect
from tests.bodies import as_instance, encode
from tests.client.credentials import APP_ID, APP_KEY, rfc1738, secret_argument
from tests.fakes.graph import (
    SPEC,
    SpecBrowserUrl,
    SpecEndpoint,
    SpecParameter,
    load_api,
    load_endpoints,
)

SPEC_ENDPOINTS = load_endpoints()
assert SPEC_ENDPOINTS, f"no endpoint listed in {SPEC / 'api.yaml'}"
API = load_api()
API_BASE_URL: str = API["base_url"]
XML_ROOT: str = API["transport"]["xml_root"]


@dataclass(frozen=True)
class Category:
    """A category of return codes (spec/return_codes.yaml) and the codes that stand for it.

    ``codes``: the first positive and the first negative code the table lists for it (the
    gateway's codes are negative); for the unknown category, codes no table lists.
    """

    name: str
    exception: str
    retryable: bool
    codes: tuple[int, ...]

    @property
    def code(self) -> int:
        return self.codes[0]

    def __str__(self) -> str:
        return self.name


def _return_codes() -> tuple[dict[int, str], dict[int, str], tuple[Category, ...]]:
    table = yaml.safe_load(Path(SPEC, "return_codes.yaml").read_text(encoding="utf-8"))
    meanings = {row["code"]: row["zh"] for row in table["codes"]}
    category_names = {row["code"]: row["category"] for row in table["codes"]}
    first_codes: dict[tuple[str, bool], int] = {}
    for row in table["codes"]:
        first_codes.setdefault((row["category"], row["code"] < 0), row["code"])
    unlisted: tuple[int, ...] = (max(meanings) + 424242, min(meanings) - 424242)
    categories = []
    for row in table["categories"]:
        if row["name"] == table["unknown_category"]:
            codes = unlisted
        else:
            codes = tuple(first_codes[row["name"], negative] for negative in (False, True)
                          if (row["name"], negative) in first_codes)
            assert codes, f"no code of category {row['name']}"
        categories.append(Category(row["name"], row["exception"], row["retryable"], codes))
    return meanings, category_names, tuple(categories)


MEANINGS, _CATEGORY_NAMES, CATEGORIES = _return_codes()
RETRYABLE = next((c for c in CATEGORIES if c.retryable), None)
NOT_RETRYABLE = next((c for c in CATEGORIES if not c.retryable), None)


def category_of(code: int) -> Category:
    """The category spec/return_codes.yaml gives ``code``."""
    (found,) = (category for category in CATEGORIES if category.name == _CATEGORY_NAMES[code])
    return found


def retryable_category() -> Category:
    """A category the spec marks retryable, or skip."""
    if RETRYABLE is None:
        pytest.skip("no category of spec/return_codes.yaml is retryable")
    return RETRYABLE


def non_retryable_category() -> Category:
    """A category the spec does not mark retryable, or skip."""
    if NOT_RETRYABLE is None:
        pytest.skip("every category of spec/return_codes.yaml is retryable")
    return NOT_RETRYABLE


# --- which endpoints, methods, formats and encodings ----------------------------------------


def some_endpoint(method: str | None = None, format: str | None = None,
                  retry_safe: bool | None = None) -> SpecEndpoint:
    """The first endpoint of the spec, or the first that takes ``method``, can be asked for
    ``format`` and is (or is not) ``retry_safe``.

    Skips the test when no endpoint of the spec does.
    """
    for endpoint in SPEC_ENDPOINTS:
        if ((method is None or method in endpoint.methods)
                and (format is None or format in endpoint.formats)
                and (retry_safe is None or endpoint.retry_safe is retry_safe)):
            return endpoint
    wanted = " and ".join(part for part in (
        method and f"takes {method}", format and f"answers {format}",
        retry_safe is not None and ("is safe to retry" if retry_safe else "is unsafe to retry"))
        if part)
    pytest.skip(f"no endpoint of the spec {wanted}")


def require_method(endpoint: SpecEndpoint, method: str) -> None:
    """Skip unless the spec says ``endpoint`` takes ``method``."""
    if method not in endpoint.methods:
        pytest.skip(f"{endpoint.name} does not take {method} (spec methods: {endpoint.methods})")


def require_format(endpoint: SpecEndpoint, format: str) -> None:
    """Skip unless the spec says a call of ``endpoint`` may ask for ``format``."""
    if format not in endpoint.formats:
        pytest.skip(f"{endpoint.name} does not answer {format} (spec formats: {endpoint.formats})")


def require_encoding(endpoint: SpecEndpoint, encoding: str) -> None:
    """Skip unless the spec says answers of ``endpoint`` may come in ``encoding``."""
    if encoding not in endpoint.encodings:
        pytest.skip(f"{endpoint.name} never answers in {encoding} "
                    f"(spec encodings: {endpoint.encodings})")


def format_for(endpoint: SpecEndpoint, encoding: str) -> str:
    """What a call asks for when the answer comes in ``encoding``: that format if a call can
    ask for it, else the default (errors come in their own encoding whatever was asked)."""
    return encoding if encoding in endpoint.formats else endpoint.formats[0]


def success_example(endpoint: SpecEndpoint, format: str) -> bytes:
    """The endpoint's success example in ``format``, or skip."""
    if not endpoint.has_example("success", format):
        pytest.skip(f"the spec has no success example of {endpoint.name} in {format}")
    return endpoint.example("success", format)


def default_url(endpoint: SpecEndpoint) -> str:
    """Where the endpoint lives without a client ``base_url``: its own host, or the API's."""
    return (endpoint.base_url or API_BASE_URL).rstrip("/") + endpoint.path


def generated_endpoint(endpoint: SpecEndpoint) -> qq_connect.Endpoint[Any, Any]:
    """``qq_connect.endpoints.<NAME>`` of a spec endpoint, checked against the spec."""
    made: qq_connect.Endpoint[Any, Any] = getattr(qq_connect.endpoints, endpoint.name.upper())
    assert (made.name, made.path) == (endpoint.name, endpoint.path)
    return made


def fields_by(endpoint: SpecEndpoint, predicate: Callable[[Any], bool]) -> list[str]:
    """The names of the endpoint's response fields for which ``predicate`` holds."""
    return [spec_field.name for spec_field in endpoint.fields if predicate(spec_field)]


# --- how to call an endpoint ------------------------------------------------------------------


def argument_value(parameter: SpecParameter) -> tuple[object, str]:
    """What a test passes for a call parameter, and the text the request then carries."""
    if parameter.type == "flag":
        return True, "1"
    if parameter.type == "list":
        items = [f"{parameter.name}_a", f"{parameter.name}_b"]
        return items, ",".join(items)
    if parameter.type == "integer":
        return 42, "42"
    if parameter.choices:
        return parameter.choices[0], parameter.choices[0]
    if parameter.secret:
        value = secret_argument(parameter.name)
    elif parameter.check == "absolute_url":
        value = "https://app.example.com/qq/callback?from=登录 page&x=~1"
    else:
        value = f"{parameter.name} 值+/&~"
    return value, value


@dataclass(frozen=True)
class Call:
    """How a test calls an endpoint's method, and the pairs its request carries (in order,
    the format parameter left out)."""

    args: tuple[object, ...]
    kwargs: Mapping[str, object]
    sent: tuple[tuple[str, str], ...]
    secrets: tuple[str, ...] = field(default=())  # the values of the secret parameters sent


def call_of(endpoint: SpecEndpoint | SpecBrowserUrl, *, optional: bool = True,
            wrap: Callable[[str], object] = str) -> Call:
    """The arguments of a call of ``endpoint`` (or of a browser URL's method), from its
    parameters in the spec.

    ``optional``: pass the optional arguments too. ``wrap``: what secret strings are passed
    as (``SecretStr`` works like ``str``).
    """
    args: list[object] = []
    kwargs: dict[str, object] = {}
    sent: list[tuple[str, str]] = []
    secrets: list[str] = []
    for parameter in endpoint.parameters:
        if parameter.source == "fixed":
            text = parameter.value
        elif parameter.source == "app_id":
            text = APP_ID
        elif parameter.source == "app_key":
            text = APP_KEY
        elif not parameter.required and not optional:
            continue
        else:
            value, text = argument_value(parameter)
            if parameter.secret and isinstance(value, str):
                value = wrap(value)
            if parameter.is_positional:
                args.append(value)
            else:
                kwargs[parameter.name] = value
        sent.append((parameter.name, text))
        if parameter.secret:
            secrets.append(text)
    return Call(tuple(args), kwargs, tuple(sent), tuple(secrets))


def request_pairs(endpoint: SpecEndpoint, format: str,
                  optional: bool = True) -> list[tuple[str, str]]:
    """Every pair a call asking for ``format`` sends, decoded, in order."""
    pairs = list(call_of(endpoint, optional=optional).sent)
    value = endpoint.format_parameter.value(format)
    if value is not None:
        pairs.append((endpoint.format_parameter.name, value))
    return pairs


def expected_parameters(endpoint: SpecEndpoint, format: str, optional: bool = True) -> str:
    """The query string (GET) or form body (POST) the client must send, byte for byte."""
    return "&".join(f"{rfc1738(name)}={rfc1738(value)}"
                    for name, value in request_pairs(endpoint, format, optional))


def call_secrets(endpoint: SpecEndpoint) -> tuple[str, ...]:
    """The secret values a call of ``endpoint`` sends (the app id and key where it sends
    them)."""
    return call_of(endpoint).secrets


def _options(endpoint: SpecEndpoint, method: str | None, format: str | None,
             options: dict[str, Any]) -> dict[str, Any]:
    return {"method": method or endpoint.methods[0], "format": format or endpoint.formats[0],
            **options}


def call(client: qq_connect.QQConnect, endpoint: SpecEndpoint, method: str | None = None,
         format: str | None = None, *, arguments: Call | None = None, **options: Any) -> Any:
    """Call the client's method of ``endpoint`` with the test credentials.

    Without ``method`` or ``format``, the first the spec lists for the endpoint.
    """
    made = arguments or call_of(endpoint)
    return getattr(client, endpoint.name)(*made.args, **made.kwargs,
                                          **_options(endpoint, method, format, options))


def call_raw(client: qq_connect.QQConnect, endpoint: SpecEndpoint, method: str | None = None,
             format: str | None = None, **options: Any) -> qq_connect.RawResponse[Any]:
    """``call`` through ``with_raw_response``."""
    made = call_of(endpoint)
    raw: qq_connect.RawResponse[Any] = getattr(client.with_raw_response, endpoint.name)(
        *made.args, **made.kwargs, **_options(endpoint, method, format, options))
    return raw


async def acall(client: qq_connect.AsyncQQConnect, endpoint: SpecEndpoint,
                method: str | None = None, format: str | None = None, **options: Any) -> Any:
    """Await the async client's method of ``endpoint`` with the test credentials."""
    made = call_of(endpoint)
    return await getattr(client, endpoint.name)(*made.args, **made.kwargs,
                                                **_options(endpoint, method, format, options))


async def acall_raw(client: qq_connect.AsyncQQConnect, endpoint: SpecEndpoint,
                    method: str | None = None, format: str | None = None,
                    **options: Any) -> qq_connect.RawResponse[Any]:
    """``acall`` through ``with_raw_response``."""
    made = call_of(endpoint)
    raw: qq_connect.RawResponse[Any] = await getattr(client.with_raw_response, endpoint.name)(
        *made.args, **made.kwargs, **_options(endpoint, method, format, options))
    return raw


# --- answers in every encoding ----------------------------------------------------------------

def decode_answer(body: bytes, encoding: str) -> dict[str, Any]:
    """The top-level fields of an answer (one the tests wrote or the spec holds)."""
    document: dict[str, Any] = as_instance(body, encoding)
    return document


def encode_answer(document: Mapping[str, object], encoding: str) -> bytes:
    """An answer with these top-level fields, as graph.qq.com writes it in ``encoding``."""
    return encode(dict(document), encoding, XML_ROOT)


def answer_fields(body: bytes, encoding: str) -> dict[str, str]:
    """The top-level fields of an answer, as text."""
    return {name: str(value) for name, value in decode_answer(body, encoding).items()}


def error_body(endpoint: SpecEndpoint, encoding: str, code: int, message: str) -> bytes:
    """A failure with ``code`` and ``message``, in the endpoint's error shape and
    ``encoding``."""
    shape = endpoint.errors
    return encode_answer({shape.code_field: code, shape.message_field: message}, encoding)


def error_encoding(endpoint: SpecEndpoint, format: str) -> str:
    """The encoding a failure comes in when a call asks for ``format``.

    A format the request names comes back as asked. For the default format, the spec's
    error examples say: the token step answers form pairs but fails in JSONP.
    """
    if format != endpoint.formats[0]:
        return format
    for example in endpoint.examples:
        if example.format in endpoint.encodings and endpoint.errors.is_failure(
                answer_fields(example.body, example.format)):
            return example.format
    return format


def with_extra_fields(endpoint: SpecEndpoint, format: str, **extra: str | int) -> bytes:
    """The endpoint's success example in ``format`` with more fields, unknown to the spec."""
    assert not set(extra) & {spec_field.name for spec_field in endpoint.fields}
    example = success_example(endpoint, format)
    return encode_answer({**decode_answer(example, format), **extra}, format)


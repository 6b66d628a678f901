"""How the mock's tests call an endpoint: its arguments from the spec's parameters.

Nothing here names an endpoint or a code: they come from ``spec/`` through
``tests/contract/from_spec.py`` (the generator's own normalised model).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

import qq_connect
from generator.model import Endpoint, Parameter
from tests.contract.from_spec import API, ENDPOINTS, example_documents, is_failure

APP_ID = "101234567"
APP_KEY = "S3CR3T-app-key"
NO_RETRIES = qq_connect.RetryPolicy(max_retries=0)


def secret_value(name: str) -> str:
    """The distinctive value a test passes for the secret parameter ``name``."""
    return f"S3CR3T-{name}"


# Every value a recorded request's repr must never show: the app id and key, and every
# secret a call passes (tokens, codes, openids).
SECRETS: tuple[str, ...] = (APP_ID, APP_KEY, "S3CR3T")


def argument(parameter: Parameter) -> object:
    """A valid value for a parameter the caller passes."""
    if parameter.choices:
        return parameter.choices[0]
    if parameter.type == "flag":
        return True
    if parameter.type == "list":
        return [f"{parameter.name}_a"]
    if parameter.type == "integer":
        return 1
    if parameter.secret:
        return secret_value(parameter.name)
    if parameter.check == "absolute_url":
        return "https://app.example.com/qq/callback"
    return f"{parameter.name}-value"


@dataclass(frozen=True)
class Call:
    """One endpoint, the method and format a call asks for, and the call's arguments."""

    endpoint: Endpoint
    method: str
    format: str

    @property
    def id(self) -> str:
        return f"{self.endpoint.name}-{self.method}-{self.format}"

    def arguments(self) -> tuple[list[object], dict[str, object]]:
        args: list[object] = []
        kwargs: dict[str, object] = {"method": self.method, "format": self.format}
        for parameter in self.endpoint.parameters:
            if not parameter.is_argument or not parameter.required:
                continue
            if parameter.is_positional:
                args.append(argument(parameter))
            else:
                kwargs[parameter.name] = argument(parameter)
        return args, kwargs

    def on(self, client: qq_connect.QQConnect) -> Any:
        args, kwargs = self.arguments()
        return getattr(client, self.endpoint.name)(*args, **kwargs)

    def raw_on(self, client: qq_connect.QQConnect) -> qq_connect.RawResponse[Any]:
        args, kwargs = self.arguments()
        raw: qq_connect.RawResponse[Any] = getattr(client.with_raw_response,
                                                    self.endpoint.name)(*args, **kwargs)
        return raw

    async def on_async(self, client: qq_connect.AsyncQQConnect) -> Any:
        args, kwargs = self.arguments()
        return await getattr(client, self.endpoint.name)(*args, **kwargs)


def every_call() -> Iterator[Call]:
    """Every endpoint, with every method and format its spec lists."""
    for endpoint in ENDPOINTS:
        for method in endpoint.methods:
            for format in endpoint.formats:
                yield Call(endpoint, method, format)


def every_format() -> Iterator[Call]:
    """Every endpoint with every format it can be asked for (its first method)."""
    for endpoint in ENDPOINTS:
        for format in endpoint.formats:
            yield Call(endpoint, endpoint.methods[0], format)


def parametrize_calls(calls: Iterator[Call]) -> pytest.MarkDecorator:
    listed = list(calls)
    return pytest.mark.parametrize("call", listed, ids=[call.id for call in listed])


def result_class(endpoint: Endpoint) -> type[Any]:
    """The typed result the client returns for ``endpoint``."""
    found: type[Any] = getattr(qq_connect, endpoint.result_class)
    return found


def error_class(code: int) -> type[qq_connect.ApiError]:
    """The ``ApiError`` subclass the spec's return-code table gives ``code``."""
    category = next((c.category for c in API.return_codes if c.code == code),
                    API.unknown_category)
    found: type[qq_connect.ApiError] = getattr(qq_connect, category.exception)
    return found


def failing_example_encodings(endpoint: Endpoint) -> list[str]:
    """The encodings of the spec's failing examples of ``endpoint``."""
    failing = {name for name, document in example_documents(endpoint)
               if is_failure(endpoint, document)}
    return [example.format for example in endpoint.examples if example.name in failing]

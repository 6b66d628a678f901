"""The spec's words at run time: every field of every result and wire model, and every
client method, describes itself to ``help()``, ``model_fields``, ``model_json_schema()``
and ``inspect.getdoc`` (spec-driven: endpoints, fields and parameters come from the spec).
"""

from __future__ import annotations

import builtins
import inspect
import pydoc
import re
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

import qq_connect
from generator.model import Endpoint, Field, Parameter
from tests.contract.from_spec import API, ENDPOINTS

CLIENTS = (qq_connect.QQConnect, qq_connect.AsyncQQConnect)
# What every call takes besides the endpoint's own parameters.
CALL_OPTIONS = ("method", "format", "timeout")


def one_line(text: str) -> str:
    return " ".join(text.split())


def models() -> Iterator[tuple[str, type[BaseModel], tuple[Field, ...]]]:
    for endpoint in ENDPOINTS:
        yield (endpoint.result_class, getattr(qq_connect, endpoint.result_class),
               endpoint.result_fields)
        yield endpoint.wire_class, getattr(qq_connect, endpoint.wire_class), endpoint.fields


MODELS = list(models())


@pytest.mark.parametrize(("name", "model", "fields"), MODELS, ids=[m[0] for m in MODELS])
def test_every_field_has_the_spec_description(name: str, model: type[BaseModel],
                                              fields: tuple[Field, ...]) -> None:
    assert fields
    schema = model.model_json_schema(mode="serialization")["properties"]
    for field in fields:
        description = model.model_fields[field.name].description
        assert description, f"{name}.{field.name} has no description"
        assert field.zh in description and field.en in description, field.name
        assert schema[field.name]["description"] == description, field.name


@pytest.mark.parametrize(("name", "model", "fields"), MODELS, ids=[m[0] for m in MODELS])
def test_help_lists_every_field_with_its_description(name: str, model: type[BaseModel],
                                                     fields: tuple[Field, ...]) -> None:
    shown = one_line(pydoc.render_doc(model, renderer=pydoc.TextDoc()))
    for field in fields:
        assert f"{field.name}: {one_line(field.en)}" in shown, f"{name}.{field.name}"


def methods() -> Iterator[tuple[type, Endpoint]]:
    for client in CLIENTS:
        for endpoint in ENDPOINTS:
            yield client, endpoint


METHODS = list(methods())


def method_id(case: tuple[type, Endpoint]) -> str:
    return f"{case[0].__name__}.{case[1].name}"


def docs_section(doc: str, title: str) -> str:
    """The indented lines under ``title:`` in a Google-style docstring."""
    found = re.search(rf"^{title}:\n((?:    .*\n?|\n)+)", doc, re.MULTILINE)
    assert found, f"no {title} section in:\n{doc}"
    return found[1]


def arguments(endpoint: Endpoint) -> list[Parameter]:
    return [p for p in endpoint.parameters if p.is_argument]


@pytest.mark.parametrize("case", METHODS, ids=[method_id(c) for c in METHODS])
def test_every_method_documents_its_parameters(case: tuple[type, Endpoint]) -> None:
    client, endpoint = case
    method = getattr(client, endpoint.name)
    doc = inspect.getdoc(method)
    assert doc
    section = one_line(docs_section(doc, "Args"))
    signature = [name for name in inspect.signature(method).parameters if name != "self"]
    assert signature == [p.name for p in arguments(endpoint)] + list(CALL_OPTIONS)
    for name in signature:
        assert re.search(rf"(^| ){name}( \([^)]*\))?: ", section), f"{name} undocumented"
    for parameter in arguments(endpoint):
        assert one_line(parameter.en) in section, parameter.name
        assert one_line(parameter.zh) in section, parameter.name


@pytest.mark.parametrize("case", METHODS, ids=[method_id(c) for c in METHODS])
def test_every_method_documents_what_it_returns(case: tuple[type, Endpoint]) -> None:
    client, endpoint = case
    doc = inspect.getdoc(getattr(client, endpoint.name))
    assert doc
    assert docs_section(doc, "Returns").strip().startswith(f"{endpoint.result_class}:")


@pytest.mark.parametrize("case", METHODS, ids=[method_id(c) for c in METHODS])
def test_every_method_documents_what_it_raises(case: tuple[type, Endpoint]) -> None:
    client, endpoint = case
    doc = inspect.getdoc(getattr(client, endpoint.name))
    assert doc
    section = docs_section(doc, "Raises")
    named = re.findall(r"^    (\w+):", section, re.MULTILINE)
    mentioned = set(named) | set(re.findall(r"``(\w+Error)``", section))
    for name in mentioned:
        raised = getattr(qq_connect, name, None) or getattr(builtins, name, None)
        assert isinstance(raised, type) and issubclass(raised, Exception), name
    # Every category of the spec's return codes, and every failure of the transport and
    # the body, is named.
    expected = {c.exception for c in API.categories} | {
        "ApiError", "TransportError", "HTTPStatusError", "DecodeError",
        "ResponseValidationError", "ClientClosedError"}
    assert expected <= mentioned, expected - mentioned
    if endpoint.uses_app_key:
        assert "ValueError" in named


@pytest.mark.parametrize("client", CLIENTS, ids=[c.__name__ for c in CLIENTS])
def test_browser_url_methods_document_their_parameters(client: type) -> None:
    assert API.browser_urls
    for url in API.browser_urls:
        doc = inspect.getdoc(getattr(client, url.name))
        assert doc
        section = one_line(docs_section(doc, "Args"))
        for parameter in url.parameters:
            if parameter.is_argument:
                assert f"{parameter.name}: {one_line(parameter.en)}" in section
        assert docs_section(doc, "Returns").strip().startswith("str:")

"""Wire models from one run of datamodel-code-generator: each module the same text as a run
of its own, whatever the endpoints are called and whatever their descriptions say."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import wire_models
from generator.model import Endpoint
from generator.reserved import endpoint_name_problem
from generator.wire_models import render_wire_model, render_wire_models
from tests.contract.from_spec import ENDPOINTS

PACKAGE = "qq_connect"


def _banners(endpoints: tuple[Endpoint, ...]) -> dict[str, str]:
    return {e.name: f"# Generated from spec/endpoints/{e.name}.yaml; do not edit."
            for e in endpoints}


def _one_run_each(endpoints: tuple[Endpoint, ...]) -> dict[str, str]:
    banners = _banners(endpoints)
    return {e.name: render_wire_model(e, PACKAGE, banners[e.name]) for e in endpoints}


def test_one_run_gives_each_endpoint_the_module_of_its_own_run() -> None:
    assert render_wire_models(ENDPOINTS, PACKAGE, _banners(ENDPOINTS)) == _one_run_each(ENDPOINTS)


def _renamed(names: list[str]) -> tuple[Endpoint, ...]:
    return tuple(dataclasses.replace(endpoint, name=name)
                 for endpoint, name in zip(ENDPOINTS, names, strict=False))


@pytest.mark.parametrize("names", [
    # Names of the modules a wire model imports, of the package, of dmcg's own root module.
    ["typing", "pydantic", "annotations", "qq_connect", "model", "json", "field"],
    ["wire", "models", "base_model", "config_dict", "root_model", "any", "enum"],
])
def test_endpoints_named_like_modules_still_get_their_own_module(names: list[str]) -> None:
    endpoints = _renamed(names)
    assert render_wire_models(endpoints, PACKAGE, _banners(endpoints)) == _one_run_each(endpoints)


# Endpoint names the spec may use (no keyword, no name of a client attribute).
names = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True).filter(
    lambda name: endpoint_name_problem(name) is None)
texts = st.text(st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"]),
                min_size=1, max_size=40).filter(lambda text: text.strip() != "")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(texts, texts), min_size=len(ENDPOINTS), max_size=len(ENDPOINTS)),
       st.lists(names, unique=True, min_size=len(ENDPOINTS), max_size=len(ENDPOINTS)))
def test_any_descriptions_and_names_give_the_same_modules(
        descriptions: list[tuple[str, str]], chosen: list[str]) -> None:
    endpoints = tuple(
        dataclasses.replace(endpoint, name=name, fields=tuple(
            dataclasses.replace(field, zh=zh, en=f"{en} {field.en}")
            for field in endpoint.fields))
        for endpoint, name, (zh, en) in zip(ENDPOINTS, chosen, descriptions, strict=True))
    assert render_wire_models(endpoints, PACKAGE, _banners(endpoints)) == _one_run_each(endpoints)


def test_a_shared_run_without_every_module_is_done_endpoint_by_endpoint(
        monkeypatch: pytest.MonkeyPatch) -> None:
    generate = wire_models._generate

    def losing_one(schema: dict[str, Any], header: str, **options: Any) -> object:
        result = generate(schema, header, **options)
        if isinstance(result, dict):
            result.pop((f"{ENDPOINTS[0].name}.py",))
        return result

    monkeypatch.setattr(wire_models, "_generate", losing_one)
    assert render_wire_models(ENDPOINTS, PACKAGE, _banners(ENDPOINTS)) == _one_run_each(ENDPOINTS)

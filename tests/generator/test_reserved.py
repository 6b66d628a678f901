"""Names: how generated names are derived, and the one registry of names the spec cannot use."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import qq_connect
from generator import naming, reserved

PACKAGE = Path(qq_connect.__file__).parent


@pytest.mark.parametrize("name", ["ret", "is_qq_vip", "qq_vip_level2", "a"])
def test_usable_names(name: str) -> None:
    assert reserved.field_name_problem(name) is None
    assert reserved.parameter_name_problem(name) is None
    assert reserved.endpoint_name_problem(name) is None


@pytest.mark.parametrize("name, reason", [
    ("class", "keyword"), ("match", "keyword"), ("None", "keyword"),
    ("is-vip", "identifier"), ("1st", "identifier"), ("Nickname", "identifier"),
    ("名字", "identifier"), ("_private", "identifier"), ("", "identifier"),
    ("is_qq_vip ", "identifier"), ("is_qq_vip\n", "identifier"),
    ("model_config", "shadow"), ("json", "shadow"), ("retries_taken", "shadow"),
    ("is_degraded", "shadow"), ("str", "builtin"), ("int", "builtin"), ("id", "builtin"),
])
def test_refused_field_names_say_why(name: str, reason: str) -> None:
    problem = reserved.field_name_problem(name)
    assert problem is not None and reason in problem and repr(name) in problem


@pytest.mark.parametrize("name, reason", [
    ("str", "builtin"), ("method", "argument"), ("format", "builtin"), ("timeout", "argument"),
    ("self", "argument"), ("lambda", "keyword"),
])
def test_refused_parameter_names_say_why(name: str, reason: str) -> None:
    problem = reserved.parameter_name_problem(name)
    assert problem is not None and reason in problem and repr(name) in problem


@pytest.mark.parametrize("name", ["close", "aclose", "with_raw_response", "base_url", "timeout",
                                  "retry_policy", "max_body_bytes", "capture_dir", "service"])
def test_endpoints_cannot_replace_client_attributes(name: str) -> None:
    problem = reserved.endpoint_name_problem(name)
    assert problem is not None and "attribute" in problem


def test_class_names() -> None:
    assert naming.pascal_case("get_vip_rich_info") == "GetVipRichInfo"
    assert naming.result_class_name("get_vip_rich_info") == "VipRichInfo"
    assert naming.result_class_name("user_info") == "UserInfo"
    assert naming.wire_class_name("get_vip_info") == "GetVipInfoWire"
    assert naming.constant_name("get_vip_info") == "GET_VIP_INFO"
    assert naming.code_table_class_name("payway") == "Payway"
    assert naming.code_table_field_type("payway") == "PaywayField"


def _all_of(module: Path) -> list[str]:
    """A generated module's ``__all__``, read without importing it."""
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "__all__"
                for target in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{module} has no __all__")


def test_the_registry_matches_the_generated_package() -> None:
    for module, names in reserved.GENERATED_FIXED.items():
        assert set(names) <= set(_all_of(PACKAGE / f"{module}.py")), module
    for module, names in reserved.PUBLIC_RUNTIME.items():
        assert set(names) <= set(_all_of(PACKAGE / f"{module}.py")), module
    public = {name for names in reserved.PUBLIC_RUNTIME.values() for name in names}
    assert public | set(reserved.PUBLIC_GENERATED) <= set(qq_connect.__all__)
    copied = sorted(path.stem for path in PACKAGE.glob("_*.py")
                    if path.read_text(encoding="utf-8").startswith("# Copied from"))
    assert copied == list(reserved.RUNTIME_MODULES)



def test_runtime_exports_read_from_source_are_what_the_modules_export() -> None:
    """The registry reads each runtime module's ``__all__`` without importing it."""
    imported = {name for module in reserved.RUNTIME_MODULES
                for name in importlib.import_module(f"generator.runtime.{module}").__all__}
    assert reserved.runtime_exports() == imported


# What dir() lists of every class from Python 3.13; the registry holds them on any Python.
SINCE_3_13 = {"__firstlineno__", "__static_attributes__"}


def test_client_attributes_read_from_source_are_what_the_clients_have() -> None:
    """The registry reads the clients' attributes without importing them (or httpx)."""
    from generator.runtime._base_client import AsyncClient, SyncClient

    declared = {name for client in (SyncClient, AsyncClient) for cls in client.__mro__
                for name in getattr(cls, "__annotations__", {})}
    imported = {*dir(SyncClient), *dir(AsyncClient), *declared, "with_raw_response"}
    assert reserved.client_attributes() == imported | SINCE_3_13


def test_a_client_base_from_another_module_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "module.py"
    source.write_text("import httpx\n\nclass Client(httpx.Client):\n    pass\n", "utf-8")
    with pytest.raises(ValueError, match=r"httpx\.Client"):
        reserved._class_attributes(source, "Client")


def test_result_attributes_read_from_source_are_what_the_models_have() -> None:
    """The registry reads the results' and wire models' attributes without importing them;
    only the dunders pydantic's metaclass adds to each class are not in the source."""
    from generator.runtime._result import ExpiringResult
    from generator.runtime._wire import OAuthWireModel, RetWireModel

    imported = {*dir(ExpiringResult), *dir(RetWireModel), *dir(OAuthWireModel)}
    read = reserved.result_attributes()
    assert read <= imported | SINCE_3_13
    assert all(name.startswith("__") for name in imported - read)
    assert {"ret", "msg", "error", "error_description"}.isdisjoint(read)  # fields
    assert {"retries_taken", "is_degraded", "failure", "model_dump"} <= read

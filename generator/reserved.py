"""The one registry of names the generated package fixes, whatever the spec says.

Where the runtime defines a name, the registry reads it from the runtime itself
(its modules' ``__all__``, its classes' attributes), so the two cannot disagree.
The few names the rendered modules define are listed here, and a test checks them
against the generated package.
"""

from __future__ import annotations

import ast
import builtins
import keyword
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Final

from .naming import is_lower_identifier

RUNTIME_DIR: Final = Path(__file__).resolve().parent / "runtime"
# Every hand-written module of the package, copied verbatim (the runtime's __init__ is not).
RUNTIME_MODULES: Final = tuple(sorted(path.stem for path in RUNTIME_DIR.glob("_*.py")
                                      if path.name != "__init__.py"))

# What the package's __init__ re-exports from the runtime, by module.
PUBLIC_RUNTIME: Final[Mapping[str, tuple[str, ...]]] = {
    "_base_client": ("RawResponse", "RetryPolicy"),
    "_codes": ("ReturnCode", "ReturnCodeTable"),
    "_errors": ("ApiError", "ClientClosedError", "ConnectError", "ContentEncodingError",
                "DecodeError", "HTTPStatusError", "QQConnectError", "RequestInfo",
                "RequestTimeoutError", "ResponseTooLargeError", "ResponseValidationError",
                "TransportError"),
    "_response": ("Endpoint",),
    "_result": ("Result",),
}
# What the rendered modules define whatever the spec says, by module; the public ones
# are re-exported too.
GENERATED_FIXED: Final[Mapping[str, tuple[str, ...]]] = {
    "_client": ("BASE_URL", "SERVICE", "AsyncQQConnect", "AsyncQQConnectWithRawResponse",
                "QQConnect", "QQConnectWithRawResponse"),
    "_return_codes": ("RETURN_CODES", "RETURN_CODE_TABLE", "describe", "error_for"),
    "_contracts": ("CONTRACTS",),
}
PUBLIC_GENERATED: Final = ("AsyncQQConnect", "BASE_URL", "QQConnect", "RETURN_CODES", "describe",
                           "error_for")
# Arguments every generated endpoint method has besides the spec's parameters.
METHOD_ARGUMENTS: Final = ("self", "method", "format", "timeout")


@cache
def runtime_exports() -> frozenset[str]:
    """Every name a runtime module exports: its ``__all__``, read from its source (importing
    the runtime would load httpx and pydantic into every run of the generator)."""
    names: set[str] = set()
    for module in RUNTIME_MODULES:
        names.update(_declared_all(RUNTIME_DIR / f"{module}.py"))
    return frozenset(names)


def _declared_all(source: Path) -> list[str]:
    for statement in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [
                statement.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                value = ast.literal_eval(statement.value) if statement.value else []
                return [str(name) for name in value]
    raise ValueError(f"{source} declares no __all__")


@cache
def class_names() -> frozenset[str]:
    """Names no class the spec defines (results, wire models, errors, tables) may take."""
    generated = {name for names in GENERATED_FIXED.values() for name in names}
    return runtime_exports() | generated


@cache
def client_attributes() -> frozenset[str]:
    """Attributes of the clients that an endpoint method must not replace."""
    from .runtime._base_client import AsyncClient, SyncClient

    declared = {name for client in (SyncClient, AsyncClient) for cls in client.__mro__
                for name in getattr(cls, "__annotations__", {})}
    return frozenset({*dir(SyncClient), *dir(AsyncClient), *declared, "with_raw_response"})


@cache
def result_attributes() -> frozenset[str]:
    """Attributes of results and wire models (pydantic's, ``retries_taken``, ``is_degraded``)."""
    from .runtime._result import ExpiringResult
    from .runtime._wire import OAuthWireModel, RetWireModel

    return frozenset({*dir(ExpiringResult), *dir(RetWireModel), *dir(OAuthWireModel)})


def python_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a generated attribute or argument, or None if it can."""
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return f"{name!r} is a Python keyword; it cannot name a generated attribute"
    if not is_lower_identifier(name):
        return (f"{name!r} is not a lower-case Python identifier "
                "(letters a-z, digits and '_', starting with a letter)")
    return None


def field_name_problem(name: str) -> str | None:
    """Why a response field cannot be called ``name``, or None if it can."""
    problem = python_name_problem(name)
    if problem is not None:
        return problem
    if name in dir(builtins):
        return f"{name!r} would shadow the Python builtin in the generated models"
    if name.startswith("model_") or name in result_attributes():
        return f"{name!r} would shadow an attribute of the generated result or wire model"
    return None


def parameter_name_problem(name: str) -> str | None:
    """Why a request parameter cannot be called ``name``, or None if it can."""
    problem = python_name_problem(name)
    if problem is not None:
        return problem
    if name in dir(builtins):
        return f"{name!r} would shadow the Python builtin in the generated client methods"
    if name in METHOD_ARGUMENTS:
        return f"every client method already has an argument {name!r}"
    return None


def endpoint_name_problem(name: str) -> str | None:
    """Why an endpoint cannot be called ``name`` (it names a client method), or None."""
    problem = python_name_problem(name)
    if problem is not None:
        return problem
    if name in client_attributes():
        return f"the clients already have an attribute {name!r}"
    return None

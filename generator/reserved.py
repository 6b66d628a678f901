"""The one registry of names the generated package fixes, whatever the spec says.

Where the runtime defines a name, the registry reads it from the runtime itself
(its modules' ``__all__``, its classes' attributes), so the two cannot disagree.
The few names the rendered modules define are listed here, and a test checks them
against the generated package.
"""

from __future__ import annotations

import ast
import builtins
import io
import keyword
import re
import tokenize
from collections.abc import Iterator, Mapping
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
    # Only the statement is parsed, not the whole module (29 modules: a twentieth of a
    # second); a top-level statement starts at the start of a line.
    text = source.read_text(encoding="utf-8")
    for found in _ALL_STATEMENT.finditer(text):
        try:
            statement = ast.parse(_logical_line(text, found.start())).body[0]
        except (SyntaxError, tokenize.TokenError):  # inside a string, say
            continue
        if isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [
                statement.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                value = ast.literal_eval(statement.value) if statement.value else []
                return [str(name) for name in value]
    raise ValueError(f"{source} declares no __all__")


_ALL_STATEMENT = re.compile(r"^__all__\b", re.MULTILINE)


def _logical_line(text: str, start: int) -> str:
    """The statement that starts at ``start``, however many lines its brackets span."""
    rest = text[start:]
    for token in tokenize.generate_tokens(io.StringIO(rest).readline):
        if token.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
            lines = rest.splitlines(keepends=True)[:token.end[0]]
            return "".join(lines)
    return rest


@cache
def class_names() -> frozenset[str]:
    """Names no class the spec defines (results, wire models, errors, tables) may take."""
    generated = {name for names in GENERATED_FIXED.values() for name in names}
    return runtime_exports() | generated


@cache
def client_attributes() -> frozenset[str]:
    """Attributes of the clients that an endpoint method must not replace.

    Read from the runtime's source, like its ``__all__``: importing the clients would load
    httpx into every run of the generator.
    """
    source = RUNTIME_DIR / "_base_client.py"
    declared = {name for client in ("SyncClient", "AsyncClient")
                for name in _class_attributes(source, client)}
    return frozenset({*declared, "with_raw_response"})


# What every class has beside its own names and object's (dir() lists them); 3.13 adds
# the last two, listed on every Python so that the registry does not depend on it.
_CLASS_DUNDERS = ("__dict__", "__weakref__", "__module__", "__doc__", "__annotations__",
                  "__firstlineno__", "__static_attributes__")


def _class_attributes(source: Path, class_name: str, model_base: type | None = None) -> set[str]:
    """What ``dir()`` of the class lists, read from its module's source: the names its body
    and its bases' bodies in that module define, and those of object or ``model_base``.

    Annotated names count as (instance) attributes, unless the classes are pydantic models
    deriving from ``model_base``: then they are fields, which are not attributes. A base
    from another module, other than these, is refused: its names are unknown.
    """
    classes = {node.name: node for node in ast.parse(source.read_text(encoding="utf-8")).body
               if isinstance(node, ast.ClassDef)}
    outside = model_base or object
    names = {*dir(outside), *_CLASS_DUNDERS}
    pending = [class_name]
    while pending:
        node = classes[pending.pop()]
        names.update(_body_names(node.body, fields=model_base is not None))
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in classes:
                pending.append(base.id)
            elif not (isinstance(base, ast.Name) and base.id == outside.__name__):
                raise ValueError(f"{source.name}: {node.name} has a base from another module "
                                 f"({ast.unparse(base)}); its attributes cannot be read")
    return names


def _body_names(body: list[ast.stmt], fields: bool) -> Iterator[str]:
    """Names a class body binds: methods, nested classes, assigned and annotated names
    (with ``fields``, only the class variables among annotated ones that have a value)."""
    for statement in body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield statement.name
        elif isinstance(statement, ast.Assign):
            yield from (target.id for target in statement.targets
                        if isinstance(target, ast.Name))
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            if not fields or (statement.value is not None and _is_class_var(statement)):
                yield statement.target.id
        elif isinstance(statement, ast.If | ast.Try):
            yield from _body_names(statement.body, fields)
            yield from _body_names(statement.orelse, fields)


def _is_class_var(statement: ast.AnnAssign) -> bool:
    annotation = statement.annotation
    if isinstance(annotation, ast.Subscript):
        annotation = annotation.value
    return isinstance(annotation, ast.Name) and annotation.id == "ClassVar"


@cache
def result_attributes() -> frozenset[str]:
    """Attributes of results and wire models (pydantic's, ``retries_taken``, ``is_degraded``).

    Read from the runtime's source too; pydantic itself is loaded by the code generator in
    any case.
    """
    from pydantic import BaseModel

    return frozenset({
        *_class_attributes(RUNTIME_DIR / "_result.py", "ExpiringResult", BaseModel),
        *_class_attributes(RUNTIME_DIR / "_wire.py", "RetWireModel", BaseModel),
        *_class_attributes(RUNTIME_DIR / "_wire.py", "OAuthWireModel", BaseModel)})


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

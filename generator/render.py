"""Render: every generated file as text, from the model and the templates, in memory."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from . import json_schema, literals, python_types, texts
from .model import Api, Endpoint
from .naming import constant_name
from .wire_models import render_wire_model

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PACKAGE = "qq_connect"
VERSION = "0.1.0"
RUNTIME_REQUIREMENTS = ("anyio>=4", "httpx>=0.28,<1", "pydantic>=2.11,<3")
# Modules rendered once for the whole spec, from templates/package/<name>.j2.
_PACKAGE_MODULES = ("_base_client.py", "_capture.py", "_check.py", "_client.py",
                    "_code_tables.py", "_codes.py", "_convert.py", "_errors.py", "_request.py",
                    "_response.py", "_result.py", "_wire.py", "_xml.py", "check.py",
                    "endpoints.py")

_FILTERS: dict[str, Callable[..., Any]] = {
    "py_str": literals.python_string,
    "docstring": literals.python_docstring,
    "comment": literals.python_comment,
    "md": literals.markdown_cell,
    "toml_str": literals.toml_string,
    "constant": constant_name,
    "result_type": python_types.result_type,
    "result_default": python_types.result_default,
    "result_imports": python_types.result_imports,
    "code_table_type": python_types.code_table_type,
    "parameter_annotation": python_types.parameter_annotation,
    "parameter_value": python_types.parameter_value,
    "common_value": python_types.common_value,
    "public_names": python_types.public_names,
    "known_codes": python_types.known_codes,
    "none_code": python_types.none_code,
    "field_docstring": texts.field_docstring,
    "result_docstring": texts.result_docstring,
    "used_code_tables": texts.used_code_tables,
    "example_block": texts.example_block,
}


def make_environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(_FILTERS)
    return environment


def banner_text(sources: tuple[str, ...]) -> str:
    return f"Generated from {', '.join(sources)}; do not edit, run `make generate`."


def render(api: Api) -> dict[str, str]:
    """Every file of ``generated/``, by its path relative to it."""
    environment = make_environment()
    whole_spec = banner_text(api.source_files)
    comment = literals.python_comment(whole_spec)

    def from_template(template: str, **context: Any) -> str:
        return environment.get_template(template).render(api=api, **context)

    files: dict[str, str] = {}
    package = PACKAGE
    for module in _PACKAGE_MODULES:
        files[f"{package}/{module}"] = from_template(
            f"package/{module}.j2", banner=comment, patterns=json_schema.PATTERNS,
            xml_root=api.xml_root)
    files[f"{package}/__init__.py"] = from_template("package/package_init.py.j2", banner=comment)
    files[f"{package}/py.typed"] = from_template("package/py.typed.j2", banner=comment)
    for subpackage, description, class_of in (
        ("wire", "Raw wire models, one module per endpoint.", _wire_class),
        ("models", "Typed results, one module per endpoint.", _result_class),
    ):
        files[f"{package}/{subpackage}/__init__.py"] = from_template(
            "package/subpackage_init.py.j2", banner=comment, description=description,
            members=[(e.name, class_of(e)) for e in api.endpoints])
    for endpoint in api.endpoints:
        sources: tuple[str, ...] = (api.api_file, endpoint.source_file)
        if any(f.code_table for f in endpoint.fields):
            sources = (*sources, api.source_files[2])
        text = banner_text(sources)
        files[f"{package}/wire/{endpoint.name}.py"] = render_wire_model(
            endpoint, package, literals.python_comment(text))
        files[f"{package}/models/{endpoint.name}.py"] = from_template(
            "package/model.py.j2", banner=literals.python_comment(text), endpoint=endpoint)
        schema = json_schema.response_schema(api, endpoint, text)
        files[f"{package}/schemas/{endpoint.name}.json"] = (
            json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
        files[f"docs/{endpoint.name}.md"] = from_template(
            "docs/endpoint.md.j2", banner_text=whole_spec, endpoint=endpoint)
    files["pyproject.toml"] = from_template(
        "pyproject.toml.j2", banner=comment, version=VERSION,
        runtime_requirements=RUNTIME_REQUIREMENTS,
        packages=[package, f"{package}.wire", f"{package}.models"])
    return dict(sorted(files.items()))


def _wire_class(endpoint: Endpoint) -> str:
    return endpoint.wire_class


def _result_class(endpoint: Endpoint) -> str:
    return endpoint.result_class

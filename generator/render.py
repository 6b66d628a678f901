"""Render: every generated file as text, from the model and the templates, in memory.

Three kinds of file: runtime modules copied verbatim from ``generator/runtime/`` (and
its ``testing/`` into the ``testing`` subpackage),
modules and documents rendered from ``templates/``, and wire models written by
datamodel-code-generator. Each starts with a banner naming what it was made from:
the spec files it depends on, or the runtime file it copies.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2

from . import json_schema, literals, openapi, python_types, reserved, texts
from .model import Api, Endpoint
from .template_cache import TemplateCache
from .wire_models import render_wire_models

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
# Shipped with the package (license-files): the repository's own, copied verbatim.
LICENSE = ROOT / "LICENSE"
PACKAGE = "qq_connect"
# The distribution's name normalises to the import name (PEP 503: qq-connect -> qq_connect).
DISTRIBUTION = "qq-connect"
# The one home of the version: pyproject.toml and ``qq_connect.__version__`` both print it.
VERSION = "0.1.0"
# Tested on the first; the others are claimed in the classifiers (see README "Python").
PYTHON_VERSIONS = ("3.11", "3.12", "3.13")
# pydantic-core: the one-pass validators (``_fast``, ``_convert``) build its schemas directly;
# each pydantic release pins the pydantic-core it needs.
RUNTIME_REQUIREMENTS = ("annotated-types>=0.6", "anyio>=4", "httpx>=0.28,<1",
                        "pydantic>=2.11,<3", "pydantic-core>=2.27,<3")
# Runtime folders copied into the package's subpackage of the same name.
RUNTIME_SUBPACKAGES = ("testing",)


def python_bytes_lines(body: bytes) -> list[str]:
    """Bytes literals, one per line of ``body``, that concatenate to it (a stored example)."""
    return [repr(line) for line in body.splitlines(keepends=True)] or [repr(b"")]


_FILTERS: dict[str, Callable[..., Any]] = {
    "py_str": literals.python_string,
    "py_frozenset": literals.python_frozenset,
    "import_from": literals.import_from,
    "docstring": literals.python_docstring,
    "comment": literals.python_comment,
    "md": literals.markdown_cell,
    "toml_str": literals.toml_string,
    "html_comment": literals.html_comment,
    "result_type": python_types.result_type,
    "result_value": python_types.result_value,
    "result_imports": python_types.result_imports,
    "parameter_annotation": python_types.parameter_annotation,
    "parameter_value": python_types.parameter_value,
    "result_base": python_types.result_base,
    "hidden_fields": python_types.hidden_fields,
    "client_imports": python_types.client_imports,
    "parameter_origin": texts.parameter_origin,
    "field_description": texts.field_description,
    "method_docstring": texts.method_docstring,
    "browser_url_docstring": texts.browser_url_docstring,
    "result_module_docstring": texts.result_module_docstring,
    "result_docstring": texts.result_docstring,
    "degraded_docstring": texts.degraded_docstring,
    "placeholder_docstring": texts.placeholder_docstring,
    "code_table_docstring": texts.code_table_docstring,
    "package_docstring": texts.package_docstring,
    "sync_client_docstring": texts.sync_client_docstring,
    "async_client_docstring": texts.async_client_docstring,
    "return_codes_docstring": texts.return_codes_docstring,
    "check_docstring": texts.check_docstring,
    "example_block": texts.example_block,
    "py_bytes_lines": python_bytes_lines,
}


def make_environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=TemplateCache(),  # compiled templates kept in .cache/, like .pyc
    )
    environment.filters.update(_FILTERS)
    return environment


def banner_text(sources: Iterable[str]) -> str:
    """What a generated file says of itself: the spec files it was made from."""
    return f"Generated from {', '.join(sources)}; do not edit, run `make generate`."


def copied_banner_text(source: str) -> str:
    return f"Copied from {source}; do not edit here: edit that file and run `make generate`."


def render(api: Api) -> dict[str, str]:
    """Every file of ``generated/``, by its path relative to it."""
    files = {**copy_runtime(), **_Renderer(api).render_all(), "LICENSE": copy_license()}
    return dict(sorted(files.items()))


def copy_license() -> str:
    """The repository's license, shipped with the package, behind a plain-text banner."""
    return f"{copied_banner_text(LICENSE.name)}\n\n{LICENSE.read_text(encoding='utf-8')}"


def copy_runtime() -> dict[str, str]:
    """The hand-written modules, verbatim behind a one-line banner, and the JSON Schemas
    of the runtime's own formats (the check report's)."""
    files: dict[str, str] = {}
    for module in reserved.RUNTIME_MODULES:
        source = reserved.RUNTIME_DIR / f"{module}.py"
        shown = f"generator/runtime/{source.name}"
        text = source.read_text(encoding="utf-8")
        banner = literals.python_comment(copied_banner_text(shown))
        files[f"{PACKAGE}/{source.name}"] = f"{banner}\n{text}"
    for subpackage in RUNTIME_SUBPACKAGES:
        for source in sorted((reserved.RUNTIME_DIR / subpackage).glob("_*.py")):
            if source.name != "__init__.py":  # the subpackage's own is rendered
                shown = f"generator/runtime/{subpackage}/{source.name}"
                banner = literals.python_comment(copied_banner_text(shown))
                text = source.read_text(encoding="utf-8")
                files[f"{PACKAGE}/{subpackage}/{source.name}"] = f"{banner}\n{text}"
    for source in sorted(reserved.RUNTIME_DIR.glob("*.schema.json")):
        # JSON has no comments: the banner is the schema's $comment.
        schema = json.loads(source.read_text(encoding="utf-8"))
        head = {key: schema.pop(key) for key in ("$schema", "$id") if key in schema}
        comment = {"$comment": copied_banner_text(f"generator/runtime/{source.name}")}
        files[f"{PACKAGE}/{source.name}"] = json.dumps(
            {**head, **comment, **schema}, indent=2, ensure_ascii=False) + "\n"
    return files


def package_exports(api: Api) -> list[tuple[str, list[str]]]:
    """What the package's ``__init__`` imports, by module: runtime, fixed and spec names."""
    exports: list[tuple[str, list[str]]] = [
        (module, sorted(names)) for module, names in sorted(reserved.PUBLIC_RUNTIME.items())]
    fixed = set(reserved.PUBLIC_GENERATED)
    for module, names in sorted(reserved.GENERATED_FIXED.items()):
        public = sorted(fixed.intersection(names))
        if module == "_return_codes":
            public = sorted([*public, *(c.exception for c in api.categories)])
        if public:
            exports.append((module, public))
    exports.append(("_code_tables", sorted(table.class_name for table in api.code_tables)))
    exports.append(("endpoints", sorted(endpoint.constant for endpoint in api.endpoints)))
    for endpoint in api.endpoints:
        exports.append((f"models.{endpoint.name}", [endpoint.result_class]))
        exports.append((f"wire.{endpoint.name}", [endpoint.wire_class]))
    return [(module, names) for module, names in exports if names]


# Modules that import httpx or pydantic, or build models: the package loads them when one
# of their names is first used, so ``import qq_connect`` stays light and the contract
# check (``python -m qq_connect.check``) starts without them.
_LAZY_MODULES = ("_base_client", "_client", "_response", "endpoints", "_result", "_code_tables",
                 "models.", "wire.")


def is_lazy(module: str) -> bool:
    return module.startswith(_LAZY_MODULES)


class _Renderer:
    """Renders each file from the templates, with the banner of the spec files it reads."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.environment = make_environment()
        sources = api.sources
        self.every_file = sources.all
        self.endpoint_files = sources.endpoints
        self.uses_tables = any(endpoint.code_tables for endpoint in api.endpoints)

    def template(self, template: str, sources: Iterable[str], **context: Any) -> str:
        banner = literals.python_comment(banner_text(sources))
        return self.environment.get_template(template).render(
            api=self.api, banner=banner, **context)

    def render_all(self) -> dict[str, str]:
        api, sources = self.api, self.api.sources
        package = PACKAGE
        table_files = (sources.code_tables,) if self.uses_tables else ()
        exports = package_exports(api)
        files = {
            f"{package}/__init__.py": self.template(
                "package/package_init.py.j2", self.every_file,
                eager=[(module, names) for module, names in exports if not is_lazy(module)],
                lazy=[(module, names) for module, names in exports if is_lazy(module)],
                public_names=sorted(name for _, names in exports for name in names),
                version=VERSION),
            f"{package}/_client.py": self.template(
                "package/_client.py.j2", (sources.api, *self.endpoint_files,
                                          *sources.browser_urls)),
            f"{package}/_return_codes.py": self.template(
                "package/_return_codes.py.j2", (sources.return_codes,)),
            f"{package}/_code_tables.py": self.template(
                "package/_code_tables.py.j2", (sources.code_tables,)),
            f"{package}/_contracts.py": self.template(
                "package/_contracts.py.j2", (sources.api, *table_files, *self.endpoint_files)),
            f"{package}/endpoints.py": self.template(
                "package/endpoints.py.j2", (sources.api, *self.endpoint_files)),
            f"{package}/check.py": self.template("package/check.py.j2", self.endpoint_files),
            f"{package}/py.typed": literals.python_comment(
                "Marks the package as typed (PEP 561); written by `make generate`.") + "\n",
            "openapi.json": openapi.document_text(api, VERSION, banner_text(self.every_file)),
            "pyproject.toml": self.template(
                "pyproject.toml.j2", (sources.api,), version=VERSION,
                distribution=DISTRIBUTION, python_versions=PYTHON_VERSIONS,
                runtime_requirements=RUNTIME_REQUIREMENTS),
            "README.md": self.environment.get_template("README.md.j2").render(
                api=api, banner_text=banner_text((sources.api, *self.endpoint_files)),
                distribution=DISTRIBUTION, python_versions=PYTHON_VERSIONS),
        }
        for subpackage, description, class_of in (
            ("wire", "Raw wire models, one module per endpoint.", _wire_class),
            ("models", "Typed results, one module per endpoint.", _result_class),
        ):
            files[f"{package}/{subpackage}/__init__.py"] = self.template(
                "package/subpackage_init.py.j2", self.endpoint_files, description=description,
                members=[(e.name, class_of(e)) for e in api.endpoints])
        wire_models = render_wire_models(api.endpoints, PACKAGE, {
            e.name: literals.python_comment(banner_text((e.source_file,))) for e in api.endpoints})
        for endpoint in api.endpoints:
            files.update(self.endpoint_files_of(endpoint, wire_models[endpoint.name]))
        files.update(self.testing_files())
        for url in api.browser_urls:
            files[f"docs/{url.name}.md"] = self.environment.get_template(
                "docs/browser_url.md.j2").render(
                    api=api, url=url, banner_text=banner_text((sources.api, url.source_file)))
        return files

    def testing_files(self) -> dict[str, str]:
        """``qq_connect.testing``: the spec's examples as data, the public mock, its command."""
        sources = self.api.sources
        return {
            f"{PACKAGE}/testing/_answers.py": self.template(
                "testing/_answers.py.j2", (sources.api, *self.endpoint_files)),
            # Its docstring's example names the first endpoint and return code.
            f"{PACKAGE}/testing/__init__.py": self.template(
                "testing/testing_init.py.j2", (sources.api, sources.return_codes,
                                               self.api.endpoints[0].source_file)),
            f"{PACKAGE}/testing/__main__.py": self.template(
                "testing/__main__.py.j2", (sources.api,)),
        }

    def endpoint_files_of(self, endpoint: Endpoint, wire_model: str) -> dict[str, str]:
        sources = self.api.sources
        tables = (sources.code_tables,) if endpoint.code_tables else ()
        own = (endpoint.source_file, *tables)
        schema = json_schema.response_schema(endpoint, banner_text(own))
        docs_banner = banner_text((sources.api, sources.return_codes, *own))
        return {
            f"{PACKAGE}/wire/{endpoint.name}.py": wire_model,
            f"{PACKAGE}/models/{endpoint.name}.py": self.template(
                "package/model.py.j2", own, endpoint=endpoint),
            f"{PACKAGE}/schemas/{endpoint.name}.json": (
                json.dumps(schema, indent=2, ensure_ascii=False) + "\n"),
            f"docs/{endpoint.name}.md": self.environment.get_template(
                "docs/endpoint.md.j2").render(api=self.api, banner_text=docs_banner,
                                              endpoint=endpoint),
        }


def _wire_class(endpoint: Endpoint) -> str:
    return endpoint.wire_class


def _result_class(endpoint: Endpoint) -> str:
    return endpoint.result_class

"""Raw wire models: pydantic v2 code from datamodel-code-generator, called in-process."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from datamodel_code_generator import generate
from datamodel_code_generator.enums import DataModelType, InputFileType
from datamodel_code_generator.format import Formatter, PythonVersion

from .model import Endpoint
from .python_types import WIRE_BASES, wire_type_path
from .texts import field_description, wire_model_description

LINE_LENGTH = 100


def wire_model_schema(endpoint: Endpoint, package: str) -> dict[str, Any]:
    """The input for datamodel-code-generator: each field typed by its wire kind.

    The published response schema expresses "integer or numeric string" as anyOf,
    which the code generator would turn into root-model unions; here each field
    names the runtime type that parses both instead.
    """
    return {
        "title": endpoint.wire_class,
        "description": wire_model_description(endpoint),
        "type": "object",
        "required": [endpoint.errors.code_field, endpoint.errors.message_field]
        if endpoint.errors.always_present else [],
        "additionalProperties": True,
        "properties": {
            field.name: {"customTypePath": wire_type_path(field, package),
                         "description": field_description(field)}
            for field in endpoint.fields
        },
    }


def render_wire_models(endpoints: Sequence[Endpoint], package: str,
                       banners: Mapping[str, str]) -> dict[str, str]:
    """Python source of every endpoint's wire model, by endpoint name, from one run of the
    code generator (its set-up and first-use costs are paid once, not once per endpoint).

    The run writes one module per endpoint (a class named ``module.Class`` goes to
    ``module.py``), each the same text as a run of its own (tests/generator/
    test_wire_models.py); a run that does not give exactly those modules is done again
    endpoint by endpoint. Each module then gets its own banner.
    """
    definitions = {f"{endpoint.name}.{endpoint.wire_class}": wire_model_schema(endpoint, package)
                   for endpoint in endpoints}
    bases = {f"{endpoint.name}.{endpoint.wire_class}": _base_class(endpoint, package)
             for endpoint in endpoints}
    modules = _generate({"$defs": definitions}, _BANNER_SLOT, base_class_map=bases)
    expected = {(f"{endpoint.name}.py",) for endpoint in endpoints}
    if not isinstance(modules, Mapping) or not expected <= set(modules) or any(
            not modules[(f"{e.name}.py",)].startswith(_BANNER_SLOT + "\n") for e in endpoints):
        return {endpoint.name: render_wire_model(endpoint, package, banners[endpoint.name])
                for endpoint in endpoints}
    return {endpoint.name: _finished(banners[endpoint.name] + modules[(f"{endpoint.name}.py",)]
                                     .removeprefix(_BANNER_SLOT))
            for endpoint in endpoints}


# Stands for each module's banner in the shared run; replaced by the module's own.
_BANNER_SLOT = "# (banner)"


def render_wire_model(endpoint: Endpoint, package: str, banner: str) -> str:
    """Python source of the wire model; reproducible: no timestamp, fixed formatting."""
    source = _generate(wire_model_schema(endpoint, package), banner,
                       base_class=_base_class(endpoint, package))
    if not isinstance(source, str):
        raise TypeError("datamodel-code-generator returned no single module")
    return _finished(source)


def _base_class(endpoint: Endpoint, package: str) -> str:
    return f"{package}._wire.{WIRE_BASES[endpoint.errors.name]}"


def _finished(source: str) -> str:
    return source.rstrip("\n") + "\n"


def _generate(schema: dict[str, Any], header: str, **options: Any) -> object:
    """One run of datamodel-code-generator, with the options every wire model shares."""
    return generate(
        json.dumps(schema, ensure_ascii=False),
        input_file_type=InputFileType.JsonSchema,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_311,
        disable_timestamp=True,
        formatters=[Formatter.BUILTIN],
        builtin_format_line_length=LINE_LENGTH,
        custom_file_header=header,
        use_annotated=True,
        use_standard_collections=True,
        use_union_operator=True,
        use_double_quotes=True,
        # Each description in Field(description=...) for pydantic, and as the attribute's
        # docstring for IDEs (pydantic reading docstrings from source costs every import).
        use_inline_field_description=True,
        use_schema_description=True,
        extra_fields="allow",
        **options,
    )

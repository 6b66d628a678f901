"""Raw wire models: pydantic v2 code from datamodel-code-generator, called in-process."""

from __future__ import annotations

import json
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


def render_wire_model(endpoint: Endpoint, package: str, banner: str) -> str:
    """Python source of the wire model; reproducible: no timestamp, fixed formatting."""
    source = generate(
        json.dumps(wire_model_schema(endpoint, package), ensure_ascii=False),
        input_file_type=InputFileType.JsonSchema,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_311,
        disable_timestamp=True,
        formatters=[Formatter.BUILTIN],
        builtin_format_line_length=LINE_LENGTH,
        custom_file_header=banner,
        use_annotated=True,
        use_standard_collections=True,
        use_union_operator=True,
        use_double_quotes=True,
        # Each description in Field(description=...) for pydantic, and as the attribute's
        # docstring for IDEs (pydantic extracting docstrings from source costs imports).
        use_inline_field_description=True,
        use_schema_description=True,
        extra_fields="allow",
        base_class=f"{package}._wire.{WIRE_BASES[endpoint.errors.name]}",
    )
    if not isinstance(source, str):
        raise TypeError("datamodel-code-generator returned no single module")
    return source.rstrip("\n") + "\n"

"""Python types of generated fields: one mapping per layer, by field kind."""

from __future__ import annotations

from .model import CommonParameter, Endpoint, Field, Parameter

# Runtime types in the generated package's _wire module (raw wire values).
_WIRE_TYPES = {
    "return_code": "WireInteger",
    "flag": "WireFlag",
    "timestamp": "WireNonNegative",
    "level": "WireNonNegative",
    "integer": "WireInteger",
    "code": "WireInteger",
    "text": "WireText",
}
# Types of the convenience result, in the generated package's _convert module.
_RESULT_TYPES = {
    "flag": "Flag",
    "timestamp": "Timestamp",
    "level": "int",
    "integer": "int",
    "text": "str",
}
_CONVERTERS = frozenset({"Flag", "Timestamp"})


def wire_type_path(field: Field, package: str) -> str:
    """The dotted path datamodel-code-generator imports for a wire field."""
    return f"{package}._wire.{_WIRE_TYPES[field.kind]}"


def _base_result_type(field: Field) -> str:
    if field.code_table is not None:
        return field.code_table.field_type
    return _RESULT_TYPES[field.kind]


def result_type(field: Field) -> str:
    """The annotation of a result field; example-only fields may be absent."""
    base = _base_result_type(field)
    return base if field.documented else f"{base} | None"


def result_default(field: Field) -> str:
    """`` = None`` for example-only fields: their absence is not an error."""
    return "" if field.documented else " = None"


def parameter_annotation(parameter: Parameter) -> str:
    """A private parameter's annotation and default: required ones have none."""
    base = "int" if parameter.type == "integer" else "str"
    return base if parameter.required else f"{base} | None = None"


def parameter_value(parameter: Parameter) -> str:
    """The expression that sends a private parameter as text (None is left out)."""
    if parameter.type == "string":
        return parameter.name
    if parameter.required:
        return f"str({parameter.name})"
    return f"None if {parameter.name} is None else str({parameter.name})"


def common_value(parameter: CommonParameter) -> str:
    """Where a common parameter's value comes from: the call, or the client's app id."""
    return "self._app_id" if parameter.source == "app_id" else parameter.name


def result_imports(endpoint: Endpoint) -> list[tuple[str, list[str]]]:
    """The imports a result module needs, sorted, so nothing unused is imported."""
    converters = {_RESULT_TYPES[f.kind] for f in endpoint.fields
                  if f.code_table is None and _RESULT_TYPES.get(f.kind) in _CONVERTERS}
    tables = {table.field_type for table in endpoint.code_tables}
    imports = [("_code_tables", sorted(tables)), ("_convert", sorted(converters))]
    return [(f"..{module}", names) for module, names in imports if names]

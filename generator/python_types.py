"""Python types of generated fields: one mapping per layer, by field kind."""

from __future__ import annotations

from .model import Api, CommonParameter, Endpoint, Field, Parameter
from .naming import constant_name, pascal_case

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


def wire_type_path(field: Field, package: str) -> str:
    """The dotted path datamodel-code-generator imports for a wire field."""
    return f"{package}._wire.{_WIRE_TYPES[field.kind]}"


def code_table_type(table_name: str) -> str:
    """The annotated result type of a code table's fields: ``payway`` → ``PaywayField``."""
    return pascal_case(table_name) + "Field"


def result_type(field: Field) -> str:
    """The annotation of a result field; example-only fields may be absent."""
    if field.kind == "code":
        assert field.code_table is not None
        base = code_table_type(field.code_table)
    else:
        base = _RESULT_TYPES[field.kind]
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


def common_value(parameter: CommonParameter, client: str = "self") -> str:
    """Where a common parameter's value comes from: the call, or the client's app id."""
    return f"{client}._app_id" if parameter.source == "app_id" else parameter.name


def result_imports(endpoint: Endpoint) -> list[tuple[str, list[str]]]:
    """The imports a result module needs, sorted, so nothing unused is imported."""
    converters: set[str] = set()
    tables: set[str] = set()
    for field in endpoint.fields:
        if field.kind in ("flag", "timestamp"):
            converters.add(_RESULT_TYPES[field.kind])
        elif field.kind == "code":
            assert field.code_table is not None
            tables.add(code_table_type(field.code_table))
    imports = [("..._code_tables", sorted(tables)), ("..._convert", sorted(converters))]
    return [(module.replace("...", ".."), names) for module, names in imports if names]


def public_names(api: Api) -> list[str]:
    """Everything the package's ``__init__`` re-exports, sorted."""
    names = {"BASE_URL", "RETURN_CODES", "ApiError", "AsyncQQConnect", "ConnectError",
             "DecodeError", "Endpoint", "HTTPStatusError", "QQConnect", "QQConnectError",
             "RawResponse", "RequestInfo", "RequestTimeoutError", "ResponseTooLargeError",
             "ResponseValidationError", "Result", "RetryPolicy", "ReturnCode", "TransportError",
             "describe", "error_for"}
    names.update(category.exception for category in api.categories)
    names.update(table.class_name for table in api.code_tables)
    for endpoint in api.endpoints:
        names.update({endpoint.result_class, endpoint.wire_class, constant_name(endpoint.name)})
    return sorted(names)


def known_codes(table_name: str, api: Api) -> str:
    """A frozenset literal of a code table's codes."""
    table = next(table for table in api.code_tables if table.name == table_name)
    return "frozenset({" + ", ".join(str(entry.code) for entry in table.codes) + "})"


def none_code(table_name: str, api: Api) -> str:
    return str(next(table for table in api.code_tables if table.name == table_name).none_code)


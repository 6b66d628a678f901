"""Python types and expressions of generated code: one mapping per layer, by field kind."""

from __future__ import annotations

from .literals import python_string
from .model import Api, Endpoint, Field, Parameter
from .texts import field_description

# Runtime types in the generated package's _wire module (raw wire values).
_WIRE_TYPES = {
    "return_code": "WireInteger",
    "flag": "WireFlag",
    "timestamp": "WireNonNegative",
    "duration": "WireNonNegative",
    "level": "WireNonNegative",
    "integer": "WireInteger",
    "code": "WireInteger",
    "text": "WireText",
}
# Types of the convenience result, in the generated package's _convert module.
_RESULT_TYPES = {
    "flag": "Flag",
    "timestamp": "Timestamp",
    "duration": "Duration",
    "level": "int",
    "integer": "int",
    "text": "str",
}
_CONVERTERS = frozenset({"Flag", "Timestamp", "Duration"})
# The wire model's base per error shape, in the generated package's _wire module.
WIRE_BASES = {"ret": "RetWireModel", "oauth": "OAuthWireModel"}


def wire_type_path(field: Field, package: str) -> str:
    """The dotted path datamodel-code-generator imports for a wire field."""
    return f"{package}._wire.{_WIRE_TYPES[field.kind]}"


def _base_result_type(field: Field) -> str:
    if field.code_table is not None:
        return field.code_table.field_type
    if field.sensitive == "secret":
        return "SecretStr"
    return _RESULT_TYPES[field.kind]


def result_type(field: Field) -> str:
    """The annotation of a result field; fields not always present may be None."""
    base = _base_result_type(field)
    return base if field.documented else f"{base} | None"


def result_value(field: Field) -> str:
    """A result field's ``Field(...)``: None for fields not always present (their absence is
    not an error), and the description, given here so that pydantic need not read it from
    the source's docstrings (that costs milliseconds per model at import)."""
    default = "" if field.documented else "default=None, "
    return f"Field({default}description={python_string(field_description(field))})"


def result_base(endpoint: Endpoint) -> str:
    return "ExpiringResult" if endpoint.expiry_field else "Result"


def hidden_fields(endpoint: Endpoint) -> tuple[str, ...]:
    """Result fields whose values reprs never show (SecretStr hides itself)."""
    return tuple(f.name for f in endpoint.result_fields if f.sensitive == "identity")


def _argument_type(parameter: Parameter) -> str:
    if parameter.type == "integer":
        return "int"
    if parameter.type == "flag":
        return "bool"
    if parameter.type == "list":
        return "Sequence[str]"
    if parameter.choices:
        return f"Literal[{', '.join(python_string(c) for c in parameter.choices)}]"
    # A secret the results give as a SecretStr (a token) is passed as one too, or as a str;
    # an identity (an openid) only as a str, so that swapping the two is a type error.
    return "str | SecretStr" if parameter.secret and not parameter.identity else "str"


def parameter_annotation(parameter: Parameter) -> str:
    """An argument's annotation and default: required ones have none, flags default False."""
    base = _argument_type(parameter)
    if parameter.required:
        return base
    if parameter.type == "flag":
        return f"{base} = False"
    return f"{base} | None = None"


def parameter_value(parameter: Parameter) -> str:
    """The expression of the text a parameter sends (None leaves it out)."""
    name = parameter.name
    if parameter.source == "fixed":
        return python_string(parameter.value)
    if parameter.source == "app_id":
        return "self._app_id"
    if parameter.source == "app_key":
        return "self._require_app_key()"
    if parameter.type == "flag":
        return f"flag_value({name})"
    if parameter.type == "list":
        return f"join_list({python_string(name)}, {name})"
    if parameter.type == "integer":
        return f"str({name})" if parameter.required else \
            f"None if {name} is None else str({name})"
    if parameter.check:
        value = f"checked({python_string(parameter.check)}, {python_string(name)}, {name})"
        return value if parameter.required else f"None if {name} is None else {value}"
    return f"reveal({name})" if parameter.secret else name


def client_imports(api: Api) -> dict[str, list[str]]:
    """What the client module imports beyond its fixed names, so nothing unused is."""
    parameters = [p for e in api.endpoints for p in e.parameters]
    parameters += [p for url in api.browser_urls for p in url.parameters]
    calls = [p for p in parameters if p.source == "call"]
    request = {"reveal" for p in calls if p.secret and p.type == "string" and not p.check}
    request |= {"flag_value" for p in calls if p.type == "flag"}
    request |= {"join_list" for p in calls if p.type == "list"}
    request |= {"checked" for p in calls if p.check}
    imports = {"._request": sorted(request)}
    if any(p.type == "list" for p in calls):
        imports["collections.abc"] = ["Sequence"]
    if any(p.secret and not p.identity and p.type == "string" and not p.choices for p in calls):
        imports["pydantic"] = ["SecretStr"]
    return {module: names for module, names in imports.items() if names}


def result_imports(endpoint: Endpoint) -> list[tuple[str, list[str]]]:
    """The imports a result module needs, sorted, so nothing unused is imported."""
    converters = {_RESULT_TYPES[f.kind] for f in endpoint.result_fields
                  if f.code_table is None and _RESULT_TYPES.get(f.kind) in _CONVERTERS}
    tables = {table.field_type for table in endpoint.code_tables}
    imports = [(".._result", [result_base(endpoint)]), (".._code_tables", sorted(tables)),
               (".._convert", sorted(converters))]
    imports.insert(0, ("pydantic", ["Field", *(["SecretStr"] if any(
        f.sensitive == "secret" for f in endpoint.result_fields) else [])]))
    if hidden_fields(endpoint) or endpoint.expiry_field:
        imports.insert(0, ("typing", ["ClassVar"]))
    return [(module, names) for module, names in imports if names]

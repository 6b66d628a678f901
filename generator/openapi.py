"""The OpenAPI 3.1 document of the whole spec (``generated/openapi.json``), as plain data.

Response bodies are the per-endpoint JSON Schemas of ``json_schema``, their kind
definitions hoisted to ``components/schemas``. Every answer is HTTP 200, failures
included: the return codes and their categories are listed once, in ``x-return-codes``.

OpenAPI keeps one operation per path and method, but two endpoints may share both
(``/oauth2.0/token``: the code exchange and the refresh). Such an operation takes the
``oneOf`` of the endpoints' parameters and answers the ``anyOf`` of their bodies (a
failure fits them all); each parameter set names its endpoint in ``x-endpoint``.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from . import json_schema
from .errors import SpecError, SpecProblem
from .model import Api, BrowserUrl, Encoding, Endpoint, Example, Parameter
from .texts import browser_url_summary, endpoint_summary, parameter_origin, success_condition

OPENAPI_VERSION = "3.1.0"
# The media type that names each encoding. On the wire QQ labels JSON (and JSONP) as
# text/html; the document names what the body is, as a reader of it must parse it.
MEDIA_TYPES: dict[Encoding, str] = {
    "json": "application/json",
    "xml": "application/xml",
    "jsonp": "text/javascript",
    "form": "application/x-www-form-urlencoded",
}
JSONP_WRAPPER = "callback( <payload> );"
ENDPOINT_TAG = "endpoints"
BROWSER_TAG = "browser"
_SCHEMAS = "#/components/schemas/"
_PARAMETER_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    # The client sends a set flag as 1 and leaves an unset one out.
    "flag": {"type": "integer", "enum": [1]},
    # Sent comma-separated (scope=a,b): OpenAPI's form style, not exploded.
    "list": {"type": "array", "items": {"type": "string", "minLength": 1, "pattern": "^[^,]+$"}},
}
_CHECKS: dict[str, dict[str, Any]] = {
    "absolute_url": {"format": "uri", "pattern": "^https?://"},
    "non_empty": {"minLength": 1, "pattern": "\\S"},
    "": {},
}


def document_text(api: Api, version: str, banner: str) -> str:
    """The document as the file holds it: two-space indents, spec order, a final newline."""
    return json.dumps(openapi_document(api, version, banner), indent=2,
                      ensure_ascii=False) + "\n"


def openapi_document(api: Api, version: str, banner: str) -> dict[str, Any]:
    """The whole document; ``banner`` says what it was generated from (``x-comment``:
    OpenAPI allows no ``$comment`` at its top)."""
    return {
        "openapi": OPENAPI_VERSION,
        "x-comment": banner,
        "info": {"title": api.title, "version": version, "description": _info_description(api)},
        "servers": [{"url": api.base_url}],
        "tags": [
            {"name": ENDPOINT_TAG, "description": "Calls the client makes."},
            {"name": BROWSER_TAG, "description": "Pages of the login the user's browser "
                                                 "visits: the client builds their URLs and "
                                                 "never fetches them (`x-browser`)."},
        ],
        "paths": _paths(api),
        "components": {"schemas": component_schemas(api)},
        "x-return-codes": _return_codes(api),
    }


def _info_description(api: Api) -> str:
    return (
        f"{api.title}, generated from a reviewed spec.\n\n"
        "Every answer is HTTP 200, failures included: each response says how its body "
        "tells a failure, and `x-return-codes` lists the codes with their categories.\n\n"
        f"The media types name how a body is encoded; on the wire JSON arrives as "
        f"`{api.json_content_type}`, so parse by the body, never by the Content-Type.\n\n"
        f"Operations tagged `{BROWSER_TAG}` are steps of the login in the user's browser: "
        "the client builds their URLs and never fetches them.")


# -- components ------------------------------------------------------------------------------


def component_schemas(api: Api) -> dict[str, Any]:
    """Each endpoint's response schema under its result class, and the kind definitions
    they share, by name."""
    schemas: dict[str, Any] = {}
    problems = []
    for endpoint in api.endpoints:
        schema = json_schema.response_schema(endpoint, banner="")
        # The document is their resource: no $id of their own, one dialect, one banner.
        for key in ("$schema", "$id", "$comment"):
            del schema[key]
        definitions: dict[str, Any] = schema.pop("$defs")
        for name, definition in definitions.items():
            if schemas.setdefault(name, definition) != definition:
                problems.append(_problem(endpoint.source_file, "result",
                                         f"{name} names two schemas in the OpenAPI document"))
        if endpoint.result_class in schemas:
            problems.append(_problem(endpoint.source_file, "result",
                                     f"{endpoint.result_class} names two schemas in the "
                                     "OpenAPI document"))
        schemas[endpoint.result_class] = _hoisted(schema)
    if problems:
        raise SpecError(problems)
    return dict(sorted(schemas.items()))


def _hoisted(node: Any) -> Any:
    """``node`` with its ``#/$defs/X`` references pointing to ``components/schemas``."""
    if isinstance(node, dict):
        return {key: (value.replace("#/$defs/", _SCHEMAS, 1)
                      if key == "$ref" and isinstance(value, str) else _hoisted(value))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_hoisted(item) for item in node]
    return node


def schema_ref(endpoint: Endpoint) -> dict[str, str]:
    return {"$ref": _SCHEMAS + endpoint.result_class}


def _return_codes(api: Api) -> dict[str, Any]:
    return {
        "description": "Listed return codes (ret, or OAuth's error) and what a client can do "
                       "about them; a code not listed is of the unknown category.",
        "unknown_category": api.unknown_category.name,
        "categories": [{"name": c.name, "exception": c.exception, "retryable": c.retryable,
                        "en": c.en} for c in api.categories],
        "codes": [{"code": c.code, "table": c.table, "category": c.category.name, "zh": c.zh,
                   **({"note": c.note} if c.note else {})} for c in api.return_codes],
    }


# -- paths -----------------------------------------------------------------------------------


def _paths(api: Api) -> dict[str, Any]:
    by_path: dict[str, list[Endpoint]] = {}
    for endpoint in api.endpoints:
        by_path.setdefault(endpoint.path, []).append(endpoint)
    paths = {path: _path_item(api, endpoints) for path, endpoints in by_path.items()}
    for url in api.browser_urls:
        if url.path in paths:
            raise SpecError([_problem(url.source_file, "path",
                                      f"{url.path} is also an endpoint's path")])
        paths[url.path] = {"get": _browser_operation(url)}
    return paths


def _path_item(api: Api, endpoints: list[Endpoint]) -> dict[str, Any]:
    first = endpoints[0]
    others = [e for e in endpoints if e.base_url != first.base_url]
    if others:
        raise SpecError([_problem(others[0].source_file, "base_url",
                                  f"{first.name} has the same path but another base_url; "
                                  "OpenAPI has one server list per path")])
    item: dict[str, Any] = {}
    if first.base_url:
        item["servers"] = [{"url": first.base_url, "description": first.base_url_reason}]
    for method in api.methods:
        takers = [e for e in endpoints if method in e.methods]
        if takers:
            item[method.lower()] = _operation(api, takers, method)
    return item


def _operation(api: Api, endpoints: list[Endpoint], method: str) -> dict[str, Any]:
    names = [e.name for e in endpoints]
    operation: dict[str, Any] = {
        "operationId": f"{'_or_'.join(names)}_{method.lower()}",
        "tags": [ENDPOINT_TAG],
        "summary": " / ".join(e.zh for e in endpoints),
        "description": "\n\n".join(_endpoint_description(e, len(endpoints) > 1)
                                   for e in endpoints),
        "x-endpoints": [{"name": e.name, "default_method": e.methods[0],
                         "retry_safe": e.retry_safe} for e in endpoints],
    }
    if method == "GET":
        operation["parameters"] = _query_parameters(endpoints)
    else:
        operation["requestBody"] = _form_body(endpoints)
    operation["responses"] = {"200": _response(api, endpoints)}
    return operation


def _endpoint_description(endpoint: Endpoint, titled: bool) -> str:
    notes = "\n".join(f"- {note}" for note in endpoint.notes)
    parts = [f"**{endpoint.name}**" if titled else "", endpoint_summary(endpoint), notes]
    return "\n\n".join(part for part in parts if part)


def _browser_operation(url: BrowserUrl) -> dict[str, Any]:
    returns = ", ".join(value.name for value in url.returns)
    notes = "\n".join(f"- {note}" for note in url.notes)
    return {
        "operationId": url.name,
        "tags": [BROWSER_TAG],
        "summary": f"The {url.path} page, for the user's browser (never fetched).",
        "description": "\n\n".join(filter(None, [browser_url_summary(url), notes])),
        "x-browser": True,
        "parameters": [_query_parameter(p.name, p.required, _parameter_schema(p))
                       for p in url.parameters],
        "responses": {
            "200": {"description": "The login and consent page, for the user.",
                    "content": {"text/html": {"schema": {"type": "string"}}}},
            "302": {
                "description": f"Once the user agrees: back to redirect_uri with {returns} "
                              "in its query.",
                "headers": {"Location": {
                    "description": f"redirect_uri with {returns} added to its query.",
                    "schema": {"type": "string", "format": "uri"}}},
                "x-returns": [{"name": value.name, "description": f"{value.zh}\n\n{value.en}",
                               **({"x-secret": True} if value.secret else {})}
                              for value in url.returns],
            },
        },
    }


# -- parameters ------------------------------------------------------------------------------


def sent_parameters(endpoint: Endpoint) -> list[tuple[str, bool, dict[str, Any]]]:
    """Every parameter a request of ``endpoint`` may carry (its own, then the format's), as
    name, required and schema (with its description)."""
    sent = [(p.name, p.required, _parameter_schema(p)) for p in endpoint.parameters]
    format_schema = _format_schema(endpoint)
    if format_schema is not None:
        sent.append((endpoint.format_parameter.name, False, format_schema))
    return sent


def _parameter_schema(parameter: Parameter) -> dict[str, Any]:
    schema = dict(_PARAMETER_TYPES[parameter.type])
    if parameter.source == "fixed":
        schema["const"] = parameter.value
    if parameter.choices:
        schema["enum"] = list(parameter.choices)
    schema |= _CHECKS[parameter.check]
    if parameter.secret:
        schema |= {"format": "password", "x-secret": True}
    return schema | {
        "description": f"{parameter.zh}\n\n{parameter.en}\n\nSource: "
                       f"{parameter_origin(parameter)}.",
        "x-source": parameter.source,
    }


def _format_schema(endpoint: Endpoint) -> dict[str, Any] | None:
    """The format parameter: the values the endpoint's formats send (None: leave it out)."""
    format_parameter = endpoint.format_parameter
    values = [(f, v) for f, v in format_parameter.values if f in endpoint.formats]
    sent = [v for _, v in values if v is not None]
    if not sent:
        return None
    per_format = "; ".join(f"{f}: `{format_parameter.name}={v}`" if v is not None
                           else f"{f}: left out" for f, v in values)
    text = "\n\n".join(filter(None, [format_parameter.zh, format_parameter.rule,
                                     f"Per format, {per_format}."]))
    return {"type": "string", "enum": sent, "description": text,
            "x-format-values": dict(values)}


def _query_parameter(name: str, required: bool, schema: dict[str, Any]) -> dict[str, Any]:
    shown = {key: value for key, value in schema.items() if key != "description"}
    parameter: dict[str, Any] = {"name": name, "in": "query", "required": required,
                                 "description": schema["description"], "schema": shown}
    if shown.get("type") == "array":
        parameter |= {"style": "form", "explode": False}
    return parameter


def parameters_object(endpoint: Endpoint) -> dict[str, Any]:
    """An endpoint's request parameters as one object (a form body, or one of a shared
    path's alternatives)."""
    sent = sent_parameters(endpoint)
    return {
        "title": f"Parameters of {endpoint.name}",
        "type": "object",
        "x-endpoint": endpoint.name,
        "properties": {name: schema for name, _, schema in sent},
        "required": [name for name, required, _ in sent if required],
    }


def _query_parameters(endpoints: list[Endpoint]) -> list[dict[str, Any]]:
    if len(endpoints) == 1:
        return [_query_parameter(*sent) for sent in sent_parameters(endpoints[0])]
    # One object whose properties are the query parameters (form style, exploded).
    return [{"name": "parameters", "in": "query", "required": True, "style": "form",
             "explode": True,
             "description": "The query parameters of one of the endpoints on this path.",
             "schema": {"oneOf": [parameters_object(e) for e in endpoints]}}]


def _form_body(endpoints: list[Endpoint]) -> dict[str, Any]:
    objects = [parameters_object(e) for e in endpoints]
    lists = sorted({name for e in endpoints for name, _, schema in sent_parameters(e)
                    if schema.get("type") == "array"})
    media: dict[str, Any] = {"schema": objects[0] if len(objects) == 1 else {"oneOf": objects}}
    if lists:
        media["encoding"] = {name: {"style": "form", "explode": False} for name in lists}
    return {"required": True, "content": {MEDIA_TYPES["form"]: media}}


# -- responses -------------------------------------------------------------------------------


def _response(api: Api, endpoints: list[Endpoint]) -> dict[str, Any]:
    encodings = list(dict.fromkeys(enc for e in endpoints for enc in e.encodings))
    content = {MEDIA_TYPES[enc]: _media(api, endpoints, enc) for enc in encodings}
    outcomes = list(dict.fromkeys(_outcome(e) for e in endpoints))
    lines = [f"- `{MEDIA_TYPES[enc]}`: {_encoding_note(api, enc)}" for enc in encodings]
    return {"description": "\n\n".join([*outcomes, "\n".join(lines)]), "content": content}


def _outcome(endpoint: Endpoint) -> str:
    shape = endpoint.errors
    failure = (f"{shape.code_field} other than 0" if shape.always_present
               else f"{shape.code_field} present")
    return (f"HTTP 200 either way. Success: {success_condition(endpoint)}; failure: "
            f"{failure}, with {shape.message_field} (codes in `x-return-codes`).")


def _encoding_note(api: Api, encoding: Encoding) -> str:
    return {
        "json": f"JSON, sent as `{api.json_content_type}`.",
        "xml": f"XML, `<{api.xml_root}>` with one element per field; every value is text.",
        "jsonp": f"JSONP, `{JSONP_WRAPPER}`; the schema is the JSON payload's.",
        "form": "form-encoded pairs, `name=value&...`; every value is text.",
    }[encoding]


def _media(api: Api, endpoints: list[Endpoint], encoding: Encoding) -> dict[str, Any]:
    owners = [e for e in endpoints if encoding in e.encodings]
    schema: dict[str, Any] = (schema_ref(owners[0]) if len(owners) == 1
                              else {"anyOf": [schema_ref(e) for e in owners]})
    if encoding == "xml":
        schema = {**schema, "xml": {"name": api.xml_root}}
    media: dict[str, Any] = {"schema": schema}
    if encoding == "json":
        media["x-wire-content-type"] = api.json_content_type
    if encoding == "jsonp":
        media["x-jsonp-wrapper"] = JSONP_WRAPPER
    examples: dict[str, Any] = {}
    for endpoint in owners:
        for example in endpoint.examples:
            if example.format == encoding:
                key = example_key(endpoint, example, shared=len(endpoints) > 1)
                if key in examples:
                    key = PurePosixPath(example.file).name
                examples[key] = _example(example)
    if examples:
        media["examples"] = examples
    return media


def example_key(endpoint: Endpoint, example: Example, shared: bool) -> str:
    """An example's name in its media type: prefixed by its endpoint on a shared path."""
    return f"{endpoint.name}.{example.name}" if shared else example.name


def _example(example: Example) -> dict[str, Any]:
    """JSON as its value; other encodings as the body's text (OpenAPI's rule)."""
    text = example.body.decode("utf-8")
    shown: dict[str, Any] = {"summary": example.file}
    if example.note:
        shown["description"] = example.note
    shown["value"] = json.loads(text) if example.format == "json" else text
    return shown


def _problem(file: str, key: str, message: str) -> SpecProblem:
    return SpecProblem(file, 1, key, message)

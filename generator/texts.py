"""Texts for people, composed from the spec in one place: docstrings, descriptions, Markdown.

Every generated file that describes a field, an endpoint or a table takes its words
from here, so the JSON Schema, the models, the clients and the docs say the same.
"""

from __future__ import annotations

import re

from .model import Api, BrowserUrl, CodeTable, Endpoint, Example, Field, Parameter

PRESENCE_REMARKS = {
    "documented": "",
    "optional": "Optional: the page says it is sometimes absent.",
    "example_only": "Example-only: the page's example shows it, its table does not.",
    "on_error": "Only in answers that report a failure.",
}
EXAMPLE_ONLY = PRESENCE_REMARKS["example_only"]
NUMERIC_STRING = "Sent as a numeric string (\"1\") by design; typed as a number here."


def field_description(field: Field) -> str:
    """zh, en, the presence and wire remarks and the notes of a field."""
    remarks = [PRESENCE_REMARKS[field.presence], NUMERIC_STRING if field.numeric_string else ""]
    return "\n\n".join([field.zh, field.en, *filter(None, remarks), *field.notes])


def endpoint_summary(endpoint: Endpoint) -> str:
    return f"{endpoint.path}: {endpoint.zh}\n\n{endpoint.en}"


def wire_model_description(endpoint: Endpoint) -> str:
    return f"The raw {endpoint.path} response, as sent on the wire."


def result_module_docstring(endpoint: Endpoint) -> str:
    return f"Typed result of {endpoint_summary(endpoint)}"


def success_condition(endpoint: Endpoint) -> str:
    shape = endpoint.errors
    if shape.always_present:
        return f"{shape.code_field} == 0"
    return f"no {shape.code_field} field"


def result_docstring(endpoint: Endpoint) -> str:
    return (f"A successful answer of {endpoint.path} ({success_condition(endpoint)}).\n\n"
            f"{endpoint.en}\n\n"
            "Unknown fields are kept (``model_extra``); flags are bool, timestamps aware UTC "
            "datetimes with 0 as None.")


def browser_url_summary(url: BrowserUrl) -> str:
    returns = ", ".join(value.name for value in url.returns)
    return (f"The {url.path} URL for the user's browser (built here, never fetched).\n\n"
            f"{url.zh}\n\n{url.en}\n\nThe browser comes back to redirect_uri with: {returns}.")


def degraded_docstring(field: Field) -> str:
    return f"True when {field.name} = 1: part of the data was lost; do not cache it."


def placeholder_docstring(field: Field) -> str:
    return (f"True when {field.name} is {field.placeholder_value!r}: placeholder data for an app "
            "not yet approved, not the user's.")


def code_table_docstring(table: CodeTable) -> str:
    return (f"{table.zh}\n\n{table.en}\n\nCode {table.none_code} means none "
            f"({table.none_label}); codes not in the table read {table.other_label}.")


def package_docstring(api: Api) -> str:
    first = api.endpoints[0]
    arguments = ", ".join(p.name for p in first.parameters if p.is_positional)
    return (f"Typed client of {api.title}, generated from a reviewed spec.\n\n"
            "    from qq_connect import QQConnect\n\n"
            '    with QQConnect(app_id="12345") as client:\n'
            f"        info = client.{first.name}({arguments})")


def sync_client_docstring(api: Api) -> str:
    key = (" and, for the calls that send it, the app key (``app_key``, kept as a SecretStr)"
           if api.uses_app_key else "")
    return (f"Synchronous client of {api.title}, configured with the app id{key}.\n\n"
            "Each method sends the request its endpoint takes, parses the answer by its\n"
            "body, retries transient failures (see ``RetryPolicy``; never a single-use\n"
            "input once it may have arrived) and raises a typed ``ApiError`` for every\n"
            "failure the answer reports (``ret`` != 0, or an OAuth ``error``). Pass\n"
            "``http_client`` (or ``transport``) to use your own httpx setup; the client\n"
            "closes only what it made.")


def async_client_docstring(api: Api) -> str:
    return f"Asynchronous client of {api.title}; the same methods as ``QQConnect``, awaited."


def return_codes_docstring(api: Api) -> str:
    """The module docstring of ``_return_codes``: the ApiError branch of the error tree."""
    rows = "\n".join(f"    ├── {category.exception:<28} {category.name}"
                     for category in api.categories)
    return ("The public return codes (公共返回码说明) as data, and one ``ApiError`` subclass "
            "per category.\n\nApiError\n" + rows)


def check_docstring(api: Api) -> str:
    names = ", ".join(endpoint.name for endpoint in api.endpoints)
    return (
        "Check captured responses against the contract: ``python -m qq_connect.check PATH...``.\n"
        "\nWhere a capture says what it is:\n\n"
        "- a file ``<...>/<endpoint>/<...>/<name>.json``, ``.xml``, ``.jsonp`` or ``.form``:\n"
        "  the nearest folder named\n"
        f"  after an endpoint ({names}) gives the endpoint,\n"
        "  the extension the format (a body that contradicts its extension is an error);\n"
        "- a JSON Lines file ``*.jsonl``: one envelope per line,\n"
        '  ``{"endpoint": "<endpoint>", "format": "json", "body": "<the raw body>"}``;\n'
        "- ``--endpoint NAME`` names the endpoint of files outside such folders.\n\n"
        "Files ending ``.meta.json`` (written next to captures by the capture helper) are "
        "skipped.\nA capture whose real path lies outside the folder it was found in (a "
        "symbolic link\nout of it) is an error and is never read; so is a body over the "
        "client's limit\n(``max_body_bytes``; ``--max-body-bytes N``).\n"
        "Errors fail the run (exit 1); drift is reported and fails only with "
        "``--strict``;\nfindings a ``--baseline FILE`` accepts (by fingerprint) never fail it.\n"
        "Reports: a summary on stdout, ``--json FILE`` and ``--junit FILE`` for machines,\n"
        "``--markdown FILE`` for a CI step summary; the exit codes are listed by ``--help``.")


def example_block(example: Example) -> str:
    """A fenced Markdown block; the fence is longer than any backtick run in the example."""
    text = example.body.decode("utf-8", "replace").strip("\n")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{example.format}\n{text}\n{fence}"


def parameter_origin(parameter: Parameter) -> str:
    """Where a parameter's value comes from, for the docs' tables."""
    if parameter.source == "fixed":
        return f"always `{parameter.value}`"
    origin = {"app_id": "client (app id)", "app_key": "client (app key)"}.get(
        parameter.source, f"call ({parameter.type})")
    return f"{origin}, secret" if parameter.secret else origin

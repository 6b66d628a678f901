"""Texts for people, composed from the spec in one place: docstrings, descriptions, Markdown.

Every generated file that describes a field, an endpoint or a table takes its words
from here, so the JSON Schema, the models, the clients and the docs say the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def method_docstring(endpoint: Endpoint, api: Api) -> str:
    """A client method's docstring (Google style): what it calls, each argument in the
    spec's words, what it returns and every error it raises."""
    shape = endpoint.errors
    failure = (f"``{shape.code_field}`` != 0" if shape.always_present
               else f"an ``{shape.code_field}`` field")
    methods = " or ".join(f'"{m}"' for m in endpoint.methods)
    formats = " or ".join(f'"{f}"' for f in endpoint.formats)
    arguments = [_argument_doc(p) for p in endpoint.parameters if p.is_argument] + [
        f"method: The HTTP method, {methods}; the first is the default.",
        f"format: The format to ask for, {formats}; the first is the default. The answer "
        "is parsed by its body whatever comes back.",
        "timeout: Seconds (or an ``httpx.Timeout``) for each attempt; None keeps the "
        "client's. The whole call, retries included, ends by ``RetryPolicy.max_elapsed``.",
    ]
    retried = ("Transient failures are retried first (``RetryPolicy``); what is raised is "
               "the last one." if endpoint.retry_safe else
               "A single-use input: retried only when the request surely never left; "
               "do not retry it yourself.")
    raises = [
        f"ApiError: The answer reports a failure ({failure}), always as the subclass of "
        "its code's category (``error.code``, ``error.meaning``, ``error.category``):",
        *(f"{c.exception}: {_one_line(c.en)}" for c in api.categories),
        "HTTPStatusError: An HTTP status other than 200, a redirect included (never "
        "followed).",
        "DecodeError: The body is not an answer of this endpoint (an HTML page, truncated, "
        "an encoding it never uses); also ``ContentEncodingError`` and "
        "``ResponseTooLargeError`` (over ``max_body_bytes``).",
        "ResponseValidationError: The body parsed but breaks the endpoint's contract; it "
        "names each bad field.",
        "TransportError: No complete answer: ``ConnectError``, or ``RequestTimeoutError`` "
        "once the call's deadline has passed.",
        "ClientClosedError: The client, or the ``http_client`` it was given, is closed.",
        *_value_errors(endpoint.parameters, endpoint.uses_app_key),
    ]
    return "\n\n".join([
        endpoint_summary(endpoint),
        _section("Args", arguments),
        _section("Returns", [
            f"{endpoint.result_class}: The answer ({success_condition(endpoint)}), typed; "
            "``retries_taken`` and ``received_at`` tell how it came."]),
        _section("Raises", raises),
        retried,
    ])


def browser_url_docstring(url: BrowserUrl) -> str:
    """``browser_url_summary`` with its arguments, return and errors (Google style)."""
    return "\n\n".join([
        browser_url_summary(url),
        _section("Args", [_argument_doc(p) for p in url.parameters if p.is_argument]),
        _section("Returns", ["str: The URL to send the browser to."]),
        _section("Raises", _value_errors(url.parameters, uses_app_key=False)),
    ])


def _argument_doc(parameter: Parameter) -> str:
    return f"{parameter.name}: {_one_line(parameter.en)} {_one_line(parameter.zh)}"


def _value_errors(parameters: Iterable[Parameter], uses_app_key: bool) -> list[str]:
    checked = [f"``{p.name}``" for p in parameters
               if p.is_argument and (p.check or p.type == "list")]
    reasons = ["the client was made without ``app_key``"] if uses_app_key else []
    if checked:
        names = ", ".join(checked[:-1]) + " or " + checked[-1] if len(checked) > 1 else checked[0]
        reasons.append(f"{names} is invalid (the message says how)")
    return [f"ValueError: {'; '.join(reasons)}; nothing is sent."] if reasons else []


def _section(title: str, entries: Iterable[str]) -> str:
    return f"{title}:\n" + "\n".join(f"    {entry}" for entry in entries)


def wire_model_description(endpoint: Endpoint) -> str:
    return (f"The raw {endpoint.path} response, as sent on the wire.\n\n"
            f"{fields_summary(endpoint.fields)}")


def fields_summary(fields: Iterable[Field]) -> str:
    """One line per field for a model's docstring: help() shows no field docstrings."""
    lines = [f"    {f.name}: {_one_line(f.en)} ({_one_line(f.zh)})" for f in fields]
    return ("Fields (each one's whole description: ``model_fields[name].description``):\n"
            + "\n".join(lines))


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
            f"datetimes with 0 as None.\n\n{fields_summary(endpoint.result_fields)}")


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

"""Texts for people: docstrings and Markdown pieces composed from the spec."""

from __future__ import annotations

import re

from .model import Api, CodeTable, Endpoint, Example, Field


def field_docstring(field: Field) -> str:
    source = ("" if field.documented
              else "\n\nExample-only: the page's example shows it, its table does not.")
    notes = "".join(f"\n\n{note}" for note in field.notes)
    return f"{field.zh}\n\n{field.en}{source}{notes}"


def result_docstring(endpoint: Endpoint) -> str:
    return (f"A successful answer of {endpoint.path} (ret == 0).\n\n{endpoint.en}\n\n"
            "Unknown fields are kept (``model_extra``); flags are bool, timestamps aware UTC "
            "datetimes with 0 as None.")


def used_code_tables(endpoint: Endpoint, api: Api) -> list[CodeTable]:
    names = {field.code_table for field in endpoint.fields if field.code_table}
    return [table for table in api.code_tables if table.name in names]


def example_block(example: Example) -> str:
    """A fenced Markdown block; the fence is longer than any backtick run in the example."""
    text = example.body.decode("utf-8", "replace").strip("\n")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{example.format}\n{text}\n{fence}"

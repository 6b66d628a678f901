"""Names for generated code: derived in one place, checked before use."""

from __future__ import annotations

import re

_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")


def is_lower_identifier(name: str) -> bool:
    """Letters a-z, digits and '_', starting with a letter; nothing after (no newline)."""
    return _IDENTIFIER.fullmatch(name) is not None


def pascal_case(snake: str) -> str:
    """``get_vip_rich_info`` → ``GetVipRichInfo``."""
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_") if part)


def result_class_name(endpoint_name: str) -> str:
    """The class a client call returns: ``get_vip_rich_info`` → ``VipRichInfo``."""
    stem = endpoint_name.removeprefix("get_") or endpoint_name
    return pascal_case(stem)


def wire_class_name(endpoint_name: str) -> str:
    """The raw wire model: ``get_vip_rich_info`` → ``GetVipRichInfoWire``."""
    return pascal_case(endpoint_name) + "Wire"


def code_table_class_name(table_name: str) -> str:
    """The class of a code table's values: ``payway`` → ``Payway``."""
    return pascal_case(table_name)


def code_table_field_type(table_name: str) -> str:
    """The annotated result type of fields holding a table's codes: ``PaywayField``."""
    return pascal_case(table_name) + "Field"


def constant_name(snake: str) -> str:
    """``get_vip_rich_info`` → ``GET_VIP_RICH_INFO``."""
    return snake.upper()

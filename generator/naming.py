"""Names for generated code: derived in one place, checked before use."""

from __future__ import annotations

import keyword
import re

_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*\Z")
# Attributes that a pydantic model field must not shadow.
_RESERVED_FIELD_NAMES = frozenset({"model_config", "model_fields", "model_extra", "copy", "dict",
                                   "json", "schema", "construct", "validate", "parse_obj",
                                   "parse_raw", "parse_file", "from_orm", "update_forward_refs",
                                   "schema_json", "from_wire", "wire"})


def python_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be used as a generated Python attribute, or None if it can."""
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return f"{name!r} is a Python keyword; it cannot name a generated attribute"
    if not _IDENTIFIER.match(name):
        return (f"{name!r} is not a lower-case Python identifier "
                "(letters a-z, digits and '_', starting with a letter)")
    if name.startswith("model_") or name in _RESERVED_FIELD_NAMES:
        return f"{name!r} would shadow a pydantic model attribute"
    return None


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


def constant_name(snake: str) -> str:
    """``get_vip_rich_info`` → ``GET_VIP_RICH_INFO``."""
    return snake.upper()

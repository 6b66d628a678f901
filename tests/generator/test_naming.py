from __future__ import annotations

import pytest

from generator import naming


@pytest.mark.parametrize("name", ["ret", "is_qq_vip", "qq_vip_level2", "a"])
def test_usable_names(name: str) -> None:
    assert naming.python_name_problem(name) is None


@pytest.mark.parametrize("name, reason", [
    ("class", "keyword"), ("match", "keyword"), ("None", "keyword"),
    ("is-vip", "identifier"), ("1st", "identifier"), ("Nickname", "identifier"),
    ("名字", "identifier"), ("_private", "identifier"), ("", "identifier"),
    ("model_config", "shadow"), ("json", "shadow"), ("is_qq_vip ", "identifier"),
])
def test_refused_names_say_why(name: str, reason: str) -> None:
    problem = naming.python_name_problem(name)
    assert problem is not None and reason in problem and repr(name) in problem


def test_class_names() -> None:
    assert naming.pascal_case("get_vip_rich_info") == "GetVipRichInfo"
    assert naming.result_class_name("get_vip_rich_info") == "VipRichInfo"
    assert naming.result_class_name("user_info") == "UserInfo"
    assert naming.wire_class_name("get_vip_info") == "GetVipInfoWire"
    assert naming.constant_name("get_vip_info") == "GET_VIP_INFO"

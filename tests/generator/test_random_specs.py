"""Random valid specs into the generator: the output imports, type-checks and agrees with itself.

Each example replaces the inline spec's endpoint fields with random names, kinds, sources
and descriptions (any Unicode text), generates the package, then in a fresh interpreter
builds bodies the spec's own model allows, and asserts the generated JSON Schema accepts
them and the generated parser reads JSON and XML alike. mypy --strict checks each package.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline import generate
from generator.reserved import field_name_problem
from generator.write import write
from tests.generator.spec_builder import PYPROJECT, make_spec, run_json

KINDS = ["flag", "timestamp", "code", "level", "integer", "text"]
names = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True).filter(
    lambda name: field_name_problem(name) is None and name not in ("ret", "msg"))
# Control characters (Cc) and U+2028/U+2029 (Zl, Zp) are refused by the loader.
texts = st.text(st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"]),
                min_size=1, max_size=30).filter(lambda text: text.strip() != "")


@st.composite
def fields(draw: st.DrawFn) -> list[dict[str, Any]]:
    chosen = draw(st.lists(names, min_size=1, max_size=8, unique=True))
    result: list[dict[str, Any]] = [
        {"name": "ret", "wire_type": "integer", "kind": "return_code", "source": "documented",
         "zh": draw(texts), "en": draw(texts)},
        {"name": "msg", "wire_type": "string", "kind": "text", "source": "documented",
         "zh": draw(texts), "en": draw(texts)},
    ]
    for name in chosen:
        kind = draw(st.sampled_from(KINDS))
        field: dict[str, Any] = {
            "name": name, "wire_type": "string" if kind == "text" else "integer", "kind": kind,
            "source": draw(st.sampled_from(["documented", "example_only"])),
            "zh": draw(texts), "en": draw(texts), "notes": draw(st.lists(texts, max_size=2))}
        if kind == "code":
            field["code_table"] = "colour"
        result.append(field)
    return result


PROBE = textwrap.dedent('''
    import json, random
    from jsonschema import Draft202012Validator
    from importlib import resources
    import qq_connect
    from qq_connect._contracts import CONTRACTS
    from qq_connect.endpoints import GET_WIDGET
    contract = CONTRACTS["get_widget"]
    schema = json.loads(resources.files("qq_connect").joinpath(
        "schemas/get_widget.json").read_text("utf-8"))
    validator = Draft202012Validator(schema)
    rng = random.Random(1)
    def value(kind):
        if kind == "text":
            return rng.choice(["", "x", "中文 \\"q\\""])
        number = {"flag": rng.randint(0, 1), "timestamp": rng.randint(0, 2_000_000_000),
                  "level": rng.randint(0, 9)}.get(kind, rng.randint(-99, 999))
        return str(number) if rng.random() < 0.3 else number
    checked = 0
    for _ in range(20):
        body = {"ret": 0, "msg": "ok"}
        for name, rule in contract.fields.items():
            if name not in body and (rule.documented or rng.random() < 0.5):
                body[name] = value(rule.kind)
        assert list(validator.iter_errors(body)) == [], body
        as_json = GET_WIDGET.parse(json.dumps(body).encode())
        inner = "".join(f"<{k}>{v}</{k}>".replace("&", "&amp;") for k, v in body.items())
        as_xml = GET_WIDGET.parse(f"<data>{inner}</data>".encode())
        assert as_json == as_xml, (as_json, as_xml)
        checked += 1
    print(json.dumps({"checked": checked}))
''')


@pytest.mark.slow
@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(fields())
def test_random_specs_generate_working_typed_packages(tmp_path_factory: Any,
                                                      random_fields: list[dict[str, Any]]
                                                      ) -> None:
    tmp_path: Path = tmp_path_factory.mktemp("random")

    def change(endpoint: dict[str, Any]) -> None:
        endpoint["response"]["fields"] = random_fields
        endpoint["examples"] = []

    spec = make_spec(tmp_path, endpoint=change)
    out = tmp_path / "generated"
    write(generate(spec), out)
    assert run_json(out, PROBE) == {"checked": 20}
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(PYPROJECT),
         "--cache-dir", str(tmp_path_factory.getbasetemp() / "mypy-cache"), str(out)],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout

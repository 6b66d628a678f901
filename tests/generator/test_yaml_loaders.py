"""The two YAML loaders: libyaml's (fast) reads plain files exactly as the checking one does.

The checking (pure-Python) loader stays the one that refuses: anchors, aliases, deep
nesting and broken YAML never reach libyaml's composer, so every refusal keeps its
message and line (tests/generator/test_bad_yaml.py, test_bad_specs.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import load
from generator.errors import KeyPath
from tests.generator.spec_builder import ROOT

SPEC = ROOT / "spec"

# YAML that specs may well use, beyond plain block mappings: every scalar style, flow
# collections, comments, tags, the YAML 1.1 implicit types, empty values, odd keys.
VARIED = """\
# a comment
plain: text
quoted: 'single ''quoted'''
double: "double \\u00e9 \\t tab"
folded: >
  folded
  text

literal: |-
  line one
    line two
flow_list: [1, two, {three: 3}]
flow_map: {a: 1, b: [x, y]}
empty:
tilde: ~
yes_word: yes
octal: 0o17
old_octal: 017
hex: 0x1F
float: 1.5e3
infinity: .inf
date: 2024-01-02
stamp: 2024-01-02T03:04:05Z
tagged: !!str 12
"quoted key": 1
? complex key
: value
nested:
  - name: a
    items:
      - - deep
        - deeper
  -
    name: b
last: "end"
"""


def _loaded(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch,
            tmp_path: Path) -> tuple[Any, dict[KeyPath, int]]:
    monkeypatch.setattr(load, "_HAS_LIBYAML", fast)
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    document = load.load_document(tmp_path, path)
    return document.data, document.lines


@pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="no libyaml")
@pytest.mark.parametrize("file", sorted(p.relative_to(SPEC).as_posix()
                                        for p in SPEC.rglob("*.yaml")))
def test_every_spec_file_reads_the_same_with_libyaml(file: str, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    text = (SPEC / file).read_text(encoding="utf-8")
    assert load._is_plain(text)
    fast = _loaded(text, True, monkeypatch, tmp_path)
    slow = _loaded(text, False, monkeypatch, tmp_path)
    assert fast == slow


@pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="no libyaml")
def test_varied_yaml_reads_the_same_with_libyaml(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    assert load._is_plain(VARIED)
    fast = _loaded(VARIED, True, monkeypatch, tmp_path)
    slow = _loaded(VARIED, False, monkeypatch, tmp_path)
    assert fast == slow
    assert fast[1][("nested", 0, "items", 0, 1)] == 32  # the line of "- deeper"


@pytest.mark.parametrize("text", [
    "a: &anchor 1\nb: 2\n",
    "a: 1\nb: *alias\n",
    "a: !!map &m {x: 1}\n",
    "[" * (load.MAX_DEPTH - 1) + "]" * (load.MAX_DEPTH - 1) + "\n",
    "a: b: c\n",
    "a: [1, 2\n",
    "\ufeffa: 1\n\ufffe",
])
def test_anything_unusual_goes_to_the_checking_loader(text: str) -> None:
    assert not load._is_plain(text)


def test_nesting_below_the_cap_stays_on_the_fast_path() -> None:
    depth = load.MAX_DEPTH - 2
    assert load._is_plain("[" * depth + "]" * depth + "\n")

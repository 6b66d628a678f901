"""The compiled-template cache: the same output cold or warm, keyed by what shapes the code,
and never a failed run because of it."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.render import TEMPLATES, make_environment
from generator.template_cache import TemplateCache, environment_fingerprint


def _environment(cache: Path, templates: Path = TEMPLATES) -> jinja2.Environment:
    environment = make_environment(templates)
    environment.bytecode_cache = TemplateCache(cache)
    return environment


def _template(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    text = "{% for x in items %}\n  {{ '[%s]' % x }}\n{% endfor %}\n"
    (folder / "t.j2").write_text(text, "utf-8")
    return folder


def test_every_template_compiles_to_the_same_code_cold_and_warm(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    names = sorted(path.relative_to(TEMPLATES).as_posix() for path in TEMPLATES.rglob("*.j2"))
    cold = _environment(cache)
    compiled = {name: cold.get_template(name).root_render_func.__code__ for name in names}
    assert len(list(cache.iterdir())) == len(names)
    warm = _environment(cache)
    for name in names:
        assert warm.get_template(name).root_render_func.__code__ == compiled[name], name


def test_an_environment_with_other_options_does_not_take_the_cached_code(tmp_path: Path) -> None:
    templates, cache = _template(tmp_path), tmp_path / "cache"
    assert _environment(cache, templates).get_template("t.j2").render(items=[1]) == "  [1]\n"
    other = _environment(cache, templates)
    other.lstrip_blocks = other.trim_blocks = False
    assert environment_fingerprint(other) != environment_fingerprint(
        _environment(cache, templates))
    assert other.get_template("t.j2").render(items=[1]) == "\n  [1]\n\n"
    assert len(list(cache.iterdir())) == 2


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    templates, cache = _template(tmp_path), tmp_path / "cache"
    assert _environment(cache, templates).get_template("t.j2").render(items=[1]) == "  [1]\n"
    (templates / "t.j2").write_text("{{ items | length }}\n", "utf-8")
    assert _environment(cache, templates).get_template("t.j2").render(items=[1]) == "1\n"


def test_a_broken_or_unwritable_cache_only_costs_the_compile(tmp_path: Path) -> None:
    templates, cache = _template(tmp_path), tmp_path / "cache"
    _environment(cache, templates).get_template("t.j2")
    for entry in cache.iterdir():
        entry.write_bytes(b"not marshalled code")
    assert _environment(cache, templates).get_template("t.j2").render(items=[2]) == "  [2]\n"
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", "utf-8")
    assert _environment(blocked / "cache", templates).get_template("t.j2").render(
        items=[3]) == "  [3]\n"

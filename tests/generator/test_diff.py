"""``python -m generator diff``: the corpus of spec mutations with their known classes, the
report formats, the exit statuses, and the old spec read from git."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.diff import IMPACTS, Change, compare
from generator.diff.report import prepend_changelog
from generator.diff.sources import load_api
from generator.model import Api
from tests.generator.diff_corpus import ROOT, SPEC, Missing, SpecCopy
from tests.generator.diff_mutations import MUTATIONS, Mutation, field_removed

JSON_KEYS = {"class", "kind", "endpoint", "subject", "message"}


@cache
def real_api() -> Api:
    return load_api(SPEC)


def mutated(tmp_path: Path, apply: Callable[[SpecCopy], object],
            name: str = "spec") -> SpecCopy:
    copy = SpecCopy.of_real_spec(tmp_path / name)
    try:
        apply(copy)
    except Missing as missing:
        pytest.skip(f"the spec has nothing to mutate: {missing}")
    return copy


def kinds(changes: list[Change]) -> frozenset[tuple[str, str]]:
    return frozenset((c.impact, c.kind) for c in changes)


def test_the_corpus_is_large_and_covers_every_class() -> None:
    assert len(MUTATIONS) >= 30
    assert len({m.name for m in MUTATIONS}) == len(MUTATIONS)
    found = {impact for m in MUTATIONS for impact, _ in m.expected}
    assert found == set(IMPACTS)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_mutation_is_classed_exactly(mutation: Mutation, tmp_path: Path) -> None:
    old = real_api()
    new = load_api(mutated(tmp_path, mutation.apply).root)
    changes = compare(old, new)
    assert kinds(changes) == mutation.expected, [c.message for c in changes]
    names = {e.name for api in (old, new) for e in api.endpoints}
    names |= {u.name for api in (old, new) for u in api.browser_urls}
    for change in changes:
        assert change.endpoint in names | {""}
        assert change.message.startswith(f"{change.endpoint or 'API'}: ")
        assert "\n" not in change.message and change.subject
    # Undoing the mutation is a change too, unless it changed nothing.
    assert bool(compare(new, old)) == bool(mutation.expected)


def test_identity_has_no_changes() -> None:
    assert compare(real_api(), real_api()) == []
    assert compare(real_api(), load_api(SPEC)) == []


def test_order_is_breaking_first_and_fixed(tmp_path: Path) -> None:
    new = load_api(mutated(tmp_path, _many_changes).root)
    changes = compare(real_api(), new)
    assert [c.impact for c in changes] == sorted((c.impact for c in changes),
                                                 key=IMPACTS.index)
    assert len({c.impact for c in changes}) == 3
    assert compare(real_api(), load_api(tmp_path / "spec")) == changes
    assert changes == sorted(changes, key=Change.sort_key)


def _many_changes(spec: SpecCopy) -> None:
    """One change of each class, from the corpus."""
    for mutation in MUTATIONS:
        if mutation.name in ("plain field removed", "code added to a table",
                             "optional field added"):
            mutation.apply(spec)


# The command.

def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["diff", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_text_report_groups_by_class(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    new = mutated(tmp_path, _many_changes).root
    status, out, err = run([str(SPEC), str(new)], capsys)
    assert status == 0 and err == ""
    assert out.splitlines()[0] == (f"Spec changes from {SPEC} to {new}: 1 breaking, "
                                   "1 non-breaking, 1 drift-accepting")
    headings = [line for line in out.splitlines() if line and not line.startswith(" ")][1:]
    assert headings == ["Breaking (1):", "Non-breaking (1):", "Drift now accepted (1):"]
    for change in compare(real_api(), load_api(new)):
        assert f"  - {change.message}\n" in out


def test_text_report_without_changes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run([str(SPEC), str(SPEC)], capsys)
    assert status == 0
    assert out.endswith("\nNo changes that matter to client users.\n")


def test_new_spec_defaults_to_spec(capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    status, out, _ = run([str(SPEC)], capsys)
    assert status == 0 and f"from {SPEC} to spec:" in out


def test_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = mutated(tmp_path, _many_changes).root
    status, out, _ = run(["--json", str(SPEC), str(new)], capsys)
    assert status == 0
    listed = json.loads(out)
    assert all(set(item) == JSON_KEYS for item in listed)
    assert listed == [c.as_json() for c in compare(real_api(), load_api(new))]
    assert [item["class"] for item in listed] == list(IMPACTS)


def test_fail_on_breaking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    breaking = mutated(tmp_path, field_removed).root
    assert run(["--fail-on-breaking", str(SPEC), str(breaking)], capsys)[0] == 1
    assert run([str(SPEC), str(breaking)], capsys)[0] == 0
    # Only non-breaking and drift-accepting changes: no failure.
    gentle = mutated(tmp_path, lambda spec: [m.apply(spec) for m in MUTATIONS if m.name in (
        "code added to a table", "optional field added")], "gentle").root
    assert run(["--fail-on-breaking", str(SPEC), str(gentle)], capsys)[0] == 0


def test_changelog_is_prepended_below_the_title(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    new = mutated(tmp_path, _many_changes).root
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\nWhat changed.\n\n## Spec changes — 1.0\n\n"
                         "- An old entry.\n", encoding="utf-8")
    status, _, err = run(["--changelog", str(changelog), "--version", "2.0", str(SPEC),
                          str(new)], capsys)
    assert status == 0 and str(changelog) in err
    text = changelog.read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n\nWhat changed.\n\n## Spec changes — 2.0\n\n")
    assert text.endswith("\n## Spec changes — 1.0\n\n- An old entry.\n")
    sections = re.findall(r"^### (.+)$", text, re.MULTILINE)
    assert sections == ["Breaking", "Non-breaking", "Drift now accepted"]
    # Markdown escaped: the optional field's type "str | None" shows as written.
    assert "str \\| None" in text


def test_changelog_created_with_todays_date(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    changelog = tmp_path / "new" / "CHANGES.md"
    changelog.parent.mkdir()
    assert run(["--changelog", str(changelog), str(SPEC), str(SPEC)], capsys)[0] == 0
    text = changelog.read_text(encoding="utf-8")
    assert re.fullmatch(r"## Spec changes — \d{4}-\d{2}-\d{2}\n\n"
                        r"No changes that matter to client users\.\n", text), text


@pytest.mark.parametrize(("existing", "expected"), [
    ("", "ENTRY\n"),
    ("Notes.\n", "ENTRY\n\nNotes.\n"),
    ("# Title\n", "# Title\n\nENTRY\n"),
    ("# Title\n\n## Old\n", "# Title\n\nENTRY\n\n## Old\n"),
    ("# Title\n## Old\n", "# Title\n\nENTRY\n\n## Old\n"),
    ("# Title\n\nIntro.", "# Title\n\nIntro.\n\nENTRY\n"),
])
def test_prepend_changelog(existing: str, expected: str, tmp_path: Path) -> None:
    path = tmp_path / "CHANGELOG.md"
    if existing:
        path.write_text(existing, encoding="utf-8")
    prepend_changelog(path, "ENTRY\n")
    assert path.read_text(encoding="utf-8") == expected


def test_unwritable_changelog(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["--changelog", str(tmp_path / "no" / "such" / "CHANGES.md"),
                          str(SPEC), str(SPEC)], capsys)
    assert status == 2 and "cannot write the changelog" in err


def _break_a_field(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: True, lambda e: e["response"]["fields"][-1].pop("kind"))


@pytest.mark.parametrize("side", ["old", "new"])
def test_bad_spec_exits_2_naming_file_and_line(side: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = mutated(tmp_path, _break_a_field).root
    endpoint = SpecCopy(bad).endpoint_files()[0]
    sides = [str(bad), str(SPEC)] if side == "old" else [str(SPEC), str(bad)]
    status, out, err = run(sides, capsys)
    assert status == 2 and out == ""
    assert err.startswith(f"the {side} spec ({bad}) cannot be compared: the spec has 1 problem")
    assert re.search(rf"spec/{re.escape(endpoint)}:\d+: response\.fields\[\d+\]: "
                     "'kind' is a required property", err), err
    assert "Traceback" not in err


def test_missing_spec_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run([str(tmp_path / "nowhere"), str(SPEC)], capsys)
    assert status == 2 and "api.yaml:1: <document>: cannot read: No such file" in err


@pytest.mark.parametrize("argv", [[], ["a", "b", "c"], ["--git", "HEAD", "a", "b"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["diff", *argv])
    assert exited.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_as_a_module(tmp_path: Path) -> None:
    """The subcommand as users run it, beside the generator's own options."""
    new = mutated(tmp_path, field_removed).root
    done = subprocess.run([sys.executable, "-m", "generator", "diff", "--json",
                           "--fail-on-breaking", str(SPEC), str(new)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert [item["kind"] for item in json.loads(done.stdout)] == ["field_removed"]
    helped = subprocess.run([sys.executable, "-m", "generator", "--help"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert helped.returncode == 0 and "--check" in helped.stdout


# The old spec from git.

def git(repo: Path, *arguments: str) -> None:
    environment = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.test",
                    "-c", "commit.gpgsign=false", *arguments], cwd=repo, env=environment,
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose HEAD holds the real spec; its working tree drops a field."""
    root = tmp_path / "repo"
    root.mkdir()
    SpecCopy.of_real_spec(root / "spec")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "spec")
    field_removed(SpecCopy(root / "spec"))
    return root


def test_git_head(repo: Path, capsys: pytest.CaptureFixture[str],
                  monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, _ = run(["--json", "--git", "HEAD", str(repo / "spec")], capsys)
    assert status == 0
    assert [item["kind"] for item in json.loads(out)] == ["field_removed"]
    monkeypatch.chdir(repo)
    status, out, _ = run(["--git", "HEAD", "--fail-on-breaking"], capsys)
    assert status == 1 and out.startswith("Spec changes from HEAD:spec to spec: 1 breaking")


def test_git_bad_ref(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for ref in ("no-such-ref", "--output=x"):
        status, out, err = run([f"--git={ref}", str(repo / "spec")], capsys)
        assert status == 2 and out == "" and "Traceback" not in err
        assert err.startswith(f"cannot read the old spec at {ref!r}: ")


def test_git_spec_not_in_ref(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    moved = repo / "elsewhere"
    SpecCopy.of_real_spec(moved)
    status, _, err = run(["--git", "HEAD", str(moved)], capsys)
    assert status == 2 and "git archive failed" in err


def test_git_outside_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = SpecCopy.of_real_spec(tmp_path / "lone" / "spec").root
    status, _, err = run(["--git", "HEAD", str(spec)], capsys)
    # tmp_path may itself lie in a repository; either way, nothing is compared.
    assert status == 2 and err.startswith("cannot read the old spec at 'HEAD': git ")

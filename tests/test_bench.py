"""The bench's row builders run, at tiny sizes, and give a row for every endpoint, example
body and encoding of the spec; ``python -m bench`` writes where its options say.

No time and no met/not met is asserted: on a shared machine, tiny runs prove nothing about
speed. ``make bench`` measures.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from bench import check_profile, contract, decode, first_call, imports, profile
from bench.harness import Row
from tests.bodies import as_instance
from tests.contract.from_spec import ENDPOINTS, is_failure

# (endpoint, file name, encoding) of every example body the spec lists.
SPEC_EXAMPLES = {(e.name, Path(x.file).name, x.format) for e in ENDPOINTS for x in e.examples}
SPEC_ENCODINGS = {encoding for _, _, encoding in SPEC_EXAMPLES}


def measured(row: Row) -> bool:
    return row.ratio.endswith(("×", "× the time"))


def test_the_bench_knows_every_endpoint_and_example_of_the_spec() -> None:
    assert {e.name for e in decode.endpoints()} == {e.name for e in ENDPOINTS}
    found = {(x.endpoint.name, x.path.name, x.encoding) for x in decode.examples()}
    assert found == SPEC_EXAMPLES


def test_decode_rows_measure_every_example_against_its_references() -> None:
    rows = decode.rows(rounds=1, number=5)
    for name, file, encoding in sorted(SPEC_EXAMPLES):
        label = f"{name}/{file} "
        mine = [row for row in rows if row.measurement.startswith(label)]
        targeted = [row for row in mine if row.target != "-"]
        assert len(targeted) == 1, (label, mine)
        assert decode.TARGET_REFERENCE[encoding] in targeted[0].measurement
        assert targeted[0].section == decode.SECTIONS[encoding]
        assert all(measured(row) for row in mine), mine  # ours and every reference ran
        assert len(mine) == len(decode.references(decode.endpoints()[0], encoding))
    for encoding in SPEC_ENCODINGS:
        summaries = [row for row in rows if row.section == decode.SECTIONS[encoding]
                     and not row.detail and row.measurement.startswith("every endpoint")]
        assert len(summaries) == 1 and measured(summaries[0]), summaries
        assert "not measured" not in summaries[0].measurement
    assert all(row.target and row.met in ("yes", "**no**", "-") for row in rows)


def test_the_profile_takes_the_json_path_apart_step_by_step() -> None:
    rows = profile.rows(rounds=1, number=5)
    assert len(rows) == 5 and all(measured(row) for row in rows), rows
    assert rows[-1].measurement.endswith("Endpoint.parse (what a call pays)")


def test_the_check_profile_takes_the_command_apart_step_by_step(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(contract, "CACHE", tmp_path)  # its corpus file, not bench/.cache
    rows = check_profile.rows(rounds=1, bodies=300)
    assert len(rows) == 5 and all(measured(row) for row in rows), rows
    assert "in process" in rows[3].measurement and "budget" in rows[4].measurement


def test_import_rows_run_every_probe() -> None:
    rows = imports.rows(rounds=1, warmup=0)
    goal = [row for row in rows if row.target != "-"]
    assert len(goal) == 1 and "import qq_connect vs" in goal[0].measurement
    assert all(row.met in ("yes", "**no**", "-") for row in rows)


def test_first_call_has_one_success_example_per_endpoint_and_encoding() -> None:
    chosen = {(x.endpoint.name, x.encoding) for x in first_call.success_examples()}
    assert chosen == {(e.name, x.format) for e in ENDPOINTS for x in e.examples
                      if not is_failure(e, as_instance(x.body, x.format))}
    for example in first_call.success_examples():
        assert first_call.scripts(example) is not None, example.label


@pytest.mark.slow
def test_first_call_rows_run_every_child_program() -> None:
    rows = first_call.rows(rounds=1, warmup=0)
    summary, *details = rows
    assert summary.measurement.startswith("every endpoint") and measured(summary), summary
    assert len(details) == len(first_call.success_examples())
    assert all(measured(row) for row in details), details


# -- python -m bench: where the results go ---------------------------------------------------


@pytest.fixture
def bench_main(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    """bench.__main__ with files under tmp_path and one stub section (no measuring)."""
    module = importlib.import_module("bench.__main__")
    monkeypatch.setattr(module, "RESULTS", tmp_path / "RESULTS.md")
    monkeypatch.setattr(module, "QUICK_RESULTS", tmp_path / ".quick-RESULTS.md")
    stub = [Row("1 stub", "a goal", "1 µs", "2 µs", "2.00×", "≥ 1×", "yes"),
            Row("1 stub", "a case", "1 µs", "2 µs", "2.00×", "≥ 1×", "yes", detail=True)]
    monkeypatch.setattr(module, "sections", lambda sizes: {"decode": lambda: stub})
    return module


@pytest.mark.parametrize("arguments", [["--quick"], ["--only", "decode"]])
def test_any_run_but_a_full_one_leaves_the_committed_results_alone(
        bench_main: object, tmp_path: Path, arguments: list[str]) -> None:
    assert getattr(bench_main, "main")(arguments) == 0  # noqa: B009
    assert not (tmp_path / "RESULTS.md").exists()
    text = (tmp_path / ".quick-RESULTS.md").read_text("utf-8")
    assert f"- Command: `python -m bench {' '.join(arguments)}`" in text


def test_a_full_run_writes_the_results_with_goals_first(bench_main: object,
                                                          tmp_path: Path) -> None:
    assert getattr(bench_main, "main")([]) == 0  # noqa: B009
    text = (tmp_path / "RESULTS.md").read_text("utf-8")
    for line in ("- Machine: ", "- Packages: ", "- Commit: ", "- Command: `python -m bench`"):
        assert line in text
    goals, every = text.split("## Every measurement")
    assert "a goal" in goals and "a case" not in goals
    assert "a goal" in every and "a case" in every


def test_no_write_writes_nothing(bench_main: object, tmp_path: Path) -> None:
    assert getattr(bench_main, "main")(["--no-write"]) == 0  # noqa: B009
    assert list(tmp_path.iterdir()) == []

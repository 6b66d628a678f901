"""``--markdown FILE``: the summary a CI step or a pull-request comment shows.

Its tables agree with the JSON report, and nothing a capture holds can add markup,
a link or HTML to the page.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.contract.from_spec import ENDPOINTS, error_document
from tests.contract.test_check_ci import BROKEN, DRIFTING, ENDPOINT, GOOD, check


def unescaped(text: str) -> str:
    """``text`` with each escape and entity blanked out (NULs), at the same offsets."""
    return re.sub(r"\\.|&(?:amp|lt|gt|quot);", lambda match: "\0" * len(match.group()), text)


def cells(row: str) -> list[str]:
    """The cells of a table row, split only at pipes no backslash escapes."""
    assert row.startswith("| ") and row.endswith(" |"), row
    bounds = [m.start() for m in re.finditer(r"\|", unescaped(row))]
    return [row[start + 1:end].strip() for start, end in itertools.pairwise(bounds)]


def table(markdown: str, heading: str) -> list[list[str]]:
    """The rows (header first, separator dropped) of the first table after ``heading``."""
    lines = markdown[markdown.index(heading):].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| "))
    rows = []
    for line in lines[start:]:
        if not line.startswith("| "):
            break
        rows.append(cells(line))
    return [rows[0], *rows[2:]]


def plain(cell: str) -> str:
    """A cell as the page shows it: escapes and entities undone, code spans unwrapped."""
    text = re.sub(r"\\(.)", r"\1", cell.strip("`"))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace(
        "&amp;", "&")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    captures = tmp_path / "captures" / ENDPOINT.name
    captures.mkdir(parents=True)
    for name, body in (("good", GOOD), ("broken", BROKEN), ("drifting", DRIFTING)):
        (captures / f"{name}.json").write_bytes(body)
    for index in range(7):  # more new findings of one rule than the summary shows
        broken = BROKEN.replace(b'"x"', f'"x{index}"'.encode())
        (captures / f"broken_{index}.json").write_bytes(broken)
    return tmp_path / "captures"


def summary_of(folder: Path, tmp_path: Path, *extra: str | Path) -> tuple[str, dict[str, Any]]:
    markdown = tmp_path / "summary.md"
    run = check(folder, "--markdown", markdown, "--json", tmp_path / "report.json", *extra)
    return markdown.read_text(encoding="utf-8"), run.report


def test_the_summary_agrees_with_the_json_report(folder: Path, tmp_path: Path) -> None:
    text, report = summary_of(folder, tmp_path)
    assert text.startswith("## qq_connect contract check: **FAILED**\n")
    summary = report["summary"]
    assert (f"{summary['captures']} captures: {summary['verdicts'].get('ok', 0)} ok, "
            f"{summary['verdicts'].get('drift', 0)} with drift, "
            f"{summary['verdicts']['error']} with errors") in text
    rows = table(text, "### Findings by endpoint and rule")
    assert rows[0] == ["endpoint", "rule", "kind", "new", "baselined"]
    assert {(plain(endpoint), plain(rule), kind, int(new), int(baselined))
            for endpoint, rule, kind, new, baselined in rows[1:]} == {
        (endpoint, rule, report["rules"][rule]["kind"], counts["new"], counts["baselined"])
        for endpoint, rules in report["endpoints"].items() for rule, counts in rules.items()}
    # The first few new findings of each rule, with what was expected and what came.
    examples = table(text, "#### `wrong-value` (error): 8 new")
    assert examples[0] == ["fingerprint", "capture", "pointer", "message", "expected", "got"]
    assert len(examples) == 1 + 5 and "… and 3 more." in text
    shown = {f["fingerprint"]: f for entry in report["captures"] for f in entry["findings"]}
    for fingerprint, _, pointer, message, expected, got in examples[1:]:
        finding = shown[plain(fingerprint)]
        assert (plain(pointer), plain(message), plain(expected), plain(got)) == (
            finding["pointer"], finding["message"], finding["expected"], finding["actual"])


def test_the_coverage_table_has_every_endpoint_of_the_spec(folder: Path, tmp_path: Path) -> None:
    text, report = summary_of(folder, tmp_path)
    header, *rows = table(text, "### Coverage")
    assert [plain(row[0]) for row in rows] == [e.name for e in ENDPOINTS]
    columns = [plain(name) for name in header]
    for row in rows:
        coverage = report["coverage"][plain(row[0])]
        for name, cell in zip(columns[1:], row[1:], strict=True):
            counts = {**coverage["outcomes"], **coverage["encodings"]}
            if name not in counts:
                assert cell == "–"
            elif counts[name]:
                assert cell == str(counts[name])
            else:
                assert cell == "❌" and name in [*coverage["missing"]["outcomes"],
                                                  *coverage["missing"]["encodings"]]


def test_new_baselined_and_stale_counts(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    check(folder, "--baseline", baseline, "--update-baseline")
    (folder / ENDPOINT.name / "broken.json").unlink()
    (folder / ENDPOINT.name / "new.json").write_bytes(BROKEN.replace(b'"x"', b'"new"'))
    text, report = summary_of(folder, tmp_path, "--baseline", baseline)
    summary = report["summary"]
    assert (f"New findings: 1 (1 error, 0 drift); baselined: "
            f"{sum(summary['baselined'].values())}; stale baseline entries: 1.") in text
    assert "#### `wrong-value` (error): 1 new" in text
    header, stale = table(text, "### Stale baseline entries")
    assert header[:2] == ["fingerprint", "rule"]
    assert plain(stale[0]) == report["baseline"]["stale"][0]["fingerprint"]
    assert "TODO: why is this accepted?" in plain(stale[4])


def test_nothing_a_capture_holds_becomes_markup(tmp_path: Path) -> None:
    hostile = "a|b</table><script>alert(1)</script>*x*_y_ [l](http://e.example) ![i](x) `c`\x1b"
    body = json.dumps({**error_document(ENDPOINT, "&lt;", "m"), hostile: hostile})
    folder = tmp_path / "captures"
    (folder / ENDPOINT.name).mkdir(parents=True)
    (folder / ENDPOINT.name / "hostile.json").write_text(body, encoding="utf-8")
    text, report = summary_of(folder, tmp_path)
    bare = unescaped(text)
    assert "<" not in text and "\x1b" not in text  # no HTML, no control character
    assert not re.search(r"\]\(|\*x\*|_y_", bare)  # no link, image or emphasis
    assert bare.count("`") % 2 == 0  # only the summary's own code spans
    widths: list[int] = []  # each table's rows: as many cells as its header
    for line in [*text.splitlines(), ""]:
        if line.startswith("| "):
            widths.append(len(cells(line)))
        elif widths:
            assert len(set(widths)) == 1, widths
            widths = []
    # The page shows the strings the text output shows (printable), markup and all.
    pointer = "/" + hostile.replace("/", "~1").replace("\x1b", "\\x1b")
    rows = table(text, "#### `undocumented-field`")
    assert pointer in {plain(row[2]) for row in rows[1:]}
    assert pointer in {f["pointer"] for entry in report["captures"] for f in entry["findings"]}
    assert '"&lt;"' in {plain(row[5]) for row in table(text, "#### `wrong-value`")[1:]}


def test_nothing_checked_never_says_passed(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    markdown = tmp_path / "summary.md"
    run = check(tmp_path / "empty", "--markdown", markdown)
    text = markdown.read_text("utf-8")
    assert run.code == 2 and "nothing checked" in text and "passed" not in text


def test_a_long_stale_list_stays_a_summary(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    entries = [{"fingerprint": f"{index:012x}", "rule": "wrong-value", "endpoint": None,
                "pointer": f"/{index}", "reason": "r", "accepted_by": "a", "accepted_on": "d"}
               for index in range(25)]
    baseline.write_text(json.dumps({"version": 1, "findings": entries}), encoding="utf-8")
    text, report = summary_of(folder, tmp_path, "--baseline", baseline)
    assert len(report["baseline"]["stale"]) == 25
    assert len(table(text, "### Stale baseline entries")) == 1 + 20
    assert "… and 5 more." in text

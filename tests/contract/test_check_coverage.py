"""Coverage: per endpoint of the spec, which outcomes (success, each error category of its
return codes) and which declared encodings the captures exercised, and which none did.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from tests.contract.corpus import (
    HOSTILE_FORM,
    HOSTILE_JSON,
    HOSTILE_JSONP,
    HOSTILE_XML,
    bodies,
    targeted_bodies,
)
from tests.contract.from_spec import (
    API,
    ENDPOINTS,
    UNLISTED_RET,
    encode,
    error_document,
    listed_ret_per_category,
    success_document,
)
from tests.contract.test_check_ci import check

CATEGORIES = [c.name for c in API.categories
              if c.name in {code.category.name for code in API.return_codes}]


def write(folder: Path, endpoint: str, name: str, body: bytes) -> None:
    path = folder / endpoint / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)


def coverage_of(tmp_path: Path, *paths: Path) -> tuple[str, dict[str, Any]]:
    run = check(*paths, "--json", tmp_path / "report.json")
    return run.out, run.report["coverage"]


def test_every_outcome_and_encoding_exercised(tmp_path: Path) -> None:
    folder = tmp_path / "captures"
    codes = listed_ret_per_category()
    for e in ENDPOINTS:
        for format in e.encodings:
            write(folder, e.name, f"success.{format}", encode(success_document(e), format))
            for category, code in codes.items():
                write(folder, e.name, f"{category}.{format}",
                      encode(error_document(e, code, "错误"), format))
    out, coverage = coverage_of(tmp_path, folder)
    assert list(coverage) == [e.name for e in ENDPOINTS]
    for e in ENDPOINTS:
        counts = coverage[e.name]
        assert list(counts["outcomes"]) == ["success", *CATEGORIES]
        assert set(counts["outcomes"].values()) == {len(e.encodings)}
        assert counts["encodings"] == dict.fromkeys(e.encodings, 1 + len(codes))
        assert counts["missing"] == {"outcomes": [], "encodings": []}
        total = 1 + len(CATEGORIES) + len(e.encodings)
        assert f"  {e.name}:" in out and f" {total}/{total}\n" in out
    assert "missing" not in out and "no capture of" not in out


def test_what_no_capture_exercised_is_missing(tmp_path: Path) -> None:
    e = ENDPOINTS[0]
    format = e.encodings[0]
    folder = tmp_path / "captures"
    write(folder, e.name, f"success.{format}", encode(success_document(e), format))
    out, coverage = coverage_of(tmp_path, folder)
    assert coverage[e.name]["missing"] == {"outcomes": CATEGORIES,
                                           "encodings": list(e.encodings[1:])}
    assert coverage[e.name]["outcomes"]["success"] == 1
    others = [other.name for other in ENDPOINTS[1:]]
    for name in others:
        assert coverage[name]["missing"]["outcomes"] == ["success", *CATEGORIES]
    missing = ", ".join([*CATEGORIES, *e.encodings[1:]])
    assert f" 2/{2 + len(CATEGORIES) + len(e.encodings[1:])}, missing {missing}\n" in out
    assert f"  no capture of {', '.join(others)}\n" in out


def test_bodies_that_show_no_outcome_count_for_nothing(tmp_path: Path) -> None:
    e = next(e for e in ENDPOINTS if "json" in e.encodings)
    code = e.errors.code_field
    folder = tmp_path / "captures"
    for name, body in (("broken.json", b"{"), ("as_xml.json", b"<data><ret>0</ret></data>"),
                       ("no_code.json", json.dumps({code: "x", "msg": "m"}).encode()),
                       ("array.json", b"[]"), ("loose.unknown", b"{}")):
        write(folder, e.name, name, body)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("not an envelope\n" + json.dumps(
        {"endpoint": e.name, "format": "json",
         "body": json.dumps(error_document(e, UNLISTED_RET, "m"))}) + "\n", encoding="utf-8")
    _, coverage = coverage_of(tmp_path, folder, corpus)
    counts = coverage[e.name]
    # An unlisted code is its own outcome (the table's unknown category), expected or not.
    assert {name: n for name, n in counts["outcomes"].items() if n} == {"unknown": 1}
    assert "unknown" not in counts["missing"]["outcomes"]
    assert counts["encodings"]["json"] == 1
    assert counts["missing"]["outcomes"] == ["success", *CATEGORIES]


def test_the_outcome_the_check_read_is_the_one_coverage_reads_itself() -> None:
    """The command counts what ``check_body_showing`` read of each body, without decoding it
    again: on every path of the check (both judges, the msgspec proof, the fast readers,
    bodies refused or not objects) that is the outcome ``Coverage.outcome`` reads itself."""
    from qq_connect._check import Unread, check_body_showing
    from qq_connect._check_coverage import Coverage
    from qq_connect._contracts import CONTRACTS
    from qq_connect._return_codes import RETURN_CODE_TABLE

    coverage = Coverage(CONTRACTS, RETURN_CODE_TABLE)
    corpus = [(e.name, format, body) for e in ENDPOINTS
              for format, body in targeted_bodies(e)]
    corpus += [(e.name, format, body) for e in ENDPOINTS for format, hostile in (
        ("json", HOSTILE_JSON), ("jsonp", HOSTILE_JSONP), ("form", HOSTILE_FORM),
        ("xml", HOSTILE_XML)) for body in hostile]
    corpus += list(bodies(6_000, seed=7))
    read = Counter[str]()
    for endpoint, format, body in corpus:
        expected = coverage.outcome(endpoint, body, format)
        for reference in (False, True):
            _, shown = check_body_showing(CONTRACTS[endpoint], body, format, reference=reference)
            read[type(shown).__name__] += 1
            if not isinstance(shown, Unread):
                assert coverage.outcome_shown(endpoint, shown) == expected, (endpoint, body)
    # Every kind of answer is given, and most bodies are read once only.
    assert len(read) == 3 and read["dict"] > 4 * (read["NoneType"] + read["Unread"]), read

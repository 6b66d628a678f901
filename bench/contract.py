"""3: the contract check on a generated corpus, against reference validators."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import fastjsonschema
import jsonschema_rs
import msgspec
from jsonschema import Draft202012Validator

from qq_connect._check import _KINDS as KINDS
from qq_connect._check import check_body
from qq_connect._contracts import CONTRACTS
from qq_connect.endpoints import GET_VIP_INFO, GET_VIP_RICH_INFO
from tests.contract.corpus import bodies, jsonl_lines

from .harness import Row, microseconds, paired, verdict

CACHE = Path(__file__).resolve().parent / ".cache"
WIRE = {"get_vip_info": GET_VIP_INFO, "get_vip_rich_info": GET_VIP_RICH_INFO}


def _schema(endpoint: str) -> dict[str, Any]:
    text = resources.files("qq_connect").joinpath(f"schemas/{endpoint}.json").read_text("utf-8")
    return dict(json.loads(text))


def _msgspec_checker(endpoint: str) -> Callable[[bytes], bool]:
    """A msgspec Struct with the schema's checks: bounds, numeric strings, success fields."""
    contract = CONTRACTS[endpoint]
    fields: list[tuple[str, Any, Any]] = []
    for name, rule in contract.fields.items():
        if rule.kind == "text":
            kind: Any = str
        else:
            pattern, low, high, _ = KINDS[rule.kind]  # the schema's bounds and patterns
            kind = (Annotated[int, msgspec.Meta(ge=low, le=high)]
                    | Annotated[str, msgspec.Meta(pattern=pattern.pattern)])
        fields.append((name, kind | msgspec.UnsetType, msgspec.UNSET))
    decoder = msgspec.json.Decoder(msgspec.defstruct(f"{endpoint}_struct", fields))
    required = contract.required_on_success
    zero = re.compile(r"^-?0+$")

    def check(body: bytes) -> bool:
        try:
            value = decoder.decode(body)
        except (msgspec.DecodeError, msgspec.ValidationError, UnicodeError):
            return False
        ret = value.ret  # type: ignore[attr-defined]
        if ret is msgspec.UNSET or value.msg is msgspec.UNSET:  # type: ignore[attr-defined]
            return False
        if ret == 0 or (isinstance(ret, str) and zero.search(ret)):
            return all(getattr(value, name) is not msgspec.UNSET for name in required)
        return True

    return check


def _contenders(sample: list[tuple[str, bytes]]) -> dict[str, Callable[[], object]]:
    reference = {name: Draft202012Validator(_schema(name)) for name in CONTRACTS}
    rust = {name: jsonschema_rs.validator_for(_schema(name)) for name in CONTRACTS}
    structs = {name: _msgspec_checker(name) for name in CONTRACTS}
    contenders: dict[str, Callable[[], object]] = {
        "ours": lambda: [check_body(CONTRACTS[e], b, "json") for e, b in sample],
        "jsonschema (reference)": lambda: [
            _safe(lambda e=e, b=b: list(reference[e].iter_errors(json.loads(b))))
            for e, b in sample],
        "jsonschema-rs": lambda: [_safe(lambda e=e, b=b: rust[e].is_valid(json.loads(b)))
                                  for e, b in sample],
        "pydantic (wire model)": lambda: [_safe(lambda e=e, b=b: WIRE[e].parse_wire(b))
                                          for e, b in sample],
        "msgspec (same checks)": lambda: [structs[e](b) for e, b in sample],
    }
    try:
        compiled = {name: fastjsonschema.compile(_schema(name)) for name in CONTRACTS}
        contenders["fastjsonschema"] = lambda: [
            _safe(lambda e=e, b=b: compiled[e](json.loads(b))) for e, b in sample]
    except Exception as error:  # reported, not fatal
        print(f"fastjsonschema cannot compile the schema: {error}", file=sys.stderr)
    return contenders


def _safe(call: Callable[[], object]) -> object:
    try:
        return call()
    except Exception as error:  # invalid bodies raise in some tools
        return error


GENERATED_AT_MOST = 1_000_000


def corpus_file(count: int) -> Path:
    """A JSONL corpus of ``count`` bodies; beyond a million, the million-body file repeated."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"corpus-{count}.jsonl"
    if path.exists():
        return path
    if count > GENERATED_AT_MOST and count % GENERATED_AT_MOST == 0:
        source = corpus_file(GENERATED_AT_MOST)
        with path.open("wb") as out:
            for _ in range(count // GENERATED_AT_MOST):
                with source.open("rb") as chunk:
                    shutil.copyfileobj(chunk, out)
        return path
    with path.open("w", encoding="utf-8") as out:
        out.writelines(jsonl_lines(count, seed=count))
    return path


def peak_memory(path: Path) -> tuple[float, float]:
    """Peak RSS (MiB) and seconds of ``python -m qq_connect.check`` over a corpus file."""
    probe = ("import resource, sys, time; from qq_connect.check import main; t = time.monotonic(); "
             "main([sys.argv[1]]); print('PEAK', resource.getrusage(resource.RUSAGE_SELF)"
             ".ru_maxrss / 1024, time.monotonic() - t)")
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True,
                            text=True, check=False)
    line = next(line for line in result.stdout.splitlines() if line.startswith("PEAK"))
    _, peak, seconds = line.split()
    return float(peak), float(seconds)


def rows(rounds: int, sample_size: int, memory_counts: list[int]) -> list[Row]:
    # The endpoints the contenders know (ret/msg, JSON); the corpus now spans every encoding.
    mixed = [(e, b) for e, f, b in bodies(sample_size * 4, seed=100_000)
             if f == "json" and e in WIRE]
    clean = [(e, b) for e, b in mixed if not check_body(CONTRACTS[e], b, "json")]
    result = []
    for label, sample in (("mixed corpus", mixed[:sample_size]),
                          ("bodies without findings", clean[:sample_size])):
        timings = paired(_contenders(sample), number=1, rounds=rounds)
        per_body = {name: timings.median(name) / len(sample) for name in timings.rounds}
        for reference, target in (("jsonschema (reference)", 50.0),
                                  ("msgspec (same checks)", 0.5), ("jsonschema-rs", None),
                                  ("fastjsonschema", None), ("pydantic (wire model)", None)):
            if reference not in timings.rounds:
                result.append(Row("3 contract check", f"{label}: vs {reference}", "-", "n/a",
                                  "-", "-", "-"))
                continue
            ratio = timings.ratio("ours", reference)
            goal = target if label == "mixed corpus" else None
            result.append(Row("3 contract check", f"{label}: per JSON body vs {reference}",
                              microseconds(per_body["ours"]), microseconds(per_body[reference]),
                              f"{ratio:.2f}×", f"≥ {goal:g}×" if goal else "-",
                              verdict(ratio, goal) if goal else "-"))
    for count in memory_counts:
        path = corpus_file(count)
        peak, seconds = peak_memory(path)
        size = path.stat().st_size / 2**20
        result.append(Row("3 contract check", f"{count:,} bodies ({size:,.0f} MiB JSONL) via "
                          "the command", f"{peak:,.0f} MiB peak", f"{seconds:,.1f} s",
                          f"{count / seconds:,.0f} bodies/s", "< 200 MiB, flat",
                          verdict(peak, 200, higher_is_better=False)))
    return result

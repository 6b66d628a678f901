"""3: the contract check, per endpoint and encoding and as a command, against jsonschema.

Every endpoint of the spec in every encoding it declares gets its own row: our check per
body against jsonschema's (the reference: the body decoded, then every error listed),
with msgspec, jsonschema-rs, fastjsonschema and the client's pydantic wire model as
context. The headline is the command itself over 200,000 JSONL bodies of all endpoints,
start-up included, against jsonschema's per-body speed on the same bodies; then the
command's peak memory up to a corpus over 1 GiB.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import fastjsonschema
import jsonschema_rs
import msgspec
from jsonschema import Draft202012Validator

import qq_connect.endpoints
from qq_connect._check import _KINDS as KINDS
from qq_connect._check import Contract, check_body
from qq_connect._contracts import CONTRACTS
from qq_connect._decode import decode_body
from tests.bodies import JSON_LIKE
from tests.contract.corpus import bodies, jsonl_lines
from tests.contract.from_spec import ENDPOINTS

from .harness import Row, microseconds, paired, verdict

CACHE = Path(__file__).resolve().parent / ".cache"
SECTION = "3 contract check"
TARGET, MOONSHOT = 50.0, 100.0
HEADLINE_BODIES = 200_000
# The rows per endpoint and encoding share the per-body sample this much.
PAIR_SHARE = 3


def _schema(endpoint: str) -> dict[str, Any]:
    text = resources.files("qq_connect").joinpath(f"schemas/{endpoint}.json").read_text("utf-8")
    return dict(json.loads(text))


def _instance(contract: Contract, body: bytes) -> object:
    """What a JSON Schema validator is given: the body decoded as the client decodes it."""
    decoded = decode_body(body, contract.encodings, contract.xml_root)
    return json.loads(decoded.json_text) if decoded.json_text is not None else decoded.values


def _json_text(contract: Contract, body: bytes) -> bytes:
    return decode_body(body, contract.encodings, contract.xml_root).json_text or b""


def _msgspec_checker(contract: Contract) -> Callable[[bytes], bool]:
    """A msgspec Struct with the schema's checks: bounds, numeric strings, success fields."""
    fields: list[tuple[str, Any, Any]] = []
    for name, rule in contract.fields.items():
        if rule.kind == "text":
            kind: Any = str
        else:
            pattern, low, high, _ = KINDS[rule.kind]  # the schema's bounds and patterns
            kind = (Annotated[int, msgspec.Meta(ge=low, le=high)]
                    | Annotated[str, msgspec.Meta(pattern=pattern.pattern)])
        fields.append((name, kind | msgspec.UnsetType, msgspec.UNSET))
    decoder = msgspec.json.Decoder(msgspec.defstruct(f"{contract.endpoint}_struct", fields))
    required = contract.required_on_success
    code_field, message_field = contract.code_field, contract.message_field
    zero = re.compile(r"^-?0+$")

    def check(body: bytes) -> bool:
        try:
            value = decoder.decode(_json_text(contract, body))
        except (msgspec.DecodeError, msgspec.ValidationError, UnicodeError, ValueError):
            return False
        code, message = getattr(value, code_field), getattr(value, message_field)
        if not contract.code_always:
            if code is not msgspec.UNSET and message is msgspec.UNSET:
                return False
            success = code is msgspec.UNSET
        elif code is msgspec.UNSET or message is msgspec.UNSET:
            return False
        else:
            success = code == 0 or (isinstance(code, str) and bool(zero.search(code)))
        return not success or all(getattr(value, name) is not msgspec.UNSET
                                  for name in required)

    return check


def _safe(call: Callable[[bytes], object], body: bytes) -> object:
    try:
        return call(body)
    except Exception as error:  # invalid bodies raise in some tools
        return error


def _reference(endpoint: str) -> Callable[[bytes], object]:
    """jsonschema's judgement of one body: decoded, then every error listed."""
    contract, validator = CONTRACTS[endpoint], Draft202012Validator(_schema(endpoint))
    return lambda body: _safe(lambda b: list(validator.iter_errors(_instance(contract, b))), body)


def _contenders(endpoint: str, format: str,
                sample: list[bytes]) -> dict[str, Callable[[], object]]:
    contract = CONTRACTS[endpoint]
    reference = _reference(endpoint)
    rust = jsonschema_rs.validator_for(_schema(endpoint))
    wire = getattr(qq_connect.endpoints, next(e for e in ENDPOINTS if e.name == endpoint).constant)
    contenders: dict[str, Callable[[], object]] = {
        "ours": lambda: [check_body(contract, b, format) for b in sample],
        "jsonschema (reference)": lambda: [reference(b) for b in sample],
        "jsonschema-rs": lambda: [_safe(lambda body: rust.is_valid(_instance(contract, body)),
                                        b) for b in sample],
        "pydantic (wire model)": lambda: [_safe(wire.parse_wire, b) for b in sample],
    }
    if format in JSON_LIKE:  # msgspec reads JSON, not XML or form pairs
        checker = _msgspec_checker(contract)
        contenders["msgspec (same checks)"] = lambda: [checker(b) for b in sample]
    try:
        compiled = fastjsonschema.compile(_schema(endpoint))
        contenders["fastjsonschema"] = lambda: [
            _safe(lambda body: compiled(_instance(contract, body)), b) for b in sample]
    except Exception as error:  # reported, not fatal
        print(f"fastjsonschema cannot compile the schema: {error}", file=sys.stderr)
    return contenders


CONTEXT = ("msgspec (same checks)", "jsonschema-rs", "fastjsonschema", "pydantic (wire model)")


def _speed_rows(label: str, endpoint: str, format: str, sample: list[bytes],
                rounds: int, goal: float | None) -> list[Row]:
    """Our check per body against jsonschema (with ``goal``), and a row of context."""
    timings = paired(_contenders(endpoint, format, sample), number=1, rounds=rounds)
    per_body = {name: timings.median(name) / len(sample) for name in timings.rounds}
    ratio = timings.ratio("ours", "jsonschema (reference)")
    context = [name for name in CONTEXT if name in timings.rounds]
    return [
        Row(SECTION, f"{label}: per body vs jsonschema (reference), {len(sample):,} bodies",
            microseconds(per_body["ours"]), microseconds(per_body["jsonschema (reference)"]),
            f"{ratio:.1f}×", f"≥ {goal:g}×" if goal else "-",
            verdict(ratio, goal) if goal else "-"),
        Row(SECTION, f"{label}: context ({', '.join(context)})", "-",
            " · ".join(microseconds(per_body[name]) for name in context),
            " · ".join(f"{timings.ratio('ours', name):.2f}×" for name in context), "-", "-"),
    ]


def pair_samples(size: int) -> dict[tuple[str, str], list[bytes]]:
    """``size`` bodies of the mixed corpus per endpoint and encoding it declares."""
    pairs = {(e.name, format) for e in ENDPOINTS for format in e.encodings}
    samples: dict[tuple[str, str], list[bytes]] = defaultdict(list)
    for endpoint, format, body in bodies(size * len(pairs) * 4, seed=100_000):
        if len(samples[endpoint, format]) < size:
            samples[endpoint, format].append(body)
    assert all(len(samples[pair]) == size for pair in pairs), "the corpus misses a pair"
    return dict(sorted(samples.items()))


def _ours_over(chosen: list[tuple[str, str, bytes]]) -> object:
    return [check_body(CONTRACTS[e], b, f) for e, f, b in chosen]


def _references_over(references: dict[str, Callable[[bytes], object]],
                     chosen: list[tuple[str, str, bytes]]) -> object:
    return [references[e](b) for e, _, b in chosen]


def per_body_rows(rounds: int, sample_size: int) -> list[Row]:
    """Per endpoint and encoding; then the mixed corpus and its clean bodies, all together."""
    result: list[Row] = []
    samples = pair_samples(max(50, sample_size // PAIR_SHARE))
    for (endpoint, format), sample in samples.items():
        result += _speed_rows(f"{endpoint} {format}", endpoint, format, sample, rounds, TARGET)
    mixed = [(e, f, b) for (e, f), sample in samples.items() for b in sample]
    clean = [(e, f, b) for e, f, b in mixed if not check_body(CONTRACTS[e], b, f)]
    references = {endpoint: _reference(endpoint) for endpoint in CONTRACTS}
    for label, chosen in (("all endpoints, mixed corpus", mixed),
                          ("all endpoints, bodies without findings", clean)):
        timings = paired({
            "ours": partial(_ours_over, chosen),
            "jsonschema (reference)": partial(_references_over, references, chosen),
        }, number=1, rounds=rounds)
        ratio = timings.ratio("ours", "jsonschema (reference)")
        result.append(Row(SECTION, f"{label}: per body vs jsonschema (reference), "
                          f"{len(chosen):,} bodies",
                          microseconds(timings.median("ours") / len(chosen)),
                          microseconds(timings.median("jsonschema (reference)") / len(chosen)),
                          f"{ratio:.1f}×", "-", "-"))
    return result


GENERATED_AT_MOST = 1_000_000


def corpus_file(count: int) -> Path:
    """A JSONL corpus of ``count`` bodies; beyond a million, the million-body file repeated."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"corpus-v2-{count}.jsonl"  # v2: exactly ``count`` lines, all endpoints
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


def clean_corpus_file(count: int) -> Path:
    """``count`` JSONL bodies of every endpoint without any finding: what most captures of a
    healthy API look like, and the command's best case."""
    path = CACHE / f"clean-v2-{count}.jsonl"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for line in jsonl_lines(10 * count, seed=count + 1):
            envelope = json.loads(line)
            body = envelope["body"].encode("utf-8")
            if not check_body(CONTRACTS[envelope["endpoint"]], body, envelope["format"]):
                out.write(line)
                written += 1
                if written == count:
                    break
    return path


# The probe's own peak: /proc's VmHWM is this process's alone, where ru_maxrss also counts
# the memory of the process that started it (Linux carries it over exec).
PROBE = """
import resource, sys, time
from qq_connect.check import main
started = time.monotonic()
main([sys.argv[1]])
seconds = time.monotonic() - started
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("PEAK", peak / 1024, seconds)
"""


def run_command(path: Path) -> tuple[float, float, float]:
    """``python -m qq_connect.check`` over a corpus file in a fresh interpreter: its peak RSS
    (MiB), its seconds from start to exit (start-up included) and those after start-up."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True,
                            text=True, check=False)
    total = time.perf_counter() - started
    line = next(line for line in result.stdout.splitlines() if line.startswith("PEAK"))
    _, peak, inside = line.split()
    return float(peak), total, float(inside)


def _envelopes(path: Path, every: int) -> list[tuple[str, bytes]]:
    """Every ``every``-th body of a JSONL corpus, with its endpoint."""
    chosen = []
    with path.open("rb") as lines:
        for number, line in enumerate(lines):
            if number % every == 0:
                envelope = json.loads(line)
                chosen.append((envelope["endpoint"], envelope["body"].encode("utf-8")))
    return chosen


def command_row(path: Path, label: str, rounds: int, sample_size: int,
                goal: float | None) -> Row:
    """The command over the 200,000 bodies of ``path``, start-up included, against
    jsonschema's speed per body on the same bodies (every n-th: 8 samples' worth)."""
    sample = _envelopes(path, max(1, HEADLINE_BODIES // (8 * sample_size)))
    references = {endpoint: _reference(endpoint) for endpoint in CONTRACTS}
    ours, theirs, ratios = [], [], []
    for _ in range(min(rounds, 3)):
        _, seconds, _ = run_command(path)
        started = time.perf_counter()
        for endpoint, body in sample:
            references[endpoint](body)
        per_body = (time.perf_counter() - started) / len(sample)
        ours.append(HEADLINE_BODIES / seconds)
        theirs.append(1 / per_body)
        ratios.append(ours[-1] / theirs[-1])
    ratio = statistics.median(ratios)
    return Row(SECTION, f"the command over {HEADLINE_BODIES:,} JSONL bodies ({label}), "
                        f"start-up included, vs jsonschema per body on the same bodies "
                        f"({len(sample):,} of them)",
               f"{statistics.median(ours):,.0f} bodies/s",
               f"{statistics.median(theirs):,.0f} bodies/s", f"{ratio:.1f}×",
               f"≥ {goal:g}× (moonshot ≥ {MOONSHOT:g}×)" if goal else "-",
               verdict(ratio, goal) if goal else "-")


def command_rows(rounds: int, sample_size: int) -> list[Row]:
    """The headline (the mixed corpus of every endpoint and encoding), then the best case."""
    endpoints = f"all {len(CONTRACTS)} endpoints, every encoding"
    return [command_row(corpus_file(HEADLINE_BODIES), f"**{endpoints}, mixed**", rounds,
                        sample_size, TARGET),
            command_row(clean_corpus_file(HEADLINE_BODIES),
                        f"{endpoints}, only bodies without findings", rounds, sample_size, None)]


def _past_a_gibibyte(counts: list[int]) -> list[int]:
    """``counts``; in a run of a million bodies or more, the largest grown (by whole millions)
    until its corpus is over 1 GiB, where memory must still be flat."""
    if not counts or max(counts) < GENERATED_AT_MOST:
        return counts
    per_million = corpus_file(GENERATED_AT_MOST).stat().st_size
    needed = -(-2**30 // per_million) * GENERATED_AT_MOST
    return [*sorted(counts)[:-1], max(*counts, needed)]


def memory_rows(memory_counts: list[int]) -> list[Row]:
    result = []
    for count in _past_a_gibibyte(memory_counts):
        path = corpus_file(count)
        peak, total, inside = run_command(path)
        size = path.stat().st_size / 2**20
        result.append(Row(SECTION, f"{count:,} bodies ({size:,.0f} MiB JSONL) via the command",
                          f"{peak:,.0f} MiB peak", f"{total:,.1f} s ({inside:,.1f} s after "
                          "start-up)", f"{count / total:,.0f} bodies/s", "< 200 MiB, flat",
                          verdict(peak, 200, higher_is_better=False)))
    return result


def rows(rounds: int, sample_size: int, memory_counts: list[int]) -> list[Row]:
    return [*command_rows(rounds, sample_size), *per_body_rows(rounds, sample_size),
            *memory_rows(memory_counts)]

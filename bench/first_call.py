"""7: first-call latency: a fresh process imports, builds a client and makes its first call.

Per endpoint and per encoding of its success examples, one child process runs ours
(``import qq_connect``, ``QQConnect(transport=httpx.MockTransport(...))``, the endpoint's
method) and another the same by hand (``import httpx, pydantic``, a bare model of the same
fields, ``httpx.Client(transport=...)``, the request, the bare decode of decode.py). No
network: the mock transport answers the example body. Each child times itself from its
first line to the parsed answer, so the interpreter's own start-up (the same for both)
is left out; rounds are paired and rotated as everywhere else.

The goal, "not noticeably slower", is read as at most 1.3× the time: the same budget as
the import goal, since a first call is mostly imports and building validators, and a
call must not add more than the import already may.
"""

from __future__ import annotations

import inspect
import statistics
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

import qq_connect

from .decode import Example, examples, field_types, ours
from .harness import Row, milliseconds, paired_samples, verdict
from .imports import child_environment

SECTION = "7 first call"
GOAL = 1.3
PLACEHOLDER_URL = "https://example.com/callback"  # any argument named *_uri or *_url

OURS = """\
import time
started = time.perf_counter()
import httpx
import qq_connect
BODY = {body!r}
def answer(request):
    return httpx.Response(200, content=BODY)
with qq_connect.QQConnect("1", app_key="k", transport=httpx.MockTransport(answer)) as client:
    client.{method}(*{arguments!r}, **{keywords!r})
print(time.perf_counter() - started)
"""

BARE = """\
import time
started = time.perf_counter()
import httpx
from pydantic import create_model
{imports}
Plain = create_model("Plain", **{{name: (kind | None, None) for name, kind in {fields}.items()}})
BODY = {body!r}
def answer(request):
    return httpx.Response(200, content=BODY)
with httpx.Client(transport=httpx.MockTransport(answer)) as http:
    response = http.request({method!r}, {url!r}, params={parameters!r})
    response.raise_for_status()
    body = response.content
    {decode}
print(time.perf_counter() - started)
"""

# The bare decode of each encoding, as decode.py's references do it, into the bare model.
BARE_DECODE = {
    "json": ("", "Plain.model_validate_json(body)"),
    "jsonp": ("", 'Plain.model_validate_json(body[body.index(b"(") + 1:body.rindex(b")")])'),
    "form": ("from urllib.parse import parse_qsl",
             'Plain.model_validate(dict(parse_qsl(body.decode("utf-8"), '
             "keep_blank_values=True)))"),
    "xml": ("from defusedxml.ElementTree import fromstring",
            "Plain.model_validate({child.tag: child.text for child in fromstring(body)})"),
}


@dataclass(frozen=True)
class Call:
    """How the client calls one endpoint: its method and placeholder arguments."""

    method: str
    arguments: list[str]
    keywords: dict[str, str]


def client_call(example: Example) -> Call | None:
    """The endpoint's client method, required arguments from its signature, the format."""
    function = getattr(qq_connect.QQConnect, example.endpoint.name, None)
    if function is None:
        return None
    arguments: list[str] = []
    keywords: dict[str, str] = {}
    for name, parameter in inspect.signature(function).parameters.items():
        if name == "self" or parameter.default is not inspect.Parameter.empty:
            continue
        value = PLACEHOLDER_URL if name.endswith(("_uri", "_url")) else "x"
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            keywords[name] = value
        else:
            arguments.append(value)
    if example.encoding in example.endpoint.formats:
        keywords["format"] = example.encoding
    return Call(example.endpoint.name, arguments, keywords)


def success_examples() -> list[Example]:
    """Per endpoint and encoding, one example that parses to a typed result."""
    every = examples()
    chosen: dict[tuple[str, str], Example] = {}
    # success.* first: the plain answer, where the spec has one.
    for example in sorted(every, key=lambda e: e.path.stem != "success"):
        key = (example.endpoint.name, example.encoding)
        if key in chosen:
            continue
        try:
            outcome = ours(example.endpoint)(example.body())
        except Exception:  # decode.py reports bodies ours cannot parse
            continue
        if not isinstance(outcome, qq_connect.ApiError):
            chosen[key] = example
    order = {example.path: index for index, example in enumerate(every)}
    return sorted(chosen.values(), key=lambda example: order[example.path])


def scripts(example: Example) -> tuple[str, str] | None:
    """The two child programs for one example: ours and the bare one."""
    call = client_call(example)
    if call is None:
        return None
    endpoint = example.endpoint
    body = example.body()
    ours_script = OURS.format(body=body, method=call.method, arguments=call.arguments,
                              keywords=call.keywords)
    imports, decode = BARE_DECODE[example.encoding]
    fields = "{" + ", ".join(f"{name!r}: {kind.__name__}"
                             for name, kind in field_types(endpoint).items()) + "}"
    parameters = {name: "x" for name in ("access_token", "oauth_consumer_key", "openid")}
    bare_script = BARE.format(imports=imports, fields=fields, body=body,
                              method=endpoint.methods[0],
                              url=f"{endpoint.base_url or 'https://graph.qq.com'}{endpoint.path}",
                              parameters=parameters, decode=decode)
    return ours_script, bare_script


class ChildFailed(Exception):
    """A child program failed: the last line of its error output says why."""


def _child(script: str, environment: dict[str, str]) -> Callable[[], float]:
    def run() -> float:
        result = subprocess.run([sys.executable, "-c", script], env=environment, check=False,
                                capture_output=True, text=True)
        if result.returncode != 0:
            lines = result.stderr.strip().splitlines()
            raise ChildFailed(lines[-1] if lines else f"exit {result.returncode}")
        return float(result.stdout.split()[-1])
    return run


@dataclass(frozen=True)
class Measured:
    label: str
    ours_seconds: float
    bare_seconds: float
    time_ratio: float


def measure(example: Example, rounds: int, environment: dict[str, str],
            warmup: int = 1) -> tuple[Measured | None, Row]:
    label = f"{example.endpoint.name}, {example.encoding} ({example.path.name})"
    target = f"≤ {GOAL:g}×"
    programs = scripts(example)
    if programs is None:
        return None, Row(SECTION, f"{label}: no client method", "-", "-", "-", target,
                         "**no**", detail=True)
    try:
        timings = paired_samples({"ours": _child(programs[0], environment),
                                  "bare": _child(programs[1], environment)},
                                 rounds=rounds, warmup=warmup)
    except ChildFailed as error:
        return None, Row(SECTION, f"{label}: a child fails: {error}", "-", "-", "-", target,
                         "**no**", detail=True)
    ratio = timings.time_ratio("ours", "bare")
    measured = Measured(label, timings.median("ours"), timings.median("bare"), ratio)
    return measured, Row(SECTION, f"{label}: import, client, first call vs bare httpx + bare "
                         "pydantic", milliseconds(measured.ours_seconds),
                         milliseconds(measured.bare_seconds), f"{ratio:.2f}× the time", target,
                         verdict(ratio, GOAL, False), detail=True)


def rows(rounds: int, chosen: list[Example] | None = None, warmup: int = 1) -> list[Row]:
    """The goal's summary row (the worst endpoint), then a row per endpoint and encoding."""
    environment = child_environment()
    found: list[Measured] = []
    details: list[Row] = []
    for example in success_examples() if chosen is None else chosen:
        measured, row = measure(example, rounds, environment, warmup)
        details.append(row)
        if measured is not None:
            found.append(measured)
    failed = len(details) - len(found)
    target = f"≤ {GOAL:g}× (not noticeably slower)"
    if not found:
        return [Row(SECTION, "every endpoint: nothing measured", "-", "-", "-", target,
                    "**no**"), *details]
    worst = max(found, key=lambda m: m.time_ratio)
    middle = statistics.median(m.time_ratio for m in found)
    broken = f", {failed} not measured (see below)" if failed else ""
    summary = Row(SECTION, f"every endpoint: worst of {len(found)} fresh processes "
                  f"({worst.label}) vs bare httpx + bare pydantic; median {middle:.2f}×{broken}",
                  milliseconds(worst.ours_seconds), milliseconds(worst.bare_seconds),
                  f"{worst.time_ratio:.2f}× the time", target,
                  verdict(worst.time_ratio, GOAL, False) if not failed else "**no**")
    return [summary, *details]

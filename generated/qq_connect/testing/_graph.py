# Copied from generator/runtime/testing/_graph.py; do not edit here: edit that file and run `make generate`.
"""A fake graph.qq.com for your own tests: the spec's examples and return codes, per call.

``BaseMockGraph`` answers every request the way the real host does: by path (whatever
the host, so an endpoint with a host of its own is found too), telling endpoints that
share a path apart by their fixed parameters (``grant_type``), and in the encoding the
request asks for with the endpoint's format parameter. What it answers is chosen per
endpoint with ``answer()``; every request is recorded, its secrets masked in any repr.
The generated ``qq_connect.testing.MockGraph`` sets the spec's data (``canned``).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Final
from urllib.parse import parse_qsl

import httpx

from .._base_client import REDACTED
from .._decode import Encoding
from .._request import encode_parameters
from .._response import Endpoint
from ._bodies import read_document, write_body

__all__ = [
    "DRIFT",
    "MALFORMED",
    "SUCCESS",
    "BaseMockGraph",
    "Canned",
    "CannedEndpoint",
    "Example",
    "RecordedRequest",
    "RequestParameters",
]

SUCCESS: Final = "success"
DRIFT: Final = "drift"
MALFORMED: Final = "malformed"
# What a drift answer adds: a field no spec lists, which the client keeps and the
# contract check reports.
DRIFT_FIELD: Final = "undocumented_field"
# A body that is no answer at all (a proxy's error page): the client raises DecodeError.
MALFORMED_BODY: Final = (b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                         b"<body><h1>502 Bad Gateway</h1></body></html>\n")
NOT_FOUND_BODY: Final = (b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
                         b"<body><h1>404 Not Found</h1></body></html>\n")
_FORM_TYPE = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Example:
    """One example body of the spec, as stored under ``spec/examples/<endpoint>/``."""

    name: str
    encoding: Encoding
    body: bytes = field(repr=False)


@dataclass(frozen=True)
class CannedEndpoint:
    """An endpoint with its examples, and the fixed parameters that tell it apart from
    another endpoint at the same path."""

    endpoint: Endpoint[Any, Any]
    fixed: tuple[tuple[str, str], ...]
    examples: tuple[Example, ...]

    @property
    def name(self) -> str:
        return self.endpoint.name

    def takes(self, parameters: Mapping[str, str]) -> bool:
        return all(parameters.get(name) == value for name, value in self.fixed)

    def asked_format(self, parameters: Mapping[str, str]) -> str:
        """The format a request asks for, read the way the endpoint reads it: the value of
        its format parameter, else the format asked for by sending nothing (or the first)."""
        formats, values = self.endpoint.formats, self.endpoint.format_parameter.values
        sent = parameters.get(self.endpoint.format_parameter.name)
        asked = [f for f in formats if sent is not None and values.get(f) == sent]
        unsent = [f for f in formats if values.get(f) is None]
        return (asked or unsent or [formats[0]])[0]

    def encoding(self, format: str) -> Encoding:
        """The encoding of an answer in ``format`` (a format is one of the encodings)."""
        return next(e for e in self.endpoint.encodings if e == format)

    @cached_property
    def failures(self) -> dict[str, tuple[int, str]]:
        """The code and message of every failing example, by example name, read with the
        endpoint's own parser."""
        found: dict[str, tuple[int, str]] = {}
        for example in self.examples:
            failure = self.endpoint.parse_wire(example.body).failure()
            if failure is not None:
                found.setdefault(example.name, (failure[0], failure[1] or ""))
        return found

    @cached_property
    def documents(self) -> dict[str, dict[str, object]]:
        """Each example's fields by example name; JSON's typed values preferred."""
        found: dict[str, dict[str, object]] = {}
        ranked = sorted(self.examples, key=lambda e: e.encoding not in ("json", "jsonp"))
        for example in ranked:
            found.setdefault(example.name, read_document(self.endpoint, example.body))
        return found

    @property
    def outcomes(self) -> tuple[str, ...]:
        """What ``answer()`` takes for this endpoint: its example names, drift, malformed."""
        names = dict.fromkeys(example.name for example in self.examples)
        return (*names, DRIFT, MALFORMED)

    def error_encoding(self, format: str) -> Encoding:
        """The encoding a failure comes in: the format a request names, as asked; for the
        default format, the encoding of the spec's failing examples (the token step
        answers form pairs but fails in JSONP)."""
        failing = [e.encoding for e in self.examples if e.name in self.failures]
        if format != self.endpoint.formats[0] or not failing:
            return self.encoding(format)
        return failing[0]

    def example_body(self, name: str, format: str) -> bytes:
        """The example ``name`` as an answer to a request for ``format``: the stored body
        when the spec has it in that encoding, else its fields written in it."""
        encoding = (self.error_encoding(format) if name in self.failures
                    else self.encoding(format))
        stored = [e.body for e in self.examples if (e.name, e.encoding) == (name, encoding)]
        if stored:
            return stored[0]
        if name not in self.documents:
            raise LookupError(f"the spec has no example {name!r} of {self.name}; "
                              "choose its answers with answer(..., body=...)")
        return write_body(self.documents[name], encoding, self.endpoint.xml_root)

    def error_body(self, code: int, format: str, message: str | None = None) -> bytes:
        """A failure with ``code`` and ``message`` (by default the return-code table's
        meaning of the code)."""
        message = message or self.endpoint.return_codes.describe(code).meaning
        wire = self.endpoint.wire_model
        document = {wire.CODE_FIELD: code, wire.MESSAGE_FIELD: message or f"error {code}"}
        return write_body(document, self.error_encoding(format), self.endpoint.xml_root)

    def drift_body(self, format: str) -> bytes:
        """The success example with a field no spec lists and, where JSON can tell, its
        numbers as numeric strings: the client accepts it, the contract check reports it."""
        code_field = self.endpoint.wire_model.CODE_FIELD
        document: dict[str, object] = {
            name: str(value) if type(value) is int and name != code_field else value
            for name, value in self.documents[SUCCESS].items()}
        document[DRIFT_FIELD] = "1"
        return write_body(document, self.encoding(format), self.endpoint.xml_root)


@dataclass(frozen=True)
class Canned:
    """Everything the mock serves, from the spec: the endpoints with their examples, the
    parameters to mask in recorded requests, the Content-Type of every answer."""

    endpoints: tuple[CannedEndpoint, ...]
    secret_parameters: frozenset[str]
    content_type: str

    @cached_property
    def messages(self) -> dict[int, str]:
        """The message the spec's failing examples give each code, whichever endpoint's
        (the wire's own wording, where the table has only a meaning)."""
        return {code: message for canned in self.endpoints
                for code, message in canned.failures.values() if message}


@dataclass(frozen=True)
class Answer:
    """How to answer one request: an outcome (an example's name, drift, malformed), an
    error code, or a raw body; with this status and these extra headers."""

    outcome: str = SUCCESS
    error: int | None = None
    body: bytes | None = field(default=None, repr=False)
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        if self.body is not None:
            return "raw body"
        return f"error {self.error}" if self.error is not None else self.outcome


_DEFAULT: Final = Answer()


class RequestParameters(Mapping[str, str]):
    """A request's parameters (query and form body): read them like a dict; the repr
    masks the secret ones."""

    def __init__(self, pairs: Iterable[tuple[str, str]], secret: frozenset[str]) -> None:
        self._pairs = tuple(pairs)
        self._values = dict(self._pairs)
        self._secret = secret

    def __getitem__(self, name: str) -> str:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def masked(self) -> str:
        """The pairs as a query string, secret values replaced."""
        return encode_parameters(self._pairs, hide=self._secret, mask=REDACTED)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name!r}: {REDACTED if name in self._secret else value!r}"
                          for name, value in self._values.items())
        return f"{type(self).__name__}({{{shown}}})"


@dataclass(frozen=True, eq=False, repr=False)
class RecordedRequest:
    """One request the mock received, and what it answered (``answered``: ``success``,
    ``error 100013``, ``drift``, ``malformed``, ``raw body``, ``not found``).

    Its repr and str mask every secret parameter; ``params`` holds the real values.
    """

    endpoint: str | None
    method: str
    host: str
    path: str
    params: RequestParameters
    format: str | None
    answered: str
    status: int
    headers: httpx.Headers

    def __repr__(self) -> str:
        return (f"RecordedRequest({self.method} {self.host}{self.path}, "
                f"params={self.params.masked()!r}, endpoint={self.endpoint!r}, "
                f"format={self.format!r}, answered={self.answered!r}, status={self.status})")

    __str__ = __repr__


class BaseMockGraph:
    """graph.qq.com, offline: answers from the spec, chosen per endpoint, requests recorded.

    Every endpoint answers its spec's success example until told otherwise:
    ``answer(endpoint, outcome)`` (an example's name, ``"drift"`` or ``"malformed"``),
    ``answer(endpoint, error=code)``, or ``answer(endpoint, body=..., status=...)``.
    Answers are queued and used one per request, in order; ``always=True`` sets the
    endpoint's standing answer instead, used once its queue is empty. A client's retry
    is a request too: it takes the next queued answer.
    """

    canned: ClassVar[Canned]

    def __init__(self) -> None:
        self._endpoints = {canned.name: canned for canned in self.canned.endpoints}
        self._lock = threading.Lock()
        self._queued: dict[str, deque[Answer]] = {}
        self._standing: dict[str, Answer] = {}
        self._requests: list[RecordedRequest] = []
        self.transport = httpx.MockTransport(self.handle)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(requests={len(self._requests)})"

    @property
    def endpoints(self) -> tuple[str, ...]:
        """The names ``answer()`` and ``calls()`` take."""
        return tuple(self._endpoints)

    def outcomes(self, endpoint: str) -> tuple[str, ...]:
        """The outcomes ``answer(endpoint, outcome)`` takes."""
        return self._endpoint(endpoint).outcomes

    def answer(self, endpoint: str, outcome: str | None = None, *, error: int | None = None,
               body: bytes | None = None, status: int = 200,
               headers: Mapping[str, str] | None = None, always: bool = False) -> None:
        """Choose what ``endpoint`` answers: the next request (queued), or every request
        once the queue is empty (``always=True``).

        Give at most one of ``outcome`` (an example's name of the spec, ``"drift"``,
        ``"malformed"``; the default is ``"success"``), ``error`` (a return code, in the
        endpoint's error shape and the encoding the request asks for) or ``body`` (sent
        as it is). ``status`` and ``headers`` go with any of them.
        """
        canned = self._endpoint(endpoint)
        if sum(choice is not None for choice in (outcome, error, body)) > 1:
            raise ValueError("give one of outcome, error= and body=")
        if outcome is not None and outcome not in canned.outcomes:
            raise ValueError(f"{endpoint} has no outcome {outcome!r}; "
                             f"choose one of {', '.join(canned.outcomes)} or error=<code>")
        if error is not None and (isinstance(error, bool) or not isinstance(error, int)):
            raise TypeError(f"error must be a return code (int), not {error!r}")
        if error is None and body is None and outcome in (None, SUCCESS, DRIFT) \
                and SUCCESS not in canned.documents:
            raise ValueError(f"the spec has no success example of {endpoint}; pass body=")
        chosen = Answer(outcome or SUCCESS, error, body, status, tuple((headers or {}).items()))
        with self._lock:
            if always:
                self._standing[endpoint] = chosen
            else:
                self._queued.setdefault(endpoint, deque()).append(chosen)

    def pending(self) -> dict[str, int]:
        """Queued answers no request has taken yet, by endpoint."""
        with self._lock:
            return {name: len(queue) for name, queue in self._queued.items() if queue}

    def reset(self) -> None:
        """Back to the success examples everywhere; recorded requests forgotten."""
        with self._lock:
            self._queued.clear()
            self._standing.clear()
            self._requests.clear()

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received, in order (unknown paths included, as ``endpoint=None``)."""
        with self._lock:
            return list(self._requests)

    def calls(self, endpoint: str) -> list[RecordedRequest]:
        """The requests received for ``endpoint``, in order."""
        self._endpoint(endpoint)
        return [request for request in self.requests if request.endpoint == endpoint]

    def handle(self, request: httpx.Request) -> httpx.Response:
        """The ``httpx.MockTransport`` handler: one request, its answer."""
        status, headers, body = self.answer_for(request)
        return httpx.Response(status, headers=headers, content=body)

    def answer_for(self, request: httpx.Request) -> tuple[int, list[tuple[str, str]], bytes]:
        """The status, headers and body answering ``request`` (recorded on the way)."""
        parameters = list(parse_qsl(request.url.query.decode("ascii", "replace"),
                                    keep_blank_values=True))
        if request.headers.get("Content-Type", "").startswith(_FORM_TYPE):
            parameters += parse_qsl(request.content.decode("utf-8", "replace"),
                                    keep_blank_values=True)
        params = RequestParameters(parameters, self.canned.secret_parameters)
        canned = self._endpoint_at(request.url.path, params)
        headers = [("Content-Type", self.canned.content_type)]
        host = f"{request.url.scheme}://{request.url.netloc.decode('ascii', 'replace')}"
        if canned is None:
            self._record(RecordedRequest(None, request.method, host, request.url.path, params,
                                         None, "not found", 404, request.headers))
            return 404, headers, NOT_FOUND_BODY
        format = canned.asked_format(params)
        with self._lock:
            queue = self._queued.get(canned.name)
            chosen = queue.popleft() if queue else self._standing.get(canned.name, _DEFAULT)
        body = self._body(canned, chosen, format)
        self._record(RecordedRequest(canned.name, request.method, host, request.url.path,
                                     params, format, chosen.label, chosen.status,
                                     request.headers))
        return chosen.status, [*headers, *chosen.headers], body

    def _body(self, canned: CannedEndpoint, chosen: Answer, format: str) -> bytes:
        if chosen.body is not None:
            return chosen.body
        if chosen.error is not None:
            return canned.error_body(chosen.error, format,
                                     self.canned.messages.get(chosen.error))
        if chosen.outcome == DRIFT:
            return canned.drift_body(format)
        if chosen.outcome == MALFORMED:
            return MALFORMED_BODY
        return canned.example_body(chosen.outcome, format)

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _endpoint(self, name: str) -> CannedEndpoint:
        try:
            return self._endpoints[name]
        except KeyError:
            raise ValueError(f"no endpoint {name!r}; the spec has "
                             f"{', '.join(self._endpoints)}") from None

    def _endpoint_at(self, path: str, parameters: Mapping[str, str]) -> CannedEndpoint | None:
        """The endpoint a request is for: by path, then by fixed parameters; the first at
        the path when none matches."""
        at_path = [c for c in self.canned.endpoints if c.endpoint.path == path]
        return next((c for c in at_path if c.takes(parameters)),
                    at_path[0] if at_path else None)

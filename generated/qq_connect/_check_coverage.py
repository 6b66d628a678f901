# Copied from generator/runtime/_check_coverage.py; do not edit here: edit that file and run `make generate`.
"""Which outcomes and encodings of each endpoint the captures exercised, and which none did.

An endpoint's outcomes are success and each error category its return codes fall in
(the return-code table's categories); its encodings are those the spec declares. A
capture counts if its body decodes as the format it claims and shows a success or a
readable code, whatever else its findings say: it exercised that path of the client.
Only counters are kept, so coverage costs no memory per capture.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._check import UNREAD, Contract, Shown, Unread, judge_value, readable
from ._codes import ReturnCodeTable
from ._decode import BodyRefused, decode_body

__all__ = ["Coverage", "EndpointCoverage"]

SUCCESS = "success"
# The outcome of a failure when no return-code table says its category.
FAILURE = "error"

CodeReader = Callable[[bytes], Mapping[str, object] | None]


@dataclass
class EndpointCoverage:
    """Captures per outcome and per encoding; the expected ones start at 0."""

    outcomes: dict[str, int]
    encodings: dict[str, int]
    expected_outcomes: tuple[str, ...] = field(default=())

    @property
    def missing(self) -> list[str]:
        """Expected outcomes, then declared encodings, that no capture exercised."""
        return [name for name in self.expected_outcomes if not self.outcomes[name]] + [
            name for name, count in self.encodings.items() if not count]

    @property
    def exercised(self) -> int:
        return sum(1 for name in self.expected_outcomes if self.outcomes[name]) + sum(
            1 for count in self.encodings.values() if count)

    @property
    def expected(self) -> int:
        return len(self.expected_outcomes) + len(self.encodings)

    def as_json(self) -> dict[str, Any]:
        return {"outcomes": self.outcomes, "encodings": self.encodings,
                "missing": {"outcomes": [name for name in self.expected_outcomes
                                         if not self.outcomes[name]],
                            "encodings": [name for name, count in self.encodings.items()
                                          if not count]}}


def expected_outcomes(contract: Contract, codes: ReturnCodeTable | None) -> tuple[str, ...]:
    """Success, then each category (in the table's order) of the endpoint's listed codes."""
    if codes is None:
        return SUCCESS, FAILURE
    listed = {codes.describe(code).category for code in contract.listed_returns}
    return SUCCESS, *(category for category in codes.errors if category in listed)


def _code_reader(contract: Contract) -> CodeReader:
    """Reads only the code field of JSON text: msgspec skips the rest; json if it cannot."""
    def with_json(text: bytes) -> Mapping[str, object] | None:
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            return None
        return document if isinstance(document, dict) else None

    try:
        import msgspec
    except ImportError:  # optional: json reads the whole body instead
        return with_json
    unset = msgspec.UNSET
    decode = msgspec.json.Decoder(msgspec.defstruct(
        f"{contract.endpoint}_code", [(contract.code_field, Any, unset)])).decode
    errors = (msgspec.DecodeError, msgspec.ValidationError, UnicodeError, RecursionError)
    name = contract.code_field

    def quick(text: bytes) -> Mapping[str, object] | None:
        try:
            value = getattr(decode(text), name)
        except errors:
            return with_json(text)  # a body msgspec refuses (NaN, a huge number): json's word
        return {} if value is unset else {name: value}

    return quick


def _code_number(value: object) -> int | None:
    if judge_value("return_code", value) is not None or not readable(value):
        return None
    assert isinstance(value, str | int | float)  # what judge_value accepts as an integer
    return int(value)


class Coverage:
    """Counts, per endpoint, the outcomes and encodings the captures exercised."""

    def __init__(self, contracts: Mapping[str, Contract], codes: ReturnCodeTable | None) -> None:
        self.contracts = contracts
        self.codes = codes
        self.endpoints: dict[str, EndpointCoverage] = {}
        for name, contract in contracts.items():
            outcomes = expected_outcomes(contract, codes)
            self.endpoints[name] = EndpointCoverage(
                dict.fromkeys(outcomes, 0), dict.fromkeys(contract.encodings, 0), outcomes)
        self._readers = {name: _code_reader(contract) for name, contract in contracts.items()}

    def outcome(self, endpoint: str, body: bytes, format: str) -> str | None:
        """Success, the category of the body's code, or None if it shows neither."""
        contract = self.contracts[endpoint]
        if format not in contract.encodings:
            return None
        try:
            decoded = decode_body(body, contract.encodings, contract.xml_root)
        except BodyRefused:
            return None
        if decoded.encoding != format:
            return None
        document = decoded.values if decoded.values is not None else self._readers[endpoint](
            decoded.json_text or b"")
        return self.outcome_shown(endpoint, document)

    def outcome_shown(self, endpoint: str, document: Mapping[str, object] | None) -> str | None:
        """``outcome`` of a body decoded as its format: ``document``, or None if it is not."""
        if document is None:
            return None
        contract = self.contracts[endpoint]
        if contract.is_success(document):
            return SUCCESS
        number = _code_number(document.get(contract.code_field))
        if number is None:
            return None
        return self.codes.describe(number).category if self.codes else FAILURE

    def record(self, endpoint: str | None, body: bytes, format: str | None,
               shown: Shown = UNREAD) -> None:
        """Count a capture; ``shown``: what its check read of it (``check_body_showing``),
        so that the body is not decoded again."""
        if endpoint not in self.endpoints or format is None:
            return
        outcome = self.outcome(endpoint, body, format) if isinstance(shown, Unread) else \
            self.outcome_shown(endpoint, shown)
        if outcome is None:
            return
        counts = self.endpoints[endpoint]
        counts.outcomes[outcome] = counts.outcomes.get(outcome, 0) + 1
        counts.encodings[format] += 1

    def as_json(self) -> dict[str, Any]:
        return {name: counts.as_json() for name, counts in self.endpoints.items()}

# Copied from generator/runtime/_check_fast.py; do not edit here: edit that file and run `make generate`.
"""The contract check's fast paths: clean bodies proven, bodies and JSONL envelopes read.

Each answers only when it is sure. A proof (msgspec) says True only for a body the full
check finds nothing in; the readers of plain XML and form pairs give only what the
client's own parsers would, and the envelope reader only what ``json`` reads. Anything
else (False, None) takes the full path, which alone words findings, so verdicts never
depend on msgspec, an optional dependency (the ``[check]`` extra): without it every body
takes the full path, slower. A differential test holds each path to the one it cuts short.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import TYPE_CHECKING, Annotated, Any, Literal

from ._decode import BodyRefused, Decoded, read_plain_form, unwrap_jsonp
from ._xml import plain_xml_reader

if TYPE_CHECKING:
    from ._check import Contract, FieldRule

__all__ = ["CleanProof", "decode_envelope", "decode_envelopes"]

Envelope = tuple[str, str, bytes]
_WHITESPACE = b" \t\r\n"
# The command reads a line as an envelope only if it holds at most 1024 bytes outside
# its strings. A line msgspec reads into three strings holds two braces and its colons
# and commas, so this many of those in the whole line (strings too) is surely fewer;
# a line with more takes the slow path, which measures.
ENVELOPE_STRUCTURE_BOUND = 1000
_LITERAL: Any = Literal  # a Literal of values known only at run time


def _envelope_reader() -> Callable[[bytes], Envelope | None]:
    try:
        import msgspec
    except ImportError:  # optional: every line takes the command's own path
        return lambda line: None
    # Three strings and nothing else: an extra key, a number, a nested value, a lone
    # surrogate, bad UTF-8, a BOM or NaN all fail here, and the slow path words them.
    fields = [("endpoint", str), ("format", str), ("body", str)]
    decode = msgspec.json.Decoder(
        msgspec.defstruct("Envelope", fields, forbid_unknown_fields=True)).decode
    astuple = msgspec.structs.astuple
    errors = (msgspec.DecodeError, msgspec.ValidationError, UnicodeError)

    def decode_envelope(line: bytes) -> Envelope | None:
        """``(endpoint, format, body as UTF-8)`` of a JSONL line, or None: use the slow path.

        The values are those ``json.loads`` reads (the last of repeated keys wins in
        both); the caller still checks the endpoint, the format and the body's size.
        """
        if line.count(b",") + line.count(b":") > ENVELOPE_STRUCTURE_BOUND:
            return None
        try:
            endpoint, format, body = astuple(decode(line))
            return endpoint, format, body.encode("utf-8")
        except errors:
            return None

    return decode_envelope


decode_envelope = _envelope_reader()


def _envelopes_reader() -> Callable[[list[bytes]], list[Envelope] | None]:
    try:
        import msgspec
    except ImportError:
        return lambda lines: None
    fields = [("endpoint", str), ("format", str), ("body", str)]
    decode_lines = msgspec.json.Decoder(msgspec.defstruct(
        "Envelopes", fields, forbid_unknown_fields=True)).decode_lines
    astuple = msgspec.structs.astuple
    errors = (msgspec.DecodeError, msgspec.ValidationError, UnicodeError)

    def decode_envelopes(lines: list[bytes]) -> list[Envelope] | None:
        """``decode_envelope`` of each of ``lines`` (none blank, each with its newline) at
        once, with msgspec's reader of JSON Lines; None if any line needs a closer look.

        That reader reads whitespace-separated values, not lines: each line must be one
        object, from its first byte to its last but whitespace, so that no value spans
        two lines; then as many values as lines are one per line.
        """
        for line in lines:
            if line[:1] != b"{" or line.rstrip(_WHITESPACE)[-1:] != b"}" \
                    or line.count(b",") + line.count(b":") > ENVELOPE_STRUCTURE_BOUND:
                return None
        try:
            values = decode_lines(b"".join(lines))
            if len(values) != len(lines):
                return None
            return [(endpoint, format, body.encode("utf-8"))
                    for endpoint, format, body in map(astuple, values)]
        except errors:
            return None

    return decode_envelopes


decode_envelopes = _envelopes_reader()


def _picker(indices: tuple[int, ...]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """A function picking ``indices`` out of a tuple, always as a tuple (itemgetter's speed)."""
    if len(indices) > 1:
        return itemgetter(*indices)
    if indices:
        index = indices[0]
        return lambda values: (values[index],)
    return lambda values: ()


class CleanProof:
    """Proves a body clean (no finding at all) with one msgspec call, or defers.

    msgspec reads the body into a strict Struct of the endpoint's fields, refusing
    unknown fields, values of the wrong documented type (a numeric string where the page
    documents a number, or the reverse: JSON only), floats, out-of-range values, codes
    outside the spec's tables and numeric strings longer than Python reads; repeated
    keys show as more keys than fields read. What is left is the presence of fields,
    by index. Anything unusual defers to the full check, so both give the same verdicts.
    """

    def __init__(self, contract: Contract) -> None:
        import msgspec

        from ._check import _SPACED_KEY_END

        self._encodings = contract.encodings
        self._read_xml = plain_xml_reader(contract.xml_root)
        self._unset = msgspec.UNSET
        self._astuple = msgspec.structs.astuple
        self._convert = msgspec.convert
        self._spaced_key_end = _SPACED_KEY_END.search
        self._errors = (msgspec.DecodeError, msgspec.ValidationError, UnicodeError)
        name = contract.endpoint
        json_struct = self._struct(f"{name}_json_proof", contract, from_json=True)
        self._decode_json = msgspec.json.Decoder(json_struct).decode
        self._mapping_struct = self._struct(f"{name}_mapping_proof", contract, from_json=False)
        # The numeric strings _clean_type leaves to _numbers, if any: JSON's, and text's.
        self._json_numbers = _numbers_of(contract, from_json=True)
        self._text_numbers = _numbers_of(contract, from_json=False)
        names = list(contract.fields)
        self._code = names.index(contract.code_field)
        self._code_field = contract.code_field
        self._message = names.index(contract.message_field)
        self._code_always = contract.code_always
        code_rule = contract.fields[contract.code_field]
        # A success's code as each struct reads it: JSON's wire type, or text.
        self._json_zero: object = "0" if code_rule.wire_type == "string" else 0
        # A clean success has every field whose absence is a finding: documented or example-only.
        self._expected = _picker(tuple(names.index(field) for field in
                                       (*contract.required_on_success, *contract.example_only)))

    @staticmethod
    def _struct(name: str, contract: Contract, *, from_json: bool) -> Any:
        import msgspec

        fields = [(field, _clean_type(contract, rule, from_json) | msgspec.UnsetType,
                   msgspec.UNSET) for field, rule in contract.fields.items()]
        return msgspec.defstruct(name, fields, forbid_unknown_fields=True)

    def decode(self, body: bytes, format: str) -> Decoded | None:
        """What ``decode_body`` makes of a body in ``format``, where that is quick to be sure
        of: JSON or JSONP with nothing before it, plain XML or form pairs (else None: ask
        decode_body)."""
        if format not in self._encodings:
            return None
        if format == "json":
            # decode_body strips a BOM and whitespace: with "{" first, only whitespace after.
            return Decoded("json", json_text=body.rstrip(_WHITESPACE)) \
                if body[:1] == b"{" else None
        if format == "jsonp":
            if body[:8] != b"callback":
                return None
            try:
                return Decoded("jsonp", json_text=unwrap_jsonp(body.rstrip(_WHITESPACE)))
            except BodyRefused:
                return None  # decode_body words the refusal
        if format == "xml" and body[:1] == b"<":
            fields = self._read_xml(body.rstrip(_WHITESPACE))
            return None if fields is None else Decoded("xml", values=fields)
        if format == "form":
            fields = read_plain_form(body.rstrip(_WHITESPACE))
            return None if fields is None else Decoded("form", values=fields)
        return None

    def clean(self, decoded: Decoded) -> Mapping[str, object] | None:
        """If ``check_body`` surely finds nothing in the decoded body, what it shows of its
        outcome (its code, if any; see ``Shown``); else None: the full check decides."""
        if decoded.values is not None:
            return self.clean_mapping(decoded.values)
        return None if decoded.json_text is None else self.clean_json(decoded.json_text)

    def clean_json(self, text: bytes) -> Mapping[str, object] | None:
        """``clean`` of the JSON object ``text`` (a body, or JSONP's payload)."""
        try:
            values = self._astuple(self._decode_json(text))
        except self._errors:
            return None
        if text.count(b'":') != len(values) - values.count(self._unset) \
                or self._spaced_key_end(text):
            return None  # repeated keys, or keys this count cannot see (see load_json)
        if self._json_numbers and not self._numbers(values, self._json_numbers):
            return None
        if not self._present(values, self._json_zero):
            return None
        code = values[self._code]
        return {} if code is self._unset else {self._code_field: code}

    def clean_mapping(self, values: Mapping[str, str]) -> Mapping[str, object] | None:
        """``clean`` of a form or XML body's fields (all strings): ``values`` if clean."""
        try:
            fields = self._astuple(self._convert(values, self._mapping_struct))
        except self._errors:
            return None
        if self._text_numbers and not self._numbers(fields, self._text_numbers):
            return None
        return values if self._present(fields, "0") else None

    def _numbers(self, values: tuple[Any, ...], numbers: _Numbers) -> bool:
        """Whether the numeric strings the struct left unchecked are surely the schema's."""
        unsigned, signed = numbers
        unset = self._unset
        if not _digits(unsigned(values), unset):
            return False
        for index in signed:
            text = values[index]
            if text is not unset and not _digits((text.removeprefix("-"),), unset):
                return False
        return True

    def _present(self, values: tuple[Any, ...], zero: object) -> bool:
        """Whether every field whose absence is a finding is there, given valid values."""
        unset = self._unset
        code, message = values[self._code], values[self._message]
        if self._code_always:
            if code is unset or message is unset:
                return False
            success = code == zero
        else:
            success = code is unset
            if not success and message is unset:
                return False
        return not success or unset not in self._expected(values)


def _clean_type(contract: Contract, rule: FieldRule, from_json: bool) -> Any:
    """The values of one field that surely give no finding: JSON's, or text's (form, XML).

    Numeric strings other than flags and codes are only strings here, of a length Python
    reads (longer is an error, see ``readable``): msgspec's patterns cost a microsecond
    each, so ``CleanProof`` checks their digits itself, all at once.
    """
    import msgspec

    from ._check import _KINDS

    if rule.kind == "text":
        return str
    as_text = rule.wire_type == "string" or not from_json
    codes: set[int] | None = None
    if rule.kind == "return_code":
        codes = {0, *contract.listed_returns}  # other codes are drift
    elif rule.known_codes is not None:
        codes = {*rule.known_codes} | ({rule.none_code} if rule.none_code is not None else set())
    elif rule.kind == "flag":
        codes = {0, 1}  # "00" is left to the full check
    if codes is not None:
        # Written as Python writes them: "007" is left to the full check.
        return _LITERAL[tuple(sorted(str(code) for code in codes)) if as_text
                        else tuple(sorted(codes))]
    if as_text:
        return Annotated[str, msgspec.Meta(max_length=sys.get_int_max_str_digits() or None)]
    _, low, high, _ = _KINDS[rule.kind]
    return Annotated[int, msgspec.Meta(ge=low, le=high)]


def _digit_fields(contract: Contract, from_json: bool, *, signed: bool) -> tuple[int, ...]:
    """The indices of the numeric strings ``_clean_type`` leaves to ``CleanProof`` to check:
    digits only (timestamps, levels, durations), or with an optional minus (integers)."""
    from ._check import _INTEGER, _KINDS, _NON_NEGATIVE

    wanted = _INTEGER if signed else _NON_NEGATIVE
    return tuple(index for index, rule in enumerate(contract.fields.values())
                 if rule.kind not in ("text", "return_code", "flag") and rule.known_codes is None
                 and (rule.wire_type == "string" or not from_json)
                 and _KINDS[rule.kind][0] is wanted)


# Indices of numeric strings to check: digits only, or with an optional minus.
_Numbers = tuple[Callable[[tuple[Any, ...]], tuple[Any, ...]], tuple[int, ...]]


def _numbers_of(contract: Contract, *, from_json: bool) -> _Numbers | None:
    unsigned = _digit_fields(contract, from_json, signed=False)
    signed = _digit_fields(contract, from_json, signed=True)
    return (_picker(unsigned), signed) if unsigned or signed else None


def _digits(texts: tuple[Any, ...], unset: object) -> bool:
    """True if every text that is set is ASCII digits, one at least (``^[0-9]+$``, stricter)."""
    if unset in texts:
        texts = tuple(text for text in texts if text is not unset)
    if not texts:
        return True
    joined = "".join(texts)
    return "" not in texts and joined.isascii() and joined.isdigit()

# Copied from generator/runtime/_check.py; do not edit here: edit that file and run `make generate`.
"""The contract check of captured bodies: the endpoint's JSON Schema, plus drift rules.

Each finding is an **error** (the body breaks the contract: a reader of the spec
cannot take it) or **drift** (it parses, but shows something the spec does not
know). Schema verdicts come from a fast judge written for these flat schemas,
or, with ``reference=True``, from the ``jsonschema`` package itself; a
differential test proves the two agree.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from ._decode import DESCRIBED, BodyRefused, Encoding, decode_body
from ._kinds import KIND_BOUNDS, PATTERNS

if TYPE_CHECKING:
    from ._check_fast import CleanProof

__all__ = ["Contract", "FieldRule", "Finding", "check_body", "check_body_showing",
           "check_document"]

Kind = Literal["error", "drift"]


@dataclass(frozen=True)
class Finding:
    """One thing wrong (error) or unknown (drift) in a capture, at a JSON Pointer.

    ``rule`` names the check that found it (a stable slug such as ``wrong-value``): the
    message may vary with the judge and the body, the rule does not.
    """

    kind: Kind
    pointer: str
    message: str
    expected: str = ""
    actual: str = ""
    rule: str = field(kw_only=True)


@dataclass(frozen=True)
class FieldRule:
    """One field: its kind, when it is present, and its documented JSON type.

    ``presence`` is documented (in every success), optional, example_only (its absence
    is drift) or on_error. ``wire_type`` "string" marks a number the page documents as a
    numeric string: a JSON number there is drift, as a numeric string is elsewhere.
    """

    kind: str
    presence: str
    known_codes: frozenset[int] | None = None
    none_code: int | None = None
    wire_type: str = "integer"

    @property
    def documented(self) -> bool:
        return self.presence == "documented"


@dataclass(frozen=True)
class Contract:
    """What the spec says of one endpoint's answers, for the contract check.

    ``code_field``/``message_field`` say where an answer reports failure: always present
    with 0 for success (``ret``/``msg``), or present only on failure (``code_always``
    False: OAuth's ``error``/``error_description``).
    """

    endpoint: str
    fields: Mapping[str, FieldRule]
    listed_returns: frozenset[int]
    xml_root: str
    code_field: str = "ret"
    message_field: str = "msg"
    code_always: bool = True
    encodings: tuple[Encoding, ...] = ("json", "xml")

    @cached_property
    def required_on_success(self) -> tuple[str, ...]:
        return tuple(name for name, rule in self.fields.items()
                     if rule.documented and name not in (self.code_field, self.message_field))

    @cached_property
    def example_only(self) -> tuple[str, ...]:
        return tuple(name for name, rule in self.fields.items()
                     if rule.presence == "example_only")

    def is_success(self, document: Mapping[str, object]) -> bool:
        """The schema's ``if``: the code is 0 (``ret``), or absent (OAuth's ``error``)."""
        code = self.code_field
        if not self.code_always:
            return code not in document
        if code not in document:
            return False
        value = document[code]
        if type(value) is str:
            return bool(_ZERO.search(value))
        return _is_integer(value) and value == 0

    @cached_property
    def passes(self) -> dict[str, _OnePass]:
        """The one pass over this contract's fields, per pointer root ("" or "/<xml root>")."""
        return {}

    def one_pass(self, root: str) -> _OnePass:
        made = self.passes.get(root)
        if made is None:
            made = self.passes[root] = _OnePass(self, root)
        return made

    @cached_property
    def clean_proof(self) -> CleanProof | None:
        """The msgspec fast path of this contract, built on first use."""
        try:
            from ._check_fast import CleanProof

            return CleanProof(self)
        except ImportError:  # msgspec is optional: without it every body takes the full path
            return None


_COMPILED = {name: re.compile(pattern) for name, pattern in PATTERNS.items()}
_INTEGER = _COMPILED["integer"]
_NON_NEGATIVE = _COMPILED["non_negative"]
_FLAG = _COMPILED["flag"]
_ZERO = _COMPILED["zero"]
_EXPECTED = {"return_code": "an integer", "integer": "an integer", "code": "an integer code",
             "timestamp": "Unix seconds >= 0", "duration": "seconds >= 0",
             "level": "an integer >= 0", "flag": "0 or 1"}
# Per kind: the numeric-string pattern, the integer bounds (``KIND_BOUNDS``), what to expect.
_KINDS: Mapping[str, tuple[re.Pattern[str], int | None, int | None, str]] = {
    kind: (_COMPILED[pattern], low, high, _EXPECTED[kind])
    for kind, (pattern, low, high) in KIND_BOUNDS.items()}


def escape_pointer(key: str) -> str:
    return "/" + key.replace("~", "~0").replace("/", "~1")


def describe(value: object) -> str:
    if type(value) is str and value.isprintable() and '"' not in value and "\\" not in value:
        text = f'"{value}"'  # as json.dumps writes it, without its cost
    elif type(value) is int:
        text = str(value)
    else:
        text = json.dumps(value, ensure_ascii=False) if _is_json(value) else repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _is_json(value: object) -> bool:
    return value is None or isinstance(value, (str, int, float, bool, list, dict))


def _is_integer(value: object) -> bool:
    # JSON Schema's "integer": any number with a zero fractional part; never a boolean.
    return type(value) is int or (type(value) is float and value.is_integer())


def judge_value(kind: str, value: object) -> str | None:
    """What the schema expected if ``value`` breaks the field's kind, else None."""
    if kind == "text":
        return None if type(value) is str else "a string"
    pattern, low, high, expected = _KINDS[kind]
    if type(value) is str:
        return None if pattern.search(value) else expected
    if not _is_integer(value):
        return expected
    number: float = value  # type: ignore[assignment]
    if (low is not None and number < low) or (high is not None and number > high):
        return expected
    return None


def new_finding(kind: Kind, pointer: str, message: str, expected: str, actual: str,
                rule: str) -> Finding:
    """A ``Finding`` made without the frozen dataclass's ``__init__`` (a third of its cost),
    for the findings of the one pass: there are millions in a large corpus."""
    finding = _NEW(Finding)
    finding.__dict__.update(kind=kind, pointer=pointer, message=message, expected=expected,
                            actual=actual, rule=rule)
    return finding


_NEW = object.__new__
# One known field as the one pass reads it (see ``_OnePass``).
_Field = tuple[str, bool, Callable[[str], object], "int | None", "int | None", str, str,
               "frozenset[int] | None", bool]


class _OnePass:
    """Every finding about a decoded object's fields in one pass over them.

    The schema's wrong values, numbers too long to read and the drift rules each look at
    every field; this looks at each once and files what it finds under all three, in the
    order the rules list them. The findings that never vary (a field missing) are made
    once, here. Pointers start with ``root`` (an XML body's root element, or nothing).
    """

    def __init__(self, contract: Contract, root: str) -> None:
        self.contract = contract
        self.root = root
        self.fields: dict[str, _Field] = {}
        for name, rule in contract.fields.items():
            search: Callable[[str], object] = str  # unused: any string is text
            low: int | None = None
            high: int | None = None
            expected = "a string"
            if rule.kind != "text":
                pattern, low, high, expected = _KINDS[rule.kind]
                search = pattern.search
            codes = None
            if rule.known_codes is not None:
                codes = rule.known_codes | (
                    {rule.none_code} if rule.none_code is not None else frozenset())
            self.fields[name] = (root + escape_pointer(name), rule.kind == "text", search, low,
                                 high, expected, rule.wire_type, codes,
                                 rule.known_codes is None and rule.kind == "return_code")
        code, message = contract.code_field, contract.message_field
        self.missing = {name: new_finding("error", root + escape_pointer(name),
                                          "required field missing", "present", "missing",
                                          "missing-field") for name in (code, message)}
        self.missing_on_success = tuple(
            (name, new_finding("error", root + escape_pointer(name),
                               "documented field missing on success", "present", "missing",
                               "missing-field")) for name in contract.required_on_success)
        self.missing_example = tuple(
            (name, new_finding("drift", root + escape_pointer(name), "example-only field missing",
                               "present", "missing", "missing-example-field"))
            for name in contract.example_only)

    def required(self, document: dict[str, Any]) -> list[Finding]:
        """The schema's required fields: its code and message (message only, once a code
        shows a failure, where the code is absent on success), then a success's fields."""
        contract = self.contract
        code, message = contract.code_field, contract.message_field
        found = []
        if contract.code_always:
            if code not in document:
                found.append(self.missing[code])
            if message not in document:
                found.append(self.missing[message])
        elif code in document and message not in document:
            found.append(self.missing[message])
        if contract.is_success(document):
            found += [finding for name, finding in self.missing_on_success
                      if name not in document]
        return found

    def fields_found(self, document: dict[str, Any], from_json: bool,
                     short: bool) -> tuple[list[Finding], list[Finding], list[Finding]]:
        """Per field, in the document's order: wrong values (the schema's), numbers too long
        to read (unless ``short``: see ``shorter_than_unreadable``) and drift."""
        wrong: list[Finding] = []
        unreadable: list[Finding] = []
        drift: list[Finding] = []
        fields = self.fields
        limit = sys.get_int_max_str_digits()
        for name, value in document.items():
            field = fields.get(name)
            if field is None:
                drift.append(new_finding("drift", self.root + escape_pointer(name),
                                         "field not in the spec", "absent", describe(value),
                                         "undocumented-field"))
                continue
            pointer, text, search, low, high, expected, wire_type, codes, return_code = field
            kind = type(value)
            if kind is str:
                if text:
                    continue  # any string is text
                if not search(value):
                    wrong.append(new_finding("error", pointer, "wrong value", expected,
                                             describe(value), "wrong-value"))
                    continue
                if limit and len(value) > limit and not readable(value):
                    if not short:
                        unreadable.append(new_finding(
                            "error", pointer, "number too long to read",
                            f"at most {limit} digits", describe(value), "unreadable-number"))
                    continue
                if from_json and wire_type == "integer":
                    drift.append(new_finding("drift", pointer, "number sent as a numeric string",
                                             "a JSON number", describe(value),
                                             "number-as-string"))
            else:
                if text or not (kind is int or (kind is float and value.is_integer())) or (
                        low is not None and value < low) or (high is not None and value > high):
                    wrong.append(new_finding("error", pointer, "wrong value", expected,
                                             describe(value), "wrong-value"))
                    continue
                if from_json and wire_type == "string":
                    drift.append(new_finding(
                        "drift", pointer,
                        "number sent as a JSON number where the page documents a string",
                        "a numeric string", describe(value), "string-as-number"))
            if codes is not None:
                if int(value) not in codes:
                    drift.append(new_finding("drift", pointer, "code not in the spec's table",
                                             "a known code", describe(value), "unknown-code"))
            elif return_code:
                number = int(value)
                if number != 0 and number not in self.contract.listed_returns:
                    drift.append(new_finding("drift", pointer,
                                             "error code not in the return-code tables",
                                             "a listed code", describe(value),
                                             "unlisted-return-code"))
        return wrong, unreadable, drift

    def duplicated(self, duplicates: tuple[str, ...]) -> list[Finding]:
        return [new_finding("drift", self.root + escape_pointer(name),
                            "duplicate key: the last value wins", "one value", "several",
                            "duplicate-key") for name in duplicates]

    def examples_missing(self, document: dict[str, Any]) -> list[Finding]:
        """Drift: example-only fields a success lacks."""
        if not self.missing_example or not self.contract.is_success(document):
            return []
        return [finding for name, finding in self.missing_example if name not in document]


@cache
def _reference_validator(endpoint: str) -> Any:
    from jsonschema import Draft202012Validator  # optional: only the reference path needs it

    text = resources.files(__package__).joinpath(f"schemas/{endpoint}.json").read_text("utf-8")
    return Draft202012Validator(json.loads(text))


def reference_schema_findings(contract: Contract, document: object) -> Iterator[Finding]:
    """The schema's verdict from the reference validator, ``jsonschema``."""
    missing: set[str] = set()
    for error in _reference_validator(contract.endpoint).iter_errors(document):
        path = "".join(escape_pointer(str(part)) for part in error.absolute_path)
        if error.validator == "required" and isinstance(error.instance, dict):
            # One error per missing name, each naming it only in its message.
            for name in error.validator_value:
                if name not in error.instance and name not in missing:
                    missing.add(name)
                    yield Finding("error", path + escape_pointer(name), error.message,
                                  "present", "missing", rule="missing-field")
        elif error.validator == "type" and not error.absolute_path:
            yield Finding("error", "", error.message, "an object", describe(document),
                          rule="not-an-object")
        else:
            yield Finding("error", path, error.message, "", describe(error.instance),
                          rule="wrong-value")


def readable(value: object) -> bool:
    """False for a numeric string with more digits than Python turns into an int.

    The schema's patterns accept any length; the client (like any Python reader) refuses
    past ``sys.get_int_max_str_digits()`` digits, so the check calls that an error.
    """
    if type(value) is not str:
        return True
    limit = sys.get_int_max_str_digits()
    if limit == 0 or len(value) <= limit:
        return True
    try:
        int(value)
    except ValueError:
        return False
    return True


def shorter_than_unreadable(body: bytes) -> bool:
    """True if no string decoded from ``body`` can hold more digits than Python reads."""
    limit = sys.get_int_max_str_digits()
    return limit == 0 or len(body) <= limit


class _WithDuplicates(dict[str, Any]):
    """An object whose text repeated some keys (the last value won, as in ``json``)."""

    duplicates: tuple[str, ...] = ()


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) == len(pairs):
        return document
    repeated = _WithDuplicates(document)
    names = [name for name, _ in pairs]
    repeated.duplicates = tuple(sorted({name for name in names if names.count(name) > 1}))
    return repeated


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs_hook)
# A key ends with an unescaped quote, optional whitespace and a colon; inside a string
# value that needs an escaped quote, so counting '":' can only over-count keys, and a
# body with whitespace before a colon is left to the slower, exact path.
_SPACED_KEY_END = re.compile(rb'"[ \t\r\n]+:')


def _keys_counted_once(body: bytes, fields: int) -> bool:
    """True if the flat object in ``body`` has exactly ``fields`` keys, none repeated."""
    return body.count(b'":') == fields and not _SPACED_KEY_END.search(body)


def _msgspec_decoder() -> Callable[[bytes], object] | None:
    try:
        import msgspec
    except ImportError:  # optional: without it, json does all the work
        return None
    decode = msgspec.json.Decoder().decode
    errors = (msgspec.DecodeError, UnicodeError, RecursionError)

    def quick(body: bytes) -> object:
        try:
            return decode(body)
        except errors:
            return None  # let json decide, and word the error

    return quick


_quick_decode = _msgspec_decoder() or (lambda body: None)

# Python's json reads two things the client's parser (pydantic's) refuses: a value inside
# more than MAX_NESTING arrays and objects, and a string holding a lone UTF-16 surrogate
# ("\ud800" unpaired, no Unicode text). The check refuses them too, on both judges' paths,
# so that its errors are the client's refusals; a bound also keeps the verdict from
# depending on how much stack Python has left.
MAX_NESTING = 200
TOO_DEEP = f"nested deeper than {MAX_NESTING} arrays and objects"
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def refuse_unreadable(body: bytes, document: object) -> None:
    """Raise ValueError if the client cannot read ``document``; cheap for flat answers."""
    deep = body.count(b"[") + body.count(b"{") > MAX_NESTING
    surrogates = _SURROGATE_ESCAPE.search(body) is not None
    if not (deep or surrogates):
        return
    pending: list[tuple[object, int]] = [(document, 0)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_NESTING:
            raise ValueError(TOO_DEEP)
        texts: list[object] = [value]
        if isinstance(value, dict):
            texts = list(value)
            pending.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)
        if surrogates and any(isinstance(text, str) and _LONE_SURROGATE.search(text)
                              for text in texts):
            raise ValueError("a lone UTF-16 surrogate: not Unicode text")


def _plain_json(body: bytes) -> object:
    """``json``'s reading of ``body`` at C speed, without noting duplicates; None if it fails
    (the exact path then fails the same way, and words the error)."""
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None


def _count_keys(document: dict[str, Any]) -> int:
    """The keys of ``document`` and of every object inside it."""
    count = 0
    pending: list[object] = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            count += len(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return count


def load_json(body: bytes) -> tuple[object, tuple[str, ...]]:
    """Parse as the reference does (``json``; last duplicate wins), noting duplicate keys.

    Raises ValueError for what is no JSON the client reads.
    """
    quick = _quick_decode(body)
    if not isinstance(quick, dict):
        quick = _plain_json(body)  # NaN, huge numbers: json reads what msgspec does not
    if isinstance(quick, dict) and (_keys_counted_once(body, len(quick))
                                    or _keys_counted_once(body, _count_keys(quick))):
        # An object whose every key (nested ones too) was counted once: no duplicates.
        refuse_unreadable(body, quick)
        return quick, ()
    try:
        document = _DECODER.decode(body.decode("utf-8"))
    except RecursionError:  # json's own depth varies (1000 on 3.11, 10000 on 3.13): ours
        raise ValueError(TOO_DEEP) from None
    refuse_unreadable(body, document)
    if isinstance(document, _WithDuplicates):
        return dict(document), document.duplicates
    return document, ()


def check_document(contract: Contract, document: object, *, from_json: bool,
                   duplicates: tuple[str, ...] = (), reference: bool = False,
                   short: bool = False, root: str = "") -> list[Finding]:
    """Every finding in a decoded body: the schema's errors, numbers too long to read, then
    drift. ``short``: it came from a body too short to hold a number too long to read (see
    ``shorter_than_unreadable``), so that rule is skipped. Pointers start with ``root``."""
    if type(document) is not dict:
        if reference:
            return [_rooted(finding, root)
                    for finding in reference_schema_findings(contract, document)]
        return [new_finding("error", root, "the body is not an object", "an object",
                            describe(document), "not-an-object")]
    one_pass = contract.one_pass(root)
    wrong, unreadable, drift = one_pass.fields_found(document, from_json, short)
    if reference:
        schema = [_rooted(finding, root)
                  for finding in reference_schema_findings(contract, document)]
    else:
        schema = one_pass.required(document)
        schema += wrong
    if duplicates:
        drift = one_pass.duplicated(duplicates) + drift
    return schema + unreadable + drift + one_pass.examples_missing(document)


def _rooted(finding: Finding, root: str) -> Finding:
    return replace(finding, pointer=root + finding.pointer) if root else finding


# How a body the client refuses, or one not in the format it claims, is reported.
_UNUSABLE = {"json": "unparseable JSON", "jsonp": "unusable jsonp", "form": "unusable form",
             "xml": "unusable XML"}
_DESCRIBED: Mapping[str, str] = {str(encoding): text for encoding, text in DESCRIBED.items()}


class Unread:
    """The check did not read what the body shows (its coverage reads the body itself)."""


UNREAD = Unread()
# What a body showed the check of its outcome: the object decoded (a mapping holding its
# code field at least), None if it is not in its format or not an object, or UNREAD.
Shown = Mapping[str, object] | None | Unread


def check_body(contract: Contract, body: bytes, format: str, *,
               reference: bool = False) -> list[Finding]:
    """Every finding for one captured body of ``format`` (json, xml, jsonp or form).

    The body is decoded by the client's own ``decode_body``, so what the client refuses
    is an error here too; a body in another encoding than ``format`` is an error. JSONP
    and form bodies are judged by what they carry: the wrapped object, or the pairs as
    an object of strings. Clean bodies are mostly proven so by the contract's msgspec
    proof (``_check_fast``), read by its fast readers, before any work per field.
    """
    return check_body_showing(contract, body, format, reference=reference)[0]


def check_body_showing(contract: Contract, body: bytes, format: str, *,
                       reference: bool = False) -> tuple[list[Finding], Shown]:
    """``check_body``'s findings, and what the body showed of its outcome (``Shown``): the
    command's coverage reads that instead of decoding the body again."""
    if format not in contract.encodings:
        return [Finding("error", "", f"{contract.endpoint} never answers {format}",
                        " or ".join(contract.encodings), format, rule="wrong-encoding")], None
    proof = None if reference else contract.clean_proof
    fast = None  # what the fast readers make of the body, if they are sure
    if proof is not None:
        fast = proof.decode(body, format)
        if fast is not None:
            shown = proof.clean(fast)
            if shown is not None:
                return [], shown
    root = f"/{contract.xml_root}"
    try:
        decoded = fast or decode_body(body, contract.encodings, contract.xml_root)
        if decoded.encoding != format:
            raise BodyRefused(f"the body looks like {DESCRIBED[decoded.encoding]}, "
                              f"not {_DESCRIBED[format]}")
    except BodyRefused as error:
        reason = str(error).removeprefix(_UNUSABLE["xml"] + ": ")
        return [Finding("error", root if format == "xml" else "",
                        f"{_UNUSABLE[format]}: {reason}", f"a {format} answer",
                        describe(body[:40].decode("utf-8", "replace")),
                        rule="unreadable-body")], None
    values = decoded.values
    if values is not None:
        if fast is None and proof is not None and proof.clean_mapping(values) is not None:
            return [], values
        return check_document(contract, values, from_json=False, reference=reference,
                              short=shorter_than_unreadable(body),
                              root="" if format == "form" else root), values
    text = decoded.json_text or b""
    try:
        document, duplicates = load_json(text)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        return [Finding("error", "", f"unparseable JSON: {error}", "a JSON object",
                        describe(text[:40].decode("utf-8", "replace")),
                        rule="unreadable-body")], UNREAD
    return check_document(contract, document, from_json=True, duplicates=duplicates,
                          reference=reference, short=shorter_than_unreadable(text)), (
        document if type(document) is dict else None)

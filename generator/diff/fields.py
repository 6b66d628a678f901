"""Changes to the fields of a successful answer: what a result holds, its types, what the
contract check accepts, and what reprs hide."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..model import Endpoint, Field
from ..python_types import result_type
from .change import Change, breaking, drift_accepting, non_breaking

# The values each kind accepts on the wire (numbers, or numeric strings of that pattern).
_DOMAIN = {"text": "text", "integer": "integer", "code": "integer", "return_code": "integer",
           "timestamp": "non_negative", "duration": "non_negative", "level": "non_negative",
           "flag": "flag"}
# Each domain holds these; text and numbers hold none of each other (a JSON number is no
# string, a word is no number).
_HOLDS = {"integer": {"integer", "non_negative", "flag"}, "non_negative": {"non_negative", "flag"},
          "flag": {"flag"}, "text": {"text"}}
_SECRECY = {"": 0, "identity": 1, "secret": 2}


def compare_fields(owner: str, old: Endpoint, new: Endpoint) -> Iterator[Change]:
    before = {f.name: f for f in old.result_fields}
    after = {f.name: f for f in new.result_fields}
    for name in before.keys() - after.keys():
        yield breaking("field_removed", owner, name,
                       f"field {name} removed: results no longer have it")
    for name, field in after.items():
        previous = before.get(name)
        if previous is None:
            yield _added(owner, field)
        else:
            yield from _compare_field(owner, previous, field)
    yield from _compare_markers(owner, old, new)


def _added(owner: str, field: Field) -> Change:
    shown = f"{field.name}: {result_type(field)}"
    if field.documented:
        return breaking("field_added_required", owner, field.name,
                        f"new field {shown}, required in every success: answers without it "
                        "now fail")
    return non_breaking("field_added", owner, field.name, f"new field {shown}")


def _compare_field(owner: str, old: Field, new: Field) -> Iterator[Change]:
    yield from _compare_presence(owner, old, new)
    yield from _compare_type(owner, old, new)
    yield from _compare_secrecy(owner, old, new)


def _compare_presence(owner: str, old: Field, new: Field) -> Iterator[Change]:
    if old.presence == new.presence:
        return
    name = new.name
    if new.documented:
        yield breaking("field_required", owner, name,
                       f"field {name} is now required in every success: answers without it "
                       f"now fail ({result_type(old)} → {result_type(new)})")
    elif old.documented:
        # Readers get no error, but typed code must now handle None.
        yield breaking("field_optional", owner, name,
                       f"field {name} may now be absent: its type becomes {result_type(new)}")
    elif new.example_only:
        yield non_breaking("field_example_only", owner, name,
                           f"field {name}: its absence is now reported as drift")
    else:
        yield drift_accepting("field_absence_accepted", owner, name,
                              f"field {name}: its absence is no longer drift")


def _base_type(field: Field) -> str:
    """The result's type for the field, setting aside presence and secrecy (reported apart)."""
    return result_type(replace(field, presence="documented", sensitive=""))


def _compare_type(owner: str, old: Field, new: Field) -> Iterator[Change]:
    name = new.name
    old_type, new_type = _base_type(old), _base_type(new)
    shown = f"kind {old.kind} → {new.kind}, {old_type} → {new_type}"
    if _DOMAIN[old.kind] not in _HOLDS[_DOMAIN[new.kind]]:
        yield breaking("field_type_narrowed", owner, name,
                       f"field {name} accepts fewer values ({shown}): answers the old spec "
                       "accepted may now fail")
    elif old_type != new_type:
        yield breaking("field_type_changed", owner, name, f"field {name} changes type "
                       f"({shown})")
    elif old.kind != new.kind:
        yield non_breaking("field_type_widened", owner, name,
                           f"field {name} accepts more values (kind {old.kind} → {new.kind}, "
                           f"still {new_type})")
    if old.wire_type != new.wire_type and "text" not in (old.kind, new.kind):
        yield drift_accepting("field_wire_type_changed", owner, name,
                              f"field {name} is documented as a {_wire(new)}: a {_wire(new)} "
                              f"is no longer drift, a {_wire(old)} now is")


def _wire(field: Field) -> str:
    return "numeric string" if field.wire_type == "string" else "JSON number"


def _compare_secrecy(owner: str, old: Field, new: Field) -> Iterator[Change]:
    before, after = _SECRECY[old.sensitive], _SECRECY[new.sensitive]
    if before == after:
        return
    name = new.name
    type_change = (f"; its type becomes {result_type(new)}"
                   if "secret" in (old.sensitive, new.sensitive) else "")
    if after < before:
        shown = "reprs now show its value" if not new.sensitive else "it is no longer secret"
        yield breaking("field_secrecy_removed", owner, name,
                       f"field {name}: {shown}{type_change}")
    elif new.sensitive == "secret":
        # SecretStr hides the value, but code reading it as str must now unwrap it.
        yield breaking("field_secrecy_added", owner, name,
                       f"field {name} is now secret{type_change} "
                       "(read it with .get_secret_value())")
    else:
        yield non_breaking("field_secrecy_added", owner, name,
                           f"field {name} is now hidden from reprs")


def _compare_markers(owner: str, old: Endpoint, new: Endpoint) -> Iterator[Change]:
    """The fields behind ``expires_at``, ``is_degraded()`` and ``is_placeholder()``."""
    markers = (("expiry", old.expiry_field, new.expiry_field,
                "expires_at comes from", "results no longer have expires_at"),
               ("degraded_flag", old.degraded_flag, new.degraded_flag,
                "is_degraded() reads", "is_degraded() is always False"),
               ("placeholder", old.placeholder_field, new.placeholder_field,
                "is_placeholder() reads", "is_placeholder() is always False"))
    for kind, before, after, reads, lost in markers:
        old_mark, new_mark = _mark(before), _mark(after)
        if old_mark == new_mark:
            continue
        if before is None and after is not None:
            yield non_breaking(f"{kind}_added", owner, after.name, f"{reads} field {new_mark}")
        elif after is None and before is not None:
            yield breaking(f"{kind}_removed", owner, before.name,
                           f"{lost} (it read field {old_mark})")
        elif after is not None:
            yield breaking(f"{kind}_changed", owner, after.name,
                           f"{reads} field {new_mark} (was {old_mark})")


def _mark(field: Field | None) -> str:
    if field is None:
        return ""
    return f"{field.name} = {field.placeholder_value!r}" if field.placeholder_value \
        else field.name

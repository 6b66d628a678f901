"""Changes to the parameters of a call or a browser URL: the arguments a caller passes, and
what the client sends by itself (fixed values, the app id, the app key)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Parameter
from ..python_types import parameter_annotation
from .change import Change, breaking, non_breaking

Parameters = tuple[Parameter, ...]


def compare_parameters(owner: str, old: Parameters, new: Parameters) -> Iterator[Change]:
    old_arguments = {p.name: p for p in old if p.is_argument}
    new_arguments = {p.name: p for p in new if p.is_argument}
    for name in old_arguments.keys() - new_arguments.keys():
        supplied = " (the client now supplies it)" if any(p.name == name for p in new) else ""
        yield breaking("parameter_removed", owner, name,
                       f"argument {name} removed{supplied}: calls passing it fail")
    for name, parameter in new_arguments.items():
        before = old_arguments.get(name)
        if before is None:
            yield _added(owner, parameter)
        else:
            yield from _compare_argument(owner, before, parameter)
    yield from _compare_positions(owner, old, new)
    yield from _compare_secrecy(owner, old, new)
    yield from _compare_supplied(owner, old, new)


def _added(owner: str, parameter: Parameter) -> Change:
    annotation = f"{parameter.name}: {parameter_annotation(parameter)}"
    if parameter.required:
        return breaking("parameter_added_required", owner, parameter.name,
                        f"new required argument {annotation}: calls without it fail")
    return non_breaking("parameter_added_optional", owner, parameter.name,
                        f"new optional argument {annotation}")


def _compare_argument(owner: str, old: Parameter, new: Parameter) -> Iterator[Change]:
    name = new.name
    if old.required and not new.required:
        yield non_breaking("parameter_optional", owner, name,
                           f"argument {name} is now optional ({parameter_annotation(new)})")
    elif new.required and not old.required:
        yield breaking("parameter_required", owner, name,
                       f"argument {name} is now required: calls without it fail")
    if old.type != new.type:
        yield breaking("parameter_type_changed", owner, name,
                       f"argument {name} changes type: {parameter_annotation(old)} → "
                       f"{parameter_annotation(new)}")
    else:
        yield from _compare_choices(owner, old, new)
    yield from _compare_check(owner, old, new)


def _compare_choices(owner: str, old: Parameter, new: Parameter) -> Iterator[Change]:
    before, after = set(old.choices), set(new.choices)
    if before == after:
        return
    shown = f"{parameter_annotation(old)} → {parameter_annotation(new)}"
    # No choices means any string: the widest of all.
    if not after or (before and before < after):
        yield non_breaking("parameter_choices_widened", owner, new.name,
                           f"argument {new.name} takes more values: {shown}")
    else:
        yield breaking("parameter_choices_narrowed", owner, new.name,
                       f"argument {new.name} takes fewer values: {shown}")


def _compare_check(owner: str, old: Parameter, new: Parameter) -> Iterator[Change]:
    if old.check == new.check:
        return
    name = new.name
    if not new.check:
        yield non_breaking("parameter_check_removed", owner, name,
                           f"argument {name} is no longer checked ({old.check})")
    elif not old.check:
        yield breaking("parameter_check_added", owner, name,
                       f"argument {name} is now checked ({new.check}): values that fail "
                       "the check are refused before sending")
    else:
        yield breaking("parameter_check_changed", owner, name,
                       f"argument {name} is checked differently: {old.check} → {new.check}")


def _compare_positions(owner: str, old: Parameters, new: Parameters) -> Iterator[Change]:
    """A positional argument that moves or becomes keyword-only breaks positional calls."""
    new_arguments = {p.name for p in new if p.is_argument}
    old_names = {p.name for p in old if p.is_argument}
    old_positions = [p.name for p in old if p.is_positional and p.name in new_arguments]
    new_positions = [p.name for p in new if p.is_positional and p.name in old_names]
    for name in old_positions:
        if name not in new_positions:
            yield breaking("parameter_keyword_only", owner, name,
                           f"argument {name} is no longer positional: pass it as {name}=…")
    kept = [name for name in old_positions if name in new_positions]
    for name in kept:
        before, after = kept.index(name), new_positions.index(name)
        if before != after:
            yield breaking("parameter_moved", owner, name,
                           f"positional argument {name} moves from place {before + 1} to "
                           f"{after + 1}: positional calls pass it another value")


def _compare_secrecy(owner: str, old: Parameters, new: Parameters) -> Iterator[Change]:
    before = {p.name: p for p in old}
    for parameter in new:
        previous = before.get(parameter.name)
        if previous is None or previous.secret == parameter.secret:
            continue
        name = parameter.name
        if previous.secret:
            # A string argument that was secret also took a SecretStr; now it may not.
            typed = (f" ({parameter_annotation(previous)} → {parameter_annotation(parameter)})"
                     if parameter.is_argument and previous.is_argument and
                     parameter_annotation(previous) != parameter_annotation(parameter) else "")
            yield breaking("parameter_secret_removed", owner, name,
                           f"parameter {name} is no longer secret: its value shows unmasked "
                           f"in URLs, logs and errors{typed}")
        else:
            yield non_breaking("parameter_secret_added", owner, name,
                               f"parameter {name} is now secret: masked in URLs, logs and "
                               "errors")


def _sent(parameter: Parameter) -> str:
    if parameter.source == "fixed":
        return f"{parameter.name}={parameter.value}"
    return f"{parameter.name} (the {'app key' if parameter.source == 'app_key' else 'app id'})"


def _compare_supplied(owner: str, old: Parameters, new: Parameters) -> Iterator[Change]:
    """What the client sends by itself: no caller passes it, so only the app key matters."""
    before = {p.name: p for p in old if not p.is_argument}
    after = {p.name: p for p in new if not p.is_argument}
    for name in before.keys() - after.keys():
        yield non_breaking("sent_parameter_removed", owner, name,
                           f"the client no longer sends {_sent(before[name])}")
    for name, parameter in after.items():
        previous = before.get(name)
        if previous is None:
            yield non_breaking("sent_parameter_added", owner, name,
                               f"the client now sends {_sent(parameter)}")
        elif (previous.source, previous.value) != (parameter.source, parameter.value):
            yield non_breaking("sent_parameter_changed", owner, name,
                               f"the client sends {_sent(parameter)} instead of "
                               f"{_sent(previous)}")
    if any(p.source == "app_key" for p in new) and not any(p.source == "app_key" for p in old):
        yield breaking("app_key_required", owner, "app_key",
                       "calls now need the client's app_key: a client made without one "
                       "refuses them")

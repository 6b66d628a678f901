"""Changes to what the whole API shares: its base URL and XML root, the code tables behind
coded fields, and the return codes with the exception classes they raise."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Api, CodeTable
from .change import Change, breaking, drift_accepting, listed, non_breaking


def compare_api(old: Api, new: Api) -> Iterator[Change]:
    if old.base_url != new.base_url:
        yield breaking("base_url_changed", "", "base_url",
                       f"base URL {old.base_url} → {new.base_url} (every endpoint without "
                       "its own)")
    if old.xml_root != new.xml_root:
        yield breaking("xml_root_changed", "", "xml_root",
                       f"XML answers are read from the root element {new.xml_root} instead of "
                       f"{old.xml_root}: answers in the old shape fail")
    yield from _compare_code_tables(old, new)
    yield from _compare_categories(old, new)
    yield from _compare_return_codes(old, new)


def _users(api: Api, table: str) -> str:
    """The endpoints whose results read a table's codes: `` (read by get_vip_rich_info)``."""
    names = [e.name for e in api.endpoints if table in (t.name for t in e.code_tables)]
    return f" (read by {listed(names)})" if names else ""


def _compare_code_tables(old: Api, new: Api) -> Iterator[Change]:
    before = {t.name: t for t in old.code_tables}
    after = {t.name: t for t in new.code_tables}
    for name in before.keys() - after.keys():
        yield breaking("code_table_removed", "", name,
                       f"code table {name} removed: {before[name].class_name} and "
                       f"{before[name].field_type} are gone")
    for name, table in after.items():
        previous = before.get(name)
        if previous is None:
            yield non_breaking("code_table_added", "", name,
                               f"new code table {name} ({table.class_name})")
        else:
            yield from _compare_code_table(previous, table, _users(new, name))


def _compare_code_table(old: CodeTable, new: CodeTable, users: str) -> Iterator[Change]:
    name = new.name
    before = {entry.code: entry for entry in old.codes}
    after = {entry.code: entry for entry in new.codes}
    for code in sorted(before.keys() - after.keys()):
        yield breaking("code_removed", "", f"{name}.{code}",
                       f"code {code} ({before[code].label}) removed from table {name}{users}: "
                       "it now reads as unknown and is drift")
    for code, entry in sorted(after.items()):
        previous = before.get(code)
        if previous is None:
            # An unknown code was drift and read as the other label; now it is known.
            yield drift_accepting("code_added", "", f"{name}.{code}",
                                  f"code {code} ({entry.label}) added to table {name}{users}")
        elif previous.label != entry.label:
            yield non_breaking("code_label_changed", "", f"{name}.{code}",
                               f"code {code} of table {name} reads {entry.label!r} instead of "
                               f"{previous.label!r}")
    if old.none_code != new.none_code:
        yield breaking("none_code_changed", "", f"{name}.none_code",
                       f"table {name} reads {new.none_code} as None instead of "
                       f"{old.none_code}{users}")
    if old.other_label != new.other_label:
        yield non_breaking("other_label_changed", "", f"{name}.other_label",
                           f"unknown codes of table {name} read {new.other_label!r} instead "
                           f"of {old.other_label!r}")


def _compare_categories(old: Api, new: Api) -> Iterator[Change]:
    before = {c.name: c for c in old.categories}
    after = {c.name: c for c in new.categories}
    for name in before.keys() - after.keys():
        yield breaking("category_removed", "", name,
                       f"error category {name} removed: {before[name].exception} is gone")
    for name, category in after.items():
        previous = before.get(name)
        if previous is None:
            yield non_breaking("category_added", "", name,
                               f"new error category {name}: {category.exception}")
            continue
        if previous.exception != category.exception:
            yield breaking("category_exception_renamed", "", name,
                           f"error category {name} raises {category.exception} instead of "
                           f"{previous.exception}: code catching {previous.exception} fails")
        if previous.retryable and not category.retryable:
            yield breaking("category_no_longer_retryable", "", name,
                           f"{category.exception} is no longer retried: failures the client "
                           "used to retry now reach the caller")
        elif category.retryable and not previous.retryable:
            yield non_breaking("category_now_retryable", "", name,
                               f"{category.exception} is now retried")
    if old.unknown_category.exception != new.unknown_category.exception:
        yield breaking("unknown_category_changed", "", "unknown_category",
                       f"codes no table lists raise {new.unknown_category.exception} instead "
                       f"of {old.unknown_category.exception}")


def _compare_return_codes(old: Api, new: Api) -> Iterator[Change]:
    before = {c.code: c for c in old.return_codes}
    after = {c.code: c for c in new.return_codes}
    for code in sorted(before.keys() - after.keys()):
        yield breaking("return_code_removed", "", str(code),
                       f"return code {code} removed: it now raises "
                       f"{new.unknown_category.exception} (was "
                       f"{before[code].category.exception}) and is drift")
    for code, entry in sorted(after.items()):
        previous = before.get(code)
        if previous is None:
            # It raised the unknown category's exception and was drift; now it is known.
            yield drift_accepting("return_code_added", "", str(code),
                                  f"return code {code} added: it raises "
                                  f"{entry.category.exception} (was "
                                  f"{old.unknown_category.exception})")
        elif previous.category.name != entry.category.name:
            yield breaking("return_code_category_changed", "", str(code),
                           f"return code {code} raises {entry.category.exception} instead of "
                           f"{previous.category.exception}")

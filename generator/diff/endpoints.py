"""Changes to the calls and browser URLs a client offers: which exist, where they go, how
they are asked for and answered, and what they take and return."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import Api, BrowserUrl, Endpoint, FormatParameter
from .change import Change, breaking, listed, non_breaking
from .fields import compare_fields
from .parameters import compare_parameters


def compare_endpoints(old: Api, new: Api) -> Iterator[Change]:
    before = {e.name: e for e in old.endpoints}
    after = {e.name: e for e in new.endpoints}
    for name in before.keys() - after.keys():
        yield breaking("endpoint_removed", name, name,
                       f"endpoint {before[name].path} removed: client.{name}() is gone")
    for name, endpoint in after.items():
        previous = before.get(name)
        if previous is None:
            yield non_breaking("endpoint_added", name, name,
                               f"new endpoint {endpoint.path}: client.{name}()")
        else:
            yield from _compare_endpoint(old, new, previous, endpoint)


def compare_browser_urls(old: Api, new: Api) -> Iterator[Change]:
    before = {u.name: u for u in old.browser_urls}
    after = {u.name: u for u in new.browser_urls}
    for name in before.keys() - after.keys():
        yield breaking("browser_url_removed", name, name,
                       f"browser URL {before[name].path} removed: client.{name}() is gone")
    for name, url in after.items():
        previous = before.get(name)
        if previous is None:
            yield non_breaking("browser_url_added", name, name,
                               f"new browser URL {url.path}: client.{name}()")
        else:
            yield from _compare_browser_url(previous, url)


def _compare_browser_url(old: BrowserUrl, new: BrowserUrl) -> Iterator[Change]:
    name = new.name
    if old.path != new.path:
        yield breaking("path_changed", name, "path", f"path {old.path} → {new.path}")
    yield from compare_parameters(name, old.parameters, new.parameters)
    before = {value.name: value for value in old.returns}
    after = {value.name: value for value in new.returns}
    for value in before.keys() - after.keys():
        yield breaking("returned_value_removed", name, value,
                       f"the browser no longer brings back {value}")
    for value, returned in after.items():
        previous = before.get(value)
        if previous is None:
            yield non_breaking("returned_value_added", name, value,
                               f"the browser also brings back {value}")
        elif previous.secret and not returned.secret:
            yield breaking("returned_value_secret_removed", name, value,
                           f"returned value {value} is no longer secret: it shows unmasked "
                           "in URLs and logs")
        elif returned.secret and not previous.secret:
            yield non_breaking("returned_value_secret_added", name, value,
                               f"returned value {value} is now secret: masked in URLs and logs")


def _compare_endpoint(old_api: Api, new_api: Api, old: Endpoint,
                      new: Endpoint) -> Iterator[Change]:
    name = new.name
    if old.path != new.path:
        yield breaking("path_changed", name, "path", f"path {old.path} → {new.path}")
    old_base = old.base_url or old_api.base_url
    new_base = new.base_url or new_api.base_url
    # Without an endpoint's own base URL, the API's change (reported once) covers it.
    if old_base != new_base and (old.base_url or new.base_url):
        yield breaking("base_url_changed", name, "base_url",
                       f"base URL {old_base} → {new_base}")
    yield from _compare_choices(name, "method", old.methods, new.methods,
                                "calls asking for it fail")
    yield from _compare_choices(name, "format", old.formats, new.formats,
                                "calls asking for it fail")
    yield from _compare_encodings(name, old.encodings, new.encodings)
    if old.format_parameter.values != new.format_parameter.values or \
            old.format_parameter.name != new.format_parameter.name:
        yield non_breaking("format_parameter_changed", name, old.format_parameter.name,
                           f"the client asks for a format with {_asked(new.format_parameter)}"
                           f" instead of {_asked(old.format_parameter)}")
    if old.errors.name != new.errors.name:
        yield breaking("error_shape_changed", name, "errors",
                       f"failures are told by {_shape(new)} instead of {_shape(old)}")
    yield from _compare_retry(name, old, new)
    if old.result_class != new.result_class:
        yield breaking("result_class_renamed", name, new.result_class,
                       f"result class {old.result_class} → {new.result_class}: code naming "
                       f"{old.result_class} fails")
    yield from compare_parameters(name, old.parameters, new.parameters)
    yield from compare_fields(name, old, new)


def _compare_choices(owner: str, what: str, old: Sequence[str], new: Sequence[str],
                     removed_means: str) -> Iterator[Change]:
    """Methods or formats a call may ask for; the first is the call's default."""
    for value in old:
        if value not in new:
            yield breaking(f"{what}_removed", owner, value,
                           f"{what} {value} removed: {removed_means}")
    for value in new:
        if value not in old:
            yield non_breaking(f"{what}_added", owner, value, f"new {what} {value}")
    if old and new and old[0] != new[0]:
        yield non_breaking(f"default_{what}_changed", owner, new[0],
                           f"calls without {what}= now use {new[0]} (was {old[0]})")


def _compare_encodings(owner: str, old: Sequence[str], new: Sequence[str]) -> Iterator[Change]:
    for encoding in old:
        if encoding not in new:
            yield breaking("encoding_removed", owner, encoding,
                           f"answers in {encoding} are no longer read: they now fail")
    for encoding in new:
        if encoding not in old:
            yield non_breaking("encoding_added", owner, encoding,
                               f"answers in {encoding} are now read")


def _asked(parameter: FormatParameter) -> str:
    values = listed(f"{fmt}→{value if value is not None else '(nothing)'}"
                    for fmt, value in parameter.values)
    return f"{parameter.name} ({values})"


def _shape(endpoint: Endpoint) -> str:
    return f"{endpoint.errors.code_field}/{endpoint.errors.message_field}"


def _compare_retry(owner: str, old: Endpoint, new: Endpoint) -> Iterator[Change]:
    if old.retry_safe and not new.retry_safe:
        yield breaking("retry_became_unsafe", owner, "retry",
                       "no longer retried once the request may have reached the server: "
                       "transient failures the client used to retry now reach the caller")
    elif new.retry_safe and not old.retry_safe:
        yield non_breaking("retry_became_safe", owner, "retry",
                           "now retried on transient failures")

"""The corpus: each function edits a copy of the real spec, and its decorator says which
(class, kind) pairs the diff must report for it, exactly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tests.generator.diff_corpus import (
    B,
    D,
    Data,
    Expected,
    Missing,
    N,
    SpecCopy,
    arguments,
    field,
    is_free_string,
    is_plain,
    pascal,
    success_fields,
    text,
)

Apply = Callable[[SpecCopy], object]


@dataclass(frozen=True)
class Mutation:
    name: str
    apply: Apply
    expected: Expected


MUTATIONS: list[Mutation] = []


def mutation(name: str, *expected: tuple[str, str]) -> Callable[[Apply], Apply]:
    """Register the decorated edit with the (class, kind) pairs the diff must report."""
    def register(apply: Apply) -> Apply:
        MUTATIONS.append(Mutation(name, apply, frozenset(expected)))
        return apply
    return register


def _own_positional(endpoint: Data) -> bool:
    return any(p.get("positional") for p in arguments(endpoint))


# Nothing that matters to client users.

@mutation("identity")
def identity(spec: SpecCopy) -> None:
    pass


@mutation("descriptions only")
def descriptions_only(spec: SpecCopy) -> None:
    def reword(endpoint: Data) -> None:
        endpoint.update(text("reworded"))
        for item in [*endpoint["parameters"], *endpoint["response"]["fields"]]:
            item.update(text(item["name"] + " reworded"))
        endpoint["notes"] = ["A note added."]

    spec.edit_endpoint(lambda e: True, reword)


# Endpoints and browser URLs.

@mutation("endpoint removed", (B, "endpoint_removed"))
def endpoint_removed(spec: SpecCopy) -> None:
    spec.edit_api(lambda api: api["endpoints"].pop())


@mutation("endpoint added", (N, "endpoint_added"))
def endpoint_added(spec: SpecCopy) -> None:
    source = spec.endpoint_files()[0]
    data = spec.read(source)
    data["name"] += "_copy"
    data.pop("result", None)  # the default result class, from the new name
    copy = source.removesuffix(".yaml") + "_copy.yaml"
    spec.write(copy, data)
    spec.edit_api(lambda api: api["endpoints"].append(copy))


@mutation("browser URL removed", (B, "browser_url_removed"))
def browser_url_removed(spec: SpecCopy) -> None:
    if not spec.browser_files():
        raise Missing("no browser URL")
    spec.edit_api(lambda api: api["browser_urls"].pop())


@mutation("browser URL no longer brings a value back", (B, "returned_value_removed"))
def returned_value_removed(spec: SpecCopy) -> None:
    spec.edit_first(spec.browser_files(), lambda url: len(url["returns"]) > 0,
                    lambda url: url["returns"].pop())


@mutation("path changed", (B, "path_changed"))
def path_changed(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: True, lambda e: e.update(path=e["path"] + "_v2"))


@mutation("a second method removed", (B, "method_removed"))
def method_removed(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: len(e["methods"]) > 1, lambda e: e["methods"].pop())


@mutation("methods reordered", (N, "default_method_changed"))
def methods_reordered(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: len(e["methods"]) > 1, lambda e: e["methods"].reverse())


@mutation("method added", (N, "method_added"))
def method_added(spec: SpecCopy) -> None:
    methods = spec.api["transport"]["methods"]

    def add(endpoint: Data) -> None:
        endpoint["methods"].append(next(m for m in methods if m not in endpoint["methods"]))

    spec.edit_endpoint(lambda e: not set(methods) <= set(e["methods"]), add)


def _shares_formats(endpoint: Data) -> bool:
    """Asked for by the API's own format parameter, answered in exactly its formats."""
    return "format_parameter" not in endpoint and "encodings" not in endpoint


@mutation("second format removed (its answers with it)", (B, "format_removed"),
          (B, "encoding_removed"))
def format_removed(spec: SpecCopy) -> None:
    def remove(endpoint: Data) -> None:
        gone = endpoint["formats"].pop()
        endpoint["examples"] = [x for x in endpoint["examples"] if x["format"] != gone]

    spec.edit_endpoint(lambda e: _shares_formats(e) and len(e["formats"]) > 1, remove)


@mutation("xml added to a json-only endpoint", (N, "format_added"), (N, "encoding_added"))
def format_added(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: _shares_formats(e) and e["formats"] == ["json"],
                       lambda e: e["formats"].append("xml"))


@mutation("encoding added", (N, "encoding_added"))
def encoding_added(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: "xml" not in e.get("encodings", ["xml"]),
                       lambda e: e["encodings"].append("xml"))


@mutation("an answer-only encoding removed", (B, "encoding_removed"))
def encoding_removed(spec: SpecCopy) -> None:
    def extra(endpoint: Data) -> list[str]:
        return [x for x in endpoint.get("encodings", []) if x not in endpoint["formats"]]

    def remove(endpoint: Data) -> None:
        gone = extra(endpoint)[0]
        endpoint["encodings"].remove(gone)
        endpoint["examples"] = [x for x in endpoint["examples"] if x["format"] != gone]

    spec.edit_endpoint(lambda e: bool(extra(e)), remove)


@mutation("format parameter values changed", (N, "format_parameter_changed"))
def format_parameter_changed(spec: SpecCopy) -> None:
    def change(endpoint: Data) -> None:
        values = endpoint["format_parameter"]["values"]
        for format in values:
            values[format] = f"{values[format]}v"

    spec.edit_endpoint(lambda e: bool(e.get("format_parameter", {}).get("values")), change)


@mutation("error shape ret → oauth", (B, "error_shape_changed"), (B, "field_removed"))
def error_shape_changed(spec: SpecCopy) -> None:
    def to_oauth(endpoint: Data) -> None:
        endpoint["errors"] = "oauth"
        by_name = {f["name"]: f for f in endpoint["response"]["fields"]}
        for old, new in (("ret", "error"), ("msg", "error_description")):
            by_name[old].update(name=new, source="on_error")

    spec.edit_endpoint(lambda e: e.get("errors", "ret") == "ret", to_oauth)


@mutation("retry made unsafe", (B, "retry_became_unsafe"))
def retry_unsafe(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: e.get("retry", "safe") == "safe",
                       lambda e: e.update(retry="unsafe"))


@mutation("retry made safe", (N, "retry_became_safe"))
def retry_safe(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: e.get("retry") == "unsafe", lambda e: e.pop("retry"))


@mutation("result class renamed", (B, "result_class_renamed"))
def result_class_renamed(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: True, lambda e: e.update(result="Renamed" + pascal(e["name"])))


@mutation("API base URL changed", (B, "base_url_changed"))
def base_url_changed(spec: SpecCopy) -> None:
    spec.edit_api(lambda api: api.update(base_url="https://graph.example.test"))


@mutation("endpoint gets its own base URL", (B, "base_url_changed"))
def own_base_url(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: "base_url" not in e,
                       lambda e: e.update(base_url="https://other.example.test",
                                          base_url_reason="A test's."))


@mutation("XML root changed", (B, "xml_root_changed"))
def xml_root_changed(spec: SpecCopy) -> None:
    spec.edit_api(lambda api: api["transport"].update(xml_root="answer"))


# Arguments and what the client sends.

@mutation("required argument added", (B, "parameter_added_required"))
def argument_added_required(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: True, lambda e: e["parameters"].append(
        {"name": "extra_argument", **text("extra")}))


@mutation("optional argument added", (N, "parameter_added_optional"))
def argument_added_optional(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: True, lambda e: e["parameters"].append(
        {"name": "extra_argument", "required": False, **text("extra")}))


@mutation("keyword argument removed", (B, "parameter_removed"))
def argument_removed(spec: SpecCopy) -> None:
    def remove(endpoint: Data) -> None:
        gone = next(p for p in arguments(endpoint) if not p.get("positional"))
        endpoint["parameters"].remove(gone)

    spec.edit_endpoint(lambda e: any(not p.get("positional") for p in arguments(e)), remove)


@mutation("optional argument made required", (B, "parameter_required"))
def argument_required(spec: SpecCopy) -> None:
    spec.edit_argument(lambda p: p.get("required") is False and p.get("type") != "flag",
                       lambda p: p.pop("required"))


@mutation("keyword argument made optional", (N, "parameter_optional"))
def argument_optional(spec: SpecCopy) -> None:
    spec.edit_argument(lambda p: p.get("required", True) and not p.get("positional"),
                       lambda p: p.update(required=False))


@mutation("positional argument made optional", (N, "parameter_optional"),
          (B, "parameter_keyword_only"))
def positional_optional(spec: SpecCopy) -> None:
    spec.edit_argument(lambda p: bool(p.get("positional")),
                       lambda p: (p.pop("positional"), p.update(required=False)))


@mutation("common positional arguments swapped", (B, "parameter_moved"))
def common_swapped(spec: SpecCopy) -> None:
    def swap(api: Data) -> None:
        common = api["common_parameters"]
        first, second = [i for i, p in enumerate(common) if p.get("source", "call") == "call"][:2]
        common[first], common[second] = common[second], common[first]

    if sum(1 for p in spec.api["common_parameters"] if p.get("source", "call") == "call") < 2:
        raise Missing("fewer than two common arguments")
    spec.edit_api(swap)


@mutation("argument type string → integer", (B, "parameter_type_changed"))
def argument_type_changed(spec: SpecCopy) -> None:
    spec.edit_argument(lambda p: is_free_string(p) and not p.get("positional"),
                       lambda p: p.update(type="integer"))


@mutation("free argument given choices", (B, "parameter_choices_narrowed"))
def choices_narrowed(spec: SpecCopy) -> None:
    spec.edit_argument(is_free_string, lambda p: p.update(choices=["one", "two"]))


@mutation("choice added", (N, "parameter_choices_widened"))
def choices_widened(spec: SpecCopy) -> None:
    spec.edit_argument(lambda p: bool(p.get("choices")),
                       lambda p: p["choices"].append("another"))


@mutation("choices removed", (N, "parameter_choices_widened"))
def choices_removed(spec: SpecCopy) -> None:
    spec.edit_argument(lambda p: bool(p.get("choices")), lambda p: p.pop("choices"))


@mutation("argument check added", (B, "parameter_check_added"))
def check_added(spec: SpecCopy) -> None:
    spec.edit_argument(is_free_string, lambda p: p.update(check="non_empty"))


@mutation("argument check removed", (N, "parameter_check_removed"))
def check_removed(spec: SpecCopy) -> None:
    spec.edit_argument(lambda p: bool(p.get("check")), lambda p: p.pop("check"))


@mutation("common argument no longer secret", (B, "parameter_secret_removed"))
def common_secret_removed(spec: SpecCopy) -> None:
    def reveal(api: Data) -> None:
        next(p for p in api["common_parameters"] if p.get("secret")).update(secret=False)

    if not any(p.get("secret") for p in spec.api["common_parameters"]):
        raise Missing("no secret common parameter")
    spec.edit_api(reveal)


@mutation("argument made secret", (N, "parameter_secret_added"))
def argument_secret_added(spec: SpecCopy) -> None:
    spec.edit_argument(lambda p: not p.get("secret"), lambda p: p.update(secret=True))


@mutation("fixed value changed", (N, "sent_parameter_changed"))
def fixed_value_changed(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: any(p.get("source") == "fixed" for p in e["parameters"]),
                       lambda e: next(p for p in e["parameters"] if p.get("source") == "fixed")
                       .update(value="changed"))


@mutation("app key now sent", (B, "app_key_required"), (N, "sent_parameter_added"))
def app_key_sent(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: all(p.get("source") != "app_key" for p in e["parameters"]),
                       lambda e: e["parameters"].append(
                           {"name": "app_secret", "source": "app_key", "secret": True,
                            **text("app key")}))


# Response fields.

@mutation("plain field removed", (B, "field_removed"))
def field_removed(spec: SpecCopy) -> None:
    def remove(endpoint: Data) -> None:
        endpoint["response"]["fields"].remove(next(f for f in success_fields(endpoint)
                                                   if is_plain(f)))

    spec.edit_endpoint(lambda e: any(is_plain(f) for f in success_fields(e)), remove)


@mutation("optional field added", (N, "field_added"))
def field_added(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: True, lambda e: e["response"]["fields"].append(
        field("extra_field", "optional")))


@mutation("example-only field added", (N, "field_added"))
def example_field_added(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: True, lambda e: e["response"]["fields"].append(
        field("extra_field", "example_only")))


@mutation("documented field added", (B, "field_added_required"))
def documented_field_added(spec: SpecCopy) -> None:
    spec.edit_endpoint(lambda e: True, lambda e: e["response"]["fields"].append(
        field("extra_field", "documented")))


@mutation("optional field made documented", (B, "field_required"))
def field_required(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["source"] == "optional",
                    lambda f: f.update(source="documented"))


@mutation("documented field made optional", (B, "field_optional"))
def field_optional(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["source"] == "documented" and "placeholder_value" not in f,
                    lambda f: f.update(source="optional"))


@mutation("example-only field made optional", (D, "field_absence_accepted"))
def example_only_optional(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["source"] == "example_only",
                    lambda f: f.update(source="optional"))


@mutation("optional field made example-only", (N, "field_example_only"))
def optional_example_only(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["source"] == "optional",
                    lambda f: f.update(source="example_only"))


@mutation("level field made a flag", (B, "field_type_narrowed"))
def level_to_flag(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["kind"] == "level", lambda f: f.update(kind="flag"))


@mutation("text field made an integer", (B, "field_type_narrowed"))
def text_to_integer(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["kind"] == "text" and is_plain(f),
                    lambda f: f.update(kind="integer"))


@mutation("integer field made text", (B, "field_type_narrowed"))
def integer_to_text(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["kind"] == "integer",
                    lambda f: f.update(kind="text", wire_type="string"))


@mutation("level field made an integer", (N, "field_type_widened"))
def level_to_integer(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["kind"] == "level", lambda f: f.update(kind="integer"))


@mutation("flag field made a level", (B, "field_type_changed"))
def flag_to_level(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["kind"] == "flag" and is_plain(f),
                    lambda f: f.update(kind="level"))


@mutation("timestamp field made a duration", (B, "field_type_changed"))
def timestamp_to_duration(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["kind"] == "timestamp" and is_plain(f),
                    lambda f: f.update(kind="duration"))


@mutation("JSON-number field documented as a numeric string", (D, "field_wire_type_changed"))
def wire_type_changed(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["kind"] != "text" and f["wire_type"] == "integer",
                    lambda f: f.update(wire_type="string"))


@mutation("secret field no longer secret", (B, "field_secrecy_removed"))
def field_secret_removed(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f.get("sensitive") == "secret", lambda f: f.pop("sensitive"))


@mutation("identity field made secret", (B, "field_secrecy_added"))
def identity_made_secret(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f.get("sensitive") == "identity",
                    lambda f: f.update(sensitive="secret"))


@mutation("plain text field hidden from reprs", (N, "field_secrecy_added"))
def text_hidden(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: f["kind"] == "text" and is_plain(f),
                    lambda f: f.update(sensitive="identity"))


@mutation("expiry marker removed", (B, "expiry_removed"))
def expiry_removed(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: bool(f.get("marks_expiry")), lambda f: f.pop("marks_expiry"))


@mutation("degraded marker removed", (B, "degraded_flag_removed"))
def degraded_removed(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: bool(f.get("marks_degraded")),
                    lambda f: f.pop("marks_degraded"))


@mutation("placeholder value changed", (B, "placeholder_changed"))
def placeholder_changed(spec: SpecCopy) -> None:
    spec.edit_field(lambda e, f: "placeholder_value" in f,
                    lambda f: f.update(placeholder_value=f["placeholder_value"] + "_v2"))


# Code tables.

def _first_table(spec: SpecCopy) -> str:
    tables: Data = spec.read(spec.api["code_tables"])
    if not tables:
        raise Missing("no code table")
    return min(tables)


def _edit_table(spec: SpecCopy, change: Callable[[Data], object]) -> None:
    name = _first_table(spec)
    spec.edit_file("code_tables", lambda tables: change(tables[name]))


@mutation("code added to a table", (D, "code_added"))
def code_added(spec: SpecCopy) -> None:
    def add(table: Data) -> None:
        top = max([entry["code"] for entry in table["codes"]] + [table["none_code"]])
        table["codes"].append({"code": top + 1, "label": "新", "en": "New"})

    _edit_table(spec, add)


@mutation("code removed from a table", (B, "code_removed"))
def code_removed(spec: SpecCopy) -> None:
    _edit_table(spec, lambda table: table["codes"].pop())


@mutation("code relabelled", (N, "code_label_changed"))
def code_relabelled(spec: SpecCopy) -> None:
    _edit_table(spec, lambda table: table["codes"][0].update(label="改"))


@mutation("none code changed", (B, "none_code_changed"))
def none_code_changed(spec: SpecCopy) -> None:
    def change(table: Data) -> None:
        table["none_code"] = max(entry["code"] for entry in table["codes"]) + 100

    _edit_table(spec, change)


@mutation("other label changed", (N, "other_label_changed"))
def other_label_changed(spec: SpecCopy) -> None:
    _edit_table(spec, lambda table: table.update(other_label="别的"))


@mutation("code table added", (N, "code_table_added"))
def code_table_added(spec: SpecCopy) -> None:
    spec.edit_file("code_tables", lambda tables: tables.update(extra_table={
        **text("extra table"), "none_code": 0, "none_label": "无", "other_label": "其他",
        "codes": [{"code": 1, "label": "一", "en": "One"}]}))


@mutation("coded fields made integers, their table removed", (B, "field_type_changed"),
          (B, "code_table_removed"))
def code_table_removed(spec: SpecCopy) -> None:
    name = _first_table(spec)

    def uncode(endpoint: Data) -> None:
        for item in endpoint["response"]["fields"]:
            if item.get("code_table") == name:
                item.pop("code_table")
                item["kind"] = "integer"

    for relative in spec.endpoint_files():
        spec.edit(relative, uncode)
    spec.edit_file("code_tables", lambda tables: tables.pop(name))


# Return codes and the exceptions they raise.

@mutation("return code added", (D, "return_code_added"))
def return_code_added(spec: SpecCopy) -> None:
    def add(codes: Data) -> None:
        top = max(abs(code["code"]) for code in codes["codes"])
        codes["codes"].append({"code": top + 1, "table": "observed", "zh": "新",
                               "category": codes["categories"][0]["name"]})

    spec.edit_file("return_codes", add)


@mutation("return code removed", (B, "return_code_removed"))
def return_code_removed(spec: SpecCopy) -> None:
    spec.edit_file("return_codes", lambda codes: codes["codes"].pop())


@mutation("return code moved to another category", (B, "return_code_category_changed"))
def return_code_recategorised(spec: SpecCopy) -> None:
    def move(codes: Data) -> None:
        code = codes["codes"][0]
        code["category"] = next(c["name"] for c in codes["categories"]
                                if c["name"] != code["category"])

    spec.edit_file("return_codes", move)


@mutation("error category added", (N, "category_added"))
def category_added(spec: SpecCopy) -> None:
    spec.edit_file("return_codes", lambda codes: codes["categories"].append(
        {"name": "extra", "exception": "ExtraTestError", "retryable": False, "en": "A test's."}))


@mutation("exception class renamed", (B, "category_exception_renamed"))
def exception_renamed(spec: SpecCopy) -> None:
    spec.edit_file("return_codes", lambda codes: codes["categories"][0].update(
        exception="Renamed" + codes["categories"][0]["exception"]))


@mutation("category no longer retryable", (B, "category_no_longer_retryable"))
def category_not_retryable(spec: SpecCopy) -> None:
    def stop(codes: Data) -> None:
        retryable = [c for c in codes["categories"] if c["retryable"]]
        if not retryable:
            raise Missing("no retryable category")
        retryable[0]["retryable"] = False

    spec.edit_file("return_codes", stop)


@mutation("unknown codes raise another category", (B, "unknown_category_changed"))
def unknown_category_changed(spec: SpecCopy) -> None:
    def change(codes: Data) -> None:
        codes["unknown_category"] = next(c["name"] for c in codes["categories"]
                                         if c["name"] != codes["unknown_category"])

    spec.edit_file("return_codes", change)


# Several changes at once: each is reported, none hides another.

@mutation("field removed and code added at once", (B, "field_removed"), (D, "code_added"))
def two_at_once(spec: SpecCopy) -> None:
    field_removed(spec)
    code_added(spec)


"""A made-up OAuth-shaped endpoint and browser URL, added to the inline spec as YAML only.

``/oauth2.0/ticket`` uses every construct the login endpoints brought: the OAuth error
shape, form / JSON / JSONP answers, a per-endpoint format parameter and host, parameters
from the app id, the app key, fixed values, flags and lists, numeric strings by design,
optional and sensitive fields, a placeholder value, a lifetime that marks an expiry, and
no retry after sending.
"""

from __future__ import annotations

from pathlib import Path

from tests.generator.spec_builder import Data, dump_yaml, make_spec

TICKET_FILE = "endpoints/get_ticket.yaml"
BROWSER_FILE = "browser/ticket_url.yaml"


def _field(name: str, wire_type: str, kind: str, source: str, **extra: object) -> Data:
    return {"name": name, "wire_type": wire_type, "kind": kind, "source": source, **extra,
            "zh": f"{name}说明", "en": f"The {name}."}


TICKET: Data = {
    "name": "get_ticket",
    "result": "Ticket",
    "path": "/oauth2.0/ticket",
    "base_url": "https://tickets.example.com",
    "base_url_reason": "The made-up page names its own host.",
    "methods": ["POST", "GET"],
    "formats": ["form", "json"],
    "encodings": ["form", "json", "jsonp"],
    "errors": "oauth",
    "retry": "unsafe",
    "common_parameters": False,
    "format_parameter": {"name": "fmt", "values": {"json": "json"}, "zh": "格式"},
    "zh": "换取票据。",
    "en": "A ticket for a single-use voucher.",
    "parameters": [
        {"name": "grant_type", "source": "fixed", "value": "voucher", "zh": "固定", "en": "Fixed."},
        {"name": "client_id", "source": "app_id", "secret": True, "zh": "appid", "en": "App id."},
        {"name": "client_secret", "source": "app_key", "secret": True, "zh": "appkey",
         "en": "App key."},
        {"name": "voucher", "positional": True, "secret": True, "zh": "凭证", "en": "Voucher."},
        {"name": "note", "zh": "备注", "en": "A note."},
        {"name": "verbose", "type": "flag", "required": False, "zh": "详细", "en": "Verbose."},
        {"name": "tags", "type": "list", "required": False, "zh": "标签", "en": "Tags."},
        {"name": "size", "type": "integer", "required": False, "zh": "大小", "en": "Size."},
    ],
    "response": {"fields": [
        _field("error", "integer", "return_code", "on_error"),
        _field("error_description", "string", "text", "on_error"),
        _field("ticket", "string", "text", "documented", sensitive="secret"),
        _field("lifetime", "string", "duration", "documented", marks_expiry=True),
        _field("owner", "string", "text", "documented", sensitive="identity",
               placeholder_value="nobody"),
        _field("is_new", "string", "flag", "documented"),
        _field("rank", "string", "level", "optional"),
    ]},
    "examples": [
        {"name": "success", "format": "form", "file": "../examples/get_ticket/success.form"},
        {"name": "success", "format": "json", "file": "../examples/get_ticket/success.json"},
        {"name": "spent", "format": "jsonp", "file": "../examples/get_ticket/spent.jsonp"},
    ],
}
SUCCESS_FORM = "ticket=TK-1&lifetime=3600&owner=OWNER-9&is_new=1"
SUCCESS_JSON = '{"ticket":"TK-1","lifetime":"3600","owner":"OWNER-9","is_new":"1","rank":"7"}\n'
SPENT_JSONP = 'callback( {"error":100020,"error_description":"voucher VOUCHER-5 is reused"} );\n'

TICKET_URL: Data = {
    "name": "ticket_url",
    "path": "/oauth2.0/ticket_page",
    "zh": "票据页面。",
    "en": "The ticket page.",
    "parameters": [
        {"name": "response_type", "source": "fixed", "value": "ticket", "zh": "固定",
         "en": "Fixed."},
        {"name": "client_id", "source": "app_id", "secret": True, "zh": "appid", "en": "App id."},
        {"name": "redirect_uri", "positional": True, "check": "absolute_url", "zh": "回调",
         "en": "Callback."},
        {"name": "state", "check": "non_empty", "zh": "状态", "en": "State."},
        {"name": "scope", "type": "list", "required": False, "zh": "范围", "en": "Scope."},
        {"name": "display", "required": False, "choices": ["mobile"], "zh": "样式",
         "en": "Style."},
    ],
    "returns": [{"name": "ticket_code", "secret": True, "zh": "码", "en": "A code."},
                {"name": "state", "zh": "状态", "en": "The state."}],
}


def make_login_spec(tmp_path: Path, ticket: Data | None = None,
                    ticket_url: Data | None = None) -> Path:
    """The inline spec plus ``get_ticket`` and ``ticket_url``."""

    def add(api: Data) -> None:
        api["endpoints"].append(TICKET_FILE)
        api["browser_urls"] = [BROWSER_FILE]

    return make_spec(tmp_path, api=add, files={
        TICKET_FILE: dump_yaml(ticket or TICKET),
        BROWSER_FILE: dump_yaml(ticket_url or TICKET_URL),
        "examples/get_ticket/success.form": SUCCESS_FORM,
        "examples/get_ticket/success.json": SUCCESS_JSON,
        "examples/get_ticket/spent.jsonp": SPENT_JSONP,
    })

"""capture_dir: real answers recorded for the contract check, with every secret scrubbed.

A capture is named by its body's encoding (``.json``, ``.xml``, ``.jsonp``, ``.form``).
Scrubbed: the call's secrets (app id and key, tokens, codes, openids) and the answer's own
(the fields the spec marks sensitive: a new token, an openid, an avatar URL).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

import qq_connect
from qq_connect.check import main as check
from tests.client.credentials import APP_ID, APP_KEY, SECRETS, leaked, secret_forms
from tests.client.support import answer_fields, call, call_secrets, with_extra_fields
from tests.fakes.graph import CONTENT_TYPE, Answer, FakeGraph, SpecEndpoint

AVATAR = re.compile(r"http://qzapp\.qlogo\.cn/qzapp/([^/]+)/([^/]+)/30")


def captured(tmp_path: Path, endpoint: SpecEndpoint) -> tuple[Path, Path]:
    """The one capture of ``endpoint`` under ``tmp_path``: its body and its meta file."""
    folder = tmp_path / endpoint.name
    (meta_path,) = folder.glob("*.meta.json")
    (body_path,) = (path for path in folder.iterdir() if path != meta_path)
    return body_path, meta_path


def capture(graph: FakeGraph, tmp_path: Path, endpoint: SpecEndpoint, answer: bytes,
            method: str | None = None, format: str | None = None) -> tuple[Path, Path]:
    graph.script(endpoint.path, Answer(answer))
    with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url, max_retries=0,
                              capture_dir=tmp_path) as client:
        call(client, endpoint, method, format)
    return captured(tmp_path, endpoint)


def known_leaks(text: str, sent: Iterable[str], own: Iterable[str]) -> list[str]:
    """What ``text`` shows of the secrets a capture can know: those the call sent and the
    answer's own (a token endpoint never sees the openid of another call)."""
    known = {*secret_forms(*sent), *secret_forms(*own)}
    return [found for found in leaked(text, *own) if found in known]


def answer_secrets(endpoint: SpecEndpoint, body: bytes, encoding: str) -> dict[str, str]:
    """The values of the answer's sensitive fields (the spec's ``sensitive``)."""
    fields = answer_fields(body, encoding)
    return {f.name: fields[f.name] for f in endpoint.fields
            if f.sensitive and fields.get(f.name)}


def test_captures_are_scrubbed_and_checkable(graph: FakeGraph, tmp_path: Path,
                                             endpoint: SpecEndpoint, method: str,
                                             format: str) -> None:
    """An answer that quotes the call's secrets, in an avatar URL and percent-encoded."""
    secrets = call_secrets(endpoint)
    # An avatar URL embeds the app id (where the call sends it) and the user's openid (or
    # what the call sends last); the first secret and the last go in percent-encoded.
    first, last = secrets[0], secrets[-1]
    app = APP_ID if APP_ID in secrets else first
    if format == "form":
        # Form values are percent-encoded on the wire: the secrets as they are come out
        # as a percent-encoder writes them.
        extra: dict[str, str | int] = {"token_plus": first, "openid_percent": last}
    else:
        extra = {"token_plus": quote_plus(first, safe=""),  # percent-encoded, two ways
                 "openid_percent": quote(last, safe="")}
    answer = with_extra_fields(
        endpoint, format, unlisted_figureurl=f"http://qzapp.qlogo.cn/qzapp/{app}/{last}/30",
        app_number=int("1" + APP_ID + "0"),  # the app id's digits inside a number stay
        **extra)
    body_path, meta_path = capture(graph, tmp_path, endpoint, answer, method, format)

    assert body_path.suffix == f".{format}"
    own = answer_secrets(endpoint, answer, format)
    for path in (body_path, meta_path):
        text = path.read_text(encoding="utf-8")
        found = known_leaks(text, secrets, own.values())
        assert not found, (path.name, found)

    sent = answer_fields(answer, format)
    kept = answer_fields(body_path.read_bytes(), format)
    avatar_match = AVATAR.fullmatch(kept["unlisted_figureurl"])
    assert avatar_match is not None, kept["unlisted_figureurl"]
    placeholder = avatar_match[1]
    assert avatar_match[2] == placeholder and placeholder not in SECRETS
    assert kept["token_plus"] == kept["openid_percent"] == placeholder
    assert {name: kept[name] for name in own} == dict.fromkeys(own, placeholder)
    scrubbed = {"unlisted_figureurl", "token_plus", "openid_percent", *own}
    assert {name: value for name, value in kept.items() if name not in scrubbed} == {
        name: value for name, value in sent.items() if name not in scrubbed}

    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert (meta["status"], meta["endpoint"], meta["method"]) == (200, endpoint.name, method)
    assert "<redacted>" in meta["url"] and meta["url"].startswith(graph.url + endpoint.path)
    assert meta["headers"]["content-type"] == CONTENT_TYPE
    assert check([str(tmp_path)]) == 0  # drift (the unknown fields) reported, not failing


def test_every_example_is_captured_as_served_without_its_secrets(
        graph: FakeGraph, tmp_path: Path, endpoint: SpecEndpoint, encoding: str) -> None:
    """Every example of the spec, byte for byte (escapes such as ``\\/`` included), failures
    too: named by the body's encoding, with none of the answer's own secrets kept."""
    examples = [example for example in endpoint.examples if example.format == encoding]
    if not examples:
        pytest.skip(f"the spec has no example of {endpoint.name} in {encoding}")
    for number, example in enumerate(examples):
        folder = tmp_path / str(number)
        graph.script(endpoint.path, Answer(example.body))
        with qq_connect.QQConnect(APP_ID, app_key=APP_KEY, base_url=graph.url, max_retries=0,
                                  capture_dir=folder) as client:
            if endpoint.errors.is_failure(answer_fields(example.body, encoding)):
                with pytest.raises(qq_connect.ApiError):
                    call(client, endpoint)
            else:
                call(client, endpoint)
        body_path, _ = captured(folder, endpoint)
        assert body_path.suffix == f".{encoding}"
        own = answer_secrets(endpoint, example.body, encoding)
        text = body_path.read_text(encoding="utf-8")
        found = known_leaks(text, call_secrets(endpoint), own.values())
        assert not found, (example.name, found)
        kept = answer_fields(body_path.read_bytes(), encoding)
        assert not set(own.values()) & set(kept.values()), (example.name, kept)
        if not own:
            assert body_path.read_bytes() == example.body, example.name
        assert check([str(folder)]) == 0

"""capture_dir: real answers recorded for the contract check, with every secret scrubbed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, quote_plus

import qq_connect
from qq_connect.check import main as check
from tests.client.credentials import APP_ID, OPENID, SECRETS, TOKEN, leaked
from tests.client.support import answer_fields, call, with_extra_fields
from tests.fakes.graph import CONTENT_TYPE, Answer, FakeGraph, SpecEndpoint

AVATAR = re.compile(r"http://qzapp\.qlogo\.cn/qzapp/([^/]+)/([^/]+)/30")


def test_captures_are_scrubbed_and_checkable(graph: FakeGraph, tmp_path: Path,
                                             endpoint: SpecEndpoint, method: str,
                                             format: str) -> None:
    answer = with_extra_fields(
        endpoint, format,
        unlisted_figureurl=f"http://qzapp.qlogo.cn/qzapp/{APP_ID}/{OPENID}/30",
        token_plus=quote_plus(TOKEN, safe=""),  # the credentials percent-encoded, two ways
        openid_percent=quote(OPENID, safe=""),
        app_number=int("1" + APP_ID + "0"),  # the app id's digits inside a number stay
    )
    graph.script(endpoint.path, Answer(answer))
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, max_retries=0,
                              capture_dir=tmp_path) as client:
        call(client, endpoint, method, format)

    folder = tmp_path / endpoint.name
    (meta_path,) = folder.glob("*.meta.json")
    (body_path,) = (path for path in folder.iterdir() if path != meta_path)
    assert body_path.suffix == f".{format}"
    for path in (body_path, meta_path):
        text = path.read_text(encoding="utf-8")
        assert not leaked(text), (path.name, leaked(text))

    sent = answer_fields(answer, format)
    captured = answer_fields(body_path.read_bytes(), format)
    avatar = AVATAR.fullmatch(captured["unlisted_figureurl"])
    assert avatar is not None, captured["unlisted_figureurl"]
    placeholder = avatar[1]
    assert avatar[2] == placeholder and placeholder not in SECRETS
    assert captured["token_plus"] == captured["openid_percent"] == placeholder
    scrubbed = {"unlisted_figureurl", "token_plus", "openid_percent"}
    assert {name: value for name, value in captured.items() if name not in scrubbed} == {
        name: value for name, value in sent.items() if name not in scrubbed}

    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert (meta["status"], meta["endpoint"], meta["method"]) == (200, endpoint.name, method)
    assert "<redacted>" in meta["url"] and meta["url"].startswith(graph.url + endpoint.path)
    assert meta["headers"]["content-type"] == CONTENT_TYPE
    assert check([str(tmp_path)]) == 0  # drift (the unknown fields) reported, not failing

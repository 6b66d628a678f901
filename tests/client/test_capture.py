"""capture_dir: real answers recorded for the contract check, with every secret scrubbed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import qq_connect
from qq_connect._capture import SCRUBBED, scrub
from qq_connect.check import main as check
from tests.client.values import APP_ID, OPENID, SECRETS, TOKEN
from tests.fakes.graph import Answer, FakeGraph

RICH = "/user/get_vip_rich_info"


def test_captures_are_scrubbed_and_checkable(graph: FakeGraph, tmp_path: Path) -> None:
    success = json.loads(graph.examples[RICH]["json"])
    success["figureurl"] = f"http://qzapp.qlogo.cn/qzapp/{APP_ID}/{OPENID}/30"
    success["qq_vip_start"] = int("1" + APP_ID[:9])  # the app id's digits inside a number stay
    graph.script(RICH, Answer(json.dumps(success).encode()))
    with qq_connect.QQConnect(APP_ID, base_url=graph.url, capture_dir=tmp_path) as client:
        client.get_vip_rich_info(TOKEN, OPENID)
        client.get_vip_rich_info(TOKEN, OPENID, format="xml", method="POST")
    folder = tmp_path / "get_vip_rich_info"
    bodies = sorted(p for p in folder.iterdir() if not p.name.endswith(".meta.json"))
    metas = sorted(folder.glob("*.meta.json"))
    assert sorted(p.suffix for p in bodies) == [".json", ".xml"] and len(metas) == 2
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        for secret in SECRETS:
            # As a word: the digits of the app id inside qq_vip_start are not a secret.
            assert not re.search(rf"(?<![0-9A-Za-z]){secret}(?![0-9A-Za-z])", text), (
                path.name, secret)
    captured = json.loads(next(p for p in bodies if p.suffix == ".json").read_text("utf-8"))
    assert captured["figureurl"] == f"http://qzapp.qlogo.cn/qzapp/{SCRUBBED}/{SCRUBBED}/30"
    assert captured["qq_vip_start"] == success["qq_vip_start"]
    meta = json.loads(metas[0].read_text("utf-8"))
    assert meta["status"] == 200 and meta["endpoint"] == "get_vip_rich_info"
    assert "<redacted>" in meta["url"] and meta["headers"]["content-type"].startswith("text/html")
    assert check([str(tmp_path)]) == 0  # drift (figureurl) reported, not failing


def test_scrub_handles_encoded_forms_and_word_boundaries() -> None:
    token = "a b/c"
    text = f"x={token} y=a+b%2Fc z=a%20b%2Fc keep=1{APP_ID}0 drop={APP_ID}"
    assert scrub(text, [token, APP_ID]) == (
        f"x={SCRUBBED} y={SCRUBBED} z={SCRUBBED} keep=1{APP_ID}0 drop={SCRUBBED}")

# Copied from generator/runtime/_capture.py; do not edit here: edit that file and run `make generate`.
"""Recording real answers as captures for the contract check, with the secrets scrubbed.

``QQConnect(..., capture_dir=Path("captures"))`` stores every HTTP 200 answer as
``captures/<endpoint>/<time>-<id>.json|xml|jsonp|form`` (the layout ``python -m qq_connect.check``
reads) next to ``<same name>.meta.json`` (status, headers, the redacted URL). The
call's secrets (access token, app id and key, code, openid) and the answer's own (a
new token) are replaced wherever they stand as a whole word, raw, percent-encoded or
escaped: in the body (avatar URLs embed the openid), in headers and in the URL. The
extension is the body's encoding.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from xml.sax.saxutils import escape

from ._decode import sniff_encoding
from ._errors import RequestInfo
from ._request import encoded_forms

__all__ = ["SCRUBBED", "masker", "scrub", "write_capture"]

SCRUBBED = "SCRUBBED"
_DROPPED_HEADERS = frozenset({"set-cookie", "cookie", "authorization"})


# A whole word: no letter or digit next to it. A percent-escape before it is a boundary
# too: in a form body an avatar URL comes as ``%2F<openid>%2F30``.
_BEFORE = r"(?:(?<![0-9A-Za-z])|(?<=%[0-9A-Fa-f]{2}))"
_AFTER = r"(?![0-9A-Za-z])"


def _forms(secret: str) -> set[str]:
    """Every form a secret may take in a body or a log record: percent-encoded (twice too:
    a redirect quotes the whole request URL in a parameter), escaped by JSON (``\\/`` and
    ``\\uXXXX``, as graph.qq.com writes avatar URLs) or XML, or as the repr of its UTF-8
    bytes (httpcore logs response headers as bytes: ``\\xe4\\xb8\\xad``)."""
    forms = {twice for once in encoded_forms(secret) for twice in encoded_forms(once)}
    for escaped in (json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]):
        forms |= {escaped, escaped.replace("/", "\\/")}
    forms.add(escape(secret))
    forms.add(repr(secret.encode("utf-8"))[2:-1])
    return forms


def masker(secrets: Iterable[str], mask: str = SCRUBBED) -> Callable[[str], str]:
    """A function that replaces each secret, in any form ``_forms`` knows, where it is a
    whole word: an app id of ``1`` must not turn every digit 1 into the mask.

    Its pattern is built when first used: every call makes one, and most never mask.
    """
    words = tuple(secret for secret in secrets if secret)
    if not words:
        return str
    patterns: list[re.Pattern[str]] = []

    def hide(text: str) -> str:
        if not patterns:
            forms = sorted({form for word in words for form in _forms(word)}, key=len,
                           reverse=True)
            patterns.append(re.compile(
                _BEFORE + "(?:" + "|".join(map(re.escape, forms)) + ")" + _AFTER))
        return patterns[0].sub(mask, text)

    return hide


def scrub(text: str, secrets: Iterable[str]) -> str:
    """``text`` with each secret (in any form ``_forms`` knows) replaced where it is a whole
    word."""
    return masker(secrets)(text)


def write_capture(directory: Path, request: RequestInfo, status: int,
                  headers: Mapping[str, str], content: bytes, secrets: Iterable[str]) -> Path:
    """Store one answer under ``directory/<endpoint>/``; return the body's path."""
    secrets = list(secrets)
    body = scrub(content.decode("utf-8", "surrogateescape"), secrets).encode(
        "utf-8", "surrogateescape")
    format = sniff_encoding(body) or "json"
    folder = directory / request.endpoint
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    path = folder / f"{stem}.{format}"
    path.write_bytes(body)
    meta = {
        "endpoint": request.endpoint,
        "method": request.method,
        "url": scrub(request.url, secrets),
        "status": status,
        "headers": {name: scrub(value, secrets) for name, value in sorted(headers.items())
                    if name.lower() not in _DROPPED_HEADERS},
    }
    (folder / f"{stem}.meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2),
                                             encoding="utf-8")
    return path

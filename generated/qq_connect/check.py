# Generated from spec/endpoints/get_vip_rich_info.yaml, spec/endpoints/get_vip_info.yaml, spec/endpoints/exchange_code.yaml, spec/endpoints/refresh_access_token.yaml, spec/endpoints/get_openid.yaml, spec/endpoints/get_user_info.yaml, spec/endpoints/get_simple_userinfo.yaml; do not edit, run `make generate`.
"""Check captured responses against the contract: ``python -m qq_connect.check PATH...``.

Where a capture says what it is:

- a file ``<...>/<endpoint>/<...>/<name>.json``, ``.xml``, ``.jsonp`` or ``.form``:
  the nearest folder named
  after an endpoint (get_vip_rich_info, get_vip_info, exchange_code, refresh_access_token, get_openid, get_user_info, get_simple_userinfo) gives the endpoint,
  the extension the format (a body that contradicts its extension is an error);
- a JSON Lines file ``*.jsonl``: one envelope per line,
  ``{"endpoint": "<endpoint>", "format": "json", "body": "<the raw body>"}``;
- ``--endpoint NAME`` names the endpoint of files outside such folders.

Files ending ``.meta.json`` (written next to captures by the capture helper) are skipped.
A capture whose real path lies outside the folder it was found in (a symbolic link
out of it) is an error and is never read; so is a body over the client's limit
(``max_body_bytes``; ``--max-body-bytes N``).
Errors fail the run (exit 1); drift is reported and fails only with ``--strict``;
findings a ``--baseline FILE`` accepts (by fingerprint) never fail it.
Reports: a summary on stdout, ``--json FILE`` and ``--junit FILE`` for machines,
``--markdown FILE`` for a CI step summary; the exit codes are listed by ``--help``.
"""

from __future__ import annotations

import sys

from ._check_command import Capture, CaptureChecker
from ._check_console import Surroundings
from ._check_report import Report
from ._contracts import CONTRACTS
from ._return_codes import RETURN_CODE_TABLE

__all__ = ["Capture", "Report", "Surroundings", "check_captures", "iter_captures", "main"]

# --help names the command as it was run: the console script, or the module.
_CHECKER = CaptureChecker(CONTRACTS, codes=RETURN_CODE_TABLE, prog="python -m qq_connect.check",
                          script="qq-connect-check",
                          description=(__doc__ or "").split("\n\n")[0])
iter_captures = _CHECKER.iter_captures
check_captures = _CHECKER.check_captures
main = _CHECKER.main

if __name__ == "__main__":
    sys.exit(main())

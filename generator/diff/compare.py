"""Compare two normalised specs: every change that matters to client users, in order."""

from __future__ import annotations

from ..model import Api
from .change import Change, ordered
from .codes import compare_api
from .endpoints import compare_browser_urls, compare_endpoints


def compare(old: Api, new: Api) -> list[Change]:
    """The changes from ``old`` to ``new``: breaking first, each once, in a fixed order."""
    return ordered([*compare_api(old, new), *compare_endpoints(old, new),
                    *compare_browser_urls(old, new)])

"""Fixtures of the generator's tests: the inline spec of ``spec_builder``, written to tmp."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.generator.spec_builder import make_spec


@pytest.fixture
def spec_dir(tmp_path: Path) -> Path:
    """The unchanged, valid inline spec, as ``tmp_path / "spec"``."""
    return make_spec(tmp_path)


@pytest.fixture
def build_spec(tmp_path: Path) -> Callable[..., Path]:
    """``make_spec`` bound to this test's ``tmp_path``: ``build_spec(endpoint=change)``."""

    def build(**changes: Any) -> Path:
        return make_spec(tmp_path, **changes)

    return build

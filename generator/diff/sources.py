"""The two sides of a diff: a spec directory, or the spec as committed at a git ref, each
loaded and validated by the real pipeline."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..load import load_sources
from ..model import Api
from ..normalise import normalise
from ..validate import validate

# git reads local objects only; a minute is far beyond any spec's size.
_GIT_TIMEOUT = 60.0


class SourceError(Exception):
    """A side of the diff cannot be read at all (not a git repository, no such ref)."""


def load_api(spec_dir: Path) -> Api:
    """The normalised spec in ``spec_dir``; SpecError names the file, line and key if bad."""
    sources = load_sources(spec_dir)
    validate(sources)
    return normalise(sources)


@contextmanager
def spec_at_ref(ref: str, spec_dir: Path) -> Iterator[tuple[Path, str]]:
    """``spec_dir`` as committed at ``ref`` of its repository, in a temporary directory.

    Yields the directory and its name for messages (``HEAD:spec``).
    """
    if not ref or ref.startswith("-"):
        raise SourceError(f"not a git ref: {ref!r}")
    top = Path(_git(spec_dir, "rev-parse", "--show-toplevel").decode().strip())
    try:
        inside = spec_dir.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise SourceError(f"{spec_dir} is not inside the git repository {top}") from None
    tree = f"{ref}:{inside}" if inside != "." else f"{ref}^{{tree}}"
    archive = _git(top, "archive", "--format=tar", tree)
    with tempfile.TemporaryDirectory(prefix="specdiff-") as temporary:
        # Named as the new side is, so messages name files the same way (spec/api.yaml).
        target = Path(temporary) / spec_dir.resolve().name
        target.mkdir()
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
        yield target, tree


def _git(where: Path, *arguments: str) -> bytes:
    """Run git in ``where``; SourceError with git's own words if it fails."""
    directory = where if where.is_dir() else where.parent
    try:
        done = subprocess.run(["git", "-C", str(directory), *arguments], capture_output=True,
                              timeout=_GIT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SourceError(f"cannot run git: {error}") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        reason = said[-1] if said else f"exit status {done.returncode}"
        raise SourceError(f"git {arguments[0]} failed: {reason}")
    return done.stdout

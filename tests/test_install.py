"""generated/ installs on its own (`pip install ./generated`): its data files, its metadata,
and nothing left behind in the folder it was installed from.

One install per module (a copy of generated/ into a temporary site folder, no network, the
pinned build backend); the metadata is read back with ``importlib.metadata`` from a fresh
interpreter that sees only that folder.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from functools import cached_property
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from generator import render
from tests.contract.from_spec import NAMES

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "qq_connect"


class Installed:
    def __init__(self, source: Path, target: Path, before: set[str], output: str) -> None:
        self.source, self.target, self.before, self.output = source, target, before, output

    @cached_property
    def metadata(self) -> dict[str, object]:
        """The installed distribution as ``importlib.metadata`` reports it (a subprocess:
        this interpreter already imports qq_connect from generated/)."""
        probe = (
            "import importlib.metadata as m, json, sys, qq_connect\n"
            "d = m.distribution(sys.argv[1])\n"
            "print(json.dumps({'name': d.metadata['Name'], 'version': d.version,\n"
            "  'module_version': qq_connect.__version__, 'module_file': qq_connect.__file__,\n"
            "  'requires_python': d.metadata['Requires-Python'],\n"
            "  'classifiers': d.metadata.get_all('Classifier') or [],\n"
            "  'license': d.metadata['License-Expression'],\n"
            "  'license_files': d.metadata.get_all('License-File') or [],\n"
            "  'requires': d.requires or [], 'extras': d.metadata.get_all('Provides-Extra'),\n"
            "  'urls': d.metadata.get_all('Project-URL') or [],\n"
            "  'content_type': d.metadata['Description-Content-Type'],\n"
            "  'description': d.metadata.get_payload(),\n"
            "  'files': [str(f) for f in d.files or []],\n"
            "  'scripts': [e.name for e in d.entry_points if e.group == 'console_scripts']}))\n")
        result = subprocess.run([sys.executable, "-c", probe, render.DISTRIBUTION],
                                cwd=self.target.parent, env={"PYTHONPATH": str(self.target)},
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        data: dict[str, object] = json.loads(result.stdout)
        return data


def listing(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    tmp_path = tmp_path_factory.mktemp("install")
    source = tmp_path / "source"
    shutil.copytree(ROOT / "generated", source, ignore=shutil.ignore_patterns("__pycache__"))
    before = listing(source)
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-build-isolation", "--no-index", "--target", str(target), str(source)],
        capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stdout + install.stderr
    return Installed(source, target, before, install.stdout + install.stderr)


def test_pip_install_generated(installed: Installed, tmp_path: Path) -> None:
    package = installed.target / PACKAGE
    assert (package / "py.typed").is_file()
    schemas = sorted(p.name for p in (package / "schemas").glob("*.json"))
    assert schemas == sorted(f"{name}.json" for name in NAMES)  # one per endpoint of the spec
    assert json.loads((package / "check_report.schema.json").read_text("utf-8"))["$id"]
    probe = ("import qq_connect, sys; assert qq_connect.__file__.startswith(sys.argv[1]); "
             "print(qq_connect.QQConnect.__name__)")
    result = subprocess.run([sys.executable, "-c", probe, str(installed.target)], cwd=tmp_path,
                            env={"PYTHONPATH": str(installed.target)}, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "QQConnect"
    for name in NAMES:
        assert json.loads((package / "schemas" / f"{name}.json").read_text("utf-8"))["$id"]


def test_installing_leaves_the_source_folder_as_it_was(installed: Installed) -> None:
    # No build/, no *.egg-info, no __pycache__: the build backend writes only to pip's
    # temporary folders, so `pip install ./generated` keeps the committed tree clean.
    assert listing(installed.source) == installed.before


def test_the_distribution_is_named_like_the_package_and_versioned_once(
        installed: Installed) -> None:
    data = installed.metadata
    assert metadata_name(str(data["name"])) == PACKAGE  # qq-connect normalises to qq_connect
    assert str(data["module_file"]).startswith(str(installed.target))
    assert data["version"] == data["module_version"] == render.VERSION


def metadata_name(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def test_the_metadata_says_which_pythons_and_that_it_is_typed(installed: Installed) -> None:
    data = installed.metadata
    assert data["requires_python"] == f">={render.PYTHON_VERSIONS[0]}"
    classifiers = data["classifiers"]
    assert isinstance(classifiers, list)
    claimed = sorted(c.rsplit(" :: ", 1)[1] for c in classifiers
                     if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c))
    assert claimed == sorted(render.PYTHON_VERSIONS)
    assert "Typing :: Typed" in classifiers


def test_the_license_is_mit_and_ships_with_the_package(installed: Installed) -> None:
    data = installed.metadata
    assert data["license"] == "MIT"
    assert data["license_files"] == ["LICENSE"]
    shipped = [f for f in data_list(data["files"]) if f.endswith("/LICENSE")]
    assert len(shipped) == 1
    text = (installed.target / shipped[0]).read_text("utf-8")
    assert text.endswith((ROOT / "LICENSE").read_text("utf-8"))  # behind its one-line banner
    assert "Copyright (c) 2026 The qq-connect-generator authors" in text


def test_the_readme_is_the_long_description(installed: Installed) -> None:
    data = installed.metadata
    assert data["content_type"] == "text/markdown"
    # The payload ends with one newline more than the file (the metadata format adds it).
    readme = (ROOT / "generated" / "README.md").read_text("utf-8")
    assert str(data["description"]).rstrip("\n") == readme.rstrip("\n")


def test_no_url_is_a_placeholder(installed: Installed) -> None:
    # None until the repository has a public address; never an example.com stand-in.
    urls = data_list(installed.metadata["urls"])
    assert not [url for url in urls if re.search(r"example\.(com|org)|localhost|TODO", url)]


def data_list(value: object) -> list[str]:
    assert isinstance(value, list)
    return [str(item) for item in value]


def imported_distributions() -> dict[str, set[str]]:
    """The third-party distributions the package imports, by module file that imports them."""
    owners = metadata.packages_distributions()
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "generated" / PACKAGE).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top in ("__future__", PACKAGE):
                    continue
                for distribution in owners.get(top, [top]):
                    found.setdefault(metadata_name(distribution), set()).add(path.name)
    return found


def test_every_imported_distribution_is_declared(installed: Installed) -> None:
    # annotated-types came with pydantic, but the runtime imports it itself.
    declared: dict[str, set[str | None]] = {}
    for line in data_list(installed.metadata["requires"]):
        requirement = Requirement(line)
        extra = None
        if requirement.marker is not None:
            extra = next((e for e in data_list(installed.metadata["extras"])
                          if requirement.marker.evaluate({"extra": e})), None)
        declared.setdefault(metadata_name(requirement.name), set()).add(extra)
    imported = imported_distributions()
    assert "annotated_types" in imported
    missing = {name: sorted(files) for name, files in imported.items() if name not in declared}
    assert not missing, f"imported but not declared: {missing}"
    # The contract check's extras are only for the check's modules.
    for name, extras in declared.items():
        if extras == {"check"}:
            assert all(f.startswith(("_check", "check")) for f in imported.get(name, set())), name


def test_the_console_script_is_declared(installed: Installed) -> None:
    assert data_list(installed.metadata["scripts"]) == ["qq-connect-check"]

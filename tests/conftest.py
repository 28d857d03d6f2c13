"""Test set-up shared by all tests: headless Qt, paths to the project's test material."""

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


def load_script(name: str) -> ModuleType:
    """A script of scripts/ as a module (scripts are run by path, not installed)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's autosave and case register in a folder of its own, never the user's."""
    folder = tmp_path_factory.mktemp("daten")
    monkeypatch.setenv("HKP_DATA_DIR", str(folder))
    return folder

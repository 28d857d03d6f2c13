"""The layout is the architecture: layers imported only downwards, no cycle, short modules, and the sketch in
docs/ and the README's table drawn from the code as it is."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT, load_script

ARCHITECTURE = load_script("architecture")


def test_no_import_against_the_layers_no_cycle_and_no_long_module() -> None:
    graph = ARCHITECTURE.imports()
    assert len(graph) > 50 and "estimator.rules.engine" in graph["estimator.output.pdf"]
    assert ARCHITECTURE.problems(graph) == []


def test_the_check_finds_an_upward_import_a_cycle_and_a_long_module(tmp_path: Path) -> None:
    for name, text in {
        "estimator/__init__.py": "",
        "estimator/model.py": "from estimator.rules.engine import estimate\n",
        "estimator/rules/__init__.py": "",
        "estimator/rules/engine.py": "from estimator.rules import limits\n",
        "estimator/rules/limits.py": "import estimator.rules.engine\n" + "x = 1\n" * 401,
        "estimator/io/__init__.py": "",
        "estimator/io/excel.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ui import app\n"
        "from estimator.rules.engine import estimate\n",
        "ui/__init__.py": "",
        "ui/app.py": "def late():\n    from estimator.io.excel import x\n",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    graph = ARCHITECTURE.imports(tmp_path)
    assert graph["ui.app"] == {"estimator.io.excel"}  # imports inside functions count, TYPE_CHECKING ones do not
    assert ARCHITECTURE.problems(graph, tmp_path) == [
        "estimator.io.excel imports estimator.rules.engine from a package beside it",
        "estimator.model imports estimator.rules.engine from a higher layer",
        "import cycle: estimator.rules.engine -> estimator.rules.limits",
        "estimator/rules/limits.py: 402 lines (at most 400)",
    ]


def test_the_sketch_in_docs_is_the_code_as_it_is() -> None:
    drawn = ARCHITECTURE.draw(ARCHITECTURE.imports())
    assert (ROOT / "docs" / "architecture.svg").read_text(encoding="utf-8") == drawn, (
        "docs/architecture.svg is out of date: run python3 scripts/architecture.py"
    )


def test_the_readme_layout_table_names_every_package_and_only_what_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout") : readme.index("\n## ", readme.index("## Layout") + 1)]
    paths = re.findall(r"^\| `([^`]+)`", layout, flags=re.MULTILINE)
    assert all((ROOT / path.rstrip("/")).exists() for path in paths), paths
    packages = {p.replace(".", "/") + "/" for p in ARCHITECTURE.PACKAGES}
    assert packages <= set(paths)

"""The domain package stays free of Qt (style.md: estimator/ never imports PySide6 or ui/)."""

import ast
import subprocess
import sys

from tests.conftest import ROOT


def test_no_module_in_estimator_imports_qt_or_ui() -> None:
    offenders = []
    for path in (ROOT / "estimator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("PySide6", "ui", "shiboken6")]
    assert offenders == []


def modules_loaded_by_an_estimate(prefixes: tuple[str, ...]) -> str:
    """The modules starting with one of prefixes that `hkp estimate --json` loads, in a fresh interpreter."""
    code = (
        "import sys; from estimator.command.cli import main; main(['estimate', '--json', '/dev/null']); "
        f"print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    return out.strip().splitlines()[-1]


def test_running_an_estimate_loads_no_qt() -> None:
    assert modules_loaded_by_an_estimate(("PySide6", "shiboken6", "ui")) == "[]"


def test_an_estimate_without_pdf_loads_no_reportlab() -> None:
    assert modules_loaded_by_an_estimate(("reportlab", "estimator.output.pdf")) == "[]"


def test_an_estimate_loads_neither_the_batch_nor_the_standard_librarys_network_modules() -> None:
    # the batch's process pool and the URL and mail modules xml.sax.saxutils brings cost an estimate a fifth of its start
    loaded = modules_loaded_by_an_estimate(
        ("estimator.command.batch", "concurrent", "multiprocessing", "urllib.request", "http", "email", "ssl")
    )
    assert loaded == "[]"

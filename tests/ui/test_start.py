"""The `hkp-estimator` command as a double-click starts it: the example plan, no workbook or PDF library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from ui.start import display_problem

REPORT = (
    "import gc, sys\n"
    "from ui.start import main\n"
    "code = main(['--exit-when-shown'])\n"
    "heavy = ('openpyxl', 'reportlab', 'sqlite3', 'estimator.io.excel', 'estimator.output.pdf', 'estimator.rules.whatif',\n"
    "         'PySide6.QtPrintSupport', 'ui.printing', 'hashlib')\n"
    "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    "print(gc.isenabled())\n"
    "sys.exit(code)\n"
)


def start(tmp_path: Path, *arguments: str, screen: str | None = "offscreen") -> subprocess.CompletedProcess[str]:
    """Run the program in a child with an empty home and data folder; screen None: as on a machine without one."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path), HKP_DATA_DIR=str(tmp_path / "daten"), **({"QT_QPA_PLATFORM": screen} if screen else {}))
    return subprocess.run(
        [sys.executable, *arguments], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60, check=False
    )


def test_start_shows_the_example_without_loading_the_workbook_and_pdf_libraries(tmp_path: Path) -> None:
    run = start(tmp_path, "-c", REPORT)
    assert run.returncode == 0, run.stderr
    loaded, collector_on = run.stdout.strip().splitlines()[-2:]
    assert loaded == "[]"
    assert collector_on == "True"  # paused for the start only
    assert not (tmp_path / "daten" / "autosave").exists() or not any((tmp_path / "daten" / "autosave").iterdir())


def test_exit_when_shown_reports_an_unreadable_file(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.xlsx"
    broken.write_bytes(b"kein Excel")
    run = start(tmp_path, "-m", "ui.start", "--exit-when-shown", str(broken))
    assert run.returncode == 2
    assert "kaputt.xlsx" in run.stderr


def test_without_a_screen_the_program_says_so_in_one_line(tmp_path: Path) -> None:
    run = start(tmp_path, "-m", "ui.start", screen=None)
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "kein Bildschirm" in run.stderr and "hkp estimate" in run.stderr


def test_missing_desktop_libraries_are_named_with_their_packages() -> None:
    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    problem = display_problem({"DISPLAY": ":0"}, "linux", lambda library: library not in missing)
    assert problem.endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4")
    assert display_problem({"DISPLAY": ":0"}, "linux", lambda library: True, lambda display: True) == ""
    silent = display_problem({"DISPLAY": ":99"}, "linux", lambda library: True, lambda display: False)
    assert silent.startswith("der Bildschirm :99 antwortet nicht") and "hkp estimate" in silent
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda library: False) == ""
    assert display_problem({}, "win32", lambda library: False) == ""
    wayland = display_problem({"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": "/nonexistent"}, "linux")
    assert wayland.startswith("der Bildschirm wayland-9 (Wayland) antwortet nicht")


def test_an_unfinished_autosave_is_removed_at_every_start(tmp_path: Path) -> None:
    data = tmp_path / "daten" / "autosave"
    data.mkdir(parents=True)
    stale = data / ".offener-fall.hkp.json.x1y2.tmp"
    stale.write_text("Erika Mustermann, halb geschrieben", encoding="utf-8")
    run = start(tmp_path, "-m", "ui.start", "--exit-when-shown")
    assert run.returncode == 0, run.stderr
    assert not stale.exists()


def test_the_programs_help_is_german(capsys: pytest.CaptureFixture[str]) -> None:
    from ui.app import parse_arguments  # noqa: PLC0415

    with pytest.raises(SystemExit):
        parse_arguments(["--help"])
    said = capsys.readouterr().out
    assert said.startswith("Aufruf: hkp-estimator") and "diese Hilfe zeigen und beenden" in said and "usage" not in said


def test_what_the_program_writes_in_the_users_home_is_the_users_alone_from_the_start(tmp_path: Path) -> None:
    # with the usual umask 022 the settings file stood readable for all (a recent file's name may name a patient)
    script = (
        "import os, sys\n"
        "os.umask(0o022)\n"
        "from ui.app import main\n"
        "code = main(['--exit-when-shown'])\n"
        "from ui.settings import Settings\n"
        "Settings().remember_file('/praxis/Erika Mustermann.xlsx', '/praxis')\n"
        "sys.exit(code)\n"
    )
    run = start(tmp_path, "-c", script)
    assert run.returncode == 0, run.stderr
    made = list(tmp_path.rglob("*"))
    assert any(path.suffix == ".conf" for path in made), made
    assert all(path.stat().st_mode & 0o077 == 0 for path in made), [(p, oct(p.stat().st_mode)) for p in made]

"""Crash safety: a session killed with SIGKILL after editing loses no edit; the next start recovers them."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from estimator.io.casefile import open_case
from tests.conftest import GOLDEN, ROOT
from ui.app import offer_recovery
from ui.autosave import end_session
from ui.document import CaseDocument, autosave_path
from ui.main_window import MainWindow
from ui.recovery import recoverable

CHILD = Path(__file__).with_name("crash_child.py")


def edited_elsewhere(tmp_path: Path, factor: str = "3,5") -> tuple[subprocess.Popen[str], str]:
    """Another program editing the crown plan, its unsaved state autosaved; it waits (to be killed). Returns it with
    the benefit its window shows."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "HKP_DATA_DIR": str(tmp_path)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(GOLDEN / "crown_basic.xlsx"), factor], stdout=subprocess.PIPE, text=True, env=environment
    )
    benefit = child.stdout.readline().strip()  # type: ignore[union-attr]
    if not benefit:
        child.kill()
        raise AssertionError("the session did not start")
    return child, benefit


def killed(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stdout.close()  # type: ignore[union-attr]


def autosaves(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "autosave").glob("*.hkp.json"))


def test_killed_session_is_recovered_with_every_edit(tmp_path: Path, monkeypatch: Any, qtbot: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    child, benefit = edited_elsewhere(tmp_path)
    killed(child)
    [left] = autosaves(tmp_path)
    assert stat.S_IMODE(os.stat(left).st_mode) == 0o600

    window = MainWindow(
        CaseDocument(open_case(ROOT / "resources/examples/beispielplan.xlsx")),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    window.ask_on_close = lambda title, text: QMessageBox.StandardButton.Discard
    assert offer_recovery(window, ask=lambda window, title, _when: True)
    document = window.document
    assert str(document.estimate.totals.benefit) == benefit
    assert document.case.edits == {
        ("fee", 1, "factor"): Decimal("3.5"),
        ("fee", 1, "justification"): "tief zerstörter Zahn",
        ("lab", 0, "quantity"): Decimal("3"),
    }
    assert document.person.cooperating and document.source == GOLDEN / "crown_basic.xlsx"
    document.save(tmp_path / "fall")
    assert autosaves(tmp_path) == []


def test_a_running_programs_autosave_is_neither_offered_nor_removed(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    child, _benefit = edited_elsewhere(tmp_path)
    try:
        running = autosaves(tmp_path)
        recovery = recoverable()  # a second start beside it
        assert recovery.document is None and recovery.waiting == 0 and autosaves(tmp_path) == running
    finally:
        killed(child)
    assert recoverable().document is not None  # once it ended without saving, it is offered


def test_every_program_that_ended_unsaved_keeps_its_own_autosave(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    for factor in ("3,5", "3,0"):
        killed(edited_elsewhere(tmp_path, factor)[0])
    first = recoverable()
    assert first.document is not None and first.waiting == 1  # the latest first, the other one waits
    assert first.document.case.edits[("fee", 1, "factor")] == Decimal("3.0")
    first.document.discard_autosave()  # declined
    end_session()
    second = recoverable()
    assert second.document is not None and second.waiting == 0
    assert second.document.case.edits[("fee", 1, "factor")] == Decimal("3.5")


def window_saying(tmp_path: Path, qtbot: Any) -> tuple[MainWindow, list[str]]:
    """A window on the crown plan whose error messages are kept („title: text“), closed without a question."""
    window = MainWindow(
        CaseDocument(open_case(GOLDEN / "crown_basic.xlsx")), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.ask_on_close = lambda title, text: QMessageBox.StandardButton.Discard
    said: list[str] = []
    window.show_error = lambda title, text: said.append(f"{title}: {text}")
    return window, said


def test_an_autosave_that_fails_is_said_once_and_the_edits_go_on(tmp_path: Path, monkeypatch: Any, qtbot: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    window, said = window_saying(tmp_path, qtbot)

    def disk_full(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("ui.document.atomic_write_text", disk_full)
    for factor in ("3,0", "3,5"):
        assert window.document.edit_line(("fee", 1, "factor"), factor)
        window.document.autosave()
    assert len(said) == 1 and said[0].startswith("Automatische Sicherung nicht möglich: ")
    assert "kein Platz mehr auf dem Datenträger" in said[0] and "Bitte den Fall speichern (Strg+S)" in said[0]
    monkeypatch.undo()
    assert window.document.edit_line(("fee", 1, "factor"), "3,2")
    window.document.autosave()
    assert window.statusBar().currentMessage() == "Automatische Sicherung wieder möglich" and autosave_path().exists()


def test_declining_recovery_discards_the_autosave(tmp_path: Path, monkeypatch: Any, qtbot: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    document = CaseDocument(open_case(GOLDEN / "crown_basic.xlsx"))
    document.edit_person(accident=True)
    document.autosave()
    end_session()  # the program that made the edit ended
    window = MainWindow(
        CaseDocument(open_case(GOLDEN / "crown_basic.xlsx")), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    assert not offer_recovery(window, ask=lambda window, title, _when: False)
    assert autosaves(tmp_path) == [] and not window.document.person.accident


def test_a_damaged_autosave_is_set_aside_not_fatal(tmp_path: Path, monkeypatch: Any, qtbot: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    for text in ("{kaputt", '{"case": 1}'):  # two programs' damaged autosaves: neither takes the other's place
        autosave_path().write_text(text, encoding="utf-8")
        end_session()
    window = MainWindow(
        CaseDocument(open_case(GOLDEN / "crown_basic.xlsx")), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    said: list[str] = []
    window.show_error = lambda title, text: said.append(f"{title}: {text}")
    assert not offer_recovery(window, ask=lambda window, title, _when: True)
    aside = sorted((tmp_path / "autosave").glob("*.beschaedigt"))
    assert sorted(path.read_text(encoding="utf-8") for path in aside) == ['{"case": 1}', "{kaputt"]
    assert sorted(text.split("\n")[-1] for text in said) == [str(path) for path in aside]  # where each one lies
    assert all(text.startswith("Sicherung nicht lesbar: Eine automatische Sicherung") for text in said)


def test_a_failed_save_leaves_the_old_case_file_intact(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    document = CaseDocument(open_case(GOLDEN / "crown_basic.xlsx"))
    target = tmp_path / "fall.hkp.json"
    document.save(target)
    before = target.read_bytes()
    document.edit_person(accident=True)

    def broken_fsync(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        document.save(target)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".fall")] == []
    assert not document.is_saved


def test_a_workbook_whose_name_is_not_utf8_is_autosaved_and_recovered(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    source = Path(os.fsdecode(bytes(tmp_path) + b"/plan-\xff.xlsx"))  # a name from another system's encoding
    source.write_bytes((GOLDEN / "crown_basic.xlsx").read_bytes())
    document = CaseDocument(open_case(source), source=source)
    assert document.edit_line(("fee", 0, "factor"), "3,0")
    document.autosave()
    end_session()
    recovered = recoverable().document
    assert recovered is not None and recovered.source == source and recovered.case == document.case


def test_a_case_is_not_saved_under_a_name_too_long_nor_into_a_pipe(open_window: Any, tmp_path: Path) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    said: list[str] = []
    window.show_error = lambda title, text: said.append(f"{title}: {text}")
    assert window.document.edit_line(("fee", 1, "factor"), "3,0")
    assert not window.files.save_to(tmp_path / ("m" * 260))
    assert said[-1].startswith("Speichern fehlgeschlagen: ") and "Dateiname zu lang – nicht gespeichert" in said[-1]
    os.mkfifo(tmp_path / "rohr.hkp.json")
    assert not window.files.save_to(tmp_path / "rohr.hkp.json")  # written into, it would keep nothing
    assert "rohr.hkp.json: keine Datei, sondern ein Gerät oder eine Pipe" in said[-1]
    assert not window.document.is_saved and window.document.path is None


def test_a_letter_left_for_printing_by_a_killed_program_is_removed_at_the_next_start(tmp_path: Path, monkeypatch: Any) -> None:
    from ui.autosave import sweep_print_folders  # noqa: PLC0415
    from ui.printing import PrintFolder  # noqa: PLC0415

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    left = tmp_path / "hkp-druck-abc123"  # its program ended: nobody holds its lock
    left.mkdir()
    (left / "schaetzung.pdf").write_bytes(b"%PDF Erika Mustermann")
    printing = PrintFolder()  # this program's, being previewed
    printing.letter().write_bytes(b"%PDF")
    sweep_print_folders()
    assert not left.exists() and printing.letter().exists()
    printing.remove()
    assert not printing.path.exists()


def test_a_folder_that_takes_no_locks_is_said_once_never_hangs_and_keeps_no_lock_files(
    tmp_path: Path, monkeypatch: Any, qtbot: Any
) -> None:
    import fcntl  # noqa: PLC0415

    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    window, said = window_saying(tmp_path, qtbot)

    def no_locks(handle: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)  # a network share without locks
    for factor in ("3,0", "3,5"):
        assert window.document.edit_line(("fee", 1, "factor"), factor)
        window.document.autosave()
    window.files.save_to(tmp_path / "fall.hkp.json")  # saved: still no autosave, and not said again
    assert window.document.edit_line(("fee", 1, "factor"), "3,2")
    window.document.autosave()
    assert len(said) == 1 and "keine Sperre möglich" in said[0]
    assert list((tmp_path / "autosave").glob("*.lock")) == []

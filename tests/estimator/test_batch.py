"""`hkp batch` and `hkp estimate --xlsx`: figures equal the single estimates; a broken file is a row, not a stop."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from estimator.command.batch import Stopped, StopRequest, pdf_names, plan_files, run_batch
from estimator.command.cli import main
from estimator.io.excel import read_plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.conftest import GOLDEN, ROOT


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plaene"
    plans.mkdir()
    for path in GOLDEN.glob("*.xlsx"):
        shutil.copy(path, plans / path.name)
    (plans / "kaputt.xlsx").write_bytes(b"kein Excel")
    (plans / "notiz.txt").write_text("keine Arbeitsmappe", encoding="utf-8")
    return plans


def money(value: object) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_batch_summary_equals_the_single_estimates(folder: Path, tmp_path: Path) -> None:
    out, pdfs = tmp_path / "uebersicht.xlsx", tmp_path / "pdf"
    assert main(["batch", str(folder), "--out", str(out), "--pdf-dir", str(pdfs), "--jobs", "2"]) == 0
    sheet = openpyxl.load_workbook(out)["Übersicht"]
    header = [c.value for c in sheet[1]]
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {p.name for p in GOLDEN.glob("*.xlsx")} | {"kaputt.xlsx"}
    for path in GOLDEN.glob("*.xlsx"):
        single = estimate(read_plan(path), load_tariffs()).totals
        row = rows[path.name]
        assert (money(row["berechnet"]), money(row["erstattungsfähig"]), money(row["Erstattung"])) == (
            single.billed,
            single.eligible,
            single.benefit,
        )
        assert money(row["Eigenanteil"]) == single.patient_share
        assert (pdfs / f"{path.stem}.pdf").read_bytes().startswith(b"%PDF")
    assert "keine Arbeitsmappe (Excel" in rows["kaputt.xlsx"]["keine Schätzung, weil"]
    assert rows["implant_limit.xlsx"]["Warnungen"] == 1
    assert "Nr. 9010: −199,86\xa0€ (Implantatgrenze)" in rows["implant_limit.xlsx"]["größte Kürzungen"]  # with the cause
    assert "Nr. 2210: −43,41\xa0€ (Erstattungssatz)" in rows["crown_basic.xlsx"]["größte Kürzungen"]  # no refusal
    assert sheet.auto_filter.ref == f"A1:X{len(rows) + 1}" and sheet.freeze_panes == "A2"
    capped = rows["staged_cap_year1.xlsx"]
    assert (money(capped["Zahnstaffel"]), money(capped["Erstattungssatz"]), capped["Selbstbehalt"]) == (
        Decimal("292.04"),
        Decimal("322.96"),
        None,
    )
    assert sheet["E2"].number_format == '#,##0.00" €"' and sheet["D2"].number_format == "DD.MM.YYYY"
    findings = openpyxl.load_workbook(out)["Hinweise"]
    assert any(row[2] == "implant.limit" and row[0] == "implant_limit.xlsx" for row in findings.iter_rows(values_only=True))


def test_batch_in_one_process_gives_the_same_rows_as_in_two(folder: Path) -> None:
    files = plan_files([folder])
    assert [f.name for f in files] == sorted(p.name for p in folder.glob("*.xlsx"))
    assert list(run_batch(files, None, 1, progress=None)) == list(run_batch(files, None, 2, progress=None))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_stop_asked_for_by_a_signal_ends_the_batch_at_its_next_wait_with_the_signals_exit_code(folder: Path, jobs: int) -> None:
    # the signal's handler only notes it (an exception raised inside a lock's wait could leave the lock broken)
    stop = StopRequest()
    rows = run_batch(plan_files([folder]), None, jobs, progress=None, check=stop.check)
    next(rows)
    stop.request(signal.SIGINT, None)
    with pytest.raises(Stopped) as stopped:
        next(rows)
    assert stopped.value.code == 130
    stop.request(signal.SIGTERM, None)
    with pytest.raises(Stopped, match="143"):
        stop.check()


def test_batch_without_workbooks_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "u.xlsx")]) == 2
    assert "keine Arbeitsmappe" in capsys.readouterr().err


def test_estimate_as_workbook_holds_every_line_with_its_reasons(tmp_path: Path) -> None:
    out = tmp_path / "schaetzung.xlsx"
    path = GOLDEN / "implant_limit.xlsx"
    assert main(["estimate", str(path), "--xlsx", str(out)]) == 0
    result = estimate(read_plan(path), load_tariffs())
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Übersicht", "Zeilen", "Hinweise"]
    lines = list(workbook["Zeilen"].iter_rows(min_row=2, values_only=True))
    assert len(lines) == len(result.lines)
    header = [cell.value for cell in workbook["Zeilen"][1]]
    benefit, number = header.index("Erstattung"), header.index("Nr")
    assert sum(money(row[benefit]) for row in lines) == result.totals.benefit
    excluded = dict(zip(header, next(row for row in lines if row[number] == "9010" and row[benefit] == 0), strict=True))
    assert "Nr. II.3.1" in excluded["Gründe"] and "Grenze von 8 Implantaten" in excluded["Gründe"]
    assert money(excluded["Implantatgrenze"]) == Decimal("199.86") and excluded["Erstattungssatz"] is None
    overview = dict(workbook["Übersicht"].iter_rows(min_row=2, values_only=True))
    assert money(overview["voraussichtliche Erstattung"]) == result.totals.benefit
    assert money(overview["davon Implantatgrenze"]) == Decimal("671.17")
    assert overview["Eigenanteil nach Ursachen"] == "davon Implantatgrenze 671,17\u00a0€, Erstattungssatz 158,98\u00a0€"
    assert [row[2] for row in workbook["Hinweise"].iter_rows(min_row=2, values_only=True)] == [f.code for f in result.findings]


def test_a_summary_written_into_the_folder_of_plans_is_not_read_as_a_plan_next_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("crown_basic", "implant_limit"):
        shutil.copy(GOLDEN / f"{name}.xlsx", tmp_path / f"{name}.xlsx")
    out = tmp_path / "uebersicht.xlsx"
    for _ in range(2):
        assert main(["batch", str(tmp_path), "--out", str(out), "--jobs", "1"]) == 0
        assert "(2 Pläne, davon 0 nicht lesbar)" in capsys.readouterr().out
    assert main(["batch", str(out), str(tmp_path / "crown_basic.xlsx"), "--out", str(out)]) == 2  # named: never replaced


def test_the_programs_own_workbooks_in_the_folder_are_said_and_not_counted_as_plans_that_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(GOLDEN / "crown_basic.xlsx", tmp_path / "plan.xlsx")
    assert main(["estimate", str(tmp_path / "plan.xlsx"), "--xlsx", str(tmp_path / "plan-ergebnis.xlsx")]) == 0
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "alt.xlsx"), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "u.xlsx"), "--jobs", "1"]) == 0
    said = capsys.readouterr().out
    assert (
        "(1 Plan, davon 0 nicht lesbar; 2 Arbeitsmappen dieses Programms (Schätzung, Übersicht) nicht als Plan gezählt)" in said
    )
    rows = list(openpyxl.load_workbook(tmp_path / "u.xlsx", read_only=True)["Übersicht"].iter_rows(values_only=True))
    reasons = {row[0]: row[21] for row in rows[1:]}
    assert not reasons["plan.xlsx"]
    for name in ("alt.xlsx", "plan-ergebnis.xlsx"):  # each row says what the file is
        assert f"{name}: eine Arbeitsmappe, die dieses Programm geschrieben hat" in reasons[name]


def test_a_pipe_a_device_and_a_link_to_itself_are_rows_of_their_own_not_a_hang_or_a_stop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(GOLDEN / "crown_basic.xlsx", tmp_path / "crown_basic.xlsx")
    os.mkfifo(tmp_path / "pipe.xlsx")  # opening it would wait for a writer for ever
    (tmp_path / "loop.xlsx").symlink_to("loop.xlsx")
    (tmp_path / "zero.xlsx").symlink_to("/dev/zero")  # read, it never ends

    def waited(*_: object) -> None:
        raise TimeoutError("a read that did not end")

    previous = signal.signal(signal.SIGALRM, waited)
    signal.alarm(60)  # a pipe opened would wait for ever: the test fails instead of hanging
    try:
        for name in ("pipe.xlsx", "loop.xlsx", "zero.xlsx"):
            assert main(["estimate", str(tmp_path / name)]) == 2
            assert f"{name}: " in capsys.readouterr().err
        out = tmp_path / "uebersicht.xlsx"
        assert main(["batch", str(tmp_path), "--out", str(out), "--jobs", "1"]) == 0
        assert "(4 Pläne, davon 3 nicht lesbar)" in capsys.readouterr().out
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_case_saved_beside_its_plan_gets_a_letter_named_so() -> None:
    files = [Path("a/x.hkp.json"), Path("a/x.xlsx"), Path("b/x.xlsx"), Path("a/y.hkp.json")]
    assert pdf_names(files) == ["x-fall.pdf", "x.pdf", "x-2.pdf", "y.pdf"]  # a case alone keeps its name


def test_a_summary_never_replaces_a_plan_of_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("crown_basic", "implant_limit"):
        shutil.copy(GOLDEN / f"{name}.xlsx", tmp_path / f"{name}.xlsx")
    plan = tmp_path / "implant_limit.xlsx"
    before = plan.read_bytes()
    assert main(["batch", str(tmp_path), "--out", str(plan), "--jobs", "1"]) == 2
    assert "keine Übersicht von „hkp batch“" in capsys.readouterr().err and plan.read_bytes() == before
    (tmp_path / "notiz.xlsx").write_bytes(b"kein Workbook")
    assert main(["batch", str(GOLDEN / "crown_basic.xlsx"), "--out", str(tmp_path / "notiz.xlsx")]) == 2


def test_a_folder_whose_plans_lie_in_subfolders_is_told_to_name_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "maerz").mkdir()
    shutil.copy(GOLDEN / "crown_basic.xlsx", tmp_path / "maerz" / "plan.xlsx")
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "u.xlsx")]) == 2
    assert (
        "Unterordner werden nicht durchsucht: 1 Plan in maerz – bitte den Unterordner selbst angeben" in capsys.readouterr().err
    )
    assert main(["batch", str(tmp_path / "maerz"), "--out", str(tmp_path / "u.xlsx"), "--jobs", "1"]) == 0
    shutil.copy(GOLDEN / "crown_basic.xlsx", tmp_path / "oben.xlsx")  # plans beside the subfolder: still said
    capsys.readouterr()
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "u.xlsx"), "--jobs", "1"]) == 0
    said = capsys.readouterr()
    assert (
        "(1 Plan, davon 0 nicht lesbar)" in said.out
        and "Unterordner werden nicht durchsucht: 1 Plan in maerz – bitte den Unterordner selbst angeben" in said.err
    )


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_a_batch_stopped_leaves_no_worker_behind(tmp_path: Path, stop: signal.Signals) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for number in range(400):
        shutil.copy(ROOT / "resources" / "examples" / "beispielplan.xlsx", plans / f"plan{number}.xlsx")
    command = [sys.executable, "-m", "estimator.command.cli", "batch", str(plans), "--out", str(tmp_path / "u.xlsx")]
    child = subprocess.Popen([*command, "--pdf-dir", str(tmp_path / "pdf"), "--jobs", "2"], stderr=subprocess.PIPE, cwd=ROOT)
    said = b""
    assert child.stderr is not None
    while not re.search(rb"\] [1-9][0-9]/400", said):  # some plans done: the workers are at work
        said += os.read(child.stderr.fileno(), 4096)
    workers = Path(f"/proc/{child.pid}/task/{child.pid}/children").read_text().split()
    assert len(workers) == 2
    child.send_signal(stop)
    code = child.wait(timeout=60)
    said += child.stderr.read()
    child.stderr.close()
    assert code == {signal.SIGTERM: 143, signal.SIGINT: 130, signal.SIGKILL: -9}[stop]
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    assert b"Traceback" not in said and not (tmp_path / "u.xlsx").exists()
    if stop is not signal.SIGKILL:
        assert "keine Übersicht geschrieben; die schon geschriebenen PDFs bleiben in" in said.decode()


def test_two_plans_of_one_name_in_two_folders_are_named_by_their_folders(tmp_path: Path) -> None:
    for practice in ("praxis-a", "praxis-b"):
        (tmp_path / practice).mkdir()
        shutil.copy(GOLDEN / "crown_basic.xlsx", tmp_path / practice / "plan.xlsx")
    out = tmp_path / "uebersicht.xlsx"
    pdfs = tmp_path / "pdf"
    assert main(["batch", str(tmp_path / "praxis-a"), str(tmp_path / "praxis-b"), "--out", str(out), "--pdf-dir", str(pdfs)]) == 0
    rows = list(openpyxl.load_workbook(out)["Übersicht"].iter_rows(min_row=2, max_col=1, values_only=True))
    assert rows == [("praxis-a/plan.xlsx",), ("praxis-b/plan.xlsx",)]
    assert sorted(path.name for path in pdfs.iterdir()) == ["plan-2.pdf", "plan.pdf"]


def test_files_in_the_folder_that_are_no_plan_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a practice's CSV export or an old .xls in the folder must not vanish without a word
    shutil.copy(GOLDEN / "crown_basic.xlsx", tmp_path / "plan.xlsx")
    for name in ("notiz.txt", "export.csv", "alt.xls", "~$plan.xlsx", ".versteckt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "u.xlsx"), "--jobs", "1"]) == 0
    said = capsys.readouterr()
    assert "(1 Plan, davon 0 nicht lesbar)" in said.out
    assert said.err.endswith("eine .xls bitte als .xlsx speichern): alt.xls, export.csv, notiz.txt\n"), said.err


def test_a_plan_none_of_whose_lines_can_be_computed_gets_no_letter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    (tmp_path / "in").mkdir()
    write_workbook(
        tmp_path / "in" / "ohne.xlsx",
        [[None, "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]],
        patient={"Planungsdatum": None},
    )
    out, pdfs = tmp_path / "u.xlsx", tmp_path / "pdf"
    assert main(["batch", str(tmp_path / "in"), "--out", str(out), "--pdf-dir", str(pdfs), "--jobs", "1"]) == 0
    assert "(1 Plan, davon 0 nicht lesbar, 1 ohne Schätzung)" in capsys.readouterr().out
    assert not list(pdfs.iterdir())
    from openpyxl import load_workbook  # noqa: PLC0415

    rows = [[str(v) for v in row if v is not None] for row in load_workbook(out)["Übersicht"].iter_rows(values_only=True)]
    assert any("keine Zeile des Plans ist zu berechnen (1 ausgelassen" in " ".join(row) for row in rows)


def summary_rows(path: Path) -> dict[str, dict[str, object]]:
    sheet = openpyxl.load_workbook(path)["Übersicht"]
    header, *rows = sheet.iter_rows(values_only=True)
    return {str(row[0]): dict(zip(map(str, header), row, strict=True)) for row in rows}


def test_a_letter_of_an_earlier_run_is_set_aside_when_its_plan_now_gives_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the letter of last week's run must not lie beside the plan as if it were this run's: renamed, never deleted
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    (tmp_path / "in").mkdir()
    plan, out, pdfs = tmp_path / "in" / "krone.xlsx", tmp_path / "u.xlsx", tmp_path / "pdf"
    crown = ["20.01.2026", "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]
    write_workbook(plan, [crown])
    batch = ["batch", str(tmp_path / "in"), "--out", str(out), "--pdf-dir", str(pdfs), "--jobs", "1"]
    assert main(batch) == 0
    earlier = (pdfs / "krone.pdf").read_bytes()
    write_workbook(plan, [[None, *crown[1:]]], patient={"Planungsdatum": None})  # now no line can be computed
    capsys.readouterr()
    assert main(batch) == 0
    said = capsys.readouterr()
    assert sorted(p.name for p in pdfs.iterdir()) == ["veraltet"]
    assert (pdfs / "veraltet" / "krone.pdf").read_bytes() == earlier
    assert summary_rows(out)["krone.xlsx"]["PDF"] == "der Brief eines früheren Laufs liegt jetzt in veraltet/krone.pdf"
    assert "1 Brief(e) früherer Läufe in den Ordner „veraltet“ verschoben" in said.err
    write_workbook(plan, [crown])  # mended: a new letter, the one set aside stays
    assert main(batch) == 0
    assert sorted(p.name for p in pdfs.iterdir()) == ["krone.pdf", "veraltet"]
    write_workbook(plan, [[None, *crown[1:]]], patient={"Planungsdatum": None})  # broken again: a second one set aside
    assert main(batch) == 0
    assert sorted(p.name for p in (pdfs / "veraltet").iterdir()) == ["krone-2.pdf", "krone.pdf"]
    assert (pdfs / "veraltet" / "krone.pdf").read_bytes() == earlier  # the first kept as it was


def test_a_file_of_the_users_by_a_letters_name_is_not_overwritten(tmp_path: Path) -> None:
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    (tmp_path / "in").mkdir()
    write_workbook(
        tmp_path / "in" / "mueller.xlsx", [["20.01.2026", "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]]
    )
    scan = tmp_path / "in" / "mueller.pdf"  # the practice's scan of the plan, in the folder the letters go to
    scan.write_bytes(b"%PDF-1.4 the scan")
    out = tmp_path / "u.xlsx"
    assert main(["batch", str(tmp_path / "in"), "--out", str(out), "--pdf-dir", str(tmp_path / "in"), "--jobs", "1"]) == 0
    assert scan.read_bytes() == b"%PDF-1.4 the scan"
    row = summary_rows(out)["mueller.xlsx"]
    assert row["PDF"] == "nicht geschrieben: mueller.pdf gibt es schon und ist kein Brief dieses Programms"
    assert row["Erstattung"] == pytest.approx(173.65) and not row["keine Schätzung, weil"]


def letter_text(path: Path) -> str:
    from pypdf import PdfReader  # noqa: PLC0415

    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_letter_for_another_person_of_the_same_name_is_set_aside_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # last week's plan.xlsx and this week's are two patients: one PDF folder must keep both letters
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    crown = ["20.01.2026", "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]
    for week, name in (("woche1", "Hans Müller"), ("woche2", "Carla Schmidt")):
        (tmp_path / week).mkdir()
        write_workbook(tmp_path / week / "plan.xlsx", [crown], patient={"Name": name})
    pdfs, out = tmp_path / "briefe", tmp_path / "u.xlsx"

    def run(week: str) -> None:
        assert main(["batch", str(tmp_path / week), "--out", str(out), "--pdf-dir", str(pdfs), "--jobs", "1"]) == 0

    run("woche1")
    run("woche1")  # the same plan again: its letter is written anew, nothing set aside
    assert sorted(p.name for p in pdfs.iterdir()) == ["plan.pdf"]
    first = (pdfs / "plan.pdf").read_bytes()
    capsys.readouterr()
    run("woche2")
    assert "Carla Schmidt" in letter_text(pdfs / "plan.pdf")
    assert (pdfs / "veraltet" / "plan.pdf").read_bytes() == first
    assert "Hans Müller" in letter_text(pdfs / "veraltet" / "plan.pdf")
    said = summary_rows(out)["plan.xlsx"]["PDF"]
    assert said == "plan.pdf (der Brief für eine andere Person unter diesem Namen liegt jetzt in veraltet/plan.pdf)"
    assert "1 Brief(e) früherer Läufe in den Ordner „veraltet“ verschoben" in capsys.readouterr().err


def test_a_pdf_folder_that_is_a_file_is_said_in_german(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "briefe.xlsx"
    taken.write_bytes(b"eine Datei")
    assert main(["batch", str(GOLDEN / "crown_basic.xlsx"), "--out", str(tmp_path / "u.xlsx"), "--pdf-dir", str(taken)]) == 2
    assert "briefe.xlsx: gibt es schon, und es ist kein Ordner" in capsys.readouterr().err
    assert taken.read_bytes() == b"eine Datei"


def test_a_plan_without_a_tariff_gets_its_figures_and_no_letter(tmp_path: Path) -> None:
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    (tmp_path / "in").mkdir()
    crown = ["20.01.2026", "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]
    write_workbook(tmp_path / "in" / "ohne.xlsx", [crown], patient={"Tarif": None})
    write_workbook(tmp_path / "in" / "mit.xlsx", [crown])
    out, pdfs = tmp_path / "u.xlsx", tmp_path / "pdf"
    assert main(["batch", str(tmp_path / "in"), "--out", str(out), "--pdf-dir", str(pdfs), "--jobs", "1"]) == 0
    assert sorted(p.name for p in pdfs.iterdir()) == ["mit.pdf"]
    row = summary_rows(out)["ohne.xlsx"]
    assert str(row["PDF"]).startswith("kein Brief: kein Tarif angegeben, gerechnet mit BM5/0")
    assert row["Erstattung"] == pytest.approx(173.65) and row["Tarif"] == "BM5/0" and not row["keine Schätzung, weil"]
    assert summary_rows(out)["mit.xlsx"]["Erstattung"] == pytest.approx(173.65)
    # the plan that had a letter gets none now (its birth date after the crown): the earlier letter is moved aside
    write_workbook(tmp_path / "in" / "mit.xlsx", [crown], patient={"Geburtsdatum": "15.06.2026"})
    assert main(["batch", str(tmp_path / "in"), "--out", str(out), "--pdf-dir", str(pdfs), "--jobs", "1"]) == 0
    assert not (pdfs / "mit.pdf").exists() and (pdfs / "veraltet" / "mit.pdf").exists()
    said = str(summary_rows(out)["mit.xlsx"]["PDF"])
    assert said.startswith("kein Brief: Geburtsdatum 15.06.2026") and said.endswith("liegt jetzt in veraltet/mit.pdf")


def test_a_letter_is_looked_at_and_written_in_one_step_against_another_run(tmp_path: Path) -> None:
    # two batches into one PDF folder: the one that waits sees the other's letter and sets it aside, never over it
    import threading  # noqa: PLC0415

    from estimator.command.batch import _place_letter  # noqa: PLC0415
    from estimator.command.overwrite import letter_key, letters_locked  # noqa: PLC0415
    from estimator.output.pdf import build_pdf  # noqa: PLC0415
    from tests.estimator.builders import fee, run  # noqa: PLC0415

    def letter(name: str) -> tuple[bytes, str]:
        result = run(fee("2210", "16"), name=name)
        key = letter_key(result.plan.person, None)
        return build_pdf(result, load_tariffs(), result.plan.plan_date, for_plan=key), key

    (first, first_key), (second, second_key) = letter("Hans Müller"), letter("Carla Schmidt")
    pdf = tmp_path / "plan.pdf"
    said: list[tuple[str, str]] = []
    with letters_locked(tmp_path):  # the other run, between its look and its write
        waiting = threading.Thread(target=lambda: said.append(_place_letter(pdf, second, second_key)))
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive()  # it waits for the folder
        pdf.write_bytes(first)
    waiting.join()
    assert pdf.read_bytes() == second and (tmp_path / "veraltet" / "plan.pdf").read_bytes() == first
    assert said == [
        ("plan.pdf (der Brief für eine andere Person unter diesem Namen liegt jetzt in veraltet/plan.pdf)", "veraltet/plan.pdf")
    ]
    assert first_key != second_key


def test_a_summary_named_as_a_pipe_is_refused_not_waited_on(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "uebersicht.xlsx"
    os.mkfifo(pipe)  # nobody reads it: opening it to look inside would wait for ever
    assert main(["batch", str(folder), "--out", str(pipe)]) == 2
    assert "keine gewöhnliche Datei (ein Ordner, eine Pipe oder ein Gerät)" in capsys.readouterr().err


def test_a_plan_whose_reading_ends_its_worker_is_a_row_with_the_reason_and_the_others_are_estimated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a reader's native code can end the process on a damaged file (python-calamine's allocator did, for a
    # sharedStrings count of 4.294.967.295): the pool broke, and the batch ended with a traceback and no summary
    from estimator.command import batch  # noqa: PLC0415

    files = []
    for name in ("a.xlsx", "kaputt.xlsx", "b.xlsx", "c.xlsx"):
        shutil.copyfile(GOLDEN / "crown_basic.xlsx", tmp_path / name)
        files.append(tmp_path / name)
    estimate_file = batch.estimate_file

    def dies_on_the_damaged_one(path: Path, *rest: object) -> object:
        if path.name == "kaputt.xlsx":
            os.abort()  # as a worker whose reader ends the process
        return estimate_file(path, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "estimate_file", dies_on_the_damaged_one)  # the workers are forked with it
    rows = list(run_batch(files, None, 2, progress=None))
    assert [row.file for row in rows] == ["a.xlsx", "kaputt.xlsx", "b.xlsx", "c.xlsx"]
    assert [bool(row.error) for row in rows] == [False, True, False, False]
    assert "beendete den Prozess" in rows[1].error and rows[0].benefit == rows[2].benefit == rows[3].benefit > 0


def test_a_folder_named_twice_by_other_paths_gives_each_plan_once(tmp_path: Path) -> None:
    # the folder, a link to it and „sub/..“: 9 files gave 27 rows and „27 Pläne“
    folder = tmp_path / "plaene"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.xlsx", "b.xlsx"):
        shutil.copyfile(GOLDEN / "crown_basic.xlsx", folder / name)
    (tmp_path / "verweis").symlink_to(folder)
    files = plan_files([folder, tmp_path / "verweis", folder / "sub" / ".."])
    assert [path.name for path in files] == ["a.xlsx", "b.xlsx"] and files[0].parent == folder


def test_a_letter_that_cannot_be_written_keeps_the_plans_figures_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno  # noqa: PLC0415

    from estimator.command import batch  # noqa: PLC0415

    def refused(pdf: Path, _data: bytes, _key: str) -> tuple[str, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(pdf))

    monkeypatch.setattr(batch, "_place_letter", refused)
    row = batch.estimate_file(GOLDEN / "crown_basic.xlsx", tmp_path / "crown_basic.pdf")
    assert not row.error and row.benefit == estimate(read_plan(GOLDEN / "crown_basic.xlsx"), load_tariffs()).totals.benefit
    assert row.pdf == "nicht geschrieben: crown_basic.pdf (keine Berechtigung)"


def test_a_letter_whose_name_leaves_no_room_for_a_temporary_file_is_written(tmp_path: Path) -> None:
    from estimator.files import atomic_write_bytes  # noqa: PLC0415

    long = tmp_path / ("a" * 250 + ".pdf")  # 254 bytes: the longest a name may be is 255
    atomic_write_bytes(long, b"%PDF")
    assert long.read_bytes() == b"%PDF" and [p.name for p in tmp_path.iterdir()] == [long.name]


def test_a_new_letter_that_cannot_be_written_moves_the_earlier_runs_letter_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno  # noqa: PLC0415

    from estimator.command import batch  # noqa: PLC0415

    pdf = tmp_path / "crown_basic.pdf"
    assert not batch.estimate_file(GOLDEN / "crown_basic.xlsx", pdf).error and pdf.exists()  # an earlier run's letter

    def full(pdf: Path, _data: bytes, _key: str) -> tuple[str, str]:
        raise OSError(errno.ENOSPC, "No space left on device", str(pdf))

    monkeypatch.setattr(batch, "_place_letter", full)
    row = batch.estimate_file(GOLDEN / "crown_basic.xlsx", pdf)
    assert row.pdf.startswith("nicht geschrieben: crown_basic.pdf (kein Platz mehr auf dem Datenträger); der Brief")
    assert not pdf.exists() and (tmp_path / "veraltet" / "crown_basic.pdf").exists()  # not sent by mistake

"""Never overwrite without asking, exits that say why, and outputs readable by their owner only."""

from __future__ import annotations

import dataclasses
import os
import shutil
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import estimator.command.batch
import estimator.command.cli
from estimator.case import Case
from estimator.command.cli import main
from estimator.io.casefile import save_case
from estimator.io.excel import read_plan
from tests.conftest import GOLDEN

CROWN = GOLDEN / "crown_basic.xlsx"


def test_template_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "vorlage.xlsx"
    target.write_bytes(b"meine Datei")
    assert main(["template", str(target)]) == 2
    assert "--force" in capsys.readouterr().err and target.read_bytes() == b"meine Datei"
    assert main(["template", str(target), "--force"]) == 0
    assert target.read_bytes().startswith(b"PK")


def test_estimate_outputs_replace_only_earlier_outputs_of_the_program(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other_plan, note = tmp_path / "schmidt.xlsx", tmp_path / "notiz.json"
    shutil.copy(GOLDEN / "implant_limit.xlsx", other_plan)  # another patient's plan, named by a slip
    note.write_text('{"Notiz": "Rückruf Montag"}', encoding="utf-8")
    kept = {path: path.read_bytes() for path in (other_plan, note)}
    assert main(["estimate", str(CROWN), "--xlsx", str(other_plan), "--json", str(note)]) == 2
    err = capsys.readouterr().err
    assert "schmidt.xlsx gibt es schon und ist keine Arbeitsmappe einer Schätzung" in err
    assert "notiz.json gibt es schon und ist keine Schätzung dieses Programms als JSON" in err and "--force" in err
    assert {path: path.read_bytes() for path in kept} == kept
    earlier = {"xlsx": tmp_path / "s.xlsx", "json": tmp_path / "s.json"}
    arguments = ["estimate", str(CROWN), "--xlsx", str(earlier["xlsx"]), "--json", str(earlier["json"])]
    assert main(arguments) == 0
    first = earlier["json"].read_text(encoding="utf-8")
    assert main([*arguments, "--cooperating"]) == 0  # the program's own outputs: written anew
    assert earlier["json"].read_text(encoding="utf-8") != first
    assert openpyxl.load_workbook(earlier["xlsx"]).sheetnames == ["Übersicht", "Zeilen", "Hinweise"]
    assert main(["estimate", str(CROWN), "--xlsx", str(other_plan), "--force"]) == 0
    assert openpyxl.load_workbook(other_plan).sheetnames == ["Übersicht", "Zeilen", "Hinweise"]


def test_one_name_for_two_outputs_is_refused_even_with_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "schaetzung"
    assert main(["estimate", str(CROWN), "--json", str(out), "--pdf", str(tmp_path / "." / "schaetzung"), "--force"]) == 2
    assert "zweimal als Ausgabe angegeben" in capsys.readouterr().err and not out.exists()


def test_a_link_to_itself_as_output_is_said_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "ring.json"
    loop.symlink_to(loop)
    assert main(["estimate", str(CROWN), "--json", str(loop)]) == 2
    err = capsys.readouterr().err
    assert "ring.json: ein Verweis, der auf sich selbst zeigt" in err and "Traceback" not in err


def test_batch_pdfs_of_equal_names_from_two_folders_do_not_overwrite_each_other(tmp_path: Path) -> None:
    for folder, example in (("a", "crown_basic.xlsx"), ("b", "implant_limit.xlsx")):
        (tmp_path / folder).mkdir()
        shutil.copy(GOLDEN / example, tmp_path / folder / "plan.xlsx")
    pdfs, out = tmp_path / "pdf", tmp_path / "u.xlsx"
    assert (
        main(["batch", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out), "--pdf-dir", str(pdfs), "--jobs", "1"]) == 0
    )
    assert sorted(p.name for p in pdfs.iterdir()) == ["plan-2.pdf", "plan.pdf"]
    sheet = openpyxl.load_workbook(out)["Übersicht"]
    header = [c.value for c in sheet[1]]
    assert [row[header.index("PDF")] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["plan.pdf", "plan-2.pdf"]


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["batch", "{tmp}/gibt-es-nicht", "--out", "{tmp}/u.xlsx"], "nicht gefunden"),
        (["batch", "{tmp}/leer", "--out", "{tmp}/u.xlsx"], "keine Arbeitsmappe"),
        (["batch", str(CROWN), "--out", "{tmp}/u.xlsx", "--jobs", "0"], "mindestens 1"),
    ],
)
def test_batch_without_plans_or_with_bad_options_exits_2(
    arguments: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "leer").mkdir()
    assert main([a.replace("{tmp}", str(tmp_path)) for a in arguments]) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1


def test_jobs_are_capped_at_the_number_of_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []

    def run_batch(files: Any, pdf_dir: Any, jobs: int, **_options: Any) -> list[Any]:
        asked.append(jobs)
        return []

    monkeypatch.setattr(estimator.command.batch, "run_batch", run_batch)
    assert main(["batch", str(CROWN), "--out", str(tmp_path / "u.xlsx"), "--jobs", "64"]) == 0
    assert asked == [os.cpu_count() or 1]


def test_every_output_is_owner_only_and_stays_so(tmp_path: Path) -> None:
    outputs = {name: tmp_path / name for name in ("s.pdf", "s.json", "s.xlsx")}
    for path in outputs.values():
        path.write_bytes(b"alt")
        path.chmod(0o644)
    assert (
        main(
            [
                "estimate",
                str(CROWN),
                "--pdf",
                str(outputs["s.pdf"]),
                "--json",
                str(outputs["s.json"]),
                "--xlsx",
                str(outputs["s.xlsx"]),
                "--force",  # „alt“ is no letter of the program: replaced only when asked
            ]
        )
        == 0
    )
    assert main(["template", str(tmp_path / "v.xlsx")]) == 0
    assert (
        main(["batch", str(CROWN), "--out", str(tmp_path / "u.xlsx"), "--pdf-dir", str(tmp_path / "neu" / "pdf"), "--jobs", "1"])
        == 0
    )
    written = [*outputs.values(), tmp_path / "v.xlsx", tmp_path / "u.xlsx", tmp_path / "neu" / "pdf" / "crown_basic.pdf"]
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in written} == {path.name: 0o600 for path in written}
    assert stat.S_IMODE((tmp_path / "neu" / "pdf").stat().st_mode) == 0o700


def test_a_failed_write_names_the_file_asked_for_not_a_temporary_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "datei").write_text("keine Ordner", encoding="utf-8")
    for target in (tmp_path / "datei" / "s.json", tmp_path / "fehlt" / "s.json"):
        code = main(["estimate", str(CROWN), "--json", str(target)])
        err = capsys.readouterr().err
        assert code == 2 and str(target) in err and ".tmp" not in err, err


def test_library_warnings_never_reach_the_terminal(tmp_path: Path) -> None:
    """openpyxl warns about a data validation extension that Excel writes; the user sees an estimate only."""
    source = zipfile.ZipFile(CROWN)
    target = tmp_path / "excel.xlsx"
    extension = (
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
        'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0"/></ext></extLst>'
    )
    with zipfile.ZipFile(target, "w") as out:
        for item in source.namelist():
            data = source.read(item)
            if item.startswith("xl/worksheets/sheet"):
                data = data.replace(b"</worksheet>", extension.encode() + b"</worksheet>")
            out.writestr(item, data)
    run = subprocess.run(
        [sys.executable, "-W", "default", "-m", "estimator.command.cli", "estimate", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert "323,01" in run.stdout


def test_an_output_never_replaces_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.xlsx"
    shutil.copy(CROWN, plan)
    before = plan.read_bytes()
    assert main(["estimate", str(plan), "--xlsx", str(plan)]) == 2
    assert main(["batch", str(tmp_path), "--out", str(plan)]) == 2
    assert "Eingabedatei" in capsys.readouterr().err and plan.read_bytes() == before


def test_escape_sequences_in_a_plan_never_reach_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = read_plan(CROWN)
    person = dataclasses.replace(plan.person, name="Erika\x1b]0;gekapert\x07\x1b[2J")
    save_case(Case.from_plan(dataclasses.replace(plan, person=person)), tmp_path / "f.hkp.json")
    assert main(["estimate", str(tmp_path / "f.hkp.json")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "Erika]0;gekapert[2J" in out  # the name keeps no control character


def test_a_pipe_or_a_device_is_written_to_and_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "rohr"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    assert main(["estimate", str(CROWN), "--json", str(pipe)]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(pipe.stat().st_mode) and b'"schema": "hkp-estimate/2"' in received[0]
    link = tmp_path / "verweis.json"
    link.symlink_to(tmp_path / "ziel.json")
    assert main(["estimate", str(CROWN), "--json", str(link)]) == 0
    assert link.is_symlink() and b"hkp-estimate/2" in (tmp_path / "ziel.json").read_bytes()


def test_a_file_too_large_is_said_in_german_and_new_parents_are_owner_only(tmp_path: Path) -> None:
    import errno  # noqa: PLC0415

    from estimator.files import file_problem, owner_only_folder  # noqa: PLC0415

    error = OSError(errno.EFBIG, "File too large", str(tmp_path / "fall.hkp.json"))
    assert file_problem(error).endswith("fall.hkp.json: Datei zu groß für den Datenträger oder die erlaubte Dateigröße")
    before = os.umask(0)
    try:
        owner_only_folder(tmp_path / "a" / "b")
    finally:
        os.umask(before)
    assert [stat.S_IMODE(os.stat(tmp_path / p).st_mode) for p in ("a", "a/b")] == [0o700, 0o700]


def test_a_write_killed_before_its_rename_leaves_nothing_beside_the_file_after_the_next_write(tmp_path: Path) -> None:
    from estimator.files import STALE_SECONDS, atomic_write_text  # noqa: PLC0415

    target = tmp_path / "brief.json"
    left = tmp_path / ".brief.json.hkp-k3j_9xq2.tmp"  # what a write killed before its rename left
    left.write_text("Patientendaten")
    old = os.stat(left).st_mtime - STALE_SECONDS - 60
    os.utime(left, (old, old))
    running = tmp_path / ".brief.json.hkp-ab12cd34.tmp"  # another program's write going on now
    running.write_text("x")
    others = [  # not a temporary file of this file's writes: the user's own
        tmp_path / ".brief.json.original.tmp",
        tmp_path / ".brief.json.k3j_9xq2.tmp",
        tmp_path / ".anderer.json.hkp-k3j_9xq2.tmp",
        tmp_path / "brief.json.tmp",
    ]
    for other in others:
        other.write_text("x")
        os.utime(other, (old, old))
    atomic_write_text(target, "{}")
    assert target.read_text() == "{}"
    assert not left.exists() and running.exists() and all(other.exists() for other in others)


def test_a_temporary_file_left_by_a_write_to_a_long_name_is_removed_by_the_next_write(tmp_path: Path) -> None:
    import os  # noqa: PLC0415
    import time  # noqa: PLC0415

    from estimator.files import atomic_write_bytes  # noqa: PLC0415

    long = tmp_path / ("b" * 240 + ".pdf")
    left = tmp_path / "..hkp-abcd1234.tmp"  # what a killed write to it left, an hour ago and more
    left.write_bytes(b"Erika Mustermann")
    os.utime(left, (time.time() - 7200, time.time() - 7200))
    atomic_write_bytes(long, b"%PDF")
    assert not left.exists() and long.read_bytes() == b"%PDF"


def test_a_file_problem_the_program_has_no_words_for_is_said_as_the_systems_error_name() -> None:
    import errno  # noqa: PLC0415

    from estimator.files import reason  # noqa: PLC0415

    assert reason(OSError(errno.ESTALE, "Stale file handle")) == "die Datei auf dem Netzlaufwerk ist nicht mehr erreichbar"
    assert reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "Systemfehler EXDEV"

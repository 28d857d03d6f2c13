"""The hkp command end to end: exit codes, JSON schema, options that override the workbook."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from estimator.command.cli import main
from estimator.io.excel import read_plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text
from tests.conftest import GOLDEN
from tests.estimator.workbooks import write_workbook

CROWN = GOLDEN / "crown_basic.xlsx"


def run_json(tmp_path: Path, *args: str) -> dict:  # type: ignore[type-arg]
    out = tmp_path / "out.json"
    assert main(["estimate", str(CROWN), "--json", str(out), *args]) == 0
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_json_schema(tmp_path: Path) -> None:
    data = run_json(tmp_path)
    assert data["schema"] == "hkp-estimate/2"
    assert data["totals"] == {"billed": "403.75", "eligible": "403.75", "benefit": "323.01", "patient_share": "80.74"}
    line = data["lines"][0]
    assert {
        "sheet",
        "row",
        "kind",
        "code",
        "tooth",
        "date",
        "class",
        "rate",
        "billed",
        "eligible",
        "benefit",
        "explanations",
    } <= set(line)
    assert line["explanations"][0].keys() == {"rule", "code", "text", "before", "after"}
    assert set(data["limits"]) == {"staged_cap", "deductible", "pzr", "implants"}
    assert [v["kind"] for v in data["versions"]] == ["tariff_profile", "lab", "goz", "goae"]
    assert data["versions"][1] == {
        "kind": "lab",
        "name": data["versions"][1]["name"],
        "version": "B269-2026.1",
        "valid_from": "2026-01-01",
    }


def test_options_override_the_patient_sheet(tmp_path: Path) -> None:
    data = run_json(
        tmp_path, "--cooperating", "--tariff", "BM5/1", "--insurance-start", "01.01.2026", "--set", "insurance_year=anniversary"
    )
    assert data["person"]["tariff"] == "BM5/1" and data["person"]["cooperating"] is True
    assert data["lines"][1]["rate"] == "0.90"
    assert data["settings"]["insurance_year"] == "anniversary"
    assert data["limits"]["deductible"][0]["amount"] == "400.00"
    replaced = [f["message"] for f in data["findings"] if f["code"] == "input.option_replaces"]
    assert any(t.startswith("Patient!B5: Tarif „BM5/0“ durch die Angabe beim Aufruf ersetzt: „BM5/1“") for t in replaced)
    assert any("Kooperationszahnarzt „nein“ durch die Angabe beim Aufruf ersetzt: „ja“" in t for t in replaced)


def test_text_summary_is_german(capsys: object) -> None:
    assert main(["estimate", str(CROWN)]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "voraussichtliche Erstattung:" in out and "323,01\u00a0€" in out and "10.03.2026" in out


def test_unknown_setting_exits_2_with_a_message(tmp_path: Path, capsys: object) -> None:
    assert main(["estimate", str(CROWN), "--set", "rounding=up"]) == 2
    assert "Unbekannte Auslegung" in capsys.readouterr().err  # type: ignore[attr-defined]


def test_unreadable_file_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "plan.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    run = subprocess.run(
        [sys.executable, "-m", "estimator.command.cli", "estimate", str(bad)], check=False, capture_output=True, text=True
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "plan.xlsx" in run.stderr


def test_missing_file_exits_2(tmp_path: Path, capsys: object) -> None:
    assert main(["estimate", str(tmp_path / "fehlt.xlsx")]) == 2
    assert "nicht gefunden" in capsys.readouterr().err  # type: ignore[attr-defined]


def test_without_a_file_the_bundled_example_is_estimated(capsys: object) -> None:
    assert main(["estimate"]) == 0
    assert "Erstattungsschätzung" in capsys.readouterr().out  # type: ignore[attr-defined]


def test_kfo_start_option_decides_the_orthodontics_age(tmp_path: Path) -> None:
    plan = tmp_path / "kfo.xlsx"
    write_workbook(
        plan,
        [[dt.datetime(2026, 6, 1), "OK", "GOZ", "6030", None, 1, 2.3, None, None, None, None]],
        patient={"Geburtsdatum": dt.datetime(2007, 3, 1)},
    )
    out = tmp_path / "out.json"
    assert main(["estimate", str(plan), "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["lines"][0]["class"] == "X"
    assert main(["estimate", str(plan), "--json", str(out), "--kfo-start", "01.09.2025"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["lines"][0]["class"], data["person"]["orthodontics_start"]) == ("B", "2025-09-01")


def test_json_holds_the_reductions_by_cause(tmp_path: Path) -> None:
    data = run_json(tmp_path)
    assert list(data["reductions"]) == [
        "fee_limits",
        "lab_prices",
        "not_eligible",
        "implant_limit",
        "pzr_limit",
        "rate",
        "deductible",
        "staged_cap",
        "override",
    ]
    assert data["reductions"]["rate"] == "80.74"
    assert data["lines"][0]["reductions"] == {"rate": "1.55"}


def test_an_output_into_a_folder_that_is_not_there_is_said_in_german(tmp_path: Path, capsys: object) -> None:
    assert main(["estimate", str(CROWN), "--pdf", str(tmp_path / "fehlt" / "x.pdf")]) == 2
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert err.strip() == f"hkp: {tmp_path / 'fehlt' / 'x.pdf'}: Datei oder Ordner nicht gefunden"


def test_the_command_line_speaks_german_in_its_help_and_its_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as wrong:
        main(["estimate", "--bogus"])
    assert wrong.value.code == 2
    err = capsys.readouterr().err
    assert "Aufruf: hkp" in err and "Fehler: unbekannte Angaben: --bogus" in err and "usage" not in err
    with pytest.raises(SystemExit):
        main(["estimate", "--help"])
    out = capsys.readouterr().out
    assert "Optionen:" in out and "diese Hilfe zeigen und beenden" in out and "show this help" not in out


def test_a_plan_none_of_whose_lines_can_be_computed_writes_nothing_and_exits_2(tmp_path: Path, capsys: object) -> None:
    # no treatment day and no plan date: every line is left out; a letter would say 0,00 €
    book = write_workbook(
        tmp_path / "ohne.xlsx",
        [[None, "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]],
        patient={"Planungsdatum": None},
    )
    out = tmp_path / "out.json"
    assert main(["estimate", str(book), "--json", str(out)]) == 2
    captured = capsys.readouterr()  # type: ignore[attr-defined]
    assert "Leistungen!A2" in captured.out  # the findings say why: the date cell
    assert "keine Zeile des Plans ist zu berechnen (1 ausgelassen" in captured.err and not out.exists()
    # only a number no fee schedule knows and no amount: computed at 0,00 € – no letter either
    unknown = write_workbook(tmp_path / "abc.xlsx", [["10.03.2026", "16", "GOZ", "abc", "?", 1, 2.3, None, None, None, None]])
    letter = tmp_path / "abc.pdf"
    assert main(["estimate", str(unknown), "--pdf", str(letter)]) == 2
    assert "keine Zeile des Plans ist zu berechnen (1 ohne Betrag" in capsys.readouterr().err and not letter.exists()  # type: ignore[attr-defined]


def test_a_pdf_of_that_name_that_is_no_letter_of_ours_is_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = tmp_path / "mustermann.pdf"
    scan.write_bytes(b"%PDF-1.4 Scan des unterschriebenen Plans")
    assert main(["estimate", str(CROWN), "--pdf", str(scan)]) == 2
    assert scan.read_bytes() == b"%PDF-1.4 Scan des unterschriebenen Plans"
    assert "ist kein Brief dieses Programms" in capsys.readouterr().err
    letter = tmp_path / "brief.pdf"
    assert main(["estimate", str(CROWN), "--pdf", str(letter)]) == 0
    first = letter.read_bytes()
    assert main(["estimate", str(CROWN), "--pdf", str(letter), "--note", "Neu berechnet"]) == 0  # our letter: written anew
    assert letter.read_bytes() != first
    assert main(["estimate", str(CROWN), "--pdf", str(scan), "--force"]) == 0
    assert scan.read_bytes().startswith(b"%PDF") and b"HKP-Sch" in scan.read_bytes()


def test_a_letter_for_another_person_is_not_replaced_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    crown = ["20.01.2026", "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]
    first = write_workbook(tmp_path / "plan.xlsx", [crown], patient={"Name": "Hans Müller"})
    letter = tmp_path / "brief.pdf"
    assert main(["estimate", str(first), "--pdf", str(letter)]) == 0
    (tmp_path / "archiv").mkdir()  # the same person's plan from another folder (or saved as a case): written anew
    moved = first.rename(tmp_path / "archiv" / "plan.xlsx")
    assert main(["estimate", str(moved), "--pdf", str(letter)]) == 0
    written = letter.read_bytes()
    second = write_workbook(tmp_path / "plan.xlsx", [crown], patient={"Name": "Carla Schmidt"})  # the next export
    capsys.readouterr()
    assert main(["estimate", str(second), "--pdf", str(letter)]) == 2
    assert "brief.pdf ist der Brief für eine andere Person" in capsys.readouterr().err
    assert letter.read_bytes() == written
    assert main(["estimate", str(second), "--pdf", str(letter), "--force"]) == 0


def test_a_letterhead_without_a_pdf_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letterhead = tmp_path / "kopf.toml"
    letterhead.write_text('practice = "Praxis Dr. Weiß"\n', encoding="utf-8")
    assert main(["estimate", "--letterhead", str(letterhead)]) == 2
    assert "--letterhead gilt für das PDF; bitte --pdf DATEI angeben" in capsys.readouterr().err


def test_an_estimates_own_workbook_is_not_read_as_a_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    written = tmp_path / "schaetzung.xlsx"
    assert main(["estimate", "--xlsx", str(written)]) == 0
    capsys.readouterr()
    assert main(["estimate", str(written)]) == 2
    said = capsys.readouterr()
    assert "schaetzung.xlsx: eine Arbeitsmappe, die dieses Programm geschrieben hat" in said.err and not said.out


def test_a_plan_without_a_tariff_gets_no_letter_until_one_is_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # BM5/0 has no deductible: a letter computed with it would promise up to the whole deductible too much
    crown = ["20.01.2026", "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]
    plan = write_workbook(tmp_path / "ohne.xlsx", [crown], patient={"Tarif": None})
    letter = tmp_path / "brief.pdf"
    assert main(["estimate", str(plan), "--pdf", str(letter)]) == 2
    said = capsys.readouterr()
    assert (
        "kein Brief: kein Tarif angegeben, gerechnet mit BM5/0, dem Tarif ohne Selbstbehalt" in said.err
        and "nichts geschrieben" in said.err
    )
    assert "Erstattung" in said.out and not letter.exists()  # the figures are shown, with the assumption said
    assert main(["estimate", str(plan), "--pdf", str(letter), "--tariff", "BM5/1"]) == 0 and letter.exists()


def test_a_birth_date_to_come_is_refused_and_one_after_the_treatment_gets_no_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # „15.06.2030“ gave a child's deductible of 200 € instead of 800 € – a letter promised 200 € too much
    to_come = dt.date(dt.date.today().year + 4, 6, 15)
    typed = f"{to_come:%d.%m.%Y}"
    crown = ["20.01.2026", "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]
    letter = tmp_path / "brief.pdf"
    for given in (typed, dt.datetime.combine(to_come, dt.time())):  # a text cell and a date cell, said alike
        future = write_workbook(tmp_path / "zukunft.xlsx", [crown], patient={"Geburtsdatum": given})
        result = estimate(read_plan(future), load_tariffs())
        [said] = [f for f in result.findings if f.code == "input.patient"]
        assert f"„{typed}“ liegt in der Zukunft" in finding_text(said)
        assert result.plan.person.birth_date is None  # taken as none, said – and no letter for a person of unknown age
        assert main(["estimate", str(future), "--pdf", str(letter)]) == 2 and not letter.exists()
        assert "liegt in der Zukunft" in capsys.readouterr().err
    assert main(["estimate", str(future), "--pdf", str(letter), "--birth-date", "15.06.1975"]) == 0  # given: a letter
    assert letter.exists()
    letter.unlink()
    with pytest.raises(SystemExit) as refused:  # as every option refused by its type
        main(["estimate", str(future), "--birth-date", typed])
    assert refused.value.code == 2
    assert "liegt in der Zukunft" in capsys.readouterr().err
    after = write_workbook(tmp_path / "nach.xlsx", [crown], patient={"Geburtsdatum": "15.06.2026"})  # born since
    assert main(["estimate", str(after), "--pdf", str(letter)]) == 2
    said_err = capsys.readouterr().err
    # the first treatment day may be the slip (01.01.1900 typed): its row is named too
    assert "kein Brief: Geburtsdatum 15.06.2026 liegt nach dem ersten Behandlungstag 20.01.2026 (Leistungen Zeile 2)" in said_err
    assert said_err.rstrip().endswith("bitte das Geburtsdatum oder den Behandlungstag berichtigen – nichts geschrieben")
    assert not letter.exists()


def test_a_patient_value_the_figures_depend_on_that_cannot_be_read_gets_no_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # „40“ in a cell formatted as a date was a PZR reimbursed of 0,00 €: the letter promised 40,00 € more
    pzr = ["20.01.2026", "", "GOZ", "1040", "PZR", 1, 2.3, 100.00, None, None, None]
    book = write_workbook(tmp_path / "pzr.xlsx", [pzr], patient={"PZR erstattet": dt.datetime(1900, 2, 9)})
    letter = tmp_path / "brief.pdf"
    assert main(["estimate", str(book), "--pdf", str(letter)]) == 2 and not letter.exists()
    said = capsys.readouterr().err
    assert "kein Brief: Patient!B" in said and "(PZR erstattet): Zahl erwartet, Datum „09.02.1900“ gefunden" in said
    assert "(gerechnet ohne diesen Wert) – nichts geschrieben" in said
    assert main(["estimate", str(book), "--json", str(tmp_path / "s.json")]) == 0  # the estimate itself is shown
    capsys.readouterr()
    given = write_workbook(tmp_path / "gegeben.xlsx", [pzr], patient={"PZR erstattet": "40,- €"})
    assert main(["estimate", str(given), "--pdf", str(letter)]) == 0 and letter.exists()
    implants = write_workbook(tmp_path / "impl.xlsx", [pzr], patient={"Implantate Unterkiefer": "7 Stück"})
    assert estimate(read_plan(implants), load_tariffs()).plan.person.implants_lower == 7  # a label as practices write it


def test_a_patient_value_not_read_is_no_reason_against_the_letter_once_given_nor_a_lines_cell_of_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crown = ["20.01.2026", "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]
    letter = tmp_path / "brief.pdf"
    unsure = write_workbook(tmp_path / "koop.xlsx", [crown], patient={"Kooperationszahnarzt": "vielleicht"})
    assert main(["estimate", str(unsure), "--pdf", str(letter)]) == 2 and "(Kooperationszahnarzt)" in capsys.readouterr().err
    assert main(["estimate", str(unsure), "--pdf", str(letter), "--no-cooperating"]) == 0 and letter.exists()
    assert main(["estimate", str(unsure), "--no-cooperating"]) == 0
    formula = openpyxl.load_workbook(write_workbook(tmp_path / "formel.xlsx", [crown]))
    [accident] = [row for row in formula["Patient"].iter_rows() if row[0].value == "Unfall"]
    accident[1].value = "=1/0"  # a formula without a stored result, given by the option
    formula.save(tmp_path / "formel.xlsx")
    letter.unlink()
    assert main(["estimate", str(tmp_path / "formel.xlsx"), "--pdf", str(letter)]) == 2
    assert main(["estimate", str(tmp_path / "formel.xlsx"), "--pdf", str(letter), "--no-accident"]) == 0
    out = capsys.readouterr().out
    assert "Warnung: Patient!B" in out and "(Kooperationszahnarzt): „ja“ oder „nein“ erwartet" in out  # said still
    # a line's cell in a column named as a Patient value („Unfall“): the line is left out and said, the letter asks
    book = openpyxl.load_workbook(write_workbook(tmp_path / "zeile.xlsx", [crown, crown]))
    book["Leistungen"]["J3"] = "=1/0"  # a formula without a stored result
    book.save(tmp_path / "zeile.xlsx")
    letter.unlink()
    assert main(["estimate", str(tmp_path / "zeile.xlsx"), "--pdf", str(letter)]) == 0 and letter.exists()
    assert "(Unfall)" not in capsys.readouterr().err


def test_a_name_in_a_script_the_letters_font_lacks_gets_no_letter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # „محمد علي“ printed as eight empty boxes and „Guten Tag ,“: the name was lost unsaid
    crown = ["20.01.2026", "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]
    letter = tmp_path / "brief.pdf"
    for name in ("محمد علي", "王芳"):
        book = write_workbook(tmp_path / "name.xlsx", [crown], patient={"Name": name})
        assert main(["estimate", str(book), "--pdf", str(letter)]) == 2 and not letter.exists()
        said = capsys.readouterr().err
        assert f"kein Brief: Name „{name}“ enthält Schriftzeichen, die die Schrift des Briefs nicht hat" in said
    book = write_workbook(tmp_path / "name.xlsx", [crown], patient={"Name": "Ελένη Παπαδοπούλου-Çelik"})  # the font has them
    assert main(["estimate", str(book), "--pdf", str(letter), "--note", "Mit freundlichen Grüßen 😊"]) == 2
    assert "kein Brief: Text an den Patienten „Mit freundlichen Grüßen 😊“" in capsys.readouterr().err
    ticked = write_workbook(tmp_path / "haken.xlsx", [[*crown[:4], "Krone ✓", *crown[5:]]])  # a line's text prints too
    assert main(["estimate", str(ticked), "--pdf", str(letter)]) == 2
    assert "kein Brief: Leistungen Zeile 2, Leistung „Krone ✓“ enthält Schriftzeichen" in capsys.readouterr().err
    assert main(["estimate", str(book), "--pdf", str(letter)]) == 0 and letter.exists()


def test_a_plan_whose_sheets_are_named_like_the_programs_own_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl  # noqa: PLC0415

    book = openpyxl.Workbook()
    plan = book.active
    assert plan is not None
    plan.title = "Übersicht"  # a practice's one-sheet plan, with its own notes beside it
    plan.append(["Datum", "Zahn", "GO", "Nr", "Anzahl", "Faktor", "Betrag"])
    plan.append(["20.01.2026", "16", "GOZ", "2210", 1, "2,3", "217,06"])
    book.create_sheet("Hinweise").append(["Patientin wünscht Vollkeramik"])
    book.save(tmp_path / "plan.xlsx")
    assert main(["estimate", str(tmp_path / "plan.xlsx"), "--tariff", "BM5/0"]) == 0
    assert "173,65" in capsys.readouterr().out


def test_a_note_of_too_many_lines_is_said_with_its_lines_not_only_its_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["estimate", "--pdf", str(tmp_path / "b.pdf"), "--note", "\n" * 50]) == 2
    assert "--note: höchstens 2.000 Zeichen in 30 Zeilen, 50 Zeichen in 51 Zeilen angegeben" in capsys.readouterr().err
    assert not (tmp_path / "b.pdf").exists()


def test_one_setting_given_twice_is_refused_not_taken_at_its_last(capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(GOLDEN / "crown_basic.xlsx")
    twice = ["--set", "insurance_year=calendar", "--set", "insurance_year=anniversary"]
    assert main(["estimate", plan, *twice]) == 2
    assert "--set insurance_year: mehrmals angegeben" in capsys.readouterr().err
    assert main(["estimate", plan, "--set", "insurance_year=anniversary", "--set", "fee_rounding=exact"]) == 0


def test_what_was_typed_is_echoed_as_the_terminal_may_show_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Bytes of no UTF-8 in an argument (the shell passes them as they are) and an escape sequence or a line break in
    an output's name: quoted as „?“ and on one line, never as „\\udcff“ nor as a sequence the terminal obeys."""
    with pytest.raises(SystemExit) as refused:
        main(["estimate", str(CROWN), "--tariff", "BM\udcff5"])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "erwartet, „BM?5“ gefunden" in err and "\\udcff" not in err and "\udcff" not in err, err
    name = tmp_path / "x\x1b[31mrot\nneu.json"
    assert main(["estimate", str(CROWN), "--json", str(name)]) == 0
    assert name.exists()
    out = capsys.readouterr().out
    assert out == f"Schätzung geschrieben: {tmp_path}/x?[31mrot neu.json\n", out

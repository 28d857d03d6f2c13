"""`hkp register`: list, show, status and rebuild on the register in the user's data folder (HKP_DATA_DIR)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from estimator.case import Case
from estimator.command.cli import main
from estimator.io.casefile import load_case, save_case
from estimator.register.store import Register, default_path
from tests.estimator.builders import fee, plan

WHO = {"name": "Erika Mustermann", "insurance_number": "A123456789", "insurance_start": dt.date(2026, 1, 1)}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two case files, and the register rebuilt from them by the command."""
    (tmp_path / "faelle").mkdir()
    for name, day, person in (
        ("erster", dt.date(2026, 3, 10), WHO),
        ("zweiter", dt.date(2026, 5, 4), {**WHO, "name": "Max Muster", "insurance_number": "B7"}),
    ):
        save_case(
            Case.from_plan(plan(fee("2210", "16", date=day, amount="1000.00"), plan_date=day, **person)),
            tmp_path / "faelle" / f"{name}.hkp.json",
        )
    assert main(["register", "rebuild", str(tmp_path / "faelle")]) == 0
    return tmp_path / "faelle"


def test_rebuild_list_and_show(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    assert "Fallregister neu aufgebaut: 2 Fälle" in capsys.readouterr().out
    assert main(["register", "list"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split()[:4] == ["Nr.", "Datum", "Name", "Geb.-Datum"]
    assert "15.06.1975" in rows[2]  # the birth date tells the persons of one insurance number apart
    assert "04.05.2026" in rows[1] and "Max Muster" in rows[1] and "Erika Mustermann" in rows[2]  # the newest first
    assert main(["register", "list", "--person", "mustermann"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [rows[2]]
    number = rows[2].split()[0]
    assert main(["register", "show", number]) == 0
    shown = capsys.readouterr().out
    assert "Fall Nr." in shown and "A123456789" in shown and "800,00" in shown and "erster.hkp.json" in shown
    # a draft: never sent to the insurer, it counts with nothing in the history of a later plan
    assert "ZE-Erstattung 1. Versicherungsjahr (01.01.2026 – 31.12.2026): geschätzt 800,00\xa0€, zählt 0,00\xa0€" in shown


def test_show_says_the_deductible_and_pzr_a_case_used_per_calendar_year(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    day = dt.date(2026, 3, 10)
    lines = (fee("2210", "16", date=day, amount="1000.00"), fee("1040", date=day, amount="80.00"))
    case = Case.from_plan(plan(*lines, plan_date=day, **{**WHO, "variant": "BM5/1"}))
    save_case(dataclasses.replace(case, status="eingereicht"), tmp_path / "fall.hkp.json")
    assert main(["register", "rebuild", str(tmp_path)]) == 0
    assert main(["register", "show", "1"]) == 0
    shown = capsys.readouterr().out.replace("\xa0", " ")
    assert "Kalenderjahr 2026: Selbstbehalt geschätzt 400,00 €, zählt 400,00 €; PZR geschätzt 80,00 €, zählt 80,00 €" in shown


def test_status_with_the_amount_paid_goes_into_the_case_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Register() as register:
        number = register.by_path(folder / "erster.hkp.json").number  # type: ignore[union-attr]
    assert main(["register", "status", str(number), "erstattet", "--paid", "812,40"]) == 0
    assert "(Erika Mustermann): erstattet: 812,40\xa0€" in capsys.readouterr().out
    case = load_case(folder / "erster.hkp.json")
    assert (case.status, case.paid) == ("erstattet", Decimal("812.40"))
    assert main(["register", "list", "--status", "erstattet"]) == 0
    assert "812,40" in capsys.readouterr().out
    assert main(["register", "status", str(number), "Abgelehnt"]) == 0  # typed in any case
    assert "abgelehnt (eingetragen war erstattet 812,40\xa0€, zählt nicht)" in capsys.readouterr().out
    assert main(["register", "list", "--status", "ABGELEHNT"]) == 0
    assert "812,40" not in capsys.readouterr().out  # kept in the case, but no amount beside a case not paid


def test_a_rebuild_keeps_the_numbers_and_an_unreadable_row_is_said(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Register() as register:
        before = {Path(e.path).name: e.number for e in register.everything()}
        register.connection.execute("UPDATE cases SET years = '[{\"year\": Infinity}]' WHERE path LIKE '%zweiter%'")
    number = before["zweiter.hkp.json"]
    assert main(["register", "show", str(number)]) == 2
    assert f"Fall Nr. {number} im Fallregister ist nicht lesbar" in capsys.readouterr().err
    assert main(["register", "rebuild", str(folder)]) == 0
    with Register() as register:
        assert {Path(e.path).name: e.number for e in register.everything()} == before


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["show", "99"], "Kein Fall Nr. 99"),
        (["status", "1", "eingereicht", "--paid", "5"], "gehört zum Status „erstattet“"),
        (["rebuild", "/gibt/es/nicht"], "kein Ordner"),
    ],
)
def test_what_cannot_be_done_is_said_with_exit_code_2(
    folder: Path, arguments: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["register", *arguments]) == 2
    assert said in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["status", "1", "bezahlt"], "Status „bezahlt“ unbekannt; möglich: Entwurf, eingereicht, erstattet, abgelehnt"),
        (["list", "--status", "offen"], "Status „offen“ unbekannt"),
        (["status", "1", "erstattet", "--paid", "-5"], "Angabe --paid"),
        (["status", "1", "erstattet", "--paid", "0,001"], "höchstens 2 Nachkommastellen erwartet, „0,001“ gefunden"),
        (["list", "--von", "31.02.2026"], "Angabe --von"),
        (["show", "9" * 5000], "keine Fallnummer"),
        (["status", "-3", "erstattet"], "keine Fallnummer"),
        (["show", "1" + "0" * 30], "keine Fallnummer"),
        (
            ["show", "0" * 30 + "1" + "0" * 5000],
            "keine Fallnummer",
        ),  # leading zeros hide the size from a look at the first digits
        (["list", "--person", "x" * 201], "Suchtext zu lang"),
    ],
)
def test_a_value_that_means_nothing_is_refused_in_german(
    arguments: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["register", *arguments])
    assert refused.value.code == 2 and said in capsys.readouterr().err


def _later_after_a_paid_one(folder: Path, later: Path) -> Path:
    """A later case of the person whose earlier one was paid 812,40 € (year 1 of the staged caps allows 1.000 €)."""
    with Register() as register:
        number = register.by_path(folder / "erster.hkp.json").number  # type: ignore[union-attr]
    assert main(["register", "status", str(number), "erstattet", "--paid", "812,40"]) == 0
    day = dt.date(2026, 11, 16)
    save_case(Case.from_plan(plan(fee("2210", "26", date=day, amount="1000.00"), plan_date=day, **WHO)), later)
    return later


def test_estimate_says_the_earlier_cases_of_the_register_and_takes_them_with_history(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = _later_after_a_paid_one(folder, tmp_path / "spaeter.hkp.json")
    capsys.readouterr()
    assert main(["estimate", str(later), "--json", str(tmp_path / "ohne.json")]) == 0
    said = capsys.readouterr().err
    assert "Im Fallregister: aus einem früheren Plan: Jahr 1 812,40\xa0€" in said and "nicht eingerechnet; mit --history" in said
    assert json.loads((tmp_path / "ohne.json").read_text())["totals"]["benefit"] == "800.00"
    assert main(["estimate", str(later), "--history", "--json", str(tmp_path / "mit.json")]) == 0
    said = capsys.readouterr().err
    assert "Jahr 1 812,40\xa0€" in said and said.endswith(" – eingerechnet\n")
    assert json.loads((tmp_path / "mit.json").read_text())["totals"]["benefit"] == "187.60"  # 1.000 € − 812,40 €


def test_earlier_benefits_the_plan_names_that_the_register_replaces_are_said(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = _later_after_a_paid_one(folder, tmp_path / "spaeter.hkp.json")
    case = load_case(later)
    save_case(dataclasses.replace(case, person=dataclasses.replace(case.person, prior_class_a=(Decimal(100),))), later)
    capsys.readouterr()
    assert main(["estimate", str(later), "--history", "--json", str(tmp_path / "mit.json")]) == 0
    said = capsys.readouterr().err
    assert "(laut Plan bisher Jahr 1 100,00\xa0€: von den Beträgen des Registers ersetzt, wenn sie übernommen werden" in said


def test_whatif_says_the_earlier_cases_of_the_register_and_takes_them_with_history(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = _later_after_a_paid_one(folder, tmp_path / "spaeter.hkp.json")
    capsys.readouterr()
    assert main(["whatif", str(later)]) == 0
    out, said = capsys.readouterr()
    assert "Jahr 1 812,40\xa0€" in said and "nicht eingerechnet; mit --history" in said and "800,00" in out
    assert main(["whatif", str(later), "--history"]) == 0
    out, said = capsys.readouterr()
    assert said.endswith(" – eingerechnet\n") and "187,60" in out  # as `hkp estimate --history`: 1.000 € − 812,40 €


def test_a_batch_says_the_earlier_cases_of_the_register_in_its_summary_and_takes_them_with_history(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook  # noqa: PLC0415

    (tmp_path / "neu").mkdir()
    _later_after_a_paid_one(folder, tmp_path / "neu/a.hkp.json")
    capsys.readouterr()

    def summary(*options: str) -> tuple[float, str]:
        out = tmp_path / f"uebersicht{len(options)}.xlsx"
        assert main(["batch", str(tmp_path / "neu"), "--out", str(out), "--jobs", "1", *options]) == 0
        rows = list(load_workbook(out)["Übersicht"].values)
        row = dict(zip(rows[0], rows[1], strict=True))
        return row["Erstattung"], row["Fallregister"]

    benefit, said = summary()  # an estimate that does not know what earlier plans used pays too much: said
    assert benefit == 800.0 and "Jahr 1 812,40\xa0€" in said and said.endswith("nicht eingerechnet; mit --history übernehmen")
    assert "für 1 Plan hat das Fallregister frühere Fälle derselben Person, nicht eingerechnet" in capsys.readouterr().err
    benefit, said = summary("--history")
    assert benefit == 187.6 and said.endswith(" – eingerechnet")  # 1.000 € − 812,40 €
    assert "Fallregister" not in capsys.readouterr().err


def test_estimate_makes_no_register_where_there_is_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "fall.hkp.json"
    save_case(Case.from_plan(plan(fee("2210", "26"), **WHO)), case)
    assert main(["estimate", str(case), "--history", "--json", str(tmp_path / "out.json")]) == 0
    assert capsys.readouterr().err == "" and not default_path().exists()


def test_estimate_reads_the_register_only_and_says_when_it_cannot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a damaged register is left where it is for the window to deal with; the estimate says it left the history out
    default_path().parent.mkdir(parents=True, exist_ok=True)
    default_path().write_bytes(b"keine Datenbank" * 200)
    case = tmp_path / "fall.hkp.json"
    save_case(Case.from_plan(plan(fee("2210", "26"), **WHO)), case)
    assert main(["estimate", str(case), "--json", str(tmp_path / "out.json")]) == 0
    said = capsys.readouterr().err
    assert "ist nicht lesbar" in said and said.endswith("frühere Pläne dieser Person nicht berücksichtigt\n")
    assert sorted(p.name for p in default_path().parent.iterdir()) == [default_path().name]
    assert default_path().read_bytes() == b"keine Datenbank" * 200


def test_estimate_makes_no_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path / "noch" / "nicht"))
    case = tmp_path / "fall.hkp.json"
    save_case(Case.from_plan(plan(fee("2210", "26"), **WHO)), case)
    assert main(["estimate", str(case), "--json", str(tmp_path / "out.json")]) == 0
    assert not (tmp_path / "noch").exists() and capsys.readouterr().err == ""
    monkeypatch.setenv("HKP_DATA_DIR", str(case / "unter"))  # under a file: said, the estimate written
    assert main(["estimate", str(case), "--json", str(tmp_path / "out2.json")]) == 0 and (tmp_path / "out2.json").exists()

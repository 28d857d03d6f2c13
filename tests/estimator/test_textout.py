"""The estimate as German text for the terminal: facts, one row per line with its reasons, totals, limits, findings."""

import datetime as dt
from pathlib import Path

import pytest

from estimator.io.excel import read_plan
from estimator.model import Estimate
from estimator.output.textout import estimate_text, terminal_safe
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.conftest import GOLDEN
from tests.estimator.builders import fee, goae, run

NBSP = "\u00a0"


def golden(name: str) -> Estimate:
    return estimate(read_plan(GOLDEN / f"{name}.xlsx"), load_tariffs())


@pytest.fixture(scope="module")
def prorated() -> list[str]:
    return estimate_text(golden("deductible_first_year_prorated")).splitlines()


def row_of(lines: list[str], place: str) -> str:
    return next(line for line in lines if line.startswith(place + " "))


def test_heading_and_facts_in_german(prorated: list[str]) -> None:
    assert prorated[0] == "Erstattungsschätzung – DKV BestMed Premium BM5/3"
    facts = {line.split(":", 1)[0].strip(): line.split(":", 1)[1].strip() for line in prorated[1:7]}
    assert facts == {
        "Patient": "Erika Mustermann",
        "Geburtsdatum": "15.06.1975",
        "Versicherungsbeginn": "01.04.2026",
        "Planungsdatum": "04.05.2026",
        "Kooperationszahnarzt": "nein",
        "Unfall": "nein",
    }


def test_a_line_row_names_class_rate_amounts_and_the_reason_it_was_reduced(prorated: list[str]) -> None:
    pzr = row_of(prorated, "Leistungen!4")
    assert pzr.split()[:4] == ["Leistungen!4", "04.05.2026", "1040", "P"]  # no tooth
    assert f"100{NBSP}%" in pzr and f"101,36{NBSP}€" in pzr
    assert pzr.endswith(
        f"Nr. II.3.1: PZR höchstens 100,00{NBSP}€ je Kalenderjahr 2026; bereits erstattet oder verplant 0,00{NBSP}€"
    )
    crown = row_of(prorated, "Leistungen!2")
    assert "Nr. II.8: Selbstbehalt 2026" in crown and crown.endswith(f"davon hier angerechnet 350,00{NBSP}€")


def test_the_rate_alone_is_no_reason_worth_a_word() -> None:
    lines = estimate_text(golden("implant_limit")).splitlines()
    assert row_of(lines, "Leistungen!2").endswith(f"159,89{NBSP}€")  # 80 % of 199,86 €, nothing else
    excluded = row_of(lines, "Leistungen!5")
    assert " X " in excluded and f"0{NBSP}%" in excluded
    assert excluded.endswith("Nr. II.3.1: Implantat an Zahn 37 über der Grenze von 8 Implantaten je Kiefer")


def test_amount_columns_are_right_aligned_under_their_heading(prorated: list[str]) -> None:
    head = next(line for line in prorated if line.startswith("Zeile "))
    end = head.index("Betrag") + len("Betrag")  # the name the window and the letter give the column
    for place, billed in (("Leistungen!2", "350,00"), ("Leistungen!4", "101,36"), ("Labor!2", "114,60")):
        row = row_of(prorated, place)
        assert row.index(billed) + len(billed) + 2 == end, row  # the amount and " €" end where the heading ends


def test_totals_with_the_share_by_cause(prorated: list[str]) -> None:
    labels = ("Gesamtkosten laut Plan", "erstattungsfähig", "voraussichtliche Erstattung", "voraussichtlicher Eigenanteil")
    totals = {label: line.split(":")[1].strip() for line in prorated for label in labels if line.startswith(f"  {label}:")}
    assert totals["Gesamtkosten laut Plan"] == f"949,64{NBSP}€" and totals["erstattungsfähig"] == f"948,28{NBSP}€"
    assert totals["voraussichtliche Erstattung"] == f"100,00{NBSP}€"
    assert totals["voraussichtlicher Eigenanteil"] == f"849,64{NBSP}€"
    # 101,36 € PZR above its 100,00 € limit, the rest of the deductible's 1.200,00 €: 849,64 € together
    assert f"    davon PZR-Höchstbetrag 1,36{NBSP}€, Selbstbehalt 848,28{NBSP}€" in prorated


def test_limits_section_says_deductible_and_pzr(prorated: list[str]) -> None:
    limits = prorated[prorated.index("Grenzen") + 1 : prorated.index("Hinweise zur Prüfung") - 1]
    assert any(line.startswith("  Zahnstaffel 1. Versicherungsjahr (01.04.2026 – 31.12.2026)") for line in limits)
    assert f"  Selbstbehalt 2026 (BM5/3, Erwachsene: 1.600,00{NBSP}€, im ersten Kalenderjahr um 3/12 gemindert): " in "".join(
        limits
    )
    assert any(line.endswith(f"offen 351,72{NBSP}€") for line in limits)
    assert (
        f"  Professionelle Zahnreinigung 2026: höchstens 100,00{NBSP}€; bisher 0,00{NBSP}€, dieser Plan 100,00{NBSP}€" in limits
    )


def test_findings_name_their_severity_and_cell(prorated: list[str]) -> None:
    findings = [line for line in prorated if line.startswith("  Warnung: ")]
    assert len(findings) == 2
    assert findings[0].startswith("  Warnung: GOZ 2170, Zahn 26: Betrag 350,00")
    assert findings[0].endswith("[Leistungen!H2]") and findings[1].endswith("[Leistungen!H3]")


def test_errors_are_listed_before_warnings_whatever_order_they_were_found_in() -> None:
    later, before = fee("2210", "16", factor="3.4", date=dt.date(2026, 4, 15)), fee("2060", "17")  # 10.03.2026
    result = run(later, before, insurance_start=dt.date(2026, 4, 1))
    assert [f.severity.value for f in result.findings][:2] == ["warning", "error"]
    lines = estimate_text(result).splitlines()
    said = lines[lines.index("Hinweise zur Prüfung") + 1 :]
    assert said[0].startswith("  Fehler: Behandlungsdatum 10.03.2026 liegt vor dem Versicherungsbeginn 01.04.2026")
    assert said[1].startswith("  Warnung: GOZ 2210, Zahn 16: Faktor 3,4 über dem Schwellenwert 2,3")


def test_a_class_set_by_hand_is_starred_and_a_missing_name_is_a_dash() -> None:
    lines = estimate_text(run(fee("2210", "16", manual_class="B"))).splitlines()
    assert lines[1].split() == ["Patient:", "–"]
    assert row_of(lines, "Leistungen!2").split()[4] == "B*"


def test_settings_versions_and_the_disclaimer_close_the_text(prorated: list[str]) -> None:
    settings = prorated[prorated.index("Auslegung (ändern mit --set NAME=WERT):") + 1 : -2]
    assert (
        len(settings) == 19
        and settings[0].startswith("  Versicherungsjahr: ")
        and settings[0].endswith("(insurance_year=calendar)")
    )
    assert prorated[-2].startswith("Stand: Tarifprofil BM5-2026.2.15 ab 01.01.2026, Laborpreisliste B269-2026.1 ab 01.01.2026")
    assert prorated[-1].startswith("Unverbindliche Schätzung")


def test_terminal_safe_keeps_text_and_defuses_control_characters() -> None:
    assert terminal_safe("Zahn 16\tKrone\näöü € –") == "Zahn 16\tKrone\näöü € –"
    assert terminal_safe("a\x1b[2Jb\x07c\x7fd\x9b31me\r") == "a?[2Jb?c?d?31me?"


def test_a_finding_that_names_its_cell_is_not_followed_by_it_again(tmp_path: Path) -> None:
    from tests.estimator.variants import canonical  # noqa: PLC0415

    layout = canonical()
    layout.tables[0].rows[1][1] = "99"  # a tooth that does not exist
    plan = read_plan(layout.write(tmp_path / "zahn.xlsx"))
    text = estimate_text(estimate(plan, load_tariffs()))
    line = next(line for line in text.splitlines() if "„99“" in line)
    assert line.count("Leistungen!B3") == 1  # findings that do not name their cell keep it behind (test above)


def test_a_goae_number_an_accident_and_a_class_by_hand_are_marked_and_the_marks_said() -> None:
    lines = estimate_text(run(fee("2210", "16", accident=True), goae("5004", manual_class="B"))).splitlines()
    crown = next(line for line in lines if " 2210 " in line)
    x_ray = next(line for line in lines if " Ä5004 " in line)  # as the letter names it
    assert " A U " in crown and " B* " in x_ray
    assert "  Kl.: * Klasse von Hand gesetzt; U Unfall: ohne Zahnstaffel" in lines
    assert not any(line.startswith("  Kl.:") for line in estimate_text(run(fee("2210", "16"))).splitlines())


def test_a_line_break_or_a_direction_mark_in_a_plans_text_forges_no_line_of_the_output(tmp_path: Path) -> None:
    from estimator.case import Case  # noqa: PLC0415
    from estimator.command.register import describe  # noqa: PLC0415
    from estimator.io.casefile import save_case  # noqa: PLC0415
    from estimator.register.entry import entry_of  # noqa: PLC0415

    result = run(
        fee("2210", "16", description="Krone\n  Geburtsdatum: 01.01.1900"), name="Erika\n  Geburtsdatum: 01.01.1900\u202e"
    )
    lines = estimate_text(result).splitlines()
    assert [line for line in lines if "Geburtsdatum:" in line and line.startswith("  Geburtsdatum")] == [
        "  Geburtsdatum:         15.06.1975"
    ]  # the person's own, once
    assert "Erika   Geburtsdatum: 01.01.1900\n" in estimate_text(result)  # in the line it came in, the person's mark gone
    case = Case.from_plan(result.plan)
    save_case(case, tmp_path / "fall.hkp.json")
    shown = describe(entry_of(case, result, tmp_path / "fall.hkp.json"))
    assert not any(line.startswith("  Geburtsdatum: 01.01.1900") for line in shown.splitlines())


def test_a_reviewers_class_is_among_the_reasons_of_its_row_as_in_the_letter() -> None:
    import dataclasses  # noqa: PLC0415

    from estimator.kinds import LineClass  # noqa: PLC0415
    from estimator.model import Override  # noqa: PLC0415

    plan = read_plan(GOLDEN / "crown_basic.xlsx")
    decided = Override("Leistungen", 3, "M. Prüfer", "keine Krone nötig", None, LineClass.B)  # no lowering: B pays more
    text = estimate_text(estimate(dataclasses.replace(plan, overrides=(decided,)), load_tariffs()))
    assert "Prüfung: M. Prüfer: Klasse A → B – keine Krone nötig" in row_of(text.splitlines(), "Leistungen!3")

"""Material billed beside a fee (Sachkosten), checked by hand: B 269, Hinweise – „Darüber hinaus können Sachkosten
nach § 4 Abs. 3 GOZ oder § 10 Abs. 1 GOÄ neben den Gebühren berechnet werden, soweit die Gebührenordnungen eine
gesonderte Berechnung ausdrücklich zulassen“; elsewhere the fee includes them (GOZ § 4 Abs. 3)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from estimator.io.excel import read_plan
from estimator.kinds import Cause, LineClass, Severity
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text, step_text
from tests.estimator.builders import fee, goae, lab, lab_result, run
from tests.estimator.workbooks import write_workbook

D = Decimal


def test_implants_billed_beside_their_insertion_are_eligible_as_billed_at_its_rate_and_asked_about() -> None:
    # two implants at 320,00 € net, no VAT, beside GOZ 9010 on their teeth: 640,00 € eligible, class A at 80 %
    result = run(
        fee("9010", "36,46", count=2), lab("Material", "36,46", "320.00", quantity=2, description="Implantat", vat_percent=0)
    )
    material = lab_result(result)
    assert (material.billed, material.eligible, material.line_class, material.benefit) == (
        D("640.00"),
        D("640.00"),
        LineClass.A,
        D("512.00"),
    )
    asked = next(f for f in result.findings if f.code == "lab.material_review")
    assert asked.severity is Severity.WARNING and asked.section == "B 269, Hinweise"
    assert "Sachkosten 640,00\u00a0€ neben GOZ 9010 gesondert berechnet" in finding_text(asked)


def test_material_the_fee_includes_is_not_eligible_and_said() -> None:
    # composite for a filling (GOZ 2060): the fee includes it; the same day's implant is on another tooth
    result = run(fee("2060", "16"), fee("9010", "36"), lab("Material", "16", "12.00", description="Komposit", vat_percent=19))
    material = lab_result(result)
    assert (material.billed, material.eligible, material.benefit) == (D("14.28"), D("0.00"), D("0.00"))
    assert dict(material.reductions) == {Cause.NOT_ELIGIBLE: D("14.28")}
    refused = next(f for f in result.findings if f.code == "lab.material_included")
    assert refused.severity is Severity.ERROR and refused.section == "Nr. II.3.1, GOZ § 4 Abs. 3"
    # a material row without a date (it takes the plan date) goes with the services on its teeth on any day; one
    # with a date of its own, or without a tooth, needs a service that day
    implant = fee("9010", "36", date=dt.date(2026, 4, 20))
    assert lab_result(run(implant, lab("Auslagen", "36", "95.00", description="Knochenersatz", date=None))).eligible == D(
        "101.65"
    )
    assert lab_result(run(implant, lab("Auslagen", "36", "95.00", description="Knochenersatz"))).eligible == D("0.00")
    no_tooth = run(fee("9010", "36"), lab("Auslagen", "", "95.00", description="Knochenersatz", date=dt.date(2026, 4, 1)))
    assert lab_result(no_tooth).eligible == D("0.00")


def test_material_keeps_the_lab_lists_checks_and_a_toothless_x_ray_lets_nothing_through() -> None:
    storage = run(fee("9010", "36"), lab("Material", "36", "50.00", description="Lagerhaltung Implantatteile"))
    assert lab_result(storage).eligible == D("0.00") and "lab.never_eligible" in [f.code for f in storage.findings]
    mismatch = run(fee("9010", "36"), lab("Material", "36", "320.00", description="Implantat", vat_percent=0, amount="999.00"))
    assert "lab.amount_mismatch" in [f.code for f in mismatch.findings]
    x_ray = run(fee("2060", "16"), goae("5004"), lab("Material", "16", "12.00", description="Komposit", vat_percent=19))
    assert lab_result(x_ray).eligible == D("0.00")  # the X-ray is on no tooth: it is not the filling's


def test_material_of_an_accident_implant_stays_accident_caused_beside_an_unmarked_x_ray() -> None:
    # spec 5.4: a lab line is accident-caused when its tooth-level A-services are; the X-ray beside does not count
    result = run(
        fee("9010", "36", accident=True),
        goae("5004", "36"),
        lab("Material", "36", "1500.00", description="Implantat", vat_percent=0),
        insurance_start=dt.date(2026, 1, 1),
    )
    material = lab_result(result)
    assert material.accident and Cause.STAGED_CAP not in material.reductions


def test_material_without_a_tooth_goes_with_the_days_services_and_beside_a_goae_service() -> None:
    # bone substitute without a tooth beside a sinus lift (class A); an anaesthetic beside GOÄ advice (class B, 100 %)
    result = run(fee("9120", "16"), lab("Auslagen", "", "95.00", description="Knochenersatzmaterial", vat_percent=19))
    assert (lab_result(result).eligible, lab_result(result).line_class) == (D("113.05"), LineClass.A)
    # beside a GOÄ service on its tooth (an excision, GOÄ § 10 Abs. 1); a GOÄ line without a tooth lets none through
    beside_goae = run(goae("2401", "46"), lab("MAT", "46", "4.00", description="Anästhetikum Ampulle", vat_percent=19))
    assert (lab_result(beside_goae).eligible, lab_result(beside_goae).benefit) == (D("4.76"), D("4.76"))
    assert lab_result(run(goae("1"), lab("MAT", "", "4.00", description="Anästhetikum", vat_percent=19))).eligible == 0


def test_a_lab_code_not_in_the_list_stays_unlisted_whatever_its_text() -> None:
    result = run(fee("9010", "36"), lab("0999", "36", "50.00", description="Implantat-Steg"))
    assert lab_result(result).eligible == D("0.00") and "lab.unlisted" in [f.code for f in result.findings]


def test_a_material_row_of_a_one_sheet_table_needs_no_number(tmp_path: Path) -> None:
    header = ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag", "Einzelpreis", "MwSt"]
    day = dt.datetime(2026, 3, 10)
    rows = [[day, "36", "GOZ", "9010", "Implantat", 1, 2.3, None, None, None]]
    rows += [[day, "36", "Material", None, "Implantat Straumann", 1, None, 345, None, 0]]
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", rows, fee_header=header))
    assert [(line.code, line.amount) for line in plan.lab_lines] == [("MATERIAL", D("345"))] and plan.left_out == ()
    assert lab_result(estimate(plan, load_tariffs())).benefit == D("276.00")


def test_material_on_an_implant_over_the_limit_is_not_said_to_be_eligible_as_billed() -> None:
    # seven implants in the lower jaw, two more at 36 and 37: the one at 37 is over the limit, and its material with it
    result = run(
        fee("9010", "36,37", count=2),
        lab("Material", "37", "320.00", description="Implantat", vat_percent=0),
        lab("Material", "36", "320.00", description="Implantat", vat_percent=0),
        implants_lower=7,
    )
    on_37, on_36 = (r for r in result.lines if r.kind == "lab")
    assert (on_37.line_class, on_37.eligible) == (LineClass.X, D("0.00")) and on_36.eligible == D("320.00")
    reviewed = [(f.sheet, f.row) for f in result.findings if f.code == "lab.material_review"]
    assert reviewed == [(on_36.line.sheet, on_36.line.row)]  # „erstattungsfähig wie berechnet“ only where it is


def test_impression_material_is_billed_beside_any_goz_service_of_its_day() -> None:
    # GOZ Abschnitt A, Allgemeine Bestimmungen Nr. 2: „Das bei Leistungen nach diesem Gebührenverzeichnis verwendete
    # Abformungsmaterial ist gesondert berechnungsfähig.“ – beside a crown, which no list of materials_with names
    crown = fee("2210", "15")
    beside = run(crown, lab("Material", "15", "9.80", description="Abformmaterial", vat_percent=0))
    result = lab_result(beside)
    assert (result.line_class, result.eligible, result.benefit) == (LineClass.A, D("9.80"), D("7.84"))  # the crown's 80 %
    step = result.explanations[-2]  # then the rate
    assert step.rule == "GOZ Abschnitt A, Allgemeine Bestimmungen Nr. 2"
    assert step_text(step) == "Abformungsmaterial neben GOZ 2210: gesondert berechnungsfähig, erstattungsfähig wie berechnet"
    elsewhere = lab_result(run(crown, fee("2060", "36"), lab("MAT", "46", "9.80", description="Alginat", vat_percent=0)))
    assert elsewhere.eligible == D("9.80") and elsewhere.line_class is LineClass.B  # those of its day: B beside a B
    crown_day = lab_result(run(crown, lab("MAT", "46", "9.80", description="Alginat", vat_percent=0)))
    assert crown_day.line_class is LineClass.A  # beside the crown alone
    for code, text in (("SCAN", "Digitale Abformung (Intraoralscan)"), ("DES", "Abdruckdesinfektion"), ("LOE", "Abformlöffel")):
        assert lab_result(run(crown, lab(code, "15", "25.00", description=text, vat_percent=0))).eligible == D("0.00")
    another_day = lab("Material", "15", "9.80", description="Abformmaterial", vat_percent=0, date=dt.date(2026, 4, 1))
    assert lab_result(run(crown, another_day)).eligible == D("0.00")  # no GOZ service that day: with the fees
    anaesthetic = lab("Material", "15", "4.00", description="Anästhetikum", vat_percent=0)
    assert lab_result(run(crown, anaesthetic)).eligible == D("0.00")  # other material: beside the services listed only

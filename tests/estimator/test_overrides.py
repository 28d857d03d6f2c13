"""Reviewer overrides: a line's eligible amount or class set with a reason; every output says who and why."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from estimator.case import Case, CaseError
from estimator.codes import Code
from estimator.command.cli import main
from estimator.io.casefile import case_json, load_case, save_case
from estimator.io.excel import read_plan
from estimator.kinds import Cause, LineClass, Severity
from estimator.model import Override
from estimator.output.pdf import build_pdf
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.teeth import parse_teeth
from estimator.wording import finding_text, rule_text, step_text
from tests.conftest import GOLDEN
from tests.estimator.builders import fee, lab, lab_result, plan

CROWN = GOLDEN / "crown_basic.xlsx"
OVERRIDES = [
    "--override",
    "Leistungen!3:erstattungsfähig=150,00:Faktor 2,3 nicht begründet",
    "--override",
    "Labor!2:Klasse=X:Modell nicht notwendig",
    "--reviewer",
    "M. Prüfer",
]


def test_overrides_change_the_lines_with_their_reasons(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    assert main(["estimate", str(CROWN), "--json", str(out), *OVERRIDES]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    crown = next(line for line in data["lines"] if line["sheet"] == "Leistungen" and line["row"] == 3)
    assert crown["eligible"] == "150.00" and crown["benefit"] == "120.00"
    review = [e for e in crown["explanations"] if e["rule"] == "Prüfung"]
    assert review == [
        {
            "rule": "Prüfung",
            "code": "step.review_eligible",
            "text": "M. Prüfer: erstattungsfähig auf 150,00\u00a0€ gesetzt – Faktor 2,3 nicht begründet",
            "before": "217.06",
            "after": "150.00",
        }
    ]
    assert crown["reductions"] == {"rate": "30.00", "override": "67.06"}
    model = next(line for line in data["lines"] if line["sheet"] == "Labor" and line["row"] == 2)
    assert model["class"] == "X" and model["benefit"] == "0.00"
    assert model["reductions"] == {"not_eligible": "12.20"}  # a class-X line: spec 7, step 9
    assert (data["reductions"]["override"], data["reductions"]["not_eligible"]) == ("67.06", "12.20")
    assert [o["reviewer"] for o in data["overrides"]] == ["M. Prüfer", "M. Prüfer"]
    assert sum(1 for f in data["findings"] if f["code"] == "override.applied") == 2


def test_overrides_appear_in_the_pdf_the_workbook_and_the_text(tmp_path: Path, capsys: object) -> None:
    pdf, xlsx = tmp_path / "s.pdf", tmp_path / "s.xlsx"
    assert main(["estimate", str(CROWN), "--pdf", str(pdf), "--xlsx", str(xlsx), *OVERRIDES]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "M. Prüfer" in text and "Faktor 2,3 nicht begründet" in text and "Modell nicht notwendig" in text
    rows = list(openpyxl.load_workbook(xlsx)["Zeilen"].iter_rows(min_row=2, values_only=True))
    assert any("Prüfung: M. Prüfer" in (row[-1] or "") for row in rows)
    assert main(["estimate", str(CROWN), *OVERRIDES]) == 0
    assert "Prüfung durch M. Prüfer" in capsys.readouterr().out  # type: ignore[attr-defined]


def test_the_letter_does_not_say_the_rules_amount_of_a_line_whose_amount_a_reviewer_decided() -> None:
    # 2210 at factor 4,0 without a reason: the rules pay up to the fee at 3,5; the reviewer accepts the whole bill
    high = fee("2210", "17", factor="4.0", amount="377.50")
    decided = Override("Leistungen", 2, "M. Prüfer", "Erschwernis belegt", Decimal("377.50"))

    def letter(*overrides: Override) -> str:
        result = estimate(plan(high, overrides=overrides), load_tariffs())
        data = build_pdf(result, load_tariffs(), dt.date(2026, 3, 1))
        return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)

    assert "Faktor 4,0 über dem Höchstsatz" in letter()
    said = letter(decided)
    assert "Faktor 4,0 über dem Höchstsatz" not in said and "Erschwernis belegt" in said and "377,50" in said
    below = dataclasses.replace(decided, eligible=Decimal("300.00"))  # below the rules' 330,31 €: their cut stands, said
    assert "Faktor 4,0 über dem Höchstsatz" in letter(below)


def test_reviewer_taking_a_line_out_of_class_x_restores_its_amount() -> None:
    plan = dataclasses.replace(
        read_plan(GOLDEN / "implant_limit.xlsx"),
        overrides=(Override("Leistungen", 5, "M. Prüfer", "Implantat ersetzt ein verlorenes", line_class=LineClass.A),),
    )
    line = next(r for r in estimate(plan, load_tariffs()).lines if (r.line.sheet, r.line.row) == ("Leistungen", 5))
    assert (line.line_class, line.eligible, line.benefit) == (LineClass.A, Decimal("199.86"), Decimal("159.89"))
    assert sum(line.reductions.values()) == line.billed - line.benefit


def test_override_without_reviewer_or_on_a_missing_line(tmp_path: Path, capsys: object) -> None:
    assert main(["estimate", str(CROWN), "--override", "Leistungen!3:Klasse=B:weil"]) == 2
    assert "--reviewer" in capsys.readouterr().err  # type: ignore[attr-defined]
    plan = dataclasses.replace(
        read_plan(CROWN), overrides=(Override("Leistungen", 99, "M. Prüfer", "Test", line_class=LineClass.B),)
    )
    findings = estimate(plan, load_tariffs()).findings
    assert [f.code for f in findings if f.code.startswith("override")] == ["override.unknown_line"]


def test_a_decision_on_the_command_line_for_no_line_writes_nothing_and_exits_2(tmp_path: Path, capsys: object) -> None:
    # a typo in the row or the sheet: the letter would go out without the reviewer's decision
    pdf = tmp_path / "s.pdf"
    for place in ("Leistungen!99", "Leistung!3"):
        asked = ["--override", f"{place}:Klasse=X:weil", "--reviewer", "M. Prüfer", "--pdf", str(pdf)]
        assert main(["estimate", str(CROWN), *asked]) == 2
        said = capsys.readouterr().err  # type: ignore[attr-defined]
        assert said.startswith("hkp: --override: Prüfung (M. Prüfer): keine Zeile") and "nichts geschrieben" in said
        assert not pdf.exists()
    # a sheet's name in any case, as Excel takes it; two decisions on one line so written are joined
    out = tmp_path / "s.json"
    asked = ["--override", "leistungen!3:Klasse=B:weil", "--override", "Leistungen!3:erstattungsfähig=50:Teil"]
    assert main(["estimate", str(CROWN), *asked, "--reviewer", "M. Prüfer", "--json", str(out)]) == 0
    decisions = json.loads(out.read_text(encoding="utf-8"))["overrides"]
    assert [(d["sheet"], d["row"], d["class"], d["eligible"]) for d in decisions] == [("Leistungen", 3, "B", "50.00")]


def test_overrides_survive_the_case_file(tmp_path: Path) -> None:
    override = Override("Leistungen", 3, "M. Prüfer", "Faktor nicht begründet", Decimal("150.00"), LineClass.B)
    case = Case.from_plan(read_plan(CROWN)).with_override(override, "Leistungen", 3)
    save_case(case, tmp_path / "f.hkp.json")
    again = load_case(tmp_path / "f.hkp.json")
    assert again.overrides == (override,)
    assert estimate(again.plan(), load_tariffs()).totals == estimate(case.plan(), load_tariffs()).totals
    assert again.with_override(None, "Leistungen", 3).overrides == ()


def test_decisions_on_one_line_of_one_kind_given_again_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    pairs = []
    for number in range(15):
        pairs += ["--override", f"Leistungen!3:klasse=B:Grund {number}", "--override", f"Leistungen!3:klasse=A:anders {number}"]
    pdf, out = tmp_path / "s.pdf", tmp_path / "s.json"
    assert main(["estimate", str(CROWN), "--reviewer", "M. Prüfer", *pairs, "--pdf", str(pdf), "--json", str(out)]) == 2
    assert not pdf.exists() and not out.exists()


def test_a_case_file_with_two_decisions_on_one_line_is_refused(tmp_path: Path) -> None:
    data = case_json(Case.from_plan(read_plan(CROWN)))
    decision = {"sheet": "Leistungen", "row": 3, "reviewer": "M", "reason": "r", "eligible": "5.00", "line_class": None}
    data["overrides"] = [decision, decision]
    (tmp_path / "f.hkp.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CaseError, match="mehr als eine Prüfung"):
        load_case(tmp_path / "f.hkp.json")


def test_a_reviewer_class_on_a_line_before_insurance_start_counts_in_the_first_year() -> None:
    plan = read_plan(CROWN)
    person = dataclasses.replace(plan.person, insurance_start=dt.date(2100, 1, 1), prior_class_a=(Decimal(1000),) * 4)
    decision = Override("Leistungen", 3, "M. Prüfer", "geprüft", line_class=LineClass.A)
    result = estimate(dataclasses.replace(plan, person=person, overrides=(decision,)), load_tariffs())
    crown = next(r for r in result.lines if (r.line.sheet, r.line.row) == ("Leistungen", 3))
    assert (crown.line_class, crown.benefit) == (LineClass.A, Decimal("0.00"))  # year 1 is used up by the history
    assert crown.reductions.get(Cause.STAGED_CAP) == Decimal("173.65")


def test_an_eligible_amount_above_the_billed_one_is_refused_on_the_command_line_and_limited_in_a_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.json"
    above = ["--override", "Leistungen!3:erstattungsfähig=5000:Materialkosten", "--reviewer", "M. Prüfer"]
    assert main(["estimate", str(CROWN), "--json", str(out), *above]) == 2  # as the window's form takes none
    assert "erstattungsfähig 5.000,00\u00a0€ liegt über dem Rechnungsbetrag 217,06\u00a0€" in capsys.readouterr().err
    assert not out.exists()
    # a case file's decision on a line that bills less since: limited, and said so
    decided = Override("Leistungen", 3, "M. Prüfer", "Materialkosten", Decimal("5000"))
    result = estimate(dataclasses.replace(read_plan(CROWN), overrides=(decided,)), load_tariffs())
    crown = next(r for r in result.lines if (r.line.sheet, r.line.row) == ("Leistungen", 3))
    assert crown.eligible == crown.billed == Decimal("217.06")
    said = [f for f in result.findings if f.code == "override.above_billed"]
    assert [f.severity for f in said] == [Severity.WARNING]
    steps = [step_text(step) for step in crown.explanations if rule_text(step.rule) == "Prüfung"]
    # it read „erstattungsfähig auf 217,06 € gesetzt“, an amount the reviewer never set
    assert steps == [
        "M. Prüfer: erstattungsfähig 5.000,00\u00a0€ gesetzt, begrenzt auf den Rechnungsbetrag 217,06\u00a0€ – Materialkosten"
    ]


def test_a_decision_on_a_row_the_import_left_out_says_so(tmp_path: Path) -> None:
    from tests.estimator.test_import_broken import fee, plan_with  # noqa: PLC0415

    plan = read_plan(plan_with(tmp_path, fee(Zahn="99")))
    decided = dataclasses.replace(plan, overrides=(Override("Leistungen", 3, "M. Prüfer", "Krone", Decimal("100")),))
    found = [f for f in estimate(decided, load_tariffs()).findings if f.code.startswith("override.")]
    assert [f.code for f in found] == ["override.left_out_line"]


def test_an_eligible_amount_on_a_class_x_line_is_said_not_to_act_until_its_class_is_set() -> None:
    ninth = fee("9010", "16", amount="300.00")  # the ninth implant in the upper jaw: class X by the implant limit
    alone = Override("Leistungen", 2, "M. Prüfer", "Altimplantat entfernt", Decimal("80.00"))
    result = estimate(plan(ninth, overrides=(alone,), implants_upper=8), load_tariffs())
    assert (result.lines[0].line_class, result.lines[0].eligible) == (LineClass.X, Decimal("0.00"))
    assert [f.code for f in result.findings if f.code.startswith("override.")] == ["override.eligible_on_x"]
    with_class = dataclasses.replace(alone, line_class=LineClass.A)
    result = estimate(plan(ninth, overrides=(with_class,), implants_upper=8), load_tariffs())
    assert (result.lines[0].line_class, result.lines[0].eligible) == (LineClass.A, Decimal("80.00"))
    assert "override.eligible_on_x" not in [f.code for f in result.findings]


def test_a_reviewers_amount_replaces_the_rules_cuts_of_a_line_without_a_negative_cause() -> None:
    over = fee("2210", "16", factor="4.0")  # 377,50 € billed, 330,31 € at the maximum without a reason
    decided = Override("Leistungen", 2, "M. Prüfer", "Begründung liegt vor", Decimal("377.50"))
    line = estimate(plan(over, overrides=(decided,)), load_tariffs()).lines[0]
    assert line.eligible == Decimal("377.50")
    assert line.reductions == {Cause.RATE: Decimal("75.50")}  # no fee_limits 47,19 with override −47,19
    assert sum(line.reductions.values()) == line.billed - line.benefit


def test_an_amount_on_a_surcharge_that_follows_its_excluded_service_is_said_not_to_act() -> None:
    service_out = Override("Leistungen", 2, "M. Prüfer", "nicht versichert", None, LineClass.X)
    surcharge = Override("Leistungen", 3, "M. Prüfer", "Zuschlag gekürzt", Decimal("10.00"))
    result = estimate(
        plan(fee("3000", "46"), fee("0500", "46", factor="1.0"), overrides=(service_out, surcharge)), load_tariffs()
    )
    assert (result.lines[1].line_class, result.lines[1].eligible) == (LineClass.X, Decimal("0.00"))
    said = [f for f in result.findings if f.code == "override.eligible_on_x"]
    assert [(f.sheet, f.row) for f in said] == [("Leistungen", 3)]


@pytest.mark.parametrize("refused_row", [2, 3])
def test_the_days_surcharge_stays_with_an_equal_surgery_when_a_review_refuses_the_other(refused_row: int) -> None:
    refused = Override("Leistungen", refused_row, "M. Prüfer", "nicht notwendig", None, LineClass.X)
    lines = (fee("3030", "38"), fee("3030", "48"), fee("0500", "", factor="1.0"))
    surcharge = estimate(plan(*lines, overrides=(refused,)), load_tariffs()).lines[2]
    assert (surcharge.line_class, surcharge.eligible) == (LineClass.B, Decimal("22.50"))  # in either row
    moved = any(step.phrase.code is Code.STEP_SURCHARGE_MOVED for step in surcharge.explanations)
    assert moved is (refused_row == 2)  # its service was the first of the two equal ones


def test_a_refused_crown_takes_its_lab_work_along_and_says_what_else_on_its_tooth_stays() -> None:
    refused = Override("Leistungen", 2, "M. Prüfer", "nicht notwendig", None, LineClass.X)
    alone = estimate(plan(fee("2210", "16"), lab("0344", "16", "61.50"), overrides=(refused,)), load_tariffs())
    assert (alone.lines[1].line_class, alone.lines[1].eligible) == (LineClass.X, Decimal("0.00"))  # as the Klasse column
    assert "override.lab_stays" not in [f.code for f in alone.findings]
    beside = estimate(plan(fee("2210", "16"), fee("2060", "16"), lab("0001", "16", "5.70"), overrides=(refused,)), load_tariffs())
    # beside the filling on its tooth the model stays as computed with the crown (A, 80 %), not raised to the filling's
    # 100 %: a refusal raises nothing (Work.take_class); the reviewer decides it
    assert (beside.lines[2].line_class, beside.lines[2].benefit) == (LineClass.A, Decimal("4.88"))
    [said] = [f for f in beside.findings if f.code == "override.lab_stays"]
    assert finding_text(said) == (
        "GOZ 2210, Zahn 16 ist nach der Prüfung nicht erstattungsfähig; die Zeile darauf (0001) bleibt wie "
        "gerechnet – bitte einzeln prüfen"
    )


def test_refusing_a_crown_raises_nothing_of_its_lab_work_and_preparation() -> None:
    # the anaesthesia and adhesive of a crown are preparatory (A, 80 %) and its lab work A; refused, the crown no longer
    # made them B at 100 % (+20,51 € on one tooth), and what the notice calls „wie gerechnet“ is so
    lines = (fee("0090", "16"), fee("2197", "16"), fee("2210", "16"), lab("0001", "16", "11.40"), lab("0344", "16", "61.50"))
    before = estimate(plan(*lines), load_tariffs())
    refused = Override("Leistungen", 4, "M. Prüfer", "Krone nicht notwendig", None, LineClass.X)
    after = estimate(plan(*lines, overrides=(refused,)), load_tariffs())
    others = [i for i in range(5) if i != 2]
    assert [(after.lines[i].line_class, after.lines[i].benefit) for i in others] == [
        (before.lines[i].line_class, before.lines[i].benefit) for i in others
    ]
    assert after.lines[2].benefit == 0 and after.totals.benefit == before.totals.benefit - before.lines[2].benefit
    [said] = [f for f in after.findings if f.code == "override.lab_stays"]
    assert "2 Zeilen darauf (0001, 0344) bleiben wie gerechnet" in finding_text(said)
    by_hand = estimate(plan(*lines[:2], fee("2210", "16", manual_class="X"), *lines[3:]), load_tariffs())
    assert [r.benefit for r in by_hand.lines] == [r.benefit for r in after.lines]  # the Klasse column alike


def test_a_refused_crown_leaves_its_lab_work_its_accident_and_the_users_class_beside_it() -> None:
    # the crown an accident's, the anaesthesia not; the first year's cap used up by seven other crowns: the lab work
    # was the accident's (free of the cap) and lost it – 52,65 € to 0,00 € – when the crown was refused
    others = [fee("2210", t) for t in ("26", "36", "46", "27", "37", "47", "25")]
    lines = (fee("0090", "16"), fee("2210", "16", accident=True), lab("0344", "16", "61.50"), *others)
    refused = Override("Leistungen", 3, "M. Prüfer", "nicht notwendig", None, LineClass.X)
    start = dt.date(2026, 1, 1)
    after = estimate(plan(*lines, overrides=(refused,), insurance_start=start), load_tariffs())
    lab_line = next(r for r in after.lines if r.kind == "lab")
    assert (lab_line.accident, lab_line.benefit) == (True, Decimal("52.65"))
    # the user's Klasse B on the crown stands beside a reviewer's refusal: the anaesthesia and the lab work stay B
    by_user = (fee("0090", "16"), fee("2210", "16", manual_class="B"), lab("0344", "16", "61.50"))
    reviewed = estimate(plan(*by_user, overrides=(refused,)), load_tariffs())
    assert [r.line_class for r in reviewed.lines] == [LineClass.B, LineClass.X, LineClass.B]


def test_a_model_without_a_tooth_goes_with_the_refused_lines_that_bill_most() -> None:
    # a 12-year-old's orthodontics refused in the Klasse column: the model without a tooth was paid at 100 % again
    lines = (fee("6030", "OK", manual_class="X"), fee("6040", "UK", manual_class="X"), fee("0010"), lab("0001", "", "5.70"))
    result = estimate(plan(*lines, birth_date=dt.date(2014, 1, 1)), load_tariffs())
    assert (result.lines[-1].line_class, result.lines[-1].benefit) == (LineClass.X, Decimal("0.00"))
    # a refused crown beside a paid one and fillings: the model stays A, not raised to the fillings' B
    crowns = (fee("2210", "16"), fee("2210", "26"), *(fee("2100", t) for t in ("36", "37", "46")), lab("0001", "", "50.00"))
    refused = Override("Leistungen", 2, "M. Prüfer", "nicht notwendig", None, LineClass.X)
    model = estimate(plan(*crowns, overrides=(refused,)), load_tariffs()).lines[-1]
    assert (model.line_class, model.benefit) == (LineClass.A, Decimal("4.88"))


def test_a_refused_anaesthesia_names_no_lab_work_and_a_refused_implant_names_the_crown_on_it() -> None:
    crown = (fee("0090", "16"), fee("2210", "16"), lab("0344", "16", "61.50"))
    refused = Override("Leistungen", 2, "M. Prüfer", "nicht notwendig", None, LineClass.X)  # the anaesthesia
    result = estimate(plan(*crown, overrides=(refused,)), load_tariffs())
    assert "override.lab_stays" not in [f.code for f in result.findings]  # the lab work is the crown's
    implant = (fee("9010", "36"), fee("2200", "36"), lab("I 111", "36", "160.00"), fee("2060", "37"))
    result = estimate(plan(*implant, overrides=(refused,)), load_tariffs())
    [said] = [f for f in result.findings if f.code == "override.lab_stays"]
    assert (
        "GOZ 9010, Zahn 36 ist nach der Prüfung nicht erstattungsfähig; 2 Zeilen darauf (2200, I 111) bleiben wie gerechnet"
        in finding_text(said)
    )


def test_a_refused_splint_names_its_lab_work_that_the_jaws_other_work_keeps_paid() -> None:
    # the splint's lab work on the lower jaw takes class A from the bridge there: refusing the splint leaves it paid
    lines = (fee("5010", "34"), fee("5010", "36"), fee("5070", "35"), fee("7000", "UK"), lab("0827", "UK", "104.30"))
    refused = Override("Leistungen", 5, "M. Prüfer", "nicht indiziert", None, LineClass.X)  # the splint
    result = estimate(plan(*lines, overrides=(refused,)), load_tariffs())
    assert result.lines[-1].line_class is LineClass.A and result.lines[-1].benefit > 0
    [said] = [f for f in result.findings if f.code == "override.lab_stays"]
    assert finding_text(said).startswith(
        "GOZ 7000, Unterkiefer ist nach der Prüfung nicht erstattungsfähig; die Zeile darauf (0827) bleibt wie gerechnet"
    )


def test_a_surgery_of_fewer_points_does_not_take_the_surcharge_of_a_refused_one() -> None:
    refused = Override("Leistungen", 2, "M. Prüfer", "nicht notwendig", None, LineClass.X)
    lines = (fee("9010", "36"), fee("3030", "38"), fee("0530", "", factor="1.0"))  # 1545 points, then 350
    surcharge = estimate(plan(*lines, overrides=(refused,)), load_tariffs()).lines[2]
    assert (surcharge.line_class, surcharge.eligible) == (LineClass.X, Decimal("0.00"))


def test_a_review_that_sets_class_x_and_an_amount_is_told_the_amount_does_not_act() -> None:
    both = Override("Leistungen", 2, "M. Prüfer", "nicht notwendig", Decimal("50.00"), LineClass.X)
    result = estimate(plan(fee("2210", "16"), overrides=(both,)), load_tariffs())
    assert result.lines[0].eligible == Decimal("0.00")
    assert [f.code for f in result.findings if f.code.startswith("override.eligible")] == ["override.eligible_with_x"]


def test_a_review_of_the_command_line_replacing_one_of_the_case_file_is_said(tmp_path: Path) -> None:
    case = Case.from_plan(read_plan(CROWN)).with_override(
        Override("Leistungen", 3, "M. Prüfer", "Faktor nicht begründet", Decimal("150.00"), None), "Leistungen", 3
    )
    save_case(case, tmp_path / "fall.hkp.json")
    out = tmp_path / "s.json"
    second = ["--reviewer", "B. Zweit", "--override", "Leistungen!3:erstattungsfähig=100,00:zweite Prüfung"]
    assert main(["estimate", str(tmp_path / "fall.hkp.json"), "--json", str(out), *second]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(o["reviewer"], o["eligible"]) for o in data["overrides"]] == [("B. Zweit", "100.00")]
    (replaced,) = [f for f in data["findings"] if f["code"] == "override.replaced"]
    assert (replaced["sheet"], replaced["row"], replaced["severity"]) == ("Leistungen", 3, "warning")
    assert "M. Prüfer" in replaced["message"] and "B. Zweit" in replaced["message"]
    assert load_case(tmp_path / "fall.hkp.json").overrides[0].reviewer == "M. Prüfer"  # the file keeps it


def test_a_surgery_the_surcharge_is_also_for_keeps_it_when_the_service_of_most_points_is_excluded() -> None:
    # 0530 is for a service of 1200 points and more: the sinus lift (9120, 3000 points) is refused, the bone
    # augmentation (9100, 2694 points) stays – the day's 0530 would be the same for it alone, and stays eligible.
    refused = Override("Leistungen", 2, "M. Prüfer", "nicht notwendig", None, LineClass.X)
    lines = (fee("9120", "26"), fee("9100", "14-16"), fee("0530", "", factor="1.0"))
    surcharge = estimate(plan(*lines, overrides=(refused,)), load_tariffs()).lines[2]
    assert (surcharge.line_class, surcharge.eligible) == (LineClass.A, Decimal("123.73"))  # 2200 points at 1,0
    assert any(step.phrase.code is Code.STEP_SURCHARGE_MOVED for step in surcharge.explanations)


def test_a_reviewers_class_acts_as_the_klasse_column_does_on_what_follows_from_it() -> None:
    # the crown set to B: its build-up, its anaesthesia and its lab work are no longer preparatory to a crown (A) but
    # B, all at 100 % – as when the practice writes B in the Klasse column
    lines = (fee("2210", "36"), fee("2197", "36"), fee("0090", "36"), lab("0344", "36", "61.50"))
    to_b = Override("Leistungen", 2, "M. Prüfer", "Teilkrone, Zahnerhaltung", None, LineClass.B)
    reviewed = estimate(plan(*lines, overrides=(to_b,)), load_tariffs())
    by_column = estimate(plan(fee("2210", "36", manual_class="B"), *lines[1:]), load_tariffs())
    assert [r.line_class for r in reviewed.lines] == [LineClass.B] * 4
    assert reviewed.totals.benefit == by_column.totals.benefit == Decimal("307.45")
    said = next(f for f in reviewed.findings if f.code == "override.applied")
    assert finding_text(said) == "GOZ 2210, Zahn 36: Prüfung durch M. Prüfer: Klasse A → B – Teilkrone, Zahnerhaltung"


def test_a_refused_implant_leaves_its_place_under_the_limit_to_the_next() -> None:
    # seven present in the lower jaw; the reviewer refuses the implant at 34: the one at 36 is the eighth, covered
    refused = Override("Leistungen", 2, "M. Prüfer", "nicht notwendig", None, LineClass.X)
    lines = (
        fee("9010", "34"),
        fee("9010", "36", date=dt.date(2026, 3, 20)),
        lab("I 115", "36", "73.40"),
    )
    result = estimate(plan(*lines, overrides=(refused,), implants_lower=7), load_tariffs())
    assert [r.line_class for r in result.lines] == [LineClass.X, LineClass.A, LineClass.A]
    assert result.totals.benefit == Decimal("159.89") + Decimal("62.83")  # 199,86 and 78,54 at 80 %


def test_the_lab_lists_limit_per_jaw_is_counted_after_the_reviews() -> None:
    # seven implants present below; 36 is the ninth (excluded) – its template set to A by a review is paid, and then
    # the jaw's one template is its: the other is cut; a reviewer's amount of 0 takes no unit and is not cut
    lines = (fee("9010", "34"), fee("9010", "36"), lab("I 112", "34", "30.00"), lab("I 112", "36", "30.00"))
    to_a = Override("Labor", 3, "M. Prüfer", "Schablone nötig", None, LineClass.A)
    reviewed = estimate(plan(*lines, overrides=(to_a,), implants_lower=7), load_tariffs())
    templates = [r for r in reviewed.lines if r.kind == "lab"]
    assert sum(r.eligible for r in templates) == Decimal("32.10")  # one per jaw, whichever
    nothing = Override("Labor", 2, "M. Prüfer", "nicht nötig", Decimal("0.00"))
    zero = estimate(plan(*lines, lab("I 112", "33", "30.00"), overrides=(nothing,), implants_lower=6), load_tariffs())
    assert [r.eligible for r in zero.lines if r.kind == "lab"] == [Decimal("0.00"), Decimal("32.10"), Decimal("0.00")]


def test_a_reviewers_amount_is_cut_by_the_lab_lists_limit_per_jaw_as_by_the_pzr_limit() -> None:
    # B 269 „I 112 … pro Kiefer 1x“: two units billed, the rules pay one (32,10 €); a reviewer's 40,00 € „Preis zu hoch“
    # was meant as a cut and paid more than the rules – an amount for the line's units is no decision about the jaw's
    templates = (fee("9010", "14,24"), lab("I 112", "OK", "30.00", quantity=2))
    decided = Override("Labor", 2, "M. Prüfer", "Preis zu hoch, gekürzt", Decimal("40.00"))
    result = estimate(plan(*templates, overrides=(decided,)), load_tariffs())
    line = lab_result(result)
    assert line.eligible == Decimal("32.10") and line.reductions[Cause.LAB_PRICES] == Decimal("7.90")
    said = {f.code: finding_text(f) for f in result.findings if f.sheet == "Labor"}
    assert said["override.cut_after"] == (
        "Labor I 112, Oberkiefer: erstattungsfähig 40,00\u00a0€ laut Prüfung durch M. Prüfer, danach gekürzt "
        "(Laborhöchstpreise) auf 32,10\u00a0€"
    )
    assert "höchstens 1× je Kiefer" in " ".join(said.values())
    lower = dataclasses.replace(decided, eligible=Decimal("25.00"))  # within the jaw's one: as decided
    assert lab_result(estimate(plan(*templates, overrides=(lower,)), load_tariffs())).eligible == Decimal("25.00")


def test_a_reviewers_cut_below_the_rules_result_keeps_the_rules_cuts_and_adds_its_own() -> None:
    # 0344 billed at 70,00 € + VAT (74,90 €), B 269 at most 61,50 € + VAT (65,81 €): the lab list cuts 9,09 €; the
    # reviewer's 60,00 € cuts 5,81 € more – not 14,90 € as if the lab list had cut nothing
    crown = (fee("2210", "17"), lab("0344", "17", "70.00"))
    decided = Override("Labor", 2, "M. Prüfer", "Preis zu hoch", Decimal("60.00"))
    line = lab_result(estimate(plan(*crown, overrides=(decided,)), load_tariffs()))
    assert (line.reductions[Cause.LAB_PRICES], line.reductions[Cause.OVERRIDE]) == (Decimal("9.09"), Decimal("5.81"))
    above = dataclasses.replace(decided, eligible=Decimal("70.00"))  # above the rules' result: the review's instead
    line = lab_result(estimate(plan(*crown, overrides=(above,)), load_tariffs()))
    assert Cause.LAB_PRICES not in line.reductions and line.reductions[Cause.OVERRIDE] == Decimal("4.90")


def test_a_review_amount_the_line_already_has_is_still_shown_in_its_steps() -> None:
    decided = Override("Leistungen", 2, "M. Prüfer", "Faktor nicht begründet", Decimal("217.06"), None)  # the bill
    crown = estimate(plan(fee("2210", "16"), overrides=(decided,)), load_tariffs()).lines[0]
    assert crown.eligible == Decimal("217.06")
    assert any(rule_text(step.rule) == "Prüfung" and "M. Prüfer" in step_text(step) for step in crown.explanations)


def test_a_refused_denture_on_a_whole_jaw_names_the_lab_work_that_stays() -> None:
    refused = Override("Leistungen", 2, "M. Prüfer", "nicht notwendig", None, LineClass.X)
    lines = (fee("5220", "OK"), fee("3000", "17"), lab("0801", "OK", "40.00"))  # beside the extraction on the jaw
    result = estimate(plan(*lines, overrides=(refused,)), load_tariffs())
    # the denture's lab work stays as computed with the denture (A), not raised to the extraction's B (take_class)
    assert result.lines[2].line_class is LineClass.A and "override.lab_stays" in [f.code for f in result.findings]
    inlay = (fee("5220", "OK"), fee("2160", "24"), lab("0320", "24", "93.80"))  # the inlay's own lab work: not named
    beside = estimate(plan(*inlay, overrides=(refused,)), load_tariffs())
    assert "override.lab_stays" not in [f.code for f in beside.findings]


def test_a_reviewers_amount_the_pzr_limit_cuts_after_is_said_with_what_cut_it() -> None:
    cleaning = fee("1040", "", count="28", factor="2.3", amount="101.36")  # PZR: at most 100,00 € a calendar year
    decided = Override("Leistungen", 2, "M. Prüfer", "nur Teil-PZR", Decimal("80.00"))
    result = estimate(plan(cleaning, overrides=(decided,), pzr_reimbursed=Decimal("50.00")), load_tariffs())
    line = result.lines[0]
    assert line.eligible == Decimal("50.00")  # 100,00 € less the 50,00 € reimbursed this year
    assert line.reductions[Cause.PZR_LIMIT] == Decimal("30.00") and line.reductions[Cause.OVERRIDE] == Decimal("21.36")
    cut = [f for f in result.findings if f.code == "override.cut_after"]
    assert [finding_text(f) for f in cut] == [
        "GOZ 1040: erstattungsfähig 80,00\u00a0€ laut Prüfung durch M. Prüfer, danach gekürzt (PZR-Höchstbetrag) auf 50,00\u00a0€"
    ]
    assert finding_text(cut[0], "en").endswith("as reviewed by M. Prüfer, then reduced (PZR limit) to €50.00")
    # a PZR at 4,0 (cut to the fee at 3,5 by the rules) decided at 150,00 €: only the limit of the year cut after it
    high = fee("1040", "", count="28", factor="4.0", amount="176.28")
    cut_high = Override("Leistungen", 2, "M. Prüfer", "aufwendig", Decimal("150.00"))
    said = [finding_text(f) for f in estimate(plan(high, overrides=(cut_high,)), load_tariffs()).findings]
    assert (
        "GOZ 1040: erstattungsfähig 150,00\u00a0€ laut Prüfung durch M. Prüfer, danach gekürzt (PZR-Höchstbetrag) auf 100,00\u00a0€"
        in said
    )
    within = dataclasses.replace(decided, eligible=Decimal("40.00"))  # below what the limit leaves: nothing cut
    result = estimate(plan(cleaning, overrides=(within,), pzr_reimbursed=Decimal("50.00")), load_tariffs())
    assert result.lines[0].eligible == Decimal("40.00") and "override.cut_after" not in [f.code for f in result.findings]


def test_a_decision_on_a_line_without_a_treatment_day_says_so_not_that_there_is_no_line() -> None:
    undated = fee("2210", "16", amount="300.00", date=None)
    decided = Override("Leistungen", 2, "M. Prüfer", "zu hoch", Decimal("100.00"))
    result = estimate(plan(undated, plan_date=None, overrides=(decided,)), load_tariffs())
    said = [f for f in result.findings if f.code.startswith("override.")]
    assert [f.code for f in said] == ["override.undated_line"]
    assert "hat keinen Behandlungstag und ist in keiner Summe" in finding_text(said[0])
    assert said[0].severity.value == "error" and (said[0].sheet, said[0].row) == ("Leistungen", 2)


def test_a_class_the_reviewer_confirms_is_said_with_who_and_why() -> None:
    crown = fee("2210", "16", amount="300.00")  # class A by the rules
    confirmed = Override("Leistungen", 2, "M. Prüfer", "nach Röntgenbild", None, LineClass.A)
    result = estimate(plan(crown, overrides=(confirmed,)), load_tariffs())
    line = result.lines[0]
    assert line.line_class is LineClass.A and line.benefit == Decimal("240.00")
    assert [step_text(s) for s in line.explanations if rule_text(s.rule) == "Prüfung"] == [
        "M. Prüfer: Klasse A bestätigt – nach Röntgenbild"
    ]
    applied = [finding_text(f) for f in result.findings if f.code == "override.applied"]
    assert applied == ["GOZ 2210, Zahn 16: Prüfung durch M. Prüfer: Klasse A bestätigt – nach Röntgenbild"]


def test_a_reviewers_amount_with_parts_of_a_cent_is_refused_never_rounded(tmp_path: Path, capsys: object) -> None:
    out = tmp_path / "s.json"
    decided = ["--reviewer", "M. Prüfer", "--override", "Leistungen!3:erstattungsfähig=150,005:zu hoch"]
    assert main(["estimate", str(CROWN), "--json", str(out), *decided]) == 2
    assert not out.exists()
    assert "höchstens 2 Nachkommastellen, „150,005“ gefunden" in capsys.readouterr().err  # type: ignore[attr-defined]
    decided[-1] = "Leistungen!3:erstattungsfähig=150,5:zu hoch"  # one place: whole cents
    assert main(["estimate", str(CROWN), "--json", str(out), *decided]) == 0
    case = tmp_path / "fall.hkp.json"
    save_case(
        Case.from_plan(read_plan(CROWN)).with_override(
            Override("Leistungen", 3, "M. Prüfer", "x", Decimal("1.5")), "Leistungen", 3
        ),
        case,
    )
    data = json.loads(case.read_text(encoding="utf-8"))
    data["overrides"][0]["eligible"] = "12.345"
    case.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CaseError, match="höchstens 2 Nachkommastellen"):
        load_case(case)


def test_a_decision_on_a_line_changed_since_is_said_until_it_is_taken_again(tmp_path: Path) -> None:
    from estimator.rules.reviews import line_seen  # noqa: PLC0415

    crown = fee("2210", "16, 17", factor=Decimal("3.5"))
    shown = estimate(plan(crown), load_tariffs()).lines[0]  # the line as the reviewer saw it
    seen = line_seen(shown.line, shown.date, shown.billed)
    decided = Override("Leistungen", 2, "M. Prüfer", "Faktor 3,5 begründet", Decimal("217.06"), seen=seen)
    same = estimate(plan(crown, overrides=(decided,)), load_tariffs())
    assert "override.line_changed" not in [f.code for f in same.findings]
    lower = dataclasses.replace(crown, factor=Decimal("2.0"))  # the practice changed the factor after the review
    changed = estimate(plan(lower, overrides=(decided,)), load_tariffs())
    [said] = [f for f in changed.findings if f.code == "override.line_changed"]
    assert finding_text(said) == (
        "GOZ 2210, Zahn 16, 17: nach der Prüfung durch M. Prüfer geändert; die Prüfung gilt weiter – bitte prüfen, ob sie "
        "noch passt, und sie bestätigen oder entfernen"
    )
    assert said.severity is Severity.WARNING
    # the same values written otherwise – a factor, the teeth, the amount the line computes – are no change
    again = dataclasses.replace(crown, factor=Decimal("3.50"), teeth=parse_teeth("17,16"), amount=shown.billed)
    assert "override.line_changed" not in [f.code for f in estimate(plan(again, overrides=(decided,)), load_tariffs()).findings]
    later = dataclasses.replace(crown, justification="x" * 1_900, date=dt.date(2027, 3, 10))  # a long reason cuts nothing off
    assert "override.line_changed" in [f.code for f in estimate(plan(later, overrides=(decided,)), load_tariffs()).findings]
    older = dataclasses.replace(decided, seen="")  # a case file from before decisions kept the line: nothing known
    assert "override.line_changed" not in [f.code for f in estimate(plan(lower, overrides=(older,)), load_tariffs()).findings]
    case = dataclasses.replace(Case.from_plan(plan(lower)), overrides=(decided,))
    save_case(case, tmp_path / "fall.hkp.json")
    assert load_case(tmp_path / "fall.hkp.json").overrides[0].seen == decided.seen  # kept in the case file


def test_two_decisions_of_one_kind_for_a_line_on_the_command_line_are_refused(capsys: object) -> None:
    # Klasse=X, then Klasse=A: the last one held, unsaid
    asked = ["--override", "Leistungen!3:Klasse=X:weil", "--override", "Leistungen!3:Klasse=A:doch", "--reviewer", "M. P."]
    assert main(["estimate", str(CROWN), *asked]) == 2
    said = capsys.readouterr().err  # type: ignore[attr-defined]
    assert said.startswith("hkp: --override Leistungen!3: Klasse zweimal angegeben (zuletzt „A“); bitte nur einmal"), said

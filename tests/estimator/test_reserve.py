"""What the insurer may still cut of an estimate counted in the customer's favour: said beside the benefit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from estimator.model import FeeLine, LabLine
from estimator.output.textout import estimate_text
from estimator.rules.engine import estimate
from estimator.rules.reserve import reserve_of
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import step_text
from tests.estimator.builders import fee, fee_result, lab, lab_result, run

D = Decimal


def _implants_of_unknown_place() -> tuple[FeeLine | LabLine, ...]:
    # seven implants in the lower jaw, three more "UK" without their teeth; crowns with implant lab work on 35–37
    crowns = [line for tooth in ("35", "36", "37") for line in (fee("2200", tooth), lab("I 111", tooth, "160.00"))]
    return (fee("9010", "UK", count=3), *crowns)


def test_implant_work_that_may_sit_on_implants_over_the_limit_of_unknown_place_is_a_reserve() -> None:
    result = run(*_implants_of_unknown_place(), implants_lower=7)
    reserve = reserve_of(result)
    assert reserve is not None and reserve.lines == 0
    ((jaw, amount),) = reserve.implants
    assert (jaw.jaw, jaw.excluded_unlocated, jaw.unlocated_sites) == ("UK", 2, (35, 36, 37))
    on_one_site = sum(r.benefit for r in result.lines if r.line.teeth.teeth == frozenset({35}))
    assert on_one_site > 0 and amount == 2 * on_one_site  # two of three alike sites: the crown and its lab work twice
    assert lab_result(result).benefit > 0  # counted in full, as the spec says, and the reserve says what rests on it
    said = " ".join(estimate_text(result).split())
    assert "Vorbehalt: Im Unterkiefer liegen 2 Implantate über der Grenze von 8 je Kiefer" in said
    assert f"ist die Erstattung um bis zu {amount:.2f}".replace(".", ",") in said
    assert "; was für diese Implantate geleistet wird und darauf sitzt, ist nicht erstattungsfähig." in said
    assert "rechnet die Leistungen an den Zähnen 35, 36 und 37 voll; gehören sie zu diesen Implantaten, ist die" in said
    jaw_only = run(fee("9010", "UK", count=2), fee("9040", "UK", count=2), implants_lower=7)  # one over, its place unsaid
    said = " ".join(estimate_text(jaw_only).split())
    assert "rechnet die Leistungen für den ganzen Unterkiefer voll; ohne den Teil für dieses Implantat ist die" in said
    two = (fee("2210", "16", amount="400.00"), fee("2210", "26", amount="400.00"))
    said = "Bei 2 Leistungen rechnet diese Schätzung mit mehr als der Gebühr zum angegebenen Faktor (zusammen 365,88 € mehr; bei 2 davon liegt der Betrag auch über der Gebühr zum Höchstsatz)"
    assert said in " ".join(estimate_text(run(*two)).split())


def test_no_reserve_when_the_implants_fit_or_their_places_are_named() -> None:
    assert reserve_of(run(*_implants_of_unknown_place(), implants_lower=5)) is None  # eight in all
    named = (fee("9010", "35-37", count=3), fee("2200", "35"), lab("I 111", "35", "160.00"))
    assert reserve_of(run(*named, implants_lower=7)) is None  # the sites over the limit are named: their work is X
    assert reserve_of(run(fee("2210", "16", amount="217.06"))) is None  # the fee at its factor 2,3
    own = reserve_of(run(fee("2210", "16", amount="300.00")))  # within the maximum (330,31 €), above its factor's fee
    assert own is not None and (own.lines, own.at_maximum, own.above, own.benefit) == (
        1,
        0,
        Decimal("82.94"),
        Decimal("66.35"),
    )
    assert reserve_of(run(fee("2210", "16", amount="300.00"), settings={"amount_vs_factor": "factor"})) is None  # cut
    kept = reserve_of(run(fee("2210", "16", amount="400.00")))
    assert kept is not None and (kept.lines, kept.above, kept.benefit) == (1, Decimal("182.94"), Decimal("146.35"))


def test_a_jaws_drill_template_names_no_site_and_the_implant_within_the_limit_is_no_reserve() -> None:
    template = (fee("9010", "UK", count=2), lab("I 112", "UK", "80.00"), fee("2210", "46"), lab("0344", "46", "61.50"))
    result = run(*template, fee("2200", "36"), lab("I 115", "36", "160.00"), implants_lower=7)
    reserve = reserve_of(result)
    assert reserve is not None and reserve.implants[0][0].unlocated_sites == (36,)  # not every tooth of the jaw
    on_36 = sum(r.benefit for r in result.lines if r.line.teeth.teeth == frozenset({36}))
    assert reserve.implants[0][1] == on_36  # the natural crown on 46 is no implant's
    two_at_36 = run(fee("9010", "36", count=2), fee("2200", "36"), lab("I 115", "36", "160.00"), implants_lower=7)
    ((_, amount),) = reserve_of(two_at_36).implants  # type: ignore[union-attr]
    insertion = next(r for r in two_at_36.lines if r.line.number == "9010")
    assert insertion.benefit > 0 and amount == sum(r.benefit for r in two_at_36.lines if r.line.number != "9010")


def test_the_insertions_surcharge_is_no_work_on_a_site() -> None:
    lines = (fee("9010", "35,36", count=3), fee("0530", "35", factor="1.0"), fee("9040", "36"))
    result = run(*lines, lab("I 115", "35,36", "160.00"), implants_lower=6)
    reserve = reserve_of(result)
    assert reserve is not None
    surcharge = next(r for r in result.lines if r.line.number == "0530")
    ((_, amount),) = reserve.implants
    assert surcharge.benefit > 0 and amount <= sum(r.benefit for r in result.lines if r.line.number in ("9040", "I 115"))


def test_the_reserve_counts_the_deductible_a_cut_moves_onto_other_lines() -> None:
    # BM5/2: 800 € deductible. The crown billed 1.000 €, above the fee at 3,5 (330,31 €), takes it all and pays
    # nothing itself; cut to that fee, the deductible takes the fillings too: the cut costs them, not the crown
    fillings = tuple(fee("2060", tooth) for tooth in ("24", "25", "26", "27"))
    lines = (fee("2210", "16", amount="1000.00", date=dt.date(2026, 3, 1)), *fillings)
    billed, capped = run(*lines, variant="BM5/2"), run(*lines, variant="BM5/2", settings={"amount_above_maximum": "capped"})
    reserve = reserve_of(billed)
    assert fee_result(billed).benefit == 0 and billed.totals.benefit > capped.totals.benefit
    assert reserve is not None and reserve.lines == 1 and reserve.above == Decimal("1000.00") - Decimal("217.06")
    assert reserve.benefit == reserve.total == billed.totals.benefit - capped.totals.benefit
    said = " ".join(estimate_text(billed).split())
    assert f"um bis zu {reserve.benefit:.2f}".replace(".", ",") in said


def test_implant_parts_for_the_whole_jaw_carry_the_share_of_the_implants_over_the_limit() -> None:
    # nine implants on „OK“, none there before: one is over the limit of 8, whichever it is – its share of the
    # implant parts billed for the whole jaw (I 111 and I 115, nine each) is what the tariff does not pay
    lines = (fee("9010", "OK", count=9), lab("I 111", "OK", "214.00", quantity=9), lab("I 115", "OK", "78.54", quantity=9))
    result = run(*lines)
    reserve = reserve_of(result)
    assert reserve is not None
    ((jaw, amount),) = reserve.implants
    parts = sum(r.benefit for r in result.lines if r.kind == "lab")
    assert jaw.excluded_unlocated == 1 and amount == reserve.total == parts - (parts * 8 / 9).quantize(Decimal("0.01"))
    said = " ".join(estimate_text(result).split())
    assert "rechnet die Leistungen für den ganzen Oberkiefer voll; ohne den Teil für dieses Implantat ist" in said


def test_the_json_and_the_workbook_say_the_reserve_as_the_letter_does() -> None:
    import io  # noqa: PLC0415

    import openpyxl  # noqa: PLC0415

    from estimator.output.jsonout import estimate_json  # noqa: PLC0415
    from estimator.output.xlsxout import estimate_workbook  # noqa: PLC0415

    result = run(fee("2210", "16", amount="400.00"))
    reserve = reserve_of(result)
    assert reserve is not None
    said = estimate_json(result)["reserve"]
    assert said["benefit_at_most"] == f"{reserve.total:.2f}" and said["above_fee"]["lines"] == 1
    assert said["message"].startswith(
        "Vorbehalt: Bei einer Leistung rechnet diese Schätzung mit mehr als der Gebühr zum angegebenen Faktor"
    )
    overview = openpyxl.load_workbook(io.BytesIO(estimate_workbook(result)))["Übersicht"]
    rows = {row[0]: row[1] for row in overview.iter_rows(min_row=2, values_only=True)}
    assert rows["Erstattung unter Vorbehalt, bis zu"] == float(reserve.total) and rows["Vorbehalt"] == said["message"]
    assert estimate_json(run(fee("2210", "16", amount="217.06")))["reserve"] is None


def test_lines_and_figures_of_the_reserve_come_from_one_computation() -> None:
    from estimator.model import Override  # noqa: PLC0415
    from tests.estimator.builders import plan  # noqa: PLC0415

    # a reviewer's amount stands: the line it is on is no reserve (it was counted, with nothing in the figure)
    reviewed = plan(
        fee("2210", "16", amount="300.00"), overrides=(Override("Leistungen", 2, "M. Prüfer", "ok", eligible=D("300")),)
    )
    assert reserve_of(estimate(reviewed, load_tariffs())) is None
    # a line with a reason of difficulty whose amount is far above the fee at its own factor counts as the others do
    reasoned = fee("2210", "16", amount="2170.60", justification="erschwerte Präparation bei Engstand")
    reserve = reserve_of(run(reasoned, fee("2210", "26", amount="300.00")))
    assert reserve is not None and (reserve.lines, reserve.at_maximum) == (2, 1)
    assert reserve.above == D("2170.60") - D("217.06") + D("300.00") - D("217.06")


def test_a_line_on_both_jaws_carries_the_share_of_each_in_the_total() -> None:
    lines = (fee("9010", "OK", count=9), fee("9010", "UK", count=9), lab("I 111", "OK/UK", "214.00", quantity=18))
    reserve = reserve_of(run(*lines))
    assert reserve is not None and len(reserve.implants) == 2
    assert reserve.total == sum(amount for _, amount in reserve.implants) > 0  # 171,20 € each, not one of them


REASONED = "erschwerte Präparation bei tief zerstörtem Zahn"  # a reason that may name a difficulty of the findings


def test_a_factor_above_the_maximum_with_a_reason_counts_in_full_under_a_reserve_and_is_capped_as_the_insurer_may() -> None:
    # GOZ 2210 at 4,0: 377,50 € eligible; at the maximum 3,5 330,31 € – the tariff pays above it only „wenn und soweit
    # sie durch krankheits- bzw. befundbedingte Erschwernisse begründet“, which the insurer decides
    lines = (fee("2210", "16", factor="4.0", justification=REASONED), fee("2060", "26"))
    accepted = run(*lines)
    reserve = reserve_of(accepted)
    assert reserve is not None and (reserve.lines, reserve.reasoned, reserve.above, reserve.benefit) == (
        1,
        1,
        D("47.19"),
        D("37.75"),
    )
    said = " ".join(estimate_text(accepted).split())
    assert (
        "Vorbehalt: Bei einer Leistung rechnet diese Schätzung mit einem von der Praxis begründeten Betrag über der Gebühr "
        "zum Höchstsatz (47,19 € mehr als die Gebühr). Erkennt der Versicherer die Begründung nicht als krankheits- bzw. "
        "befundbedingte Erschwernis an und kürzt er auf diese Gebühr, ist die Erstattung um bis zu 37,75 € geringer."
    ) in said
    capped = run(*lines, settings={"reason_above_maximum": "capped"})
    crown = fee_result(capped)
    assert (fee_result(accepted).eligible, crown.eligible) == (D("377.50"), D("330.31"))
    assert accepted.totals.benefit - capped.totals.benefit == reserve.benefit
    assert "mit Begründung: angesetzt bis zur Gebühr zum Höchstsatz (Auslegung „Faktor über dem Höchstsatz" in " ".join(
        step_text(step) for step in crown.explanations
    )
    assert reserve_of(capped) is None
    # beside a line above its own factor's fee without any reason, the cut needs no reason refused: said so
    mixed = " ".join(estimate_text(run(*lines, fee("2210", "17", amount="250.00"))).split())
    assert (
        "bei einer weiteren mit mehr als der Gebühr zum angegebenen Faktor (zusammen 80,13 € mehr als die Gebühren). "
        "Kürzt der Versicherer auf diese Gebühren – die begründete, wenn er die Begründung nicht als krankheits- bzw. "
        "befundbedingte Erschwernis anerkennt –, ist die Erstattung um bis zu"
    ) in mixed


def test_an_amount_above_the_maximum_with_a_reason_is_capped_as_a_factor_above_it_is_and_said_with_the_others() -> None:
    # GOZ 2210 at 2,3 billed 377,49 € with a reason: 47,18 € above the fee at the maximum (330,31 €), 160,43 € above
    # the fee at its own factor (217,06 €), to which the insurer's reading amount_vs_factor cuts it
    lines = (fee("2210", "16", amount="377.49", justification=REASONED), fee("2210", "26", factor="4.0", justification=REASONED))
    insurers = {"reason_above_maximum": "capped", "amount_above_maximum": "capped"}
    assert [r.eligible for r in run(*lines, settings=insurers).lines] == [D("330.31"), D("330.31")]
    reserve = reserve_of(run(*lines))
    assert reserve is not None and (reserve.lines, reserve.reasoned) == (2, 2)
    said = " ".join(estimate_text(run(*lines)).split())
    assert (
        "Vorbehalt: Bei 2 Leistungen rechnet diese Schätzung mit von der Praxis begründeten Beträgen über der Gebühr zum "
        "Höchstsatz (zusammen 207,62 € mehr als die Gebühren). Erkennt der Versicherer die Begründungen nicht als "
        "krankheits- bzw. befundbedingte Erschwernis an und kürzt er auf diese Gebühren, ist die Erstattung um bis zu "
        "166,09 € geringer."
    ) in said

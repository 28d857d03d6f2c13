"""A lab line's amounts against its quantity, price and the lab price list B 269, explained as they are cut."""

from __future__ import annotations

from decimal import Decimal

from estimator.kinds import Cause
from estimator.wording import step_text
from tests.estimator.builders import codes, fee, lab, run


def test_a_lab_line_billing_more_than_its_quantity_at_its_price_says_so_in_its_reason() -> None:
    # typed 99,99 € for one unit at 6,10 € (+7 % VAT): the list pays 6,53 €; the reason said only „nach B 269“
    result = run(fee("2210", "46"), lab("0344", "46", "6.10", amount="99.99"))
    line = result.lines[1]
    assert (line.billed, line.eligible, line.reductions[Cause.LAB_PRICES]) == (
        Decimal("99.99"),
        Decimal("6.53"),
        Decimal("93.46"),
    )
    said = [step_text(step) for step in line.explanations]
    assert "nach B 269: Menge × Einzelpreis zzgl. MwSt (6,53\u00a0€), nicht der höhere Betrag der Zeile" in said
    assert "lab.amount_mismatch" in codes(result)
    within = run(fee("2210", "46"), lab("0344", "46", "6.10")).lines[1]
    assert within.eligible == within.billed and not any("höhere Betrag" in step_text(s) for s in within.explanations)

"""Billed and eligible amounts of lab lines against the lab price list in force on the treatment day (spec 4 and
6a): maximum prices, quantity limits per jaw, VAT, what is never eligible."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from functools import lru_cache

from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Severity
from estimator.model import LabLine
from estimator.money import ZERO, cents
from estimator.phrases import Jaw, Money, Number, Phrase, Price, say
from estimator.rules.materials import is_material, material_eligible
from estimator.rules.worksheet import Report, Work
from estimator.tariff.profile import Profile
from estimator.teeth import jaw_of

WORD = re.compile(r"[a-z]{5,}")


class JawCounts:
    """Units of lab codes limited per jaw by the lab price list, counted over the whole plan."""

    def __init__(self) -> None:
        self.used: dict[tuple[str, str], Decimal] = {}

    def allowed(self, work: Work, report: Report) -> Decimal:
        """How many of the line's units are within the limits; a line on both jaws spreads them (spec 6a)."""
        line, profile = work.lab, work.profile
        limit = profile.lab_per_jaw_limits.get(line.code)
        if limit is None:
            return line.quantity
        section = profile.sections.lab_list
        jaws = sorted({jaw_of(t) for t in line.teeth.teeth})
        if not jaws:
            jaws = [max(("OK", "UK"), key=lambda jaw: (limit - self.used.get((line.code, jaw), ZERO), jaw == "OK"))]
            phrase = say(
                Code.LAB_QUANTITY_LIMIT_NO_JAW, line=work.ref, limit=limit, lab_list=profile.lab_list_name, jaw=Jaw(jaws[0])
            )
            report(Severity.WARNING, phrase, sheet=line.sheet, row=line.row, column="Zahn", section=section)
        if len(jaws) == 2:
            lower = (line.quantity / 2).to_integral_value(rounding=ROUND_FLOOR)
            shares = {"OK": line.quantity - lower, "UK": lower}
        else:
            shares = {jaws[0]: line.quantity}
        allowed = ZERO
        for jaw, share in shares.items():
            key = (line.code, jaw)
            within = max(ZERO, min(share, limit - self.used.get(key, ZERO)))
            self.used[key] = self.used.get(key, ZERO) + within
            allowed += within
        if allowed < line.quantity:
            excess = Number(line.quantity - allowed)
            phrase = say(Code.LAB_QUANTITY_LIMIT, line=work.ref, limit=limit, lab_list=profile.lab_list_name, excess=excess)
            report(Severity.WARNING, phrase, sheet=line.sheet, row=line.row, column="Menge", section=section)
        return allowed


def vat_percent(line: LabLine, profile: Profile) -> Decimal:
    """The VAT rate a lab line is charged with: its own, else the tariff profile's default (spec 4)."""
    return line.vat_percent if line.vat_percent is not None else profile.lab_default_vat


def lab_amounts(work: Work, report: Report) -> None:
    """Billed and eligible amount of a lab line against the lab price list (spec 4 and 6a); its limit per jaw
    follows when what is not paid is known (lab_jaw_limits)."""
    line, profile = work.lab, work.profile
    sections, lab_list = profile.sections, profile.lab_list_name

    def finding(severity: Severity, phrase: Phrase, column: str, section: str = "") -> None:
        report(severity, phrase, sheet=line.sheet, row=line.row, column=column, section=section)

    vat = vat_percent(line, profile)
    factor = 1 + vat / 100
    computed = cents(line.quantity * line.unit_price * factor)
    net = cents(line.quantity * line.unit_price)
    if line.amount is not None:
        work.billed = cents(line.amount)
        if work.billed != line.amount:  # „12,505“: a bill is in cents, the figure is asked about
            rounded = say(Code.AMOUNT_ROUNDED, line=work.ref, amount=Number(line.amount), rounded=Money(work.billed))
            finding(Severity.WARNING, rounded, "Betrag")
        if abs(work.billed - computed) > Decimal("0.01") and (not is_material(work) or work.billed != net):  # material: no VAT
            finding(
                Severity.WARNING,
                say(Code.LAB_AMOUNT_MISMATCH, line=work.ref, billed=Money(work.billed), computed=Money(computed)),
                "Betrag",
            )
    else:
        work.billed = computed
        phrase = say(Code.STEP_LAB_COMPUTED, quantity=Number(line.quantity), unit=Price(line.unit_price), vat=Number(vat))
        work.explain(sections.lab_list, phrase, None, computed)
    work.eligible = work.billed
    if vat not in profile.lab_usual_vat:
        finding(Severity.WARNING, say(Code.LAB_VAT_UNUSUAL, line=work.ref, vat=Number(vat)), "MwSt", sections.lab_list)

    description = line.description.lower()
    if any(word.lower() in description for word in profile.never_eligible_words):
        finding(Severity.ERROR, say(Code.LAB_NEVER_ELIGIBLE, line=work.ref), "Leistung", sections.lab_never_eligible)
        work.set_eligible(ZERO, sections.lab_never_eligible, say(Code.STEP_LAB_NEVER_ELIGIBLE), Cause.NOT_ELIGIBLE)
        return
    price = work.cat.lab.get(line.code)
    if price is None and work.material is not None:  # material billed beside a fee, not lab work
        material_eligible(work, report)
        return
    if price is None:
        finding(
            Severity.ERROR, say(Code.LAB_UNLISTED, line=work.ref, code=line.code, lab_list=lab_list), "Nr", sections.lab_unlisted
        )
        work.set_eligible(
            ZERO, sections.lab_unlisted, say(Code.STEP_LAB_UNLISTED, code=line.code, lab_list=lab_list), Cause.NOT_ELIGIBLE
        )
        return
    if _other_text(line.description, price.text):  # a BEL code of the statutory list, another list's number
        phrase = say(Code.LAB_TEXT_OTHER, line=work.ref, text=line.description[:60], listed=price.text[:60], lab_list=lab_list)
        finding(Severity.WARNING, phrase, "Nr", sections.lab_list)

    unit = line.unit_price
    maximum = Money(price.max_price)
    if unit > price.max_price:
        phrase = say(
            Code.LAB_OVER_MAXIMUM,
            line=work.ref,
            unit=Price(unit),
            maximum=maximum,
            lab_list=lab_list,
            difference=Price(unit - price.max_price),
            vat=Number(vat),
        )
        finding(Severity.WARNING, phrase, "Einzelpreis", sections.lab_maximum)
        unit = price.max_price
    eligible = min(work.billed, _listed_price(line, profile, price.max_price, line.quantity))
    if unit != line.unit_price:
        reasons = (say(Code.PART_LAB_MAXIMUM, maximum=maximum, lab_list=lab_list, vat=Number(vat)),)
        phrase = say(Code.STEP_LAB_PRICES, reasons=reasons)
    elif eligible < work.billed:  # a line billing more than its quantity at its price: that is what the list pays
        phrase = say(Code.STEP_LAB_ABOVE_COMPUTED, lab_list=lab_list, computed=Money(eligible))
    else:
        phrase = say(Code.STEP_LAB_PRICES_OK, lab_list=lab_list)
    work.set_eligible(eligible, sections.lab_prices, phrase, Cause.LAB_PRICES)


def _other_text(text: str, listed: str) -> bool:
    """Whether a lab line's own text shares no word with the list's text of its code (words of five letters and more,
    by their first five): „Vollkrone/Metall“ under a code the list calls „Aktivieren Teleskopkrone …“. A text without
    such a word („VMK“) says nothing."""
    own, theirs = _stems(text), _listed_stems(listed)
    return bool(own) and bool(theirs) and not own & theirs


def _stems(text: str) -> frozenset[str]:
    plain = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return frozenset(word[:5] for word in WORD.findall(plain))


@lru_cache(maxsize=1024)  # the price list's texts, one for every line of their code
def _listed_stems(text: str) -> frozenset[str]:
    return _stems(text)


def _listed_price(line: LabLine, profile: Profile, maximum: Decimal, quantity: Decimal) -> Decimal:
    """What so many units of a lab line cost at its unit price, at most the list's maximum, with its VAT."""
    return cents(quantity * min(line.unit_price, maximum) * (1 + vat_percent(line, profile) / 100))


def lab_jaw_limits(lab_works: Sequence[Work], report: Report) -> None:
    """The lab list's limits per jaw over the whole plan, in treatment order, once what is not paid is known: a line
    not paid (on an implant over the limit, refused, before the insurance, a reviewer's amount of 0) takes none of its
    jaw's units, so a template on an excluded implant leaves the jaw's one to the covered implant's, in any row order.
    A reviewer's amount is cut as the year's PZR limit cuts it (estimator.rules.reviews.reviewed_amounts_cut says so):
    an amount for the line's units is no decision about the jaw's."""
    counts = JawCounts()
    for work in sorted(lab_works, key=lambda w: w.order_key):
        line, profile = work.lab, work.profile
        price = work.cat.lab.get(line.code)
        if price is None or work.line_class is LineClass.X or not work.eligible or line.code not in profile.lab_per_jaw_limits:
            continue
        allowed = counts.allowed(work, report)
        if allowed < line.quantity:
            eligible = min(work.eligible, _listed_price(line, profile, price.max_price, allowed))
            limit, lab_list = profile.lab_per_jaw_limits[line.code], profile.lab_list_name
            phrase = say(Code.STEP_LAB_PRICES, reasons=(say(Code.PART_LAB_PER_JAW, limit=limit, lab_list=lab_list),))
            work.set_eligible(eligible, profile.sections.lab_prices, phrase, Cause.LAB_PRICES)

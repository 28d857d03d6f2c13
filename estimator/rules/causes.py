"""The tariff section behind each cause of the patient's share: what the letter's and the window's walk from the total
to the benefit names beside each step (the deductible with the section that sets it), as every line's explanation
does."""

from __future__ import annotations

from estimator.kinds import Cause, LineClass
from estimator.model import Estimate, Explanation
from estimator.rules.engine import plan_profile, tariff_of
from estimator.tariff.catalogues import Tariffs


def cause_sections(estimate: Estimate, tariffs: Tariffs) -> dict[Cause, str]:
    """Each cause that took something, with the sections of the plan's profile it stands on; the rate's those of the
    classes it took from; a reviewer's decision has none (it is the review's)."""
    tariff = tariff_of(estimate.plan, tariffs)[0]
    sections = plan_profile(tariff, min((r.date for r in estimate.lines), default=estimate.plan.plan_date)).sections
    fixed = {
        Cause.FEE_LIMITS: sections.fee_limits,
        Cause.LAB_PRICES: sections.lab_prices,
        Cause.NOT_ELIGIBLE: sections.not_eligible,
        Cause.IMPLANT_LIMIT: sections.implants,
        Cause.PZR_LIMIT: sections.pzr,
        Cause.DEDUCTIBLE: sections.deductible,
        Cause.STAGED_CAP: sections.staged_cap,
    }
    rates = {LineClass.A: sections.rate_A, LineClass.B: sections.rate_B, LineClass.P: sections.rate_P}
    found: dict[Cause, str] = {}
    for cause in (cause for cause, amount in estimate.reductions.items() if amount):
        if cause is Cause.RATE:
            taken = sorted({r.line_class for r in estimate.lines if r.reductions.get(Cause.RATE)} & rates.keys())
            found[cause] = "; ".join(dict.fromkeys(rates[line_class] for line_class in taken))
        else:
            found[cause] = fixed.get(cause, "")
    if found.get(Cause.NOT_ELIGIBLE) and _not_eligible_elsewhere(estimate, fixed):
        found[Cause.NOT_ELIGIBLE] = ""  # not only by its section: each line's explanation names its own
    return found


def _not_eligible_elsewhere(estimate: Estimate, fixed: dict[Cause, str]) -> bool:
    """Whether lines are not eligible by another section than the tariff's general one (before the insurance start,
    a fee the GOZ does not allow beside another, a reviewer's refusal): then no one section is that cause's."""
    others = {section for cause, section in fixed.items() if cause is not Cause.NOT_ELIGIBLE}
    for result in estimate.lines:
        if not result.reductions.get(Cause.NOT_ELIGIBLE):
            continue
        cuts = {str(step.rule) for step in result.explanations if _cuts(step)} - others  # the limits' and the caps'
        # (a line's rate step counts as another section here: then no section is named, never a wrong one)
        if cuts - {fixed[Cause.NOT_ELIGIBLE]}:
            return True
    return False


def _cuts(step: Explanation) -> bool:
    return step.before is not None and step.after is not None and step.after < step.before

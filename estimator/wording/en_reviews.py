"""The English words of a reviewer's decisions: how each is applied, said in a line's explanation and in the
findings, and why one does not act; and what a reviewer is asked of a line's accident."""

from __future__ import annotations

from estimator.codes import Code

C = Code
REVIEWS: dict[Code, str] = {
    C.ACCIDENT_IN_PART: "{line}: not marked as an accident's consequence, on the same day as {other:nr} on tooth {tooth}, "
    "which is – if the service belongs to the accident's treatment, please mark it in the Unfall column (the staged "
    "caps do not hold an accident's consequences)",
    C.FEE_BESIDE_ASKED: "{line}: not billable beside {beside} on the same day – only one of the two services is; computed as "
    "planned – the insurer may cut one of them, please check the invoice",
    C.OVERRIDE_APPLIED: "{line}: reviewed by {reviewer}: {changes} – {reason}",
    C.OVERRIDE_LAB_STAYS: "{line} is not eligible after the review; {count:the line|# lines} on it "
    "({numbers:, }) {count:stays|stay} as computed – please review {count:it|them} one by one",
    C.OVERRIDE_LINE_CHANGED: "{line}: changed after the review by {reviewer}; the review still applies – please check "
    "that it still fits, and confirm or remove it",
    C.OVERRIDE_UNKNOWN_LINE: "Review ({reviewer}): no row {row} on sheet {sheet}; change not applied",
    C.OVERRIDE_LEFT_OUT_LINE: (
        "Review ({reviewer}): {sheet}, row {row} was left out when the plan was read; change not applied, "
        "please correct the row first"
    ),
    C.OVERRIDE_REPLACED: "Review ({reviewer}) of {sheet}, row {row} in the case file does not apply to this "
    "estimate: replaced by the review by {by} (--override); the case file keeps it",
    C.OVERRIDE_ELIGIBLE_ON_X: "{line}: {reviewer} set the eligible amount to {amount}, but the line is class X (not "
    "eligible) – the amount takes effect only when the review sets its class too",
    C.OVERRIDE_ELIGIBLE_WITH_X: "{line}: {reviewer} sets class X and the eligible amount {amount}; a class-X line is "
    "not eligible, the amount does not act",
    C.OVERRIDE_ABOVE_BILLED: (
        "{line}: reviewed by {reviewer}: eligible {amount} is above the billed amount {billed}; limited to the billed amount"
    ),
    C.STEP_REVIEW_CLASS: "{reviewer}: class {old} → {new} – {reason}",
    C.STEP_REVIEW_ELIGIBLE: "{reviewer}: eligible amount set to {amount} – {reason}",
    C.STEP_REVIEW_ELIGIBLE_CAPPED: "{reviewer}: eligible amount set to {asked}, limited to the billed amount {amount} – {reason}",
    C.STEP_REVIEW_INCLUDED: "{reviewer}: no longer excluded",
    C.PART_REVIEW_CLASS: "class {old} → {new}",
    C.PART_REVIEW_ELIGIBLE: "eligible {old} → {new}",
    C.OVERRIDE_UNDATED_LINE: (
        "Review ({reviewer}): {sheet}, row {row} has no treatment day and is in no total; change not applied – please "
        "enter its date or the plan date first"
    ),
    C.OVERRIDE_CUT_AFTER: "{line}: eligible {amount} as reviewed by {reviewer}, then reduced ({causes:, | and }) to {eligible}",
    C.STEP_REVIEW_CLASS_CONFIRMED: "{reviewer}: class {cls} confirmed – {reason}",
    C.PART_REVIEW_CLASS_CONFIRMED: "class {cls} confirmed",
}

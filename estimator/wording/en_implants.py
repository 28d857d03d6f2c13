"""The English words of the limit of implants per jaw: the findings, a line's steps and its parts."""

from __future__ import annotations

from estimator.codes import Code

C = Code
IMPLANTS: dict[Code, str] = {
    C.IMPLANT_BOTH_JAWS: "{line}: {units:# implant|# implants} in both jaws without their sites; give the implants per jaw (one "
    "line per jaw or one tooth per implant) – not eligible until then",
    C.IMPLANT_FRACTIONAL_COUNT: "{line}: count {count} is not a whole number of implants; counted as {units} for the limit",
    C.IMPLANT_LIMIT: "{jaw}: {present} present and {planned} planned implants; at most {limit} per jaw are eligible. "
    "Not eligible: {lost:; }",
    C.IMPLANT_SITES_UNEVEN: "{line}: count {units} implants, but {sites:# tooth number|# tooth numbers}; counted in the {jaw}, the place "
    "of each implant is unknown – please give one tooth per implant (e.g. 35,36,37)",
    C.IMPLANT_NO_TOOTH: "{line}: {units:# implant|# implants} without a tooth, counted in the {jaw} (more room there up to the "
    "limit of {limit} per jaw); please give the tooth or the jaw",
    C.IMPLANT_REVIEW_MATERIAL: "{line}: material without a tooth on the day of an implant over the limit of {limit} per "
    "jaw – it may be that of the implant not eligible; for the insurer to review",
    C.IMPLANT_REVIEW: "{line}: the service covers eligible and non-eligible implants; for the insurer to review",
    C.STEP_IMPLANTS_NO_JAW: "implants per jaw not given",
    C.STEP_IMPLANTS_OVER_LIMIT: "{units:implant|# implants}{teeth:? on tooth } above the limit of {limit} implants per jaw",
    C.STEP_IMPLANTS_PARTLY_OVER_LIMIT: "{excess} of {units} implants above the limit of {limit} implants per jaw",
    C.STEP_ON_EXCLUDED_IMPLANT: "on a non-eligible implant (tooth {teeth}, above {limit} implants per jaw)",
    C.STEP_PREPARATORY_NOT_LIMITED: "preparatory measure at the site of an implant above {limit} per jaw (tooth {teeth}), neither "
    "an implantological service nor a denture: stays eligible (interpretation “{setting}”)",
    C.STEP_PREPARATORY_ON_EXCLUDED_IMPLANT: "preparatory measure at the site of a non-eligible implant (tooth "
    "{teeth}, above {limit} implants per jaw; interpretation “{setting}”)",
    C.PART_IMPLANTS_UNLOCATED: "{count:# implant|# implants} at unknown sites: the prosthetic work on them is reviewed",
    C.PART_IMPLANT_SITES: "{several:teeth|tooth} {sites} and the prosthetic work fixed on {several:them|it}",
}

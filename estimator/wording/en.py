"""The English words: one sentence per code, with the same named values as the German ones (estimator.wording.de);
tariff sections, sheet and column names stay as the tariff and the workbook name them."""

from __future__ import annotations

from estimator.codes import Code
from estimator.wording.en_implants import IMPLANTS
from estimator.wording.en_reviews import REVIEWS
from estimator.wording.en_tables import TABLES
from estimator.wording.en_values import VALUES

C = Code
TEMPLATES: dict[Code, str] = {
    # Findings of the rules
    C.ACCIDENT_PROOF: "Accident: the staged cap is lifted only for costs that are proven to result from an accident; "
    "please enclose the proof",
    C.DATE_BEFORE_PLAN: "{line}: treatment date {date} is before the plan date {plan_date} – please check "
    "(a typo in the year?); the estimate uses {date}",
    C.DATE_NOT_CARRIED: "{line}: no date – {count:the line|# lines} from here without a date {count:is|are} computed "
    "on the plan date {plan_date}, not on the date of the line above ({above}); if {count:it belongs|they belong} to "
    "that session, please enter the date",
    C.DATE_LONG_AFTER_PLAN: "{line}: treatment date {date} is more than two years after the plan date {plan_date} – "
    "please check (a typo in the year?); the estimate uses {date}",
    C.DATE_BEFORE_INSURANCE_START: "Treatment date {date} is before the insurance start {start}; not insured",
    C.FEE_ABOVE_MAXIMUM: "{line}: factor {factor} above the maximum {maximum} without a reason of difficulty due to "
    "illness or findings; eligible up to the maximum",
    C.FEE_ABOVE_MAXIMUM_AGREEMENT: "{line}: factor {factor} above the maximum {maximum}; the reason names only an "
    "agreement or a wish, no difficulty caused by illness or findings; eligible up to the maximum",
    C.FEE_ABOVE_MAXIMUM_JUSTIFIED: "{line}: factor {factor} above the maximum {maximum}, with a reason – the insurer "
    "checks the reason",
    C.FEE_ABOVE_THRESHOLD: "{line}: factor {factor} above the threshold {threshold} without a written reason; "
    "counted as eligible – the bill must give one, or the insurer may cut to the threshold",
    C.FEE_AMOUNT_ABOVE_MAXIMUM: "{line}: amount {billed} above the fee at the maximum {maximum} ({fee}) without a reason "
    "of difficulty due to illness or findings; the fee at the maximum is eligible (interpretation “{reading}”)",
    C.FEE_AMOUNT_ABOVE_MAXIMUM_KEPT: "{line}: amount {billed} above the fee at the maximum {maximum} ({fee}) without a "
    "reason of difficulty due to illness or findings; counted as billed (interpretation “{reading}”) – the insurer may cut it "
    "to the fee at the maximum, please check the bill",
    C.FEE_AMOUNT_ABOVE_MAXIMUM_JUSTIFIED: "{line}: amount {billed} above the fee at the maximum {maximum} ({fee}), with a "
    "reason – the insurer checks it",
    C.FEE_AMOUNT_ABOVE_SINGLE_RATE: "{line}: amount {billed} above the fee at the simple rate ({fee}); billable at the "
    "simple rate only, that fee is eligible (interpretation “{reading}”)",
    C.FEE_AMOUNT_ABOVE_SINGLE_RATE_KEPT: "{line}: amount {billed} above the fee at the simple rate ({fee}); billable at "
    "the simple rate only, counted as billed (interpretation “{reading}”) – the insurer may cut it to that fee, please check "
    "the bill",
    C.FEE_FRACTIONAL_COUNT: "{line}: count {count} is not a whole number – a fee is charged per service rendered; "
    "please check the count (estimated with {count})",
    C.FEE_NO_TOOTH: "{line}: tooth missing – without it, no lab line and no preparatory measure belongs to this "
    "service on a tooth. Please enter the tooth",
    C.AMOUNT_ROUNDED: "{line}: amount {amount} rounded to the cent: {rounded}; please check the amount",
    C.FEE_DERIVED_WITHOUT_RELATED: "{line}: the fee has no points of its own and follows a service GOZ {related} on the "
    "same tooth, which the plan does not have there; amount and factor are not checked – please check tooth and services",
    C.FEE_AMOUNT_MISMATCH: "{line}: amount {billed} differs from the fee {fee} ({count} × factor {factor}); {kept:the amount is used|eligible up to that fee}",
    C.FEE_AMOUNT_MISSING: "{line}: amount missing and it cannot be computed; please enter the amount",
    C.FEE_GOAE_NOT_FOR_DENTISTS: "{line}: billable by dentists not at all or only under conditions, by physicians (such "
    "as oral and maxillofacial surgeons) it is; eligible as computed – please check",
    C.FEE_ANALOGUE: "{line}: analogue service, measured by {schedule} {number} ({text}); the insurer checks the equivalence",
    C.FEE_BELOW_SINGLE_RATE: "{line}: factor {factor} below the simple rate",
    C.FEE_BESIDE_PROPHYLAXIS: "{line}: on the same day as {beside}; billable beside it only when the service serves "
    "other purposes and the invoice says so – not eligible without a reason",
    C.FEE_FREQUENCY_LIMIT: "{line}: billable at most {limit:once|# times} a year (calendar year {year}; "
    "interpretation “{reading}”); {excess:# unit|# units} not eligible",
    C.FEE_LASER_WITHOUT_SERVICE: "{line}: laser surcharge without a lasered service (GOZ {lasered}) on the same day; "
    "not eligible",
    C.FEE_ONCE_PER_DAY: "{line}: {what} is billable once per treatment day only (on {date}{session:?, }); {excess:# unit|# units} not eligible",
    C.FEE_NOT_BESIDE_ON_DAY: "{line}: not billable beside {beside} on the same day; not eligible",
    C.FEE_EITHER_IN_JAW_HALF: "{line}: not billable beside {beside} (on the same day, in the same jaw half or front region; "
    "the one worth more stays); not eligible",
    C.FEE_SHARE_IN_JAW_HALF: "{line}: beside {beside} in the same jaw half billable at 1/{divisor} of the fee only; "
    "that part is eligible",
    C.FEE_BESIDE_WITHOUT_TEETH: "{line}: not billable beside {beside} as far as both concern the same teeth; without "
    "teeth this cannot be checked, so computed as planned – the insurer may cut it",
    C.FEE_NOT_BESIDE: "{line}: not billable beside {beside} (on the same day and tooth); not eligible",
    C.FEE_ONCE_PER_TOOTH: "{line}: billable once per tooth only; {excess:# unit|# units} not eligible",
    C.FEE_PER_SESSION: "{line}: billable at most {limit:once|# times} per session (on {date}{session:?, }); "
    "{excess:# unit|# units} not eligible",
    C.FEE_PER_SESSION_TOOTH: "{line}: billable at most {limit:once|# times} per tooth or implant and session "
    "(on {date}{session:?, }); {excess:# unit|# units} not eligible",
    C.FEE_PER_SESSION_REGION: "{line}: billable at most {limit:once|# times} per session in a jaw half or "
    "front region (on {date}{session:?, }); {excess:# unit|# units} not eligible",
    C.FEE_WITHOUT_SERVICE: "{line}: surcharge without one of the services it belongs to (GOZ {services}) on the same "
    "day; not eligible",
    C.FEE_SERVICE_NOT_BILLABLE: "{line}: surcharge to {service}; that service is not billable that day, so the surcharge is not "
    "eligible",
    C.FEE_YEARLY_LIMIT: "{line}: billable at most {limit:once|# times} a year (calendar year {year}); "
    "{excess:# unit|# units} not eligible",
    C.FEE_SINGLE_RATE_ONLY: "{line}: billable at the simple rate only, factor {factor} given; eligible at factor 1.0",
    C.FEE_UNKNOWN_NUMBER: "{line}: fee number {number} is not in the {schedule} fee schedule; not eligible until it is confirmed",
    C.LAB_TEXT_OTHER: "{line}: the text “{text}” does not fit the {lab_list} item (“{listed}”) – please check the number "
    "(a BEL number of the statutory list?)",
    C.LAB_AMOUNT_MISMATCH: "{line}: amount {billed} differs from quantity × unit price plus VAT ({computed})",
    C.LAB_CLASS_DOUBT: "{line}: counted as class B like the dental services {teeth:on the same tooth|on the same teeth} ({numbers}); in the "
    "lab price list the item belongs to “{label}” (prosthetics, class A) – is the tooth right?",
    C.LAB_BESIDE_LEFT_OUT: "{line}: a service on {teeth:its tooth|its teeth} was not read ({sheet} row {row}); the lab "
    "line's class follows the other services and may change once that row is corrected",
    C.LAB_COST_ESTIMATE: "Lab costs {total} above {threshold}: under GOZ § 9 Abs. 2 a cost estimate of the lab is to be "
    "offered before the treatment and given in text form when asked for",
    C.LAB_NEVER_ELIGIBLE: "{line}: storage and overhead costs (Lagerhaltung, Regiekosten, Depotführung) are not eligible",
    C.LAB_OVER_MAXIMUM: "{line}: unit price {unit} above the maximum {maximum} of {lab_list} (difference {difference} per unit plus {vat}% VAT)",
    C.LAB_QUANTITY_LIMIT: "{line}: at most {limit}× per jaw under {lab_list}; {excess:# unit|# units} beyond not eligible",
    C.LAB_QUANTITY_LIMIT_NO_JAW: "{line}: at most {limit}× per jaw under {lab_list}; without a tooth counted in the "
    "{jaw} – please give the jaw",
    C.LAB_MATERIAL_REVIEW: "{line}: material costs {amount} billed apart beside {numbers}; eligible as billed – please "
    "check kind, quantity and receipt",
    C.LAB_MATERIAL_INCLUDED: "{line}: material costs without a service on the same teeth (without a tooth: that day) "
    "beside which the fee schedule lets them be billed apart; included in the fees, not eligible",
    C.LAB_UNLISTED: "{line}: lab code {code} is not in the price list {lab_list}; not eligible",
    C.LAB_VAT_UNUSUAL: "{line}: VAT {vat}%; dental lab work carries 7% (UStG § 12 Abs. 2 Nr. 6), bought-in parts may be "
    "taxed otherwise – please check the rate; eligible as charged",
    C.LAB_DAY_OF_SERVICES: "{line}: no date – computed on the treatment day of the services on its teeth, {date} "
    "(the staged caps and the deductible count by treatment day); please check the date",
    C.LAB_DAY_LAST: "{line}: no date – computed on {date}, the last treatment day of the services on its teeth "
    "({dates:, }, all in the one calendar and insurance year that counts for the staged caps and the deductible); please "
    "enter the lab line's date",
    C.LAB_DAY_UNCLEAR: "{line}: no date – computed on the plan date {plan}; the services on its teeth are on "
    "{dates:, }; please enter the lab line's date (the staged caps and the deductible count by treatment day)",
    C.LAB_OTHER_CAP_YEAR: "{line}: on {date} (insurance year {year}), the services on its teeth on {dates:, } – another "
    "insurance year of the staged caps; computed on its own date; should the insurer count the lab costs on the "
    "services' treatment day, the benefit changes – please check the date",
    C.LINE_NO_DATE: "No treatment date and no plan date; line not computed – please enter the date or the plan date "
    "(sheet Patient)",
    C.LINE_TOOTH_AGAIN: "{line}: tooth {tooth} already has a crown or bridge anchor in this plan ({other} on "
    "{date}{session:?, }) – entered twice or the tooth mistyped? Computed as planned; please check",
    C.LINE_MILK_TOOTH: "{line}: tooth {tooth} is a primary tooth, and the person is {age} years old on {date} – please check "
    "the tooth (meant {meant:, | or }?)",
    C.ORTHODONTICS_ADULT: "Orthodontics: treatment began on {begin} ({given:KFO-Behandlungsbeginn|first orthodontic "
    "line of the plan}) at age {age}; eligible only when begun before age {limit} – {lines:# orthodontic line|# orthodontic lines} not "
    "eligible",
    C.ORTHODONTICS_NO_BIRTH_DATE: "Orthodontics: without a birth date the age at the start of treatment cannot be "
    "checked; counted as not eligible",
    C.PERSON_NO_INSURANCE_START: "No valid insurance start given: the staged cap is applied as in the first insurance year",
    C.PERSON_BORN_AFTER_TREATMENT: "Date of birth {birth} is after the first treatment day {date} ({sheet} row {row}) – "
    "please check both dates (a two-digit year read in the wrong century?); the deductible and age limits are computed with it",
    C.PERSON_BORN_AFTER_START: "Date of birth {birth} is after the insurance start {start} – please check (a two-digit "
    "year read in the wrong century?); the deductible and age limits are computed with it",
    C.PERSON_NO_BIRTH_DATE: "No valid date of birth given: the adults' deductible is applied; for children and young people it "
    "is lower – please enter the date of birth",
    C.SURCHARGE_POINTS: "{line}: surcharge for a surgical service of {span} points; its service {service} has "
    "{points:,} points{fitting:?, the fitting one is GOZ }{unfit:, for which no surcharge is provided|} – the insurer may "
    "reduce the surcharge",
    C.SURCHARGE_NO_SURGERY: "{line}: surcharge for outpatient surgery without a surgical service ({surgical}) on {date}"
    "{on_teeth: on these teeth|}; counted as dental treatment (class B), please check",
    C.USED_YEAR_ASSUMED: "No plan date: “deductible used” and “PZR reimbursed” are taken for {year}, the year of the "
    "first treatment; please enter the plan date",
    C.TARIFF_ASSUMED: "No tariff given: computed with {variant}, the tariff without a deductible; please enter the "
    "insured person's tariff (sheet Patient, Tarif)",
    C.TARIFF_BEFORE_FIRST_VERSION: "{lines:# line of|# lines, the first of} {date}{lines:|,} {lines:lies|lie} before the tariff "
    "profile or a price list is valid; "
    "computed with the oldest version",
    # Findings of reading a plan
    C.INPUT_CELL: "{cell} ({field}): {problem}",
    C.INPUT_FORMULA: "{cell} ({field}): formula without a saved result; please open the file in Excel and save it",
    C.INPUT_LINE_SKIPPED: "{sheet}, row {row}: row left out, please correct it",
    C.INPUT_LINE_DROPPED: "{sheet}, row {row}: row left out and then dropped ({cells})",
    C.INPUT_LINE_CORRECTED: "{sheet}, row {row}: row left out, corrected by hand and taken; the plan had: {cells}",
    C.INPUT_MISSING_NUMBER: "{cell} ({field}): fee number missing",
    C.INPUT_MISSING_VALUE: "{cell} ({field}): {what}",
    C.INPUT_MORE_FINDINGS: "{count:,} more notes from reading; please check",
    C.INPUT_NO_HEADER: "Sheet {sheet}: no header row with the column “Nr” in the first {rows} rows",
    C.INPUT_PATIENT: "{cell} ({field}): {problem}",
    C.INPUT_TEXT_CUT: "{cell} ({field}): text of {length:,} characters cut to the first {limit:,}",
    C.INPUT_TOO_LONG: "{cell} ({field}): {length:,} characters; values this long are not read",
    C.INPUT_PATIENT_LABEL: "{cell}: entry “{label}” not recognised and not read; please name it as in the template "
    "(e.g. Name, Geburtsdatum, Tarif, Versicherungsnummer, Versicherungsbeginn)",
    C.INPUT_TARIFF_LABEL: "{cell}: entry “{label}” read as the tariff ({variant}) – please check it",
    C.INPUT_PATIENT_BLOCK: "Sheet {sheet}: the person's details read from {several:rows|row} {rows} above the table (no sheet "
    "“Patient”) – please check them",
    C.INPUT_BLOCK_ADDRESS: "{cell} ({field}): not in the rows below the patient's name – taken for the practice's "
    "address (letter head), not read as the patient's; please give the patient's address below the name",
    C.INPUT_PATIENT_COLUMN: "{cell}: “{field}” is not in column B; read from here – please enter it in column B",
    C.INPUT_PATIENT_TWICE: "{cell}: “{field}” is given twice (also {before}); this last value counts – please delete one",
    C.INPUT_GOAE_BY_NUMBER: "{cell} ({field}): “GOZ”, but “{number}” is a GOÄ number; read as GOÄ – please check",
    C.INPUT_GOZ_BY_NUMBER: "{cell} ({field}): “GOÄ”, but the number is given as “{number}”; read as GOZ – please check",
    C.INPUT_OPTION_REPLACES: "{cell}: {field} “{old}” replaced by the command line: “{new}”",
    C.HISTORY_DEDUCTIBLE: "Deductible {year}: used so far {used} – more than the year's deductible ({amount}); please "
    "check “Selbstbehalt verbraucht”",
    C.HISTORY_CAP_ASSUMED: "staged cap: computed without earlier benefits for prosthetic work {years:in the first "
    "insurance year|in insurance years 1 to #} (prosthetic benefits so far €0.00) – if the insurer has paid for "
    "prosthetic work already, the staged cap leaves this plan less; please ask and enter the benefits so far",
    C.HISTORY_CAP: "Staged cap, insurance year {year}: reimbursed so far {used} – more than the cap up to then ({cap}); "
    "please check the earlier benefits",
    C.HISTORY_PZR: "PZR {year}: reimbursed so far {used} – more than the year's limit ({limit}); please check “PZR erstattet”",
    C.INPUT_NOTE: "{text}",
    # Steps of a line's explanation
    C.STEP_ABOVE_MAXIMUM: "maximum {maximum} exceeded without a reason of difficulties due to the illness or the findings: "
    "fee at the maximum",
    C.STEP_AMOUNT_ABOVE_MAXIMUM: "amount above the fee at the maximum {maximum} without a reason: fee at the maximum "
    "(interpretation “{reading}”)",
    C.STEP_AMOUNT_ABOVE_MAXIMUM_KEPT: "amount above the fee at the maximum {maximum}: counted as billed "
    "(interpretation “{reading}”)",
    C.STEP_ACCIDENT_NO_CAP: "result of an accident: no staged cap for this service (the accident to be proved)",
    C.STEP_ABOVE_MAXIMUM_JUSTIFIED: "above the maximum {maximum}, counted in full with a reason – for the insurer to check",
    C.STEP_ABOVE_MAXIMUM_REASON_CAPPED: "above the maximum {maximum} with a reason: counted up to the fee at the maximum "
    "(Auslegung “{reading}”)",
    C.STEP_ANALOGUE: "analogue service: points, section and maximum of {schedule} {number}",
    C.STEP_BEFORE_INSURANCE: "treatment on {date} before the insurance start {start}",
    C.STEP_BESIDE_PROPHYLAXIS: "beside {beside} not billable without a reason",
    C.STEP_CLASS: "{reason}: {cls}",
    C.STEP_CLASS_OF_SERVICE: "class of the service {service:on}: {cls}",
    C.STEP_CLASS_X: "not eligible (class X)",
    C.STEP_DEDUCTIBLE: "deductible {year} ({note}): {amount}, still open {left}, of which taken here {taken}",
    C.STEP_FEE_COMPUTED: "amount computed: {count} × {unit} (factor {factor})",
    C.STEP_FEE_COMPUTED_ROUNDED: "amount computed: {count} × {unit} (factor {factor}, interpretation “{reading}”)",
    C.STEP_LAB_BY_CODE: "{place}; lab code {code} ({label}): {cls}",
    C.STEP_LAB_BY_SHARE: "{place}; lab code {code}: the class with the larger share of the plan's fees: {cls}",
    C.STEP_LAB_COMPUTED: "amount computed: {quantity} × {unit} plus {vat}% VAT",
    C.STEP_LAB_FROM_OWNERS: "rate of the dental services it belongs to ({numbers} {teeth:on the same tooth|on the same teeth}{jaw: or on the whole jaw|}): {cls}",
    C.STEP_LAB_NEVER_ELIGIBLE: "storage and overhead costs not eligible",
    C.STEP_LAB_ORTHODONTICS_OLD: "lab code {code} ({label}), treatment not begun before age {age} or unknown: {cls}",
    C.STEP_LAB_ORTHODONTICS_YOUNG: "lab code {code} ({label}), treatment begun before age {age}: {cls}",
    C.STEP_LAB_OWNERS_EXCLUDED: "all services it belongs to are not eligible ({numbers} {teeth:on the same tooth|on the same teeth}{jaw: or on the whole jaw|}): {cls}",
    C.STEP_LAB_PRICES: "{reasons:; }",
    C.STEP_AMOUNT_ABOVE_FACTOR: "fee at the stated factor {factor}: {fee} (interpretation “{reading}”)",
    C.STEP_LAB_PRICES_OK: "under {lab_list}",
    C.STEP_LAB_ABOVE_COMPUTED: "under {lab_list}: quantity × unit price plus VAT ({computed}), not the line's higher amount",
    C.STEP_LAB_UNLISTED: "lab code {code} not listed in {lab_list}",
    C.STEP_LASER_CAP: "GOZ {number}: 100% of the simple fee of {service:on}, at most {maximum} per treatment day",
    C.STEP_LASER_NO_SERVICE: "laser surcharge without a lasered service on {date}: {cls}",
    C.STEP_LASER_OWNER: "laser surcharge to {service:on}: {cls}",
    C.STEP_LASER_WITHOUT_SERVICE: "GOZ {number} without a lasered service on the same day",
    C.STEP_MATERIAL_CLASS: "rate of the services the material is billed beside ({numbers}): {cls}",
    C.STEP_MATERIAL_BESIDE: "material beside {numbers}: billable apart, eligible as billed",
    C.STEP_IMPRESSION_MATERIAL: "impression material beside {numbers}: billable apart, eligible as billed",
    C.STEP_MATERIAL_INCLUDED: "material included in the fees",
    C.STEP_SHARE_IN_JAW_HALF: "beside {beside} in the same jaw half: 1/{divisor} of the fee",
    C.STEP_NOT_BESIDE: "not billable beside {beside}",
    C.STEP_SERVICE_NOT_BILLABLE: "surcharge to {service}; that service is not billable",
    C.STEP_WITHOUT_SERVICE: "GOZ {number} without one of the services the surcharge belongs to on the same day",
    C.STEP_MANUAL_CLASS: "class set by hand: {cls}",
    C.STEP_NUMBER_CONFIRMED: "fee number {number} confirmed by hand",
    C.STEP_PREPARATORY: "preparatory measure for {services:, |, |on} (interpretation “{setting}”): class A",
    C.STEP_PZR_LIMIT: "PZR {cooperating:with a cooperating dentist |}at most {limit} per calendar year {year}; already "
    "reimbursed or planned {used}",
    C.STEP_RATE: "benefit rate {rate} ({cls:short}{cooperating: with a cooperating dentist|})",
    C.STEP_RATE_PROPHYLAXIS: "benefit rate {rate} (prophylaxis, no deductible)",
    C.STEP_SINGLE_RATE_ONLY: "billable at the simple rate (factor 1.0) only",
    C.STEP_STAGED_CAP: "staged cap: {years:in the first insurance year|in the first two insurance years|in the first three insurance "
    "years|in the first four insurance years|in the first # insurance years} at most {cap} in "
    "all for prosthetic work; {left:used up|# still free}",
    C.STEP_SURCHARGE_NO_SURGERY: "surcharge without a surgical service on {date}: {cls}",
    C.STEP_SURCHARGE_OF_EXCLUDED: "surcharge to {service:on}, which is not eligible",
    C.STEP_SURCHARGE_OF_INCLUDED: "surcharge to {service:on}, which is eligible again",
    C.STEP_SURCHARGE_MOVED: "{service:on} is not eligible: surcharge to {other:on}, the service of this day that stays",
    C.STEP_SURCHARGE_OWNER: "surcharge to the surgical service with the most points on the surcharge's teeth (without a tooth: of "
    "the treatment day), here {service:on}: {cls}",
    C.STEP_UNITS_ALLOWED: "{units} of {count:# unit|# units} billable",
    C.STEP_UNITS_LIMITED: "{rule} – here {units} of {count:# unit|# units}",
    C.STEP_UNKNOWN_NUMBER: "fee number {number} not in the fee schedule",
    # Reasons for a class
    C.REASON_CHECKUP_GENERAL: "general service (GOZ {number}; interpretation “{setting}”)",
    C.REASON_CHECKUP_PREVENTION: "{label} (GOZ {number}; interpretation “{setting}”)",
    C.REASON_LASER: "laser surcharge (GOZ {number})",
    C.REASON_ORTHODONTICS_OLD: "{label}, treatment not begun before age {age} or unknown",
    C.REASON_ORTHODONTICS_YOUNG: "{label}, treatment begun before age {age}",
    C.REASON_RANGE: "{label}",
    C.REASON_SPLINT: "{label}; interpretation “{setting}”",
    # Parts of sentences
    C.PART_DEDUCTIBLE_GROUP: "{variant}, {adult:adults|children and adolescents}",
    C.PART_DEDUCTIBLE_REDUCED: "{variant}, {adult:adults|children and adolescents}: {full}, reduced by {months}/12 in "
    "the first calendar year",
    C.PART_LAB_MAXIMUM: "maximum {maximum} per unit under {lab_list} plus {vat}% VAT",
    C.PART_LAB_PER_JAW: "at most {limit}× per jaw under {lab_list}",
    C.PART_LASER_SURCHARGE: "The laser surcharge (GOZ {number})",
    C.PART_GOZ_NUMBER: "GOZ {number}",
    C.PART_ONCE_A_DAY: "{what} is billable once per treatment day only",
    C.PART_PER_SESSION: "GOZ {number} at most {limit:once|# times} per session",
    C.PART_PER_SESSION_TOOTH: "GOZ {number} at most {limit:once|# times} per tooth or implant and session",
    C.PART_PER_SESSION_REGION: "GOZ {number} at most {limit:once|# times} per jaw half or front region and session",
    C.PART_PER_YEAR: "GOZ {number} at most {limit:once|# times} in calendar year {year}",
    C.PART_LINE_AT: "{line:nr} ({sheet} row {row})",
    C.PART_MISSING_LAB_CODE: "lab code ({lab_list}) missing",
    C.PART_MISSING_UNIT_PRICE: "unit price missing; give the net price in EUR, e.g. 62,50",
    C.PART_MISSING_LAB_AMOUNT: "amount of the lab line missing (the table has no unit price column); give the amount "
    "including VAT, e.g. 66,88, or add a unit price column (net)",
    C.PART_LINES_OF_DAY: "{line} and {others:one more line|# more lines} of that day",
    C.PART_LAB_NO_SERVICE: "no service {teeth:on the same tooth|on the same teeth}",
    C.PART_LAB_NO_TOOTH: "no tooth given",
    C.PART_SURGERY_SURCHARGE: "A surcharge under GOZ {first}–{last}",
    C.PART_POINTS_BETWEEN: "{low:,} to {high:,}",
    C.PART_POINTS_FROM: "{low:,} or more",
    **VALUES,
    **IMPLANTS,
    **REVIEWS,
    **TABLES,
}

CLASS_SHORT = {"A": "prosthetic work", "B": "dental treatment", "P": "prophylaxis", "X": "not eligible"}
CLASS_LONG = {key: f"{name} (class {key})" for key, name in CLASS_SHORT.items()}  # "prosthetic work (class A)"
CAUSES = {
    "fee_limits": "fee limits",
    "lab_prices": "lab maximum prices",
    "not_eligible": "not eligible",
    "implant_limit": "implant limit",
    "pzr_limit": "PZR limit",
    "rate": "benefit rate",
    "deductible": "deductible",
    "staged_cap": "staged cap",
    "override": "review",
}
SEVERITIES = {"error": "Error", "warning": "Warning", "info": "Note"}
LETTER_SEVERITIES = {"error": "To be clarified", "warning": "To be checked", "info": "Note"}
JAWS = {"OK": "upper jaw", "UK": "lower jaw"}
JAWS_SHORT = {"OK": "upper", "UK": "lower"}
VERSION_KINDS = {"tariff_profile": "tariff profile", "lab": "lab price list", "goz": "GOZ", "goae": "GOÄ"}
LINE = {
    "tooth": "tooth",
    "teeth": "teeth",
    "on": "on tooth",
    "on_teeth": "on teeth",
    "lab": "Lab",  # names a line, often at the start of a sentence
    "row": "row",
    "lines": "# lines",
    "in": "in the",
}
JAW_PLACES = {"OK": "upper jaw", "UK": "lower jaw", "OK/UK": "upper and lower jaw"}  # a line on a whole jaw

SENTENCES = {
    "cap_year": "Staged cap, insurance year {year} ({start} – {end}): at most {cap} cumulated; paid before this plan "
    "{before}, this plan up to then {plan}, free {left}{held:? – as much as is left under the cap of insurance years 1 to }",
    "cap_source": "Staged cap, earlier benefits taken from {source}",
    "cap_after": "Staged cap: treatment from insurance year {year}, no maximum amounts ({section})",
    "cap_no_start": "Staged cap: insurance start not given – applied as in insurance year 1 ({section})",
    "deductible": "Deductible {year} ({note}): {amount}; before {before}, this plan {plan}, open {left}",
    "deductible_none": "Deductible {year}: none ({note})",
    "pzr": "Professional tooth cleaning {year}: at most {limit}; before {before}, this plan {plan}",
    "implants": "Implants, {jaw}: {present} present, {planned} planned, at most {limit} per jaw; not eligible: {excluded}",
    "implants_unlocated": "{count} at unknown sites",
    "implant_sites": "{several:teeth|tooth} {sites}",
    "none_excluded": "none",
    "no_limit": "No limit of the tariff concerns this plan.",
    "reductions": "of which {parts}",
    "total_billed": "total cost as planned",
    "total_billed_incomplete": "total cost without missing rows",
    "total_benefit": "expected benefit",
    "total_share": "expected own share",
    "total_share_incomplete": "own share without missing rows",
    "no_reduction": "no reduction",
    "scenario_as_planned": "as planned",
    "scenario_cooperating": "with a cooperating dentist",
    "scenario_not_cooperating": "without a cooperating dentist",
    "scenario_accident": "as a result of an accident",
    "scenario_no_accident": "not as a result of an accident",
    "scenario_planner": "staged-cap planner's suggestion",
    "column_scenario": "Scenario",
    "column_eligible": "eligible",
    "column_benefit": "benefit",
    "column_share": "patient pays",
    "column_difference": "difference",
    "version": "{name} from {date}",
    "planner": "Staged-cap planning ({section}):",
    "whatif_missing": "Note: {count:# row|# rows} of the plan {count:is|are} missing from every variant (not read or without a "
    "treatment day): {rows}",
    "planner_stay": "Not moving is best: moving treatment to a later insurance year brings no more.",
    "planner_no_cap": "The staged caps do not reduce this plan; moving treatment brings nothing.",
    "planner_move": "{place}: move from insurance year {year} {spread:starting on|to} {date}{spread:, intervals as "
    "planned|}{later:, the work of later years on it too|}",
    "planner_healing": "; the work on {date} then follows the implant after {now} instead of {planned} days – please check "
    "the healing time",
    "planner_with": "with them the lines without a tooth that belong to them: {lines}",
    "planner_gain": "Benefit then {benefit} instead of {base}: {gain} more ({why}provided the treatment can wait medically)",
    "planner_less": "{cause} {amount} less; ",
    "planner_more": "{cause} {amount} more; ",
    "planner_cap": "cut by the staged caps",
    "planner_deductible": "deductible",
}

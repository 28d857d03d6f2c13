"""The English words of how a plan's tables were read: their headers, columns and rows that are no line."""

from __future__ import annotations

from estimator.codes import Code

C = Code
TABLES: dict[Code, str] = {
    C.INPUT_HEADER_AGAIN: "{cell}: header row repeated; skipped",
    C.INPUT_LAB_TABLE_BELOW: "{cell}: header of a lab table; the rows below it read as lab lines",
    C.INPUT_FEE_TABLE_BELOW: "{cell}: header of the services; the rows below it read as services again",
    C.INPUT_LAB_HEADING: "{cell}: heading “{text}”: the rows below it read as material and lab costs (their number as "
    "the lab code) – please check",
    C.INPUT_FEE_HEADING: "{cell}: heading “{text}”: the rows below it read as services again",
    C.INPUT_ERROR_VALUE: "{cell} ({field}): the formula gives the error “{value}”, no value; please correct the formula in Excel",
    C.INPUT_EMPTY_ROWS: "Sheet {sheet}: {count:# empty row|# empty rows} skipped (row {rows})",
    C.INPUT_HIDDEN_SHEET: "Sheet {sheet} is hidden; its rows are read and counted – if it is no part of the plan, please "
    "delete it, else unhide and check it",
    C.INPUT_HIDDEN_ROWS: "Sheet {sheet}: {count:one hidden row|# hidden rows} read and counted ({count:row|rows} "
    "{rows}); delete what is not part of the plan, unhide the rest",
    C.INPUT_HIDDEN_COLUMN: "{cell}: the column “{title}” is hidden and was read; please unhide and check it",
    C.INPUT_TOTAL_ROW: "{cell}: total row skipped",
    C.INPUT_TOTAL_DIFFERS_SHEETS: "{cell}: the plan's total ({total}) differs by {difference} from the amounts read in "
    "{single:row|rows} {rows:–} and {count:sheet|sheets} {sheets:, | and } ({lines}); please check whether a line is "
    "missing, an amount is wrong or the total leaves out a line",
    C.INPUT_TOTAL_DIFFERS: "{cell}: the plan's total ({total}) differs by {difference} from the amounts read in "
    "{single:row|rows} {rows:–} ({lines}); please check whether a line is missing, an amount is wrong or the total leaves out a line",
    C.INPUT_VAT_ROW: "{cell}: value-added tax row skipped; the amounts of the {count:lab line|# lab lines} above were net, "
    "computed with their VAT",
    C.INPUT_VAT_ROW_OTHER: "{cell}: value-added tax row not read: the lab lines above with a net amount come to {vat} VAT – "
    "please give the lab lines with unit price and VAT",
    C.INPUT_ALTERNATIVE: "{cell}: “{text}” – the plan names alternatives; their lines are all counted together here, please "
    "estimate each alternative as a plan of its own",
    C.INPUT_DITTO: '{cell}: ditto marks (“"”, “dto.”) read as the value of the line above – please check',
    C.INPUT_COMMENT_ROW: "{cell}: note skipped, no service (“{text}”)",
    C.INPUT_UNIT_PRICE_DERIVED: "{cell} ({field}): unit price derived from the amount {amount}: {price} per unit net "
    "(at {vat}% VAT); please check",
    C.INPUT_SESSION_DATE: "Sheet {sheet}: {count:one line names|# lines name} a session or no day instead of a date "
    "({texts}; {count:row|rows} {rows}{more:, …|}) – computed like {count:a line|lines} without a date, on the same "
    "treatment day as every line without one: limits per session or day apply to them together, the staged caps and the "
    "deductible go by that day – please enter {count:the day of the session|the days of the sessions}",
    C.INPUT_SESSIONS: "Sheet {sheet}: {count:one line names|# lines name} a session or no day instead of a date "
    "({texts}; {count:row|rows} {rows}{more:, …|}) – computed like {count:a line|lines} without a date: the staged caps "
    "and the deductible go by the plan date; limits per session or day apply to each session named on its own (a line "
    "without a date right below it belongs to it) – please enter {count:the day of the session|the days of the sessions}",
    C.INPUT_FACTOR_ASSUMED: "{cell} ({field}): empty, the amount is computed with factor {factor} – please check",
    C.INPUT_FEE_PRICE_NOT_READ: "{cell} ({field}): not read for a fee line, its amount is computed from number, factor "
    "and count – for the cell's value to count, head the column “Betrag”",
    C.INPUT_SHEET_BY_HEADER: "Sheet {sheet} read as {lab:lab|services} (recognised by its header row)",
    C.INPUT_SHEET_NOT_READ: "Sheet {sheet} not read: a further table of {lab:lab lines|services} beside sheet {read}; "
    "please copy its rows into sheet {read} if they belong to this plan",
    C.INPUT_SHEET_NO_TABLE: "Sheet {sheet} not read: no table of services or lab lines recognised (columns as in the "
    "template: hkp template)",
    C.INPUT_COLUMN_UNKNOWN: "{cell}: column “{title}” not recognised and not read; please name it as in the template "
    "(hkp template)",
    C.INPUT_COLUMN_FROM_SCHEDULE: "{cell}: column “{title}” not read; the program takes it from the fee schedule",
    C.INPUT_COST_COLUMN: "{cell}: column “{title}” not read: material and lab costs are missing from the estimate; please "
    "give them as lines of their own (in the sheet Labor, or with GO “Labor” or “Material”)",
    C.INPUT_COLUMN_TWICE: "{cell}: column “{title}” not read: column {letter} (“{taken}”) is read as “{column}”; "
    "please check that it is the right one",
    C.INPUT_PRICE_COLUMN_MISSING: "Sheet {sheet}: no column “Einzelpreis”; each line's unit price is derived from its "
    "amount, a line without an amount is not read – please add the column (hkp template)",
    C.INPUT_LAB_COLUMN_MISSING: "Sheet {sheet}, lab table from row {row}: no column “{column}”; every lab line computed "
    "with {default}",
    C.INPUT_COLUMN_MISSING: "Sheet {sheet}: no column “{column}”; every line computed with {default}",
}

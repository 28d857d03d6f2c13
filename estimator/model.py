"""The plan, the insured person and the estimate: immutable records, Decimal money."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from estimator.auslegung import Auslegung
from estimator.codes import Code
from estimator.invisible import printable_text
from estimator.kinds import Cause, LineClass, LineKind, Schedule, Severity
from estimator.limitrecords import Limits
from estimator.phrases import Phrase, Rule
from estimator.teeth import Teeth


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem or note about the plan, where it is, (for rules) its tariff section, and a phrase that says it."""

    severity: Severity
    phrase: Phrase
    sheet: str = ""
    row: int | None = None
    column: str = ""
    section: str = ""

    @property
    def code(self) -> str:
        return self.phrase.code.value

    @property
    def cell(self) -> str:
        letters = self.column.isascii() and self.column.isalpha() and self.column.isupper()
        return f"{self.column}{self.row}" if letters and self.row else ""  # a field name is no cell


@dataclass(frozen=True)
class FeeLine:
    """One fee line of the HKP (GOZ or GOÄ)."""

    sheet: str
    row: int
    number: str
    schedule: Schedule = Schedule.GOZ
    date: dt.date | None = None
    teeth: Teeth = field(default_factory=Teeth)
    description: str = ""
    count: Decimal = Decimal(1)
    factor: Decimal = Decimal("2.3")
    amount: Decimal | None = None
    justification: str = ""
    accident: bool = False
    manual_class: LineClass | None = None
    confirmed: bool = False  # the user confirmed a fee number missing from the catalogue
    session: str = ""  # a session named instead of a day („2. Sitzung“): limits per session and day apply to it alone

    kind = LineKind.FEE

    def __post_init__(self) -> None:
        _printable(self, "description", "justification", "session")


@dataclass(frozen=True)
class LabLine:
    """One lab line (Material- und Laborkosten) of the HKP."""

    sheet: str
    row: int
    code: str
    unit_price: Decimal
    date: dt.date | None = None
    teeth: Teeth = field(default_factory=Teeth)
    description: str = ""
    quantity: Decimal = Decimal(1)
    vat_percent: Decimal | None = None
    amount: Decimal | None = None
    manual_class: LineClass | None = None
    session: str = ""

    kind = LineKind.LAB

    def __post_init__(self) -> None:
        _printable(self, "description", "session")

    @property
    def number(self) -> str:
        return self.code


PlanLine = FeeLine | LabLine


def _printable(record: object, *names: str) -> None:
    """A record's texts as a letter prints them and a workbook keeps them, from every source (estimator.invisible)."""
    for name in names:
        text = getattr(record, name)
        if not (text.isascii() and text.isprintable()):
            object.__setattr__(record, name, printable_text(text))


@dataclass(frozen=True)
class Person:
    """The insured person and the contract, with what earlier benefits already used."""

    name: str = ""
    birth_date: dt.date | None = None
    insurance_number: str = ""
    practice: str = ""
    practice_address: str = ""
    variant: str = ""  # the tariff variant ("Tarif"); empty: the default tariff's default variant
    insurance_start: dt.date | None = None
    cooperating: bool = False
    accident: bool = False
    prior_class_a: tuple[Decimal, ...] = ()  # class-A benefits already paid in insurance years 1, 2, ... (staged caps)
    prior_source: str = ""  # where those amounts come from, when the case register filled them in
    deductible_used: Decimal = Decimal(0)
    pzr_reimbursed: Decimal = Decimal(0)
    implants_upper: int = 0
    implants_lower: int = 0
    orthodontics_start: dt.date | None = None  # KFO-Behandlungsbeginn of a treatment already under way
    street: str = ""  # the patient's address, for the letter (Straße, PLZ, Ort)
    postcode: str = ""
    city: str = ""

    def __post_init__(self) -> None:  # from every source: workbook, case file, window (estimator.invisible)
        for name in ("name", "insurance_number", "practice", "practice_address", "street", "postcode", "city"):
            object.__setattr__(self, name, printable_text(getattr(self, name)))


MAX_CAP_YEARS = 10  # insurance years with a staged cap that a plan or a tariff profile may name
MAX_REVIEWER = 200  # characters of a reviewer's name
MAX_NOTE = 2_000  # characters of the note to the patient that a letter prints
MAX_NOTE_LINES = 30  # its lines: it stays a note, not a letter of its own
MAX_LINES = 20_000  # fee and lab lines of one plan together, from a workbook or a case file
MAX_INPUT_FINDINGS = 2_000  # findings of reading one plan listed one by one; more are counted in one


def note_fits(text: str) -> bool:
    """Whether a note to the patient fits the letter: at most MAX_NOTE characters in MAX_NOTE_LINES lines."""
    return len(text) <= MAX_NOTE and text.count("\n") < MAX_NOTE_LINES


@dataclass(frozen=True)
class Override:
    """A reviewer's decision on one line: its eligible amount and/or its class, with who decided and why, and what the
    line was then (line_seen; empty in a case file from before: a change since is not known)."""

    sheet: str
    row: int
    reviewer: str
    reason: str
    eligible: Decimal | None = None
    line_class: LineClass | None = None
    seen: str = ""

    def __post_init__(self) -> None:
        _printable(self, "reviewer", "reason")


MAX_SEEN = 64  # characters of the digest of what a reviewed line was (estimator.rules.reviews.line_seen)


@dataclass(frozen=True)
class LeftOutLine:
    """A table row the import could not take as a line (a tooth „99“, a missing number): its cells as the sheet
    showed them, kept with the plan so that it can be corrected and is never lost (the case file and a saved
    workbook keep it)."""

    kind: str  # "fee" or "lab": what the row was read as
    sheet: str
    row: int
    cells: tuple[tuple[str, str], ...]  # (column as the template names it, the cell's text), in the sheet's order

    def cell(self, name: str) -> str:
        return next((text for column, text in self.cells if column == name), "")

    @classmethod
    def of_line(cls, line: FeeLine | LabLine) -> LeftOutLine:
        """A line read but not computed (no treatment day): named as a row left out is."""
        named = (("GO", line.schedule.value), ("Nr", line.number)) if isinstance(line, FeeLine) else (("Nr", line.code),)
        kind = "fee" if isinstance(line, FeeLine) else "lab"
        cells = (*named, ("Leistung", line.description), ("Zahn", line.teeth.text))
        return cls(kind, line.sheet, line.row, tuple((name, text) for name, text in cells if text))


@dataclass(frozen=True)
class Plan:
    """A Heil- und Kostenplan: its lines, the person, the plan date and what reading it found."""

    fee_lines: tuple[FeeLine, ...] = ()
    lab_lines: tuple[LabLine, ...] = ()
    person: Person = Person()
    plan_date: dt.date | None = None
    source: str = ""
    input_findings: tuple[Finding, ...] = ()
    columns: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)  # sheet -> field -> letter
    patient_cells: dict[str, str] = field(default_factory=dict, compare=False)  # Patient label -> cell
    overrides: tuple[Override, ...] = ()  # a reviewer's decisions, applied after the tariff's own rules
    left_out: tuple[LeftOutLine, ...] = ()  # rows the import could not take, to be corrected
    used_on: dt.date | None = None  # the day used_day gives, when kept from the plan as it was (a what-if's moved lines)

    def used_day(self) -> dt.date | None:
        """The day in whose calendar year the person's deductible used and PZR reimbursed lie: the plan date, else
        the first treatment day (a plan whose lines a what-if moves keeps the year of the plan as it stands)."""
        kept = self.plan_date or self.used_on
        if kept:
            return kept
        days = [line.date for line in self.fee_lines if line.date] + [line.date for line in self.lab_lines if line.date]
        return min(days, default=None)

    def cell_column(self, sheet: str, name: str) -> str:
        """The column letter a field was read from, or the field name when the sheet has no such column."""
        return self.columns.get(sheet, {}).get(name, name)


class Explanation(NamedTuple):
    """One step that decided or changed a line's amount, its tariff section and phrase (a named tuple: made most often)."""

    rule: Rule
    phrase: Phrase
    before: Decimal | None = None
    after: Decimal | None = None


class LineResult(NamedTuple):
    """A plan line with its class, amounts and the reasons for them."""

    line: PlanLine
    date: dt.date
    line_class: LineClass
    rate: Decimal
    billed: Decimal
    eligible: Decimal
    benefit: Decimal
    accident: bool
    class_by_hand: bool
    explanations: tuple[Explanation, ...]
    reductions: dict[Cause, Decimal]  # billed - benefit by cause, only causes that apply
    owner: PlanLine | None = None  # for a surcharge or a derived laser fee: the line of the service it belongs to

    @property
    def kind(self) -> LineKind:
        return self.line.kind

    @property
    def reduction(self) -> Decimal:
        return self.billed - self.benefit


@dataclass(frozen=True)
class Totals:
    billed: Decimal
    eligible: Decimal
    benefit: Decimal

    @property
    def patient_share(self) -> Decimal:
        return self.billed - self.benefit

    @property
    def shown(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        """The four figures every output shows, in the order of their names (estimator.wording.total_labels)."""
        return self.billed, self.eligible, self.benefit, self.patient_share


@dataclass(frozen=True)
class VersionUsed:
    """A price list or tariff profile version the estimate used, with the date it is valid from."""

    kind: str  # tariff_profile | lab | goz | goae
    name: str
    version: str
    valid_from: dt.date


@dataclass(frozen=True)
class Estimate:
    """What the insurer is expected to pay for a plan, line by line, with every reason."""

    plan: Plan
    lines: tuple[LineResult, ...]
    findings: tuple[Finding, ...]
    totals: Totals
    limits: Limits
    settings: Auslegung
    versions: tuple[VersionUsed, ...] = ()
    tariff_name: str = ""  # the tariff's display name
    lab_list_name: str = ""  # what the tariff calls its lab price list
    variant: str = ""  # the variant estimated with (the person's, or the tariff's default)
    not_computed: tuple[LeftOutLine, ...] = ()  # lines without a treatment day: in no figure

    @property
    def rows_missing(self) -> tuple[LeftOutLine, ...]:
        """The plan's rows in no figure: those the import left out, and the lines without a treatment day."""
        return self.plan.left_out + self.not_computed

    @property
    def rows_without_amount(self) -> tuple[LeftOutLine, ...]:
        """Fee lines computed at 0,00 € because their amount is neither given nor computable (a number no fee
        schedule knows and no Betrag): their cost is missing from every figure as a left-out row's is."""
        places = {(f.sheet, f.row) for f in self.findings if f.phrase.code is Code.FEE_AMOUNT_MISSING}
        return tuple(LeftOutLine.of_line(r.line) for r in self.lines if (r.line.sheet, r.line.row) in places)

    @property
    def sheets_not_read(self) -> tuple[str, ...]:
        """A further table of fees or lab lines beside the one read: its rows are in no figure either."""
        return tuple(f.sheet for f in self.plan.input_findings if f.phrase.code is Code.INPUT_SHEET_NOT_READ)

    @property
    def figures_incomplete(self) -> bool:
        """Whether rows of the plan are in no figure (left out, without treatment day, without amount, on a sheet
        not read; a case file of an older version says skipped rows as findings): the total and the own share are not
        the plan's then, and their names say so."""
        skipped = any(f.phrase.code is Code.INPUT_LINE_SKIPPED for f in self.plan.input_findings)
        return bool(self.rows_missing or self.rows_without_amount or self.sheets_not_read or skipped)

    @property
    def reductions(self) -> dict[Cause, Decimal]:
        """What the patient pays and why: every cause with the sum of its lines' reductions (spec 7, step 9)."""
        totals = dict.fromkeys(Cause, Decimal("0.00"))
        for result in self.lines:
            for cause, amount in result.reductions.items():
                totals[cause] += amount
        return totals

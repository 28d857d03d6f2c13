"""The enumerations every layer shares: class of a line, kind of a line, fee schedule, severity, cause."""

from __future__ import annotations

from enum import StrEnum


class LineClass(StrEnum):
    """Benefit class of a line (spec section 2): the tariff profile names each class's rate and section."""

    A = "A"  # Zahnersatz: crowns, dentures, functional therapy, implantology, their preparation
    B = "B"  # Zahnbehandlung: inlays, other dental work, orthodontics
    P = "P"  # Prophylaxe: no deductible
    X = "X"  # not eligible


class LineKind(StrEnum):
    """A fee line (Honorar) or a lab line (Material- und Laborkosten)."""

    FEE = "fee"
    LAB = "lab"


class Schedule(StrEnum):
    GOZ = "GOZ"
    GOAE = "GOÄ"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Cause(StrEnum):
    """Why the patient pays part of a line: the reductions by cause (spec section 7, step 9), in rule order."""

    FEE_LIMITS = "fee_limits"
    LAB_PRICES = "lab_prices"
    NOT_ELIGIBLE = "not_eligible"
    IMPLANT_LIMIT = "implant_limit"
    PZR_LIMIT = "pzr_limit"
    RATE = "rate"
    DEDUCTIBLE = "deductible"
    STAGED_CAP = "staged_cap"
    OVERRIDE = "override"

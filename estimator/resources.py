"""Files shipped with the program: price lists, the example plan, fonts, icons."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
PRICELISTS = Path(__file__).resolve().parent.parent / "pricelists"


def example_plan_path() -> Path:
    return RESOURCES / "examples" / "beispielplan.xlsx"


def example_case_path() -> Path:
    """The example plan as a case file (scripts/build_example_case.py writes it from the workbook)."""
    return RESOURCES / "examples" / "beispielplan.hkp.json"

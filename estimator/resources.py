"""Files shipped with the program: the example plan, fonts, icons."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def example_plan_path() -> Path:
    return RESOURCES / "examples" / "beispielplan.xlsx"


def example_case_path() -> Path:
    """The example plan as a case file (scripts/build_example_case.py writes it from the workbook)."""
    return RESOURCES / "examples" / "beispielplan.hkp.json"

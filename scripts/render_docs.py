#!/usr/bin/env python3
"""Render the estimate PDFs of the worked examples and of a 300-line plan to PNG pages in docs/pdf/."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from estimator.io.excel import read_plan
from estimator.output.pdf import write_pdf
from estimator.rules.engine import estimate
from estimator.samples import synthetic_plan
from estimator.tariff.catalogues import load_tariffs

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
ISSUED = dt.date(2026, 11, 23)


def main() -> int:
    out = ROOT / "docs" / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    catalogues = load_tariffs()
    plans = {p.stem: read_plan(p) for p in sorted(GOLDEN.glob("*.xlsx"))}
    plans["plan_300_zeilen"] = synthetic_plan(300)
    with tempfile.TemporaryDirectory() as tmp:
        for name, plan in plans.items():
            pdf = Path(tmp) / f"{name}.pdf"
            write_pdf(estimate(plan, catalogues), catalogues, pdf, ISSUED)
            pages = ["-f", "1", "-l", "2"] if name.startswith("plan_300") else []
            subprocess.run(["pdftoppm", "-r", "70", "-png", *pages, str(pdf), str(out / name)], check=True)
            print(name, "->", sorted(p.name for p in out.glob(f"{name}*.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

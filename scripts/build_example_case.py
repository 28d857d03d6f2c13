#!/usr/bin/env python3
"""Write resources/examples/beispielplan.hkp.json, the example plan as a case file, from beispielplan.xlsx.

The desktop application opens this case when started without a file: it needs no Excel reader at start.
"""

from __future__ import annotations

import dataclasses
import sys

from estimator.case import Case
from estimator.io.casefile import save_case
from estimator.io.excel import read_plan
from estimator.resources import RESOURCES, example_case_path, example_plan_path


def main() -> int:
    plan = dataclasses.replace(read_plan(example_plan_path()), source=example_plan_path().name)
    save_case(Case.from_plan(plan), example_case_path())
    example_case_path().chmod(0o644)
    print(f"geschrieben: {example_case_path().relative_to(RESOURCES.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

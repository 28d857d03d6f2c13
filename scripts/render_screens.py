#!/usr/bin/env python3
"""Render the main window (1366x768) with each worked example to docs/window/, with `hkp-estimator --screenshot`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def main() -> int:
    out = ROOT / "docs" / "window"
    out.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    runs = [(p.stem, [str(p)]) for p in sorted(GOLDEN.glob("*.xlsx"))]
    runs.append(("beispielplan_englisch", ["--language", "en"]))
    for name, arguments in runs:
        target = out / f"{name}.png"
        command = [sys.executable, "-m", "ui.start", "--screenshot", str(target), *arguments]
        subprocess.run(command, check=True, env=environment, cwd=ROOT)
        print(name, "->", target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`hkp-estimator`: starts the desktop application with the cyclic garbage collector paused while it loads.

Loading creates some hundred thousand objects (modules, classes, Qt wrappers, the price lists) that live as
long as the program; collecting among them again and again during the start only costs time, about a
twentieth of it (bench/bench.py). `ui.app.main` turns the collector back on once the window is shown.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    gc.disable()
    from ui.app import main as run_app  # noqa: PLC0415 - loaded only now that the collector is paused

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())

"""The user's data folder: autosave and the case register live there, for the window and `hkp` alike.

The folder is the one Qt calls AppDataLocation for this program (so the window and the command line agree
without Qt on the command line); HKP_DATA_DIR moves it (portable installs, tests).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANIZATION, APPLICATION = "HKP-Schaetzer", "hkp-estimator"
DATA_DIR_VARIABLE = "HKP_DATA_DIR"


def data_dir(create: bool = True) -> Path:
    """The data folder, created owner-only when it is new (unless only looked up: create False)."""
    chosen = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    if chosen:
        folder = Path(chosen)
    elif sys.platform == "win32":
        folder = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / ORGANIZATION / APPLICATION
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Application Support" / ORGANIZATION / APPLICATION
    else:
        base = os.environ.get("XDG_DATA_HOME", "").strip()
        folder = (
            (Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "share") / ORGANIZATION / APPLICATION
        )
    if create:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder

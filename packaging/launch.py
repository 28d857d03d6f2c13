"""Entry point of the packaged desktop application (PyInstaller)."""

import sys

from ui.start import main

if __name__ == "__main__":
    sys.exit(main())

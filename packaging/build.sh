#!/usr/bin/env bash
# Build the one-folder desktop application into dist/hkp-estimator/ and start it once, offscreen,
# rendering its window to dist/hkp-estimator-screenshot.png (proof that the build runs).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
"$python" -m pip install -q "pyinstaller>=6.10"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/hkp-estimator.spec
shot=dist/hkp-estimator-screenshot.png
rm -f "$shot"
QT_QPA_PLATFORM=offscreen HKP_DATA_DIR="$(mktemp -d)" dist/hkp-estimator/hkp-estimator --screenshot "$shot" tests/golden/implant_limit.xlsx
python3 - "$shot" <<'PY'
import struct, sys
with open(sys.argv[1], "rb") as png:
    head = png.read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n", "no PNG written"
width, height = struct.unpack(">II", head[16:24])
assert (width, height) == (1366, 768), (width, height)
print(f"packaged application started and rendered {width}x{height}: {sys.argv[1]}")
PY
for part in resources/help/anleitung.html pypdfium2_raw python_calamine; do  # the guide, printing, reading
  test -e "dist/hkp-estimator/_internal/$part" || { echo "missing in the build: $part" >&2; exit 1; }
done
du -sh dist/hkp-estimator

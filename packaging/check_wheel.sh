#!/usr/bin/env bash
# Build the wheel, install it (not editable) into a fresh virtual environment and run both commands
# from outside the checkout: the price lists, fonts, translations and example plan must come along.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/.venv/bin/python" -m pip wheel -q --no-deps -w "$work/dist" "$root"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/*.whl
cd "$work"
"$work/venv/bin/hkp" estimate > example.txt
grep -q "voraussichtliche Erstattung" example.txt
"$work/venv/bin/hkp" estimate "$root/tests/golden/crown_basic.xlsx" --json crown.json --pdf crown.pdf
grep -q '"benefit": "323.01"' crown.json
head -c 4 crown.pdf | grep -q "%PDF"
"$work/venv/bin/hkp" template vorlage.xlsx
QT_QPA_PLATFORM=offscreen HKP_DATA_DIR="$work/data" "$work/venv/bin/hkp-estimator" --screenshot window.png --language en
test -s window.png
echo "wheel installed into a fresh venv: hkp and hkp-estimator work from $work"

#!/usr/bin/env python3
"""Regenerate pricelists/*.json from the tariff text and the fee schedule tables in pricelists/sources.

Usage: python3 scripts/build_pricelists.py [SOURCES_DIR [OUT_DIR]]
The output is committed; run this only when a source changes, and review the diff.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "pricelists" / "sources"
TARIFF_TEXT = "avb-bm5-teil-ii.txt"
B269_START = "für zahntechnische Leistungen¹"
B269_END = "Hinweise:"
B269_LINE = re.compile(r"^(?P<code>\d{3,4}|I \d{3})\s+(?P<text>.+?)\s+(?P<price>\d{1,3},\d{2})$")
# The seed's transcription slip: "082 Aufbisschiene" stands between 0826 and 0828 and is 0827.
B269_SLIPS = {"082": "0827"}


def parse_b269(tariff_text: str) -> list[dict[str, str]]:
    """The lab price list B 269 as printed in the tariff text: code, text, group, maximum net price."""
    start = tariff_text.index(B269_START)
    end = tariff_text.index(B269_END, start)
    entries: list[dict[str, str]] = []
    group = ""
    for raw in tariff_text[start:end].splitlines():
        line = raw.replace("**", " ").strip()
        match = B269_LINE.match(line)
        if match:
            code = B269_SLIPS.get(match["code"], match["code"])
            text = match["text"].strip().rstrip(":")
            price = match["price"].replace(",", ".")
            entries.append({"code": code, "text": text, "group": group, "max_price": price})
        elif "\t" not in raw.strip():
            heading = line.split("Höchstbetrag EUR")[-1].strip()
            if heading and not heading.startswith(("Leistung", "¹", "–", "für zahntechnische")):
                group = heading
    return entries


def build_b269(sources: Path) -> dict[str, object]:
    entries = parse_b269((sources / TARIFF_TEXT).read_text(encoding="utf-8"))
    return {
        "name": "B 269 Preis- und Leistungsverzeichnis für zahntechnische Leistungen (BestMed BM5 / 0-3)",
        "version": "B269-2026.1",
        "valid_from": "2026-01-01",
        "source": "AVB Teil II BestMed Premium BM5 / 0-3, Anlage Druckstück B 269 "
        "(Transkription; Lesefehler „082 Aufbisschiene“ als 0827 berichtigt)",
        "currency": "EUR",
        "prices_are": "netto, zuzüglich Mehrwertsteuer",
        "entries": entries,
    }


def build_goz(sources: Path) -> dict[str, object]:
    entries = []
    with (sources / "goz2012_gebuehrenverzeichnis.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entries.append(
                {
                    "nr": row["goz_nr"],
                    "section": row["abschnitt"],
                    "text": row["leistungstext"],
                    "points": int(row["punktzahl"]) if row["punktzahl"] else None,
                    "single_rate_only": row["nur_einfacher_satz"] == "ja",
                    "rule_without_points": row["gebuehr_regel_ohne_punktzahl"] or None,
                }
            )
    return {
        "name": "Gebührenordnung für Zahnärzte (GOZ 2012), Anlage 1",
        "version": "GOZ-2012",
        "valid_from": "2012-01-01",
        "source": "GOZ 2012 (BGBl I 2011, 2661), Gebührenverzeichnis nach pricelists/sources/goz2012_gebuehrenverzeichnis.csv",
        "point_value_eur": "0.0562421",
        "threshold_factor": "2.3",
        "entries": entries,
    }


def goae_category(row: dict[str, str]) -> str:
    """Fee category of § 5 GOÄ, which decides threshold and maximum factor."""
    if row["nur_einfacher_satz"] == "ja":
        return "single_rate"
    if row["abschnitt"] == "M" or row["goae_nr"] == "437":
        return "laboratory"
    if row["abschnitt_a_liste"] == "ja" or row["abschnitt"] in ("E", "O"):
        return "technical"
    return "personal"


def build_goae(sources: Path) -> dict[str, object]:
    entries = []
    with (sources / "goae_gebuehrenverzeichnis_full.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entries.append(
                {
                    "nr": row["goae_nr"],
                    "section": row["abschnitt"],
                    "text": row["leistung"][:200],
                    "points": int(row["punktzahl"]) if row["punktzahl"] else None,
                    "category": goae_category(row),
                    "dentist_billable": row["zahnarzt_berechnungsfaehig_6_2_goz"] == "ja",
                }
            )
    return {
        "name": "Gebührenordnung für Ärzte (GOÄ), Gebührenverzeichnis",
        "version": "GOÄ-2019",
        "valid_from": "2019-10-21",
        "source": "GOÄ (zuletzt geändert durch Art. 1 V v. 21.10.2019), nach pricelists/sources/goae_gebuehrenverzeichnis_full.csv",
        "point_value_eur": "0.0582873",
        "thresholds": {"personal": "2.3", "technical": "1.8", "laboratory": "1.15", "single_rate": "1.0"},
        "entries": entries,
    }


def build_all(sources: Path = SOURCES) -> dict[str, dict[str, object]]:
    """The price lists by file name, as the sources give them."""
    return {"b269.json": build_b269(sources), "goz2012.json": build_goz(sources), "goae.json": build_goae(sources)}


def main() -> int:
    sources = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCES
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "pricelists"
    for name, document in build_all(sources).items():
        path = out / name
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{path}: {len(document['entries'])} entries")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())

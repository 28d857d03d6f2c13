#!/usr/bin/env python3
"""Build the price lists pricelists/<list>/<valid-from>.json from the tariff text and the fee schedule tables.

Usage: python3 scripts/build_pricelists.py [SOURCES_DIR [OUT_DIR]] [--valid-from LIST=YYYY-MM-DD ...]

Each list is written as a new dated version beside the older ones, never over them: a plan treated before the new
date keeps the prices in force then. A version already there with the same content is left alone; one with other
content is refused (a published version does not change - give the new prices a new valid-from date).
The output is committed; run this only when a source changes, and review the diff.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
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


VALID_FROM = {"b269": "2026-01-01", "goz": "2012-01-01", "goae": "2019-10-21"}


def build_b269(sources: Path, valid_from: str = VALID_FROM["b269"]) -> dict[str, object]:
    entries = parse_b269((sources / TARIFF_TEXT).read_text(encoding="utf-8"))
    return {
        "name": "B 269 Preis- und Leistungsverzeichnis für zahntechnische Leistungen (BestMed BM5 / 0-3)",
        "version": "B269-2026.1" if valid_from == VALID_FROM["b269"] else f"B269-{valid_from}",
        "valid_from": valid_from,
        "source": "AVB Teil II BestMed Premium BM5 / 0-3, Anlage Druckstück B 269 "
        "(Transkription; Lesefehler „082 Aufbisschiene“ als 0827 berichtigt)",
        "currency": "EUR",
        "prices_are": "netto, zuzüglich Mehrwertsteuer",
        "entries": entries,
    }


def build_goz(sources: Path, valid_from: str = VALID_FROM["goz"]) -> dict[str, object]:
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
        "version": "GOZ-2012" if valid_from == VALID_FROM["goz"] else f"GOZ-{valid_from}",
        "valid_from": valid_from,
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


def build_goae(sources: Path, valid_from: str = VALID_FROM["goae"]) -> dict[str, object]:
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
        "version": "GOÄ-2019" if valid_from == VALID_FROM["goae"] else f"GOÄ-{valid_from}",
        "valid_from": valid_from,
        "source": "GOÄ (zuletzt geändert durch Art. 1 V v. 21.10.2019), nach pricelists/sources/goae_gebuehrenverzeichnis_full.csv",
        "point_value_eur": "0.0582873",
        "thresholds": {"personal": "2.3", "technical": "1.8", "laboratory": "1.15", "single_rate": "1.0"},
        "entries": entries,
    }


def build_all(sources: Path = SOURCES, valid_from: dict[str, str] | None = None) -> dict[str, dict[str, object]]:
    """The price lists by their path below pricelists/ ("b269/2026-01-01.json"), as the sources give them."""
    days = {**VALID_FROM, **(valid_from or {})}
    builders = {"b269": build_b269, "goz": build_goz, "goae": build_goae}
    return {f"{name}/{days[name]}.json": build(sources, days[name]) for name, build in builders.items()}


def write_versions(documents: dict[str, dict[str, object]], out: Path) -> list[str]:
    """Write each list as a new dated file; say per file what happened. Raises ValueError before writing anything
    when a version already there would change."""
    texts = {name: json.dumps(document, ensure_ascii=False, indent=1) + "\n" for name, document in documents.items()}
    for name, text in texts.items():
        path = out / name
        if path.exists() and path.read_text(encoding="utf-8") != text:
            raise ValueError(f"{path}: diese Version gibt es schon mit anderem Inhalt; neue Preise brauchen ein neues Datum")
    said = []
    for name, text in texts.items():
        path = out / name
        if path.exists():
            said.append(f"{path}: unverändert")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        said.append(f"{path}: neu, {len(documents[name]['entries'])} Einträge")  # type: ignore[arg-type]
    return said


def _day(text: str) -> tuple[str, str]:
    name, _, day = text.partition("=")
    if name not in VALID_FROM:
        raise argparse.ArgumentTypeError(f"Liste {name!r} unbekannt; erlaubt: {', '.join(VALID_FROM)}")
    dt.date.fromisoformat(day)
    return name, day


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="?", type=Path, default=SOURCES)
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "pricelists")
    parser.add_argument("--valid-from", type=_day, action="append", default=[], metavar="LIST=YYYY-MM-DD")
    args = parser.parse_args(argv)
    try:
        said = write_versions(build_all(args.sources, dict(args.valid_from)), args.out)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print("\n".join(said))
    return 0


if __name__ == "__main__":
    sys.exit(main())

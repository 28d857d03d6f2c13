"""The German words of a reviewer's decisions: how each is applied, said in a line's explanation and in the
findings, and why one does not act; and what a reviewer is asked of a line's accident and of two numbers of a
session of which the GOZ bills one."""

from __future__ import annotations

from estimator.codes import Code

C = Code
REVIEWS: dict[Code, str] = {
    C.ACCIDENT_IN_PART: "{line}: nicht als Unfallfolge markiert, am selben Tag wie {other:nr} an Zahn {tooth}, die es "
    "ist – gehört die Leistung zur Behandlung des Unfalls, bitte in der Spalte Unfall markieren (für Unfallfolgen gilt "
    "die Zahnstaffel nicht)",
    C.FEE_BESIDE_ASKED: "{line}: neben {beside} am selben Tag nicht berechnungsfähig – berechnungsfähig ist nur eine der "
    "beiden Leistungen; wie geplant gerechnet – der Versicherer kann eine der beiden kürzen, bitte die Rechnung prüfen",
    C.OVERRIDE_APPLIED: "{line}: Prüfung durch {reviewer}: {changes} – {reason}",
    C.OVERRIDE_LAB_STAYS: "{line} ist nach der Prüfung nicht erstattungsfähig; {count:die Zeile|# Zeilen} darauf "
    "({numbers:, }) {count:bleibt|bleiben} wie gerechnet – bitte einzeln prüfen",
    C.OVERRIDE_LINE_CHANGED: "{line}: nach der Prüfung durch {reviewer} geändert; die Prüfung gilt weiter – bitte prüfen, "
    "ob sie noch passt, und sie bestätigen oder entfernen",
    C.OVERRIDE_UNKNOWN_LINE: "Prüfung ({reviewer}): keine Zeile {row} im Blatt {sheet}; Änderung nicht angewandt",
    C.OVERRIDE_LEFT_OUT_LINE: (
        "Prüfung ({reviewer}): {sheet}, Zeile {row} wurde beim Einlesen ausgelassen; Änderung nicht angewandt, "
        "bitte die Zeile zuerst korrigieren"
    ),
    C.OVERRIDE_REPLACED: "Prüfung ({reviewer}) von {sheet}, Zeile {row} aus der Falldatei gilt für diese Schätzung "
    "nicht: ersetzt durch die Prüfung von {by} (--override); die Falldatei behält sie",
    C.OVERRIDE_ELIGIBLE_ON_X: "{line}: {reviewer} hat erstattungsfähig {amount} gesetzt, die Zeile ist aber Klasse X "
    "(nicht erstattungsfähig) – der Betrag wirkt erst, wenn die Prüfung auch ihre Klasse setzt",
    C.OVERRIDE_ELIGIBLE_WITH_X: "{line}: {reviewer} setzt Klasse X und erstattungsfähig {amount}; eine Zeile der Klasse X "
    "ist nicht erstattungsfähig, der Betrag wirkt nicht",
    C.OVERRIDE_ABOVE_BILLED: (
        "{line}: Prüfung durch {reviewer}: erstattungsfähig {amount} liegt über dem Rechnungsbetrag {billed}; "
        "auf den Rechnungsbetrag begrenzt"
    ),
    C.STEP_REVIEW_CLASS: "{reviewer}: Klasse {old} → {new} – {reason}",
    C.STEP_REVIEW_ELIGIBLE: "{reviewer}: erstattungsfähig auf {amount} gesetzt – {reason}",
    C.STEP_REVIEW_ELIGIBLE_CAPPED: "{reviewer}: erstattungsfähig {asked} gesetzt, begrenzt auf den Rechnungsbetrag {amount} – "
    "{reason}",
    C.STEP_REVIEW_INCLUDED: "{reviewer}: nicht mehr ausgeschlossen",
    C.PART_REVIEW_CLASS: "Klasse {old} → {new}",
    C.PART_REVIEW_ELIGIBLE: "erstattungsfähig {old} → {new}",
    C.OVERRIDE_UNDATED_LINE: (
        "Prüfung ({reviewer}): {sheet}, Zeile {row} hat keinen Behandlungstag und ist in keiner Summe; Änderung nicht "
        "angewandt – bitte zuerst ihr Datum oder das Planungsdatum eintragen"
    ),
    C.OVERRIDE_CUT_AFTER: "{line}: erstattungsfähig {amount} laut Prüfung durch {reviewer}, danach gekürzt "
    "({causes:, | und }) auf {eligible}",
    C.STEP_REVIEW_CLASS_CONFIRMED: "{reviewer}: Klasse {cls} bestätigt – {reason}",
    C.PART_REVIEW_CLASS_CONFIRMED: "Klasse {cls} bestätigt",
}

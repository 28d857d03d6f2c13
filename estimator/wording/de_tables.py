"""The German words of how a plan's tables were read: their headers, columns and rows that are no line."""

from __future__ import annotations

from estimator.codes import Code

C = Code
TABLES: dict[Code, str] = {
    C.INPUT_HEADER_AGAIN: "{cell}: Kopfzeile wiederholt; übersprungen",
    C.INPUT_LAB_TABLE_BELOW: "{cell}: Kopfzeile einer Labortabelle; die Zeilen darunter als Laborzeilen gelesen",
    C.INPUT_FEE_TABLE_BELOW: "{cell}: Kopfzeile der Leistungen; die Zeilen darunter wieder als Leistungen gelesen",
    C.INPUT_LAB_HEADING: "{cell}: Überschrift „{text}“: die Zeilen darunter als Material- und Laborkosten gelesen (ihre "
    "Nummer als Laborcode) – bitte prüfen",
    C.INPUT_FEE_HEADING: "{cell}: Überschrift „{text}“: die Zeilen darunter wieder als Leistungen gelesen",
    C.INPUT_ERROR_VALUE: "{cell} ({field}): die Formel ergibt den Fehler „{value}“, keinen Wert; bitte die Formel in "
    "Excel korrigieren",
    C.INPUT_EMPTY_ROWS: "Blatt {sheet}: {count:# leere Zeile|# leere Zeilen} übersprungen (Zeile {rows})",
    C.INPUT_HIDDEN_SHEET: "Blatt {sheet} ist ausgeblendet; seine Zeilen wurden gelesen und mitgerechnet – gehört es nicht "
    "zum Plan, bitte löschen, sonst einblenden und prüfen",
    C.INPUT_HIDDEN_ROWS: "Blatt {sheet}: {count:eine ausgeblendete Zeile|# ausgeblendete Zeilen} gelesen und "
    "mitgerechnet ({count:Zeile|Zeilen} {rows}); was nicht zum Plan gehört, bitte löschen, das andere einblenden",
    C.INPUT_HIDDEN_COLUMN: "{cell}: die Spalte „{title}“ ist ausgeblendet und wurde gelesen; bitte einblenden und prüfen",
    C.INPUT_TOTAL_ROW: "{cell}: Summenzeile übersprungen",
    C.INPUT_TOTAL_DIFFERS_SHEETS: "{cell}: die Summe im Plan ({total}) weicht um {difference} von den gelesenen Beträgen "
    "{single:der Zeile|der Zeilen} {rows:–} und {count:des Blatts|der Blätter} {sheets:, | und } ab ({lines}); bitte "
    "prüfen, ob eine Zeile fehlt, ein Betrag nicht stimmt oder die Summe nicht alle Zeilen umfasst",
    C.INPUT_TOTAL_DIFFERS: "{cell}: die Summe im Plan ({total}) weicht um {difference} von den gelesenen Beträgen "
    "{single:der Zeile|der Zeilen} {rows:–} ab ({lines}); bitte prüfen, ob eine Zeile fehlt, ein Betrag nicht stimmt oder die Summe "
    "nicht alle Zeilen umfasst",
    C.INPUT_VAT_ROW: "{cell}: Zeile der Mehrwertsteuer übersprungen; die Beträge der {count:Laborzeile|# Laborzeilen} darüber "
    "waren netto, mit ihrer MwSt gerechnet",
    C.INPUT_VAT_ROW_OTHER: "{cell}: Zeile der Mehrwertsteuer nicht gelesen: die Laborzeilen darüber mit Nettobetrag ergeben "
    "{vat} MwSt – bitte die Laborzeilen mit Einzelpreis und MwSt angeben",
    C.INPUT_ALTERNATIVE: "{cell}: „{text}“ – der Plan nennt Alternativen; ihre Zeilen sind hier alle zusammen gerechnet, "
    "bitte jede Alternative als eigenen Plan schätzen",
    C.INPUT_DITTO: '{cell}: Wiederholungszeichen („"“, „dto.“) als Wert der Zeile darüber gelesen – bitte prüfen',
    C.INPUT_COMMENT_ROW: "{cell}: Anmerkung übersprungen, keine Leistung („{text}“)",
    C.INPUT_UNIT_PRICE_DERIVED: "{cell} ({field}): Einzelpreis aus dem Betrag {amount} abgeleitet: {price} je Einheit "
    "netto (bei {vat} % MwSt); bitte prüfen",
    C.INPUT_SESSION_DATE: "Blatt {sheet}: {count:eine Zeile nennt|# Zeilen nennen} statt eines Tages eine Sitzung oder "
    "keinen Tag ({texts}; {count:Zeile|Zeilen} {rows}{more:, …|}) – gerechnet wie {count:eine Zeile|Zeilen} ohne Datum, "
    "am selben Behandlungstag wie alle Zeilen ohne Datum: Grenzen je Sitzung oder Tag gelten für sie zusammen, die "
    "Zahnstaffel und der Selbstbehalt nach diesem Tag – bitte {count:den Tag der Sitzung|die Tage der Sitzungen} eintragen",
    C.INPUT_SESSIONS: "Blatt {sheet}: {count:eine Zeile nennt|# Zeilen nennen} statt eines Tages eine Sitzung oder "
    "keinen Tag ({texts}; {count:Zeile|Zeilen} {rows}{more:, …|}) – gerechnet wie {count:eine Zeile|Zeilen} ohne Datum: "
    "die Zahnstaffel und der Selbstbehalt nach dem Plandatum; Grenzen je Sitzung oder Tag gelten für jede genannte "
    "Sitzung für sich (eine Zeile ohne Datum direkt darunter gehört zu ihr) – bitte {count:den Tag der Sitzung|die Tage "
    "der Sitzungen} eintragen",
    C.INPUT_FACTOR_ASSUMED: "{cell} ({field}): leer, der Betrag ist mit Faktor {factor} berechnet – bitte prüfen",
    C.INPUT_FEE_PRICE_NOT_READ: "{cell} ({field}): für eine Leistung nicht gelesen, ihr Betrag ist aus Nummer, Faktor "
    "und Anzahl berechnet – soll der Wert der Zelle gelten, die Spalte „Betrag“ nennen",
    C.INPUT_SHEET_BY_HEADER: "Blatt {sheet} als {lab:Labor|Leistungen} gelesen (erkannt an seiner Kopfzeile)",
    C.INPUT_SHEET_NOT_READ: "Blatt {sheet} nicht gelesen: eine weitere Tabelle mit {lab:Laborzeilen|Leistungen} neben "
    "Blatt {read}; bitte ihre Zeilen in Blatt {read} übernehmen, wenn sie zu diesem Plan gehören",
    C.INPUT_SHEET_NO_TABLE: "Blatt {sheet} nicht gelesen: keine Tabelle mit Leistungen oder Laborzeilen erkannt (Spalten "
    "wie in der Vorlage: hkp template)",
    C.INPUT_COLUMN_UNKNOWN: "{cell}: Spalte „{title}“ nicht erkannt und nicht gelesen; bitte wie in der Vorlage benennen "
    "(hkp template)",
    C.INPUT_COLUMN_FROM_SCHEDULE: "{cell}: Spalte „{title}“ nicht gelesen; das Programm nimmt sie aus der Gebührenordnung",
    C.INPUT_COST_COLUMN: "{cell}: Spalte „{title}“ nicht gelesen: Material- und Laborkosten fehlen in der Schätzung; bitte "
    "als eigene Zeilen angeben (im Blatt Labor, oder mit GO „Labor“ bzw. „Material“)",
    C.INPUT_COLUMN_TWICE: "{cell}: Spalte „{title}“ nicht gelesen: als „{column}“ gilt Spalte {letter} („{taken}“); "
    "bitte prüfen, ob das die richtige ist",
    C.INPUT_PRICE_COLUMN_MISSING: "Blatt {sheet}: keine Spalte „Einzelpreis“; der Einzelpreis jeder Zeile wird aus ihrem "
    "Betrag abgeleitet, eine Zeile ohne Betrag bleibt ungelesen – bitte die Spalte ergänzen (hkp template)",
    C.INPUT_LAB_COLUMN_MISSING: "Blatt {sheet}, Labortabelle ab Zeile {row}: keine Spalte „{column}“; jede Laborzeile "
    "mit {default} gerechnet",
    C.INPUT_COLUMN_MISSING: "Blatt {sheet}: keine Spalte „{column}“; jede Zeile mit {default} gerechnet",
}

"""The German words for what is wrong with one value: a cell of a plan, a field of the window, an option."""

from __future__ import annotations

from estimator.codes import Code

C = Code
VALUES: dict[Code, str] = {
    C.CELL_AMOUNT_RANGE: "Betrag von 0 bis {high} erwartet, „{value}“ gefunden",
    C.CELL_CLASS: "Klasse A, B, P oder X erwartet, „{value}“ gefunden",
    C.CELL_COUNT_RANGE: "Anzahl größer als 0 und höchstens {high:,} erwartet, „{value}“ gefunden",
    C.CELL_QUANTITY_RANGE: "Menge größer als 0 und höchstens {high:,} erwartet, „{value}“ gefunden",
    C.CELL_CODE: "Nummer mit 1 bis {limit} Zeichen erwartet, „{value}“ gefunden",
    C.CELL_DATE: "Datum TT.MM.JJJJ erwartet, „{value}“ gefunden",
    C.CELL_ISO_DAY_OR_SESSION: "Datum JJJJ-MM-TT oder eine Sitzung wie „2. Sitzung“ erwartet, „{value}“ gefunden",
    C.CELL_DAY_OR_SESSION: "Datum TT.MM.JJJJ oder eine Sitzung wie „2. Sitzung“ erwartet, „{value}“ gefunden",
    C.CELL_DATE_TIME_ONLY: "Datum TT.MM.JJJJ erwartet; die Zelle ist als Datum formatiert, hält aber keinen Tag (nur die "
    "Uhrzeit {value}: die Zahl 0, ein Bruchteil oder eine negative Zahl) – bitte den Tag eintragen",
    C.CELL_DATE_NO_SUCH_DAY: "„{value}“ gibt es nicht: der Monat hat {days} Tage (Datum TT.MM.JJJJ)",
    C.CELL_DATE_NO_SUCH_MONTH: "„{value}“ gibt es nicht: ein Jahr hat 12 Monate (Datum TT.MM.JJJJ)",
    C.CELL_DATE_WEEKDAY: "„{value}“: dieser Tag ist ein {weekday} – bitte Datum oder Wochentag berichtigen",
    C.CELL_DATE_RANGE: "Datum zwischen {first} und {last} erwartet, „{value}“ gefunden",
    C.CELL_BIRTH_FUTURE: "„{value}“ liegt in der Zukunft – ein Geburtsdatum ist ein vergangener Tag (das Jahr vertippt?)",
    C.CELL_EMPTY: "leer – ein Wert ist nötig (oder die Zeile löschen)",
    C.CELL_FACTOR_RANGE: "Faktor größer als 0 und höchstens {high} erwartet, „{value}“ gefunden",
    C.CELL_IMPLANTS_RANGE: "Implantate je Kiefer von 0 bis {high} erwartet, „{value}“ gefunden",
    C.CELL_ISO_DATE: "Datum JJJJ-MM-TT erwartet, „{value}“ gefunden",
    C.CELL_SESSION: "Sitzung wie „2. Sitzung“ oder „Folgetermin“ erwartet, „{value}“ gefunden",
    C.CELL_NUMBER: "Zahl erwartet",
    C.CELL_NUMBER_AS_DATE: "Zahl erwartet, Datum „{value}“ gefunden – die Zelle ist wohl als Datum formatiert (als Zahl: "
    "{number}); bitte als Zahl formatieren",
    C.CELL_NUMBER_FOUND: "Zahl erwartet, „{value}“ gefunden",
    C.CELL_NUMBER_TEXT: "Zahl als Text erwartet, „{value}“ gefunden",
    C.CELL_PLACES: "höchstens {places} Nachkommastellen, „{value}“ gefunden",
    C.CELL_AMOUNT_THOUSANDS: "höchstens {places} Nachkommastellen, „{value}“ gefunden – für Tausend und mehr bitte "
    "„{thousands}“ schreiben",
    C.CELL_SCHEDULE: "GOZ oder GOÄ erwartet (bei Laborzeilen Labor, BEB, BEL oder Material), „{value}“ gefunden",
    C.CELL_TEETH_TEXT: "Zahnangabe als Text erwartet, „{value}“ gefunden",
    C.CELL_TEXT: "Text erwartet, „{value}“ gefunden",
    C.CELL_TEXT_TOO_LONG: "höchstens {limit:,} Zeichen, {length:,} eingegeben",
    C.CELL_VARIANT: "Tarif {variants:, | oder } erwartet, „{value}“ gefunden",
    C.CELL_POSTCODE: "Postleitzahl erwartet (wie 12345 oder A-1010), „{value}“ gefunden",
    C.CELL_VAT_RANGE: "MwSt-Satz von 0 bis {high} % erwartet, „{value}“ gefunden",
    C.CELL_WHOLE_NUMBER: "ganze Zahl erwartet, „{value}“ gefunden",
    C.CELL_YES_NO: "„ja“ oder „nein“ erwartet, „{value}“ gefunden",
    C.TOOTH_NOT_FDI: "„{token}“ ist keine FDI-Zahnnummer (erwartet 11–18, 21–28, 31–38, 41–48 oder Milchzähne 51–55, "
    "61–65, 71–75, 81–85; auch als Bereich „13-23“, Kiefer „OK“, Quadrant „Q1“ oder mit Flächen „16 mod“)",
    C.TOOTH_RANGE_BOTH_JAWS: "Bereich {first}-{last} reicht über beide Kiefer; bitte je Kiefer angeben",
    C.TOOTH_RANGE_MIXED: "Bereich {first}-{last} mischt Milchzähne und bleibende Zähne",
    C.TOOTH_TEXT_TOO_LONG: "Zahnangabe mit {length} Zeichen; höchstens {limit}",
}

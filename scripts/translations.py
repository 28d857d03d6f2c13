"""Refresh the English translation: extract the German texts of ui/ (lupdate), fill in English, compile (lrelease).

Run after changing texts in ui/:  .venv/bin/python scripts/translations.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "hkp_en.ts"
BIN = Path(sys.executable).parent

ENGLISH = {
    "Ohne den Text an den Patienten gespeichert": "Saved without the note to the patient",
    " Speichern speichert den Fall ohne ihn.": " Save saves the case without it.",
    "Beim letzten Mal wurde „{0}“ nicht gespeichert (zuletzt geändert am {1} um {2} Uhr). Die Änderungen wiederherstellen? Verwerfen löscht sie endgültig.": "Last time “{0}” was not saved (last changed on {1} at {2}). Restore the changes? Discard deletes them for good.",
    "Verwerfen": "Discard",
    "Zu lang für den Brief: {0} Zeichen in {1} Zeile(n), höchstens {2} Zeichen in {3} Zeilen – so nicht im Fall gespeichert; bitte kürzen.": "Too long for the letter: {0} characters in {1} line(s), at most {2} characters in {3} lines – not saved in the case like this; please shorten it.",
    "Der Text an den Patienten ist zu lang für den Brief ({0} Zeichen in {1} Zeile(n), höchstens {2} Zeichen in {3} Zeilen) und wird so nicht im Fall gespeichert; der Fall behält den vorigen. Bitte kürzen.": "The note to the patient is too long for the letter ({0} characters in {1} line(s), at most {2} characters in {3} lines) and is not saved in the case like this; the case keeps the previous one. Please shorten it.",
    "Ersetzen": "Replace",
    "Datei ersetzen?": "Replace file?",
    "„{0}“ ist die Datei dieses Falls oder seines Plans; bitte einen anderen Namen wählen.": "“{0}” is the file of this case or of its plan; please choose another name.",
    "„{0}“ ist die Arbeitsmappe, aus der dieser Plan gelesen wurde. Ersetzen schreibt den Plan hinein, wie er jetzt ist; was sie sonst enthält (weitere Blätter, Formate, Notizen), geht verloren.": "“{0}” is the workbook this plan was read from. Replace writes the plan into it as it is now; whatever else it holds (other sheets, formats, notes) is lost.",
    "„{0}“ gibt es schon und ist {1}. Ersetzen? Die Datei geht dabei verloren.": "“{0}” exists already and is {1}. Replace it? The file is lost.",
    "kein Brief dieses Programms (vielleicht ein Scan oder ein anderes Dokument)": "no letter of this program (perhaps a scan or another document)",
    "der Brief für eine andere Person": "the letter for another person",
    "keine Schätzung dieses Programms als JSON": "no estimate of this program as JSON",
    "keine Arbeitsmappe einer Schätzung dieses Programms": "no workbook of an estimate of this program",
    "eine Arbeitsmappe": "a workbook",
    "„{0}“ ist der gespeicherte Fall von {1}. Durch den offenen Fall ersetzen? Der gespeicherte geht dabei verloren.": "“{0}” is the saved case of {1}. Replace it with the open case? The saved one is lost.",
    "„{0}“ gibt es schon. Durch den offenen Fall ersetzen? Die Datei geht dabei verloren.": "“{0}” exists already. Replace it with the open case? The file is lost.",
    "erstattungsfähig {0}": "eligible {0}",
    "Klasse {0}": "class {0}",
    "Prüfung durch {0}: {1} – {2}": "Review by {0}: {1} – {2}",
    "Betrag in Euro mit höchstens 2 Nachkommastellen": "amount in euros with at most 2 decimal places",
    "{0}: {1} geändert – statt des Betrags {2} aus dem Plan gilt jetzt der berechnete; Rückgängig stellt "
    "ihn wieder her": "{0}: {1} changed – instead of the plan's amount {2} the computed one applies now; Undo brings it back",
    "Kein Tarif gewählt": "No tariff chosen",
    "Geburtsdatum prüfen": "Check the birth date",
    "Text an den Patienten zu lang": "Note to the patient too long",
    "{0}\n\nDer Brief enthielte den Text, den der Fall behält, nicht den hier gezeigten. Den Brief trotzdem schreiben?": (
        "{0}\n\nThe letter would hold the note the case keeps, not the one shown here. Write the letter all the same?"
    ),
    "{0}.\n\nDer Brief nennte den Selbstbehalt und die Altersgrenzen dazu. Bitte zuerst das Geburtsdatum "
    "berichtigen (bei der Person, „Geburtsdatum“).": (
        "{0}.\n\nThe letter would state the deductible and age limits that follow from it. Please correct the birth "
        "date first (in the person panel, “Date of birth”)."
    ),
    "Bitte zuerst den Tarif der versicherten Person wählen (bei der Person, „Tarif“): ohne ihn ist der "
    "Selbstbehalt unbekannt, und die Schätzung nennte die Erstattung von {0}, dem Tarif ohne Selbstbehalt.": (
        "Please choose the insured person's tariff first (with the person, “Tarif”): without it the deductible is "
        "unknown, and the estimate would give the benefit of {0}, the tariff without a deductible."
    ),
    "„{0}“ ist ein Fall mit dem Status {1} und wird nicht überschrieben; bitte einen anderen Namen wählen.": (
        "“{0}” is a case with the status {1} and is not overwritten; please choose another name."
    ),
    "Eine Kopie als Entwurf bearbeiten; die Datei dieses Falls bleibt, wie sie ist (Speichern fragt nach einem neuen Namen)": (
        "Edit a copy as a draft; this case's file stays as it is (Save asks for a new name)"
    ),
    "„{0}“ ist inzwischen {1}; die Änderungen hier sind nicht darin gespeichert. Links oben „Als neuen Entwurf bearbeiten“ wählen und unter neuem Namen speichern, oder „Diesen Fall ändern“.": (
        "“{0}” is {1} now; the changes here are not saved in it. Choose “Edit as a new draft” at the top left and save "
        "under a new name, or “Change this case”."
    ),
    "{0} – nicht gespeichert; eine Datei dieses Namens bleibt, wie sie war.": "{0} – not saved; a file of that name stays as it was.",
    "Seine Beträge sind die, mit denen er beim Versicherer liegt, und zählen für spätere Pläne der Person.": (
        "Its amounts are those the insurer has, and they count for the person's later plans."
    ),
    "So hat der Versicherer ihn abgerechnet; für spätere Pläne der Person zählt er damit.": (
        "This is how the insurer settled it; these amounts count for the person's later plans."
    ),
    "So hat der Versicherer ihn abgelehnt.": "So the insurer refused it.",
    "Dieser Fall ist {0}{1}. {2} Änderungen werden daher nicht übernommen.": "This case is {0}{1}. {2} Changes are not accepted.",
    "Datei inzwischen geändert": "File changed meanwhile",
    "„{0}“ wurde geändert, seit der Fall hier geöffnet oder gespeichert wurde – vielleicht an einem anderen Arbeitsplatz. Überschreiben ersetzt diese Änderungen durch den Fall, wie er hier offen ist.": (
        "“{0}” was changed since the case was opened or saved here – perhaps at another workstation. Overwriting "
        "replaces those changes with the case as it is open here."
    ),
    "Unter neuem Namen speichern …": "Save under a new name …",
    "Überschreiben": "Overwrite",
    "Abbrechen": "Cancel",
    "Als neuen Entwurf bearbeiten": "Edit as a new draft",
    "Diesen Fall ändern": "Change this case",
    "Den Fall selbst ändern – etwa eine Korrektur, die dem Versicherer mitgeteilt wird": (
        "Change the case itself – a correction the insurer is told of, say"
    ),
    " ({0} gezahlt)": " ({0} paid)",
    "{0}Änderung nicht übernommen: der Fall ist {1} – links oben „Als neuen Entwurf bearbeiten“ oder „Diesen Fall ändern“ wählen": (
        "{0}Change not taken: the case is {1} – choose “Edit as a new draft” or “Change this case” at the top left"
    ),
    "Entwurf aus {0}": "Draft from {0}",
    "Änderungen am Fall werden übernommen; er bleibt {0}": "Changes to the case are accepted; it stays {0}",
    "Neuer Entwurf aus {0}; diese Datei bleibt unverändert – Speichern fragt nach einem Namen": (
        "New draft from {0}; that file stays unchanged – Save asks for a name"
    ),
    "Nicht gespeichert": "Not saved",
    "Faktor und Anzahl": "factor and count",
    "Menge, Einzelpreis und MwSt": "quantity, unit price and VAT",
    "{0}: {1} geändert – der von Hand eingetragene Betrag {2} bleibt; damit er aus {3} berechnet wird, die Zelle Betrag leeren": (
        "{0}: {1} changed – the amount typed by hand, {2}, stays; to have it computed from {3}, empty the Amount cell"
    ),
    "Briefkopf unvollständig: {0}": "Letterhead incomplete: {0}",
    "Praxisdaten fehlen": "Practice details missing",
    "Ohne Praxisdaten: das Schreiben nennt als Absender nur „Zahnarztpraxis“. Name und Anschrift der Praxis unter Einstellungen → Praxis (Briefkopf) … eintragen.": (
        "Without practice details the letter names only “Zahnarztpraxis” as its sender. Enter the practice's name and "
        "address under Settings → Practice (letterhead) …."
    ),
    "von Hand eingetragen: bleibt, wenn sich Faktor, Anzahl oder Preis ändern; leeren, um ihn zu berechnen": (
        "typed by hand: stays when the factor, count or price changes; empty it to have it computed"
    ),
    "PLZ": "Postcode",
    "Ort": "Town",
    "1 Zeile des Plans konnte nicht gelesen werden und fehlt in allen Beträgen ({1})": (
        "1 row of the plan could not be read and is missing from every amount ({1})"
    ),
    "{0} Zeilen des Plans konnten nicht gelesen werden und fehlen in allen Beträgen ({1})": (
        "{0} rows of the plan could not be read and are missing from every amount ({1})"
    ),
    "1 Zeile ohne Behandlungstag (weder Datum noch Planungsdatum) fehlt in allen Beträgen ({1})": (
        "1 row without a treatment day (neither a date nor a plan date) is missing from every amount ({1})"
    ),
    "{0} Zeilen ohne Behandlungstag (weder Datum noch Planungsdatum) fehlen in allen Beträgen ({1})": (
        "{0} rows without a treatment day (neither a date nor a plan date) are missing from every amount ({1})"
    ),
    "ohne Betrag (Nummer unbekannt), fehlt in allen Beträgen: {0}": "no amount (number unknown), missing from every amount: {0}",
    "Blatt „{0}“ nicht gelesen: seine Zeilen fehlen in allen Beträgen": "Sheet “{0}” not read: its rows are missing from every amount",
    "Achtung: {0} – siehe Hinweise": "Attention: {0} – see Findings",
    "Gesamtkosten ohne\nfehlende Zeilen": "Total costs without\nmissing rows",
    "{0}: Klasse eingetragen – es gilt die Klasse der Prüfung ({1}: {2}), solange sie besteht": (
        "{0}: class entered – the review's class ({1}: {2}) applies as long as the review stands"
    ),
    "{0}: {3} geändert – die Prüfung ({1}: {2}) gilt weiter; bitte prüfen, ob sie noch passt": (
        "{0}: {3} changed – the review ({1}: {2}) still applies; please check that it still fits"
    ),
    "Eigenanteil ohne\nfehlende Zeilen": "Own share without\nmissing rows",
    "Vorbehalt: bis zu {0} der Erstattung beruhen auf {1}": "Reserve: up to {0} of the benefit rests on {1}",
    "1 Zeile des Plans fehlt in allen Beträgen dieser Schätzung": "1 row of the plan is missing from every figure of this estimate",
    "{0} Zeilen des Plans fehlen in allen Beträgen dieser Schätzung": (
        "{0} rows of the plan are missing from every figure of this estimate"
    ),
    "Zeilen des Plans fehlen in allen Beträgen dieser Schätzung": "Rows of the plan are missing from every figure of this estimate",
    "{0} (siehe Hinweise). Der Brief an den Patienten nennt Gesamtkosten und Eigenanteil ohne sie und bittet, sie "
    "zu klären.\n\nBesser erst den Plan berichtigen. Den Brief trotzdem schreiben?": (
        "{0} (see Findings). The letter to the patient gives the total costs and the own share without them and asks to "
        "clarify them.\n\nBetter correct the plan first. Write the letter all the same?"
    ),
    "Schätzung unvollständig": "Estimate incomplete",
    "{0}.\n\nDie Schätzung rechnet ohne diesen Wert, als wäre er keiner. Bitte bei der Person eintragen. Den Brief "
    "trotzdem schreiben?": (
        "{0}.\n\nThe estimate counts without this value, as if it were none. Please enter it with the person. Write the "
        "letter all the same?"
    ),
    "Angabe zur Person nicht gelesen": "A value of the person not read",
    "Schriftzeichen prüfen": "Check the characters",
    "Kein Brief": "No letter",
    "Der Plan hat keine Zeile, die zu berechnen ist: bitte zuerst Leistungen eintragen.": (
        "The plan has no line to compute: please enter services first."
    ),
    "Trotzdem schreiben": "Write all the same",
    "Kein Tarif gewählt: gerechnet mit {0}, dem Tarif ohne Selbstbehalt – bitte links unter „Tarif“ wählen": (
        "No tariff chosen: computed with {0}, the tariff without a deductible – please choose it under “Tariff” on the left"
    ),
    "Beträgen über der Gebühr zum angegebenen Faktor": "amounts above the fee at the stated factor",
    "von der Praxis begründeten Beträgen über der Gebühr zum Höchstsatz": (
        "amounts above the fee at the maximum factor with the practice's reason"
    ),
    "Leistungen für Implantate über der Grenze, deren Lage der Plan nicht nennt": (
        "services for implants over the limit whose place the plan does not say"
    ),
    "Bitte eine Nummer oder Wörter eingeben (Zeichen allein finden nichts).": (
        "Please type a number or words (symbols alone find nothing)."
    ),
    "Nichts gefunden für „{0}“.": "Nothing found for “{0}” – the services are named in German (e.g. Krone); a number finds them too.",
    "{0}: {1} geändert": "{0}: {1} changed",
    "Der Text an den Patienten hat {0} Zeichen in {1} Zeile(n); höchstens {2} Zeichen in {3} Zeilen.": (
        "The note to the patient has {0} characters in {1} line(s); at most {2} characters in {3} lines."
    ),
    "Verschieben nur, wenn alle Zeilen zu sehen sind": "Lines move only while all lines are shown",
    "Plan gespeichert": "Plan saved",
    "{0}\n\nDie Arbeitsmappe enthält die Zeilen und die Person. Prüfungen und der Text an den Patienten stehen nur im Fall: bitte auch „Fall speichern“.": (
        "{0}\n\nThe workbook holds the lines and the person. Reviews and the note to the patient are kept in the case "
        "only: please also “Save case”."
    ),
    "bisher erstattet": "paid before",
    "bitte wählen": "please choose",
    "Kein Tarif gewählt: gerechnet mit {0}": "No tariff chosen: computed with {0}",
    "dieser Plan": "this plan",
    "noch frei": "still free",
    "Neuer Plan: Tarif und Person links ausfüllen, Leistungen mit Strg+Einfg hinzufügen": (
        "New plan: fill in the tariff and the person on the left, add services with Ctrl+Ins"
    ),
    "1 Zeile hinzugefügt": "1 line added",
    "Ohne Patientennamen: das Schreiben ist an „Patient/in“ gerichtet; den Namen links eintragen.": (
        "Without the patient's name: the letter is addressed to “Patient/in”; enter the name on the left."
    ),
    "Für Zahn {0} (aus der Suche): eine Zeile je Zahn.": "For tooth {0} (from the search): one line per tooth.",
    "{0} Zeilen hinzugefügt": "{0} lines added",
    "Person: {0} geändert": "Person: {0} changed",
    "Kooperationszahnarzt": "Cooperating dentist",
    "Unfallfolge": "Caused by an accident",
    "ZE-Erstattung bisher": "Prosthetic benefits so far",
    "Implantate OK": "Implants upper jaw",
    "Implantate UK": "Implants lower jaw",
    "Zeile dupliziert": "Line duplicated",
    "Zeile gelöscht": "Line deleted",
    "Zeile verschoben": "Line moved",
    "Plan als Arbeitsmappe speichern": "Save the plan as a workbook",
    "Plan gespeichert: {0}": "Plan saved: {0}",
    "Versicherungsnr.": "Insurance no.",
    "Leistung hinzufügen": "Add a service",
    "Nummer oder Wörter, z. B. krone, 2210, implantat, labor modell": (
        "Number or German words, e.g. krone, 2210, implantat, labor modell"
    ),
    "Einfügen": "Insert",
    "Labor": "Lab",
    "Für Zahn {0}: eine Zeile je Zahn. Im Zahnschema wählen, mehrere mit Strg oder Umschalt.": (
        "For tooth {0}: one line per tooth. Choose on the tooth chart, several with Ctrl or Shift."
    ),
    "Ohne Zahn. Zähne im Zahnschema wählen (mehrere mit Strg oder Umschalt): eine Zeile je Zahn.": (
        "Without a tooth. Choose teeth on the tooth chart (several with Ctrl or Shift): one line per tooth."
    ),
    "&Neuer Plan": "&New plan",
    "Plan als &Arbeitsmappe speichern …": "Save the plan as a &workbook …",
    "&Leistung hinzufügen …": "&Add a service …",
    "Zeile &duplizieren": "&Duplicate the line",
    "Zeile lö&schen": "De&lete the line",
    "Zeile nach &oben": "Move the line u&p",
    "Zeile nach &unten": "Move the line do&wn",
    "Vorschlag übernehmen": "Apply the suggestion",
    "verlegt die Behandlungstermine wie vorgeschlagen; Rückgängig nimmt es zurück": (
        "moves the treatment dates as suggested; Undo takes it back"
    ),
    "Erstattung gegenüber dem Plan": "Benefit compared with the plan as it is",
    "davon {0}": "of which {0}",
    "Vorschlag der Zahnstaffel-Planung übernommen": "Staged-cap planner's suggestion applied",
    "Warum dieser Eigenanteil": "Why this share",
    "Nur die {0} Zeilen mit {1}": "Only the {0} lines with {1}",
    "Ein Klick auf eine Ursache zeigt nur ihre Zeilen; ein zweiter Klick alle Zeilen.": (
        "A click on a cause shows only its lines; a second click all lines."
    ),
    "Der Text an den Patienten hat {0} Zeichen; höchstens {1}.": "The note to the patient has {0} characters; at most {1}.",
    "Text an den Patienten geändert": "Note to the patient changed",
    "Briefkopf ohne Logo: {0}": "Letterhead without logo: {0}",
    "Text an den Patienten": "Note to the patient",
    "Text an den Patienten, z. B. „Die Krone an 16 ist nach Absprache vollkeramisch geplant.“": (
        "Note to the patient in German, e.g. “Wie besprochen, ist die Krone an 16 vollkeramisch geplant.” (printed in the "
        "German letter as typed)"
    ),
    "Steht im Brief über den Tabellen (höchstens {0} Zeichen).": "Printed in the letter above the tables (at most {0} characters).",
    "5 Ziffern": "5 digits",
    "höchstens {0} Zeichen, {1} eingegeben": "at most {0} characters, {1} entered",
    "Straße": "Street",
    "PLZ, Ort": "Postcode, town",
    "Praxis (Briefkopf)": "Practice (letterhead)",
    "Musterstraße 1\n12345 Musterstadt": "Musterstraße 1\n12345 Musterstadt",
    "PNG oder JPEG, höchstens 2 MB (freiwillig)": "PNG or JPEG, at most 2 MB (optional)",
    "Wählen …": "Choose …",
    "Name der Praxis": "Name of the practice",
    "Anschrift": "Address",
    "Telefon": "Phone",
    "E-Mail": "E-mail",
    "Logo": "Logo",
    "Für „hkp“ speichern …": "Save for “hkp” …",
    "als Datei für hkp estimate --letterhead DATEI": "as a file for hkp estimate --letterhead FILE",
    "Logo wählen": "Choose a logo",
    "Bilder (*.png *.jpg *.jpeg)": "Images (*.png *.jpg *.jpeg)",
    "Briefkopf speichern": "Save the letterhead",
    "Druck&vorschau …": "Print pre&view …",
    "&Drucken …": "&Print …",
    "Schätzung e&xportieren": "E&xport the estimate",
    "als &Excel-Arbeitsmappe …": "as &Excel workbook …",
    "als &JSON …": "as &JSON …",
    "&Anleitung": "&Guide",
    "PDF geschrieben": "PDF written",
    "Das PDF liegt in\n{0}\n\nEs gibt kein Programm, das es hier anzeigen kann.": (
        "The PDF is in\n{0}\n\nNo program here can show it."
    ),
    "Als Excel-Arbeitsmappe exportieren": "Export as Excel workbook",
    "Als JSON exportieren": "Export as JSON",
    "Nicht geschrieben": "Not written",
    "Geschrieben: {0}": "Written: {0}",
    "Gedruckt: {0} Seiten": "Printed: {0} pages",
    "{0} gezahlt": "{0} paid",
    "Druckvorschau": "Print preview",
    "Anleitung – HKP-Schätzer": "Guide – HKP estimator (German)",
    "MwSt": "VAT",
    "Willkommen": "Welcome",
    "<h3>Willkommen beim HKP-Schätzer</h3><p>Er rechnet aus einem Heil- und Kostenplan, was der Tarif erstattet und was der Patient selbst zahlt – jede Zeile mit Begründung.</p><p>Hinter diesem Fenster ist ein Beispielplan geöffnet. Ein eigener Plan kommt als Excel-Arbeitsmappe mit den Blättern Patient, Leistungen und Labor (die Vorlage zeigt, wie), oder er entsteht hier: „Neuer Plan“, dann Leistungen mit Strg+Einfg hinzufügen.</p><p>Hilfe → Anleitung (F1) erklärt alles Weitere.</p>": (
        "<h3>Welcome to the HKP estimator</h3><p>It works out from a treatment and cost plan what the tariff pays "
        "and what the patient pays – every line with its reason.</p><p>An example plan is open behind this window. "
        "A plan of your own comes as an Excel workbook with the sheets Patient, Leistungen and Labor (the template "
        "shows how), or it is made here: “New plan”, then add services with Ctrl+Ins.</p>"
        "<p>Help → Guide (F1) explains the rest – in German: its menu paths name the German menus "
        "(Datei = File, Bearbeiten = Edit, Einstellungen = Settings, Hilfe = Help).</p>"
    ),
    "Neuer Plan": "New plan",
    "Beispiel ansehen": "See the example",
    "Plan öffnen …": "Open a plan …",
    "Excel-Vorlage speichern …": "Save the Excel template …",
    "Werkzeuge": "Tools",
    "&Bearbeiten": "&Edit",
    "&Beenden": "&Quit",
    "&Datei": "&File",
    "&Einstellungen": "&Settings",
    "&Hilfe": "&Help",
    "&PDF exportieren …": "Export P&DF …",
    "&Praxis (Briefkopf) …": "&Practice (letterhead) …",
    "&Rückgängig": "&Undo",
    "&Sprache": "&Language",
    "&Wiederholen": "&Redo",
    "&Zuletzt geöffnet": "Open &recent",
    "Abschnitt": "Section",
    "Alle Zeilen": "All lines",
    "Anschrift:": "Address:",
    "Anzahl": "Count",
    "Art": "Kind",
    "Begründung": "Justification",
    "Beim letzten Mal wurde „{0}“ nicht gespeichert (zuletzt geändert am {1} um {2} Uhr). Die Änderungen wiederherstellen?": (
        "“{0}” was not saved last time (last changed on {1} at {2}). Recover the changes?"
    ),
    "Automatische Sicherung wieder möglich": "Automatic backup works again",
    "Automatische Sicherung nicht möglich": "Automatic backup not possible",
    "Die ungespeicherten Änderungen können nicht automatisch gesichert werden ({0}); nach einem Absturz wären "
    "sie verloren. Bitte den Fall speichern (Strg+S) oder Platz bzw. Schreibrecht im Datenordner schaffen.": (
        "The unsaved changes cannot be backed up automatically ({0}); after a crash they would be lost. Please save "
        "the case (Ctrl+S) or free space or write permission in the data folder."
    ),
    "Eine automatische Sicherung ungespeicherter Änderungen konnte nicht gelesen werden. Sie ist unverändert "
    "aufbewahrt unter:\n{0}": "An automatic backup of unsaved changes could not be read. It is kept unchanged at:\n{0}",
    "Sicherung nicht lesbar": "Backup cannot be read",
    "Ein weiterer nicht gespeicherter Fall wird beim nächsten Start des Programms angeboten": (
        "One more unsaved case is offered at the next start of the program"
    ),
    "{0} weitere nicht gespeicherte Fälle: beim nächsten Start des Programms angeboten": (
        "{0} more unsaved cases: offered at the next start of the program"
    ),
    "Betrag": "Amount",
    "Datei nicht lesbar": "File cannot be read",
    "Datum": "Date",
    "Die Sprache wird beim nächsten Start umgestellt.": "The language changes at the next start.",
    "Die Änderungen an „{0}“ speichern?": "Save the changes to “{0}”?",
    "Eigenanteil": "Own share",
    "Einzelpreis": "Unit price",
    "Erläuterung": "Explanation",
    "Erstattung": "Benefit",
    "Excel-Vor&lage speichern …": "Save Excel &template …",
    "Excel-Vorlage speichern": "Save Excel template",
    "Faktor": "Factor",
    "Fall &speichern": "&Save case",
    "Fall (*.hkp.json)": "Case (*.hkp.json)",
    "Fall speichern": "Save case",
    "Fall speichern &unter …": "Save &case as …",
    "GO": "GO",
    "Geburtsdatum": "Date of birth",
    "TT.MM.JJJJ": "YYYY-MM-DD",
    "Bitte einen erstattungsfähigen Betrag oder eine Klasse angeben": "Please give an eligible amount or a class",
    "Die gewählte Zeile hat keine Prüfung": "The selected line has no review",
    "Prüfung {0} Zeile {1} entfernt": "Review of {0} row {1} removed",
    "{0}: Leistungstext geändert – erstattungsfähig jetzt {1} statt {2}; siehe Hinweise": (
        "{0}: service text changed – eligible now {1} instead of {2}; see Findings"
    ),
    "{0} – bitte prüfen: {1}{2}": "{0} – please check: {1}{2}",
    " (und {0} weitere, siehe Hinweise)": " (and {0} more, see Findings)",
    "Prüfung übernommen": "Review applied",
    " · bisher geprüft von {0}": " · reviewed so far by {0}",
    "Auslegung dieses Falls": "Interpretation for this case",
    "&Auslegung dieses Falls …": "&Interpretation for this case …",
    "Vorgabe: {0}": "Default: {0}",
    "Auslegung geändert": "Interpretation changed",
    (
        "Die Vorgabe ist die Lesart zugunsten des Versicherten, wo der Tariftext Raum lässt – außer beim Umfang "
        "der Implantatgrenze (8 je Kiefer), deren Vorgabe den Rechenbeispielen der Regeln folgt. Jede Schätzung "
        "nennt die gewählte Auslegung."
    ): (
        "The default is the reading in the insured person's favour where the tariff text leaves room – except for the "
        "scope of the implant limit (8 per jaw), whose default follows the rules' worked examples. Every estimate names "
        "the interpretation chosen."
    ),
    "{0}: Nr. geändert – der Leistungstext „{1}“ bleibt; bitte in der Spalte Leistung prüfen, ob er passt": (
        "{0}: no. changed – the service text “{1}” stays; please check in the Service column that it fits"
    ),
    "Prüfung der gewählten Zeile &entfernen": "R&emove the review of the selected line",
    "{0} von {1}": "{0} of {1}",
    "{0}: {1} – es gilt weiter der bisherige Wert": "{0}: {1} – the value before stays",
    "Gesamtkosten": "Total costs",
    "Gespeichert: {0}": "Saved: {0}",
    "HKP (*.xlsx *.xlsm *.ods *.hkp.json *.json)": "Treatment plans (*.xlsx *.xlsm *.ods *.hkp.json *.json)",
    "HKP-Schätzer – Erstattung nach {0}.\nPreislisten: {1}": "HKP estimator – benefits under {0}.\nPrice lists: {1}",
    "Hinweise ({0}, davon {1} Fehler)": "Findings ({0}; errors: {1})",
    "Hinweise ({0})": "Findings ({0})",
    "Eigenanteil ohne fehlende Zeilen {0}: die Summe der roten Stufen": "Own share without missing rows {0}: the sum of the red steps",
    "Eigenanteil {0}: die Summe der roten Stufen – was von den Gesamtkosten nicht erstattet wird": (
        "Own share {0}: the sum of the red steps – what of the total costs is not reimbursed"
    ),
    "Implantate OK (vorhanden)": "Implants upper jaw (present)",
    "Implantate UK (vorhanden)": "Implants lower jaw (present)",
    "Implantate {0}: {1} von {2}": "Implants {0}: {1} of {2}",
    "Jahr {0}: {1}": "Year {0}: {1}",
    "Klasse": "Class",
    "Klasse: {0}": "Class: {0}",
    "Implantate {0}: {1}/{2}": "Implants {0}: {1}/{2}",
    "PLZ: {0}": "Postcode: {0}",
    "erstattungsfähig: {0}": "eligible: {0}",
    "Kooperationszahnarzt ({0})": "Cooperating dentist ({0})",
    "Leistung": "Service",
    "Leistungen": "Fees",
    "Meldung": "Message",
    "Menge": "Quantity",
    "Name der Praxis:": "Practice name:",
    "Neuer Fall": "New case",
    "Nr.": "No.",
    "Nur Zeilen von Zahn {0}": "Only lines of tooth {0}",
    "PDF exportieren": "Export PDF",
    "PDF geschrieben: {0}": "PDF written: {0}",
    "PDF nicht geschrieben": "PDF not written",
    "PZR erstattet": "Cleaning (PZR) reimbursed",
    "Patient": "Patient",
    "Person geändert": "Person changed",
    "Person und Vertrag": "Person and contract",
    "Plan oder Fall öffnen": "Open plan or case",
    "Planungsdatum": "Plan date",
    "Planungsdatum geändert": "Plan date changed",
    "Praxis": "Practice",
    "Satz": "Rate",
    "Schritt": "Step",
    "Selbstbehalt verbraucht": "Deductible used",
    "Speichern fehlgeschlagen": "Saving failed",
    "Staffel Zahnersatz: grau bisher, blau dieser Plan, hell noch frei": (
        "Staged cap for prosthetic work: grey used before, blue this plan, light left"
    ),
    "Tarif": "Tariff",
    "Unfall": "Accident",
    "Unfallfolge (ganzer Plan)": "Caused by an accident (whole plan)",
    "Ungespeicherte Änderungen": "Unsaved changes",
    "Versicherungsbeginn": "Insurance start",
    "Vorlage geschrieben: {0}": "Template written: {0}",
    "Vorlage nicht geschrieben": "Template not written",
    "Wiederhergestellt": "Recovered",
    "Wiederherstellen": "Recover",
    "ZE-Erstattung bisher, Jahr {0}": "Prosthetic benefits so far, year {0}",
    "Zahn": "Tooth",
    "Zahn {0}: {1}": "Tooth {0}: {1}",
    "Farbe der Zähne: dunkelblau Klasse A (Zahnersatz), grün B (Zahnbehandlung), türkis P (Prophylaxe), grau X "
    "(nicht erstattungsfähig), weiß nichts geplant; „I“: Implantat. Orange umrandet: die Zähne der gewählten "
    "Zeile; ein Klick auf einen Zahn zeigt nur seine Zeilen.": (
        "Colour of the teeth: dark blue class A (prosthetics), green B (dental treatment), teal P (prophylaxis), grey X "
        "(not eligible), white nothing planned; “I”: implant. Outlined in orange: the teeth of the chosen line; a click "
        "on a tooth shows its lines only."
    ),
    "Zeile wählen, um ihre Berechnung zu sehen": "Choose a line to see how it was computed",
    "Zeile {0}, {1}: {2}": "Row {0}, {1}: {2}",
    "Zeile {0}: {1} geändert": "Line {0}: {1} changed",
    "Zelle": "Cell",
    "erstattungsfähig": "eligible",
    "geändert; im Plan: {0}": "changed; in the plan: {0}",
    "keine Implantate geplant": "no implants planned",
    "keine Staffel (nach dem {0}. Versicherungsjahr oder Unfall)": "no staged cap (after insurance year {0}, or accident)",
    "nachher": "after",
    "nichts geplant": "nothing planned",
    "voraussichtliche Erstattung": "expected benefit",
    "vorher": "before",
    "{0} Zeile {1}: Nr. {2}{3}, Klasse {4} ({5}) – berechnet {6}, erstattungsfähig {7}, Erstattung {8}": (
        "{0} row {1}: no. {2}{3}, class {4} ({5}) – billed {6}, eligible {7}, benefit {8}"
    ),
    "Ö&ffnen …": "&Open …",
    "Was wäre, wenn": "What if",
    "&Prüfung der gewählten Zeile …": "Re&view the selected line …",
    "Bitte zuerst eine Zeile wählen": "Please choose a line first",
    "Prüfer und Grund sind nötig": "Reviewer and reason are required",
    "Prüfung – {0}": "Review – {0}",
    "Prüfer:": "Reviewer:",
    "erstattungsfähig in € (leer: nach den Regeln):": "Eligible amount in € (empty: by the rules):",
    "Klasse A, B, P oder X (leer: nach den Regeln):": "Class A, B, P or X (empty: by the rules):",
    "höchstens der berechnete Betrag {0}": "at most the billed amount {0}",
    "{0}, Zahn {1} · in keiner Summe (ohne Behandlungstag)": "{0}, tooth {1} · in no total (no treatment day)",
    "{0}, Zahn {1} · berechnet {2} · jetzt Klasse {3}, erstattungsfähig {4}": (
        "{0}, tooth {1} · billed {2} · now class {3}, eligible {4}"
    ),
    "Grund:": "Reason:",
    "Prüfung {0} Zeile {1}": "Review of {0} row {1}",
    "{0} Zeile {1}": "{0} row {1}",
    "{0}, Zeile {1}": "{0}, row {1}",
    "Entwurf": "draft",
    "eingereicht": "submitted",
    "erstattet": "reimbursed",
    "abgelehnt": "refused",
    "Ü&ber": "&About",
    "Über HKP-Schätzer": "About HKP estimator",
    "KFO-Behandlungsbeginn": "Orthodontics started",
    (
        "Beginn einer schon laufenden kieferorthopädischen Behandlung: sie ist erstattungsfähig, wenn sie vor dem "
        "{0}. Geburtstag begonnen hat ({1}). Leer: die erste KFO-Leistung des Plans."
    ): (
        "Start of an orthodontic treatment already under way: it is covered when it began before the {0}th birthday "
        "({1}). Empty: the plan's first orthodontic service."
    ),
    "Gebührengrenzen": "fee limits",
    "Laborhöchstpreise": "lab price limits",
    "nicht erstattungsfähig": "not eligible",
    "Zahnersatz": "prosthetics",
    "Behandlung": "treatment",
    "ohne Erstattung": "no benefit",
    "Prophylaxe": "prophylaxis",
    "Implantatgrenze": "implant limit",
    "PZR-Höchstbetrag": "PZR limit",
    "Erstattungssatz": "rate",
    "Selbstbehalt": "deductible",
    "Zahnstaffel": "staged cap",
    "Eigenanteil: davon {0}": "Own share: of which {0}",
    "keine Kürzung": "no reduction",
    "{0}Änderung nicht übernommen, die Schätzung ist daran gescheitert ({1})": "{0}change not taken: the estimate failed on it ({1})",
    ", Zahn {0}": ", tooth {0}",
    "Was der Patient zahlt, nach Ursachen\nAuslegung:{0}": "What the patient pays, by cause\nInterpretation settings:{0}",
    "Unerwarteter Fehler ({0})": "Unexpected error ({0})",
    "Öffnen: {0}": "Opening: {0}",
    "PDF geschrieben: {0} (kein Programm zum Anzeigen)": "PDF written: {0} (no program to show it)",
    "PDF: {0}": "PDF: {0}",
    "Wird berechnet …": "Computing …",
    "Bitte warten: {0}": "Please wait: {0}",
    "{0} fehlgeschlagen: {1}": "{0} failed: {1}",
    "Kein gültiger Versicherungsbeginn: Staffel wie im 1. Versicherungsjahr angewandt": (
        "No valid insurance start: staged cap applied as in insurance year 1"
    ),
    "Fälle im Fallregister": "Cases in the case register",
    "Name oder Versicherungsnummer": "Name or insurance number",
    "alle Status": "any status",
    "Datum von": "Date from",
    "bis": "to",
    "Öffnen": "Open",
    "Status: Zelle anklicken und wählen; „erstattet (ZE)“: was der Versicherer laut seinem Schreiben für "
    "Zahnersatz (Klasse A) gezahlt hat, ohne PZR und Zahnbehandlung.": (
        "Status: click the cell and choose; “Paid (prosthetics)”: what the insurer's letter says it paid for prosthetics "
        "(class A), without PZR and dental treatment."
    ),
    "{0} Fälle": "{0} cases",
    "1 Fall": "1 case",
    "{0} Einträge nicht lesbar": "{0} entries unreadable",
    "Bitte zuerst einen Fall wählen": "Please choose a case first",
    "Die Falldatei gibt es nicht mehr: {0}": "The case file no longer exists: {0}",
    "erstattet: {0}": "paid: {0}",
    "Name": "Name",
    "Status": "Status",
    "Rechnung": "Invoice",
    "Erstattung geschätzt": "Estimated benefit",
    "erstattet (ZE)": "Paid (prosthetics)",
    "Falldatei": "Case file",
    "Doppelklick oder Enter öffnet den Fall": "Double-click or Enter opens the case",
    "Übernehmen": "Apply",
    "Jahr {0} ({1} – {2}): {3}; vor diesem Plan erstattet {4}, dieser Plan bis dahin {5}, {6}": (
        "Year {0} ({1} – {2}): {3}; paid before this plan {4}, this plan up to then {5}, {6}"
    ),
    "{0} frei": "{0} free",
    "abgelaufen": "expired",
    "noch frei {0}": "{0} still free",
    " – so viel lässt die Grenze der Versicherungsjahre 1 bis {0}": " – as much as is left under the cap of insurance years 1 to {0}",
    "Laborzeile": "lab line",
    "Leistungszeile": "fee line",
    "Ausgelassene Zeile korrigieren": "Correct a row left out",
    "{0}, Zeile {1} wurde beim Einlesen ausgelassen ({2}). Bitte die Zellen korrigieren:": (
        "{0}, row {1} was left out when the plan was read ({2}). Please correct its cells:"
    ),
    "Zeile verwerfen": "Drop the row",
    "Zeile {0} übernommen": "Row {0} added to the plan",
    "Zeile verworfen": "Row dropped",
    "{0} – Doppelklick oder Enter: Zeile korrigieren": "{0} – double click or Enter: correct the row",
    "Keine ausgelassenen Zeilen": "No rows left out",
    "Ausgelassene Zeile &korrigieren …": "&Correct a row left out …",
    "Zeile korrigieren …": "Correct the row …",
    "Die erste Zeile, die beim Einlesen ausgelassen wurde, korrigieren (Strg+K)": "Correct the first row left out when the plan was read (Ctrl+K)",
    "Die Beträge in „ZE-Erstattung bisher“, „Selbstbehalt verbraucht“ und „PZR erstattet“ eintragen (rückgängig zu machen)": (
        "Enter the amounts in “Prosthetic benefits so far”, “Deductible used” and “Cleaning (PZR) reimbursed” (can be undone)"
    ),
    "Ausblenden": "Hide",
    "Im Fallregister: {0}": "In the case register: {0}",
    "Frühere Pläne aus dem Fallregister übernommen ({0} Jahre)": "Earlier plans taken from the case register ({0} years)",
    "übernommen aus {0}": "taken from {0}",
    "Gespeichert, aber nicht ins Fallregister eingetragen: {0}": "Saved, but not entered in the case register: {0}",
    "Fallregister": "Case register",
    "F&älle …": "C&ases …",
    "Keine Zeile des Plans ist zu berechnen ({0}): der Brief nennte 0,00 €. Bitte zuerst die Zeilen berichtigen, wie die Hinweise es sagen.": (
        "No line of the plan can be computed ({0}): the letter would say €0.00. Please correct the lines first, as the notes say."
    ),
    "{0} ausgelassen": "{0} left out",
    "{0} ohne Betrag": "{0} without an amount",
}


def main() -> int:
    subprocess.run(
        [
            BIN / "pyside6-lupdate",
            *sorted(str(p) for p in (ROOT / "ui").glob("*.py")),
            "-ts",
            str(TS),
            "-no-obsolete",
            "-source-language",
            "de",
            "-target-language",
            "en",
        ],
        check=True,
    )
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None
        if source in ENGLISH:
            translation.text = ENGLISH[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([BIN / "pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    for source in missing:
        print(f"ohne Übersetzung: {source}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

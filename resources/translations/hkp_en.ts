<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>AuslegungDialog</name>
    <message>
        <location filename="../../ui/auslegung.py" line="32" />
        <source>Auslegung dieses Falls</source>
        <translation>Interpretation for this case</translation>
    </message>
    <message>
        <location filename="../../ui/auslegung.py" line="47" />
        <source>Vorgabe: {0}</source>
        <translation>Default: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/auslegung.py" line="61" />
        <source>Die Vorgabe ist die Lesart zugunsten des Versicherten, wo der Tariftext Raum lässt – außer beim Umfang der Implantatgrenze (8 je Kiefer), deren Vorgabe den Rechenbeispielen der Regeln folgt. Jede Schätzung nennt die gewählte Auslegung.</source>
        <translation>The default is the reading in the insured person's favour where the tariff text leaves room – except for the scope of the implant limit (8 per jaw), whose default follows the rules' worked examples. Every estimate names the interpretation chosen.</translation>
    </message>
</context>
<context>
    <name>CapChart</name>
    <message>
        <location filename="../../ui/capchart.py" line="35" />
        <source>Staffel Zahnersatz: grau bisher, blau dieser Plan, hell noch frei</source>
        <translation>Staged cap for prosthetic work: grey used before, blue this plan, light left</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="37" />
        <source>Jahr {0} ({1} – {2}): {3}; vor diesem Plan erstattet {4}, dieser Plan bis dahin {5}, {6}</source>
        <translation>Year {0} ({1} – {2}): {3}; paid before this plan {4}, this plan up to then {5}, {6}</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="38" />
        <location filename="../../ui/capchart.py" line="111" />
        <source>abgelaufen</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="38" />
        <source>noch frei {0}</source>
        <translation>{0} still free</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="40" />
        <source> – so viel lässt die Grenze der Versicherungsjahre 1 bis {0}</source>
        <translation> – as much as is left under the cap of insurance years 1 to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="70" />
        <source>Kein gültiger Versicherungsbeginn: Staffel wie im 1. Versicherungsjahr angewandt</source>
        <translation>No valid insurance start: staged cap applied as in insurance year 1</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="72" />
        <source>keine Staffel (nach dem {0}. Versicherungsjahr oder Unfall)</source>
        <translation>no staged cap (after insurance year {0}, or accident)</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="79" />
        <source>Jahr {0}: {1}</source>
        <translation>Year {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="114" />
        <location filename="../../ui/capchart.py" line="115" />
        <source>{0} frei</source>
        <translation>{0} free</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="236" />
        <source>bisher erstattet</source>
        <translation>paid before</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="236" />
        <source>dieser Plan</source>
        <translation>this plan</translation>
    </message>
    <message>
        <location filename="../../ui/capchart.py" line="236" />
        <source>noch frei</source>
        <translation>still free</translation>
    </message>
</context>
<context>
    <name>CaseDocument</name>
    <message>
        <location filename="../../ui/document.py" line="158" />
        <source>{0}Änderung nicht übernommen, die Schätzung ist daran gescheitert ({1})</source>
        <translation>{0}change not taken: the estimate failed on it ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="113" />
        <source>Neuer Plan</source>
        <translation>New plan</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="109" />
        <source>Entwurf aus {0}</source>
        <translation>Draft from {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="140" />
        <source>{0}Änderung nicht übernommen: der Fall ist {1} – links oben „Als neuen Entwurf bearbeiten“ oder „Diesen Fall ändern“ wählen</source>
        <translation>{0}Change not taken: the case is {1} – choose “Edit as a new draft” or “Change this case” at the top left</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="184" />
        <source>{0} Zeile {1}</source>
        <translation>{0} row {1}</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="189" />
        <source>{0}: {1} geändert</source>
        <translation>{0}: {1} changed</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="198" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="199" />
        <source>Zahn</source>
        <translation>Tooth</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="200" />
        <location filename="../../ui/document.py" line="201" />
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="202" />
        <source>Leistung</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="203" />
        <source>Anzahl</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="204" />
        <source>Menge</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="205" />
        <source>Faktor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="206" />
        <source>Einzelpreis</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="207" />
        <source>MwSt</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="208" />
        <source>Betrag</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="209" />
        <source>Begründung</source>
        <translation>Justification</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="210" />
        <source>Unfall</source>
        <translation>Accident</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="211" />
        <source>Klasse</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="218" />
        <source>Prüfung {0} Zeile {1}</source>
        <translation>Review of {0} row {1}</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="229" />
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="230" />
        <source>Versicherungsnr.</source>
        <translation>Insurance no.</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="231" />
        <source>Straße</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="232" />
        <source>PLZ</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="233" />
        <source>Ort</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="234" />
        <source>Tarif</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="235" />
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="236" />
        <source>Versicherungsbeginn</source>
        <translation>Insurance start</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="237" />
        <source>Kooperationszahnarzt</source>
        <translation>Cooperating dentist</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="238" />
        <source>Unfallfolge</source>
        <translation>Caused by an accident</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="239" />
        <source>ZE-Erstattung bisher</source>
        <translation>Prosthetic benefits so far</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="240" />
        <source>Selbstbehalt verbraucht</source>
        <translation>Deductible used</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="241" />
        <source>PZR erstattet</source>
        <translation>Cleaning (PZR) reimbursed</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="242" />
        <source>Implantate OK</source>
        <translation>Implants upper jaw</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="243" />
        <source>Implantate UK</source>
        <translation>Implants lower jaw</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="244" />
        <source>KFO-Behandlungsbeginn</source>
        <translation>Orthodontics started</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="247" />
        <source>Person geändert</source>
        <translation>Person changed</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="247" />
        <source>Person: {0} geändert</source>
        <translation>Person: {0} changed</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="281" />
        <source>Änderungen am Fall werden übernommen; er bleibt {0}</source>
        <translation>Changes to the case are accepted; it stays {0}</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="292" />
        <source>Neuer Entwurf aus {0}; diese Datei bleibt unverändert – Speichern fragt nach einem Namen</source>
        <translation>New draft from {0}; that file stays unchanged – Save asks for a name</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="314" />
        <source>Auslegung geändert</source>
        <translation>Interpretation changed</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="324" />
        <source>Der Text an den Patienten hat {0} Zeichen in {1} Zeile(n); höchstens {2} Zeichen in {3} Zeilen.</source>
        <translation>The note to the patient has {0} characters in {1} line(s); at most {2} characters in {3} lines.</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="329" />
        <source>Text an den Patienten geändert</source>
        <translation>Note to the patient changed</translation>
    </message>
    <message>
        <location filename="../../ui/document.py" line="332" />
        <source>Planungsdatum geändert</source>
        <translation>Plan date changed</translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message>
        <location filename="../../ui/cases.py" line="185" />
        <source>Fälle im Fallregister</source>
        <translation>Cases in the case register</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="189" />
        <source>Name oder Versicherungsnummer</source>
        <translation>Name or insurance number</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="193" />
        <source>alle Status</source>
        <translation>any status</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="198" />
        <source>TT.MM.JJJJ</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="207" />
        <location filename="../../ui/cases.py" line="267" />
        <source>Datum von</source>
        <translation>Date from</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="209" />
        <location filename="../../ui/cases.py" line="268" />
        <source>bis</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="232" />
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="244" />
        <source>Status: Zelle anklicken und wählen; „erstattet (ZE)“: was der Versicherer laut seinem Schreiben für Zahnersatz (Klasse A) gezahlt hat, ohne PZR und Zahnbehandlung.</source>
        <translation>Status: click the cell and choose; “Paid (prosthetics)”: what the insurer's letter says it paid for prosthetics (class A), without PZR and dental treatment.</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="274" />
        <source>{0} Fälle</source>
        <translation>{0} cases</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="274" />
        <source>1 Fall</source>
        <translation>1 case</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="275" />
        <source>{0} Einträge nicht lesbar</source>
        <translation>{0} entries unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="285" />
        <source>Bitte zuerst einen Fall wählen</source>
        <translation>Please choose a case first</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="289" />
        <source>Die Falldatei gibt es nicht mehr: {0}</source>
        <translation>The case file no longer exists: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="304" />
        <source>erstattet: {0}</source>
        <translation>paid: {0}</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../ui/cases.py" line="79" />
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="80" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="81" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="82" />
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="83" />
        <source>Versicherungsnr.</source>
        <translation>Insurance no.</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="84" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="85" />
        <source>Rechnung</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="86" />
        <source>Erstattung geschätzt</source>
        <translation>Estimated benefit</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="87" />
        <source>erstattet (ZE)</source>
        <translation>Paid (prosthetics)</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="88" />
        <source>Falldatei</source>
        <translation>Case file</translation>
    </message>
    <message>
        <location filename="../../ui/cases.py" line="131" />
        <source>Doppelklick oder Enter öffnet den Fall</source>
        <translation>Double-click or Enter opens the case</translation>
    </message>
</context>
<context>
    <name>EditNotes</name>
    <message>
        <location filename="../../ui/editnotes.py" line="46" />
        <source>{0}: Klasse eingetragen – es gilt die Klasse der Prüfung ({1}: {2}), solange sie besteht</source>
        <translation>{0}: class entered – the review's class ({1}: {2}) applies as long as the review stands</translation>
    </message>
    <message>
        <location filename="../../ui/editnotes.py" line="48" />
        <source>{0}: {3} geändert – die Prüfung ({1}: {2}) gilt weiter; bitte prüfen, ob sie noch passt</source>
        <translation>{0}: {3} changed – the review ({1}: {2}) still applies; please check that it still fits</translation>
    </message>
    <message>
        <location filename="../../ui/editnotes.py" line="55" />
        <source>{0}: Nr. geändert – der Leistungstext „{1}“ bleibt; bitte in der Spalte Leistung prüfen, ob er passt</source>
        <translation>{0}: no. changed – the service text “{1}” stays; please check in the Service column that it fits</translation>
    </message>
    <message>
        <location filename="../../ui/editnotes.py" line="60" />
        <source>Faktor und Anzahl</source>
        <translation>factor and count</translation>
    </message>
    <message>
        <location filename="../../ui/editnotes.py" line="60" />
        <source>Menge, Einzelpreis und MwSt</source>
        <translation>quantity, unit price and VAT</translation>
    </message>
    <message>
        <location filename="../../ui/editnotes.py" line="63" />
        <source>{0}: {1} geändert – der von Hand eingetragene Betrag {2} bleibt; damit er aus {3} berechnet wird, die Zelle Betrag leeren</source>
        <translation>{0}: {1} changed – the amount typed by hand, {2}, stays; to have it computed from {3}, empty the Amount cell</translation>
    </message>
    <message>
        <location filename="../../ui/editnotes.py" line="71" />
        <source>{0}: {1} geändert – statt des Betrags {2} aus dem Plan gilt jetzt der berechnete; Rückgängig stellt ihn wieder her</source>
        <translation>{0}: {1} changed – instead of the plan's amount {2} the computed one applies now; Undo brings it back</translation>
    </message>
    <message>
        <location filename="../../ui/editnotes.py" line="78" />
        <source>{0}: Leistungstext geändert – erstattungsfähig jetzt {1} statt {2}; siehe Hinweise</source>
        <translation>{0}: service text changed – eligible now {1} instead of {2}; see Findings</translation>
    </message>
    <message>
        <location filename="../../ui/editnotes.py" line="84" />
        <source> (und {0} weitere, siehe Hinweise)</source>
        <translation> (and {0} more, see Findings)</translation>
    </message>
    <message>
        <location filename="../../ui/editnotes.py" line="85" />
        <source>{0} – bitte prüfen: {1}{2}</source>
        <translation>{0} – please check: {1}{2}</translation>
    </message>
</context>
<context>
    <name>ExplanationModel</name>
    <message>
        <location filename="../../ui/models.py" line="384" />
        <source>Abschnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="384" />
        <source>Schritt</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="384" />
        <source>vorher</source>
        <translation>before</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="384" />
        <source>nachher</source>
        <translation>after</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/files.py" line="63" />
        <source>Unerwarteter Fehler ({0})</source>
        <translation>Unexpected error ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="133" />
        <source>Datei nicht lesbar</source>
        <translation>File cannot be read</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="135" />
        <source>Öffnen: {0}</source>
        <translation>Opening: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="142" />
        <source>Plan oder Fall öffnen</source>
        <translation>Open plan or case</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="190" />
        <source>Fall speichern</source>
        <translation>Save case</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="192" />
        <source>Fall (*.hkp.json)</source>
        <translation>Case (*.hkp.json)</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="213" />
        <source>Speichern fehlgeschlagen</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="218" />
        <source>Gespeichert: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="244" />
        <source>Briefkopf unvollständig: {0}</source>
        <translation>Letterhead incomplete: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="255" />
        <source>Praxisdaten fehlen</source>
        <translation>Practice details missing</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="276" />
        <source>Ohne Patientennamen: das Schreiben ist an „Patient/in“ gerichtet; den Namen links eintragen.</source>
        <translation>Without the patient's name: the letter is addressed to “Patient/in”; enter the name on the left.</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="280" />
        <source>Ohne Praxisdaten: das Schreiben nennt als Absender nur „Zahnarztpraxis“. Name und Anschrift der Praxis unter Einstellungen → Praxis (Briefkopf) … eintragen.</source>
        <translation>Without practice details the letter names only “Zahnarztpraxis” as its sender. Enter the practice's name and address under Settings → Practice (letterhead) ….</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="290" />
        <source>PDF exportieren</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="295" />
        <source>PDF geschrieben: {0}</source>
        <translation>PDF written: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="265" />
        <source>PDF nicht geschrieben</source>
        <translation>PDF not written</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="142" />
        <source>HKP (*.xlsx *.xlsm *.ods *.hkp.json *.json)</source>
        <translation>Treatment plans (*.xlsx *.xlsm *.ods *.hkp.json *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="214" />
        <source>{0} – nicht gespeichert; eine Datei dieses Namens bleibt, wie sie war.</source>
        <translation>{0} – not saved; a file of that name stays as it was.</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="222" />
        <source>Ohne den Text an den Patienten gespeichert</source>
        <translation>Saved without the note to the patient</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="267" />
        <source>PDF: {0}</source>
        <translation>PDF: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="298" />
        <source>PDF geschrieben</source>
        <translation>PDF written</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="299" />
        <source>Das PDF liegt in
{0}

Es gibt kein Programm, das es hier anzeigen kann.</source>
        <translation>The PDF is in
{0}

No program here can show it.</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="306" />
        <source>Als Excel-Arbeitsmappe exportieren</source>
        <translation>Export as Excel workbook</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="306" />
        <source>Als JSON exportieren</source>
        <translation>Export as JSON</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="323" />
        <source>Nicht geschrieben</source>
        <translation>Not written</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="325" />
        <source>Geschrieben: {0}</source>
        <translation>Written: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="341" />
        <source>Gedruckt: {0} Seiten</source>
        <translation>Printed: {0} pages</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="367" />
        <source>Druckvorschau</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="380" />
        <source>Excel-Vorlage speichern</source>
        <translation>Save Excel template</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="393" />
        <source>Vorlage nicht geschrieben</source>
        <translation>Template not written</translation>
    </message>
    <message>
        <location filename="../../ui/files.py" line="395" />
        <source>Vorlage geschrieben: {0}</source>
        <translation>Template written: {0}</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/models.py" line="351" />
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="351" />
        <source>Zelle</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="351" />
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="351" />
        <source>Abschnitt</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="368" />
        <source>{0}, Zeile {1}</source>
        <translation>{0}, row {1}</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/help.py" line="24" />
        <source>Anleitung – HKP-Schätzer</source>
        <translation>Guide – HKP estimator (German)</translation>
    </message>
</context>
<context>
    <name>HistoryOffer</name>
    <message>
        <location filename="../../ui/register.py" line="121" />
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/register.py" line="124" />
        <source>Die Beträge in „ZE-Erstattung bisher“, „Selbstbehalt verbraucht“ und „PZR erstattet“ eintragen (rückgängig zu machen)</source>
        <translation>Enter the amounts in “Prosthetic benefits so far”, “Deductible used” and “Cleaning (PZR) reimbursed” (can be undone)</translation>
    </message>
    <message>
        <location filename="../../ui/register.py" line="131" />
        <source>Ausblenden</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../ui/register.py" line="187" />
        <source>Im Fallregister: {0}</source>
        <translation>In the case register: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/register.py" line="205" />
        <source>Frühere Pläne aus dem Fallregister übernommen ({0} Jahre)</source>
        <translation>Earlier plans taken from the case register ({0} years)</translation>
    </message>
</context>
<context>
    <name>LeftOutDialog</name>
    <message>
        <location filename="../../ui/leftout.py" line="42" />
        <source>Laborzeile</source>
        <translation>lab line</translation>
    </message>
    <message>
        <location filename="../../ui/leftout.py" line="42" />
        <source>Leistungszeile</source>
        <translation>fee line</translation>
    </message>
    <message>
        <location filename="../../ui/leftout.py" line="43" />
        <source>Ausgelassene Zeile korrigieren</source>
        <translation>Correct a row left out</translation>
    </message>
    <message>
        <location filename="../../ui/leftout.py" line="46" />
        <source>{0}, Zeile {1} wurde beim Einlesen ausgelassen ({2}). Bitte die Zellen korrigieren:</source>
        <translation>{0}, row {1} was left out when the plan was read ({2}). Please correct its cells:</translation>
    </message>
    <message>
        <location filename="../../ui/leftout.py" line="69" />
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/leftout.py" line="71" />
        <source>Zeile verwerfen</source>
        <translation>Drop the row</translation>
    </message>
    <message>
        <location filename="../../ui/leftout.py" line="101" />
        <source>Zeile {0} übernommen</source>
        <translation>Row {0} added to the plan</translation>
    </message>
    <message>
        <location filename="../../ui/leftout.py" line="109" />
        <source>Zeile verworfen</source>
        <translation>Row dropped</translation>
    </message>
</context>
<context>
    <name>LetterChecks</name>
    <message>
        <location filename="../../ui/letterchecks.py" line="68" />
        <source>Kein Tarif gewählt</source>
        <translation>No tariff chosen</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="70" />
        <source>Bitte zuerst den Tarif der versicherten Person wählen (bei der Person, „Tarif“): ohne ihn ist der Selbstbehalt unbekannt, und die Schätzung nennte die Erstattung von {0}, dem Tarif ohne Selbstbehalt.</source>
        <translation>Please choose the insured person's tariff first (with the person, “Tarif”): without it the deductible is unknown, and the estimate would give the benefit of {0}, the tariff without a deductible.</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="123" />
        <source>1 Zeile des Plans fehlt in allen Beträgen dieser Schätzung</source>
        <translation>1 row of the plan is missing from every figure of this estimate</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="122" />
        <source>{0} Zeilen des Plans fehlen in allen Beträgen dieser Schätzung</source>
        <translation>{0} rows of the plan are missing from every figure of this estimate</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="53" />
        <source>{0} ausgelassen</source>
        <translation>{0} left out</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="54" />
        <source>{0} ohne Betrag</source>
        <translation>{0} without an amount</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="56" />
        <source>Keine Zeile des Plans ist zu berechnen ({0}): der Brief nennte 0,00 €. Bitte zuerst die Zeilen berichtigen, wie die Hinweise es sagen.</source>
        <translation>No line of the plan can be computed ({0}): the letter would say €0.00. Please correct the lines first, as the notes say.</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="59" />
        <source>Kein Brief</source>
        <translation>No letter</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="50" />
        <source>Der Plan hat keine Zeile, die zu berechnen ist: bitte zuerst Leistungen eintragen.</source>
        <translation>The plan has no line to compute: please enter services first.</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="84" />
        <source>Geburtsdatum prüfen</source>
        <translation>Check the birth date</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="86" />
        <source>{0}.

Der Brief nennte den Selbstbehalt und die Altersgrenzen dazu. Bitte zuerst das Geburtsdatum berichtigen (bei der Person, „Geburtsdatum“).</source>
        <translation>{0}.

The letter would state the deductible and age limits that follow from it. Please correct the birth date first (in the person panel, “Date of birth”).</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="99" />
        <source>Schriftzeichen prüfen</source>
        <translation>Check the characters</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="110" />
        <source>{0}.

Die Schätzung rechnet ohne diesen Wert, als wäre er keiner. Bitte bei der Person eintragen. Den Brief trotzdem schreiben?</source>
        <translation>{0}.

The estimate counts without this value, as if it were none. Please enter it with the person. Write the letter all the same?</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="113" />
        <source>Angabe zur Person nicht gelesen</source>
        <translation>A value of the person not read</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="125" />
        <source>Blatt „{0}“ nicht gelesen: seine Zeilen fehlen in allen Beträgen</source>
        <translation>Sheet “{0}” not read: its rows are missing from every amount</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="128" />
        <source>Zeilen des Plans fehlen in allen Beträgen dieser Schätzung</source>
        <translation>Rows of the plan are missing from every figure of this estimate</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="130" />
        <source>{0} (siehe Hinweise). Der Brief an den Patienten nennt Gesamtkosten und Eigenanteil ohne sie und bittet, sie zu klären.

Besser erst den Plan berichtigen. Den Brief trotzdem schreiben?</source>
        <translation>{0} (see Findings). The letter to the patient gives the total costs and the own share without them and asks to clarify them.

Better correct the plan first. Write the letter all the same?</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="133" />
        <source>Schätzung unvollständig</source>
        <translation>Estimate incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="143" />
        <source>{0}

Der Brief enthielte den Text, den der Fall behält, nicht den hier gezeigten. Den Brief trotzdem schreiben?</source>
        <translation>{0}

The letter would hold the note the case keeps, not the one shown here. Write the letter all the same?</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="145" />
        <source>Text an den Patienten zu lang</source>
        <translation>Note to the patient too long</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="148" />
        <source>Trotzdem schreiben</source>
        <translation>Write all the same</translation>
    </message>
    <message>
        <location filename="../../ui/letterchecks.py" line="148" />
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LineActions</name>
    <message>
        <location filename="../../ui/lineactions.py" line="43" />
        <source>Neuer Plan: Tarif und Person links ausfüllen, Leistungen mit Strg+Einfg hinzufügen</source>
        <translation>New plan: fill in the tariff and the person on the left, add services with Ctrl+Ins</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="61" />
        <source>1 Zeile hinzugefügt</source>
        <translation>1 line added</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="61" />
        <source>{0} Zeilen hinzugefügt</source>
        <translation>{0} lines added</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="71" />
        <source>Bitte zuerst eine Zeile wählen</source>
        <translation>Please choose a line first</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="82" />
        <source>Zeile dupliziert</source>
        <translation>Line duplicated</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="85" />
        <source>Zeile gelöscht</source>
        <translation>Line deleted</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="93" />
        <source>Verschieben nur, wenn alle Zeilen zu sehen sind</source>
        <translation>Lines move only while all lines are shown</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="96" />
        <source>Zeile verschoben</source>
        <translation>Line moved</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="105" />
        <source>{0} – Doppelklick oder Enter: Zeile korrigieren</source>
        <translation>{0} – double click or Enter: correct the row</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="116" />
        <source>Keine ausgelassenen Zeilen</source>
        <translation>No rows left out</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="130" />
        <source>Plan als Arbeitsmappe speichern</source>
        <translation>Save the plan as a workbook</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="144" />
        <source>Nicht geschrieben</source>
        <translation>Not written</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="149" />
        <source>Plan gespeichert</source>
        <translation>Plan saved</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="151" />
        <source>{0}

Die Arbeitsmappe enthält die Zeilen und die Person. Prüfungen und der Text an den Patienten stehen nur im Fall: bitte auch „Fall speichern“.</source>
        <translation>{0}

The workbook holds the lines and the person. Reviews and the note to the patient are kept in the case only: please also “Save case”.</translation>
    </message>
    <message>
        <location filename="../../ui/lineactions.py" line="155" />
        <source>Plan gespeichert: {0}</source>
        <translation>Plan saved: {0}</translation>
    </message>
</context>
<context>
    <name>LineFilters</name>
    <message>
        <location filename="../../ui/filters.py" line="27" />
        <source>Leistungen</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/filters.py" line="28" />
        <source>Labor</source>
        <translation>Lab</translation>
    </message>
    <message>
        <location filename="../../ui/filters.py" line="30" />
        <source>{0} von {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <location filename="../../ui/filters.py" line="41" />
        <source>Nur Zeilen von Zahn {0}</source>
        <translation>Only lines of tooth {0}</translation>
    </message>
    <message>
        <location filename="../../ui/filters.py" line="41" />
        <location filename="../../ui/filters.py" line="54" />
        <source>Alle Zeilen</source>
        <translation>All lines</translation>
    </message>
    <message>
        <location filename="../../ui/filters.py" line="54" />
        <source>Nur die {0} Zeilen mit {1}</source>
        <translation>Only the {0} lines with {1}</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../ui/models.py" line="108" />
        <source>erstattungsfähig</source>
        <translation>eligible</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="109" />
        <source>Klasse</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="110" />
        <source>Satz</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="111" />
        <source>Erstattung</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="115" />
        <location filename="../../ui/models.py" line="129" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="116" />
        <location filename="../../ui/models.py" line="130" />
        <source>Zahn</source>
        <translation>Tooth</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="117" />
        <source>GO</source>
        <translation>GO</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="118" />
        <location filename="../../ui/models.py" line="131" />
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="119" />
        <location filename="../../ui/models.py" line="132" />
        <source>Leistung</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="120" />
        <source>Anzahl</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="121" />
        <source>Faktor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="123" />
        <location filename="../../ui/models.py" line="148" />
        <source>Betrag</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="251" />
        <source>von Hand eingetragen: bleibt, wenn sich Faktor, Anzahl oder Preis ändern; leeren, um ihn zu berechnen</source>
        <translation>typed by hand: stays when the factor, count or price changes; empty it to have it computed</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="122" />
        <source>Begründung</source>
        <translation>Justification</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="125" />
        <source>Unfall</source>
        <translation>Accident</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="135" />
        <source>Menge</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="142" />
        <source>Einzelpreis</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="147" />
        <source>MwSt</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="248" />
        <source>geändert; im Plan: {0}</source>
        <translation>changed; in the plan: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="103" />
        <location filename="../../ui/main_window.py" line="258" />
        <source>Zeile wählen, um ihre Berechnung zu sehen</source>
        <translation>Choose a line to see how it was computed</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>Erläuterung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>Warum dieser Eigenanteil</source>
        <translation>Why this share</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <location filename="../../ui/main_window.py" line="216" />
        <source>Was wäre, wenn</source>
        <translation>What if</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>Text an den Patienten</source>
        <translation>Note to the patient</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>Automatische Sicherung wieder möglich</source>
        <translation>Automatic backup works again</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>Die ungespeicherten Änderungen können nicht automatisch gesichert werden ({0}); nach einem Absturz wären sie verloren. Bitte den Fall speichern (Strg+S) oder Platz bzw. Schreibrecht im Datenordner schaffen.</source>
        <translation>The unsaved changes cannot be backed up automatically ({0}); after a crash they would be lost. Please save the case (Ctrl+S) or free space or write permission in the data folder.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182" />
        <source>Automatische Sicherung nicht möglich</source>
        <translation>Automatic backup not possible</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189" />
        <source>Hinweise ({0}, davon {1} Fehler)</source>
        <translation>Findings ({0}; errors: {1})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189" />
        <source>Hinweise ({0})</source>
        <translation>Findings ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237" />
        <source>{0} gezahlt</source>
        <translation>{0} paid</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268" />
        <source>{0} Zeile {1}: Nr. {2}{3}, Klasse {4} ({5}) – berechnet {6}, erstattungsfähig {7}, Erstattung {8}</source>
        <translation>{0} row {1}: no. {2}{3}, class {4} ({5}) – billed {6}, eligible {7}, benefit {8}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273" />
        <source>, Zahn {0}</source>
        <translation>, tooth {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374" />
        <source> Speichern speichert den Fall ohne ihn.</source>
        <translation> Save saves the case without it.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375" />
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373" />
        <source>Die Änderungen an „{0}“ speichern?</source>
        <translation>Save the changes to “{0}”?</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="138" />
        <source>Datei nicht lesbar</source>
        <translation>File cannot be read</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="92" />
        <source>Beim letzten Mal wurde „{0}“ nicht gespeichert (zuletzt geändert am {1} um {2} Uhr). Die Änderungen wiederherstellen? Verwerfen löscht sie endgültig.</source>
        <translation>Last time “{0}” was not saved (last changed on {1} at {2}). Restore the changes? Discard deletes them for good.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="98" />
        <source>Verwerfen</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="99" />
        <location filename="../../ui/recovery.py" line="101" />
        <source>Wiederherstellen</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="108" />
        <source>Eine automatische Sicherung ungespeicherter Änderungen konnte nicht gelesen werden. Sie ist unverändert aufbewahrt unter:
{0}</source>
        <translation>An automatic backup of unsaved changes could not be read. It is kept unchanged at:
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="113" />
        <source>Sicherung nicht lesbar</source>
        <translation>Backup cannot be read</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="116" />
        <source>Ein weiterer nicht gespeicherter Fall wird beim nächsten Start des Programms angeboten</source>
        <translation>One more unsaved case is offered at the next start of the program</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="120" />
        <source>{0} weitere nicht gespeicherte Fälle: beim nächsten Start des Programms angeboten</source>
        <translation>{0} more unsaved cases: offered at the next start of the program</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../ui/letter.py" line="150" />
        <source>Text an den Patienten, z. B. „Die Krone an 16 ist nach Absprache vollkeramisch geplant.“</source>
        <translation>Note to the patient in German, e.g. “Wie besprochen, ist die Krone an 16 vollkeramisch geplant.” (printed in the German letter as typed)</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="160" />
        <source>Steht im Brief über den Tabellen (höchstens {0} Zeichen).</source>
        <translation>Printed in the letter above the tables (at most {0} characters).</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="200" />
        <source>Zu lang für den Brief: {0} Zeichen in {1} Zeile(n), höchstens {2} Zeichen in {3} Zeilen – so nicht im Fall gespeichert; bitte kürzen.</source>
        <translation>Too long for the letter: {0} characters in {1} line(s), at most {2} characters in {3} lines – not saved in the case like this; please shorten it.</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="211" />
        <source>Der Text an den Patienten ist zu lang für den Brief ({0} Zeichen in {1} Zeile(n), höchstens {2} Zeichen in {3} Zeilen) und wird so nicht im Fall gespeichert; der Fall behält den vorigen. Bitte kürzen.</source>
        <translation>The note to the patient is too long for the letter ({0} characters in {1} line(s), at most {2} characters in {3} lines) and is not saved in the case like this; the case keeps the previous one. Please shorten it.</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <location filename="../../ui/person.py" line="39" />
        <source>Person und Vertrag</source>
        <translation>Person and contract</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="97" />
        <source>KFO-Behandlungsbeginn</source>
        <translation>Orthodontics started</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="64" />
        <source>Unfallfolge (ganzer Plan)</source>
        <translation>Caused by an accident (whole plan)</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="79" />
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="80" />
        <source>Versicherungsnr.</source>
        <translation>Insurance no.</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="81" />
        <source>Straße</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="85" />
        <source>Tarif</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="86" />
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="87" />
        <source>Versicherungsbeginn</source>
        <translation>Insurance start</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="125" />
        <source>TT.MM.JJJJ</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="134" />
        <source>{0}: {1} – es gilt weiter der bisherige Wert</source>
        <translation>{0}: {1} – the value before stays</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="254" />
        <source>übernommen aus {0}</source>
        <translation>taken from {0}</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="88" />
        <source>Planungsdatum</source>
        <translation>Plan date</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="49" />
        <source>5 Ziffern</source>
        <translation>5 digits</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="59" />
        <source>Beginn einer schon laufenden kieferorthopädischen Behandlung: sie ist erstattungsfähig, wenn sie vor dem {0}. Geburtstag begonnen hat ({1}). Leer: die erste KFO-Leistung des Plans.</source>
        <translation>Start of an orthodontic treatment already under way: it is covered when it began before the {0}th birthday ({1}). Empty: the plan's first orthodontic service.</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="63" />
        <source>Kooperationszahnarzt ({0})</source>
        <translation>Cooperating dentist ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="83" />
        <source>PLZ</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="84" />
        <source>Ort</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="92" />
        <source>ZE-Erstattung bisher, Jahr {0}</source>
        <translation>Prosthetic benefits so far, year {0}</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="93" />
        <source>Selbstbehalt verbraucht</source>
        <translation>Deductible used</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="94" />
        <source>PZR erstattet</source>
        <translation>Cleaning (PZR) reimbursed</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="95" />
        <source>Implantate OK (vorhanden)</source>
        <translation>Implants upper jaw (present)</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="96" />
        <source>Implantate UK (vorhanden)</source>
        <translation>Implants lower jaw (present)</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="110" />
        <source>höchstens {0} Zeichen, {1} eingegeben</source>
        <translation>at most {0} characters, {1} entered</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="117" />
        <source>PLZ: {0}</source>
        <translation>Postcode: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="200" />
        <source>Betrag in Euro mit höchstens 2 Nachkommastellen</source>
        <translation>amount in euros with at most 2 decimal places</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="243" />
        <source>bitte wählen</source>
        <translation>please choose</translation>
    </message>
    <message>
        <location filename="../../ui/person.py" line="244" />
        <source>Kein Tarif gewählt: gerechnet mit {0}</source>
        <translation>No tariff chosen: computed with {0}</translation>
    </message>
</context>
<context>
    <name>PracticeDialog</name>
    <message>
        <location filename="../../ui/letter.py" line="55" />
        <source>Praxis (Briefkopf)</source>
        <translation>Practice (letterhead)</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="59" />
        <source>Musterstraße 1
12345 Musterstadt</source>
        <translation>Musterstraße 1
12345 Musterstadt</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="64" />
        <source>PNG oder JPEG, höchstens 2 MB (freiwillig)</source>
        <translation>PNG or JPEG, at most 2 MB (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="65" />
        <source>Wählen …</source>
        <translation>Choose …</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="75" />
        <source>Name der Praxis</source>
        <translation>Name of the practice</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="76" />
        <source>Anschrift</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="77" />
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="78" />
        <source>E-Mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="79" />
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="81" />
        <source>Für „hkp“ speichern …</source>
        <translation>Save for “hkp” …</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="82" />
        <source>als Datei für hkp estimate --letterhead DATEI</source>
        <translation>as a file for hkp estimate --letterhead FILE</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="109" />
        <source>Logo wählen</source>
        <translation>Choose a logo</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="109" />
        <source>Bilder (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/letter.py" line="122" />
        <source>Briefkopf speichern</source>
        <translation>Save the letterhead</translation>
    </message>
</context>
<context>
    <name>RegisterAccess</name>
    <message>
        <location filename="../../ui/register.py" line="73" />
        <source>Gespeichert, aber nicht ins Fallregister eingetragen: {0}</source>
        <translation>Saved, but not entered in the case register: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/register.py" line="98" />
        <source>Fallregister</source>
        <translation>Case register</translation>
    </message>
</context>
<context>
    <name>Replacing</name>
    <message>
        <location filename="../../ui/replacing.py" line="41" />
        <source>Ersetzen</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="41" />
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="51" />
        <location filename="../../ui/replacing.py" line="116" />
        <source>Datei ersetzen?</source>
        <translation>Replace file?</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="54" />
        <source>Nicht geschrieben</source>
        <translation>Not written</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="55" />
        <source>„{0}“ ist die Datei dieses Falls oder seines Plans; bitte einen anderen Namen wählen.</source>
        <translation>“{0}” is the file of this case or of its plan; please choose another name.</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="64" />
        <source>„{0}“ ist die Arbeitsmappe, aus der dieser Plan gelesen wurde. Ersetzen schreibt den Plan hinein, wie er jetzt ist; was sie sonst enthält (weitere Blätter, Formate, Notizen), geht verloren.</source>
        <translation>“{0}” is the workbook this plan was read from. Replace writes the plan into it as it is now; whatever else it holds (other sheets, formats, notes) is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="71" />
        <source>„{0}“ gibt es schon und ist {1}. Ersetzen? Die Datei geht dabei verloren.</source>
        <translation>“{0}” exists already and is {1}. Replace it? The file is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="87" />
        <source>kein Brief dieses Programms (vielleicht ein Scan oder ein anderes Dokument)</source>
        <translation>no letter of this program (perhaps a scan or another document)</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="89" />
        <source>der Brief für eine andere Person</source>
        <translation>the letter for another person</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="91" />
        <source>keine Schätzung dieses Programms als JSON</source>
        <translation>no estimate of this program as JSON</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="93" />
        <source>keine Arbeitsmappe einer Schätzung dieses Programms</source>
        <translation>no workbook of an estimate of this program</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="94" />
        <source>eine Arbeitsmappe</source>
        <translation>a workbook</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="109" />
        <source>„{0}“ ist der gespeicherte Fall von {1}. Durch den offenen Fall ersetzen? Der gespeicherte geht dabei verloren.</source>
        <translation>“{0}” is the saved case of {1}. Replace it with the open case? The saved one is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/replacing.py" line="113" />
        <source>„{0}“ gibt es schon. Durch den offenen Fall ersetzen? Die Datei geht dabei verloren.</source>
        <translation>“{0}” exists already. Replace it with the open case? The file is lost.</translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <location filename="../../ui/review.py" line="139" />
        <source>Prüfung – {0}</source>
        <translation>Review – {0}</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="152" />
        <source>Prüfer:</source>
        <translation>Reviewer:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="153" />
        <source>erstattungsfähig in € (leer: nach den Regeln):</source>
        <translation>Eligible amount in € (empty: by the rules):</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="154" />
        <source>Klasse A, B, P oder X (leer: nach den Regeln):</source>
        <translation>Class A, B, P or X (empty: by the rules):</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="155" />
        <source>Grund:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>Reviews</name>
    <message>
        <location filename="../../ui/review.py" line="28" />
        <source>erstattungsfähig {0}</source>
        <translation>eligible {0}</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="30" />
        <source>Klasse {0}</source>
        <translation>class {0}</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="31" />
        <source>Prüfung durch {0}: {1} – {2}</source>
        <translation>Review by {0}: {1} – {2}</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="49" />
        <location filename="../../ui/review.py" line="96" />
        <source>Bitte zuerst eine Zeile wählen</source>
        <translation>Please choose a line first</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="51" />
        <source>Prüfer und Grund sind nötig</source>
        <translation>Reviewer and reason are required</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="55" />
        <source>erstattungsfähig: {0}</source>
        <translation>eligible: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="56" />
        <source>erstattungsfähig</source>
        <translation>eligible</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="59" />
        <source>Betrag in Euro mit höchstens 2 Nachkommastellen</source>
        <translation>amount in euros with at most 2 decimal places</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="61" />
        <source>höchstens der berechnete Betrag {0}</source>
        <translation>at most the billed amount {0}</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="65" />
        <source>Klasse: {0}</source>
        <translation>Class: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="69" />
        <source>Bitte einen erstattungsfähigen Betrag oder eine Klasse angeben</source>
        <translation>Please give an eligible amount or a class</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="85" />
        <source>Die gewählte Zeile hat keine Prüfung</source>
        <translation>The selected line has no review</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="87" />
        <source>Prüfung {0} Zeile {1} entfernt</source>
        <translation>Review of {0} row {1} removed</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="104" />
        <source>{0} Zeile {1}</source>
        <translation>{0} row {1}</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="108" />
        <source>Labor</source>
        <translation>Lab</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="112" />
        <source>{0}, Zahn {1} · in keiner Summe (ohne Behandlungstag)</source>
        <translation>{0}, tooth {1} · in no total (no treatment day)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="114" />
        <source>{0}, Zahn {1} · berechnet {2} · jetzt Klasse {3}, erstattungsfähig {4}</source>
        <translation>{0}, tooth {1} · billed {2} · now class {3}, eligible {4}</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="118" />
        <source> · bisher geprüft von {0}</source>
        <translation> · reviewed so far by {0}</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="129" />
        <source>Prüfung übernommen</source>
        <translation>Review applied</translation>
    </message>
</context>
<context>
    <name>SaveChecks</name>
    <message>
        <location filename="../../ui/saving.py" line="43" />
        <location filename="../../ui/saving.py" line="67" />
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="45" />
        <source>„{0}“ ist ein Fall mit dem Status {1} und wird nicht überschrieben; bitte einen anderen Namen wählen.</source>
        <translation>“{0}” is a case with the status {1} and is not overwritten; please choose another name.</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="69" />
        <source>„{0}“ ist inzwischen {1}; die Änderungen hier sind nicht darin gespeichert. Links oben „Als neuen Entwurf bearbeiten“ wählen und unter neuem Namen speichern, oder „Diesen Fall ändern“.</source>
        <translation>“{0}” is {1} now; the changes here are not saved in it. Choose “Edit as a new draft” at the top left and save under a new name, or “Change this case”.</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="80" />
        <source>„{0}“ wurde geändert, seit der Fall hier geöffnet oder gespeichert wurde – vielleicht an einem anderen Arbeitsplatz. Überschreiben ersetzt diese Änderungen durch den Fall, wie er hier offen ist.</source>
        <translation>“{0}” was changed since the case was opened or saved here – perhaps at another workstation. Overwriting replaces those changes with the case as it is open here.</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="84" />
        <source>Unter neuem Namen speichern …</source>
        <translation>Save under a new name …</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="85" />
        <source>Überschreiben</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="86" />
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/saving.py" line="88" />
        <source>Datei inzwischen geändert</source>
        <translation>File changed meanwhile</translation>
    </message>
</context>
<context>
    <name>SentBar</name>
    <message>
        <location filename="../../ui/sentbar.py" line="22" />
        <source>Als neuen Entwurf bearbeiten</source>
        <translation>Edit as a new draft</translation>
    </message>
    <message>
        <location filename="../../ui/sentbar.py" line="25" />
        <source>Eine Kopie als Entwurf bearbeiten; die Datei dieses Falls bleibt, wie sie ist (Speichern fragt nach einem neuen Namen)</source>
        <translation>Edit a copy as a draft; this case's file stays as it is (Save asks for a new name)</translation>
    </message>
    <message>
        <location filename="../../ui/sentbar.py" line="30" />
        <source>Diesen Fall ändern</source>
        <translation>Change this case</translation>
    </message>
    <message>
        <location filename="../../ui/sentbar.py" line="32" />
        <source>Den Fall selbst ändern – etwa eine Korrektur, die dem Versicherer mitgeteilt wird</source>
        <translation>Change the case itself – a correction the insurer is told of, say</translation>
    </message>
    <message>
        <location filename="../../ui/sentbar.py" line="49" />
        <source> ({0} gezahlt)</source>
        <translation> ({0} paid)</translation>
    </message>
    <message>
        <location filename="../../ui/sentbar.py" line="55" />
        <source>Seine Beträge sind die, mit denen er beim Versicherer liegt, und zählen für spätere Pläne der Person.</source>
        <translation>Its amounts are those the insurer has, and they count for the person's later plans.</translation>
    </message>
    <message>
        <location filename="../../ui/sentbar.py" line="57" />
        <source>So hat der Versicherer ihn abgerechnet; für spätere Pläne der Person zählt er damit.</source>
        <translation>This is how the insurer settled it; these amounts count for the person's later plans.</translation>
    </message>
    <message>
        <location filename="../../ui/sentbar.py" line="58" />
        <source>So hat der Versicherer ihn abgelehnt.</source>
        <translation>So the insurer refused it.</translation>
    </message>
    <message>
        <location filename="../../ui/sentbar.py" line="60" />
        <source>Dieser Fall ist {0}{1}. {2} Änderungen werden daher nicht übernommen.</source>
        <translation>This case is {0}{1}. {2} Changes are not accepted.</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <location filename="../../ui/picker.py" line="99" />
        <source>Leistung hinzufügen</source>
        <translation>Add a service</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="101" />
        <source>Nummer oder Wörter, z. B. krone, 2210, implantat, labor modell</source>
        <translation>Number or German words, e.g. krone, 2210, implantat, labor modell</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="107" />
        <source>GO</source>
        <translation>GO</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="107" />
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="107" />
        <source>Leistung</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="107" />
        <source>Faktor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="107" />
        <source>Betrag</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="121" />
        <source>Einfügen</source>
        <translation>Insert</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="170" />
        <source>Labor</source>
        <translation>Lab</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="191" />
        <source>Bitte eine Nummer oder Wörter eingeben (Zeichen allein finden nichts).</source>
        <translation>Please type a number or words (symbols alone find nothing).</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="193" />
        <source>Nichts gefunden für „{0}“.</source>
        <translation>Nothing found for “{0}” – the services are named in German (e.g. Krone); a number finds them too.</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="200" />
        <source>Für Zahn {0} (aus der Suche): eine Zeile je Zahn.</source>
        <translation>For tooth {0} (from the search): one line per tooth.</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="204" />
        <source>Für Zahn {0}: eine Zeile je Zahn. Im Zahnschema wählen, mehrere mit Strg oder Umschalt.</source>
        <translation>For tooth {0}: one line per tooth. Choose on the tooth chart, several with Ctrl or Shift.</translation>
    </message>
    <message>
        <location filename="../../ui/picker.py" line="208" />
        <source>Ohne Zahn. Zähne im Zahnschema wählen (mehrere mit Strg oder Umschalt): eine Zeile je Zahn.</source>
        <translation>Without a tooth. Choose teeth on the tooth chart (several with Ctrl or Shift): one line per tooth.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/language.py" line="25" />
        <source>Entwurf</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="26" />
        <source>eingereicht</source>
        <translation>submitted</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="27" />
        <source>erstattet</source>
        <translation>reimbursed</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="28" />
        <source>abgelehnt</source>
        <translation>refused</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../ui/tasks.py" line="155" />
        <source>Bitte warten: {0}</source>
        <translation>Please wait: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/tasks.py" line="186" />
        <source>{0} fehlgeschlagen: {1}</source>
        <translation>{0} failed: {1}</translation>
    </message>
</context>
<context>
    <name>ToothChart</name>
    <message>
        <location filename="../../ui/widgets.py" line="246" />
        <source>Farbe der Zähne: dunkelblau Klasse A (Zahnersatz), grün B (Zahnbehandlung), türkis P (Prophylaxe), grau X (nicht erstattungsfähig), weiß nichts geplant; „I“: Implantat. Orange umrandet: die Zähne der gewählten Zeile; ein Klick auf einen Zahn zeigt nur seine Zeilen.</source>
        <translation>Colour of the teeth: dark blue class A (prosthetics), green B (dental treatment), teal P (prophylaxis), grey X (not eligible), white nothing planned; “I”: implant. Outlined in orange: the teeth of the chosen line; a click on a tooth shows its lines only.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="267" />
        <source>Zahnersatz</source>
        <translation>prosthetics</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="268" />
        <source>Behandlung</source>
        <translation>treatment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="269" />
        <source>Prophylaxe</source>
        <translation>prophylaxis</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="270" />
        <source>ohne Erstattung</source>
        <translation>no benefit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="290" />
        <location filename="../../ui/widgets.py" line="304" />
        <source>Implantate {0}: {1} von {2}</source>
        <translation>Implants {0}: {1} of {2}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="293" />
        <source>keine Implantate geplant</source>
        <translation>no implants planned</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="304" />
        <source>Implantate {0}: {1}/{2}</source>
        <translation>Implants {0}: {1}/{2}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="376" />
        <source>nichts geplant</source>
        <translation>nothing planned</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="377" />
        <source>Zahn {0}: {1}</source>
        <translation>Tooth {0}: {1}</translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message>
        <location filename="../../ui/widgets.py" line="63" />
        <location filename="../../ui/widgets.py" line="182" />
        <source>Gesamtkosten</source>
        <translation>Total costs</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="64" />
        <source>erstattungsfähig</source>
        <translation>eligible</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="65" />
        <source>voraussichtliche Erstattung</source>
        <translation>expected benefit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="66" />
        <location filename="../../ui/widgets.py" line="183" />
        <source>Eigenanteil</source>
        <translation>Own share</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="90" />
        <source>Die erste Zeile, die beim Einlesen ausgelassen wurde, korrigieren (Strg+K)</source>
        <translation>Correct the first row left out when the plan was read (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="114" />
        <source>Was der Patient zahlt, nach Ursachen
Auslegung:{0}</source>
        <translation>What the patient pays, by cause
Interpretation settings:{0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="136" />
        <location filename="../../ui/widgets.py" line="158" />
        <source>{0} Zeile {1}</source>
        <translation>{0} row {1}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="147" />
        <source>1 Zeile des Plans konnte nicht gelesen werden und fehlt in allen Beträgen ({1})</source>
        <translation>1 row of the plan could not be read and is missing from every amount ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="148" />
        <source>{0} Zeilen des Plans konnten nicht gelesen werden und fehlen in allen Beträgen ({1})</source>
        <translation>{0} rows of the plan could not be read and are missing from every amount ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="152" />
        <source>1 Zeile ohne Behandlungstag (weder Datum noch Planungsdatum) fehlt in allen Beträgen ({1})</source>
        <translation>1 row without a treatment day (neither a date nor a plan date) is missing from every amount ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="153" />
        <source>{0} Zeilen ohne Behandlungstag (weder Datum noch Planungsdatum) fehlen in allen Beträgen ({1})</source>
        <translation>{0} rows without a treatment day (neither a date nor a plan date) are missing from every amount ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="160" />
        <source>ohne Betrag (Nummer unbekannt), fehlt in allen Beträgen: {0}</source>
        <translation>no amount (number unknown), missing from every amount: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="162" />
        <source>Blatt „{0}“ nicht gelesen: seine Zeilen fehlen in allen Beträgen</source>
        <translation>Sheet “{0}” not read: its rows are missing from every amount</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="164" />
        <source>Achtung: {0} – siehe Hinweise</source>
        <translation>Attention: {0} – see Findings</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="168" />
        <source>von der Praxis begründeten Beträgen über der Gebühr zum Höchstsatz</source>
        <translation>amounts above the fee at the maximum factor with the practice's reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="169" />
        <source>Beträgen über der Gebühr zum angegebenen Faktor</source>
        <translation>amounts above the fee at the stated factor</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="170" />
        <source>Leistungen für Implantate über der Grenze, deren Lage der Plan nicht nennt</source>
        <translation>services for implants over the limit whose place the plan does not say</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="173" />
        <source>Vorbehalt: bis zu {0} der Erstattung beruhen auf {1}</source>
        <translation>Reserve: up to {0} of the benefit rests on {1}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="175" />
        <source>Kein Tarif gewählt: gerechnet mit {0}, dem Tarif ohne Selbstbehalt – bitte links unter „Tarif“ wählen</source>
        <translation>No tariff chosen: computed with {0}, the tariff without a deductible – please choose it under “Tariff” on the left</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="182" />
        <source>Gesamtkosten ohne
fehlende Zeilen</source>
        <translation>Total costs without
missing rows</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="183" />
        <source>Eigenanteil ohne
fehlende Zeilen</source>
        <translation>Own share without
missing rows</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="111" />
        <source>Eigenanteil: davon {0}</source>
        <translation>Own share: of which {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="89" />
        <source>Zeile korrigieren …</source>
        <translation>Correct the row …</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="111" />
        <source>keine Kürzung</source>
        <translation>no reduction</translation>
    </message>
</context>
<context>
    <name>Waterfall</name>
    <message>
        <location filename="../../ui/waterfall.py" line="42" />
        <source>Gesamtkosten</source>
        <translation>Total costs</translation>
    </message>
    <message>
        <location filename="../../ui/waterfall.py" line="48" />
        <source>Erstattung</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location filename="../../ui/waterfall.py" line="64" />
        <source>Ein Klick auf eine Ursache zeigt nur ihre Zeilen; ein zweiter Klick alle Zeilen.</source>
        <translation>A click on a cause shows only its lines; a second click all lines.</translation>
    </message>
    <message>
        <location filename="../../ui/waterfall.py" line="141" />
        <source>Eigenanteil ohne fehlende Zeilen {0}: die Summe der roten Stufen</source>
        <translation>Own share without missing rows {0}: the sum of the red steps</translation>
    </message>
    <message>
        <location filename="../../ui/waterfall.py" line="142" />
        <source>Eigenanteil {0}: die Summe der roten Stufen – was von den Gesamtkosten nicht erstattet wird</source>
        <translation>Own share {0}: the sum of the red steps – what of the total costs is not reimbursed</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/help.py" line="41" />
        <source>Willkommen</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="44" />
        <source>&lt;h3&gt;Willkommen beim HKP-Schätzer&lt;/h3&gt;&lt;p&gt;Er rechnet aus einem Heil- und Kostenplan, was der Tarif erstattet und was der Patient selbst zahlt – jede Zeile mit Begründung.&lt;/p&gt;&lt;p&gt;Hinter diesem Fenster ist ein Beispielplan geöffnet. Ein eigener Plan kommt als Excel-Arbeitsmappe mit den Blättern Patient, Leistungen und Labor (die Vorlage zeigt, wie), oder er entsteht hier: „Neuer Plan“, dann Leistungen mit Strg+Einfg hinzufügen.&lt;/p&gt;&lt;p&gt;Hilfe → Anleitung (F1) erklärt alles Weitere.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Welcome to the HKP estimator&lt;/h3&gt;&lt;p&gt;It works out from a treatment and cost plan what the tariff pays and what the patient pays – every line with its reason.&lt;/p&gt;&lt;p&gt;An example plan is open behind this window. A plan of your own comes as an Excel workbook with the sheets Patient, Leistungen and Labor (the template shows how), or it is made here: “New plan”, then add services with Ctrl+Ins.&lt;/p&gt;&lt;p&gt;Help → Guide (F1) explains the rest – in German: its menu paths name the German menus (Datei = File, Bearbeiten = Edit, Einstellungen = Settings, Hilfe = Help).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="54" />
        <source>Beispiel ansehen</source>
        <translation>See the example</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="55" />
        <source>Plan öffnen …</source>
        <translation>Open a plan …</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="56" />
        <source>Excel-Vorlage speichern …</source>
        <translation>Save the Excel template …</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="57" />
        <source>Neuer Plan</source>
        <translation>New plan</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <location filename="../../ui/whatif.py" line="71" />
        <source>Vorschlag übernehmen</source>
        <translation>Apply the suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/whatif.py" line="72" />
        <source>verlegt die Behandlungstermine wie vorgeschlagen; Rückgängig nimmt es zurück</source>
        <translation>moves the treatment dates as suggested; Undo takes it back</translation>
    </message>
    <message>
        <location filename="../../ui/whatif.py" line="84" />
        <source>Wird berechnet …</source>
        <translation>Computing …</translation>
    </message>
    <message>
        <location filename="../../ui/whatif.py" line="94" />
        <source>erstattungsfähig</source>
        <translation>eligible</translation>
    </message>
    <message>
        <location filename="../../ui/whatif.py" line="95" />
        <source>Erstattung</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location filename="../../ui/whatif.py" line="96" />
        <source>Eigenanteil</source>
        <translation>Own share</translation>
    </message>
    <message>
        <location filename="../../ui/whatif.py" line="97" />
        <source>Erstattung gegenüber dem Plan</source>
        <translation>Benefit compared with the plan as it is</translation>
    </message>
    <message>
        <location filename="../../ui/whatif.py" line="100" />
        <source>davon {0}</source>
        <translation>of which {0}</translation>
    </message>
    <message>
        <location filename="../../ui/whatif.py" line="146" />
        <source>Vorschlag der Zahnstaffel-Planung übernommen</source>
        <translation>Staged-cap planner's suggestion applied</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../ui/menus.py" line="45" />
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="46" />
        <source>&amp;Neuer Plan</source>
        <translation>&amp;New plan</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="48" />
        <source>Ö&amp;ffnen …</source>
        <translation>&amp;Open …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="50" />
        <source>&amp;Zuletzt geöffnet</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="51" />
        <source>F&amp;älle …</source>
        <translation>C&amp;ases …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="53" />
        <source>Fall &amp;speichern</source>
        <translation>&amp;Save case</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="54" />
        <source>Fall speichern &amp;unter …</source>
        <translation>Save &amp;case as …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="55" />
        <source>Plan als &amp;Arbeitsmappe speichern …</source>
        <translation>Save the plan as a &amp;workbook …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="57" />
        <source>Druck&amp;vorschau …</source>
        <translation>Print pre&amp;view …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="58" />
        <source>&amp;Drucken …</source>
        <translation>&amp;Print …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="59" />
        <source>&amp;PDF exportieren …</source>
        <translation>Export P&amp;DF …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="60" />
        <source>Schätzung e&amp;xportieren</source>
        <translation>E&amp;xport the estimate</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="61" />
        <source>als &amp;Excel-Arbeitsmappe …</source>
        <translation>as &amp;Excel workbook …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="62" />
        <source>als &amp;JSON …</source>
        <translation>as &amp;JSON …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="63" />
        <source>Excel-Vor&amp;lage speichern …</source>
        <translation>Save Excel &amp;template …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="65" />
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="66" />
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="67" />
        <source>&amp;Einstellungen</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="68" />
        <source>&amp;Sprache</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="77" />
        <source>&amp;Praxis (Briefkopf) …</source>
        <translation>&amp;Practice (letterhead) …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="78" />
        <source>&amp;Auslegung dieses Falls …</source>
        <translation>&amp;Interpretation for this case …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="79" />
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="80" />
        <source>&amp;Anleitung</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="81" />
        <source>Ü&amp;ber</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="82" />
        <source>&amp;Leistung hinzufügen …</source>
        <translation>&amp;Add a service …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="105" />
        <source>Die Sprache wird beim nächsten Start umgestellt.</source>
        <translation>The language changes at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="115" />
        <source>Über HKP-Schätzer</source>
        <translation>About HKP estimator</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="116" />
        <source>HKP-Schätzer – Erstattung nach {0}.
Preislisten: {1}</source>
        <translation>HKP estimator – benefits under {0}.
Price lists: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="124" />
        <source>&amp;Rückgängig</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="126" />
        <source>&amp;Wiederholen</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="132" />
        <source>Zeile &amp;duplizieren</source>
        <translation>&amp;Duplicate the line</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="133" />
        <source>Zeile lö&amp;schen</source>
        <translation>De&amp;lete the line</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="134" />
        <source>Zeile nach &amp;oben</source>
        <translation>Move the line u&amp;p</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="135" />
        <source>Zeile nach &amp;unten</source>
        <translation>Move the line do&amp;wn</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="136" />
        <source>Ausgelassene Zeile &amp;korrigieren …</source>
        <translation>&amp;Correct a row left out …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="141" />
        <source>&amp;Prüfung der gewählten Zeile …</source>
        <translation>Re&amp;view the selected line …</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="143" />
        <source>Prüfung der gewählten Zeile &amp;entfernen</source>
        <translation>R&amp;emove the review of the selected line</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="174" />
        <source>Werkzeuge</source>
        <translation>Tools</translation>
    </message>
</context>
</TS>
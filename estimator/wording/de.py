"""The German words: one sentence per code (estimator.codes), labels, and the sentences about limits.

A template names its values in braces; how a value is written is the wording's (estimator.wording), and a
format spec chooses a form: {flag:ja|nein} for yes/no, {units:ein Implantat|# Implantate} for one and many,
{left:ausgeschöpft|noch frei #} for zero and more, {teeth:? an Zahn } for "only when there is one",
{count:,} for a whole number with thousands, {lines:; |, |on} for the separators of a list (between items, before
the last) and the form of each item.
"""

from __future__ import annotations

from estimator.codes import Code
from estimator.wording.de_implants import IMPLANTS
from estimator.wording.de_reviews import REVIEWS
from estimator.wording.de_tables import TABLES
from estimator.wording.de_values import VALUES

C = Code
TEMPLATES: dict[Code, str] = {
    # Findings of the rules
    C.ACCIDENT_PROOF: "Unfall: die Zahnstaffel entfällt nur für Aufwendungen, die nachweislich auf einen Unfall "
    "zurückzuführen sind; bitte den Nachweis beifügen",
    C.DATE_BEFORE_PLAN: "{line}: Behandlungsdatum {date} liegt vor dem Planungsdatum {plan_date} – bitte prüfen "
    "(ein Tippfehler im Jahr?); gerechnet wird mit dem {date}",
    C.DATE_NOT_CARRIED: "{line}: ohne Datum – {count:die Zeile|# Zeilen} ab hier ohne Datum {count:wird|werden} mit dem "
    "Planungsdatum {plan_date} gerechnet, nicht mit dem Datum der Zeile darüber ({above}); {count:gehört sie|gehören sie} "
    "zu deren Sitzung, bitte das Datum eintragen",
    C.DATE_LONG_AFTER_PLAN: "{line}: Behandlungsdatum {date} liegt mehr als zwei Jahre nach dem Planungsdatum "
    "{plan_date} – bitte prüfen (ein Tippfehler im Jahr?); gerechnet wird mit dem {date}",
    C.DATE_BEFORE_INSURANCE_START: "Behandlungsdatum {date} liegt vor dem Versicherungsbeginn {start}; kein Versicherungsschutz",
    C.FEE_ABOVE_MAXIMUM: "{line}: Faktor {factor} über dem Höchstsatz {maximum} ohne Begründung krankheits- bzw. "
    "befundbedingter Erschwernisse; erstattungsfähig bis zum Höchstsatz",
    C.FEE_ABOVE_MAXIMUM_AGREEMENT: "{line}: Faktor {factor} über dem Höchstsatz {maximum}; die Begründung nennt nur eine "
    "Vereinbarung oder einen Wunsch, keine krankheits- bzw. befundbedingten Erschwernisse; erstattungsfähig bis zum Höchstsatz",
    C.FEE_ABOVE_MAXIMUM_JUSTIFIED: "{line}: Faktor {factor} über dem Höchstsatz {maximum}, begründet – der Versicherer prüft die Begründung",
    C.FEE_ABOVE_THRESHOLD: "{line}: Faktor {factor} über dem Schwellenwert {threshold} ohne schriftliche Begründung; "
    "als erstattungsfähig gerechnet – die Rechnung muss sie nennen, sonst kann der Versicherer bis zum Schwellenwert kürzen",
    C.FEE_AMOUNT_ABOVE_MAXIMUM: "{line}: Betrag {billed} über der Gebühr zum Höchstsatz {maximum} ({fee}) ohne Begründung "
    "krankheits- bzw. befundbedingter Erschwernisse; erstattungsfähig ist die Gebühr zum Höchstsatz (Auslegung „{reading}“)",
    C.FEE_AMOUNT_ABOVE_MAXIMUM_KEPT: "{line}: Betrag {billed} über der Gebühr zum Höchstsatz {maximum} ({fee}) ohne "
    "Begründung krankheits- bzw. befundbedingter Erschwernisse; angesetzt wie berechnet (Auslegung „{reading}“) – der "
    "Versicherer kann auf die Gebühr zum Höchstsatz kürzen, bitte die Rechnung prüfen",
    C.FEE_AMOUNT_ABOVE_MAXIMUM_JUSTIFIED: "{line}: Betrag {billed} über der Gebühr zum Höchstsatz {maximum} ({fee}), "
    "begründet – der Versicherer prüft die Begründung",
    C.FEE_AMOUNT_ABOVE_SINGLE_RATE: "{line}: Betrag {billed} über der Gebühr zum einfachen Satz ({fee}); nur mit dem "
    "einfachen Satz berechenbar, erstattungsfähig ist diese Gebühr (Auslegung „{reading}“)",
    C.FEE_AMOUNT_ABOVE_SINGLE_RATE_KEPT: "{line}: Betrag {billed} über der Gebühr zum einfachen Satz ({fee}); nur mit dem "
    "einfachen Satz berechenbar, angesetzt wie berechnet (Auslegung „{reading}“) – der Versicherer kann auf diese Gebühr "
    "kürzen, bitte die Rechnung prüfen",
    C.FEE_FRACTIONAL_COUNT: "{line}: Anzahl {count} ist keine ganze Zahl – eine Gebühr gilt je erbrachter Leistung; "
    "bitte die Anzahl prüfen (gerechnet wird mit {count})",
    C.FEE_NO_TOOTH: "{line}: Zahn fehlt – ohne ihn gehören keine Laborzeile und keine vorbereitende Maßnahme zu dieser "
    "Leistung an einem Zahn. Bitte den Zahn eintragen",
    C.AMOUNT_ROUNDED: "{line}: Betrag {amount} auf Cent gerundet: {rounded}; bitte den Betrag prüfen",
    C.FEE_DERIVED_WITHOUT_RELATED: "{line}: die Gebühr hat keine eigene Punktzahl und richtet sich nach einer Leistung "
    "GOZ {related} am selben Zahn, die der Plan dort nicht hat; Betrag und Faktor sind nicht geprüft – bitte Zahn und "
    "Leistungen prüfen",
    C.FEE_AMOUNT_MISMATCH: "{line}: Betrag {billed} weicht von der Gebühr {fee} ({count} × Faktor {factor}) ab; {kept:der Betrag bleibt Grundlage|erstattungsfähig bis zu dieser Gebühr}",
    C.FEE_AMOUNT_MISSING: "{line}: Betrag fehlt und lässt sich nicht berechnen; bitte Betrag eintragen",
    C.FEE_GOAE_NOT_FOR_DENTISTS: "{line}: für Zahnärzte nicht oder nur unter Bedingungen berechnungsfähig, für Ärzte "
    "(etwa der Mund-, Kiefer- und Gesichtschirurgie) schon; erstattungsfähig wie berechnet – bitte prüfen",
    C.FEE_ANALOGUE: "{line}: Analogleistung, bemessen nach {schedule} {number} ({text}); der Versicherer prüft die "
    "Gleichwertigkeit",
    C.FEE_BELOW_SINGLE_RATE: "{line}: Faktor {factor} unter dem einfachen Satz",
    C.FEE_BESIDE_PROPHYLAXIS: "{line}: am selben Tag wie {beside}; daneben nur berechnungsfähig, wenn die Leistung "
    "anderen Zwecken dient und dies in der Rechnung begründet wird – ohne Begründung nicht erstattungsfähig",
    C.FEE_FREQUENCY_LIMIT: "{line}: innerhalb eines Jahres höchstens {limit:einmal|#-mal} berechnungsfähig "
    "(Kalenderjahr {year}; Auslegung „{reading}“); {excess:# Einheit|# Einheiten} nicht erstattungsfähig",
    C.FEE_LASER_WITHOUT_SERVICE: "{line}: Laserzuschlag ohne gelaserte Leistung (GOZ {lasered}) am selben Tag; nicht "
    "erstattungsfähig",
    C.FEE_ONCE_PER_DAY: "{line}: {what} ist je Behandlungstag nur einmal berechnungsfähig (am {date}{session:?, }); "
    "{excess:# Einheit|# Einheiten} nicht erstattungsfähig",
    C.FEE_NOT_BESIDE_ON_DAY: "{line}: neben {beside} am selben Tag nicht berechnungsfähig; nicht erstattungsfähig",
    C.FEE_EITHER_IN_JAW_HALF: "{line}: neben {beside} nicht berechnungsfähig (am selben Tag, in derselben Kieferhälfte bzw. "
    "demselben Frontzahnbereich; die wertvollere bleibt); nicht erstattungsfähig",
    C.FEE_SHARE_IN_JAW_HALF: "{line}: neben {beside} in derselben Kieferhälfte nur zu 1/{divisor} der Gebühr "
    "berechnungsfähig; erstattungsfähig ist dieser Teil",
    C.FEE_BESIDE_WITHOUT_TEETH: "{line}: neben {beside} nicht berechnungsfähig, soweit beide dieselben Zähne betreffen; "
    "ohne Zahnangabe nicht zu prüfen, daher wie geplant gerechnet – der Versicherer kann kürzen",
    C.FEE_NOT_BESIDE: "{line}: neben {beside} nicht berechnungsfähig (am selben Tag, am selben Zahn); nicht erstattungsfähig",
    C.FEE_ONCE_PER_TOOTH: "{line}: je Zahn nur einmal berechnungsfähig; {excess:# Einheit|# Einheiten} nicht erstattungsfähig",
    C.FEE_PER_SESSION: "{line}: je Sitzung höchstens {limit:einmal|#-mal} berechnungsfähig (am {date}{session:?, }); "
    "{excess:# Einheit|# Einheiten} nicht erstattungsfähig",
    C.FEE_PER_SESSION_TOOTH: "{line}: je Zahn bzw. Implantat und Sitzung höchstens {limit:einmal|#-mal} "
    "berechnungsfähig (am {date}{session:?, }); {excess:# Einheit|# Einheiten} nicht erstattungsfähig",
    C.FEE_PER_SESSION_REGION: "{line}: je Sitzung für eine Kieferhälfte oder einen Frontzahnbereich "
    "höchstens {limit:einmal|#-mal} berechnungsfähig (am {date}{session:?, }); {excess:# Einheit|# Einheiten} nicht erstattungsfähig",
    C.FEE_WITHOUT_SERVICE: "{line}: Zuschlag ohne eine der Leistungen, zu denen er gehört (GOZ {services}), am selben Tag; "
    "nicht erstattungsfähig",
    C.FEE_SERVICE_NOT_BILLABLE: "{line}: Zuschlag zu {service}; diese Leistung ist an diesem Tag nicht berechnungsfähig, der "
    "Zuschlag daher nicht erstattungsfähig",
    C.FEE_YEARLY_LIMIT: "{line}: innerhalb eines Jahres höchstens {limit:einmal|#-mal} berechnungsfähig "
    "(Kalenderjahr {year}); {excess:# Einheit|# Einheiten} nicht erstattungsfähig",
    C.FEE_SINGLE_RATE_ONLY: "{line}: nur mit dem einfachen Satz berechenbar, Faktor {factor} angegeben; "
    "erstattungsfähig mit Faktor 1,0",
    C.FEE_UNKNOWN_NUMBER: "{line}: Gebührennummer {number} steht nicht im Gebührenverzeichnis der {schedule}; nicht "
    "erstattungsfähig, bis sie bestätigt ist",
    C.LAB_TEXT_OTHER: "{line}: der Text „{text}“ passt nicht zur Position der {lab_list} („{listed}“) – bitte die Nummer "
    "prüfen (eine BEL-Nummer der Kassen?)",
    C.LAB_AMOUNT_MISMATCH: "{line}: Betrag {billed} weicht von Menge × Einzelpreis zzgl. MwSt ({computed}) ab",
    C.LAB_CLASS_DOUBT: "{line}: als Klasse B gerechnet wie die zahnärztlichen Leistungen {teeth:am selben Zahn|an denselben Zähnen} ({numbers}); "
    "in der Laborpreisliste gehört die Position zu „{label}“ (Zahnersatz, Klasse A) – stimmt der Zahn?",
    C.LAB_BESIDE_LEFT_OUT: "{line}: eine Leistung an {teeth:ihrem Zahn|ihren Zähnen} ist nicht gelesen ({sheet} Zeile {row}); "
    "die Klasse der Laborzeile folgt den übrigen Leistungen und kann sich ändern, wenn die Zeile berichtigt ist",
    C.LAB_COST_ESTIMATE: "Laborkosten {total} über {threshold}: vor der Behandlung ist ein Kostenvoranschlag des Labors "
    "nach GOZ § 9 Abs. 2 anzubieten und auf Verlangen in Textform vorzulegen",
    C.LAB_NEVER_ELIGIBLE: "{line}: Lagerhaltungs- und Regiekosten/Depotführung sind nicht erstattungsfähig",
    C.LAB_OVER_MAXIMUM: "{line}: Einzelpreis {unit} über dem Höchstbetrag {maximum} nach {lab_list} (Differenz "
    "{difference} je Einheit zzgl. {vat} % MwSt)",
    C.LAB_QUANTITY_LIMIT: "{line}: nach {lab_list} höchstens {limit}× je Kiefer; {excess:# Einheit|# Einheiten} darüber nicht "
    "erstattungsfähig",
    C.LAB_QUANTITY_LIMIT_NO_JAW: "{line}: höchstens {limit}× je Kiefer nach {lab_list}; ohne Zahnangabe im {jaw} "
    "gezählt – bitte den Kiefer angeben",
    C.LAB_MATERIAL_REVIEW: "{line}: Sachkosten {amount} neben {numbers} gesondert berechnet; erstattungsfähig wie "
    "berechnet – bitte Art, Menge und Beleg prüfen",
    C.LAB_MATERIAL_INCLUDED: "{line}: Sachkosten ohne eine Leistung an denselben Zähnen (ohne Zahn: am selben Tag), "
    "neben der die Gebührenordnung sie gesondert berechnen lässt; mit den Gebühren abgegolten, nicht erstattungsfähig",
    C.LAB_UNLISTED: "{line}: Laborcode {code} steht nicht im Preis- und Leistungsverzeichnis {lab_list}; nicht erstattungsfähig",
    C.LAB_VAT_UNUSUAL: "{line}: MwSt {vat} %; zahntechnische Leistungen tragen 7 % (UStG § 12 Abs. 2 Nr. 6), "
    "zugekaufte Teile können anders besteuert sein – bitte den Satz prüfen; erstattungsfähig wie berechnet",
    C.LAB_DAY_OF_SERVICES: "{line}: ohne Datum – gerechnet am Behandlungstag der Leistungen an ihren Zähnen, "
    "{date} (für Zahnstaffel und Selbstbehalt zählt der Behandlungstag); bitte das Datum prüfen",
    C.LAB_DAY_LAST: "{line}: ohne Datum – gerechnet am {date}, dem letzten Behandlungstag der Leistungen an ihren Zähnen "
    "({dates:, }, alle im selben Kalender- und Versicherungsjahr, das für Zahnstaffel und Selbstbehalt zählt); bitte das "
    "Datum der Laborzeile eintragen",
    C.LAB_DAY_UNCLEAR: "{line}: ohne Datum – gerechnet am Planungsdatum {plan}, die Leistungen an ihren Zähnen "
    "sind am {dates:, }; bitte das Datum der Laborzeile eintragen (für Zahnstaffel und Selbstbehalt zählt der Behandlungstag)",
    C.LAB_OTHER_CAP_YEAR: "{line}: am {date} ({year}. Versicherungsjahr), die Leistungen an ihren Zähnen am {dates:, } – "
    "ein anderes Versicherungsjahr der Zahnstaffel; gerechnet am eigenen Datum; ordnet der Versicherer die Laborkosten "
    "dem Behandlungstag der Leistungen zu, ändert sich die Erstattung – bitte das Datum prüfen",
    C.LINE_NO_DATE: "Kein Behandlungsdatum und kein Planungsdatum; Zeile nicht berechnet – bitte das Datum eintragen oder "
    "das Planungsdatum (Blatt Patient) angeben",
    C.LINE_TOOTH_AGAIN: "{line}: Zahn {tooth} hat in diesem Plan schon eine Krone oder einen Brückenanker ({other} am "
    "{date}{session:?, }) – doppelt erfasst oder Zahn verschrieben? Berechnet wie geplant; bitte prüfen",
    C.LINE_MILK_TOOTH: "{line}: Zahn {tooth} ist ein Milchzahn, die Person ist am {date} {age} Jahre alt – bitte den Zahn "
    "prüfen (gemeint {meant:, | oder }?)",
    C.ORTHODONTICS_ADULT: "Kieferorthopädie: Behandlungsbeginn {begin} ({given:KFO-Behandlungsbeginn|erste "
    "kieferorthopädische Leistung des Plans}) mit {age} Jahren; erstattungsfähig nur bei Beginn vor dem {limit}. "
    "Geburtstag – {lines:# kieferorthopädische Zeile|# kieferorthopädische Zeilen} nicht erstattungsfähig",
    C.ORTHODONTICS_NO_BIRTH_DATE: "Kieferorthopädie: ohne Geburtsdatum ist das Alter bei Behandlungsbeginn nicht "
    "prüfbar; nicht erstattungsfähig angesetzt",
    C.PERSON_NO_INSURANCE_START: "Kein gültiger Versicherungsbeginn angegeben: die Zahnstaffel ist wie im ersten Versicherungsjahr angesetzt",
    C.PERSON_BORN_AFTER_TREATMENT: "Geburtsdatum {birth} liegt nach dem ersten Behandlungstag {date} ({sheet} Zeile {row}) – bitte "
    "beide Daten prüfen (eine zweistellige Jahreszahl im falschen Jahrhundert?); Selbstbehalt und Altersgrenzen sind "
    "damit gerechnet",
    C.PERSON_BORN_AFTER_START: "Geburtsdatum {birth} liegt nach dem Versicherungsbeginn {start} – bitte prüfen (eine "
    "zweistellige Jahreszahl im falschen Jahrhundert?); Selbstbehalt und Altersgrenzen sind damit gerechnet",
    C.PERSON_NO_BIRTH_DATE: "Kein gültiges Geburtsdatum angegeben: der Selbstbehalt für Erwachsene ist angesetzt; bei Kindern und "
    "Jugendlichen ist er niedriger – bitte das Geburtsdatum eintragen",
    C.SURCHARGE_POINTS: "{line}: Zuschlag für eine chirurgische Leistung mit {span} Punkten; die zugehörige {service} hat "
    "{points:,} Punkte{fitting:?, passend ist GOZ }{unfit:, für die kein Zuschlag vorgesehen ist|} – der Versicherer kann den "
    "Zuschlag kürzen",
    C.SURCHARGE_NO_SURGERY: "{line}: Zuschlag für ambulante Operationen ohne chirurgische Leistung ({surgical}) am "
    "{date}{on_teeth: an diesen Zähnen|}; als Zahnbehandlung (Klasse B) angesetzt, bitte prüfen",
    C.USED_YEAR_ASSUMED: "Kein Planungsdatum: „Selbstbehalt verbraucht“ und „PZR erstattet“ gelten für {year}, das Jahr "
    "der ersten Behandlung; bitte das Planungsdatum eintragen",
    C.TARIFF_ASSUMED: "Kein Tarif angegeben: gerechnet mit {variant}, dem Tarif ohne Selbstbehalt; bitte den Tarif der "
    "versicherten Person eintragen (Blatt Patient, Tarif)",
    C.TARIFF_BEFORE_FIRST_VERSION: "{lines:# Zeile vom|# Zeilen, die erste vom} {date}{lines:|,} {lines:liegt|liegen} vor dem "
    "Gültigkeitsbeginn des Tarifprofils oder "
    "einer Preisliste; berechnet mit der ältesten Fassung",
    C.INPUT_CELL: "{cell} ({field}): {problem}",
    C.INPUT_FORMULA: "{cell} ({field}): Formel ohne gespeichertes Ergebnis; bitte die Datei in Excel öffnen und speichern",
    C.INPUT_LINE_SKIPPED: "{sheet}, Zeile {row}: Zeile ausgelassen, bitte korrigieren",
    C.INPUT_LINE_DROPPED: "{sheet}, Zeile {row}: ausgelassene Zeile verworfen ({cells})",
    C.INPUT_LINE_CORRECTED: "{sheet}, Zeile {row}: ausgelassene Zeile von Hand korrigiert übernommen; im Plan stand: {cells}",
    C.INPUT_MISSING_NUMBER: "{cell} ({field}): Gebührennummer fehlt",
    C.INPUT_MISSING_VALUE: "{cell} ({field}): {what}",
    C.INPUT_MORE_FINDINGS: "{count:,} weitere Hinweise zum Einlesen; bitte prüfen",
    C.INPUT_NO_HEADER: "Blatt {sheet}: keine Kopfzeile mit der Spalte „Nr“ in den ersten {rows} Zeilen gefunden",
    C.INPUT_PATIENT: "{cell} ({field}): {problem}",
    C.INPUT_TEXT_CUT: "{cell} ({field}): Text mit {length:,} Zeichen auf die ersten {limit:,} gekürzt",
    C.INPUT_TOO_LONG: "{cell} ({field}): {length:,} Zeichen; so lange Werte werden nicht gelesen",
    C.INPUT_PATIENT_LABEL: "{cell}: Angabe „{label}“ nicht erkannt und nicht gelesen; bitte wie in der Vorlage benennen "
    "(z. B. Name, Geburtsdatum, Tarif, Versicherungsnummer, Versicherungsbeginn)",
    C.INPUT_TARIFF_LABEL: "{cell}: Angabe „{label}“ als Tarif gelesen ({variant}) – bitte prüfen",
    C.INPUT_PATIENT_BLOCK: "Blatt {sheet}: die Angaben zur Person aus {several:den Zeilen|Zeile} {rows} über der Tabelle gelesen "
    "(kein Blatt „Patient“) – bitte prüfen",
    C.INPUT_BLOCK_ADDRESS: "{cell} ({field}): nicht in den Zeilen unter dem Namen des Patienten – als Anschrift der Praxis "
    "(Briefkopf) angesehen, nicht als die des Patienten gelesen; die Anschrift des Patienten bitte unter seinem Namen angeben",
    C.INPUT_PATIENT_COLUMN: "{cell}: „{field}“ steht nicht in Spalte B; von hier gelesen – bitte in Spalte B eintragen",
    C.INPUT_PATIENT_TWICE: "{cell}: „{field}“ steht zweimal (auch {before}); dieser letzte Wert gilt – bitte einen löschen",
    C.INPUT_GOAE_BY_NUMBER: "{cell} ({field}): „GOZ“, aber „{number}“ ist eine Nummer der GOÄ; als GOÄ gelesen – bitte prüfen",
    C.INPUT_GOZ_BY_NUMBER: "{cell} ({field}): „GOÄ“, aber die Nummer ist als „{number}“ angegeben; als GOZ gelesen – bitte prüfen",
    C.INPUT_OPTION_REPLACES: "{cell}: {field} „{old}“ durch die Angabe beim Aufruf ersetzt: „{new}“",
    C.HISTORY_DEDUCTIBLE: "Selbstbehalt {year}: bisher verbraucht {used} – mehr als der Selbstbehalt des Jahres ({amount}); "
    "bitte „Selbstbehalt verbraucht“ prüfen",
    C.HISTORY_CAP_ASSUMED: "Zahnstaffel: gerechnet ohne frühere Erstattung für Zahnersatz {years:im ersten "
    "Versicherungsjahr|in den Versicherungsjahren 1 bis #} (bisherige ZE-Erstattung 0,00 €) – hat der Versicherer schon "
    "Zahnersatz erstattet, lässt die Zahnstaffel diesem Plan weniger frei; bitte erfragen und als bisherige ZE-Erstattung eintragen",
    C.HISTORY_CAP: "Zahnstaffel, {year}. Versicherungsjahr: bisher erstattet {used} – mehr als der Höchstbetrag bis dahin "
    "({cap}); bitte die bisherige ZE-Erstattung prüfen",
    C.HISTORY_PZR: "PZR {year}: bisher erstattet {used} – mehr als der Höchstbetrag des Jahres ({limit}); bitte „PZR "
    "erstattet“ prüfen",
    C.INPUT_NOTE: "{text}",
    # Steps of a line's explanation
    C.STEP_ABOVE_MAXIMUM: "Höchstsatz {maximum} ohne Begründung durch krankheits- bzw. befundbedingte Erschwernisse "
    "überschritten: Gebühr zum Höchstsatz",
    C.STEP_AMOUNT_ABOVE_MAXIMUM: "Betrag über der Gebühr zum Höchstsatz {maximum} ohne Begründung: Gebühr zum Höchstsatz "
    "(Auslegung „{reading}“)",
    C.STEP_AMOUNT_ABOVE_MAXIMUM_KEPT: "Betrag über der Gebühr zum Höchstsatz {maximum}: angesetzt wie berechnet "
    "(Auslegung „{reading}“)",
    C.STEP_ACCIDENT_NO_CAP: "Unfallfolge: die Zahnstaffel entfällt für diese Leistung (Unfall nachzuweisen)",
    C.STEP_ABOVE_MAXIMUM_JUSTIFIED: "über dem Höchstsatz {maximum}, mit Begründung voll angesetzt – Prüfung durch den "
    "Versicherer",
    C.STEP_ABOVE_MAXIMUM_REASON_CAPPED: "über dem Höchstsatz {maximum} mit Begründung: angesetzt bis zur Gebühr zum "
    "Höchstsatz (Auslegung „{reading}“)",
    C.STEP_ANALOGUE: "Analogleistung: Punktzahl, Abschnitt und Höchstsatz von {schedule} {number}",
    C.STEP_BEFORE_INSURANCE: "Behandlung am {date} vor Versicherungsbeginn {start}",
    C.STEP_BESIDE_PROPHYLAXIS: "neben {beside} ohne Begründung nicht berechnungsfähig",
    C.STEP_CLASS: "{reason}: {cls}",
    C.STEP_CLASS_OF_SERVICE: "Klasse der Leistung {service:on}: {cls}",
    C.STEP_CLASS_X: "nicht erstattungsfähig (Klasse X)",
    C.STEP_DEDUCTIBLE: "Selbstbehalt {year} ({note}): {amount}, noch offen {left}, davon hier angerechnet {taken}",
    C.STEP_FEE_COMPUTED: "Betrag errechnet: {count} × {unit} (Faktor {factor})",
    C.STEP_FEE_COMPUTED_ROUNDED: "Betrag errechnet: {count} × {unit} (Faktor {factor}, Auslegung „{reading}“)",
    C.STEP_LAB_BY_CODE: "{place}; Laborcode {code} ({label}): {cls}",
    C.STEP_LAB_BY_SHARE: "{place}; Laborcode {code}: Klasse mit dem größeren Anteil am Honorar des Plans: {cls}",
    C.STEP_LAB_COMPUTED: "Betrag errechnet: {quantity} × {unit} zzgl. {vat} % MwSt",
    C.STEP_LAB_FROM_OWNERS: "Satz der zugehörigen zahnärztlichen Leistungen ({numbers} {teeth:am selben Zahn|an denselben Zähnen}{jaw: oder am ganzen Kiefer|}): {cls}",
    C.STEP_LAB_NEVER_ELIGIBLE: "Lagerhaltungs- und Regiekosten/Depotführung nicht erstattungsfähig",
    C.STEP_LAB_ORTHODONTICS_OLD: "Laborcode {code} ({label}), Behandlungsbeginn nicht vor dem {age}. Geburtstag "
    "oder unbekannt: {cls}",
    C.STEP_LAB_ORTHODONTICS_YOUNG: "Laborcode {code} ({label}), Behandlungsbeginn vor dem {age}. Geburtstag: {cls}",
    C.STEP_LAB_OWNERS_EXCLUDED: "alle zugehörigen Leistungen sind nicht erstattungsfähig ({numbers} {teeth:am selben Zahn|an denselben Zähnen}{jaw: oder am ganzen Kiefer|}): "
    "{cls}",
    C.STEP_LAB_PRICES: "{reasons:; }",
    C.STEP_AMOUNT_ABOVE_FACTOR: "Gebühr zum angegebenen Faktor {factor}: {fee} (Auslegung „{reading}“)",
    C.STEP_LAB_PRICES_OK: "nach {lab_list}",
    C.STEP_LAB_ABOVE_COMPUTED: "nach {lab_list}: Menge × Einzelpreis zzgl. MwSt ({computed}), nicht der höhere Betrag der Zeile",
    C.STEP_LAB_UNLISTED: "Laborcode {code} nicht in {lab_list} aufgeführt",
    C.STEP_LASER_CAP: "GOZ {number}: 100 % des einfachen Satzes von {service:on}, höchstens {maximum} je Behandlungstag",
    C.STEP_LASER_NO_SERVICE: "Laserzuschlag ohne gelaserte Leistung am {date}: {cls}",
    C.STEP_LASER_OWNER: "Laserzuschlag zu {service:on}: {cls}",
    C.STEP_LASER_WITHOUT_SERVICE: "GOZ {number} ohne gelaserte Leistung am selben Tag",
    C.STEP_MATERIAL_CLASS: "Satz der Leistungen, neben denen die Sachkosten berechnet sind ({numbers}): {cls}",
    C.STEP_MATERIAL_BESIDE: "Sachkosten neben {numbers}: gesondert berechnungsfähig, erstattungsfähig wie berechnet",
    C.STEP_IMPRESSION_MATERIAL: "Abformungsmaterial neben {numbers}: gesondert berechnungsfähig, erstattungsfähig wie berechnet",
    C.STEP_MATERIAL_INCLUDED: "Sachkosten mit den Gebühren abgegolten",
    C.STEP_SHARE_IN_JAW_HALF: "neben {beside} in derselben Kieferhälfte: 1/{divisor} der Gebühr",
    C.STEP_NOT_BESIDE: "neben {beside} nicht berechnungsfähig",
    C.STEP_SERVICE_NOT_BILLABLE: "Zuschlag zu {service}; diese Leistung ist nicht berechnungsfähig",
    C.STEP_WITHOUT_SERVICE: "GOZ {number} ohne eine der Leistungen, zu denen der Zuschlag gehört, am selben Tag",
    C.STEP_MANUAL_CLASS: "Klasse von Hand gesetzt: {cls}",
    C.STEP_NUMBER_CONFIRMED: "Gebührennummer {number} von Hand bestätigt",
    C.STEP_PREPARATORY: "vorbereitende Maßnahme zu {services:, |, |on} (Auslegung „{setting}“): Klasse A",
    C.STEP_PZR_LIMIT: "PZR {cooperating:mit Kooperationszahnarzt |}höchstens {limit} je Kalenderjahr {year}; bereits "
    "erstattet oder verplant {used}",
    C.STEP_RATE: "Erstattungssatz {rate} ({cls:short}{cooperating: mit Kooperationszahnarzt|})",
    C.STEP_RATE_PROPHYLAXIS: "Erstattungssatz {rate} (Prophylaxe, ohne Selbstbehalt)",
    C.STEP_SINGLE_RATE_ONLY: "nur einfacher Satz (Faktor 1,0) berechenbar",
    C.STEP_STAGED_CAP: "Zahnstaffel: {years:im ersten Versicherungsjahr|im ersten und zweiten Versicherungsjahr|in den ersten drei "
    "Versicherungsjahren|in den ersten vier Versicherungsjahren|in den ersten # Versicherungsjahren} insgesamt "
    "höchstens {cap} für Zahnersatz; {left:ausgeschöpft|noch frei #}",
    C.STEP_SURCHARGE_NO_SURGERY: "Zuschlag ohne chirurgische Leistung am {date}: {cls}",
    C.STEP_SURCHARGE_OF_EXCLUDED: "Zuschlag zu {service:on}, die nicht erstattungsfähig ist",
    C.STEP_SURCHARGE_OF_INCLUDED: "Zuschlag zu {service:on}, die wieder erstattungsfähig ist",
    C.STEP_SURCHARGE_MOVED: "{service:on} ist nicht erstattungsfähig: Zuschlag zu {other:on}, der Leistung dieses Tages, "
    "die bleibt",
    C.STEP_SURCHARGE_OWNER: "Zuschlag zur chirurgischen Leistung mit der höchsten Punktzahl an den Zähnen des Zuschlags (ohne "
    "Zahnangabe: des Behandlungstags), hier {service:on}: {cls}",
    C.STEP_UNITS_ALLOWED: "{units} von {count:# Einheit|# Einheiten} berechnungsfähig",
    C.STEP_UNITS_LIMITED: "{rule} – hier {units} von {count:# Einheit|# Einheiten}",
    C.STEP_UNKNOWN_NUMBER: "Gebührennummer {number} nicht im Gebührenverzeichnis",
    # Reasons for a class
    C.REASON_CHECKUP_GENERAL: "allgemeine Leistung (GOZ {number}; Auslegung „{setting}“)",
    C.REASON_CHECKUP_PREVENTION: "{label} (GOZ {number}; Auslegung „{setting}“)",
    C.REASON_LASER: "Laserzuschlag (GOZ {number})",
    C.REASON_ORTHODONTICS_OLD: "{label}, Behandlungsbeginn nicht vor dem {age}. Geburtstag oder unbekannt",
    C.REASON_ORTHODONTICS_YOUNG: "{label}, Behandlungsbeginn vor dem {age}. Geburtstag",
    C.REASON_RANGE: "{label}",
    C.REASON_SPLINT: "{label}; Auslegung „{setting}“",
    # Parts of sentences
    C.PART_DEDUCTIBLE_GROUP: "{variant}, {adult:Erwachsene|Kinder und Jugendliche}",
    C.PART_DEDUCTIBLE_REDUCED: "{variant}, {adult:Erwachsene|Kinder und Jugendliche}: {full}, im ersten Kalenderjahr "
    "um {months}/12 gemindert",
    C.PART_LAB_MAXIMUM: "Höchstbetrag {maximum} je Einheit nach {lab_list} zzgl. {vat} % MwSt",
    C.PART_LAB_PER_JAW: "höchstens {limit}× je Kiefer nach {lab_list}",
    C.PART_LASER_SURCHARGE: "Der Laserzuschlag (GOZ {number})",
    C.PART_GOZ_NUMBER: "GOZ {number}",
    C.PART_ONCE_A_DAY: "{what} ist je Behandlungstag nur einmal berechnungsfähig",
    C.PART_PER_SESSION: "GOZ {number} höchstens {limit:einmal|#-mal} je Sitzung",
    C.PART_PER_SESSION_TOOTH: "GOZ {number} höchstens {limit:einmal|#-mal} je Zahn bzw. Implantat und Sitzung",
    C.PART_PER_SESSION_REGION: "GOZ {number} höchstens {limit:einmal|#-mal} je Kieferhälfte bzw. Frontzahnbereich und Sitzung",
    C.PART_PER_YEAR: "GOZ {number} höchstens {limit:einmal|#-mal} im Kalenderjahr {year}",
    C.PART_LINE_AT: "{line:nr} ({sheet} Zeile {row})",
    C.PART_MISSING_LAB_CODE: "Laborcode ({lab_list}) fehlt",
    C.PART_MISSING_UNIT_PRICE: "Einzelpreis fehlt; netto in EUR angeben, z. B. 62,50",
    C.PART_MISSING_LAB_AMOUNT: "Betrag der Laborzeile fehlt (die Tabelle hat keine Spalte Einzelpreis); den Betrag mit "
    "MwSt angeben, z. B. 66,88, oder eine Spalte Einzelpreis (netto) einfügen",
    C.PART_LINES_OF_DAY: "{line} und {others:eine weitere Zeile|# weitere Zeilen} dieses Tages",
    C.PART_LAB_NO_SERVICE: "keine Leistung {teeth:am selben Zahn|an denselben Zähnen}",
    C.PART_LAB_NO_TOOTH: "ohne Zahnangabe",
    C.PART_SURGERY_SURCHARGE: "Ein Zuschlag nach GOZ {first}–{last}",
    C.PART_POINTS_BETWEEN: "{low:,} bis {high:,}",
    C.PART_POINTS_FROM: "{low:,} und mehr",
    **VALUES,
    **IMPLANTS,
    **REVIEWS,
    **TABLES,
}

CLASS_SHORT = {"A": "Zahnersatz", "B": "Zahnbehandlung", "P": "Prophylaxe", "X": "nicht erstattungsfähig"}
CLASS_LONG = {key: f"{name} (Klasse {key})" for key, name in CLASS_SHORT.items()}  # "Zahnersatz (Klasse A)"
CAUSES = {
    "fee_limits": "Gebührengrenzen",
    "lab_prices": "Laborhöchstpreise",
    "not_eligible": "nicht erstattungsfähig",
    "implant_limit": "Implantatgrenze",
    "pzr_limit": "PZR-Höchstbetrag",
    "rate": "Erstattungssatz",
    "deductible": "Selbstbehalt",
    "staged_cap": "Zahnstaffel",
    "override": "Prüfung",
}
SEVERITIES = {"error": "Fehler", "warning": "Warnung", "info": "Hinweis"}
LETTER_SEVERITIES = {"error": "Bitte klären", "warning": "Zu prüfen", "info": "Hinweis"}  # the letter: words for a patient
JAWS = {"OK": "Oberkiefer", "UK": "Unterkiefer"}
JAWS_SHORT = {"OK": "OK", "UK": "UK"}  # where room is short: the tooth chart's head
VERSION_KINDS = {"tariff_profile": "Tarifprofil", "lab": "Laborpreisliste", "goz": "GOZ", "goae": "GOÄ"}
LINE = {
    "tooth": "Zahn",
    "teeth": "Zähne",
    "on": "an Zahn",
    "on_teeth": "an Zähnen",
    "lab": "Labor",
    "row": "Zeile",
    "lines": "# Zeilen",
    "in": "im",
}
JAW_PLACES = {"OK": "Oberkiefer", "UK": "Unterkiefer", "OK/UK": "Ober- und Unterkiefer"}  # a line on a whole jaw

# Sentences about the limits of a plan and what the patient pays (not findings: they describe the estimate).
SENTENCES = {
    "cap_year": "Zahnstaffel {year}. Versicherungsjahr ({start} – {end}): kumuliert höchstens {cap}; vor diesem Plan "
    "erstattet {before}, dieser Plan bis dahin {plan}, frei {left}{held:? – so viel lässt die Grenze der Versicherungsjahre 1 bis }",
    "cap_source": "Zahnstaffel, bisherige Erstattung übernommen aus {source}",
    "cap_after": "Zahnstaffel: Behandlung ab dem {year}. Versicherungsjahr, keine Höchstbeträge ({section})",
    "cap_no_start": "Zahnstaffel: Versicherungsbeginn nicht angegeben – wie im 1. Versicherungsjahr angesetzt ({section})",
    "deductible": "Selbstbehalt {year} ({note}): {amount}; bisher {before}, dieser Plan {plan}, offen {left}",
    "deductible_none": "Selbstbehalt {year}: keiner ({note})",
    "pzr": "Professionelle Zahnreinigung {year}: höchstens {limit}; bisher {before}, dieser Plan {plan}",
    "implants": "Implantate {jaw}: {present} vorhanden, {planned} geplant, höchstens {limit} je Kiefer; nicht "
    "erstattungsfähig: {excluded}",
    "implants_unlocated": "{count} ohne Lage",
    "implant_sites": "{several:Zähne|Zahn} {sites}",
    "none_excluded": "keine",
    "no_limit": "Keine Grenze des Tarifs betrifft diesen Plan.",
    "reductions": "davon {parts}",
    "total_billed": "Gesamtkosten laut Plan",
    "total_billed_incomplete": "Gesamtkosten ohne fehlende Zeilen",
    "total_benefit": "voraussichtliche Erstattung",
    "total_share": "voraussichtlicher Eigenanteil",
    "total_share_incomplete": "Eigenanteil ohne fehlende Zeilen",
    "no_reduction": "keine Kürzung",
    "scenario_as_planned": "wie geplant",
    "scenario_cooperating": "mit Kooperationszahnarzt",
    "scenario_not_cooperating": "ohne Kooperationszahnarzt",
    "scenario_accident": "als Unfallfolge",
    "scenario_no_accident": "nicht als Unfallfolge",
    "scenario_planner": "Vorschlag der Zahnstaffel-Planung",
    "column_scenario": "Variante",
    "column_eligible": "erstattungsfähig",
    "column_benefit": "Erstattung",
    "column_share": "Eigenanteil",
    "column_difference": "Unterschied",
    "version": "{name} ab {date}",
    "planner": "Zahnstaffel-Planung ({section}):",
    "whatif_missing": "Achtung: {count:# Zeile|# Zeilen} des Plans {count:fehlt|fehlen} in allen Varianten (nicht gelesen oder ohne "
    "Behandlungstag): {rows}",
    "planner_stay": "Nicht verschieben ist am besten: kein Verlegen von Behandlungen in ein späteres Versicherungsjahr "
    "bringt mehr.",
    "planner_no_cap": "Die Zahnstaffel kürzt diesen Plan nicht; ein Verlegen von Behandlungen bringt nichts.",
    "planner_move": "{place}: aus dem {year}. Versicherungsjahr {spread:ab dem|auf den} {date} verlegen{spread:, Abstände wie "
    "geplant|}{later:, auch die Arbeit der Folgejahre daran|}",
    "planner_healing": "; die Arbeit am {date} folgt dann {now} statt {planned} Tage nach dem Implantat – bitte die "
    "Einheilzeit prüfen",
    "planner_with": "mit ihnen die Zeilen ohne Zahnangabe, die dazugehören: {lines}",
    "planner_gain": "Erstattung dann {benefit} statt {base}: {gain} mehr ({why}vorausgesetzt, die Behandlung kann medizinisch "
    "warten)",
    "planner_less": "{cause} {amount} weniger; ",
    "planner_more": "{cause} {amount} mehr; ",
    "planner_cap": "Kürzung durch die Zahnstaffel",
    "planner_deductible": "Selbstbehalt",
}

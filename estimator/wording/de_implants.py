"""The German words of the limit of implants per jaw: the findings, a line's steps and its parts."""

from __future__ import annotations

from estimator.codes import Code

C = Code
IMPLANTS: dict[Code, str] = {
    C.IMPLANT_BOTH_JAWS: "{line}: {units:# Implantat|# Implantate} in beiden Kiefern ohne Lage; Implantate je Kiefer angeben "
    "(eine Zeile je Kiefer oder ein Zahn je Implantat) – bis dahin nicht erstattungsfähig",
    C.IMPLANT_FRACTIONAL_COUNT: "{line}: Anzahl {count} ist keine ganze Zahl von Implantaten; für die Grenze als {units} gezählt",
    C.IMPLANT_LIMIT: "{jaw}: {present} vorhandene und {planned} geplante Implantate; erstattungsfähig sind höchstens "
    "{limit} je Kiefer. Nicht erstattungsfähig: {lost:; }",
    C.IMPLANT_SITES_UNEVEN: "{line}: Anzahl {units} Implantate, aber {sites:# Zahnangabe|# Zahnangaben}; im {jaw} gezählt, die Lage "
    "jedes Implantats ist unbekannt – bitte je Implantat einen Zahn angeben (z. B. 35,36,37)",
    C.IMPLANT_NO_TOOTH: "{line}: {units:# Implantat|# Implantate} ohne Zahnangabe, im {jaw} gezählt (dort ist mehr Platz bis zur "
    "Grenze von {limit} je Kiefer); bitte Zahn oder Kiefer angeben",
    C.IMPLANT_REVIEW_MATERIAL: "{line}: Material ohne Zahnangabe am Tag einer Implantation über der Grenze von {limit} "
    "Implantaten je Kiefer – es kann das des nicht erstattungsfähigen Implantats sein; zur Prüfung durch den Versicherer",
    C.IMPLANT_REVIEW: "{line}: die Leistung umfasst erstattungsfähige und nicht erstattungsfähige Implantate; zur "
    "Prüfung durch den Versicherer",
    C.STEP_IMPLANTS_NO_JAW: "Implantate je Kiefer nicht angegeben",
    C.STEP_IMPLANTS_OVER_LIMIT: "{units:Implantat|# Implantate}{teeth:? an Zahn } über der Grenze von {limit} "
    "Implantaten je Kiefer",
    C.STEP_IMPLANTS_PARTLY_OVER_LIMIT: "{excess} von {units} Implantaten über der Grenze von {limit} Implantaten je Kiefer",
    C.STEP_ON_EXCLUDED_IMPLANT: "auf nicht erstattungsfähigem Implantat (Zahn {teeth}, über {limit} Implantate je Kiefer)",
    C.STEP_PREPARATORY_NOT_LIMITED: "vorbereitende Maßnahme an der Stelle eines Implantats über {limit} je Kiefer (Zahn {teeth}), "
    "weder implantologische Leistung noch Zahnersatz: bleibt erstattungsfähig (Auslegung „{setting}“)",
    C.STEP_PREPARATORY_ON_EXCLUDED_IMPLANT: "vorbereitende Maßnahme an der Stelle eines nicht erstattungsfähigen "
    "Implantats (Zahn {teeth}, über {limit} Implantate je Kiefer; Auslegung „{setting}“)",
    C.PART_IMPLANTS_UNLOCATED: "{count:# Implantat|# Implantate}, Lage unbekannt: der Zahnersatz darauf wird geprüft",
    C.PART_IMPLANT_SITES: "{several:Zähne|Zahn} {sites} und der darauf befestigte Zahnersatz",
}

"""The one place that words what the program says, in German or English, for the app, the PDF, the terminal and
the workbooks: findings, explanation steps, labels, the sentences about limits, the order of severities and the
choice of which steps are reductions. The rules only record codes and values (estimator.phrases)."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from estimator import figures
from estimator.auslegung import SettingNames
from estimator.cells import short_text
from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Severity
from estimator.model import Estimate, Explanation, Finding, LeftOutLine, VersionUsed
from estimator.phrases import REVIEW, Jaw, LineRef, Money, Phrase, Rule
from estimator.wording import de
from estimator.wording.phrasing import LANGUAGES as LANGUAGES
from estimator.wording.phrasing import formatted, known_language
from estimator.wording.phrasing import text as text
from estimator.wording.phrasing import value_text as value_text

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)  # how findings are listed: errors first


def template_fields(template: str) -> frozenset[str]:
    """The names of the values a template says."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def fields_of(code: Code) -> frozenset[str]:
    """The values a phrase of this code names (the same in every language)."""
    return template_fields(de.TEMPLATES[code])


def finding_text(finding: Finding, language: str = "de") -> str:
    return text(finding.phrase, language)


def rule_text(rule: Rule, language: str = "de") -> str:
    """A step's section as the tariff names it (the same in both languages), or "by hand" and "review"."""
    return value_text(rule, "", language)


def step_text(step: Explanation, language: str = "de") -> str:
    return text(step.phrase, language)


def left_out_text(left: LeftOutLine, language: str = "de") -> str:
    """A row the import left out, named by what it holds (a patient cannot tell a service by its row number):
    „Leistungen Zeile 17 (GOZ, Nummer und Text der Leistung, Zahn)“."""
    words = LANGUAGES[known_language(language)].LINE
    kind = words["lab"] if left.kind == "lab" else left.cell("GO")
    service = " ".join(part for part in (kind, left.cell("Nr"), short_text(left.cell("Leistung"), 40)) if part)
    tooth = left.cell("Zahn")
    held = ", ".join(part for part in (service, f"{words['tooth']} {tooth}" if tooth else "") if part)
    return f"{left.sheet} {words['row']} {left.row}" + (f" ({held})" if held else "")


def class_label(line_class: LineClass, language: str = "de", *, short: bool = True) -> str:
    words = LANGUAGES[language]
    return str((words.CLASS_SHORT if short else words.CLASS_LONG)[line_class.value])


def cause_label(cause: Cause, language: str = "de", *, section: str = "") -> str:
    """ "Selbstbehalt", with the section of the tariff that sets it: „Selbstbehalt (…)“."""
    label = str(LANGUAGES[language].CAUSES[cause.value])
    return f"{label} ({section})" if section else label


def jaw_short(code: str, language: str = "de") -> str:
    """A jaw where room is short: OK / UK, upper / lower."""
    return str(LANGUAGES[language].JAWS_SHORT.get(code, code))


def jaw_name(code: str, language: str = "de") -> str:
    """A jaw in full: Oberkiefer / Unterkiefer, upper jaw / lower jaw."""
    return str(LANGUAGES[language].JAWS.get(code, code))


def severity_label(severity: Severity, language: str = "de", *, letter: bool = False) -> str:
    """Fehler, Warnung, Hinweis; in the letter to the patient what it asks of him: Bitte klären, Zu prüfen, Hinweis."""
    words = LANGUAGES[language]
    return str((words.LETTER_SEVERITIES if letter else words.SEVERITIES)[severity.value])


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then notes; within a severity in the order they were found."""
    rank = {severity: index for index, severity in enumerate(SEVERITY_ORDER)}
    return sorted(findings, key=lambda f: rank[f.severity])


def grouped(findings: Iterable[Finding]) -> list[Finding]:
    """Findings that say the same about several lines of one number (a lab price the same amount above the lab list on
    four teeth) as one that names the teeth and how many lines, where the first of them stood: for the letter,
    which the patient reads. The window, the workbook and the JSON keep one finding per line with its cell."""
    groups: dict[object, list[Finding]] = {}
    for index, finding in enumerate(findings):
        groups.setdefault(_same_saying(finding, index), []).append(finding)
    return [
        members[0] if len(members) == 1 or "line" not in dict(members[0].phrase.params) else _one_for(members)
        for members in groups.values()
    ]


SAID_ONCE = frozenset(  # findings about a price, a rate, a factor or a number, true of each line alike: said once for all
    {
        Code.LAB_OVER_MAXIMUM,
        Code.LAB_VAT_UNUSUAL,
        Code.LAB_UNLISTED,
        Code.LAB_NEVER_ELIGIBLE,
        Code.FEE_ABOVE_THRESHOLD,
        Code.FEE_ABOVE_MAXIMUM,
        Code.FEE_ABOVE_MAXIMUM_JUSTIFIED,
        Code.FEE_SINGLE_RATE_ONLY,
        Code.FEE_BELOW_SINGLE_RATE,
        Code.FEE_ANALOGUE,
        Code.FEE_UNKNOWN_NUMBER,
        Code.FEE_NO_TOOTH,
    }
)  # not those that count a line's units or amounts: „1 Einheit nicht erstattungsfähig“ is per line


def _same_saying(finding: Finding, index: int) -> object:
    """What findings that may be said once share: everything but the teeth of the line they name."""
    phrase = finding.phrase
    line = phrase.get("line")
    if line is None and finding.row is not None:  # the same words of several rows (a day before the start): once
        alike = (finding.severity, finding.section, phrase)
        try:
            hash(alike)
        except TypeError:
            return index
        return alike
    if phrase.code not in SAID_ONCE or not isinstance(line, LineRef):
        return index
    others = tuple(item for item in phrase.params if item[0] != "line")
    key = (finding.severity, finding.section, phrase.code, line.schedule, line.number, bool(line.teeth), others)
    try:
        hash(key)
    except TypeError:  # a value that cannot be compared so: said alone
        return index
    return key


def _one_for(members: list[Finding]) -> Finding:
    first = members[0]
    refs = [ref for member in members if isinstance(ref := member.phrase.get("line"), LineRef)]
    teeth = ", ".join(dict.fromkeys(ref.teeth for ref in refs))
    merged = LineRef(refs[0].schedule, refs[0].number, teeth, lines=len(members))
    params = tuple((name, merged if name == "line" else value) for name, value in first.phrase.params)
    return replace(first, phrase=Phrase(first.phrase.code, params))


def is_reduction(step: Explanation) -> bool:
    """Whether a step took money from the line for a reason worth naming: every lowering but the rate's, which every
    line has (the letter and the terminal list these as a line's reasons)."""
    lowered = step.before is not None and step.after is not None and step.after < step.before
    return lowered and step.phrase.code not in (Code.STEP_RATE, Code.STEP_RATE_PROPHYLAXIS)


def is_reason(step: Explanation) -> bool:
    """Whether a step is one of a line's reasons as the letter and the terminal list them: a lowering (is_reduction),
    a reviewer's decision, which may also raise the amount or change the class, and a step that gives back what a
    lowering took (a surgery surcharge on an implant over the limit whose service stays eligible): without it the line
    would show the lowering as its reason beside an amount paid in full."""
    raised = step.before is not None and step.after is not None and step.after > step.before
    return step.rule == REVIEW or is_reduction(step) or raised


def sentence(key: str, language: str = "de", **values: Any) -> str:
    language = known_language(language)
    return formatted(LANGUAGES[language].SENTENCES[key], values, language)


def limit_sentences(estimate: Estimate, language: str = "de") -> list[str]:
    """One sentence per limit the tariff applied to this plan: staged caps, deductible, PZR, implants."""
    limits, sentences = estimate.limits, []
    days = [r.date for r in estimate.lines]
    first_day, last_day = min(days, default=None), max(days, default=None)
    # the insurance years the plan's treatment falls in (a year after its last day is not applied to it)
    relevant = [
        y for y in limits.staged_cap if first_day is None or last_day is None or (y.start <= last_day and y.end >= first_day)
    ]
    for y in relevant:
        sentences.append(
            sentence(
                "cap_year",
                language,
                year=y.year,
                start=y.start,
                end=y.end,
                cap=Money(y.cumulative_cap),
                before=Money(y.before_plan),
                plan=Money(y.plan_so_far),
                left=Money(y.left),
                held=str(y.held_by[0]) if y.held_by else "",
            )
        )
    if relevant and estimate.plan.person.prior_source:
        sentences.append(sentence("cap_source", language, source=source_text(estimate.plan.person.prior_source, language)))
    if limits.staged_cap and not relevant and first_day is not None and first_day > limits.staged_cap[-1].end:
        sentences.append(sentence("cap_after", language, year=len(limits.staged_cap) + 1, section=limits.cap_section))
    no_start = estimate.plan.person.insurance_start is None and not estimate.plan.person.accident
    if no_start and any(r.line_class is LineClass.A and not r.accident for r in estimate.lines):  # held as in year 1
        sentences.append(sentence("cap_no_start", language, section=limits.cap_section))
    for d in limits.deductible:
        note = d.note()
        if d.amount:
            money = {"amount": d.amount, "before": d.used_before, "plan": d.used_by_plan, "left": d.left}
            sentences.append(sentence("deductible", language, year=d.year, note=note, **{k: Money(v) for k, v in money.items()}))
        else:
            sentences.append(sentence("deductible_none", language, year=d.year, note=note))
    for p in limits.pzr:
        money = {"limit": p.limit, "before": p.used_before, "plan": p.used_by_plan}
        sentences.append(sentence("pzr", language, year=p.year, **{k: Money(v) for k, v in money.items()}))
    for j in limits.implants:
        if j.present or j.planned:
            unlocated = [sentence("implants_unlocated", language, count=j.excluded_unlocated)] if j.excluded_unlocated else []
            sites = ", ".join(map(str, j.excluded_sites))
            located = [sentence("implant_sites", language, several=len(j.excluded_sites) > 1, sites=sites)] if sites else []
            excluded = ", ".join([*located, *unlocated]) or sentence("none_excluded", language)
            values = {"present": j.present, "planned": j.planned, "limit": j.limit}
            sentences.append(sentence("implants", language, jaw=Jaw(j.jaw), excluded=excluded, **values))
    return sentences or [sentence("no_limit", language)]


def versions_text(versions: Iterable[VersionUsed], language: str = "de") -> str:
    """ "Tarifprofil <Version> ab 01.01.2026, Laborpreisliste …": which versions an estimate used."""
    kinds = LANGUAGES[known_language(language)].VERSION_KINDS
    return ", ".join(
        sentence("version", language, name=_version_name(kinds.get(v.kind, v.kind), v.version), date=v.valid_from)
        for v in versions
    )


def _version_name(kind: str, version: str) -> str:
    """The kind and the version ("Tarifprofil" and its version), the kind once where the version begins with it
    and a hyphen (the schedule's version "<kind>-<year>" is said "<kind> <year>")."""
    return version.replace(f"{kind}-", f"{kind} ", 1) if version.startswith(f"{kind}-") else f"{kind} {version}"


def setting_text(names: SettingNames, name: str, value: object, language: str = "de") -> str:
    """ "Versicherungsjahr: Kalenderjahre": an Auslegung setting as the letter names it."""
    setting, chosen = names.describe(name, value)
    return f"{value_text(setting, '', language)}: {value_text(chosen, '', language)}"


def total_labels(incomplete: bool, language: str = "de") -> tuple[str, str, str, str]:
    """The names of the four totals (billed, eligible, benefit, own share) as letter, terminal and workbook give
    them; with rows missing from every figure the first and the last say so."""
    billed, share = ("total_billed_incomplete", "total_share_incomplete") if incomplete else ("total_billed", "total_share")
    return (
        sentence(billed, language),
        sentence("column_eligible", language),
        sentence("total_benefit", language),
        sentence(share, language),
    )


def reductions_that_apply(reductions: Mapping[Cause, Decimal]) -> list[tuple[Cause, Decimal]]:
    """The causes of the patient's share that are not zero, in the order the rules apply (spec 7, step 9)."""
    return [(cause, reductions[cause]) for cause in Cause if reductions.get(cause)]


def reductions_sentence(reductions: Mapping[Cause, Decimal], language: str = "de") -> str:
    """ "davon Erstattungssatz 80,74 €, Selbstbehalt 400,00 €": what the patient pays, by cause, in words."""
    parts = [
        f"{cause_label(cause, language)} {figures.money(amount, language)}" for cause, amount in reductions_that_apply(reductions)
    ]
    return sentence("reductions", language, parts=", ".join(parts)) if parts else sentence("no_reduction", language)


# The case register's words in a source of earlier benefits (estimator.register.history), stored in German in the
# case file, and what the window adds after amounts typed by hand (ui.person): said in English by these.
_SOURCE_WORDS = (
    (re.compile(r"^dem Fallregister: "), "the case register: "),
    (re.compile(r"Plan vom (\d\d)\.(\d\d)\.(\d{4}) \("), r"plan of \3-\2-\1 ("),
    (re.compile(r"\(erstattet (\d{1,3}(?:\.\d{3})*),(\d\d)\s€\)"), r"(reimbursed €\1.\2)"),
    (re.compile(r"\(abgelehnt, 0,00\s€\)"), "(refused, €0.00)"),
    (re.compile(r"\(eingereicht, geschätzt\)"), "(submitted, estimated)"),
    (re.compile(r"\(erstattet, geschätzt\)"), "(reimbursed, estimated)"),
    (re.compile(r" und einem älteren Plan"), " and one older plan"),
    (re.compile(r" und (\d+) älteren Plänen"), r" and \1 older plans"),
    (re.compile(r" – danach von Hand geändert$"), " – then changed by hand"),
)


def source_text(source: str, language: str = "de") -> str:
    """Where earlier benefits come from, in the language asked: the register's own words translated, thousands
    separators of a reimbursed amount as English writes them; a source typed by the user stays as typed."""
    if known_language(language) == "de" or not source.startswith("dem Fallregister: "):
        return source
    for pattern, replacement in _SOURCE_WORDS:
        source = pattern.sub(replacement, source)
    return re.sub(r"€(\d{1,3}(?:\.\d{3})+)\.(\d\d)\)", lambda m: f"€{m[1].replace('.', ',')}.{m[2]})", source)

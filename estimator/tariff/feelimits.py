"""What the GOZ's own text limits, as the tariff profile lists it (table fee_limits): the tariff pays fees as far as
they follow the schedule's rules of measurement (Nr. II.3.1), so a fee the GOZ does not allow is not eligible."""

from __future__ import annotations

import re
from dataclasses import dataclass

from estimator.tariff.checked import ProfileError, Ranges, Table

WORD_OF_TWO = re.compile(r"[^\W\d_]{2}")  # two letters in a row


@dataclass(frozen=True)
class FeeLimits:
    once_a_day: frozenset[str]  # billable once per treatment day (besides the surcharges and the laser surcharge)
    per_year: dict[str, int]  # units per calendar year (besides individual prophylaxis)
    per_session: dict[str, int]  # units per treatment day
    per_session_tooth: dict[str, int]  # units per tooth (an implant) and treatment day
    per_session_region: dict[str, int]  # units per jaw half's side teeth or jaw's front teeth and treatment day
    with_service: dict[str, frozenset[str]]  # a surcharge -> the services one of which it needs on its day
    not_beside: dict[str, frozenset[str]]  # not billable beside these on the same day and tooth
    not_beside_goae: dict[str, frozenset[str]]  # not billable beside these GOÄ numbers on the same day
    not_beside_on_day: dict[str, frozenset[str]]  # not billable beside these GOZ numbers on the same day, any tooth
    asked_beside_on_day: dict[str, frozenset[str]]  # … where the GOZ leaves which one the insurer pays: asked, not cut
    divided_beside: dict[str, dict[str, int]]  # beside these in the same jaw half a day: the fee divided by so much
    either_or: tuple[frozenset[str], ...]  # pairs of which only one is billable beside the other in a jaw half a day
    once_per_tooth: frozenset[str]  # each billable once per tooth in a plan
    asked_again_per_tooth: frozenset[str]  # a tooth's crown or anchor: another of them in the plan is asked about
    materials_with: Ranges  # beside these, material is billed apart from the fee (Sachkosten)
    material_words: tuple[str, ...]  # a material line's text holds one (lower case)
    impression_words: tuple[str, ...]  # … and impression material's one of these, billed beside any GOZ service
    agreement_words: frozenset[str]  # the words a reason naming only a fee agreement consists of (lower case)

    def names_difficulty(self, reason: str) -> bool:
        """Whether a line's reason can be one of difficulty: a word of it is none of a fee agreement's
        („Vereinbarung gemäß § 2 Abs. 1 und 2 GOZ mit dem Patienten“, „Patientenwunsch“ say none) – in the customer's
        favour, any other word of two letters or more counts („MIH“)."""
        words = re.findall(r"[^\W\d_]+", reason.lower())
        return any(len(word) > 1 and word not in self.agreement_words for word in words)  # „u.“, „i.“: no word

    def problems(self, once_already: frozenset[str]) -> list[str]:
        """What would switch a rule off unseen; once_already: the numbers counted once a day anyway."""
        found = []
        sessions = (self.per_session, self.per_session_tooth, self.per_session_region)
        numbers = {*self.once_a_day, *self.per_year, *self.once_per_tooth, *self.asked_again_per_tooth}
        numbers |= {n for limits in sessions for n in limits}
        for mapping in (self.with_service, self.not_beside, self.not_beside_on_day, self.asked_beside_on_day):
            numbers |= {*mapping, *(n for listed in mapping.values() for n in listed)}
        if any(not (len(number) == 4 and number.isdigit()) for number in numbers):  # "110" matches no line
            found.append("fee_limits nennt GOZ-Nummern vierstellig („0110“)")
        listed = (self.with_service, self.not_beside, self.not_beside_on_day, self.asked_beside_on_day)
        if not all(numbers for mapping in listed for numbers in mapping.values()):
            found.append(
                "fee_limits.with_service, not_beside, not_beside_on_day und asked_beside_on_day nennen je Nummer mindestens eine andere"
            )
        if self.once_a_day & once_already:
            found.append("fee_limits.once_a_day: die Zuschläge und der Laserzuschlag zählen schon je Behandlungstag")
        counted = [{*self.once_a_day, *once_already}, set(self.per_year), *(set(limits) for limits in sessions)]
        if sum(len(numbers) for numbers in counted) != len(set().union(*counted)):
            found.append("fee_limits: eine Nummer hat höchstens eine Grenze ihrer Anzahl je Tag, Sitzung oder Jahr")
        return found


def fee_limits(table: Table) -> FeeLimits:
    services, beside, beside_goae = table.table("with_service"), table.table("not_beside"), table.table("not_beside_goae")
    divided, on_day, asked = table.table("divided_beside"), table.table("not_beside_on_day"), table.table("asked_beside_on_day")
    limits = FeeLimits(
        once_a_day=frozenset(table.strings("once_a_day")),
        per_year=table.whole_map("per_year", 0, 366),
        per_session=table.whole_map("per_session", 1, 99),
        per_session_tooth=table.whole_map("per_session_tooth", 1, 99),
        per_session_region=table.whole_map("per_session_region", 1, 99),
        with_service={str(number): frozenset(services.strings(str(number))) for number in services.data},
        not_beside={str(number): frozenset(beside.strings(str(number))) for number in beside.data},
        not_beside_goae={str(number): frozenset(beside_goae.strings(str(number))) for number in beside_goae.data},
        not_beside_on_day={str(number): frozenset(on_day.strings(str(number))) for number in on_day.data},
        asked_beside_on_day={str(number): frozenset(asked.strings(str(number))) for number in asked.data},
        divided_beside={str(number): divided.whole_map(str(number), 2, 10) for number in divided.data},
        either_or=tuple(frozenset(pair) for pair in _pairs(table)),
        once_per_tooth=frozenset(table.strings("once_per_tooth")),
        asked_again_per_tooth=frozenset(table.strings("asked_again_per_tooth")),
        materials_with=Ranges(table.codes("materials_with")),
        material_words=tuple(word.lower() for word in table.strings("material_words")),
        impression_words=tuple(word.lower() for word in table.strings("impression_words")),
        agreement_words=frozenset(word.lower() for word in table.strings("agreement_words")),
    )
    for done in (services, beside, beside_goae, divided, on_day, asked, table):
        done.done()
    return limits


def _pairs(table: Table) -> list[list[str]]:
    """either_or: a list of pairs of two different numbers."""
    pairs = table.get("either_or")
    if not isinstance(pairs, list) or not all(
        isinstance(pair, list) and len(set(pair)) == 2 and all(isinstance(n, str) for n in pair) for pair in pairs
    ):
        raise ProfileError(f"{table.where}.either_or: Liste von Paaren zweier Nummern erwartet, {pairs!r} gefunden")
    return pairs


def is_reason(text: str) -> bool:
    """Whether a Begründung is written at all: a word of two letters or more („-“, „x“, „.“ are placeholders)."""
    return WORD_OF_TWO.search(text) is not None

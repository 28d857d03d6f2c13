"""The case register: saved cases, the staged-cap history from them, status and amount paid, rebuild, and a
register file that is damaged, foreign, newer, or whose writer is killed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import sqlite3
import stat
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from estimator.case import DRAFT, SUBMITTED, Case
from estimator.io.casefile import load_case, save_case
from estimator.model import Estimate, Plan
from estimator.register import MAX_NUMBER, RegisterError
from estimator.register.cases import history_for, rebuild, record_case, update_case
from estimator.register.persons import Match, names_match
from estimator.register.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Register
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import limit_sentences, source_text
from tests.conftest import ROOT
from tests.estimator.builders import fee, plan

D = Decimal
START = dt.date(2026, 1, 1)  # insurance years 1 and 2: 2026 and 2027, caps 1.000 and 2.000 € cumulated
WHO = {"name": "Erika Mustermann", "insurance_number": "A 123 456 789", "insurance_start": START}


def crown(tooth: str, day: dt.date, amount: str = "1000.00") -> object:
    return fee("2210", tooth, date=day, amount=amount)


FIRST = (crown("16", dt.date(2026, 3, 10)),)
SECOND = (crown("26", dt.date(2026, 4, 20)), crown("36", dt.date(2027, 2, 1), "2000.00"))


def result_of(case: Case) -> Estimate:
    return estimate(case.plan(), load_tariffs(), dict(case.settings))


def saved(register: Register, folder: Path, name: str, the_plan: Plan, status: str = SUBMITTED) -> tuple[Case, Path]:
    """A case saved and entered, sent to the insurer (a draft is not history)."""
    case = dataclasses.replace(Case.from_plan(the_plan), status=status)
    path = folder / f"{name}.hkp.json"
    save_case(case, path)
    record_case(register, case, result_of(case), path)
    return case, path


@pytest.fixture
def register(tmp_path: Path) -> Register:
    with Register(tmp_path / "register" / "faelle.sqlite") as opened:
        yield opened


def test_the_second_plan_is_offered_the_first_ones_class_a_benefit_and_then_equals_both_in_one_plan(
    register: Register, tmp_path: Path
) -> None:
    first, _ = saved(register, tmp_path, "erster", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    assert result_of(first).totals.benefit == D("800.00")
    # the second plan a month later, for the same person written another way: the insurance number matches
    second = Case.from_plan(plan(*SECOND, plan_date=dt.date(2026, 4, 1), **{**WHO, "name": "", "insurance_number": "a123456789"}))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts == (D("800.00"), D("0.00"), D("0.00"), D("0.00"))
    assert found.summary().replace("\xa0", " ") == (
        "aus einem früheren Plan: Jahr 1 800,00 €, Jahr 2 0,00 €, Jahr 3 0,00 €, Jahr 4 0,00 €"
    )
    person = found.person_with(second.person)
    assert person.name == "Erika Mustermann"  # what the person lacked, from the earlier case
    with_history = result_of(dataclasses.replace(second, person=person))
    alone = result_of(second)
    both = estimate(plan(*FIRST, *SECOND, plan_date=dt.date(2026, 3, 1), **WHO), load_tariffs())
    assert [r.benefit for r in with_history.lines] == [r.benefit for r in both.lines[1:]] == [D("200.00"), D("1000.00")]
    assert with_history.totals.benefit + D("800.00") == both.totals.benefit
    assert alone.totals.benefit > with_history.totals.benefit
    assert any("Fallregister: Plan vom 01.03.2026 (eingereicht, geschätzt)" in s for s in limit_sentences(with_history))


def test_the_second_plan_in_the_same_year_is_offered_the_deductible_and_pzr_the_first_one_used(
    register: Register, tmp_path: Path
) -> None:
    who = {**WHO, "variant": "BM5/2"}  # 800 € deductible per calendar year, PZR at most 100 € per calendar year
    pzr = {"date": dt.date(2026, 3, 10), "amount": "80.00"}
    saved(register, tmp_path, "erster", plan(*FIRST, fee("1040", **pzr), plan_date=dt.date(2026, 3, 1), **who))
    later = {"date": dt.date(2026, 4, 20), "amount": "80.00"}
    second = Case.from_plan(plan(SECOND[0], fee("1040", **later), plan_date=dt.date(2026, 4, 1), **who))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and (found.deductible_used, found.pzr_reimbursed) == (D("800.00"), D("80.00"))
    assert found.summary().replace("\xa0", " ").endswith("; 2026: Selbstbehalt 800,00 €, PZR 80,00 €")
    with_history = result_of(dataclasses.replace(second, person=found.person_with(second.person)))
    both = estimate(
        plan(*FIRST, fee("1040", **pzr), SECOND[0], fee("1040", **later), plan_date=dt.date(2026, 3, 1), **who), load_tariffs()
    )
    assert [r.benefit for r in with_history.lines] == [r.benefit for r in both.lines[2:]] == [D("800.00"), D("20.00")]
    assert [r.benefit for r in result_of(second).lines] == [D("0.00"), D("80.00")]  # without: the deductible again


def test_drafts_are_not_history_and_a_refused_case_took_no_deductible(register: Register, tmp_path: Path) -> None:
    who = {**WHO, "variant": "BM5/2"}
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **who))
    for name in ("entwurf", "entwurf-2"):  # alternatives of one treatment, saved while planning
        saved(register, tmp_path, name, plan(*FIRST, plan_date=dt.date(2026, 3, 1), **who), status=DRAFT)
    drafts = history_for(register, second, result_of(second), None)
    assert drafts is not None and drafts.counted == () and drafts.person_with(second.person) == second.person
    assert drafts.summary() == (
        "nicht gezählt für diese Person: 2 Entwürfe (ein Plan zählt, sobald er eingereicht ist) – Datei → Fälle …"
    )
    _, path = saved(register, tmp_path, "erster", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **who))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("0.00") and found.deductible_used == D("800.00")
    assert found.summary().endswith("(2 Entwürfe nicht gezählt)")
    update_case(register, register.by_path(path).number, "abgelehnt")  # type: ignore[union-attr]
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.deductible_used == D("0.00")


def test_the_same_name_and_birth_date_find_a_person_without_insurance_number(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "erster", plan(*FIRST, **{**WHO, "insurance_number": ""}))
    second = Case.from_plan(plan(*SECOND, **{**WHO, "insurance_number": "", "name": "  erika   MUSTERMANN "}))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("800.00")
    other_birthday = Case.from_plan(plan(*SECOND, **{**WHO, "insurance_number": "", "birth_date": dt.date(1980, 1, 1)}))
    assert history_for(register, other_birthday, result_of(other_birthday), None) is None


def test_a_plan_of_another_birth_date_under_the_same_insurance_number_is_not_counted_and_said(
    register: Register, tmp_path: Path
) -> None:
    """A family's contract or a template's sample number: a case of another birth date is another person's, whose
    benefits take nothing of this one's staged caps or deductible."""
    saved(register, tmp_path, "kind", plan(*FIRST, **{**WHO, "name": "Max Mustermann", "birth_date": dt.date(2015, 5, 1)}))
    second = Case.from_plan(plan(*SECOND, **{**WHO, "birth_date": dt.date(1980, 2, 3)}))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and not found.counted and found.amounts == ()
    assert found.summary() == (
        "nicht gezählt für diese Person: 1 Plan einer anderen Person mit dieser Versicherungsnummer – Datei → Fälle … – "
        "Hinweis: sind die nicht gezählten Pläne doch die dieser Person, bitte Vorname und Geburtsdatum wie im Fallregister "
        "eintragen"
    )
    assert found.person_with(second.person) == second.person  # nothing of the other person's taken


NAMED = {  # a plan without birth date, the register's one case of the number „Erika Mustermann“: counted, said
    "E. Mustermann": (True, False),
    "Dr Erika Mustermann": (True, False),
    "Mustermann, Erika": (True, False),
    "Mustermann Erika": (True, False),  # last name first, without a comma
    "Mustermann": (True, False),  # a last name alone tells nothing
    "": (True, False),
    # a name agreeing in part – married, a double name, a typo: maybe Erika; not counted until a birth date says so
    "Erika Schmidt": (False, True),
    "Erika Müller-Mustermann": (False, True),
    "Erika Mustermnn": (False, True),
    "Anna Mustermann": (False, False),  # her daughter: another first name
}


@pytest.mark.parametrize("name", NAMED)
def test_the_one_person_of_an_insurance_number_is_this_plans_unless_its_first_name_differs(
    register: Register, tmp_path: Path, name: str
) -> None:
    saved(register, tmp_path, "erster", plan(*FIRST, **{**WHO, "birth_date": dt.date(1980, 2, 3)}))
    second = Case.from_plan(plan(*SECOND, **{**WHO, "name": name, "birth_date": None}))
    found = history_for(register, second, result_of(second), None)
    counted, partly = NAMED[name]
    assert found is not None and (found.amounts[:1] == (D("800.00"),)) == counted
    said = "im Fallregister ist ein Plan dieser Versicherungsnummer auf „Erika Mustermann“: ist es dieselbe Person"
    assert (said in found.summary()) == partly
    assert bool(found.others) == (not counted and not partly)


MOTHER_AND_CHILD = (("Erika Mustermann", "1980-02-03"), ("Max Mustermann", "2015-05-01"))


@pytest.mark.parametrize(
    "example",
    [
        # a mother and her child: a plan without name or with the last name alone does not say which; a first name or
        # a birth date does
        (MOTHER_AND_CHILD, "", None, None),
        (MOTHER_AND_CHILD, "Mustermann", None, None),
        (MOTHER_AND_CHILD, "Erika Mustermann", None, ("Erika Mustermann",)),
        (MOTHER_AND_CHILD, "", "1980-02-03", ("Erika Mustermann",)),
        ((("Erika Mustermann", "1980-02-03"), ("Emil Mustermann", "2010-01-01")), "E. Mustermann", None, None),
        # a case without birth date that may be Emil's is not Erika's for sure
        (
            (("Erika Mustermann", "1980-02-03"), ("Emil Mustermann", "2010-01-01"), ("E. Mustermann", "")),
            "E. Mustermann",
            "1980-02-03",
            ("Erika Mustermann",),
        ),
        # a father and his son of one name: the birth date says which; "jun." and "sen." are two
        ((("Hans Müller", "1960-01-01"), ("Hans Müller", "1990-01-01")), "Hans Müller", None, None),
        (
            (("Hans Müller", "1960-01-01"), ("Hans Müller", "1990-01-01"), ("Hans Müller", "")),
            "Hans Müller",
            "1990-01-01",
            ("Hans Müller",),
        ),
        ((("Max Mustermann sen.", "1960-01-01"),), "Max Mustermann jun.", None, ()),
        # twins: one birth date, the first name says which – and none without it
        ((("Max Müller", "2012-05-05"), ("Moritz Müller", "2012-05-05")), "Moritz Müller", "2012-05-05", ("Moritz Müller",)),
        (  # a twin's case by initial: maybe Moritz's
            (("Max Müller", "2012-05-05"), ("Moritz Müller", "2012-05-05"), ("M. Müller", "2012-05-05")),
            "Max Müller",
            "2012-05-05",
            ("Max Müller",),
        ),
        ((("Mustermann Max", ""), ("Mustermann Erika", "")), "", None, None),  # partly alike, no birth date: two?
        ((("Anna Schmidt", "2012-05-05"), ("Ben Schmidt", "2012-05-05")), "", "2012-05-05", None),
    ],
)
def test_the_cases_of_a_number_several_persons_have_count_only_for_the_one_this_plan_names(
    register: Register, tmp_path: Path, example: tuple[tuple[tuple[str, str], ...], str, str | None, tuple[str, ...] | None]
) -> None:
    people, name, birth_date, counted = example
    for k, (who, born) in enumerate(people):
        birth = dt.date.fromisoformat(born) if born else None
        saved(
            register,
            tmp_path,
            f"fall{k}",
            plan(crown(str(11 + k), dt.date(2026, 2, 1 + k)), **{**WHO, "name": who, "birth_date": birth}),
        )
    birth = dt.date.fromisoformat(birth_date) if birth_date else None
    case = Case.from_plan(plan(*SECOND, **{**WHO, "name": name, "birth_date": birth}))
    found = history_for(register, case, result_of(case), None)
    assert found is not None
    if counted is None:  # who of them? nothing counted, nothing of theirs filled in, said
        assert not found.counted and found.undecided and found.person_with(case.person) == case.person
        assert "unter dieser Versicherungsnummer ohne eindeutige Person" in found.summary()
        assert (
            "bitte den vollständigen Namen eintragen" if birth else "sagt erst ihr Geburtsdatum: bitte eintragen"
        ) in found.summary()
    else:
        assert [entry.name for entry in found.counted] == list(counted)


@pytest.mark.parametrize(
    ("people", "name"),
    [
        ((("Mustermann Max", "2015-05-01"),), "Mustermann Erika"),  # the order of the words unknown: a son?
        ((("Max Mustermann", "1950-01-01"),), "Max Mustermann jun."),  # the father without "sen."
        ((("Hans Mustermann", "1965-01-01"),), "Hans-Peter Mustermann"),  # a first name more
    ],
)
def test_a_name_agreeing_in_part_counts_only_when_a_birth_date_proves_it_and_fills_nothing_in(
    register: Register, tmp_path: Path, people: tuple[tuple[str, str], ...], name: str
) -> None:
    for k, (who, born) in enumerate(people):
        saved(register, tmp_path, f"fall{k}", plan(*FIRST, **{**WHO, "name": who, "birth_date": dt.date.fromisoformat(born)}))
    case = Case.from_plan(plan(*SECOND, **{**WHO, "name": name, "birth_date": None}))
    found = history_for(register, case, result_of(case), None)
    assert found is not None and not found.counted and found.person_with(case.person) == case.person
    assert f"im Fallregister ist ein Plan dieser Versicherungsnummer auf „{people[0][0]}“: ist es dieselbe Person" in (
        found.summary()
    )
    born = dt.date.fromisoformat(people[0][1])
    proven = Case.from_plan(plan(*SECOND, **{**WHO, "name": name, "birth_date": born}))  # the same birth date: counted
    assert len(history_for(register, proven, result_of(proven), None).counted) == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("one", "other", "match"),
    [
        ("Otto von Bismarck", "Bismarck, Otto", Match.SAME),
        ("José García", "Jose Garcia", Match.SAME),
        ("Erika Müller-Lüdenscheidt", "Erika Müller Lüdenscheidt", Match.SAME),
        ("Hans-Peter Müller", "Hans Müller", Match.PARTLY),  # a first name more: maybe the son
        ("Mustermann Max", "Mustermann Erika", Match.PARTLY),  # two first names or two last names?
        ("Dr. med. Erika Mustermann", "Frau Erika Mustermann", Match.SAME),
        ("Christiane Mustermann", "Christine Mustermann", Match.OTHER),  # first names one letter apart: two
        ("Julia Schmidt", "Julian Schmidt", Match.OTHER),
        ("Mustermann Erika", "Erika Mustermann", Match.SAME),  # the same words in another order
        ("Chr. Mustermann", "Christian Mustermann", Match.SAME),
        ("Max Mustermann sen.", "Max Mustermann jun.", Match.OTHER),
        ("Mustermann, Max jun.", "Max Mustermann jun.", Match.SAME),
        ("Max Mustermann jun.", "Max Mustermann", Match.PARTLY),  # "jun." on one side: maybe the father
        ("Anh Le", "Minh Le", Match.OTHER),  # a particle that is the whole last name stays
        ("Erika Mustermann", "Erika Schmidt", Match.PARTLY),
        ("Erika", "Erika Mustermann", Match.UNKNOWN),
    ],
)
def test_names_are_compared_by_first_names_and_last_name(one: str, other: str, match: Match) -> None:
    assert names_match(one, other) is match and names_match(other, one) is match


def test_a_name_changed_is_one_person_before_and_after_the_birth_date_is_taken(register: Register, tmp_path: Path) -> None:
    # the register knows Erika under her maiden and her married name, one birth date: both count, whether this plan
    # gives the birth date or takes it from the register's offer (the offer counted one, then both)
    for k, name in enumerate(("Erika Mustermann", "Erika Schmidt")):
        day = dt.date(2026, 2, 1 + k)
        saved(
            register,
            tmp_path,
            f"fall{k}",
            plan(crown(str(16 + k), day), **{**WHO, "name": name, "birth_date": dt.date(1980, 2, 3)}),
        )
    for birth in (None, dt.date(1980, 2, 3)):
        case = Case.from_plan(plan(*SECOND, **{**WHO, "name": "Erika Schmidt", "birth_date": birth}))
        found = history_for(register, case, result_of(case), None)
        assert found is not None and len(found.counted) == 2 and found.amounts[0] == D("1600.00"), birth
    # plans saved before the birth date was entered, under either name: hers too – one under her name now, one under
    # her maiden name like a dated one of hers
    for k, name in enumerate(("Erika Schmidt", "Erika Mustermann")):
        undated = plan(crown(str(21 + k), dt.date(2026, 2, 5 + k)), **{**WHO, "name": name, "birth_date": None})
        saved(register, tmp_path, f"ohne{k}", undated)
    case = Case.from_plan(plan(*SECOND, **{**WHO, "name": "Erika Schmidt", "birth_date": dt.date(1980, 2, 3)}))
    found = history_for(register, case, result_of(case), None)
    assert found is not None and len(found.counted) == 4 and not found.undecided


def test_a_later_plan_and_the_case_itself_are_not_history(register: Register, tmp_path: Path) -> None:
    first, first_path = saved(register, tmp_path, "erster", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    saved(register, tmp_path, "zweiter", plan(*SECOND, plan_date=dt.date(2026, 4, 1), **WHO))
    assert history_for(register, first, result_of(first), first_path) is None


def test_another_insurance_start_is_left_out_and_said(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "alt", plan(*FIRST, **{**WHO, "insurance_start": dt.date(2025, 7, 1)}))
    saved(register, tmp_path, "erster", plan(*FIRST, **WHO))
    second = Case.from_plan(plan(*SECOND, **WHO))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("800.00") and len(found.left_out) == 1
    assert "1 mit anderem Versicherungsbeginn nicht gezählt" in found.summary()


def test_an_amount_paid_replaces_the_estimate_and_a_refusal_counts_nothing(register: Register, tmp_path: Path) -> None:
    _, path = saved(register, tmp_path, "erster", plan(*FIRST, **WHO))
    number = register.by_path(path).number  # type: ignore[union-attr]
    second = Case.from_plan(plan(*SECOND, **WHO))
    changed = update_case(register, number, "erstattet", D("650.4"))
    assert (changed.status, changed.paid) == ("erstattet", D("650.40"))
    assert (load_case(path).status, load_case(path).paid) == ("erstattet", D("650.40"))  # the case file says so too
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("650.40")
    assert "erstattet 650,40\xa0€" in found.source()
    update_case(register, number, "abgelehnt")
    assert load_case(path).paid == D("650.40")  # kept, not counted
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("0.00")
    with pytest.raises(RegisterError, match="gehört zum Status"):
        update_case(register, number, "eingereicht", D("1"))
    with pytest.raises(RegisterError, match=r"Kein Fall Nr\. 99"):
        update_case(register, 99, "erstattet")
    billed = result_of(load_case(path)).totals.billed
    with pytest.raises(RegisterError, match=r"ist mehr, als der Fall für Zahnersatz \(Klasse A\) berechnet"):
        update_case(register, number, "erstattet", billed + D("0.01"))  # would lower later caps by more than was billed
    assert load_case(path).status == "abgelehnt" and update_case(register, number, "erstattet", billed).paid == billed


def test_an_amount_paid_is_shared_over_the_years_the_estimate_had(register: Register, tmp_path: Path) -> None:
    _, path = saved(register, tmp_path, "beide", plan(*FIRST, *SECOND[1:], **WHO))  # 800,00 in year 1, 1.200,00 in year 2
    entry = update_case(register, register.by_path(path).number, "erstattet", D("1000.01"))  # type: ignore[union-attr]
    assert entry.class_a_by_year() == {1: D("400.00"), 2: D("600.01"), 3: D("0.00"), 4: D("0.00")}


def test_an_amount_paid_for_years_after_the_caps_is_not_counted_in_the_capped_years(register: Register, tmp_path: Path) -> None:
    late = crown("46", dt.date(2031, 3, 1), "1000.00")  # year 6: no cap, 800,00 € class A
    _, path = saved(register, tmp_path, "spaet", plan(FIRST[0], late, **WHO))
    entry = update_case(register, register.by_path(path).number, "erstattet", D("1200.00"))  # type: ignore[union-attr]
    assert entry.class_a == D("1600.00")
    assert entry.class_a_by_year() == {1: D("600.00"), 2: D("0.00"), 3: D("0.00"), 4: D("0.00")}


def test_the_source_of_many_earlier_plans_fits_in_a_case_file(register: Register, tmp_path: Path) -> None:
    for k in range(60):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=k)
        saved(register, tmp_path, f"p{k}", plan(crown("16", day, "10.00"), plan_date=day, **WHO))
    later = Case.from_plan(plan(crown("26", dt.date(2026, 12, 1)), plan_date=dt.date(2026, 12, 1), **WHO))
    found = history_for(register, later, result_of(later), None)
    assert found is not None and found.amounts[0] == D("480.00")
    source = found.source()
    assert len(source) <= 2_000 and source.endswith("älteren Plänen") and "Plan vom 01.03.2026" in source
    taken = dataclasses.replace(later, person=found.person_with(later.person))
    save_case(taken, tmp_path / "neu.hkp.json")
    assert load_case(tmp_path / "neu.hkp.json").person.prior_source == source
    assert found.summary("en") == "from 60 earlier plans: year 1 €480.00, year 2 €0.00, year 3 €0.00, year 4 €0.00"


def test_the_registers_source_is_said_in_english_in_an_english_explanation(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "bezahlt", plan(crown("16", dt.date(2026, 1, 5), "1500.00"), **WHO))
    saved(register, tmp_path, "abgelehnt", plan(crown("17", dt.date(2026, 1, 6), "900.00"), **WHO))
    for k in range(60):  # older plans than fit in the source's text
        day = dt.date(2025, 10, 1) + dt.timedelta(days=k)
        saved(register, tmp_path, f"p{k}", plan(crown("14", day, "10.00"), plan_date=day, **WHO))
    saved(register, tmp_path, "eingereicht", plan(crown("15", dt.date(2026, 1, 7), "10.00"), **WHO))
    update_case(register, register.by_path(tmp_path / "bezahlt.hkp.json").number, "erstattet", D("1234.5"))  # type: ignore[union-attr]
    update_case(register, register.by_path(tmp_path / "abgelehnt.hkp.json").number, "abgelehnt")  # type: ignore[union-attr]
    later = Case.from_plan(plan(crown("26", dt.date(2026, 12, 1)), plan_date=dt.date(2026, 12, 1), **WHO))
    found = history_for(register, later, result_of(later), None)
    assert found is not None
    source = found.source()
    assert "erstattet 1.234,50\xa0€" in source and "abgelehnt, 0,00\xa0€" in source and "älteren Plänen" in source
    english = source_text(source + " – danach von Hand geändert", "en")
    assert english.startswith("the case register: plan of 20") and english.endswith("older plans – then changed by hand")
    assert "(reimbursed €1,234.50)" in english and "(refused, €0.00)" in english and "(submitted, estimated)" in english
    assert not set("äöüß€") - {"€"} & set(english) and " vom " not in english and " und " not in english
    taken = dataclasses.replace(later, person=found.person_with(later.person))
    sentences = limit_sentences(estimate(taken.plan(), load_tariffs()), "en")
    assert any(s.startswith("Staged cap, earlier benefits taken from the case register: plan of") for s in sentences)
    assert source_text("Bescheid vom 03.02.2025", "en") == "Bescheid vom 03.02.2025"  # typed by the user: as typed


def test_rebuild_from_the_case_files_gives_the_same_register(register: Register, tmp_path: Path) -> None:
    folder = tmp_path / "faelle"
    (folder / "2026").mkdir(parents=True)
    saved(register, folder, "erster", plan(*FIRST, **WHO))
    _, second = saved(register, folder / "2026", "zweiter", plan(*SECOND, **{**WHO, "name": "Max Muster"}))
    update_case(register, register.by_path(second).number, "erstattet", D("1100"))  # type: ignore[union-attr]
    _, gone = saved(register, tmp_path, "geloescht", plan(*FIRST, **WHO))
    gone.unlink()
    (folder / "kaputt.hkp.json").write_text("{", encoding="utf-8")
    before = sorted((e for e in register.everything() if e.path != str(gone.resolve())), key=str)
    with Register(tmp_path / "neu.sqlite") as fresh:
        done = rebuild(fresh, folder)
        assert sorted((dataclasses.replace(e, number=0) for e in fresh.everything()), key=str) == [
            dataclasses.replace(e, number=0) for e in before
        ]
        assert done.entries == 2 and [(Path(p.path).name, p.kept) for p in done.problems] == [("kaputt.hkp.json", False)]
    done = rebuild(register, folder)
    assert done.gone == (str(gone.resolve()),)
    assert sorted(register.everything(), key=str) == before  # every case keeps its number: a list shown before still fits


def test_rebuild_names_an_unreadable_entry_it_cannot_keep(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "a", plan(*FIRST, **WHO))
    _, second = saved(register, tmp_path, "b", plan(*SECOND, **WHO))
    register.connection.execute("UPDATE cases SET billed = 'viel'")  # both rows damaged
    second.write_text("{", encoding="utf-8")  # and one file too
    done = rebuild(register, tmp_path)
    assert [(Path(p.path).name, p.kept) for p in done.problems] == [("b.hkp.json", False)]
    assert [(e.number, Path(e.path).name) for e in register.everything()] == [(1, "a.hkp.json")]  # read again from its file
    assert register.unreadable == 0


def test_a_number_of_a_list_shown_before_must_still_be_its_file(register: Register, tmp_path: Path) -> None:
    _, first = saved(register, tmp_path, "a", plan(*FIRST, **WHO), status=DRAFT)
    with pytest.raises(RegisterError, match=r"Kein Fall Nr\. 1 mit der Datei /anderswo"):
        update_case(register, 1, "eingereicht", path="/anderswo/b.hkp.json")
    assert load_case(first).status == "Entwurf"
    assert update_case(register, 1, "eingereicht", path=str(first.resolve())).status == "eingereicht"


def test_search_by_text_status_and_dates(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "a", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO), status=DRAFT)
    saved(register, tmp_path, "b", plan(*SECOND, plan_date=dt.date(2026, 5, 1), **{**WHO, "name": "Max 100% Muster"}), DRAFT)
    assert [e.name for e in register.search("mUSTERmann")] == ["Erika Mustermann"]
    assert len(register.search("123 456")) == 2  # an insurance number typed with spaces
    assert [e.name for e in register.search("100%")] == ["Max 100% Muster"]  # % is a character, not a wildcard
    assert register.search("_") == []
    assert [e.name for e in register.search(first=dt.date(2026, 4, 1))] == ["Max 100% Muster"]
    assert [e.name for e in register.search(last=dt.date(2026, 4, 1))] == ["Erika Mustermann"]
    assert register.search(status="erstattet") == [] and len(register.search(status="Entwurf")) == 2
    assert [e.day for e in register.search()] == [dt.date(2026, 5, 1), dt.date(2026, 3, 1)]  # the newest first


def test_a_row_that_is_not_this_programs_is_left_out_and_counted(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "a", plan(*FIRST, **WHO))
    saved(register, tmp_path, "b", plan(*SECOND, **WHO))
    register.connection.execute("UPDATE cases SET billed = 'viel' WHERE path LIKE '%a.hkp.json'")
    assert len(register.search()) == 1 and register.unreadable == 1
    for years in ('[{"year": "x"}]', '[{"year": Infinity}]', "[" * 100_000 + "]" * 100_000, '[{"year": 1e999}]'):
        register.connection.execute("UPDATE cases SET years = ? WHERE path LIKE '%b.hkp.json'", (years,))
        with pytest.raises(RegisterError, match=r"Fall Nr\. 2 im Fallregister ist nicht lesbar"):
            register.get(2)
        assert register.everything() == [] and register.unreadable == 2
    assert register.get(3) is None and register.get(1 << 70) is None


def test_the_register_is_owner_only_with_its_log_files(tmp_path: Path) -> None:
    path = tmp_path / "daten" / "faelle.sqlite"
    with Register(path) as opened:
        saved(opened, tmp_path, "a", plan(*FIRST, **WHO))
        files = list(path.parent.iterdir())
        assert {p.name for p in files} >= {"faelle.sqlite", "faelle.sqlite-wal"}
        assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
        assert opened.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("content", [b"", b"kein Register" * 100, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_damaged_file_is_set_aside_and_a_new_register_started(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "faelle.sqlite"
    path.write_bytes(content)
    with Register(path) as opened:
        if content:
            assert "als faelle.beschaedigt-" in opened.notice and "hkp register rebuild" in opened.notice
            aside = [p for p in tmp_path.iterdir() if p.name.startswith("faelle.beschaedigt-")]
            assert len(aside) == 1 and aside[0].read_bytes() == content  # nothing of it is lost
        else:
            assert opened.notice == ""  # an empty file is a new register
        saved(opened, tmp_path, "a", plan(*FIRST, **WHO))
        assert len(opened.search()) == 1


def test_another_programs_database_is_set_aside_untouched(tmp_path: Path) -> None:
    path = tmp_path / "faelle.sqlite"
    foreign = sqlite3.connect(path)
    foreign.execute("CREATE TABLE kunden (name TEXT)")
    foreign.execute("INSERT INTO kunden VALUES ('x')")
    foreign.commit()
    foreign.close()
    with Register(path) as opened:
        assert "eine Datenbank eines anderen Programms" in opened.notice
    aside = next(p for p in tmp_path.iterdir() if p.name.startswith("faelle.beschaedigt-") and p.suffix == ".sqlite")
    assert sqlite3.connect(aside).execute("SELECT name FROM kunden").fetchall() == [("x",)]


def test_a_register_of_a_newer_version_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "faelle.sqlite"
    newer = sqlite3.connect(path)
    newer.execute(f"PRAGMA application_id={APPLICATION_ID}")
    newer.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    newer.execute("CREATE TABLE zukunft (x)")
    newer.commit()
    newer.close()
    before = path.read_bytes()
    with pytest.raises(RegisterError, match="neueren Programmversion"):
        Register(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_a_register_of_each_earlier_version_is_migrated(tmp_path: Path, version: int) -> None:
    path = tmp_path / "faelle.sqlite"
    old = sqlite3.connect(path)
    for steps in MIGRATIONS[:version]:
        for statement in steps:
            old.execute(statement)
    if version:
        old.execute(f"PRAGMA application_id={APPLICATION_ID}")
    old.execute(f"PRAGMA user_version={version}")
    if version == 1:  # a case entered by version 1: no whole class-A benefit, its years count as they were
        old.execute(
            "INSERT INTO cases VALUES (7, '/f/x.hkp.json', 'X', 'x', NULL, '', '', 'BM5/0', NULL, NULL, '2026-01-01', "
            "'[]', 'erstattet', '100.00', '10.00', '8.00', '[{\"year\": 1, \"start\": \"2026-01-01\", "
            '"end": "2026-12-31", "class_a": "8.00"}]\', \'2026-01-02T00:00:00\')'
        )
    if version == 3:  # a case entered by version 3: what it used of the deductible and PZR is not known
        old.execute(
            "INSERT INTO cases VALUES (8, '/f/y.hkp.json', 'Erika Mustermann', 'erika mustermann', NULL, 'A 123 456 789', "
            "'a123456789', 'BM5/2', '2026-01-01', '2026-03-01', '2026-03-01', '[\"2026-03-05\"]', 'eingereicht', NULL, "
            "'1000.00', '0.00', '[]', '2026-03-02T00:00:00', '0.00')"
        )
        old.execute(
            "INSERT INTO cases VALUES (9, '/f/z.hkp.json', 'Jürgen Müller', 'jürgen müller', NULL, '', '', 'BM5/0', NULL, "
            "NULL, '2026-01-01', '[]', 'Entwurf', NULL, '10.00', '8.00', '[]', '2026-01-02T00:00:00', NULL)"
        )
    if version == 4:  # a case entered by version 4: its keys kept characters that print as nothing
        old.execute(
            "INSERT INTO cases VALUES (10, '/f/w.hkp.json', 'Erika Muster\u00admann', 'erika muster\u00admann', '1975-06-15', "
            "'A 55\u200b', 'a55\u200b', 'BM5/2', NULL, NULL, '2026-01-01', '[]', 'Entwurf', NULL, '10.00', '8.00', '[]', "
            "'2026-01-02T00:00:00', NULL, NULL, NULL)"
        )
    old.commit()
    old.close()
    if version == 4:  # `hkp estimate` reads it as it is, comparing as version 5 does
        with Register(path, read_only=True) as reading:
            assert [e.number for e in reading.of_person("Erika Mustermann", dt.date(1975, 6, 15), "")] == [10]
    with Register(path) as opened:
        assert opened.notice == ""
        if version == 4:  # compared as a person read now is: without them
            assert [e.number for e in opened.of_person("Erika Mustermann", dt.date(1975, 6, 15), "")] == [10]
            assert [e.number for e in opened.of_person("Someone Else", None, "A 55")] == [10]
        assert opened.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        saved(opened, tmp_path, "a", plan(*FIRST, **WHO))
        assert "Erika Mustermann" in [e.name for e in opened.search()]
        if version == 1:
            kept = opened.get(7)
            assert kept is not None and kept.class_a is None and kept.class_a_by_year() == {1: D("100.00")}
        if version == 3:  # a name compared as version 4 compares names: umlauts spelt out
            assert [e.number for e in opened.search("mueller")] == [9]
        if version == 3:  # not known: the offer leaves the person's deductible and PZR as they are
            second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **{**WHO, "deductible_used": D("300")}))
            found = history_for(opened, second, result_of(second), None)
            assert found is not None and found.deductible_used is None
            assert found.person_with(second.person).deductible_used == D("300")


WRITER = """
import datetime as dt, sys
from decimal import Decimal
from pathlib import Path
from estimator.register.entry import Entry
from estimator.register.store import Register
register = Register(Path(sys.argv[1]))
number = 0
while True:
    number += 1
    entry = Entry(f"/faelle/{number}.hkp.json", f"Person {number}", None, str(number), "BM5/0", None, dt.date(2026, 1, 1),
                  (), "Entwurf", None, Decimal("1.00"), Decimal("0.80"), (), dt.datetime(2026, 1, 1))
    register.record(entry)
    print(number, flush=True)
"""


def test_a_writer_killed_mid_write_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "faelle.sqlite"
    Register(path).close()
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ}
    )
    assert child.stdout is not None
    committed = [int(child.stdout.readline()) for _ in range(40)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    with Register(path) as opened:
        assert opened.notice == "" and opened.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        numbers = {int(e.insurance_number) for e in opened.everything()}
    assert set(committed) <= numbers and numbers == set(range(1, max(numbers) + 1))


def test_a_rebuild_gives_a_new_case_a_number_no_dropped_case_had(register: Register, tmp_path: Path) -> None:
    for name in ("anna", "bert", "carl"):
        saved(register, tmp_path, name, plan(*FIRST, **{**WHO, "name": name}))
    (tmp_path / "carl.hkp.json").unlink()
    with Register(tmp_path / "anderes.sqlite") as other:  # a file this register does not know yet
        saved(other, tmp_path, "dora", plan(*FIRST, **{**WHO, "name": "dora"}))
    rebuild(register, tmp_path)
    assert sorted((e.number, e.name) for e in register.everything()) == [(1, "anna"), (2, "bert"), (4, "dora")]


def test_the_newest_case_dropped_by_a_rebuild_keeps_its_number_from_the_next_new_case(register: Register, tmp_path: Path) -> None:
    for name in ("anna", "bert", "carl"):
        saved(register, tmp_path, name, plan(*FIRST, **{**WHO, "name": name}))
    (tmp_path / "carl.hkp.json").unlink()
    rebuild(register, tmp_path)  # carl, number 3, is dropped and no new file is found
    _, dora = saved(register, tmp_path, "dora", plan(*FIRST, **{**WHO, "name": "dora"}))
    assert register.by_path(dora) is not None and register.by_path(dora).number == 4  # type: ignore[union-attr]
    _, again = saved(register, tmp_path, "dora", plan(*SECOND, **{**WHO, "name": "dora"}))
    assert register.by_path(again).number == 4  # type: ignore[union-attr]  # saved again: the same number


def test_a_version_2_register_remembers_its_highest_number_after_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "faelle.sqlite"
    old = sqlite3.connect(path)
    for steps in MIGRATIONS[:2]:
        for statement in steps:
            old.execute(statement)
    old.execute(f"PRAGMA application_id={APPLICATION_ID}")
    old.execute("PRAGMA user_version=2")
    old.execute(
        "INSERT INTO cases VALUES (41, '/f/x.hkp.json', 'X', 'x', NULL, '', '', 'BM5/0', NULL, NULL, '2026-01-01', "
        "'[]', 'Entwurf', NULL, '10.00', '8.00', '[]', '2026-01-02T00:00:00', NULL)"
    )
    old.commit()
    old.close()
    with Register(path) as opened:
        opened.replace_all([])  # everything dropped
        _, new = saved(opened, tmp_path, "neu", plan(*FIRST, **WHO))
        assert opened.by_path(new).number == 42  # type: ignore[union-attr]


def test_a_register_whose_numbers_are_used_up_says_so(register: Register, tmp_path: Path) -> None:
    register.connection.execute(f"UPDATE given SET highest = {MAX_NUMBER}")
    with pytest.raises(RegisterError, match="keine neue Fallnummer"):
        saved(register, tmp_path, "anna", plan(*FIRST, **WHO))
    assert register.everything() == []


def test_a_deductible_used_elsewhere_is_kept_and_nothing_counted_twice(register: Register, tmp_path: Path) -> None:
    who = {**WHO, "variant": "BM5/2"}  # 800 € deductible in 2026
    first = plan(*FIRST, plan_date=dt.date(2026, 3, 1), deductible_used=D("300"), **who)  # 300 € used at another practice
    saved(register, tmp_path, "erster", first)
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **who))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.deductible_used == D("800.00")  # 300 elsewhere + 500 taken by the first plan
    with_history = result_of(dataclasses.replace(second, person=found.person_with(second.person)))
    both = estimate(plan(*FIRST, SECOND[0], plan_date=dt.date(2026, 3, 1), deductible_used=D("300"), **who), load_tariffs())
    assert [r.benefit for r in with_history.lines] == [r.benefit for r in both.lines[1:]] == [D("700.00")]  # staged cap
    typed = dataclasses.replace(second.person, deductible_used=D("800"))  # from the insurer's letter: not lowered
    assert found.person_with(typed).deductible_used == D("800")


def test_without_insurance_start_the_deductible_is_still_offered(register: Register, tmp_path: Path) -> None:
    who = {**WHO, "variant": "BM5/2", "insurance_start": None}
    saved(register, tmp_path, "erster", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **who))
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **who))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.deductible_used == D("800.00")
    assert found.summary().replace("\xa0", " ") == "aus einem früheren Plan: 2026: Selbstbehalt 800,00 €, PZR 0,00 €"
    taken = found.person_with(second.person)
    assert taken.prior_class_a == () and taken.deductible_used == D("800.00")  # no insurance years: no staged caps


@pytest.mark.parametrize(
    "calendar",
    [
        '[{"year": 2026, "deductible": "-5000", "pzr": "0"}]',
        '[{"year": 2026, "deductible": "1e9", "pzr": "0"}]',
        '[{"year": 2026.9, "deductible": "100", "pzr": "0"}]',
        '[{"year": "2026", "deductible": "100", "pzr": "0"}]',
        '[{"year": 2026, "deductible": "100.001", "pzr": "0"}]',
        '[{"year": 2026, "deductible": "100", "pzr": "0"}, {"year": 2026, "deductible": "5", "pzr": "0"}]',
        '{"year": 2026}',
    ],
)
def test_a_calendar_not_as_written_is_not_known_and_the_case_stays_usable(
    register: Register, tmp_path: Path, calendar: str
) -> None:
    who = {**WHO, "variant": "BM5/2"}
    _, path = saved(register, tmp_path, "erster", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **who))
    register.connection.execute("UPDATE cases SET calendar = ?", (calendar,))
    entry = register.by_path(path)
    assert entry is not None and entry.calendar is None and entry.class_a_by_year()
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **who, deductible_used=D("200")))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.deductible_used is None
    assert found.person_with(second.person).deductible_used == D("200")


def test_an_entry_that_does_not_know_its_deductible_counts_nothing_in_a_year_it_has_no_treatment(
    register: Register, tmp_path: Path
) -> None:
    who = {**WHO, "variant": "BM5/2"}
    _, old = saved(register, tmp_path, "alt", plan(crown("16", dt.date(2025, 6, 1)), plan_date=dt.date(2025, 6, 1), **who))
    register.connection.execute("UPDATE cases SET calendar = NULL WHERE path = ?", (str(old.resolve()),))  # schema 3
    saved(register, tmp_path, "erster", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **who))
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **who))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.deductible_used == D("800.00")


def test_a_copy_or_earlier_version_of_this_treatment_is_not_history(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "erster", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    again = Case.from_plan(plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))  # the workbook opened again
    found = history_for(register, again, result_of(again), None)
    assert found is not None and found.counted == () and found.person_with(again.person) == again.person
    assert found.summary() == (
        "nicht gezählt für diese Person: 1 Plan mit einem Behandlungstag dieses Plans (dieselbe Behandlung?) – Datei → Fälle …"
    )
    assert found.summary(terminal=True).endswith("(dieselbe Behandlung?) – hkp register list")  # said by `hkp estimate`
    revised = Case.from_plan(plan(crown("16", dt.date(2026, 3, 10), "900.00"), SECOND[0], **WHO))  # a day of the first
    assert history_for(register, revised, result_of(revised), None).counted == ()  # type: ignore[union-attr]


def test_earlier_plans_together_offer_no_more_than_the_years_deductible(register: Register, tmp_path: Path) -> None:
    who = {**WHO, "variant": "BM5/1"}  # 400 € a year
    saved(register, tmp_path, "a", plan(crown("16", dt.date(2026, 2, 10)), plan_date=dt.date(2026, 2, 1), **who))
    saved(register, tmp_path, "b", plan(crown("17", dt.date(2026, 3, 10)), plan_date=dt.date(2026, 3, 1), **who))
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **who))  # a and b each took 400 alone
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.deductible_used == D("400.00")


def test_search_finds_a_name_written_last_name_first_or_with_umlauts_spelt_out(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "a", plan(*FIRST, **{**WHO, "name": "Jürgen Müller-Lüdenscheid"}))
    saved(register, tmp_path, "b", plan(*FIRST, **{**WHO, "name": "Erika Schmidt", "insurance_number": "B 1"}))
    for text in ("mueller", "Müller", "Mueller-Luedenscheid, Juergen", "juergen müller"):
        assert [e.name for e in register.search(text)] == ["Jürgen Müller-Lüdenscheid"], text
    assert [e.name for e in register.search("Schmidt, Erika")] == ["Erika Schmidt"]
    assert register.search("Schmidt, Jürgen") == []


def filling(day: dt.date, amount: str) -> object:
    return fee("2060", "26", date=day, amount=amount)  # class B at 100 %: its benefit is what the deductible may take


def offered(register: Register, tmp_path: Path, name: str, the_plan: Plan, status: str = SUBMITTED) -> D | None:
    """Save a plan as a case after taking the register's offer; what the offer gave it as deductible used."""
    case = Case.from_plan(the_plan)
    found = history_for(register, case, result_of(case), None)
    taken = dataclasses.replace(case, person=found.person_with(case.person)) if found else case
    saved(register, tmp_path, name, dataclasses.replace(taken.plan(), overrides=()), status)
    return taken.person.deductible_used


def test_plans_made_out_of_order_or_refused_later_never_count_a_deductible_twice(register: Register, tmp_path: Path) -> None:
    who = {**WHO, "variant": "BM5/2"}  # 800 € a year
    saved(register, tmp_path, "c1", plan(filling(dt.date(2026, 4, 10), "300.00"), plan_date=dt.date(2026, 4, 1), **who))
    # planned before c1 was, treated after it, and made with the register's offer of c1's 300 €
    assert offered(
        register, tmp_path, "c2", plan(filling(dt.date(2026, 5, 10), "200.00"), plan_date=dt.date(2026, 3, 15), **who)
    ) == D("300.00")
    third = Case.from_plan(plan(filling(dt.date(2026, 7, 10), "1000.00"), plan_date=dt.date(2026, 7, 1), **who))
    found = history_for(register, third, result_of(third), None)
    assert found is not None and found.deductible_used == D("500.00")  # 300 + 200, not 300 + (300 + 200)
    number = register.by_path(tmp_path / "c1.hkp.json").number  # type: ignore[union-attr]
    update_case(register, number, "abgelehnt")  # c1 refused: it used nothing, and c2 only its own 200
    found = history_for(register, third, result_of(third), None)
    assert found is not None and found.deductible_used == D("200.00")


def test_two_saved_copies_of_one_earlier_treatment_count_once(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "krone", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    saved(register, tmp_path, "krone-kopie", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    second = Case.from_plan(plan(*SECOND, plan_date=dt.date(2026, 4, 1), **WHO))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("800.00") and len(found.copies) == 1
    assert "(1 Kopie eines gezählten Plans (gleiche Behandlungstage und Zähne) nicht gezählt)" in found.summary()


def test_two_plans_of_one_day_for_other_teeth_both_count_and_so_does_one_on_this_plans_day(
    register: Register, tmp_path: Path
) -> None:
    """The upper and the lower jaw planned apart for one day: counted once, 800 € of the cap seemed unused."""
    saved(register, tmp_path, "oben", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    saved(register, tmp_path, "unten", plan(crown("46", dt.date(2026, 3, 10)), plan_date=dt.date(2026, 3, 1), **WHO))
    second = Case.from_plan(plan(*SECOND, plan_date=dt.date(2026, 4, 1), **WHO))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("1600.00") and found.copies == ()  # 800 + 800, not 800
    same_day = Case.from_plan(plan(crown("36", dt.date(2026, 3, 10)), **WHO))  # a third plan of that day, tooth 36
    found = history_for(register, same_day, result_of(same_day), None)
    assert found is not None and len(found.counted) == 2 and found.same == ()


def test_an_earlier_case_without_insurance_start_gives_its_deductible(register: Register, tmp_path: Path) -> None:
    who = {**WHO, "variant": "BM5/2"}
    saved(register, tmp_path, "ohne", plan(filling(dt.date(2026, 3, 10), "500.00"), **{**who, "insurance_start": None}))
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **who))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.deductible_used == D("500.00") and found.amounts[0] == D("0.00")


def test_a_deductible_typed_into_a_plan_without_deductible_lines_is_carried(register: Register, tmp_path: Path) -> None:
    who = {**WHO, "variant": "BM5/2"}
    pzr_only = plan(
        fee("1040", date=dt.date(2026, 3, 10), amount="80.00"), plan_date=dt.date(2026, 3, 1), deductible_used=D("300"), **who
    )
    saved(register, tmp_path, "pzr", pzr_only)
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **who))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and (found.deductible_used, found.pzr_reimbursed) == (D("300.00"), D("80.00"))


@pytest.mark.parametrize(("column", "value"), [("benefit", "1e5000000"), ("billed", "-9000000"), ("paid", "12.345")])
def test_a_register_amount_not_as_written_makes_its_row_unreadable_not_a_traceback(
    register: Register, tmp_path: Path, column: str, value: str
) -> None:
    _, path = saved(register, tmp_path, "a", plan(*FIRST, **WHO))
    register.connection.execute(f"UPDATE cases SET {column} = ?", (value,))
    assert register.search() == [] and register.unreadable == 1
    assert register.by_path(path) is None


def test_a_negative_class_a_of_a_row_is_not_taken(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "a", plan(*FIRST, **WHO))
    register.connection.execute("""UPDATE cases SET years = replace(years, '"class_a": "800.00"', '"class_a": "-9000000.00"')""")
    second = Case.from_plan(plan(*SECOND, **WHO))
    found = history_for(register, second, result_of(second), None)  # the row is unreadable: said, nothing offered
    assert found is not None and found.unreadable == 1 and found.person_with(second.person) == second.person


def test_a_case_whose_path_is_not_utf8_is_saved_and_said_not_registered(register: Register, tmp_path: Path) -> None:
    import os  # noqa: PLC0415

    folder = Path(os.fsdecode(bytes(tmp_path) + b"/praxis-\xe4"))
    folder.mkdir()
    case = Case.from_plan(plan(*FIRST, **WHO))
    save_case(case, folder / "fall.hkp.json")
    with pytest.raises(RegisterError, match="gespeichert, aber nicht im Fallregister"):
        record_case(register, case, result_of(case), folder / "fall.hkp.json")
    rebuilt = rebuild(register, tmp_path)
    assert rebuilt.entries == 0 and "kein UTF-8-Text" in rebuilt.problems[0].reason


def test_class_a_typed_as_paid_elsewhere_is_carried_and_never_lowered(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "a", plan(*FIRST, plan_date=dt.date(2026, 3, 1), prior_class_a=(D("800"),), **WHO))
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **WHO))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("1000.00")  # 800 elsewhere + 200 by the first plan
    with_history = result_of(dataclasses.replace(second, person=found.person_with(second.person)))
    both = estimate(plan(*FIRST, SECOND[0], plan_date=dt.date(2026, 3, 1), prior_class_a=(D("800"),), **WHO), load_tariffs())
    assert [r.benefit for r in with_history.lines] == [r.benefit for r in both.lines[1:]] == [D("0.00")]
    typed = dataclasses.replace(second.person, prior_class_a=(D("1200"),))
    assert found.person_with(typed).prior_class_a[0] == D("1200")  # more than the register knows: kept


def test_an_earlier_plan_treated_after_this_one_is_not_history(register: Register, tmp_path: Path) -> None:
    who = {**WHO, "variant": "BM5/3"}
    later = plan(filling(dt.date(2026, 6, 10), "1000.00"), plan_date=dt.date(2026, 3, 1), **who)  # planned first
    saved(register, tmp_path, "b", later)
    this = Case.from_plan(plan(filling(dt.date(2026, 4, 20), "1000.00"), plan_date=dt.date(2026, 4, 1), **who))
    assert history_for(register, this, result_of(this), None) is None  # its treatment comes after this one's


def test_a_refused_copy_never_hides_the_submitted_original(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "a", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    saved(register, tmp_path, "a-kopie", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO), status="abgelehnt")
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **WHO))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("800.00") and [e.status for e in found.counted] == ["eingereicht"]
    _, paid = saved(register, tmp_path, "a-erstattet", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    update_case(register, register.by_path(paid).number, "erstattet", D("700"))  # type: ignore[union-attr]
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("700.00")  # the one the insurer paid counts


def test_an_earlier_case_without_insurance_start_counts_in_the_year_of_its_treatment(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "ohne", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **{**WHO, "insurance_start": None}))
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **WHO))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("800.00")


def test_a_case_of_large_totals_stays_readable(register: Register, tmp_path: Path) -> None:
    big = (crown("16", dt.date(2026, 3, 10), "900000.00"), crown("17", dt.date(2026, 3, 10), "900000.00"))
    _, path = saved(register, tmp_path, "gross", plan(*big, **WHO))
    entry = register.by_path(path)
    assert entry is not None and entry.billed == D("1800000.00") and register.unreadable == 0


def test_a_plan_estimated_without_the_earlier_ones_is_said(register: Register, tmp_path: Path) -> None:
    who = {**WHO, "variant": "BM5/3"}  # 1.600 € a year
    saved(register, tmp_path, "p1", plan(filling(dt.date(2026, 3, 10), "1600.00"), plan_date=dt.date(2026, 3, 1), **who))
    saved(register, tmp_path, "p2", plan(crown("16", dt.date(2026, 4, 10)), plan_date=dt.date(2026, 4, 1), **who))  # no offer
    third = Case.from_plan(plan(crown("26", dt.date(2026, 5, 10)), plan_date=dt.date(2026, 5, 1), **who))
    found = history_for(register, third, result_of(third), None)
    assert found is not None and [Path(e.path).name for e in found.unaware] == ["p2.hkp.json"]
    assert "Achtung: Plan vom 01.04.2026 wurde ohne die früheren Pläne geschätzt" in found.summary()
    assert "Note: plan(s) of 2026-04-01 were estimated without the earlier plans" in found.summary("en")


def test_the_registers_source_survives_the_plan_saved_as_a_workbook(register: Register, tmp_path: Path) -> None:
    from estimator.io.excel import read_plan  # noqa: PLC0415
    from estimator.io.workbook import write_workbook  # noqa: PLC0415

    saved(register, tmp_path, "a", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **WHO))
    found = history_for(register, second, result_of(second), None)
    assert found is not None
    taken = dataclasses.replace(second, person=found.person_with(second.person))
    write_workbook(taken.plan(), tmp_path / "plan.xlsx")
    again = read_plan(tmp_path / "plan.xlsx").person
    assert again.prior_source == taken.person.prior_source != "" and again.prior_class_a[0] == D("800.00")


def test_an_unreadable_row_of_the_person_is_said_in_the_note(register: Register, tmp_path: Path) -> None:
    saved(register, tmp_path, "a", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    saved(register, tmp_path, "b", plan(crown("17", dt.date(2026, 3, 20)), plan_date=dt.date(2026, 3, 15), **WHO))
    register.connection.execute("UPDATE cases SET billed = 'x' WHERE path LIKE '%b.hkp.json'")
    second = Case.from_plan(plan(SECOND[0], plan_date=dt.date(2026, 4, 1), **WHO))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.amounts[0] == D("800.00") and found.unreadable == 1
    assert "(1 im Fallregister nicht lesbar (hkp register rebuild ORDNER) nicht gezählt)" in found.summary()
    register.connection.execute("UPDATE cases SET billed = 'x'")  # every row: nothing counted, and said
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.counted == () and "2 im Fallregister nicht lesbar" in found.summary()
    assert found.person_with(second.person) == second.person


def test_a_case_without_a_plan_date_records_the_deductible_typed_for_the_year_of_its_first_treatment(
    register: Register, tmp_path: Path
) -> None:
    # BM5/2 (800 € a year): the first case knew 300 € used and took 500 €; the next case that year is offered 800 €
    who = {**WHO, "variant": "BM5/2"}
    saved(register, tmp_path, "erster", plan(crown("16", dt.date(2026, 3, 10)), plan_date=None, deductible_used="300", **who))
    second = Case.from_plan(plan(crown("26", dt.date(2026, 4, 20)), plan_date=dt.date(2026, 4, 1), **who))
    found = history_for(register, second, result_of(second), None)
    assert found is not None and found.deductible_used == D("800.00")


def test_an_amount_paid_above_what_the_case_bills_for_class_a_is_refused(register: Register, tmp_path: Path) -> None:
    # staff typing the insurer's whole payment (crown and fillings) would lower the person's later caps by too much
    filling = fee("2080", "15", date=dt.date(2026, 3, 10), amount="300.00")
    _, path = saved(register, tmp_path, "gemischt", plan(*FIRST, filling, **WHO))
    number = register.by_path(path).number  # type: ignore[union-attr]
    with pytest.raises(RegisterError, match=r"1\.000,01\xa0€ ist mehr, als der Fall für Zahnersatz \(Klasse A\) berechnet"):
        update_case(register, number, "erstattet", D("1000.01"))
    assert load_case(path).paid is None
    assert update_case(register, number, "erstattet", D("800.00")).paid == D("800.00")


def test_a_case_taken_out_of_the_register_is_overwritten_in_its_file(tmp_path: Path) -> None:
    register = Register(tmp_path / "faelle.sqlite")
    try:
        assert register.connection.execute("PRAGMA secure_delete").fetchone()[0] == 1  # not every SQLite build's default
    finally:
        register.connection.close()


def test_a_benefit_taken_from_the_register_follows_the_earlier_case_refused_since_a_typed_one_is_kept(
    register: Register, tmp_path: Path
) -> None:
    # taken while the first plan was submitted (800,00 €), kept at 800,00 € after it was refused: the text said
    # „abgelehnt, 0,00 €“ beside figures that still counted it
    _, path = saved(register, tmp_path, "erster", plan(*FIRST, plan_date=dt.date(2026, 3, 1), **WHO))
    second = Case.from_plan(plan(*SECOND, plan_date=dt.date(2026, 4, 1), **WHO))
    found = history_for(register, second, result_of(second), None)
    assert found is not None
    taken = found.person_with(second.person)
    assert taken.prior_class_a[0] == D("800.00") and taken.prior_source
    number = next(entry.number for entry in register.everything() if entry.path == str(path))
    update_case(register, number, "abgelehnt")
    again = history_for(register, dataclasses.replace(second, person=taken), result_of(second), None)
    assert again is not None and again.person_with(taken).prior_class_a[0] == D("0.00")
    typed = dataclasses.replace(
        taken, prior_class_a=(D("800.00"),), prior_source=taken.prior_source + " – danach von Hand geändert"
    )
    assert again.person_with(typed).prior_class_a[0] == D("800.00")  # typed: may count a benefit paid elsewhere
    # taken again and again, a typed amount above the register's stays typed (it lost its mark and was lowered)
    once = again.person_with(typed)
    assert once.prior_source.endswith(" – danach von Hand geändert") and again.person_with(once) == once
    unsourced = dataclasses.replace(second.person, prior_class_a=(D("300.00"),))  # typed, never taken from the register
    assert again.person_with(again.person_with(unsourced)).prior_class_a[0] == D("300.00")

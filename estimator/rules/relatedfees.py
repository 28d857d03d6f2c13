"""The points of the fees that have none of their own: a derived fee's share of its related fee on the same tooth
(GOZ Anlage 1), the laser surcharge's of its lasered service."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from estimator.kinds import Schedule
from estimator.rules.worksheet import Work
from estimator.tariff.pricelists import Fee, FeeSchedule


class RelatedFees:
    """For the fee numbers without points: the first line of each related number range on each tooth – the earliest
    by treatment day, then by number, so that the order of the rows does not matter – and a derived fee finds its
    related fee without looking at every line of the plan."""

    def __init__(self, fee_works: Sequence[Work]) -> None:
        self.first: dict[tuple[str, int], Work] = {}
        deriving: dict[tuple[int, str], list[str]] = {}  # (profile, number) -> the fees derived from it
        for work in sorted(fee_works, key=_related_order):
            if work.fee.schedule is Schedule.GOZ and work.fee.teeth.teeth:
                if (key := (id(work.profile), work.number)) not in deriving:
                    deriving[key] = [d for d, rule in work.profile.derived_fees.items() if work.number in rule.related]
                for derived in deriving[key]:
                    for tooth in work.fee.teeth.teeth:
                        self.first.setdefault((derived, tooth), work)

    def points(self, work: Work, fee: Fee, schedule: FeeSchedule) -> Decimal | None:
        """The points of a fee line: its own, or a share of the related fee on the same tooth (GOZ Anlage 1)."""
        if fee.points is not None:
            return Decimal(fee.points)
        derived = work.profile.derived_fees.get(fee.nr) if work.fee.schedule is Schedule.GOZ else None
        if derived is None:
            return None
        related = [self.first[(fee.nr, t)] for t in work.fee.teeth.teeth if (fee.nr, t) in self.first]
        for other in sorted(related, key=_related_order):
            entry = schedule.get(other.number)
            if entry is not None and entry.points is not None:
                return Decimal(entry.points) * derived.share
        return None


def _related_order(work: Work) -> tuple[object, ...]:
    return work.date, work.number, work.fee.factor, work.index


def laser_points(work: Work, schedule: FeeSchedule, whole_line: bool) -> Decimal | None:
    """The laser surcharge is worth the simple fee of its lasered service (spec section 3): that service's points,
    for every unit of its line when `whole_line` (the service as billed; Auslegung laser_basis), else for one."""
    owner = work.owner
    service = schedule.get(owner.number) if owner is not None else None
    if owner is None or service is None or service.points is None:
        return None
    return Decimal(service.points) * (owner.fee.count if whole_line else 1)

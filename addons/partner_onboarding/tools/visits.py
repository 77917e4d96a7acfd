# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Visit planning (PO-5).

- each grade has a visit interval in months; partners in other regions have their own
  (relaxed) interval, but never longer than the other-region cap (6 months by default);
- senior management visits every partner of some grades (A) and the chosen partners of
  others (B) at least every ``senior_months`` (12 by default);
- when a joint-venture project with the partner is near, the next visit comes sooner.
"""

import calendar
import dataclasses
import datetime

REGULAR = "regular"
SENIOR = "senior"


def add_months(day, months):
    """The same day ``months`` later, clipped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@dataclasses.dataclass(frozen=True)
class VisitPolicy:
    """The visit configuration of a company.

    :param frequencies: grade -> (months between visits, months for other regions)
    :param other_region_cap: other-region partners are visited at least every so many months
    :param senior_months: senior management visits at least every so many months...
    :param senior_grades: ...every partner of these grades...
    :param senior_chosen_grades: ...and the chosen partners of these grades
    :param project_window_days: a project expected to close within so many days is near...
    :param project_interval_days: ...and then the partner is visited every so many days
    """

    frequencies: dict
    other_region_cap: int = 6
    senior_months: int = 12
    senior_grades: frozenset = frozenset()
    senior_chosen_grades: frozenset = frozenset()
    project_window_days: int = 60
    project_interval_days: int = 14


def regular_interval(policy, grade, other_region):
    """Months between two visits of a partner of ``grade``."""
    local, other = policy.frequencies[grade]
    if other_region:
        return min(other, policy.other_region_cap)
    return local


def project_is_near(policy, project_date, today):
    """A joint-venture project expected to close soon (not already past)."""
    if project_date is None:
        return False
    return today <= project_date <= today + datetime.timedelta(days=policy.project_window_days)


def needs_senior_visit(policy, grade, senior_chosen):
    """Senior management visits all partners of the senior grades and the chosen ones."""
    return grade in policy.senior_grades or (senior_chosen and grade in policy.senior_chosen_grades)


def due_dates(
    policy,
    grade,
    *,
    other_region,
    senior_chosen,
    since,
    last_visit=None,
    last_senior_visit=None,
    project_date=None,
    today,
):
    """PO-5: when the next visits of a partner are due.

    :param since: the day the partner was admitted (the first visits count from it)
    :param last_visit: the last visit of any kind, or None
    :param last_senior_visit: the last visit by senior management, or None
    :param project_date: expected closing of the nearest open joint-venture project, or None
    :return: mapping ``regular``/``senior`` -> due date (no ``senior`` key when none is due)
    """
    base = last_visit or since
    regular = add_months(base, regular_interval(policy, grade, other_region))
    if project_is_near(policy, project_date, today):
        regular = min(regular, base + datetime.timedelta(days=policy.project_interval_days))
    result = {REGULAR: regular}
    if needs_senior_visit(policy, grade, senior_chosen):
        result[SENIOR] = add_months(last_senior_visit or since, policy.senior_months)
    return result


def is_overdue(deadline, today):
    """A planned visit not done by its deadline."""
    return deadline < today

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Lead protection procedures LP-23 (unreachable number) and LP-26 (project registration),
without a database."""

import datetime

import pytest
from conftest import load_tools

deadlines = load_tools("lead_protection").deadlines
D = datetime.date
DT = datetime.datetime

# Monday 2 November 2026 .. ; Saturdays and Sundays off, Wednesday 4 November a holiday.
HOLIDAY = D(2026, 11, 4)


def working(day):
    return day.weekday() < 5 and day != HOLIDAY


# --- LP-23 unreachable number


@pytest.mark.parametrize(
    "failed, days, last",
    [
        (D(2026, 11, 3), 2, D(2026, 11, 5)),  # day D not counted
        (D(2026, 11, 30), 2, D(2026, 12, 2)),  # across the month end
        (D(2026, 12, 31), 1, D(2027, 1, 1)),
        (D(2026, 11, 6), 2, D(2026, 11, 8)),  # calendar days: a weekend counts
    ],
)
def test_lp23_unreachable_last_day(failed, days, last):
    assert deadlines.unreachable_last_day(failed, days) == last


@pytest.mark.parametrize("days", [0, -1, 2.0, True, None, "2"])
def test_lp23_unreachable_period_needs_whole_days(days):
    with pytest.raises(ValueError):
        deadlines.unreachable_last_day(D(2026, 11, 3), days)


def test_lp23_the_deadline_instant_itself_is_past():
    deadline = DT(2026, 11, 5, 16, 0)
    assert not deadlines.is_past(deadline, DT(2026, 11, 5, 15, 59, 59))
    assert deadlines.is_past(deadline, deadline)
    assert not deadlines.is_past(None, deadline)
    with pytest.raises(TypeError):
        deadlines.is_past(D(2026, 11, 5), deadline)


def test_lp23_capped_end_is_the_earlier():
    window_end = DT(2026, 11, 9, 16, 0)
    deadline = DT(2026, 11, 5, 16, 0)
    assert deadlines.capped_end(window_end, deadline) == deadline
    assert deadlines.capped_end(deadline, window_end) == deadline
    assert deadlines.capped_end(None, deadline) == deadline  # a signed contract
    assert deadlines.capped_end(window_end, None) == window_end


# --- LP-26 project registration


@pytest.mark.parametrize(
    "confirmed, days, last",
    [
        (D(2026, 11, 2), 2, D(2026, 11, 5)),  # Tue 3, (Wed 4 holiday), Thu 5
        (D(2026, 11, 5), 2, D(2026, 11, 9)),  # Fri 6, (weekend), Mon 9
        (D(2026, 11, 7), 1, D(2026, 11, 9)),  # confirmed on a Saturday
    ],
)
def test_lp26_report_last_day_on_working_days(confirmed, days, last):
    assert deadlines.report_last_day(confirmed, days, working) == last


def test_lp26_report_period_needs_whole_working_days():
    with pytest.raises(ValueError):
        deadlines.report_last_day(D(2026, 11, 2), 0, working)


@pytest.mark.parametrize(
    "acting, applicant, leader, is_admin, refusal",
    [
        (10, 1, 10, False, None),  # the team leader confirms
        (1, 1, 10, False, deadlines.OWN_APPLICATION),  # his own application
        (10, 10, 10, False, deadlines.OWN_APPLICATION),  # the leader's own application
        (11, 1, 10, False, deadlines.NOT_LEADER),  # a leader of another team
        (11, 1, None, False, deadlines.NOT_LEADER),  # a team without leader
        (99, 10, 10, True, None),  # the administrator
        (99, 99, 10, True, None),
    ],
)
def test_lp26_who_confirms(acting, applicant, leader, is_admin, refusal):
    assert deadlines.confirm_refusal(acting, applicant, leader, is_admin) == refusal

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure tests of incentive_ledger/tools/fines.py (FN-1 .. FN-10, PAY-3)."""

import datetime

import pytest
from conftest import load_tools

fines = load_tools("incentive_ledger").fines

LP11_STEPS = [
    {"occurrence": 1, "fine": "fixed", "amount": 50, "proposal_kind": False},
    {"occurrence": 2, "fine": "fixed", "amount": 100, "proposal_kind": False},
    {"occurrence": 3, "fine": "none", "amount": 0, "proposal_kind": "dismissal"},
]
FIXED_TYPE = {"amount_mode": "fixed", "amount": 50, "amount_min": 0, "amount_max": 0}
RANGE_TYPE = {"amount_mode": "range", "amount": 0, "amount_min": 300, "amount_max": 500}
DAYS_TYPE = {"amount_mode": "days_pay", "amount": 0, "days_of_pay": 4}
MON_TO_FRI = {0, 1, 2, 3, 4}
MON_TO_SAT = {0, 1, 2, 3, 4, 5}


def test_fn3_lp11_steps_50_100_then_dismissal_and_the_last_step_repeats():
    """FN-3 / LP-11: the nth occurrence takes the nth step; later ones the last."""
    amounts = [
        fines.occurrence_amount(FIXED_TYPE, fines.step_for(LP11_STEPS, n)) for n in (1, 2, 3, 4)
    ]
    assert amounts == [50.0, 100.0, 0.0, 0.0]
    assert fines.step_for(LP11_STEPS, 3)["proposal_kind"] == "dismissal"
    assert fines.step_for(LP11_STEPS, 4)["proposal_kind"] == "dismissal"


def test_fn3_no_step_before_the_first_uses_the_type():
    """FN-3: a type whose steps start later prices early occurrences itself."""
    steps = [{"occurrence": 2, "fine": "fixed", "amount": 80}]
    assert fines.step_for(steps, 1) is None
    assert fines.step_for([], 5) is None
    assert fines.occurrence_amount(FIXED_TYPE, None) == 50.0
    with pytest.raises(ValueError):
        fines.step_for(steps, 0)


def test_fn7_range_chosen_by_the_recorder():
    """FN-7: 300 to 500, the recorder picks; outside or missing is refused."""
    assert fines.occurrence_amount(RANGE_TYPE, None, chosen_amount=420) == 420.0
    for wrong in (None, 299.99, 500.01):
        with pytest.raises(ValueError):
            fines.occurrence_amount(RANGE_TYPE, None, chosen_amount=wrong)


def test_fn6_four_days_pay_per_day():
    """FN-6: 4 days' pay per day of absence at the daily wage."""
    assert fines.occurrence_amount(DAYS_TYPE, None, days=2, daily_wage=200.0) == 1600.0
    with pytest.raises(ValueError, match="no_daily_wage"):
        fines.occurrence_amount(DAYS_TYPE, None, days=1, daily_wage=0.0)
    with pytest.raises(ValueError, match="days_required"):
        fines.occurrence_amount(DAYS_TYPE, None, days=0, daily_wage=100.0)


def test_fn8_hr_decides_books_nothing_on_recording():
    """FN-8: the fine is HR's, at decision."""
    assert fines.occurrence_amount({"amount_mode": "hr_decides", "amount": 500}, None) == 0.0


def test_fn1_falls_on():
    """FN-1: offender, his department manager, or both; no manager fines nobody."""
    assert fines.fined_employees("offender", 7, 3) == [7]
    assert fines.fined_employees("manager", 7, 3) == [3]
    assert fines.fined_employees("offender_and_manager", 7, 3) == [7, 3]
    assert fines.fined_employees("offender_and_manager", 7, 7) == [7]
    assert fines.fined_employees("manager", 7, False) == []
    with pytest.raises(ValueError):
        fines.fined_employees("everyone", 7, 3)


def test_fn2_one_source_key_per_offence_and_person():
    """FN-2: each fined person of an offence has his own event key."""
    assert fines.source_key(5, 7) != fines.source_key(5, 3)
    assert fines.source_key(5, 7) == "fn:5:7"


def test_fn3_counting_periods():
    """FN-3: over the employment unless the type sets a month or a year."""
    day = datetime.date(2026, 11, 30)
    assert fines.counting_period(day, "employment") == "employment"
    assert fines.counting_period(day, "month") == "2026-11"
    assert fines.counting_period(day, "year") == "2026"
    with pytest.raises(ValueError):
        fines.counting_period(day, "week")


def test_pay3_daily_wage_from_the_calendar():
    """PAY-3: monthly wage ÷ (days in the month − rest days). November 2026 has 30 days,
    9 weekend days (Sat/Sun) -> 21 working days; with Saturday worked, 5 Sundays -> 25."""
    assert fines.daily_wage(4200, 2026, 11, MON_TO_FRI) == 200.0
    assert fines.daily_wage(5000, 2026, 11, MON_TO_SAT) == 200.0
    # A holiday of the calendar is a rest day too.
    assert fines.daily_wage(4000, 2026, 11, MON_TO_FRI, {datetime.date(2026, 11, 2)}) == 200.0
    with pytest.raises(ValueError):
        fines.daily_wage(4000, 2026, 11, set())
    with pytest.raises(ValueError):
        fines.daily_wage(-1, 2026, 11, MON_TO_FRI)


def test_pay3_trial_month_paid_from_the_first_working_day():
    """PAY-3: a trial employee who starts on Saturday 14 November is paid from Monday 16:
    11 working days at 200."""
    wage, days, amount = fines.trial_month_pay(
        4200, 2026, 11, datetime.date(2026, 11, 14), MON_TO_FRI
    )
    assert (wage, days, amount) == (200.0, 11, 2200.0)
    assert fines.trial_holiday_allowance(300.0) == 150.0


def test_fn6_consecutive_run():
    """FN-6: the third consecutive day of absence."""
    days = {datetime.date(2026, 11, d) for d in (3, 4, 5, 9)}
    assert fines.consecutive_run(days, datetime.date(2026, 11, 5)) == 3
    assert fines.consecutive_run(days, datetime.date(2026, 11, 9)) == 1
    assert fines.consecutive_run(days, datetime.date(2026, 11, 10)) == 0

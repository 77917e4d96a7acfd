# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fines and small bonuses of the rulebooks (FN-1 .. FN-10, LP-46) and trial pay (PAY-3).

Plain values in, plain values out: the models read the fine type and the employee, call
these functions, and book what they return in the ledger.
"""

import calendar
import datetime

# How a fine type prices one occurrence (FN-1).
FIXED = "fixed"  # the type's (or the step's) amount
RANGE = "range"  # the recorder chooses within [minimum, maximum]
DAYS_PAY = "days_pay"  # a number of days' pay per day of the offence (FN-6)
HR_DECIDES = "hr_decides"  # no money when recorded: HR sets the fine when deciding (FN-8)
AMOUNT_MODES = (FIXED, RANGE, DAYS_PAY, HR_DECIDES)

# Whom a fine falls on (FN-1): each offender, his department manager, or both.
OFFENDER = "offender"
MANAGER = "manager"
OFFENDER_AND_MANAGER = "offender_and_manager"
FALLS_ON = (OFFENDER, MANAGER, OFFENDER_AND_MANAGER)

# What a step of the escalation does with money (FN-3).
STEP_TYPE_AMOUNT = "type"
STEP_FIXED = "fixed"
STEP_NO_FINE = "none"

# Counting periods of the escalation (FN-3): over the employment, or per calendar period.
PERIOD_EMPLOYMENT = "employment"
PERIOD_MONTH = "month"
PERIOD_YEAR = "year"
PERIODS = (PERIOD_EMPLOYMENT, PERIOD_MONTH, PERIOD_YEAR)

# Kinds of ledger line that FN-8 takes back for the month of a confirmed booking fraud.
PERFORMANCE_KINDS = ("credit_share", "bonus")


def counting_period(on_date, period):
    """Key of the escalation period that holds ``on_date`` (FN-3)."""
    if period == PERIOD_EMPLOYMENT or not period:
        return "employment"
    if period == PERIOD_MONTH:
        return f"{on_date.year:04d}-{on_date.month:02d}"
    if period == PERIOD_YEAR:
        return f"{on_date.year:04d}"
    raise ValueError(f"Unknown counting period {period!r}")


def step_for(steps, occurrence):
    """The escalation step of the ``occurrence``-th offence (FN-3), 1-based.

    :param steps: list of step mappings sorted by their occurrence number, each with at
        least ``occurrence``; the last one applies to every later occurrence
    :return: the step mapping, or None when no step starts at or before ``occurrence``
        (the type's own amount and proposal apply)
    """
    if occurrence < 1:
        raise ValueError("Occurrences are counted from 1")
    chosen = None
    for step in sorted(steps, key=lambda step: step["occurrence"]):
        if step["occurrence"] <= occurrence:
            chosen = step
    return chosen


def occurrence_amount(fine_type, step, chosen_amount=None, days=0, daily_wage=0.0):
    """The (unsigned) amount of one occurrence, or 0.0 when no money is booked.

    :param fine_type: mapping with amount_mode, amount, amount_min, amount_max, days_of_pay
    :param step: the escalation step (see :func:`step_for`) or None
    :param chosen_amount: for a range, the amount the recorder picked
    :param days: for days of pay, the days of the offence (FN-6: days of absence)
    :param daily_wage: for days of pay, the employee's daily wage (PAY-3)
    :raise ValueError: with a stable code when the input breaks the type's rule
    """
    if step and step.get("fine") == STEP_NO_FINE:
        return 0.0
    if step and step.get("fine") == STEP_FIXED:
        return float(step["amount"])
    mode = fine_type["amount_mode"]
    if mode == FIXED:
        return float(fine_type["amount"])
    if mode == RANGE:
        if chosen_amount is None:
            raise ValueError("amount_required")
        low, high = fine_type["amount_min"], fine_type["amount_max"]
        if not low <= chosen_amount <= high:
            raise ValueError("amount_out_of_range")
        return float(chosen_amount)
    if mode == DAYS_PAY:
        if days < 1:
            raise ValueError("days_required")
        if daily_wage <= 0:
            raise ValueError("no_daily_wage")
        return round(fine_type["days_of_pay"] * days * daily_wage, 2)
    if mode == HR_DECIDES:
        return 0.0
    raise ValueError("unknown_mode")


def fined_employees(falls_on, offender_id, manager_id):
    """Ids of the employees who pay for one offender's offence, in order, without duplicates.

    A fine on the department manager of an employee who has none falls on nobody: the
    caller reports it rather than fining the offender twice.
    """
    if falls_on == OFFENDER:
        ids = [offender_id]
    elif falls_on == MANAGER:
        ids = [manager_id]
    elif falls_on == OFFENDER_AND_MANAGER:
        ids = [offender_id, manager_id]
    else:
        raise ValueError(f"Unknown party {falls_on!r}")
    return list(dict.fromkeys(i for i in ids if i))


def source_key(offence_id, employee_id):
    """Ledger source key of one fined person of one offence (FN-2): one line each."""
    return f"fn:{offence_id}:{employee_id}"


# --- Trial-period pay (PAY-3) and absenteeism (FN-6)


def month_days(year, month):
    """Every date of a calendar month."""
    return [
        datetime.date(year, month, day) for day in range(1, calendar.monthrange(year, month)[1] + 1)
    ]


def rest_days(year, month, working_weekdays, holidays=()):
    """Dates of the month that are rest days: not a working weekday of the employee's
    calendar (Monday = 0), or a holiday of that calendar."""
    holidays = set(holidays)
    return [
        day
        for day in month_days(year, month)
        if day.weekday() not in working_weekdays or day in holidays
    ]


def daily_wage(monthly_wage, year, month, working_weekdays, holidays=()):
    """PAY-3: monthly wage ÷ (days in the month − rest days), rounded to the cent."""
    if monthly_wage < 0:
        raise ValueError("negative_wage")
    working = len(month_days(year, month)) - len(rest_days(year, month, working_weekdays, holidays))
    if working <= 0:
        raise ValueError("no_working_day")
    return round(monthly_wage / working, 2)


def trial_month_pay(
    monthly_wage, year, month, first_day, working_weekdays, holidays=(), last_day=None
):
    """PAY-3: pay of a trial employee for a partial month, from his first working day.

    :return: (daily wage, working days paid, amount)
    """
    wage = daily_wage(monthly_wage, year, month, working_weekdays, holidays)
    rest = set(rest_days(year, month, working_weekdays, holidays))
    days = [
        day
        for day in month_days(year, month)
        if day not in rest and day >= first_day and (last_day is None or day <= last_day)
    ]
    return wage, len(days), round(wage * len(days), 2)


def trial_holiday_allowance(regular_allowance, factor=0.5):
    """PAY-3: a trial employee's holiday allowance is half a regular employee's."""
    return round(regular_allowance * factor, 2)


def consecutive_run(dates, on_date):
    """Length of the run of consecutive dates in ``dates`` that ends on ``on_date`` (FN-6)."""
    dates = set(dates)
    run = 0
    day = on_date
    while day in dates:
        run += 1
        day -= datetime.timedelta(days=1)
    return run

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Protection windows by kind of registration (LP-3) and expiry (LP-4)."""

import calendar
import datetime

CALENDAR_DAYS = "calendar_days"
WORKING_DAYS = "working_days"
MONTHS = "months"
SAME_DAY = "same_day"
WINDOW_TYPES = (CALENDAR_DAYS, WORKING_DAYS, MONTHS, SAME_DAY)


def add_months(day, months):
    """The same day ``months`` later, clipped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def window_last_day(window_type, length, start, is_working_day=None):
    """Last day (inclusive) on which a registration made on ``start`` protects (LP-3).

    - calendar days: walk-in 7 days from registration -> start + 6 is the 7th day;
    - working days: counted on the company's calendar (``is_working_day(date)``), the day of
      registration counting when it is a working day;
    - months: follow-up sheet 1 month -> the day before the same date next month;
    - same day: an appointment protects only its own day.
    """
    if window_type == SAME_DAY:
        return start
    if length < 1:
        raise ValueError("A protection window lasts at least one unit.")
    if window_type == CALENDAR_DAYS:
        return start + datetime.timedelta(days=length - 1)
    if window_type == MONTHS:
        return add_months(start, length) - datetime.timedelta(days=1)
    if window_type == WORKING_DAYS:
        if is_working_day is None:
            raise ValueError("Working days need a calendar.")
        day, counted = start, 0
        for _guard in range(length * 10 + 366):
            if is_working_day(day):
                counted += 1
                if counted == length:
                    return day
            day += datetime.timedelta(days=1)
        raise ValueError("The calendar has no working days.")
    raise ValueError(f"Unknown window type {window_type!r}")


def is_expired(last_day, today):
    """A registration is invalid after the last day of its window (LP-4)."""
    return today > last_day


def is_neglected(last_service_date, today, months):
    """LP-14: a customer not served (no visit, invitation or contact) for ``months``."""
    if last_service_date is None:
        return True
    return add_months(last_service_date, months) <= today

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deadlines of complaints and return visits (CS-4, CS-7, CS-8), counted as LP-3 says.

A period in hours runs from the moment (PRC Civil Code art. 201). A period in days or months
does not count day D, the local date of the event in the company's time zone, and ends at
24:00 of its last day there (art. 201-203). Datetimes given to and returned by these
functions are naive UTC, as Odoo stores them; ``tz`` is a ``zoneinfo``/``pytz``-like
``tzinfo`` of the company.
"""

import calendar
import datetime

UTC = datetime.UTC


def _to_local(moment, tz):
    return moment.replace(tzinfo=UTC).astimezone(tz)


def local_day_start(day, tz):
    """Naive UTC datetime of 00:00 of ``day`` in ``tz``."""
    return _local_midnight_to_utc(day, tz)


def _local_midnight_to_utc(day, tz):
    """Naive UTC datetime of 00:00 of ``day`` in ``tz``."""
    midnight = datetime.datetime.combine(day, datetime.time.min)
    if hasattr(tz, "localize"):  # pytz
        local = tz.localize(midnight)
    else:
        local = midnight.replace(tzinfo=tz)
    return local.astimezone(UTC).replace(tzinfo=None)


def local_date(moment, tz):
    """Day D: the date of a UTC moment in the company's time zone."""
    return _to_local(moment, tz).date()


def add_hours(moment, hours):
    """A period in hours ends ``hours`` after the moment itself (CS-4's 24-hour response)."""
    if hours <= 0:
        raise ValueError("A period in hours lasts at least one hour.")
    return moment + datetime.timedelta(hours=hours)


def add_months(day, months):
    """The same date ``months`` later, or that month's last day when it has no such date."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def last_day(start_day, length, unit="days", is_working_day=None):
    """Last day of a period of ``length`` units that starts the day after ``start_day``.

    ``unit`` is ``days`` (calendar days), ``working_days`` (days for which
    ``is_working_day(date)`` is true, from the day after D) or ``months``.
    """
    if length < 1:
        raise ValueError("A period lasts at least one unit.")
    if unit == "days":
        return start_day + datetime.timedelta(days=length)
    if unit == "months":
        return add_months(start_day, length)
    if unit == "working_days":
        if is_working_day is None:
            raise ValueError("Working days need a calendar.")
        day, counted = start_day, 0
        for _step in range(length * 10 + 366):
            day += datetime.timedelta(days=1)
            if is_working_day(day):
                counted += 1
                if counted == length:
                    return day
        raise ValueError("The calendar has no working days.")
    raise ValueError(f"Unknown unit {unit!r}")


def period_end(moment, length, tz, unit="days", is_working_day=None):
    """End of a period in days or months from a UTC moment: 24:00 of its last local day,
    returned as naive UTC (CS-4's 3 days to resolve)."""
    end_day = last_day(local_date(moment, tz), length, unit, is_working_day)
    return _local_midnight_to_utc(end_day + datetime.timedelta(days=1), tz)


def next_progress_report(last_report, interval_hours):
    """When the customer is due his next progress report (CS-4)."""
    return add_hours(last_report, interval_hours)


def is_overdue(deadline, done_at, now):
    """A deadline is missed when nothing was done by then and the moment has passed."""
    if not deadline:
        return False
    if done_at:
        return done_at > deadline
    return now > deadline

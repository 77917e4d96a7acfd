# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Protection windows by kind of registration (LP-3) and expiry (LP-4)."""

import calendar
import datetime
import zoneinfo

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


DEFAULT_TZ = "Asia/Shanghai"


def company_today(now_utc, tz_name):
    """Day D: the date of the UTC instant ``now_utc`` in the company's time zone (LP-3).

    ``now_utc`` is a naive UTC datetime (as Odoo stores them) or an aware one; an empty or
    unknown zone falls back to China Standard Time, the rulebooks' zone.
    """
    if now_utc.tzinfo is None:
        now_utc = now_utc.replace(tzinfo=datetime.UTC)
    try:
        zone = zoneinfo.ZoneInfo(tz_name or DEFAULT_TZ)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo(DEFAULT_TZ)
    return now_utc.astimezone(zone).date()


def window_last_day(window_type, length, start, is_working_day=None):
    """Last day (inclusive, through 24:00 company time) protected by a registration made on
    day D = ``start`` (LP-3, PRC Civil Code art. 201-203: day D is not counted).

    - calendar days: walk-in 7 days -> D + 7, deposit 90 days -> D + 90;
    - working days: counted on the company's calendar (``is_working_day(date)``) from the day
      after D; the last day is the ``length``-th working day after D;
    - months: follow-up sheet 1 month -> the same date next month, or that month's last day
      when it has no such date (31 Jan -> 28 Feb, art. 202);
    - same day: an appointment protects only its own day D.
    """
    if window_type == SAME_DAY:
        return start
    if length < 1:
        raise ValueError("A protection window lasts at least one unit.")
    if window_type == CALENDAR_DAYS:
        return start + datetime.timedelta(days=length)
    if window_type == MONTHS:
        return add_months(start, length)
    if window_type == WORKING_DAYS:
        if is_working_day is None:
            raise ValueError("Working days need a calendar.")
        day, counted = start, 0
        for _guard in range(length * 10 + 366):
            day += datetime.timedelta(days=1)
            if is_working_day(day):
                counted += 1
                if counted == length:
                    return day
        raise ValueError("The calendar has no working days.")
    raise ValueError(f"Unknown window type {window_type!r}")


def is_expired(last_day, today):
    """A registration is invalid after the last day of its window (LP-4)."""
    return today > last_day


def neglect_last_day(last_service_date, months):
    """LP-14: the last day a service on ``last_service_date`` (day D, company time) still
    covers: ``months`` months counted as LP-3 counts them (D not counted, art. 202)."""
    return add_months(last_service_date, months)


def is_neglected(last_service_date, today, months):
    """LP-14: a customer not served (home visit, attended event, call that reached him) for
    ``months`` months: neglected from the day after the period's last day."""
    if last_service_date is None:
        return True
    return today > neglect_last_day(last_service_date, months)

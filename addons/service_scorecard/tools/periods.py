# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Months and quarters."""

import calendar
import datetime

MONTH = "month"
QUARTER = "quarter"


def period_bounds(period_type, day):
    """First and last day of the month or quarter holding ``day``."""
    if period_type == MONTH:
        first_month = day.month
        last_month = day.month
    elif period_type == QUARTER:
        first_month = (day.month - 1) // 3 * 3 + 1
        last_month = first_month + 2
    else:
        raise ValueError(period_type)
    return (
        datetime.date(day.year, first_month, 1),
        datetime.date(day.year, last_month, calendar.monthrange(day.year, last_month)[1]),
    )


def period_name(period_type, day):
    """'2026-03' for a month, '2026-Q1' for a quarter."""
    if period_type == MONTH:
        return f"{day.year}-{day.month:02d}"
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_index(day):
    """Quarters numbered without gaps across years: consecutive quarters differ by one."""
    return day.year * 4 + (day.month - 1) // 3


def due_for_closing(period_end, today, delay_days):
    """A period is closed by the scheduled job ``delay_days`` after its last day, giving
    supervisors time to record late evidence."""
    return period_end + datetime.timedelta(days=delay_days) < today

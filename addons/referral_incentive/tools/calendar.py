# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The referral calendar: monthly reports and payday (RI-6), quarterly applications (RI-7)."""

import calendar as _calendar
import datetime


def _day_of_month(year, month, day):
    return datetime.date(year, month, min(day, _calendar.monthrange(year, month)[1]))


def monthly_deadlines(
    year, month, report_day=5, judged_day=10, judged_latest_day=15, payday_by_group=None
):
    """Deadlines in ``month`` for the referrals of the previous month (RI-6)."""
    payday_by_group = payday_by_group or {"office": 10, "travelling": 20}
    return {
        "report": _day_of_month(year, month, report_day),
        "judged": _day_of_month(year, month, judged_day),
        "judged_latest": _day_of_month(year, month, judged_latest_day),
        "payday": {
            group: _day_of_month(year, month, day) for group, day in payday_by_group.items()
        },
    }


def quarter_of(day):
    """(year, quarter number, first day, last day) of the quarter holding ``day``."""
    quarter = (day.month - 1) // 3 + 1
    first = datetime.date(day.year, 3 * quarter - 2, 1)
    last_month = 3 * quarter
    last = datetime.date(day.year, last_month, _calendar.monthrange(day.year, last_month)[1])
    return day.year, quarter, first, last


def application_deadline(quarter_last_day, working_days, is_working_day):
    """RI-7: the last day to apply: ``working_days`` working days after the quarter ends."""
    day, counted = quarter_last_day, 0
    for _guard in range(working_days * 10 + 60):
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
            if counted == working_days:
                return day
    raise ValueError("The calendar has no working days.")


def is_late(submitted_on, deadline):
    """RI-7: an application after the deadline is refused."""
    return submitted_on > deadline


def next_payday(day, payday):
    """RI-6: the first payday (day of month ``payday``, capped at the month's end) on or
    after ``day``: an amount approved after this month's payday is paid next month."""
    this_month = _day_of_month(day.year, day.month, payday)
    if day <= this_month:
        return this_month
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return _day_of_month(year, month, payday)


def previous_month(day):
    """(first day, last day) of the month before the one holding ``day``."""
    last = day.replace(day=1) - datetime.timedelta(days=1)
    return last.replace(day=1), last


def monthly_report_deadline(deal_day, report_day=5):
    """RI-2 (a), RI-6: an internal-staff referral of ``deal_day``'s month is reported to
    finance by ``report_day`` of the next month."""
    year, month = (
        (deal_day.year + 1, 1) if deal_day.month == 12 else (deal_day.year, deal_day.month + 1)
    )
    return _day_of_month(year, month, report_day)

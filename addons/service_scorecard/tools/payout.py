# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Money by grade (SC-3, SC-4) and the quarterly payout (SC-5)."""

import calendar
import datetime


def amount_by_grade(grade, amounts):
    """SC-3 / SC-4: the configured amount of a grade (0 when the grade has none).

    :param amounts: {grade code: amount}, e.g. quarterly bonuses {'A': 2500, ... 'E': 0} or
        monthly rewards {'A': 200, 'B': 100, 'C': 0, 'D': -100, 'E': -200}
    """
    return amounts.get(grade) or 0.0


def quarterly_payout(quality_bonus, revenue_amount):
    """SC-5: quality bonus plus the revenue bonus or penalty.

    A revenue penalty never takes more than the quarter's bonus total (the quality bonus); a
    revenue bonus is uncapped.

    :return: (revenue part actually applied, payout)
    """
    revenue = revenue_amount or 0.0
    if revenue < 0:
        revenue = max(revenue, -max(quality_bonus, 0.0))
    return revenue, quality_bonus + revenue


def year_end_date(year, payment_month):
    """SC-4: accrual date of a year's monthly rewards, paid with the year-end bonus.

    The year-end bonus is paid in ``payment_month``: December of the same year, or an
    earlier month number meaning that month of the following year (e.g. 1 = January after).
    :return: the last day of that month
    """
    if not 1 <= payment_month <= 12:
        raise ValueError(payment_month)
    pay_year = year if payment_month == 12 else year + 1
    return datetime.date(pay_year, payment_month, calendar.monthrange(pay_year, payment_month)[1])

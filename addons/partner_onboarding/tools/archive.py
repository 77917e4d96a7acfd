# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Periodic snapshots of partner files (PO-7).

The year is cut into periods of ``months`` (6: January-June and July-December). Once a period
is over, the file of every partner whose grade is archived (A, B) gets one immutable copy for
it. C and D files are kept current only.
"""

import datetime

from .visits import add_months


def period_of(day, months):
    """First and last day of the period of ``months`` that contains ``day``."""
    if months < 1 or 12 % months:
        raise ValueError("A period lasts a divisor of 12 months (1, 2, 3, 4, 6 or 12).")
    start = day.replace(month=(day.month - 1) // months * months + 1, day=1)
    return start, add_months(start, months) - datetime.timedelta(days=1)


def period_label(start, months):
    """``2026-H1`` for half years, ``2026-Q3`` for quarters, ``2026-P5`` otherwise."""
    index = (start.month - 1) // months + 1
    prefix = {6: "H", 3: "Q", 12: "Y"}.get(months, "P")
    return f"{start.year}" if months == 12 else f"{start.year}-{prefix}{index}"


def last_closed_period(today, months):
    """The latest period that is over on ``today``."""
    start, _end = period_of(today, months)
    return period_of(start - datetime.timedelta(days=1), months)


def snapshot_due(grade, archived_grades, today, months, last_period_end=None):
    """PO-7: the period ``(start, end)`` a file must be archived for now, or None.

    Only the latest closed period is archived: a file is archived as it stands, so a period
    missed earlier cannot be reconstructed.
    """
    if grade not in archived_grades:
        return None
    start, end = last_closed_period(today, months)
    if last_period_end is not None and last_period_end >= end:
        return None
    return start, end

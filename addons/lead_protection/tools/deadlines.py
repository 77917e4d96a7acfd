# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deadlines of the registration procedures: an unreachable number (LP-23) and the
confirmation and report of a project registration (LP-26).

Days are counted as LP-3 counts them: day D (the failed call, the confirmation) is not
counted and the period ends at 24:00 of its last day in the company's time zone; the caller
turns the last day into that instant (``res.company._suite_day_end``).
"""

import datetime

from . import windows

# Outcomes of a call that did not reach the customer (LP-23).
NO_CONNECT = "no_connect"
SUSPENDED = "suspended"
FAILED_OUTCOMES = (NO_CONNECT, SUSPENDED)

# Why someone may not confirm a project registration (LP-26).
NOT_LEADER = "not_leader"
OWN_APPLICATION = "own_application"


def unreachable_last_day(failed_day, days):
    """LP-23: the last day on which the registrant may still reach the customer or record
    his own working number, the number having failed on ``failed_day`` (day D)."""
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise ValueError("The period of an unreachable number lasts at least one day.")
    return windows.window_last_day(windows.CALENDAR_DAYS, days, failed_day)


def is_past(deadline, now):
    """Whether the instant ``deadline`` (24:00 of a last day, UTC) is reached at ``now``.

    At the deadline itself the period is over: 24:00 of the last day is 00:00 of the next.
    """
    if deadline is None:
        return False
    if not isinstance(deadline, datetime.datetime) or not isinstance(now, datetime.datetime):
        raise TypeError("deadline and now are datetimes")
    return now >= deadline


def capped_end(protected_until, deadline):
    """The end of a key's protection once an unreachable number limits it (LP-23): the
    earlier of the two; ``None`` stands for no end (a signed contract)."""
    if protected_until is None:
        return deadline
    if deadline is None:
        return protected_until
    return min(protected_until, deadline)


def report_last_day(confirmed_day, days, is_working_day):
    """LP-26: the last day on which the team leader reports a project confirmed on
    ``confirmed_day`` to the sales supervisor: the ``days``-th working day after it."""
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise ValueError("The report period of a project lasts at least one working day.")
    return windows.window_last_day(windows.WORKING_DAYS, days, confirmed_day, is_working_day)


def confirm_refusal(acting, applicant, leader, is_admin=False):
    """LP-26: why ``acting`` may not confirm the project ``applicant`` applied for, or None.

    Only the team's leader confirms (the administrator too); nobody confirms his own
    application, not even a leader applying for himself (the administrator then confirms).
    """
    if acting == applicant and not is_admin:
        return OWN_APPLICATION
    if is_admin or (leader is not None and acting == leader):
        return None
    return NOT_LEADER

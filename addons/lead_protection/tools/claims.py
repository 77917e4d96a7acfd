# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Late claims (对单) on a sale booked by someone else (LP-10, LP-22)."""

import calendar

FULL = "full"
HALF = "half"
REFUSED_LATE = "refused_late"
REFUSED_OTHER_MONTH = "refused_other_month"
REFUSED_MONTH_END = "refused_month_end"


def late_claim_outcome(sale_date, claim_date, full_days=7, half_days=15, freeze_days=3):
    """Decide a late claim of the original owner on a sale booked by someone else.

    - within ``full_days`` of the sale: full credit to the original owner;
    - after that, within ``half_days``: half each;
    - later: refused;
    - claims close at month end: a claim in another month than the sale is refused;
    - in the last ``freeze_days`` days of a month only same-day sales may be changed.
    """
    closed = month_closed(sale_date, claim_date, freeze_days)
    if closed:
        return closed
    elapsed = (claim_date - sale_date).days
    if elapsed <= full_days:
        return FULL
    if elapsed <= half_days:
        return HALF
    return REFUSED_LATE


def month_closed(sale_date, claim_date, freeze_days=3):
    """The month closing of claims: None when the claim may still change the sale, else
    the refusal (another month; the last ``freeze_days`` days of a month for older sales)."""
    if claim_date < sale_date:
        raise ValueError("A claim cannot precede the sale.")
    if (claim_date.year, claim_date.month) != (sale_date.year, sale_date.month):
        return REFUSED_OTHER_MONTH
    last_day = calendar.monthrange(claim_date.year, claim_date.month)[1]
    if claim_date.day > last_day - freeze_days and claim_date != sale_date:
        return REFUSED_MONTH_END
    return None


def appointment_claim_outcome(sale_date, claim_date, full_days=0, half_days=7, freeze_days=3):
    """LP-22: a claim proved only by the claimant's appointment of the sale day (no
    follow-up sheet): found within ``full_days`` of the signing (the same day by default),
    the deal is the claimant's; within ``half_days``, half each; later, refused. The month
    closing of claims applies as to every claim: LP-10's calendar with LP-22's days."""
    return late_claim_outcome(sale_date, claim_date, full_days, half_days, freeze_days)


def claim_shares(outcome, original, booker):
    """Credit shares in percent after a late claim (LP-10)."""
    if outcome == FULL:
        return {original: 100.0}
    if outcome == HALF:
        return {original: 50.0, booker: 50.0}
    return {booker: 100.0}

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Changes of a won deal's credit (plain Python, no Odoo): the performance change form
(業績更改單, LP-18), co-selling shares (LP-17) and the follow-up right (LP-21)."""

import calendar

ALLOWED = "allowed"
REFUSED_FUTURE = "refused_future"
REFUSED_OTHER_MONTH = "refused_other_month"
REFUSED_MONTH_END = "refused_month_end"

# States of a change form
ACCEPT = "accept"
MANAGER = "manager"
DIRECTOR = "director"
APPLIED = "applied"
REFUSED = "refused"

LEDGER_PREFIX = "lp18:"


def month_rule(won_date, today, freeze_days=3, commission_only=False):
    """LP-18 month rule for changing a deal won on ``won_date`` on ``today`` (both in the
    company's time zone).

    - no change crosses months: the month closes on its last day;
    - in the last ``freeze_days`` days of a month only the deals won that same day change
      their salesperson; earlier deals of the month may still move their commission
      without renaming (``commission_only``);
    - otherwise any deal of the month may change.

    :return: ALLOWED or one of the REFUSED_* reasons
    """
    if isinstance(freeze_days, bool) or not isinstance(freeze_days, int) or freeze_days < 0:
        raise ValueError(f"freeze_days is a number of days, not {freeze_days!r}")
    if today < won_date:
        return REFUSED_FUTURE
    if (today.year, today.month) != (won_date.year, won_date.month):
        return REFUSED_OTHER_MONTH
    last_day = calendar.monthrange(today.year, today.month)[1]
    in_freeze = today.day > last_day - freeze_days
    if in_freeze and today != won_date and not commission_only:
        return REFUSED_MONTH_END
    return ALLOWED


def valid_shares(shares):
    """Whether ``shares`` ({who: percent}) are credit shares: each from 0 to 100, more than
    zero for at least one person, totalling 100 % (LP-8, LP-17)."""
    if not isinstance(shares, dict) or not shares:
        return False
    for share in shares.values():
        if isinstance(share, bool) or not isinstance(share, (int, float)):
            return False
        if share != share or not 0.0 <= share <= 100.0:  # NaN
            return False
    return round(sum(shares.values()), 6) == 100.0


def co_selling_shares(seller, own_share, partner=None, partner_share=0.0):
    """LP-17: the credit shares booked at the win: the salesperson's own share and his
    recorded partner's, totalling 100 %; without partner, 100 % to the salesperson.

    :raise ValueError: shares that do not total 100 %, or a partner share without partner
    """
    if not partner or not partner_share:
        if partner_share:
            raise ValueError("A partner share needs a partner.")
        return {seller: 100.0}
    if partner == seller:
        raise ValueError("The salesperson is not his own partner.")
    shares = {seller: float(own_share), partner: float(partner_share)}
    if not valid_shares(shares):
        raise ValueError(f"Co-selling shares must total 100 %, not {shares!r}")
    return shares


def transfer_shares(current, giver, receiver):
    """LP-18: the credit shares after ``giver`` hands his booked credit to ``receiver``
    (a partner's own share, LP-17, is kept).

    :param current: {who: percent} booked now
    """
    if giver == receiver:
        raise ValueError("The credit moves between two different salespeople.")
    given = current.get(giver, 0.0)
    if not given:
        raise ValueError("The giving salesperson holds no credit on this deal.")
    shares = {who: share for who, share in current.items() if who != giver and share}
    shares[receiver] = shares.get(receiver, 0.0) + given
    return shares


def next_state(state, from_accepted, to_accepted):
    """The state of a change form once the parties' acceptances are recorded: both
    salespeople accept, then the manager of the giver signs, then the director."""
    if state == ACCEPT and from_accepted and to_accepted:
        return MANAGER
    return state


def follow_up_holder(shares, booked, claimant):
    """LP-21: who holds the follow-up right (service, renewals) after a claim: the claimant
    when he won the full credit; the booked salesperson otherwise (a half claim)."""
    if shares.get(claimant, 0.0) == 100.0:
        return claimant
    return booked


def ledger_key(change_id):
    """Ledger key of the commission booked by one applied change (one event each)."""
    return f"{LEDGER_PREFIX}{change_id}"

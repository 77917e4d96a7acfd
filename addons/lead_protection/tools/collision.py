# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Collisions (撞单) and their outcomes (LP-5 .. LP-8)."""

OWNER = "owner"
CHALLENGER = "challenger"
SPLIT = "split"
CUSTOMER_CHOICE = "customer_choice"
OUTCOMES = (OWNER, CHALLENGER, SPLIT, CUSTOMER_CHOICE)


def first_valid(registrations):
    """The registration that owns the customer: the first valid one (LP-5).

    :param registrations: iterable of dicts with id, registered_at, valid
    :return: id of the owner, or None when none is valid
    """
    valid = [reg for reg in registrations if reg["valid"]]
    if not valid:
        return None
    return min(valid, key=lambda reg: (reg["registered_at"], reg["id"]))["id"]


def credit_shares(outcome, owner, challenger, split_percent=50.0, chosen=None):
    """Each salesperson's share of the credit on the won deal, in percent (LP-6 .. LP-8).

    :param outcome: owner / challenger (one side gets it all), split (50/50 by default: the
        order cannot be determined or both helped to close), customer_choice (LP-4: after
        expiry the customer chose ``chosen``)
    """
    if outcome == OWNER:
        return {owner: 100.0}
    if outcome == CHALLENGER:
        return {challenger: 100.0}
    if outcome == SPLIT:
        if not valid_share(split_percent):
            raise ValueError(f"A share is between 0 and 100, not {split_percent!r}")
        return {owner: float(split_percent), challenger: 100.0 - split_percent}
    if outcome == CUSTOMER_CHOICE:
        if chosen not in (owner, challenger):
            raise ValueError("The customer must choose one of the two salespeople.")
        return {chosen: 100.0}
    raise ValueError(f"Unknown outcome {outcome!r}")


def valid_share(share):
    """Whether ``share`` is a credit share in percent: a number from 0 to 100 (LP-8)."""
    return (
        isinstance(share, (int, float))
        and not isinstance(share, bool)
        and share == share  # not NaN
        and 0.0 <= share <= 100.0
    )


def acceptor(proposer, owner, challenger):
    """LP-6: the party who must accept a solution that ``proposer`` proposed, or None
    when the proposer is not a party (only a party proposes, only the other accepts)."""
    if proposer == owner and proposer != challenger:
        return challenger
    if proposer == challenger and proposer != owner:
        return owner
    return None


def commission_amounts(shares, deal_amount, rate_percent):
    """Commission of each salesperson for the credit shares, rounded to cents."""
    return {
        who: round(deal_amount * rate_percent / 100.0 * share / 100.0, 2)
        for who, share in shares.items()
    }

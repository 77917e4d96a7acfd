# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Club membership rules (LP-34..LP-37), without a database."""

CONSULTANT = "consultant"
HANDLER = "handler"
FOLLOWER = "follower"
REDISTRIBUTED = "redistributed"
USER_FOLLOWER = "user_follower"


def is_valid(date_end, day):
    """A membership is valid up to and including its last day (company's calendar day)."""
    return bool(date_end) and day <= date_end


def renewal_owner(
    valid,
    consultant,
    last_handler,
    employed,
    follower,
    redistributed_to=None,
    user_follower=None,
):
    """Who a member's renewal or upgrade (續卡) goes to (LP-34, LP-36).

    :param valid: whether the membership is still valid on the day of the renewal
    :param employed: the salespeople still employed
    :param follower: the salesperson who follows the renewal up (sells it)
    :param redistributed_to: who the members of a leaver were redistributed to (LP-34)
    :param user_follower: for a card transferred to its user, whoever follows the user (LP-36)
    :return: (salesperson, reason)
    """
    if user_follower is not None:
        return user_follower, USER_FOLLOWER
    if redistributed_to is not None and redistributed_to in employed:
        return redistributed_to, REDISTRIBUTED
    if valid and consultant in employed:
        return consultant, CONSULTANT
    if not valid and last_handler in employed:
        return last_handler, HANDLER
    # An expired member, or a valid one whose consultant left, is a company resource.
    return follower, FOLLOWER


def below_renewal_price(price, renewal_price):
    """LP-35: a renewal sold below the membership's renewal price."""
    if price is None or renewal_price is None or price < 0 or renewal_price < 0:
        raise ValueError("prices must be non-negative numbers")
    return price < renewal_price

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Club membership rules LP-34..LP-36, without a database."""

import datetime

import pytest
from conftest import load_tools

membership = load_tools("lead_membership").membership
D = datetime.date


def test_is_valid_last_day_included():
    """LP-34: valid through its last day, expired the day after."""
    assert membership.is_valid(D(2026, 3, 31), D(2026, 3, 31))
    assert not membership.is_valid(D(2026, 3, 31), D(2026, 4, 1))
    assert not membership.is_valid(False, D(2026, 4, 1))


def test_valid_member_goes_to_consultant():
    """LP-34: renewal while valid goes to the original consultant if still employed."""
    assert membership.renewal_owner(True, "C", "H", {"C", "H", "F"}, "F") == ("C", "consultant")


def test_valid_member_consultant_left():
    """LP-34: consultant left: company resource, to whoever follows the renewal."""
    assert membership.renewal_owner(True, "C", "H", {"H", "F"}, "F") == ("F", "follower")


def test_expired_member_goes_to_last_handler_or_follower():
    """LP-34: expired: the last handler if employed, otherwise the follower."""
    assert membership.renewal_owner(False, "C", "H", {"C", "H", "F"}, "F") == ("H", "handler")
    assert membership.renewal_owner(False, "C", "H", {"C", "F"}, "F") == ("F", "follower")


def test_redistributed_member():
    """LP-34: members redistributed from a leaver to B are B's."""
    assert membership.renewal_owner(True, "C", "H", {"B", "F"}, "F", redistributed_to="B") == (
        "B",
        "redistributed",
    )


def test_transferred_card_follows_user():
    """LP-36: a card transferred to B: B's renewals go to whoever follows B."""
    assert membership.renewal_owner(True, "C", "H", {"C"}, "F", user_follower="U") == (
        "U",
        "user_follower",
    )


def test_below_renewal_price():
    """LP-35: below the renewal price is a low-price renewal."""
    assert membership.below_renewal_price(900.0, 1000.0)
    assert not membership.below_renewal_price(1000.0, 1000.0)
    with pytest.raises(ValueError):
        membership.below_renewal_price(-1.0, 1000.0)

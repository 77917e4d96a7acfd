# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""LP-17, LP-18, LP-21: changes of a won deal's credit."""

import datetime

import pytest
from conftest import load_tools

change = load_tools("lead_protection").change

D = datetime.date


def test_lp18_same_month_before_the_freeze_is_allowed():
    assert change.month_rule(D(2026, 11, 2), D(2026, 11, 20)) == change.ALLOWED


def test_lp18_never_across_months():
    assert change.month_rule(D(2026, 10, 31), D(2026, 11, 1)) == change.REFUSED_OTHER_MONTH
    assert (
        change.month_rule(D(2026, 10, 31), D(2026, 11, 1), commission_only=True)
        == change.REFUSED_OTHER_MONTH
    )
    assert change.month_rule(D(2025, 11, 2), D(2026, 11, 2)) == change.REFUSED_OTHER_MONTH


def test_lp18_last_three_days_only_same_day_deals_change_salesperson():
    # November has 30 days: the 28th, 29th and 30th are the last three.
    assert change.month_rule(D(2026, 11, 27), D(2026, 11, 27)) == change.ALLOWED
    assert change.month_rule(D(2026, 11, 26), D(2026, 11, 27)) == change.ALLOWED
    assert change.month_rule(D(2026, 11, 27), D(2026, 11, 28)) == change.REFUSED_MONTH_END
    assert change.month_rule(D(2026, 11, 30), D(2026, 11, 30)) == change.ALLOWED
    # February 2027 has 28 days: the 26th is inside the window.
    assert change.month_rule(D(2027, 2, 25), D(2027, 2, 26)) == change.REFUSED_MONTH_END
    assert change.month_rule(D(2027, 2, 25), D(2027, 2, 25)) == change.ALLOWED


def test_lp18_last_days_commission_only_for_earlier_deals():
    assert (
        change.month_rule(D(2026, 11, 3), D(2026, 11, 29), commission_only=True) == change.ALLOWED
    )


def test_lp18_freeze_days_configurable():
    assert change.month_rule(D(2026, 11, 20), D(2026, 11, 26), freeze_days=5) == (
        change.REFUSED_MONTH_END
    )
    assert change.month_rule(D(2026, 11, 20), D(2026, 11, 30), freeze_days=0) == change.ALLOWED
    with pytest.raises(ValueError):
        change.month_rule(D(2026, 11, 20), D(2026, 11, 30), freeze_days=-1)
    with pytest.raises(ValueError):
        change.month_rule(D(2026, 11, 20), D(2026, 11, 30), freeze_days=True)


def test_lp18_change_before_the_win_is_refused():
    assert change.month_rule(D(2026, 11, 20), D(2026, 11, 19)) == change.REFUSED_FUTURE


def test_lp17_co_selling_shares():
    assert change.co_selling_shares(1, 100.0) == {1: 100.0}
    assert change.co_selling_shares(1, 60.0, 2, 40.0) == {1: 60.0, 2: 40.0}
    with pytest.raises(ValueError):
        change.co_selling_shares(1, 60.0, 2, 50.0)
    with pytest.raises(ValueError):
        change.co_selling_shares(1, 50.0, 1, 50.0)
    with pytest.raises(ValueError):
        change.co_selling_shares(1, 50.0, None, 50.0)


def test_valid_shares():
    assert change.valid_shares({1: 50.0, 2: 50})
    assert not change.valid_shares({1: 50.0})
    assert not change.valid_shares({1: 120.0, 2: -20.0})
    assert not change.valid_shares({1: True})
    assert not change.valid_shares({1: float("nan")})
    assert not change.valid_shares({})
    assert not change.valid_shares([100])


def test_lp18_transfer_keeps_the_partner_share():
    assert change.transfer_shares({1: 100.0}, 1, 2) == {2: 100.0}
    assert change.transfer_shares({1: 60.0, 3: 40.0}, 1, 2) == {3: 40.0, 2: 60.0}
    assert change.transfer_shares({1: 50.0, 2: 50.0}, 1, 2) == {2: 100.0}
    with pytest.raises(ValueError):
        change.transfer_shares({1: 100.0}, 2, 3)
    with pytest.raises(ValueError):
        change.transfer_shares({1: 100.0}, 1, 1)


def test_lp18_both_parties_accept_before_the_manager():
    assert change.next_state(change.ACCEPT, True, False) == change.ACCEPT
    assert change.next_state(change.ACCEPT, False, True) == change.ACCEPT
    assert change.next_state(change.ACCEPT, True, True) == change.MANAGER
    assert change.next_state(change.DIRECTOR, True, True) == change.DIRECTOR


def test_lp21_follow_up_right():
    assert change.follow_up_holder({7: 100.0}, 3, 7) == 7
    assert change.follow_up_holder({7: 50.0, 3: 50.0}, 3, 7) == 3


def test_ledger_key():
    assert change.ledger_key(12) == "lp18:12"

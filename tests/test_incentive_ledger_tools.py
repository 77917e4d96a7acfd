# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PAY-1 and PAY-2 rules of the incentive ledger, without a database."""

import datetime

from conftest import load_tools

ledger = load_tools("incentive_ledger").ledger


def test_pay1_new_events_are_created_once_in_order():
    """PAY-1: distinct new keys are created once; repeats resolve to the first."""
    keys = [(1, 7, "a", "bonus"), (1, 7, "b", "bonus"), (1, 7, "a", "bonus")]
    to_create, resolution = ledger.plan_bookings(keys, existing={})
    assert to_create == [0, 1]
    assert resolution == [0, 1, 0]


def test_pay1_existing_events_are_not_booked_again():
    """PAY-1: a key already in the ledger is not created again."""
    keys = [(1, 7, "a", "bonus"), (1, 7, "a", "penalty")]
    to_create, resolution = ledger.plan_bookings(keys, existing={(1, 7, "a", "bonus"): 42})
    assert to_create == [1]
    assert resolution == [None, 1]


def test_pay1_the_kind_is_part_of_the_identity():
    """PAY-1: the same event may book a bonus and a penalty, once each."""
    assert ledger.booking_key(1, 7, "evt", "bonus") != ledger.booking_key(1, 7, "evt", "penalty")


def test_pay2_reversal_takes_back_the_amount():
    """PAY-2: a reversal is the negative of the paid line, linked to it, keyed by it."""
    on = datetime.date(2026, 11, 22)
    vals = ledger.reversal_values(
        {
            "id": 5,
            "company_id": 1,
            "employee_id": 7,
            "amount": 1000.0,
            "rule_ref": "RI-8",
            "name": "Reversal: bonus",
            "source_ref": "crm.lead,3",
        },
        on,
    )
    assert vals["kind"] == ledger.REVERSAL
    assert vals["amount"] == -1000.0
    assert vals["reversed_line_id"] == 5
    assert vals["source_key"] == "reversal:5"
    assert vals["date"] == on
    assert vals["rule_ref"] == "RI-8"


def test_pay2_reversal_of_a_penalty_gives_money_back():
    """PAY-2: reversing a penalty of -500 pays 500 back."""
    vals = ledger.reversal_values(
        {"id": 1, "company_id": 1, "employee_id": 2, "amount": -500.0, "name": "x"},
        datetime.date(2026, 1, 1),
    )
    assert vals["amount"] == 500.0
    assert vals["rule_ref"] is False

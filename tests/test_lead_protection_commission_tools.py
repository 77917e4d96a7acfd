# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""LP-16: commission of every won deal."""

import datetime

from conftest import load_tools

commission = load_tools("lead_protection").commission

D = datetime.date
T = datetime.datetime


def _reg(reg_id, at, on, last, valid=True):
    return {
        "id": reg_id,
        "registered_at": at,
        "registered_on": on,
        "last_day": last,
        "valid": valid,
    }


def test_holding_registration_is_the_earliest_valid_on_the_signing_date():
    regs = [
        _reg(2, T(2026, 3, 2, 9), D(2026, 3, 2), D(2026, 3, 20)),
        _reg(1, T(2026, 3, 1, 9), D(2026, 3, 1), D(2026, 3, 20)),
        _reg(3, T(2026, 2, 1, 9), D(2026, 2, 1), D(2026, 3, 20), valid=False),
    ]
    assert commission.holding_registration(regs, D(2026, 3, 10)) == 1


def test_holding_registration_outside_its_days_holds_nothing():
    regs = [_reg(1, T(2026, 3, 1, 9), D(2026, 3, 1), D(2026, 3, 5))]
    assert commission.holding_registration(regs, D(2026, 3, 6)) is None
    assert commission.holding_registration(regs, D(2026, 2, 28)) is None
    assert commission.holding_registration(regs, D(2026, 3, 5)) == 1
    assert commission.holding_registration([], D(2026, 3, 5)) is None


def test_decision_books_to_registrant_or_salesperson_else_collision():
    assert commission.commission_decision(None, 7) == (commission.BOOK, 7)
    assert commission.commission_decision(7, 7) == (commission.BOOK, 7)
    assert commission.commission_decision(8, 7) == (commission.COLLISION, None)


def test_amount_and_key():
    assert commission.commission_amount(100000.0, 1.0) == 1000.0
    assert commission.commission_amount(333.33, 1.5) == 5.0
    assert commission.commission_amount(0.0, 1.0) == 0.0
    assert commission.commission_amount(1000.0, 0.0) == 0.0
    assert commission.source_key(5, 0) == "lp16:5"
    assert commission.source_key(5, 1) == "lp16:5:2"


def test_lp25_order_number_checked_like_lp1():
    prefixes = {"86": (11, "1")}
    assert commission.order_number_problem(None, "+8613800138000", prefixes) is None
    assert commission.order_number_problem(None, "+861380013800", prefixes) == "incomplete"
    assert commission.order_number_problem(None, "+862112345678", prefixes) == "incomplete"
    assert commission.order_number_problem("masked", None, prefixes) == "masked"
    assert commission.order_number_problem("missing", None, prefixes) == "missing"
    assert commission.order_number_problem(None, False, prefixes) == "incomplete"

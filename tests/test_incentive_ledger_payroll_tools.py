# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PAY-1: from ledger sums to payslip inputs, without a database."""

from conftest import load_tools

tools = load_tools("incentive_ledger_payroll").payslip_inputs
CODES = {"INC_BONUS", "INC_PENALTY", "INC_REVERSAL"}


def test_pay1_one_input_per_code_even_with_two_contracts():
    """PAY-1: OCA payroll lists rule inputs per contract; the ledger keeps one per code,
    so that the last-wins lookup by code cannot drop or double an amount."""
    rule_inputs = [
        {"name": "Bonus", "code": "INC_BONUS", "contract_id": 1},
        {"name": "Sales", "code": "SALEURO", "contract_id": 1},
        {"name": "Bonus", "code": "INC_BONUS", "contract_id": 2},
        {"name": "Penalty", "code": "INC_PENALTY", "contract_id": 2},
    ]
    merged = tools.merge_rule_inputs(rule_inputs, {"INC_BONUS": 1500.0}, CODES)
    assert merged == [
        {"name": "Bonus", "code": "INC_BONUS", "contract_id": 1, "amount": 1500.0},
        {"name": "Sales", "code": "SALEURO", "contract_id": 1},
        {"name": "Penalty", "code": "INC_PENALTY", "contract_id": 2, "amount": 0.0},
    ]


def test_pay1_sync_updates_deletes_duplicates_and_creates():
    """PAY-1: a draft payslip is brought up to date: stale amounts updated, duplicate
    lines of a code removed, missing codes with an amount created, other inputs untouched."""
    existing = [
        (10, "INC_BONUS", 100.0),
        (11, "INC_BONUS", 100.0),
        (12, "SALEURO", 5.0),
        (13, "INC_PENALTY", -50.0),
    ]
    amounts = {"INC_BONUS": 300.0, "INC_PENALTY": -50.0, "INC_REVERSAL": -200.0}
    updates, deletes, creates = tools.plan_input_sync(existing, amounts, CODES)
    assert updates == {10: 300.0}
    assert deletes == [11]
    assert creates == [("INC_REVERSAL", -200.0)]


def test_pay1_sync_is_idempotent():
    """PAY-1: syncing an up-to-date payslip plans nothing."""
    existing = [(10, "INC_BONUS", 300.0)]
    assert tools.plan_input_sync(existing, {"INC_BONUS": 300.0}, CODES) == ({}, [], [])


def test_pay1_paid_lines_vanish_from_the_inputs():
    """PAY-1: when another payslip paid the lines, the input drops to zero (kept, so that
    the clerk sees it) and nothing is created for codes with no amount."""
    updates, deletes, creates = tools.plan_input_sync([(10, "INC_BONUS", 300.0)], {}, CODES)
    assert updates == {10: 0.0}
    assert (deletes, creates) == ([], [])


def test_pay1_claim_must_match_what_was_computed():
    """PAY-1: confirming is refused for the codes whose claimed sum differs."""
    assert tools.claim_mismatches({"INC_BONUS": 300.0}, {"INC_BONUS": 300.0}) == []
    assert tools.claim_mismatches({"INC_BONUS": 300.0}, {}) == ["INC_BONUS"]
    assert tools.claim_mismatches({}, {"INC_PENALTY": -50.0}) == ["INC_PENALTY"]
    assert tools.claim_mismatches({"INC_BONUS": 0.1 + 0.2}, {"INC_BONUS": 0.3}) == []

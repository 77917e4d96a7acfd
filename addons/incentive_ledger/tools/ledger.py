# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Booking rules of the incentive ledger (PAY-1, PAY-2).

Amounts are signed as they affect pay: bonuses, rewards and credit shares add (>= 0),
penalties deduct (<= 0), a reversal is the opposite of the line it reverses.
"""

BONUS = "bonus"
REWARD = "reward"
PENALTY = "penalty"
CREDIT_SHARE = "credit_share"
REVERSAL = "reversal"
KINDS = (BONUS, REWARD, PENALTY, CREDIT_SHARE, REVERSAL)


def booking_key(company_id, employee_id, source_key, kind):
    """The identity of one business event in the ledger (PAY-1)."""
    return (company_id, employee_id, source_key, kind)


def plan_bookings(keys, existing):
    """Decide which of ``keys`` must be created.

    :param keys: booking keys in the caller's order (duplicates allowed)
    :param existing: mapping booking key -> id of a line already in the ledger
    :return: (indexes of ``keys`` to create, one per distinct new key; for every index of
        ``keys``, the index of the created key it resolves to, or None when it is existing)
    """
    to_create = []
    first_index = {}
    resolution = []
    for index, key in enumerate(keys):
        if key in existing:
            resolution.append(None)
        elif key in first_index:
            resolution.append(first_index[key])
        else:
            first_index[key] = index
            to_create.append(index)
            resolution.append(index)
    return to_create, resolution


def reversal_values(line, on_date):
    """Values of the reversal of a paid ledger line (PAY-2).

    :param line: mapping with id, company_id, employee_id, amount, rule_ref, name, source_ref
    :param on_date: accrual date of the reversal (the next pay period takes it)
    """
    return {
        "kind": REVERSAL,
        "company_id": line["company_id"],
        "employee_id": line["employee_id"],
        "amount": -line["amount"],
        "date": on_date,
        "rule_ref": line.get("rule_ref") or False,
        "name": line["name"],
        "source_ref": line.get("source_ref") or False,
        "source_key": f"reversal:{line['id']}",
        "reversed_line_id": line["id"],
    }

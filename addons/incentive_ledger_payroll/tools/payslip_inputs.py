# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From ledger sums to payslip input lines (PAY-1).

OCA payroll keys a payslip's inputs by code and the last line of a code wins, so the ledger
keeps exactly one input line per code, carrying the whole sum of its kind.
"""


def merge_rule_inputs(rule_inputs, amounts_by_code, ledger_codes):
    """Complete what ``hr.payslip.get_inputs`` returns with the ledger's amounts.

    :param rule_inputs: list of dicts (name, code, contract_id) from OCA payroll, one per
        contract and rule input
    :param amounts_by_code: ledger sum per input code for this employee and period
    :param ledger_codes: the input codes that belong to the ledger
    :return: the same list where each ledger code appears once, with its amount
    """
    merged = []
    seen = set()
    for row in rule_inputs:
        code = row.get("code")
        if code in ledger_codes:
            if code in seen:
                continue
            seen.add(code)
            row = dict(row, amount=amounts_by_code.get(code, 0.0))
        merged.append(row)
    return merged


def plan_input_sync(existing, amounts_by_code, ledger_codes):
    """Bring a draft payslip's ledger inputs up to date.

    :param existing: list of (input line id, code, amount) of the payslip, in order
    :param amounts_by_code: ledger sum per input code for the payslip's employee and period
    :param ledger_codes: the input codes that belong to the ledger
    :return: (updates {line id: amount}, ids to delete, [(code, amount)] to create)
    """
    updates = {}
    deletes = []
    kept = set()
    for line_id, code, amount in existing:
        if code not in ledger_codes:
            continue
        if code in kept:
            deletes.append(line_id)
            continue
        kept.add(code)
        wanted = amounts_by_code.get(code, 0.0)
        if amount != wanted:
            updates[line_id] = wanted
    creates = [
        (code, amount)
        for code, amount in sorted(amounts_by_code.items())
        if code in ledger_codes and code not in kept and amount
    ]
    return updates, deletes, creates


def claim_mismatches(expected_by_code, claimed_by_code, precision=0.005):
    """Codes whose claimed ledger sum differs from what the payslip paid.

    A difference means the ledger changed after the payslip was computed (a line approved
    or paid by another payslip in between): the confirmation must not go through.
    """
    codes = set(expected_by_code) | set(claimed_by_code)
    return sorted(
        code
        for code in codes
        if abs(expected_by_code.get(code, 0.0) - claimed_by_code.get(code, 0.0)) > precision
    )

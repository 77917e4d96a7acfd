# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Grades: the key-partner materials check (PO-10) and two-party grade decisions (PO-11)."""

OK = "ok"
DOWNGRADED = "downgraded"
BLOCKED = "blocked"

DOWNGRADE = "downgrade"
BLOCK = "block"

CENTRAL = "central"
MARKET = "market"


def best_ordinary_grade(grades_in_order, key_grades):
    """The best grade that is not a key grade (C by default), or None."""
    for grade in grades_in_order:
        if grade not in key_grades:
            return grade
    return None


def grade_after_materials_check(grade, grades_in_order, key_grades, materials_missing, policy):
    """PO-10: the grade a partner actually gets, and what happened.

    A key grade (A, B) needs complete, true and valid materials. When some are missing the
    grade is either refused (``block``) or lowered to the best ordinary grade (``downgrade``).

    :return: ``(grade, outcome)`` with outcome ``ok``, ``downgraded`` or ``blocked``; the grade
        is None when blocked
    """
    if grade not in key_grades or not materials_missing:
        return grade, OK
    if policy == BLOCK:
        return None, BLOCKED
    if policy != DOWNGRADE:
        raise ValueError(f"Unknown policy {policy!r}")
    fallback = best_ordinary_grade(grades_in_order, key_grades)
    if fallback is None:
        return None, BLOCKED
    return fallback, DOWNGRADED


def approval_error(role, user_id, central_user_id, market_user_id, proposer_id=None):
    """PO-11: why ``user_id`` may not approve a grade change as ``role``, or None.

    The central office and the market development department decide together: each party
    approves once, one person cannot approve for both, and nobody approves his own proposal.
    """
    if role not in (CENTRAL, MARKET):
        raise ValueError(f"Unknown role {role!r}")
    if proposer_id and proposer_id == user_id:
        return "own_proposal"
    own, other = (
        (central_user_id, market_user_id) if role == CENTRAL else (market_user_id, central_user_id)
    )
    if own:
        return "already_approved"
    if other and other == user_id:
        return "same_person"
    return None


def is_decided(central_user_id, market_user_id):
    """PO-11: a grade change applies once both parties approved it."""
    return bool(central_user_id and market_user_id)

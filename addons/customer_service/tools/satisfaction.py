# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Satisfaction rate (SC-10), customer class (CS-11) and revenue bonus (SC-8)."""

CLASSES = ("gold", "important", "ordinary")


def satisfaction_rate(answers):
    """Percentage of satisfied answers among ``answers`` (booleans); None without answers."""
    answers = list(answers)
    if not answers:
        return None
    return round(100.0 * sum(1 for answer in answers if answer) / len(answers), 2)


def survey_reaches(rate, threshold):
    """SC-10: the quarter's survey books its points when the rate reaches the threshold."""
    return rate is not None and rate >= threshold


def revenue_bonus(revenue, base, share_percent=25.0, payout_percent=50.0):
    """SC-8: (revenue - base) x 25 % x 50 %, rounded to cents; negative is a penalty."""
    return round((revenue - base) * share_percent / 100.0 * payout_percent / 100.0, 2)


def check_class(value):
    """CS-11: the class is one of gold, important or ordinary."""
    if value not in CLASSES:
        raise ValueError(f"Unknown customer class {value!r}")
    return value

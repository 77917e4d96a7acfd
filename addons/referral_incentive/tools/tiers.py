# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bonus amount by deal amount (RI-5)."""

# The rulebook: below 100,000: 500; 100,000 to 500,000: 1,000; above 500,000: 2,000.
# Each tier: (lower bound, whether the bound itself belongs to the tier, bonus).
DEFAULT_TIERS = ((0.0, True, 500.0), (100_000.0, True, 1_000.0), (500_000.0, False, 2_000.0))


def select_tier(deal_amount, tiers=DEFAULT_TIERS):
    """The highest tier whose lower bound the deal amount reaches, or None.

    Each tier is a tuple starting with (lower bound, bound inclusive, bonus); more items
    (such as a record id) are carried along untouched.
    """
    if deal_amount < 0:
        raise ValueError("A deal amount cannot be negative.")
    selected = None
    for tier in sorted(tiers, key=lambda tier: tier[0]):
        lower, inclusive = tier[0], tier[1]
        if deal_amount > lower or (inclusive and deal_amount == lower):
            selected = tier
    return selected


def tier_bonus(deal_amount, tiers=DEFAULT_TIERS):
    """The bonus of the highest tier whose lower bound the deal amount reaches."""
    tier = select_tier(deal_amount, tiers)
    if tier is None:
        raise ValueError("No tier covers this amount: configure a tier from 0.")
    return tier[2]


def with_uplift(bonus, uplift, reason):
    """RI-5: special customers may get a discretionary uplift, always with a reason."""
    if uplift and not (reason or "").strip():
        raise ValueError("An uplift needs a reason.")
    if uplift < 0:
        raise ValueError("An uplift cannot be negative.")
    return bonus + uplift

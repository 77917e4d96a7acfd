# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Ranges of the company's rule settings: plain values in, plain values out.

Each addon of the suite declares the ranges of its company settings on ``res.company``::

    _suite_ranges = {"protection_split_percent": (0.0, 100.0), "close_days": (0, None)}

(``None``: no bound on that side). One constraint of incentive_ledger checks them all.
"""

from .guard import collect_declarations


def collect_ranges(classes):
    """{field name: (low, high)} declared as ``_suite_ranges`` along a model's MRO."""
    ranges = collect_declarations(classes, "_suite_ranges")
    for name, bounds in ranges.items():
        if not (isinstance(bounds, tuple) and len(bounds) == 2):
            raise TypeError(f"_suite_ranges[{name!r}] must be a (low, high) pair")
        low, high = bounds
        if low is not None and high is not None and low > high:
            raise ValueError(f"_suite_ranges[{name!r}]: {low} > {high}")
    return ranges


def out_of_range(value, low, high):
    """Whether ``value`` is below ``low`` or above ``high`` (a ``None`` bound is open)."""
    value = value or 0
    return (low is not None and value < low) or (high is not None and value > high)


def violations(values, ranges):
    """The fields of ``values`` ({field: value}) outside their range, in declaration order."""
    return [
        name
        for name, (low, high) in ranges.items()
        if name in values and out_of_range(values[name], low, high)
    ]

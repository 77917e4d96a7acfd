# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure rules of the incentive ledger: plain values in, plain values out, no Odoo."""

from . import clock, fines, guard, ledger, settings
from .ledger import (
    KINDS,
    REVERSAL,
    booking_key,
    plan_bookings,
    reversal_values,
)

__all__ = [
    "KINDS",
    "REVERSAL",
    "booking_key",
    "clock",
    "fines",
    "guard",
    "ledger",
    "plan_bookings",
    "reversal_values",
    "settings",
]

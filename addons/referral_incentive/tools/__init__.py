# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure rules of referral incentives (RI-1 .. RI-12): plain values in, plain values out."""

from . import attribution, calendar, tiers

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure rules of the service scorecard (SC-1 .. SC-7): plain values in, plain values out."""

from . import payout, periods, probation, ranking, scoring

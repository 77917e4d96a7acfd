# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure rules of customer service (CS-4 .. CS-8, CS-11, SC-8, SC-10): plain values in,
plain values out."""

from . import deadlines, fines, satisfaction

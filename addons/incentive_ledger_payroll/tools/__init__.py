# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure rules that turn ledger sums into payslip inputs: no Odoo import."""

from .payslip_inputs import claim_mismatches, merge_rule_inputs, plan_input_sync

__all__ = ["claim_mismatches", "merge_rule_inputs", "plan_input_sync"]

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LeadProtectionUnreachableNumber(models.TransientModel):
    """LP-23: record the customer's own working number after a failed call."""

    _name = "lead.protection.unreachable.number"
    _inherit = ["lead.protection.input.mixin"]
    _description = "Record the Customer's Working Number"

    registration_id = fields.Many2one(
        "lead.protection.registration",
        required=True,
        default=lambda self: self._default_registration(),
    )
    phone = fields.Char(string="Customer's Own Mobile", required=True)

    def _default_registration(self):
        context = self.env.context
        if context.get("active_model") == "lead.protection.registration":
            return context.get("active_id")
        return False

    def action_record(self):
        self._protection_single()
        self.registration_id._unreachable_record_number(self.phone)
        return {"type": "ir.actions.act_window_close"}

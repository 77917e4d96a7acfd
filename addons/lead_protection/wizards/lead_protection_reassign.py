# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LeadProtectionReassign(models.TransientModel):
    """LP-14: a manager reassigns neglected customers in batch."""

    _name = "lead.protection.reassign"
    _description = "Reassign Neglected Customers"

    lead_ids = fields.Many2many(
        "crm.lead", string="Leads", required=True, default=lambda self: self._default_leads()
    )
    user_id = fields.Many2one("res.users", string="New Salesperson", required=True)

    def _default_leads(self):
        """The leads selected where the wizard was opened."""
        context = self.env.context
        return context.get("active_ids", []) if context.get("active_model") == "crm.lead" else []

    def action_reassign(self):
        self.ensure_one()
        if not self.env.user.has_group("lead_protection.group_lead_protection_manager"):
            raise UserError(self.env._("Only sales managers can reassign customers."))
        not_neglected = self.lead_ids.filtered(lambda lead: not lead.protection_neglected)
        if not_neglected:
            raise UserError(
                self.env._(
                    "These customers are still served and cannot be reassigned: %s",
                    ", ".join(not_neglected.mapped("display_name")),
                )
            )
        self.lead_ids.sudo().protection_registration_ids._release(
            self.env._("Not served for months: reassigned (LP-14)")
        )
        self.lead_ids.write({"user_id": self.user_id.id, "protection_neglected": False})
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LeadProtectionWalkIn(models.TransientModel):
    """LP-15: receive a walk-in customer: the rotation names the salesperson, a lead is made."""

    _name = "lead.protection.walk.in"
    _inherit = ["lead.protection.input.mixin"]
    _description = "Receive Walk-in Customer"

    rotation_id = fields.Many2one("lead.protection.rotation", required=True)
    contact_name = fields.Char(string="Customer", required=True)
    phone = fields.Char(string="Mobile")
    partner_name = fields.Char(string="Company")
    named_user_id = fields.Many2one("res.users", string="Asks for")

    def action_receive(self):
        self._protection_single()
        receiver = self.rotation_id._receive(
            named_user=self.named_user_id, phone=self.phone, company_name=self.partner_name
        )
        # The rotation, not the receptionist's own access, decides who gets the customer.
        lead = (
            self.env["crm.lead"]
            .sudo()
            .create(
                {
                    "name": self.env._("Walk-in: %s", self.contact_name),
                    "contact_name": self.contact_name,
                    "phone": self.phone,
                    "partner_name": self.partner_name,
                    "user_id": receiver.id,
                    "team_id": self.rotation_id.team_id.id,
                }
            )
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Walk-in Customer"),
                "message": self.env._(
                    "%(customer)s is received by %(user)s.",
                    customer=self.contact_name,
                    user=receiver.name,
                ),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
            "lead_id": lead.id,
        }

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LeadProtectionRegister(models.TransientModel):
    """Register (报备) the customers of selected leads with a kind of registration."""

    _name = "lead.protection.register"
    _inherit = ["lead.protection.input.mixin"]
    _description = "Register Customers"

    lead_ids = fields.Many2many(
        "crm.lead", string="Leads", required=True, default=lambda self: self._default_leads()
    )
    kind_id = fields.Many2one(
        "lead.protection.kind",
        string="Kind of Registration",
        required=True,
        default=lambda self: self.env["lead.protection.kind"].search([], limit=1),
    )

    def _default_leads(self):
        """The leads selected where the wizard was opened."""
        context = self.env.context
        return context.get("active_ids", []) if context.get("active_model") == "crm.lead" else []

    def action_register(self):
        self._protection_single()
        registrations = self.env["lead.protection.registration"]._register_leads(
            self.lead_ids, self.kind_id
        )
        collided = registrations.filtered(lambda reg: reg.state == "collided")
        if collided:
            message = self.env._(
                "This customer is already protected by another registration (撞单). Your "
                "registration %(refs)s is recorded and a collision case was opened for your "
                "manager.",
                refs=", ".join(collided.mapped("name")),
            )
            kind = "warning"
        else:
            message = self.env._(
                "Registered: protected until %(day)s.",
                day=", ".join(str(day) for day in sorted(set(registrations.mapped("last_day")))),
            )
            kind = "success"
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Registration"),
                "message": message,
                "type": kind,
                "sticky": bool(collided),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

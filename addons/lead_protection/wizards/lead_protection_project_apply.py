# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LeadProtectionProjectApply(models.TransientModel):
    """LP-26: the salesperson applies for the project registration of his opportunities."""

    _name = "lead.protection.project.apply"
    _inherit = ["lead.protection.input.mixin"]
    _description = "Apply for Project Registration"

    lead_ids = fields.Many2many(
        "crm.lead", string="Projects", required=True, default=lambda self: self._default_leads()
    )
    note = fields.Text(string="Project Information")

    def _default_leads(self):
        """The leads selected where the wizard was opened."""
        context = self.env.context
        return context.get("active_ids", []) if context.get("active_model") == "crm.lead" else []

    def action_apply(self):
        self._protection_single()
        projects = self.env["lead.protection.project"]._apply(self.lead_ids, self.note or False)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Project Registration"),
                "message": self.env._(
                    "Applied (%(refs)s): the project is protected once your team leader "
                    "confirms it.",
                    refs=", ".join(projects.mapped("name")),
                ),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

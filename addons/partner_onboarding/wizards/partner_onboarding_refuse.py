# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PartnerOnboardingRefuse(models.TransientModel):
    """The central office turns an application down with a written explanation (PO-3)."""

    _name = "partner.onboarding.refuse"
    _description = "Refuse Admission Application"

    application_ids = fields.Many2many("partner.onboarding.application", required=True)
    explanation = fields.Text(
        required=True,
        help="Sent to the introducing unit, who explains it to the partner.",
    )

    def action_refuse(self):
        self.ensure_one()
        self.application_ids._onboarding_refuse(self.explanation)
        return {"type": "ir.actions.act_window_close"}

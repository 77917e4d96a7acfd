# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    _inherit = "crm.lead"

    referral_claim_ids = fields.One2many("referral.claim", "lead_id", string="Referral Claims")
    referral_claim_count = fields.Integer(compute="_compute_referral_claim_count")

    def _compute_referral_claim_count(self):
        counts = dict(
            self.env["referral.claim"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.referral_claim_count = counts.get(lead, 0)

    def write(self, vals):
        result = super().write(vals)
        if "stage_id" in vals or "expected_revenue" in vals:
            self._referral_book_purchase_points()
        return result

    def _referral_book_purchase_points(self):
        """RI-11: a won deal of a customer brought by an old customer earns him points, once."""
        leads = self.sudo().filtered(
            lambda lead: (
                lead.won_status == "won" and lead.partner_id.commercial_partner_id.brought_by_id
            )
        )
        if leads:
            Points = self.env["referral.points.line"].sudo()
            Points._book([Points._purchase_values(lead) for lead in leads])

    def action_view_referral_claims(self):
        if len(self) != 1:
            raise UserError(self.env._("Open the referral claims of one deal at a time."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Referral Claims"),
            "res_model": "referral.claim",
            "view_mode": "list,form",
            "domain": [("lead_id", "=", self.id)],
            "context": {"default_lead_id": self.id},
        }

# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "incentive.guard.mixin"]

    # RI-10 and RI-11 decide these flags: a customer becomes a company resource when the
    # entitled employee leaves, and keeps the old customer who referred it; set by the
    # workflows only, never by hand (not even by HR).
    _guarded_fields = (
        "referral_company_resource",
        "referral_released_date",
        "referral_referred_by_id",
    )

    referral_company_resource = fields.Boolean(
        string="Company Resource",
        readonly=True,
        copy=False,
        tracking=True,
        help="RI-10: the employee entitled to this customer's referral bonus left; the "
        "customer is now a company resource and earns nobody a later bonus.",
    )
    referral_released_date = fields.Date(string="Company Resource Since", readonly=True, copy=False)
    referral_referred_by_id = fields.Many2one(
        "res.partner",
        string="Referred By",
        readonly=True,
        copy=False,
        help="RI-11: the old customer who referred this customer; earns points on its purchases.",
    )
    referral_points_line_ids = fields.One2many(
        "referral.points.line", "partner_id", string="Referral Points History"
    )
    referral_points = fields.Integer(
        compute="_compute_referral_points", help="RI-11: points earned by referring customers."
    )

    @api.depends("referral_points_line_ids.points")
    def _compute_referral_points(self):
        totals = dict(
            self.env["referral.points.line"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["points:sum"]
            )
        )
        for partner in self:
            partner.referral_points = totals.get(partner, 0)

    def action_view_referral_points(self):
        self._guard_ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Referral Points"),
            "res_model": "referral.points.line",
            "view_mode": "list,pivot",
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

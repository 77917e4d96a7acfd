# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    referral_shareholder = fields.Boolean(
        string="Shareholder",
        groups="hr.group_hr_user",
        tracking=True,
        help="RI-2: shareholders get no referral bonus.",
    )
    referral_pay_group = fields.Selection(
        [("office", "Office Staff"), ("travelling", "Long-term Travelling Staff")],
        string="Referral Payday Group",
        default="office",
        required=True,
        groups="hr.group_hr_user",
        help="RI-6: office staff are paid by the 10th, long-term travelling staff by the "
        "20th (configurable).",
    )

    def write(self, vals):
        leavers = self.filtered("active") if vals.get("active") is False else self.browse()
        result = super().write(vals)
        if leavers:
            leavers._referral_release_customers()
        return result

    def _referral_release_customers(self):
        """RI-10: the customers of a leaver's bonuses become company resources."""
        claims = (
            self.env["referral.claim"]
            .sudo()
            .search([("beneficiary_id", "in", self.ids), ("state", "=", "approved")])
        )
        customers = claims.partner_id.filtered(
            lambda partner: not partner.referral_company_resource
        )
        if not customers:
            return
        customers.sudo().write(
            {
                "referral_company_resource": True,
                "referral_released_date": self._suite_today(),
            }
        )
        pending = (
            self.env["referral.claim"]
            .sudo()
            .search(
                [("beneficiary_id", "in", self.ids), ("state", "in", ("submitted", "reviewed"))]
            )
        )
        for claim in pending:
            claim._suite_message_post(
                lambda env, claim=claim: env._(
                    "%(employee)s has left: this claim cannot be approved any more (RI-10).",
                    employee=claim.beneficiary_id.name,
                )
            )

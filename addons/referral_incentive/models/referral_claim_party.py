# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import attribution

PARTY_TYPES = [
    (attribution.INSPECTION, "Inspection / Notary Firm"),
    (attribution.BUYER, "Buyer"),
    (attribution.TRADING, "Trading Company"),
    (attribution.OLD_CUSTOMER, "Old Customer"),
    (attribution.CONSULTANT, "Consultant"),
    (attribution.INTERNAL, "Internal Staff"),
]


class ReferralClaimParty(models.Model):
    """A party that claims a part in bringing the deal (RI-3)."""

    _name = "referral.claim.party"
    _description = "Referral Claim Party"
    _inherit = ["incentive.guard.mixin"]
    _order = "claim_id, id"

    # The parties decide who earns the bonus (RI-3): they are the lines of the claim, edited
    # while it is a draft and frozen, like the claim, once it is submitted (RI-9).
    _guard_frozen_fields = ("__all__",)
    _guard_unlink = "_guard_open_records"

    claim_id = fields.Many2one("referral.claim", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="claim_id.company_id", store=True)
    party_type = fields.Selection(PARTY_TYPES, string="Party", required=True)
    is_staff = fields.Boolean(compute="_compute_is_staff")
    partner_id = fields.Many2one(
        "res.partner",
        string="Firm / Customer",
        help="The external party: inspection or notary firm, buyer, trading company or the "
        "old customer who referred the deal.",
    )
    employee_id = fields.Many2one(
        "hr.employee", string="Staff", help="The consultant or internal staff member."
    )
    consultant_id = fields.Many2one(
        "hr.employee",
        string="Linked Consultant",
        help="RI-3: the consultant the external party came through; the bonus then goes to "
        "this consultant.",
    )
    note = fields.Char()

    def _guard_open_records(self):
        return self.filtered(lambda party: party.claim_id.state == "draft")

    def _guard_hint(self):
        return self.env._("The parties of a submitted claim no longer change (RI-3, RI-9).")

    @api.depends("party_type")
    def _compute_is_staff(self):
        for party in self:
            party.is_staff = party.party_type in attribution.EMPLOYEE_TYPES

    @api.constrains("party_type", "partner_id", "employee_id", "consultant_id")
    def _check_party(self):
        for party in self:
            if party.party_type in attribution.EMPLOYEE_TYPES:
                if not party.employee_id or party.partner_id or party.consultant_id:
                    raise ValidationError(
                        self.env._("A consultant or internal staff party is an employee.")
                    )
            elif not party.partner_id or party.employee_id:
                raise ValidationError(
                    self.env._(
                        "An inspection firm, buyer, trading company or old customer is a "
                        "contact (firm or customer), not an employee."
                    )
                )

    def _as_attribution_party(self):
        self.ensure_one()
        if self.party_type in attribution.EMPLOYEE_TYPES:
            return {"type": self.party_type, "id": self.employee_id.id}
        return {"type": self.party_type, "id": self.id, "consultant": self.consultant_id.id}

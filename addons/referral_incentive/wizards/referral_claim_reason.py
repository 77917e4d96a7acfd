# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class ReferralClaimReason(models.TransientModel):
    """The written reason of a refusal or of a cancellation for fraud (RI-7, RI-8)."""

    _name = "referral.claim.reason"
    _description = "Reason for Refusing or Cancelling a Referral Claim"

    claim_ids = fields.Many2many("referral.claim", required=True)
    mode = fields.Selection(
        [("refuse", "Refuse"), ("fraud", "Cancel for Fraud or False Information")],
        required=True,
        default="refuse",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Write the reason."))
        if self.mode == "refuse":
            self.claim_ids._refuse(self.reason)
        else:
            self.claim_ids._cancel_fraud(self.reason)
        return {"type": "ir.actions.act_window_close"}

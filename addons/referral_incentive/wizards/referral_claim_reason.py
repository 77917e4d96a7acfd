# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class ReferralClaimReason(models.TransientModel):
    """The written reason of a refusal or of a cancellation for fraud (RI-7, RI-8)."""

    _name = "referral.claim.reason"
    _description = "Reason for Refusing or Cancelling a Referral Claim"
    # For its translated checks of the values a client sends; nothing here is guarded:
    # the claims' own actions check who may refuse or cancel.
    _inherit = ["incentive.guard.mixin"]

    claim_ids = fields.Many2many("referral.claim", required=True)
    mode = fields.Selection(
        [("refuse", "Refuse"), ("fraud", "Cancel for Fraud or False Information")],
        required=True,
        default="refuse",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self._guard_ensure_one()
        if not self.claim_ids:
            raise UserError(self.env._("Select the claims to refuse or cancel."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Write the reason."))
        if self.mode == "refuse":
            self.claim_ids._refuse(self.reason)
        else:
            self.claim_ids._cancel_fraud(self.reason)
        return {"type": "ir.actions.act_window_close"}

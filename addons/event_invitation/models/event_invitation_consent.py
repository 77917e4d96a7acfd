# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class EventInvitationConsent(models.Model):
    """EV-5: the customer's earlier follower asks the inviter's consent to help sell."""

    _name = "event.invitation.consent"
    _description = "Consent to Help Sell at an Event"
    _inherit = ["mail.thread", "incentive.guard.mixin"]
    _order = "id desc"

    invitation_id = fields.Many2one(
        "event.invitation", required=True, ondelete="cascade", index=True
    )
    event_id = fields.Many2one(related="invitation_id.event_id", store=True)
    partner_id = fields.Many2one(related="invitation_id.partner_id", store=True)
    inviter_id = fields.Many2one(related="invitation_id.user_id", store=True, string="Inviter")
    helper_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    state = fields.Selection(
        [("requested", "Requested"), ("granted", "Granted"), ("refused", "Refused")],
        default="requested",
        required=True,
        tracking=True,
    )

    _guarded_fields = ("state",)
    _guard_frozen_fields = ("__all__",)
    _guard_unlink = "_guard_open_records"

    def _guard_open_records(self):
        return self.filtered(lambda consent: consent.state == "requested")

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.user.has_group("base.group_system"):
            for consent in records:
                if consent.helper_id != self.env.user:
                    raise AccessError(self.env._("Ask for consent in your own name."))
                if consent.helper_id == consent.inviter_id:
                    raise UserError(self.env._("The inviter needs no consent."))
        return records

    def _decide(self, state):
        for consent in self:
            if consent.state != "requested":
                raise UserError(self.env._("This request is already answered."))
            if self.env.user != consent.inviter_id and not self.env.user.has_group(
                "base.group_system"
            ):
                raise AccessError(self.env._("Only the inviter answers this request (EV-5)."))
        with self._guard_workflow():
            self.write({"state": state})
        return True

    def action_grant(self):
        """EV-5: the inviter lets the earlier follower help sell."""
        return self._decide("granted")

    def action_refuse(self):
        return self._decide("refused")

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class EventInvitationPresentation(models.Model):
    """EV-5: one employee presents products to a customer at a time.

    A partial unique index allows one running presentation per customer and event, so two
    salespeople starting at the same instant cannot both present.
    """

    _name = "event.invitation.presentation"
    _description = "Product Presentation at an Event"
    _inherit = ["incentive.guard.mixin"]
    _order = "id desc"

    invitation_id = fields.Many2one(
        "event.invitation", required=True, ondelete="cascade", index=True
    )
    event_id = fields.Many2one("event.event", required=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade")
    presenter_id = fields.Many2one("res.users", required=True)
    state = fields.Selection(
        [("running", "Presenting"), ("done", "Done")], default="running", required=True
    )

    _one_presenter = models.UniqueIndex(
        "(event_id, partner_id) WHERE state = 'running'",
        "Someone is already presenting products to this customer.",
    )

    _guarded_fields = ("state", "presenter_id", "invitation_id", "event_id", "partner_id")
    _guard_frozen_fields = ("__all__",)
    _guard_unlink = "_guard_open_records"

    def _guard_open_records(self):
        return self.browse()

    @api.model
    def _start(self, invitation):
        """EV-5: the current user starts presenting to the invitation's customer: the inviter,
        or an earlier follower whose consent the inviter granted."""
        user = self.env.user
        if invitation.state != "kept":
            raise UserError(self.env._("Only kept invitations are presented to."))
        if user != invitation.user_id:
            granted = (
                self.env["event.invitation.consent"]
                .sudo()
                .search_count(
                    [
                        ("invitation_id", "=", invitation.id),
                        ("helper_id", "=", user.id),
                        ("state", "=", "granted"),
                    ]
                )
            )
            if not granted:
                raise AccessError(
                    self.env._(
                        "You may help sell to this customer only with the inviter's consent."
                    )
                )
        try:
            with self.env.cr.savepoint(), self._guard_workflow():
                presentation = self.sudo().create(
                    {
                        "invitation_id": invitation.id,
                        "event_id": invitation.event_id.id,
                        "partner_id": invitation.partner_id.id,
                        "presenter_id": user.id,
                    }
                )
                presentation.flush_recordset()
                return presentation
        except psycopg2.errors.UniqueViolation as error:
            raise UserError(
                self.env._("Someone is already presenting products to this customer.")
            ) from error

    def action_done(self):
        for presentation in self:
            if presentation.presenter_id != self.env.user and not self.env.user.has_group(
                "base.group_system"
            ):
                raise AccessError(self.env._("Only the presenter ends his presentation."))
        with self._guard_workflow():
            self.sudo().write({"state": "done"})
        return True

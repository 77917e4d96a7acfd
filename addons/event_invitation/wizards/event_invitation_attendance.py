# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EventInvitationAttendance(models.TransientModel):
    """EV-7: the coordinator records that a customer came, who brought him, what he bought."""

    _name = "event.invitation.attendance"
    _description = "Record Attendance at a Joint Event"

    invitation_id = fields.Many2one(
        "event.invitation",
        required=True,
        default=lambda self: self.env.context.get("active_id"),
    )
    brought_by_id = fields.Many2one("res.partner")
    currency_id = fields.Many2one(related="invitation_id.currency_id")
    purchase_amount = fields.Monetary(string="Purchases at the Event")

    def action_record(self):
        self.ensure_one()
        self.invitation_id.action_record_attendance(
            brought_by=self.brought_by_id, purchase_amount=self.purchase_amount
        )
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.event_invitation.tools import invitation as rules


class EventInvitation(models.Model):
    _inherit = "event.invitation"

    def action_record_attendance(self, brought_by=None, purchase_amount=0.0):
        """RI-11, EV-7: the attendance sets the new customer's Brought By link (the old
        customer's 100 points follow it, in referral_incentive) and books the points of
        his purchases at the event to the old customer of that link."""
        result = super().action_record_attendance(
            brought_by=brought_by, purchase_amount=purchase_amount
        )
        self.sudo()._book_event_purchase_points()
        return result

    def _book_event_purchase_points(self):
        vals_list = []
        for inv in self.filtered(lambda inv: inv.attended and inv.purchase_amount > 0):
            old_customer = inv.partner_id.brought_by_id.commercial_partner_id
            if not old_customer:
                continue
            company = inv.company_id
            vals_list.append(
                {
                    "partner_id": old_customer.id,
                    "new_partner_id": inv.partner_id.id,
                    "company_id": company.id,
                    "reason": "purchase",
                    "points": rules.referral_points(
                        0,
                        [inv.purchase_amount],
                        0,
                        company.referral_points_step,
                        company.referral_points_per_step,
                    ),
                    "source_key": f"ev7:{inv.id}",
                }
            )
        self.env["referral.points.line"].sudo()._book(vals_list)

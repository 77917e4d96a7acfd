# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    protection_done_at = fields.Datetime(
        string="Done At",
        compute="_compute_protection_done_at",
        store=True,
        help="LP-14: when the activity was marked done, to the second, so that the day of the "
        "service is counted in the company's time zone (Odoo's done date is a UTC date).",
    )

    @api.depends("active")
    def _compute_protection_done_at(self):
        """Like Odoo's done date: set when the activity is done (archived), kept after."""
        for activity in self:
            if activity.active:
                activity.protection_done_at = False
            elif not activity.protection_done_at:
                activity.protection_done_at = fields.Datetime.now()

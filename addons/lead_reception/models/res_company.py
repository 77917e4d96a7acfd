# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Checked by incentive_ledger's res.company._check_suite_ranges.
    _suite_ranges = {
        "reception_noon_hour": (0, 23),
        "reception_full_days": (0, None),
        "reception_half_days": (0, None),
        "reception_group_visit_min": (1, None),
        "reception_group_order_min": (1, None),
        "reception_suspension_days": (0, None),
    }

    # --- Visit book and half-day priority (LP-27, LP-29)
    reception_noon_hour = fields.Integer(
        string="Afternoon Starts at (hour)",
        default=12,
        help="LP-29: visits before this hour of the company's time zone are mornings.",
    )
    reception_full_days = fields.Integer(
        string="Half-day Priority: Whole Deal Within (days)",
        default=0,
        help="LP-29: found this many days after the first entry at most (0: the same day), "
        "the deal is the first receiver's.",
    )
    reception_half_days = fields.Integer(
        string="Half-day Priority: Half Each Within (days)",
        default=1,
        help="LP-29: found up to this many days after the first entry, half each; later, "
        "the closer's.",
    )
    # --- Groups (LP-32, LP-33)
    reception_group_visit_min = fields.Integer(
        string="Group Visit from (visitors)", default=3, help="LP-32"
    )
    reception_group_order_min = fields.Integer(
        string="Group Order from (signers)", default=8, help="LP-33"
    )
    # --- Suspension (LP-43)
    reception_suspension_days = fields.Integer(
        string="Suspension (days on duty)",
        default=1,
        help="LP-43: days a receiver who grabbed a named customer is left out of the rotation.",
    )
    # One sales director per company: lead_protection's (LP-18, LP-47) also decides the
    # reception's cases no rule covers.
    reception_director_user_id = fields.Many2one(
        related="protection_director_user_id",
        string="Director of Reception Cases",
        readonly=False,
        help="LP-47: receives the cases no rule covers, and decides them (the sales director "
        "of Lead Protection's settings).",
    )

    def _reception_tz(self):
        """Time zone of the company's rule days (LP-29): res.company._suite_tz."""
        self.ensure_one()
        return pytz.timezone(self._suite_tz())

    def _reception_local(self, utc_dt):
        """A naive UTC datetime as a naive datetime of the company's time zone."""
        return pytz.utc.localize(utc_dt).astimezone(self._reception_tz()).replace(tzinfo=None)

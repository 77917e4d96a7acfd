# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import fields, models

from ..tools import deadlines


class ResCompany(models.Model):
    _inherit = "res.company"

    # Checked by incentive_ledger's res.company._check_suite_ranges.
    _suite_ranges = {
        "complaint_response_hours": (1, None),
        "complaint_resolution_days": (1, None),
        "complaint_progress_hours": (1, None),
        "return_visit_service_days": (0, None),
        "return_visit_installation_months": (0, None),
        "scorecard_revenue_share_percent": (0.0, 100.0),
        "scorecard_revenue_payout_percent": (0.0, 100.0),
    }

    # --- Complaint deadlines (CS-4)
    complaint_response_hours = fields.Integer(
        default=24, help="CS-4: hours from receipt within which every complaint is answered."
    )
    complaint_resolution_days = fields.Integer(
        default=3,
        help="CS-4, CS-6: days to resolve a complaint, counted as LP-3 says (the day of "
        "receipt not counted, until 24:00 of the last day in the company's time zone).",
    )
    complaint_progress_hours = fields.Integer(
        default=24,
        help="CS-4: interval of the progress reports to the customer until the complaint is "
        "closed. The rulebook sets none: default chosen by the suite.",
    )
    complaint_receiver_id = fields.Many2one(
        "res.users",
        string="Receiver of E-mailed Complaints",
        help="CS-1: receives the complaints that arrive at the service address.",
    )
    # --- Return visits (CS-7, CS-8)
    return_visit_service_days = fields.Integer(
        default=10, help="CS-7: days after a repair or maintenance registration."
    )
    return_visit_installation_months = fields.Integer(
        default=1, help="CS-8: months after an installation and commissioning."
    )
    return_visit_officer_id = fields.Many2one(
        "res.users",
        string="Return-Visit Officer",
        help="CS-7: the officer to whom scheduled return visits go.",
    )
    # --- Revenue bonus (SC-8)
    scorecard_revenue_share_percent = fields.Float(
        default=25.0, help="SC-8: share of the revenue above the base that counts."
    )
    scorecard_revenue_payout_percent = fields.Float(
        default=50.0, help="SC-8: part of that share paid to the customer manager."
    )

    def _customer_service_tz(self):
        """The company's time zone, in which days of deadlines are counted (LP-3): its
        address time zone, China Standard Time when it has none (res.company._suite_tz)."""
        self.ensure_one()
        return pytz.timezone(self._suite_tz())

    def _customer_service_today(self):
        """Today in the company's time zone."""
        return deadlines.local_date(fields.Datetime.now(), self._customer_service_tz())

# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Checked by incentive_ledger's res.company._check_suite_ranges.
    _suite_ranges = {
        "referral_report_day": (1, 31),
        "referral_judged_day": (1, 31),
        "referral_judged_latest_day": (1, 31),
        "referral_payday_office": (1, 31),
        "referral_payday_travelling": (1, 31),
        "referral_application_days": (0, None),
        "referral_event_points": (0, None),
        "referral_points_step": (0.0, None),
        "referral_points_per_step": (0, None),
    }

    # RI-2
    referral_excluded_department_ids = fields.Many2many(
        "hr.department",
        "res_company_referral_excluded_department_rel",
        string="Departments Without Referral Bonus",
        help="RI-2 (a), referral scheme: developing, renewing and referring customers is the "
        "job of these departments (business department, online customer service): their "
        "members get no referral bonus.",
    )
    referral_excluded_employee_ids = fields.Many2many(
        "hr.employee",
        "res_company_referral_excluded_employee_rel",
        string="Employees Without Referral Bonus",
        help="RI-2 (a), referral scheme: employees excluded by name, such as the consulting "
        "managers who bring business through notary or certification ties under a scheme "
        "of their own.",
    )
    referral_exclude_shareholders = fields.Boolean(
        string="Referral Scheme Excludes Shareholders",
        default=True,
        help="RI-2 (a): shareholders get no bonus of the referral scheme.",
    )
    development_excluded_department_ids = fields.Many2many(
        "hr.department",
        "res_company_development_excluded_department_rel",
        string="Departments Without Development Bonus",
        help="RI-2 (b), new-customer development scheme: all staff qualify, salespeople "
        "included; by default no department is excluded.",
    )
    development_excluded_employee_ids = fields.Many2many(
        "hr.employee",
        "res_company_development_excluded_employee_rel",
        string="Employees Without Development Bonus",
        help="RI-2 (b): employees excluded by name from the development scheme (none by default).",
    )
    development_exclude_shareholders = fields.Boolean(
        string="Development Scheme Excludes Shareholders",
        help="RI-2 (b): all staff qualify by default, shareholders included.",
    )
    # RI-5
    referral_special_tag_ids = fields.Many2many(
        "res.partner.category",
        "res_company_referral_special_tag_rel",
        string="Special Customer Tags",
        help="RI-5: customers with one of these tags (industry leaders, strategic partners) "
        "may get a discretionary uplift entered by the approver.",
    )
    # RI-6
    referral_report_day = fields.Integer(
        string="Monthly Reports Due (day)",
        default=5,
        help="RI-6: by this day the internal-staff referral report of last month goes to "
        "the general manager and finance, and the renewal/referral list to the consulting "
        "supervisor.",
    )
    referral_judged_day = fields.Integer(
        string="Judged Results Due (day)",
        default=10,
        help="RI-6: by this day the supervisor's judged counts and amounts go to finance.",
    )
    referral_judged_latest_day = fields.Integer(
        string="Judged Results Latest (day)",
        default=15,
        help="RI-6: after this day the judged results are overdue.",
    )
    referral_payday_office = fields.Integer(
        string="Payday of Office Staff (day)", default=10, help="RI-6"
    )
    referral_payday_travelling = fields.Integer(
        string="Payday of Travelling Staff (day)", default=20, help="RI-6"
    )
    referral_gm_user_id = fields.Many2one(
        "res.users", string="General Manager", help="RI-6: receives the monthly reports."
    )
    referral_finance_user_id = fields.Many2one(
        "res.users",
        string="Finance (Referral Bonuses)",
        help="RI-6: receives the monthly reports and the supervisor's judged results.",
    )
    referral_supervisor_user_id = fields.Many2one(
        "res.users",
        string="Consulting Supervisor",
        help="RI-6: receives the renewal/referral list and judges counts and amounts.",
    )
    referral_hr_user_id = fields.Many2one(
        "res.users",
        string="HR Approver of Referral Bonuses",
        help="RI-7: receives the claims reviewed by department managers.",
    )
    # RI-7
    referral_application_days = fields.Integer(
        string="Application Window (working days)",
        default=7,
        help="RI-7: a quarterly application is accepted up to this many working days after "
        "the quarter ends (the company's working schedule and public holidays).",
    )
    # RI-11
    referral_event_points = fields.Integer(
        string="Points per Customer Brought to an Event",
        default=100,
        help="RI-11",
    )
    referral_points_step = fields.Monetary(
        string="Purchase Step for Points",
        currency_field="currency_id",
        default=1000.0,
        help="RI-11: the referring customer earns points per full step of the new "
        "customer's purchases.",
    )
    referral_points_per_step = fields.Integer(
        string="Points per Purchase Step", default=100, help="RI-11"
    )

    def _referral_working_day_checker(self, start, end):
        """A date -> bool function from the company's working schedule, in one query."""
        self.ensure_one()
        calendar = self.resource_calendar_id
        if not calendar:
            return lambda day: day.weekday() < 5
        tz = pytz.timezone(calendar.tz or "UTC")
        intervals = calendar._work_intervals_batch(
            tz.localize(datetime.combine(start, time.min)),
            tz.localize(datetime.combine(end + timedelta(days=1), time.max)),
        )[False]
        working = {interval[0].date() for interval in intervals}
        return working.__contains__

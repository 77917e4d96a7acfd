# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import windows


class ResCompany(models.Model):
    _inherit = "res.company"

    protection_phone_country_id = fields.Many2one(
        "res.country",
        string="Default Country of Phone Numbers",
        default=lambda self: self.env.ref("base.cn", raise_if_not_found=False),
        help="Numbers typed without country code are read in this country when the lead has "
        "none (before the company's own country), so that the same mobile always gives the "
        "same key.",
    )

    def _protection_tz(self):
        """The company's time zone, which decides day D of every period (LP-3): the
        company's address time zone, China Standard Time when it has none."""
        self.ensure_one()
        return self._suite_tz()

    def _protection_date(self, moment=None):
        """The date of ``moment`` (a UTC datetime, default now) in the company's time zone:
        day D of a registration, a sale or a claim (LP-3), whoever acts (a salesperson in
        another zone, OdooBot, a cron in UTC)."""
        self.ensure_one()
        return windows.company_today(moment or fields.Datetime.now(), self._protection_tz())

    def _protection_phone_country(self):
        """Country of numbers typed without country code (LP-1, LP-5)."""
        self.ensure_one()
        return self.protection_phone_country_id or self.country_id

    protection_split_percent = fields.Float(
        string="Split Share of the Owner (%)",
        default=50.0,
        help="LP-8: credit share of the first registration when a collision is split.",
    )
    protection_neglect_months = fields.Integer(
        string="Neglected after (months)",
        default=3,
        help="LP-14: a customer with no visit, meeting, call or message logged for this many "
        "months is flagged and may be reassigned.",
    )
    protection_claim_full_days = fields.Integer(
        string="Late Claim: Full Credit Within (days)", default=7, help="LP-10"
    )
    protection_claim_half_days = fields.Integer(
        string="Late Claim: Half Credit Within (days)", default=15, help="LP-10"
    )
    protection_claim_freeze_days = fields.Integer(
        string="Late Claim: Month-end Freeze (days)",
        default=3,
        help="LP-10: in these last days of a month only same-day sales may change.",
    )
    protection_hr_user_id = fields.Many2one(
        "res.users",
        string="HR/Admin Responsible",
        help="LP-6, LP-12: receives the agreed solutions of collisions and keeps the "
        "registrations of every department.",
    )
    protection_finance_user_id = fields.Many2one(
        "res.users",
        string="Finance Responsible",
        help="LP-6: receives the agreed solutions of collisions, which change commissions.",
    )

    protection_director_user_id = fields.Many2one(
        "res.users",
        string="Sales Director",
        help="LP-18, LP-47: signs the performance change forms last and decides the cases no "
        "rule covers. Empty: any member of the director group.",
    )
    protection_director_group_id = fields.Many2one(
        "res.groups",
        string="Director Group",
        default=lambda self: self.env.ref(
            "sales_team.group_sale_manager", raise_if_not_found=False
        ),
        help="LP-18: without a sales director, the members of this group sign as director "
        "(default Sales / Administrator).",
    )

    @api.constrains(
        "protection_split_percent",
        "protection_neglect_months",
        "protection_claim_full_days",
        "protection_claim_half_days",
        "protection_claim_freeze_days",
    )
    def _check_protection_settings(self):
        for company in self:
            if not 0.0 <= company.protection_split_percent <= 100.0:
                raise ValidationError(
                    self.env._("LP-8: the owner's split share is between 0 and 100 %.")
                )
            numbers = (
                company.protection_neglect_months,
                company.protection_claim_full_days,
                company.protection_claim_half_days,
                company.protection_claim_freeze_days,
            )
            if any(number < 0 for number in numbers):
                raise ValidationError(
                    self.env._("Months and days of lead protection cannot be negative.")
                )
            if company.protection_claim_full_days > company.protection_claim_half_days:
                raise ValidationError(
                    self.env._(
                        "LP-10: the full-credit period of late claims cannot be longer than "
                        "the half-credit period."
                    )
                )

    # --- Registration procedures (LP-23, LP-26)
    protection_unreachable_days = fields.Integer(
        string="Unreachable Number: Days to Reach",
        default=2,
        help="LP-23: after a failed call (does not connect, suspended), the registrant has "
        "these days (day of the call not counted, to 24:00 company time) to reach the "
        "customer or record his own working number; then the registration is invalid.",
    )
    protection_project_report_days = fields.Integer(
        string="Project Report within (working days)",
        default=2,
        help="LP-26: working days after the confirmation of a project registration within "
        "which the team leader reports it to the sales supervisor (the seed breaks off: "
        "default chosen by the suite).",
    )
    protection_project_supervisor_id = fields.Many2one(
        "res.users",
        string="Sales Supervisor",
        help="LP-26: receives the team leaders' reports of confirmed project registrations "
        "for the summary, and sees the unreported ones.",
    )

    @api.constrains("protection_unreachable_days", "protection_project_report_days")
    def _check_protection_procedure_days(self):
        for company in self:
            if (
                company.protection_unreachable_days < 1
                or company.protection_project_report_days < 1
            ):
                raise ValidationError(
                    self.env._(
                        "LP-23, LP-26: the periods to reach an unreachable customer and to "
                        "report a project last at least one day."
                    )
                )

    protection_appointment_signer_ids = fields.Many2many(
        "res.users",
        "res_company_protection_appointment_signer_rel",
        "company_id",
        "user_id",
        string="Appointment Signers",
        help="LP-24: the director and the general manager, whose signature makes an "
        "appointment protect. When all of them are away, an SMS to them counts as the "
        "signature.",
    )
    protection_appointment_full_days = fields.Integer(
        string="Appointment Claim: Whole Deal Within (days)",
        default=0,
        help="LP-22: a deal signed with another consultant by a customer who had an "
        "appointment is the appointment holder's when found within these days of the "
        "signing (0: the same day).",
    )
    protection_appointment_half_days = fields.Integer(
        string="Appointment Claim: Half Each Within (days)",
        default=7,
        help="LP-22: found later but within these days, with the appointment-book entry, "
        "the deal is split half each; later, no claim.",
    )

    @api.constrains("protection_appointment_full_days", "protection_appointment_half_days")
    def _check_protection_appointment_days(self):
        for company in self:
            full = company.protection_appointment_full_days
            half = company.protection_appointment_half_days
            if full < 0 or half < 0 or full > half:
                raise ValidationError(
                    self.env._(
                        "LP-22: the days of an appointment claim cannot be negative, and the "
                        "whole-deal period cannot be longer than the half-each period."
                    )
                )

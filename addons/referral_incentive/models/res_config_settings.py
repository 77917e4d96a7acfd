# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    referral_excluded_department_ids = fields.Many2many(
        related="company_id.referral_excluded_department_ids", readonly=False
    )
    referral_excluded_employee_ids = fields.Many2many(
        related="company_id.referral_excluded_employee_ids", readonly=False
    )
    referral_exclude_shareholders = fields.Boolean(
        related="company_id.referral_exclude_shareholders", readonly=False
    )
    development_excluded_department_ids = fields.Many2many(
        related="company_id.development_excluded_department_ids", readonly=False
    )
    development_excluded_employee_ids = fields.Many2many(
        related="company_id.development_excluded_employee_ids", readonly=False
    )
    development_exclude_shareholders = fields.Boolean(
        related="company_id.development_exclude_shareholders", readonly=False
    )
    referral_special_tag_ids = fields.Many2many(
        related="company_id.referral_special_tag_ids", readonly=False
    )
    referral_report_day = fields.Integer(related="company_id.referral_report_day", readonly=False)
    referral_judged_day = fields.Integer(related="company_id.referral_judged_day", readonly=False)
    referral_judged_latest_day = fields.Integer(
        related="company_id.referral_judged_latest_day", readonly=False
    )
    referral_payday_office = fields.Integer(
        related="company_id.referral_payday_office", readonly=False
    )
    referral_payday_travelling = fields.Integer(
        related="company_id.referral_payday_travelling", readonly=False
    )
    referral_gm_user_id = fields.Many2one(related="company_id.referral_gm_user_id", readonly=False)
    referral_finance_user_id = fields.Many2one(
        related="company_id.referral_finance_user_id", readonly=False
    )
    referral_supervisor_user_id = fields.Many2one(
        related="company_id.referral_supervisor_user_id", readonly=False
    )
    referral_hr_user_id = fields.Many2one(related="company_id.referral_hr_user_id", readonly=False)
    referral_application_days = fields.Integer(
        related="company_id.referral_application_days", readonly=False
    )
    referral_event_points = fields.Integer(
        related="company_id.referral_event_points", readonly=False
    )
    referral_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Currency of Referral Settings"
    )
    referral_points_step = fields.Monetary(
        related="company_id.referral_points_step",
        readonly=False,
        currency_field="referral_currency_id",
    )
    referral_points_per_step = fields.Integer(
        related="company_id.referral_points_per_step", readonly=False
    )

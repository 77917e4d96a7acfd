# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    protection_phone_country_id = fields.Many2one(
        related="company_id.protection_phone_country_id", readonly=False
    )
    protection_split_percent = fields.Float(
        related="company_id.protection_split_percent", readonly=False
    )
    protection_currency_id = fields.Many2one(related="company_id.currency_id")
    protection_neglect_months = fields.Integer(
        related="company_id.protection_neglect_months", readonly=False
    )
    protection_claim_full_days = fields.Integer(
        related="company_id.protection_claim_full_days", readonly=False
    )
    protection_claim_half_days = fields.Integer(
        related="company_id.protection_claim_half_days", readonly=False
    )
    protection_claim_freeze_days = fields.Integer(
        related="company_id.protection_claim_freeze_days", readonly=False
    )
    protection_hr_user_id = fields.Many2one(
        related="company_id.protection_hr_user_id", readonly=False
    )
    protection_finance_user_id = fields.Many2one(
        related="company_id.protection_finance_user_id", readonly=False
    )
    protection_director_user_id = fields.Many2one(
        related="company_id.protection_director_user_id", readonly=False
    )
    protection_director_group_id = fields.Many2one(
        related="company_id.protection_director_group_id", readonly=False
    )
    protection_unreachable_days = fields.Integer(
        related="company_id.protection_unreachable_days", readonly=False
    )
    protection_project_report_days = fields.Integer(
        related="company_id.protection_project_report_days", readonly=False
    )
    protection_project_supervisor_id = fields.Many2one(
        related="company_id.protection_project_supervisor_id", readonly=False
    )
    protection_appointment_signer_ids = fields.Many2many(
        related="company_id.protection_appointment_signer_ids", readonly=False
    )
    protection_appointment_full_days = fields.Integer(
        related="company_id.protection_appointment_full_days", readonly=False
    )
    protection_appointment_half_days = fields.Integer(
        related="company_id.protection_appointment_half_days", readonly=False
    )

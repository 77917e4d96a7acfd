# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    onboarding_reviewer_id = fields.Many2one(
        related="company_id.onboarding_reviewer_id", readonly=False
    )
    onboarding_senior_user_id = fields.Many2one(
        related="company_id.onboarding_senior_user_id", readonly=False
    )
    onboarding_incomplete_policy = fields.Selection(
        related="company_id.onboarding_incomplete_policy", readonly=False
    )
    onboarding_other_region_months = fields.Integer(
        related="company_id.onboarding_other_region_months", readonly=False
    )
    onboarding_senior_visit_months = fields.Integer(
        related="company_id.onboarding_senior_visit_months", readonly=False
    )
    onboarding_project_window_days = fields.Integer(
        related="company_id.onboarding_project_window_days", readonly=False
    )
    onboarding_project_visit_days = fields.Integer(
        related="company_id.onboarding_project_visit_days", readonly=False
    )
    onboarding_snapshot_months = fields.Integer(
        related="company_id.onboarding_snapshot_months", readonly=False
    )
    onboarding_preferred_top = fields.Integer(
        related="company_id.onboarding_preferred_top", readonly=False
    )
    onboarding_outstanding_rating = fields.Integer(
        related="company_id.onboarding_outstanding_rating", readonly=False
    )
    onboarding_weight_form = fields.Integer(
        related="company_id.onboarding_weight_form", readonly=False
    )
    onboarding_weight_file = fields.Integer(
        related="company_id.onboarding_weight_file", readonly=False
    )
    onboarding_weight_record = fields.Integer(
        related="company_id.onboarding_weight_record", readonly=False
    )

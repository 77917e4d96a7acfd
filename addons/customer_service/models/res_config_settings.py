# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_response_hours = fields.Integer(
        related="company_id.complaint_response_hours", readonly=False
    )
    complaint_resolution_days = fields.Integer(
        related="company_id.complaint_resolution_days", readonly=False
    )
    complaint_progress_hours = fields.Integer(
        related="company_id.complaint_progress_hours", readonly=False
    )
    complaint_receiver_id = fields.Many2one(
        related="company_id.complaint_receiver_id", readonly=False
    )
    return_visit_service_days = fields.Integer(
        related="company_id.return_visit_service_days", readonly=False
    )
    return_visit_installation_months = fields.Integer(
        related="company_id.return_visit_installation_months", readonly=False
    )
    return_visit_officer_id = fields.Many2one(
        related="company_id.return_visit_officer_id", readonly=False
    )
    scorecard_revenue_share_percent = fields.Float(
        related="company_id.scorecard_revenue_share_percent", readonly=False
    )
    scorecard_revenue_payout_percent = fields.Float(
        related="company_id.scorecard_revenue_payout_percent", readonly=False
    )

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Complaint Fine Currency"
    )
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
    complaint_fine_grievance = fields.Monetary(
        related="company_id.complaint_fine_grievance",
        readonly=False,
        currency_field="complaint_currency_id",
    )
    complaint_fine_general_manager = fields.Monetary(
        related="company_id.complaint_fine_general_manager",
        readonly=False,
        currency_field="complaint_currency_id",
    )
    complaint_fine_attitude = fields.Monetary(
        related="company_id.complaint_fine_attitude",
        readonly=False,
        currency_field="complaint_currency_id",
    )
    complaint_fine_unresolved = fields.Monetary(
        related="company_id.complaint_fine_unresolved",
        readonly=False,
        currency_field="complaint_currency_id",
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

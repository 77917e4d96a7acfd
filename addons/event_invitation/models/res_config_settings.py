# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    event_currency_id = fields.Many2one(related="company_id.currency_id", string="Event Currency")
    event_list_cutoff_hour = fields.Float(
        related="company_id.event_list_cutoff_hour", readonly=False
    )
    event_afternoon_cutoff_hour = fields.Float(
        related="company_id.event_afternoon_cutoff_hour", readonly=False
    )
    event_evening_cutoff_hour = fields.Float(
        related="company_id.event_evening_cutoff_hour", readonly=False
    )
    event_evening_start_hour = fields.Float(
        related="company_id.event_evening_start_hour", readonly=False
    )
    event_list_days_before = fields.Integer(
        related="company_id.event_list_days_before", readonly=False
    )
    event_first_division_lead_days = fields.Integer(
        related="company_id.event_first_division_lead_days", readonly=False
    )
    event_points_per_customer = fields.Integer(
        related="company_id.event_points_per_customer", readonly=False
    )
    event_points_step = fields.Monetary(
        related="company_id.event_points_step",
        readonly=False,
        currency_field="event_currency_id",
    )
    event_points_per_step = fields.Integer(
        related="company_id.event_points_per_step", readonly=False
    )

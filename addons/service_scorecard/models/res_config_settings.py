# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    scorecard_base_score = fields.Integer(related="company_id.scorecard_base_score", readonly=False)
    scorecard_year_end_month = fields.Integer(
        related="company_id.scorecard_year_end_month", readonly=False
    )
    scorecard_probation_quarters = fields.Integer(
        related="company_id.scorecard_probation_quarters", readonly=False
    )
    scorecard_close_delay_days = fields.Integer(
        related="company_id.scorecard_close_delay_days", readonly=False
    )
    scorecard_hr_user_id = fields.Many2one(
        related="company_id.scorecard_hr_user_id", readonly=False
    )
    scorecard_channel_id = fields.Many2one(
        related="company_id.scorecard_channel_id", readonly=False
    )

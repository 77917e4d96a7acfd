# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    reception_noon_hour = fields.Integer(related="company_id.reception_noon_hour", readonly=False)
    reception_full_days = fields.Integer(related="company_id.reception_full_days", readonly=False)
    reception_half_days = fields.Integer(related="company_id.reception_half_days", readonly=False)
    reception_group_visit_min = fields.Integer(
        related="company_id.reception_group_visit_min", readonly=False
    )
    reception_group_order_min = fields.Integer(
        related="company_id.reception_group_order_min", readonly=False
    )
    reception_suspension_days = fields.Integer(
        related="company_id.reception_suspension_days", readonly=False
    )

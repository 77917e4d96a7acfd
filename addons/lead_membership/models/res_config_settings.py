# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    membership_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Membership Currency"
    )
    membership_low_price_fine = fields.Monetary(
        related="company_id.membership_low_price_fine",
        readonly=False,
        currency_field="membership_currency_id",
    )

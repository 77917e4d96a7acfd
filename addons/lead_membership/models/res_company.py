# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    membership_low_price_fine = fields.Monetary(
        string="Fine: Low-price Renewal",
        currency_field="currency_id",
        default=100.0,
        help="LP-35: a renewal sold below the membership's renewal price to win it.",
    )

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..tools import satisfaction


class ServiceScorecardQuarter(models.Model):
    _inherit = "service.scorecard.quarter"

    # SC-8: entered by the supervisor while the quarter is open, like the amount itself.
    _guard_frozen_fields = ("revenue_actual", "revenue_base")

    revenue_actual = fields.Monetary(
        string="Business Revenue",
        tracking=True,
        help="SC-8: the quarter's business revenue the company records.",
    )
    revenue_base = fields.Monetary(tracking=True, help="SC-8: the quarterly revenue base.")

    def write(self, vals):
        """SC-8: entering the revenue and base computes the revenue bonus or penalty:
        (revenue - base) x 25 % x 50 %. Entering the amount itself still overrides it."""
        if {"revenue_actual", "revenue_base"} & set(vals) and "revenue_amount" not in vals:
            res = True
            for card in self:
                company = card.company_id
                amount = satisfaction.revenue_bonus(
                    vals.get("revenue_actual", card.revenue_actual),
                    vals.get("revenue_base", card.revenue_base),
                    company.scorecard_revenue_share_percent,
                    company.scorecard_revenue_payout_percent,
                )
                res = super(ServiceScorecardQuarter, card).write(dict(vals, revenue_amount=amount))
            return res
        return super().write(vals)

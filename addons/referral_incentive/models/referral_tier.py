# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import tiers


class ReferralTier(models.Model):
    """A bonus tier by deal amount (RI-5): configuration, the rulebook's tiers as default."""

    _name = "referral.tier"
    _description = "Referral Bonus Tier"
    # Configuration (RI-5), changed by HR managers only (access rights); the mixin gives
    # translated errors for wrong values.
    _inherit = ["incentive.guard.mixin"]
    _order = "company_id, lower_bound"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    lower_bound = fields.Monetary(
        string="Deal Amount From",
        required=True,
        help="The tier applies to deal amounts from this bound up to the next tier's bound.",
    )
    inclusive = fields.Boolean(
        string="Bound Included",
        default=True,
        help="Whether a deal of exactly this amount belongs to this tier. The rulebook reads "
        "'100,000 to 500,000: 1,000; above 500,000: 2,000', so 500,000 itself belongs to the "
        "middle tier.",
    )
    bonus = fields.Monetary(required=True)
    active = fields.Boolean(default=True)

    _lower_bound_unique = models.UniqueIndex(
        "(company_id, lower_bound) WHERE active",
        "Two tiers of a company cannot start at the same amount.",
    )
    _positive = models.Constraint(
        "CHECK (lower_bound >= 0 AND bonus >= 0)",
        "Tier bounds and bonuses cannot be negative.",
    )

    @api.depends("lower_bound", "inclusive", "bonus")
    def _compute_name(self):
        for tier in self:
            tier.name = "{} {:,.2f} → {:,.2f}".format(
                "≥" if tier.inclusive else ">", tier.lower_bound, tier.bonus
            )

    @api.model
    def _select(self, companies, amounts):
        """{(company id, amount): tier} for many amounts, with one search (RI-5)."""
        by_company = {}
        for tier in self.search([("company_id", "in", companies.ids)]):
            by_company.setdefault(tier.company_id.id, []).append(
                (tier.lower_bound, tier.inclusive, tier.bonus, tier.id)
            )
        result = {}
        for company_id, amount in amounts:
            selected = tiers.select_tier(max(amount, 0.0), by_company.get(company_id, ()))
            result[company_id, amount] = self.browse(selected[3] if selected else ())
        return result

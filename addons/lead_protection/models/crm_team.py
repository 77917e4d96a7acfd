# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..tools import collision


class CrmTeam(models.Model):
    _inherit = "crm.team"

    protection_commission_rate = fields.Float(
        default=1.0,
        string="Commission Rate (%)",
        help="When set, the credit shares decided on a collision of this team book the "
        "commission of each salesperson (won deal's expected revenue x rate x share) to the "
        "incentive ledger.",
    )

    def _protection_commission_entries(self, shares, deal, name, rule_ref, source, source_key):
        """Ledger entries of each salesperson's commission share of a won deal (LP-6..LP-10).

        :param shares: {user id: credit share in percent}
        :return: entries for ``hr.employee._protection_book``; none when the team has no rate
        """
        rate = self.protection_commission_rate if self else 0.0
        if not rate:
            return []
        amounts = collision.commission_amounts(shares, deal.expected_revenue, rate)
        return [
            {
                "user_id": user_id,
                "company_id": (deal.company_id or self.env.company).id,
                "kind": "credit_share",
                "amount": amount,
                "name": name,
                "rule_ref": rule_ref,
                "source_ref": f"{source._name},{source.id}",
                "source_key": source_key,
            }
            for user_id, amount in amounts.items()
            if amount
        ]

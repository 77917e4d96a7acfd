# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..tools import collision


class CrmTeam(models.Model):
    _name = "crm.team"
    _inherit = ["crm.team", "incentive.guard.mixin"]

    # Who may change what: the team leader confirms the team's project registrations
    # (LP-26): only the team's manager or an administrator appoints him.
    _guard_frozen_fields = {"protection_leader_id": "_guard_leader_editable"}

    protection_leader_id = fields.Many2one(
        "res.users",
        string="Regional Team Leader",
        help="LP-26: confirms the team's project registrations and reports them to the sales "
        "supervisor. Empty: the team's manager.",
    )

    protection_commission_rate = fields.Float(
        default=1.0,
        string="Commission Rate (%)",
        help="When set, the credit shares decided on a collision of this team book the "
        "commission of each salesperson (won deal's expected revenue x rate x share) to the "
        "incentive ledger.",
    )

    def _guard_leader_editable(self):
        """The teams whose leader the current user appoints: the teams he manages."""
        if self.env["lead.protection.guard.mixin"]._protection_is_admin():
            return self
        return self.filtered(lambda team: team.user_id == self.env.user)

    def _protection_project_leader(self):
        """LP-26: the regional team leader: the appointed one, else the team's manager."""
        self.ensure_one()
        return self.protection_leader_id or self.user_id

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

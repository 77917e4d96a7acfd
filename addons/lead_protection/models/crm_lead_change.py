# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..tools import change


class CrmLead(models.Model):
    """Credit of a won deal: who is booked (LP-18) and the co-selling shares (LP-17)."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "incentive.guard.mixin"]

    # Who may change what: before the win the salesperson (and his manager) set the
    # salesperson and the co-selling partner with the shares; after the win they change
    # only through a change form (LP-18) or the supervisor's split (LP-17).
    _guard_frozen_fields = {
        "user_id": "_protection_credit_open",
        "protection_partner_user_id": "_protection_credit_open",
        "protection_own_share": "_protection_credit_open",
        "protection_partner_share": "_protection_credit_open",
    }

    protection_partner_user_id = fields.Many2one(
        "res.users",
        string="Co-selling Partner",
        tracking=True,
        domain="[('share', '=', False), ('id', '!=', user_id)]",
        help="LP-17: the colleague the salesperson chose as partner before the win; each "
        "gets his share of the commission.",
    )
    protection_own_share = fields.Float(
        string="Salesperson's Share (%)", default=100.0, tracking=True
    )
    protection_partner_share = fields.Float(
        string="Partner's Share (%)", default=0.0, tracking=True
    )
    protection_change_ids = fields.One2many(
        "lead.protection.change", "lead_id", string="Change Forms"
    )

    _protection_co_selling_shares = models.Constraint(
        "CHECK (COALESCE(protection_own_share, 100) >= 0 "
        "AND COALESCE(protection_partner_share, 0) >= 0 "
        "AND round((COALESCE(protection_own_share, 100) "
        "+ COALESCE(protection_partner_share, 0))::numeric, 6) = 100 "
        "AND (COALESCE(protection_partner_share, 0) = 0 "
        "OR protection_partner_user_id IS NOT NULL))",
        "The co-selling shares are between 0 and 100 % and total 100 %; a partner's share "
        "needs a partner (LP-17).",
    )

    def _protection_credit_open(self):
        """Deals whose salesperson and shares may still be edited: not won."""
        return self.filtered(lambda lead: lead.won_status != "won")

    @api.constrains(
        "protection_partner_user_id", "protection_own_share", "protection_partner_share", "user_id"
    )
    def _check_protection_co_selling(self):
        for lead in self:
            partner = lead.protection_partner_user_id
            try:
                change.co_selling_shares(
                    lead.user_id.id or 0,
                    lead.protection_own_share,
                    partner.id or None,
                    lead.protection_partner_share,
                )
            except ValueError as error:
                raise ValidationError(
                    self.env._(
                        "%(deal)s: the co-selling shares of the salesperson and his partner "
                        "total 100 %%, and the partner is another salesperson (LP-17).",
                        deal=lead.name,
                    )
                ) from error
            if partner and (
                partner.share or (lead.company_id and lead.company_id not in partner.company_ids)
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a colleague of this deal's company (LP-17).",
                        user=partner.name,
                    )
                )

    # --- LP-16: the shares booked at the win, the lines a change reverses

    def _protection_won_shares(self, user_id):
        """LP-17: the credit shares booked at the win: each his co-selling share."""
        self.ensure_one()
        if self.user_id.id != user_id:
            return {user_id: 100.0}
        return change.co_selling_shares(
            user_id,
            self.protection_own_share,
            self.protection_partner_user_id.id or None,
            self.protection_partner_share,
        )

    def _protection_credit_lines(self):
        """The commission lines booked now on these deals (LP-16 at the win, a collision
        case, applied changes): what the next change reverses."""
        Line = self.env["employee.incentive.line"].sudo()
        cases = (
            self.env["lead.protection.collision"].sudo().search([("deal_lead_id", "in", self.ids)])
        )
        forms = (
            self.env["lead.protection.change"]
            .sudo()
            .search([("lead_id", "in", self.ids), ("state", "=", change.APPLIED)])
        )
        domain = Domain(
            [
                ("source_model", "=", "crm.lead"),
                ("source_res_id", "in", self.ids),
                ("rule_ref", "=", "LP-16"),
            ]
        )
        if cases:
            domain |= Domain(
                [
                    ("source_model", "=", "lead.protection.collision"),
                    ("source_res_id", "in", cases.ids),
                ]
            )
        if forms:
            domain |= Domain(
                [
                    ("source_model", "=", "lead.protection.change"),
                    ("source_res_id", "in", forms.ids),
                ]
            )
        return Line.search(
            domain & Domain([("kind", "=", "credit_share"), ("state", "!=", "cancelled")])
        )

    def _protection_change_lines(self):
        """The applied change forms of these deals and the ledger lines they booked that
        are not cancelled."""
        forms = (
            self.env["lead.protection.change"]
            .sudo()
            .search([("lead_id", "in", self.ids), ("state", "=", change.APPLIED)])
        )
        lines = self.env["employee.incentive.line"].sudo()
        if forms:
            lines = lines.search(
                [
                    ("source_model", "=", "lead.protection.change"),
                    ("source_res_id", "in", forms.ids),
                    ("state", "!=", "cancelled"),
                ]
            )
        return forms, lines

    def _protection_changed_ids(self):
        """Deals whose credit an applied change decides now (LP-16 books nothing more)."""
        forms, lines = self._protection_change_lines()
        live = set(lines.mapped("source_res_id"))
        return {form.lead_id.id for form in forms if form.id in live}

    def _protection_cancel_lost_commission(self):
        """LP-16: a won deal lost or reopened also cancels the commission its changes
        booked (reversed if paid)."""
        res = super()._protection_cancel_lost_commission()
        not_won = self.sudo().filtered(lambda lead: lead.won_status != "won")
        if not_won:
            lines = not_won._protection_change_lines()[1].filtered(
                lambda line: line.kind != "reversal"
            )
            if lines:
                lines.action_cancel()
        return res

    # --- Buttons

    def action_protection_change(self):
        """Open the change form wizard on a won deal (LP-17, LP-18, LP-47)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change the Credit"),
            "res_model": "lead.protection.change.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    def action_protection_open_changes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Forms"),
            "res_model": "lead.protection.change",
            "view_mode": "list,form",
            "domain": [("lead_id", "=", self.id)],
        }

    protection_change_count = fields.Integer(compute="_compute_protection_change_count")

    @api.depends("protection_change_ids")
    def _compute_protection_change_count(self):
        for lead in self:
            lead.protection_change_count = len(lead.protection_change_ids)

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import membership as rules

MANAGER = "lead_protection.group_lead_protection_manager"


class LeadMembership(models.Model):
    """A club membership card: who uses it, who bought it, and who serves it (LP-34..LP-37)."""

    _name = "lead.membership"
    _description = "Membership"
    _inherit = ["mail.thread", "incentive.guard.mixin"]
    _order = "date_end desc, id desc"
    _check_company_auto = True

    _guarded_fields = (
        "consultant_id",
        "last_handler_id",
        "redistributed_to_id",
        "user_follower_id",
        "partner_id",
        "date_end",
        "company_id",
    )
    _guard_frozen_fields = ("name", "buyer_id", "date_start", "team_id", "renewal_price")

    name = fields.Char(string="Card Number", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    team_id = fields.Many2one("crm.team", required=True, check_company=True)
    partner_id = fields.Many2one(
        "res.partner", string="Member (Card User)", required=True, index=True, tracking=True
    )
    buyer_id = fields.Many2one(
        "res.partner", string="Bought by", help="LP-36: when someone else bought the card."
    )
    consultant_id = fields.Many2one("res.users", required=True, index=True, tracking=True)
    last_handler_id = fields.Many2one(
        "res.users", string="Last Handler (經辦人)", index=True, tracking=True
    )
    redistributed_to_id = fields.Many2one(
        "res.users",
        string="Redistributed to",
        tracking=True,
        help="LP-34: the members of a leaver redistributed to this salesperson are his.",
    )
    user_follower_id = fields.Many2one(
        "res.users",
        string="Follows the Card User",
        tracking=True,
        help="LP-36: after a transfer, whoever follows the card's user gets its renewals.",
    )
    date_start = fields.Date(required=True, default=lambda self: self._suite_today())
    date_end = fields.Date(string="Valid Until", required=True, tracking=True)
    renewal_price = fields.Monetary(
        currency_field="currency_id",
        required=True,
        help="LP-35: renewals sold below this price are fined.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    valid = fields.Boolean(compute="_compute_valid", search="_search_valid")
    renewal_ids = fields.One2many("lead.membership.renewal", "membership_id")

    def _today(self):
        company = self.company_id[:1] or self.env.company
        return company._reception_local(fields.Datetime.now()).date()

    @api.depends("date_end")
    def _compute_valid(self):
        """Valid through its last day, in the company's time zone (LP-34)."""
        for card in self:
            card.valid = rules.is_valid(card.date_end, card._today())

    def _search_valid(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on validity."))
        positive = (operator == "=") == value
        return [("date_end", ">=" if positive else "<", self._today())]

    @api.model
    def _current_of(self, partner):
        """The valid membership the partner uses, if any."""
        if not partner:
            return self.browse()
        return self.search(
            [("partner_id", "=", partner.id), ("date_end", ">=", self._today())], limit=1
        )

    def _check_manager(self):
        if not self.env.user.has_group(MANAGER):
            raise UserError(self.env._("Only a sales manager manages memberships."))

    @api.model_create_multi
    def create(self, vals_list):
        if self._guard_bypassed():
            return super().create(vals_list)
        self._check_manager()
        with self._guard_workflow():
            return super().create(
                [dict(vals, last_handler_id=vals.get("consultant_id")) for vals in vals_list]
            )

    def _guard_hint(self):
        return self.env._(
            "Consultant, handler, user and validity change through renewals, transfers and "
            "redistribution."
        )

    def _transfer(self, new_user_partner, follower):
        """LP-36: the card passes to another user, followed by ``follower``."""
        self.ensure_one()
        self._check_manager()
        if not new_user_partner or new_user_partner == self.partner_id:
            raise UserError(self.env._("Choose the card's new user."))
        with self._guard_workflow():
            self.write({"partner_id": new_user_partner.id, "user_follower_id": follower.id})
        return True

    def _redistribute(self, salesperson):
        """LP-34: a leaver's member is redistributed to ``salesperson``."""
        self._check_manager()
        with self._guard_workflow():
            self.write({"redistributed_to_id": salesperson.id})
        return True

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import membership as rules

MANAGER = "lead_protection.group_lead_protection_manager"


class LeadMembershipRenewal(models.Model):
    """A renewal or upgrade (續卡) of a membership: whose it is, and whether it was sold
    below the renewal price (LP-34, LP-35, LP-36)."""

    _name = "lead.membership.renewal"
    _description = "Membership Renewal"
    _inherit = ["mail.thread", "incentive.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _guarded_fields = (
        "seller_id",
        "credited_user_id",
        "credit_reason",
        "sale_date",
        "below_price",
        "state",
        "company_id",
        "team_id",
    )
    # Entered once: a price changed afterwards would escape the low-price check (LP-35).
    _guard_frozen_fields = {"__all__": "_guard_none_open"}
    _guard_unlink = "_guard_open_records"

    membership_id = fields.Many2one(
        "lead.membership", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    team_id = fields.Many2one("crm.team", readonly=True)
    kind = fields.Selection(
        [("renewal", "Renewal"), ("upgrade", "Upgrade")], required=True, default="renewal"
    )
    price = fields.Monetary(currency_field="currency_id", required=True)
    expected_revenue = fields.Monetary(related="price", string="Revenue")
    currency_id = fields.Many2one(related="company_id.currency_id")
    new_date_end = fields.Date(string="New Last Day", required=True)
    seller_id = fields.Many2one("res.users", string="Sold by", readonly=True, index=True)
    sale_date = fields.Date(readonly=True)
    credited_user_id = fields.Many2one(
        "res.users", string="Credited to", readonly=True, index=True, tracking=True
    )
    credit_reason = fields.Selection(
        [
            (rules.CONSULTANT, "Original Consultant (valid member)"),
            (rules.HANDLER, "Last Handler (expired member)"),
            (rules.FOLLOWER, "Follower (company resource)"),
            (rules.REDISTRIBUTED, "Redistributed Member"),
            (rules.USER_FOLLOWER, "Follows the Card's User"),
        ],
        readonly=True,
    )
    below_price = fields.Boolean(string="Below Renewal Price", readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
    )

    def _guard_open_records(self):
        return self.filtered(lambda renewal: renewal.state == "draft")

    def _guard_none_open(self):
        return self.browse()

    @api.model_create_multi
    def create(self, vals_list):
        if self._guard_bypassed():
            return super().create(vals_list)
        guarded, _frozen = self._guard_declarations()
        for vals in vals_list:
            refused = [name for name in vals if name in guarded]
            if refused:
                self._guard_raise(refused)
        with self._guard_workflow():
            return super().create([dict(vals, **self._prepare_renewal(vals)) for vals in vals_list])

    def _prepare_renewal(self, vals):
        """Whose renewal it is, decided when it is sold (LP-34, LP-36)."""
        card = self.env["lead.membership"].browse(vals.get("membership_id")).sudo().exists()
        if not card or card.company_id not in self.env.user.company_ids:
            raise UserError(self.env._("Choose a membership of your company."))
        price = vals.get("price")
        if not isinstance(price, (int, float)) or price <= 0:
            raise ValidationError(self.env._("The renewal price must be positive."))
        today = card._today()
        employed = set(
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("user_id", "in", (card.consultant_id | card.last_handler_id).ids),
                    ("company_id", "=", card.company_id.id),
                ]
            )
            .user_id.ids
        ) | ({card.redistributed_to_id.id} if card.redistributed_to_id.active else set())
        owner, reason = rules.renewal_owner(
            rules.is_valid(card.date_end, today),
            card.consultant_id.id,
            card.last_handler_id.id,
            employed,
            self.env.uid,
            redistributed_to=card.redistributed_to_id.id or None,
            user_follower=card.user_follower_id.id or None,
        )
        return {
            "company_id": card.company_id.id,
            "team_id": card.team_id.id,
            "seller_id": self.env.uid,
            "sale_date": today,
            "credited_user_id": owner,
            "credit_reason": reason,
            "below_price": rules.below_renewal_price(float(price), card.renewal_price),
        }

    def _check_manager(self):
        user = self.env.user
        for renewal in self.sudo():
            if not user.has_group(MANAGER) or renewal.team_id.user_id != user:
                raise UserError(self.env._("Only the team's manager confirms a renewal."))
            if renewal.state != "draft":
                raise UserError(self.env._("This renewal is already decided."))

    def action_confirm(self):
        """The manager confirms: the card is extended, the seller becomes its handler, the
        credit is booked to whom the rule gives it and a low price is fined (LP-35)."""
        self._check_manager()
        entries = []
        for renewal in self.sudo():
            with self._guard_workflow():
                renewal.state = "confirmed"
            card = renewal.membership_id
            with card._guard_workflow():
                card.write(
                    {
                        "date_end": max(card.date_end, renewal.new_date_end),
                        "last_handler_id": renewal.credited_user_id.id,
                    }
                )
            entries += renewal.team_id._protection_commission_entries(
                {renewal.credited_user_id.id: 100.0},
                renewal,
                self.env._("Renewal of %s", card.name),
                "LP-34",
                renewal,
                f"membership:renewal:{renewal.id}",
            )
        self.env["hr.employee"]._protection_book(entries)
        self.filtered("below_price")._fine_low_price()
        return True

    def _fine_low_price(self):
        """LP-35: the low-price renewal is an offence of the fine catalogue (FN-1)."""
        Offence = self.env["incentive.offence"].sudo()
        for renewal in self.sudo():
            employee = (
                self.env["hr.employee"]
                .sudo()
                .search(
                    [
                        ("user_id", "=", renewal.seller_id.id),
                        ("company_id", "=", renewal.company_id.id),
                    ],
                    limit=1,
                )
            )
            if not employee:
                raise UserError(
                    self.env._(
                        "%(user)s has no employee in %(company)s: create one so that the fine "
                        "can be booked.",
                        user=renewal.seller_id.name,
                        company=renewal.company_id.name,
                    )
                )
            Offence._record_offence(
                "incentive_ledger.fine_type_lp35_low_price",
                employee,
                source=renewal,
                date=renewal.sale_date,
                description=self.env._(
                    "Renewal of %(card)s sold at %(price)s, below its renewal price %(renewal)s.",
                    card=renewal.membership_id.name,
                    price=renewal.price,
                    renewal=renewal.membership_id.renewal_price,
                ),
            )

    def action_cancel(self):
        self._check_manager()
        with self._guard_workflow():
            self.sudo().write({"state": "cancelled"})
        return True

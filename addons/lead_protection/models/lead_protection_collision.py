# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import collision, penalties

MANAGER_GROUP = "lead_protection.group_lead_protection_manager"


class LeadProtectionCollision(models.Model):
    """A collision (撞单): a customer registered by a second salesperson (LP-5 .. LP-9)."""

    _name = "lead.protection.collision"
    _description = "Collision Case"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, readonly=True, default="/", copy=False)
    company_id = fields.Many2one("res.company", required=True, index=True)
    owner_registration_id = fields.Many2one(
        "lead.protection.registration", string="First Registration", required=True, readonly=True
    )
    challenger_registration_id = fields.Many2one(
        "lead.protection.registration", string="Second Registration", required=True, readonly=True
    )
    owner_user_id = fields.Many2one(
        related="owner_registration_id.user_id", string="First Salesperson", store=True, index=True
    )
    challenger_user_id = fields.Many2one(
        related="challenger_registration_id.user_id",
        string="Second Salesperson",
        store=True,
        index=True,
    )
    team_id = fields.Many2one(related="owner_registration_id.team_id", store=True)
    deal_lead_id = fields.Many2one(
        "crm.lead",
        string="Deal",
        help="The opportunity whose credit the outcome shares; by default the first one.",
    )
    state = fields.Selection(
        [
            ("negotiation", "Negotiation"),
            ("adjudication", "Manager Adjudication"),
            ("resolved", "Resolved"),
        ],
        required=True,
        default="negotiation",
        tracking=True,
    )
    outcome = fields.Selection(
        [
            (collision.OWNER, "First Registration Keeps the Customer"),
            (collision.CHALLENGER, "Second Registration Gets the Customer"),
            (collision.SPLIT, "Credit Split"),
            (collision.CUSTOMER_CHOICE, "Customer's Choice"),
            ("dispute", "Invalid: Dispute in Front of the Customer"),
        ],
        tracking=True,
        readonly=True,
    )
    agreement = fields.Text(
        string="Agreed Solution",
        tracking=True,
        help="LP-6: the solution the parties agreed on, filed with HR/admin and finance.",
    )
    owner_share = fields.Float(string="First Salesperson's Share (%)", readonly=True)
    challenger_share = fields.Float(string="Second Salesperson's Share (%)", readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    deal_lost = fields.Boolean(readonly=True, tracking=True)
    commission_booked = fields.Boolean(readonly=True, copy=False)

    # --- LP-7 evidence side by side: managers only, never shown to the other party
    owner_registered_at = fields.Datetime(
        related="owner_registration_id.registered_at",
        string="First: Registered At",
        groups=MANAGER_GROUP,
    )
    challenger_registered_at = fields.Datetime(
        related="challenger_registration_id.registered_at",
        string="Second: Registered At",
        groups=MANAGER_GROUP,
    )
    owner_kind_id = fields.Many2one(
        related="owner_registration_id.kind_id", string="First: Kind", groups=MANAGER_GROUP
    )
    challenger_kind_id = fields.Many2one(
        related="challenger_registration_id.kind_id", string="Second: Kind", groups=MANAGER_GROUP
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    owner_expected_revenue = fields.Monetary(
        related="owner_registration_id.expected_revenue",
        string="First: Expected Amount",
        groups=MANAGER_GROUP,
    )
    challenger_expected_revenue = fields.Monetary(
        related="challenger_registration_id.expected_revenue",
        string="Second: Expected Amount",
        groups=MANAGER_GROUP,
    )
    owner_expected_unit_price = fields.Monetary(
        related="owner_registration_id.expected_unit_price",
        string="First: Expected Unit Price",
        groups=MANAGER_GROUP,
    )
    challenger_expected_unit_price = fields.Monetary(
        related="challenger_registration_id.expected_unit_price",
        string="Second: Expected Unit Price",
        groups=MANAGER_GROUP,
    )
    owner_expected_signing_date = fields.Date(
        related="owner_registration_id.expected_signing_date",
        string="First: Expected Signing",
        groups=MANAGER_GROUP,
    )
    challenger_expected_signing_date = fields.Date(
        related="challenger_registration_id.expected_signing_date",
        string="Second: Expected Signing",
        groups=MANAGER_GROUP,
    )
    owner_contact_feedback = fields.Text(
        related="owner_registration_id.contact_feedback",
        string="First: Contact Feedback",
        groups=MANAGER_GROUP,
    )
    challenger_contact_feedback = fields.Text(
        related="challenger_registration_id.contact_feedback",
        string="Second: Contact Feedback",
        groups=MANAGER_GROUP,
    )

    @api.model
    def _open(self, collided):
        """Open one case per collided registration (LP-5).

        :param collided: list of (challenger registration, ids of the registrations that
            protect the customer); the first valid of them owns the customer.
        """
        Registration = self.env["lead.protection.registration"]
        names = Registration._next_names(self._name, len(collided))
        vals_list = []
        for name, (challenger, owner_ids) in zip(names, collided, strict=True):
            candidates = Registration.browse(owner_ids)
            # The first valid registration owns the customer; for an expired one still
            # followed up (LP-4), the earliest.
            owner = Registration._first_valid(candidates) or candidates.sorted("registered_at")[:1]
            vals_list.append(
                {
                    "name": name,
                    "company_id": challenger.company_id.id,
                    "owner_registration_id": owner.id,
                    "challenger_registration_id": challenger.id,
                    "deal_lead_id": owner.lead_id.id,
                }
            )
        cases = self.create(vals_list)
        for case in cases:
            manager = case.team_id.user_id or case.company_id.protection_hr_user_id
            case.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(manager or self.env.user).id,
                summary=case._in_lang_of(manager or self.env.user).env._(
                    "Collision to resolve (LP-6)"
                ),
            )
        return cases

    # --- Access

    def _check_party_or_manager(self):
        user = self.env.user
        if user.has_group(MANAGER_GROUP):
            return
        for case in self:
            if user not in (case.owner_user_id | case.challenger_user_id):
                raise UserError(
                    self.env._("Only the parties or a manager may act on %s.") % case.name
                )

    def _check_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(self.env._("Only a sales manager can adjudicate a collision."))

    # --- Resolution

    def action_escalate(self):
        """LP-7: negotiation failed, a manager adjudicates."""
        self._check_party_or_manager()
        for case in self.sudo().filtered(lambda c: c.state == "negotiation"):
            case.state = "adjudication"
            manager = case.team_id.user_id or case.company_id.protection_hr_user_id
            case.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(manager or self.env.user).id,
                summary=case._in_lang_of(manager or self.env.user).env._(
                    "Adjudicate collision (LP-7)"
                ),
            )
        return True

    def _resolve(self, outcome, agreement=False, chosen_user=None, split_percent=None):
        """Apply an outcome: credit shares, who keeps the customer, activities, commission.

        LP-6 negotiation (state negotiation, the agreement is required), LP-7 adjudication
        (managers), LP-8 split, LP-4 customer's choice.
        """
        self.ensure_one()
        if self.state == "resolved":
            raise UserError(self.env._("%s is already resolved.") % self.name)
        if self.state == "negotiation":
            self._check_party_or_manager()
            if not (agreement or "").strip():
                raise UserError(self.env._("Write down the solution the parties agreed on (LP-6)."))
        else:
            self._check_manager()
        case = self.sudo()
        if split_percent is None:
            split_percent = case.company_id.protection_split_percent
        owner, challenger = case.owner_user_id, case.challenger_user_id
        shares = collision.credit_shares(
            outcome, owner.id, challenger.id, split_percent, chosen_user and chosen_user.id
        )
        case.write(
            {
                "state": "resolved",
                "outcome": outcome,
                "agreement": agreement or case.agreement,
                "owner_share": shares.get(owner.id, 0.0),
                "challenger_share": shares.get(challenger.id, 0.0),
                "decided_by_id": self.env.uid,
                "decided_on": fields.Datetime.now(),
            }
        )
        if shares.get(owner.id) == 100.0:
            # The first salesperson keeps the customer (LP-4: the customer chose him).
            case.challenger_registration_id._invalidate(self.env._("Collision %s lost", case.name))
        elif shares.get(challenger.id) == 100.0:
            # The customer changes hands: the keys follow.
            case.owner_registration_id._invalidate(self.env._("Collision %s lost", case.name))
            case.challenger_registration_id.write({"state": "active", "invalid_reason": False})
            case.challenger_registration_id.sudo().key_ids.write({"active": True})
            case.deal_lead_id = case.challenger_registration_id.lead_id
        for user in (
            case.company_id.protection_hr_user_id | case.company_id.protection_finance_user_id
        ):
            case.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=case._in_lang_of(user).env._("File the collision outcome (LP-6)"),
                note=case.agreement or "",
            )
        case._book_commissions()
        return True

    def _book_commissions(self):
        """Book each party's commission share of a won deal to the ledger, once (LP-6..8)."""
        entries = []
        for case in self.sudo().filtered(
            lambda c: c.state == "resolved" and c.deal_lead_id.won_status == "won"
        ):
            case.commission_booked = True
            entries += case.team_id._protection_commission_entries(
                {
                    case.owner_user_id.id: case.owner_share,
                    case.challenger_user_id.id: case.challenger_share,
                },
                case.deal_lead_id,
                self.env._(
                    "Commission share of %(deal)s (%(case)s)",
                    deal=case.deal_lead_id.name,
                    case=case.name,
                ),
                "LP-8" if case.outcome == collision.SPLIT else "LP-6",
                case,
                f"lp:collision:{case.id}",
            )
        self.env["hr.employee"]._protection_book(entries)

    def action_dispute(self, deal_lost=False):
        """LP-9: a dispute in front of the customer invalidates both registrations; when the
        deal is lost, each party is fined."""
        self._check_manager()
        entries = []
        for case in self.sudo():
            (case.owner_registration_id | case.challenger_registration_id)._invalidate(
                self.env._("Dispute in front of the customer (LP-9)")
            )
            case.write(
                {
                    "state": "resolved",
                    "outcome": "dispute",
                    "deal_lost": deal_lost,
                    "owner_share": 0.0,
                    "challenger_share": 0.0,
                    "decided_by_id": self.env.uid,
                    "decided_on": fields.Datetime.now(),
                }
            )
            fines = penalties.dispute_fines(
                [case.owner_user_id.id, case.challenger_user_id.id],
                deal_lost,
                case.company_id.protection_dispute_fine,
            )
            entries += [
                {
                    "user_id": user_id,
                    "company_id": case.company_id.id,
                    "kind": "penalty",
                    "amount": -amount,
                    "name": self.env._("Dispute in front of the customer (%s)", case.name),
                    "rule_ref": "LP-9",
                    "source_ref": f"{case._name},{case.id}",
                    "source_key": f"lp9:{case.id}",
                }
                for user_id, amount in fines.items()
            ]
        self.env["hr.employee"]._protection_book(entries)
        return True

    def action_dispute_deal_kept(self):
        return self.action_dispute(deal_lost=False)

    def action_dispute_deal_lost(self):
        return self.action_dispute(deal_lost=True)

    def action_open_resolve_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "lead.protection.collision.resolve",
            "view_mode": "form",
            "target": "new",
            "context": {"default_collision_id": self.id},
        }

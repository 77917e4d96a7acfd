# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import collision

MANAGER_GROUP = "lead_protection.group_lead_protection_manager"


class LeadProtectionCollision(models.Model):
    """A collision (撞单): a customer registered by a second salesperson (LP-5 .. LP-9)."""

    _name = "lead.protection.collision"
    _description = "Collision Case"
    _inherit = ["mail.thread", "mail.activity.mixin", "lead.protection.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    # Who may change what: every field of a case is decided by its workflow: opened on a
    # collided registration (LP-5), a party's proposal accepted by the other (LP-6), the
    # team manager's adjudication (LP-7, LP-8) or dispute (LP-9), the won deal (commission).
    _guarded_fields = (
        "name",
        "company_id",
        "owner_registration_id",
        "challenger_registration_id",
        "owner_user_id",
        "challenger_user_id",
        "team_id",
        "deal_lead_id",
        "state",
        "outcome",
        "agreement",
        "owner_share",
        "challenger_share",
        "decided_by_id",
        "decided_on",
        "deal_lost",
        "commission_booked",
        "proposed_by_id",
        "proposal_outcome",
        "proposal_split",
        "proposal_chosen_user_id",
        # The evidence is the registrations': never changed through the case (LP-7).
        "owner_registered_at",
        "challenger_registered_at",
        "owner_kind_id",
        "challenger_kind_id",
        "currency_id",
        "owner_expected_revenue",
        "challenger_expected_revenue",
        "owner_expected_unit_price",
        "challenger_expected_unit_price",
        "owner_expected_signing_date",
        "challenger_expected_signing_date",
        "owner_contact_feedback",
        "challenger_contact_feedback",
    )
    _guard_unlink = "_guard_deletable"
    _protection_ranges = {
        "owner_share": (0, 100),
        "challenger_share": (0, 100),
        "proposal_split": (0, 100),
    }

    name = fields.Char(string="Reference", required=True, readonly=True, default="/", copy=False)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    owner_registration_id = fields.Many2one(
        "lead.protection.registration", string="First Registration", required=True, readonly=True
    )
    challenger_registration_id = fields.Many2one(
        "lead.protection.registration", string="Second Registration", required=True, readonly=True
    )
    owner_user_id = fields.Many2one(
        related="owner_registration_id.user_id",
        string="First Salesperson",
        store=True,
        index=True,
        readonly=True,
    )
    challenger_user_id = fields.Many2one(
        related="challenger_registration_id.user_id",
        string="Second Salesperson",
        store=True,
        index=True,
        readonly=True,
    )
    team_id = fields.Many2one(related="owner_registration_id.team_id", store=True, readonly=True)
    deal_lead_id = fields.Many2one(
        "crm.lead",
        string="Deal",
        readonly=True,
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
        readonly=True,
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
        readonly=True,
        tracking=True,
        help="LP-6: the solution the parties agreed on, filed with HR/admin and finance.",
    )
    owner_share = fields.Float(string="First Salesperson's Share (%)", readonly=True)
    challenger_share = fields.Float(string="Second Salesperson's Share (%)", readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    deal_lost = fields.Boolean(readonly=True, tracking=True)
    commission_booked = fields.Boolean(readonly=True, copy=False)

    # --- LP-6: a solution proposed by one party, in effect once the other accepts
    proposed_by_id = fields.Many2one("res.users", readonly=True)
    proposal_outcome = fields.Selection(
        [
            (collision.OWNER, "First Registration Keeps the Customer"),
            (collision.CHALLENGER, "Second Registration Gets the Customer"),
            (collision.SPLIT, "Credit Split"),
            (collision.CUSTOMER_CHOICE, "Customer's Choice"),
        ],
        string="Proposed Outcome",
        readonly=True,
    )
    proposal_split = fields.Float(string="Proposed Share of the First (%)", readonly=True)
    proposal_chosen_user_id = fields.Many2one(
        "res.users", string="Proposed: Chosen by the Customer", readonly=True
    )
    can_accept = fields.Boolean(compute="_compute_can_accept")

    # LP-8: shares are percentages; a resolved case gives away exactly 100 % of the credit
    # (a dispute gives none). Both shares are columns of the case's row, so a row CHECK holds
    # the total whoever writes, and no trigger is needed.
    _owner_share_range = models.Constraint(
        "CHECK (owner_share >= 0 AND owner_share <= 100)",
        "A credit share is between 0 and 100 %.",
    )
    _challenger_share_range = models.Constraint(
        "CHECK (challenger_share >= 0 AND challenger_share <= 100)",
        "A credit share is between 0 and 100 %.",
    )
    _proposal_split_range = models.Constraint(
        "CHECK (proposal_split >= 0 AND proposal_split <= 100)",
        "A credit share is between 0 and 100 %.",
    )
    _shares_total = models.Constraint(
        "CHECK (state != 'resolved' OR outcome = 'dispute' "
        "OR round((COALESCE(owner_share, 0) + COALESCE(challenger_share, 0))::numeric, 6) = 100)",
        "The credit shares of a resolved collision total 100 %.",
    )
    # LP-5: a collided registration opens one case, even when two workers open it.
    _one_case_per_challenger = models.UniqueIndex(
        "(challenger_registration_id)", "This registration already has a collision case."
    )

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

    # --- Guard

    def _guard_deletable(self):
        """Collision cases are the record of who got the customer: never deleted."""
        return self.browse()

    def _guard_hint(self):
        return self.env._(
            "A collision case changes only by a party's proposal accepted by the other party "
            "(LP-6), the manager's adjudication (LP-7) or a dispute (LP-9)."
        )

    @api.depends("state", "proposed_by_id")
    @api.depends_context("uid")
    def _compute_can_accept(self):
        """Whether the current user is the party who accepts the open proposal (LP-6)."""
        for case in self:
            case.can_accept = (
                case.state == "negotiation"
                and bool(case.proposed_by_id)
                and (
                    collision.acceptor(
                        case.proposed_by_id.id, case.owner_user_id.id, case.challenger_user_id.id
                    )
                    == self.env.uid
                )
            )

    # --- Access

    def _check_party(self):
        user = self.env.user
        for case in self:
            if user not in (case.owner_user_id | case.challenger_user_id):
                raise UserError(
                    self.env._(
                        "Only the two salespeople of %(case)s negotiate it; a manager "
                        "adjudicates once the negotiation has failed.",
                        case=case.name,
                    )
                )

    def _check_party_or_manager(self):
        user = self.env.user
        for case in self:
            if user in (case.owner_user_id | case.challenger_user_id):
                continue
            case._protection_check_managed()

    def _check_state(self, *states):
        for case in self:
            if case.state not in states:
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "%(case)s is %(state)s: this action is not possible now.",
                        case=case.name,
                        state=labels[case.state],
                    )
                )

    def _check_outcome(self, outcome, chosen_user, split_percent):
        self.ensure_one()
        if outcome not in collision.OUTCOMES:
            raise UserError(self.env._("Choose how the collision ends: %r is no outcome.", outcome))
        if outcome == collision.SPLIT and not collision.valid_share(split_percent):
            raise UserError(
                self.env._(
                    "LP-8: the first salesperson's share is between 0 and 100 %%, the second "
                    "gets the rest; %(share)s is not.",
                    share=split_percent,
                )
            )
        if outcome == collision.CUSTOMER_CHOICE and chosen_user not in (
            self.owner_user_id | self.challenger_user_id
        ):
            raise UserError(self.env._("The customer chooses one of the two salespeople (LP-4)."))

    # --- Resolution

    def action_escalate(self):
        """LP-7: negotiation failed, a manager adjudicates. Either party (or the team's
        manager) escalates, at any point of the negotiation."""
        self._check_party_or_manager()
        self._protection_lock()
        self._check_state("negotiation")
        for case in self.sudo():
            with self._guard_workflow():
                case.write(case._proposal_cleared(state="adjudication"))
            manager = case.team_id.user_id or case.company_id.protection_hr_user_id
            case.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(manager or self.env.user).id,
                summary=case.with_context(lang=(manager or self.env.user).lang).env._(
                    "Adjudicate collision (LP-7)"
                ),
            )
        return True

    @api.model
    def _proposal_cleared(self, **vals):
        return dict(
            vals,
            proposed_by_id=False,
            proposal_outcome=False,
            proposal_split=0.0,
            proposal_chosen_user_id=False,
        )

    def _propose(self, outcome, agreement, chosen_user=None, split_percent=None):
        """LP-6: one party proposes a solution; it takes effect when the other accepts."""
        self._protection_single()
        self._check_party()
        self._protection_lock()
        self._check_state("negotiation")
        if not isinstance(agreement, str) or not agreement.strip():
            raise UserError(self.env._("Write down the solution the parties agreed on (LP-6)."))
        case = self.sudo()
        if split_percent is None or outcome != collision.SPLIT:
            split_percent = case.company_id.protection_split_percent
        chosen_user = chosen_user or self.env["res.users"]
        self._check_outcome(outcome, chosen_user, split_percent)
        with self._guard_workflow():
            case.write(
                {
                    "proposed_by_id": self.env.uid,
                    "proposal_outcome": outcome,
                    "proposal_split": split_percent if outcome == collision.SPLIT else 0.0,
                    "proposal_chosen_user_id": chosen_user.id,
                    "agreement": agreement.strip(),
                }
            )
        other = self.env["res.users"].browse(
            collision.acceptor(self.env.uid, case.owner_user_id.id, case.challenger_user_id.id)
        )
        case.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=other.id,
            summary=case.with_context(lang=other.lang).env._(
                "Accept or refuse the proposed solution (LP-6)"
            ),
            note=agreement,
        )
        return True

    def action_accept_proposal(self):
        """LP-6: the other party accepts the proposal: the case is resolved as proposed."""
        self._protection_single()
        self._check_party()
        self._protection_lock()
        self._check_state("negotiation")
        case = self.sudo()
        if not case.proposed_by_id:
            raise UserError(self.env._("There is no proposed solution to accept."))
        if (
            collision.acceptor(
                case.proposed_by_id.id, case.owner_user_id.id, case.challenger_user_id.id
            )
            != self.env.uid
        ):
            raise UserError(
                self.env._("The other party accepts your proposal; you cannot accept it alone.")
            )
        self._apply_outcome(
            case.proposal_outcome,
            case.agreement,
            case.proposal_chosen_user_id,
            case.proposal_split,
        )
        return True

    def action_refuse_proposal(self):
        """LP-6: either party withdraws or refuses the proposal; negotiation goes on."""
        self._protection_single()
        self._check_party()
        self._protection_lock()
        self._check_state("negotiation")
        with self._guard_workflow():
            self.sudo().write(self._proposal_cleared())
        return True

    def _adjudicate(self, outcome, agreement=False, chosen_user=None, split_percent=None):
        """LP-7: the manager of the team decides once the negotiation failed."""
        self._protection_single()
        self._protection_check_managed()
        self._protection_lock()
        self._check_state("adjudication")
        if agreement and not isinstance(agreement, str):
            raise UserError(self.env._("Write the reasons of the decision as text (LP-7)."))
        if split_percent is None or outcome != collision.SPLIT:
            split_percent = self.sudo().company_id.protection_split_percent
        chosen_user = chosen_user or self.env["res.users"]
        self._check_outcome(outcome, chosen_user, split_percent)
        self._apply_outcome(outcome, agreement, chosen_user, split_percent)
        return True

    def _resolve(self, outcome, agreement=False, chosen_user=None, split_percent=None):
        """Record how the case ends: in negotiation a party's proposal (LP-6), in
        adjudication the manager's decision (LP-7); a resolved case stays resolved."""
        self._protection_single()
        if self.state == "resolved":
            raise UserError(self.env._("%s is already resolved.", self.name))
        if self.state == "negotiation":
            return self._propose(outcome, agreement, chosen_user, split_percent)
        return self._adjudicate(outcome, agreement, chosen_user, split_percent)

    def _apply_outcome(self, outcome, agreement, chosen_user, split_percent):
        """Apply an outcome: credit shares, who keeps the customer, activities, commission
        (LP-4, LP-6..LP-8). The callers checked who acts and the state."""
        case = self.sudo()
        owner, challenger = case.owner_user_id, case.challenger_user_id
        shares = collision.credit_shares(
            outcome, owner.id, challenger.id, split_percent, chosen_user and chosen_user.id
        )
        with self._guard_workflow("lead.protection.registration", "lead.protection.key"):
            case.write(
                case._proposal_cleared(
                    state="resolved",
                    outcome=outcome,
                    agreement=agreement or case.agreement,
                    owner_share=shares.get(owner.id, 0.0),
                    challenger_share=shares.get(challenger.id, 0.0),
                    decided_by_id=self.env.uid,
                    decided_on=fields.Datetime.now(),
                )
            )
            if shares.get(owner.id) == 100.0:
                # The first salesperson keeps the customer (LP-4: the customer chose him).
                case.challenger_registration_id._invalidate(
                    self.env._("Collision %s lost", case.name)
                )
            elif shares.get(challenger.id) == 100.0:
                # The customer changes hands: the keys follow.
                case.owner_registration_id._invalidate(self.env._("Collision %s lost", case.name))
                case.challenger_registration_id.write({"state": "active", "invalid_reason": False})
                case.challenger_registration_id.key_ids.write({"active": True})
                case.deal_lead_id = case.challenger_registration_id.lead_id
        for user in (
            case.company_id.protection_hr_user_id | case.company_id.protection_finance_user_id
        ):
            case.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=case.with_context(lang=user.lang).env._(
                    "File the collision outcome (LP-6)"
                ),
                note=case.agreement or "",
            )
        case._book_commissions()

    def _book_commissions(self):
        """Book each party's commission share of a won deal, once (LP-6..8): the outcome
        takes effect through a change form, which reverses what was booked (LP-16)."""
        cases = self.sudo().filtered(
            lambda c: (
                c.state == "resolved"
                and not c.commission_booked
                and c.deal_lead_id.won_status == "won"
            )
        )
        if not cases:
            return
        with self._guard_workflow():
            cases.commission_booked = True
        self.env["lead.protection.change"]._from_cases(
            cases,
            {case.id: "LP-8" if case.outcome == collision.SPLIT else "LP-6" for case in cases},
        )

    def action_dispute(self, deal_lost=False):
        """LP-9: a dispute in front of the customer invalidates both registrations; when the
        deal is lost, each party is fined. Only the team's manager records it, on an open
        case: a resolved case is not disputed again."""
        if not isinstance(deal_lost, bool):
            raise UserError(self.env._("Say whether the deal was lost (yes or no)."))
        self._protection_check_managed()
        self._protection_lock()
        self._check_state("negotiation", "adjudication")
        Offence = self.env["incentive.offence"].sudo()
        for case in self.sudo():
            (case.owner_registration_id | case.challenger_registration_id)._invalidate(
                self.env._("Dispute in front of the customer (LP-9)")
            )
            with self._guard_workflow():
                case.write(
                    case._proposal_cleared(
                        state="resolved",
                        outcome="dispute",
                        deal_lost=deal_lost,
                        owner_share=0.0,
                        challenger_share=0.0,
                        decided_by_id=self.env.uid,
                        decided_on=fields.Datetime.now(),
                    )
                )
            if deal_lost:
                # The fine catalogue (FN-1) fines each party and proposes public criticism
                # of both to HR (LP-46).
                Offence._record_offence(
                    "incentive_ledger.fine_type_lp9_dispute",
                    case._dispute_parties(),
                    source=case,
                    description=self.env._("Dispute in front of the customer (%s)", case.name),
                )
        return True

    def _dispute_parties(self):
        """The employees of both parties of the case, in its company (LP-9)."""
        self.ensure_one()
        users = self.owner_user_id | self.challenger_user_id
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search([("user_id", "in", users.ids), ("company_id", "=", self.company_id.id)])
        )
        missing = users - employees.user_id
        if missing:
            raise UserError(
                self.env._(
                    "%(user)s has no employee in %(company)s: create one so that the "
                    "incentive ledger can book %(rule)s.",
                    user=", ".join(missing.mapped("name")),
                    company=self.company_id.name,
                    rule="LP-9",
                )
            )
        return employees

    def action_dispute_deal_kept(self):
        return self.action_dispute(deal_lost=False)

    def action_dispute_deal_lost(self):
        return self.action_dispute(deal_lost=True)

    def action_open_resolve_wizard(self):
        self._protection_single()
        return {
            "type": "ir.actions.act_window",
            "res_model": "lead.protection.collision.resolve",
            "view_mode": "form",
            "target": "new",
            "context": {"default_collision_id": self.id},
        }

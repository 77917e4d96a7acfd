# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError
from odoo.fields import Domain

from ..tools import change

MANAGER_GROUP = "lead_protection.group_lead_protection_manager"
TODO = "mail.mail_activity_data_todo"
OPEN_STATES = (change.ACCEPT, change.MANAGER, change.DIRECTOR)

# The rule each kind of change applies (ledger lines and chatter name it).
RULES = {
    "transfer": "LP-18",
    "claim": "LP-10",
    "case": "LP-7",
    "decision": "LP-47",
    "co_selling": "LP-17",
}


class LeadProtectionChange(models.Model):
    """A change of a won deal's credit (業績更改單, LP-18): the booked salesperson and his
    commission move to another salesperson once both accept, the giver's manager signs and
    then the director. Approved late claims (LP-10), case outcomes (LP-7, LP-47) and the
    supervisor's co-selling split (LP-17) are recorded as applied changes: every change of
    credit reverses the deal's commission in the ledger and rebooks it (LP-16)."""

    _name = "lead.protection.change"
    _description = "Performance Change Form"
    _inherit = ["mail.thread", "mail.activity.mixin", "lead.protection.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    # Who may change what: a party or the manager drafts the form (the deal, the two
    # salespeople, the reason); each salesperson accepts for himself; the giver's manager
    # signs, then the director; applying it is the workflow's. Nothing is edited directly.
    _guarded_fields = (
        "kind",
        "lead_id",
        "company_id",
        "team_id",
        "from_user_id",
        "to_user_id",
        "from_share",
        "to_share",
        "commission_only",
        "reason",
        "won_date",
        "from_accepted",
        "to_accepted",
        "manager_id",
        "manager_signed_by_id",
        "manager_signed_on",
        "director_id",
        "director_group_id",
        "director_signed_by_id",
        "director_signed_on",
        "state",
        "refused_by_id",
        "applied_on",
        "claim_id",
        "collision_id",
        "rule_ref",
    )
    _guard_unlink = "_guard_deletable"
    _protection_ranges = {"from_share": (0, 100), "to_share": (0, 100)}

    kind = fields.Selection(
        [
            ("transfer", "Performance Change Form (LP-18)"),
            ("claim", "Approved Late Claim (LP-10)"),
            ("case", "Case Outcome (LP-7)"),
            ("decision", "Director's Decision (LP-47)"),
            ("co_selling", "Co-selling Split (LP-17)"),
        ],
        required=True,
        default="transfer",
        readonly=True,
    )
    lead_id = fields.Many2one(
        "crm.lead", string="Won Deal", required=True, readonly=True, index=True, check_company=True
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    expected_revenue = fields.Monetary(related="lead_id.expected_revenue", string="Deal Amount")
    from_user_id = fields.Many2one(
        "res.users", string="Giving Salesperson", required=True, readonly=True, index=True
    )
    to_user_id = fields.Many2one(
        "res.users", string="Receiving Salesperson", required=True, readonly=True, index=True
    )
    from_share = fields.Float(
        string="Giver's Share After (%)",
        readonly=True,
        help="For claims, decisions and co-selling splits: the share of the credit the "
        "giving (booked) salesperson keeps. A performance change form moves all of his share.",
    )
    to_share = fields.Float(string="Receiver's Share After (%)", readonly=True)
    commission_only = fields.Boolean(
        string="Commission Only (No Renaming)",
        readonly=True,
        help="LP-18: in the last days of the month an earlier deal of the month keeps its "
        "salesperson; the two may still agree to move the commission.",
    )
    reason = fields.Text("Reason and Evidence", readonly=True)
    won_date = fields.Date(string="Won On", readonly=True, help="In the company's time zone.")
    from_accepted = fields.Boolean(string="Giver Accepted", readonly=True, tracking=True)
    to_accepted = fields.Boolean(string="Receiver Accepted", readonly=True, tracking=True)
    manager_id = fields.Many2one(
        "res.users",
        string="Giver's Manager",
        readonly=True,
        index=True,
        help="The manager of the salesperson giving up the credit, who signs first.",
    )
    manager_signed_by_id = fields.Many2one("res.users", readonly=True)
    manager_signed_on = fields.Datetime(readonly=True)
    director_id = fields.Many2one(
        "res.users",
        readonly=True,
        index=True,
        help="The sales director of the company's settings; empty: any member of the "
        "director group signs.",
    )
    director_group_id = fields.Many2one("res.groups", readonly=True)
    director_signed_by_id = fields.Many2one("res.users", readonly=True)
    director_signed_on = fields.Datetime(readonly=True)
    state = fields.Selection(
        [
            (change.ACCEPT, "Waiting for the Salespeople"),
            (change.MANAGER, "Waiting for the Manager"),
            (change.DIRECTOR, "Waiting for the Director"),
            (change.APPLIED, "Applied"),
            (change.REFUSED, "Refused"),
        ],
        required=True,
        default=change.ACCEPT,
        readonly=True,
        index=True,
        tracking=True,
    )
    refused_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    applied_on = fields.Datetime(readonly=True)
    rule_ref = fields.Char(string="Rule", readonly=True)
    claim_id = fields.Many2one("lead.protection.claim", string="Late Claim", readonly=True)
    collision_id = fields.Many2one("lead.protection.collision", string="Case", readonly=True)
    waiting_for_me = fields.Boolean(
        compute="_compute_waiting_for_me", search="_search_waiting_for_me"
    )

    # One open form per deal at a time: two drafts at once become a retry that refuses.
    _one_open_per_deal = models.UniqueIndex(
        "(lead_id) WHERE state IN ('accept', 'manager', 'director')",
        "This deal already has a change form in progress.",
    )
    _shares_range = models.Constraint(
        "CHECK (COALESCE(from_share, 0) >= 0 AND COALESCE(from_share, 0) <= 100 "
        "AND COALESCE(to_share, 0) >= 0 AND COALESCE(to_share, 0) <= 100 "
        "AND round((COALESCE(from_share, 0) + COALESCE(to_share, 0))::numeric, 6) IN (0, 100))",
        "The credit shares of a change are between 0 and 100 % and total 100 %.",
    )
    _two_people = models.Constraint(
        "CHECK (from_user_id != to_user_id)",
        "The credit moves between two different salespeople.",
    )

    @api.depends("lead_id", "from_user_id", "to_user_id")
    def _compute_display_name(self):
        for form in self:
            form.display_name = self.env._(
                "%(deal)s: %(giver)s → %(receiver)s",
                deal=form.sudo().lead_id.name or "",
                giver=form.sudo().from_user_id.name or "",
                receiver=form.sudo().to_user_id.name or "",
            )

    def _guard_deletable(self):
        """A change form is kept with its signatures: it is refused, never deleted."""
        return self.browse()

    def _guard_hint(self):
        return self.env._(
            "A performance change form is drafted from the won deal, accepted by both "
            "salespeople and signed by the manager and the director with its buttons."
        )

    # --- Who acts next

    def _director_users(self):
        """The users who may sign as director: the company's sales director, or the
        members of the director group (default Sales / Administrator)."""
        self.ensure_one()
        if self.director_id:
            return self.director_id
        return self.director_group_id.sudo().all_user_ids.filtered(
            lambda user: self.company_id in user.company_ids
        )

    def _waiting_users(self):
        self.ensure_one()
        form = self.sudo()
        if form.state == change.ACCEPT:
            users = self.env["res.users"]
            if not form.from_accepted:
                users |= form.from_user_id
            if not form.to_accepted:
                users |= form.to_user_id
            return users
        if form.state == change.MANAGER:
            return form.manager_id
        if form.state == change.DIRECTOR:
            return (
                form._director_users()
                - form.manager_signed_by_id
                - form.from_user_id
                - (form.to_user_id)
            )
        return self.env["res.users"]

    @api.depends_context("uid")
    @api.depends("state", "from_accepted", "to_accepted", "manager_id", "director_id")
    def _compute_waiting_for_me(self):
        for form in self:
            form.waiting_for_me = self.env.user in form._waiting_users()

    def _search_waiting_for_me(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search “waiting for me” with yes or no."))
        uid = self.env.uid
        domain = Domain.OR(
            [
                Domain(
                    [
                        ("state", "=", change.ACCEPT),
                        ("from_user_id", "=", uid),
                        ("from_accepted", "=", False),
                    ]
                ),
                Domain(
                    [
                        ("state", "=", change.ACCEPT),
                        ("to_user_id", "=", uid),
                        ("to_accepted", "=", False),
                    ]
                ),
                Domain([("state", "=", change.MANAGER), ("manager_id", "=", uid)]),
                Domain([("state", "=", change.DIRECTOR), ("director_id", "=", uid)]),
                Domain(
                    [
                        ("state", "=", change.DIRECTOR),
                        ("director_id", "=", False),
                        ("director_group_id", "in", self.env.user.all_group_ids.ids),
                        ("manager_signed_by_id", "!=", uid),
                        ("from_user_id", "!=", uid),
                        ("to_user_id", "!=", uid),
                    ]
                ),
            ]
        )
        if (operator == "=") != value:
            return ~domain
        return domain

    def _schedule_next(self):
        """Close the to-dos of the step just taken; ask whoever must act next."""
        for form in self.sudo():
            form.activity_unlink([TODO])
            for user in form._waiting_users():
                form.activity_schedule(
                    TODO,
                    user_id=user.id,
                    summary=form.with_context(lang=user.lang).env._(
                        "Performance change form: your signature (LP-18)"
                    ),
                    note=form.reason or "",
                )

    # --- Drafting

    @api.model
    def _company_rules(self, company):
        return (
            company.protection_claim_freeze_days,
            company.protection_director_user_id,
            company.protection_director_group_id
            or self.env.ref("sales_team.group_sale_manager", raise_if_not_found=False),
        )

    @api.model
    def _check_month(self, lead, commission_only):
        """LP-18's month rule on the company's dates; refused changes raise."""
        company = lead.company_id or self.env.company
        won_date = company._suite_today(lead.date_closed or fields.Datetime.now())
        verdict = change.month_rule(
            won_date,
            company._suite_today(),
            company.protection_claim_freeze_days,
            commission_only,
        )
        refusals = {
            change.REFUSED_FUTURE: self.env._("This deal was not won yet on that day."),
            change.REFUSED_OTHER_MONTH: self.env._(
                "No change crosses months (LP-18): this deal was won in a closed month."
            ),
            change.REFUSED_MONTH_END: self.env._(
                "In the last %(days)s days of the month only the deals won that day change "
                "their salesperson (LP-18); the two may still move the commission without "
                "renaming (“Commission Only”).",
                days=company.protection_claim_freeze_days,
            ),
        }
        if verdict in refusals:
            raise UserError(refusals[verdict])
        return won_date

    @api.model
    def _check_lead(self, lead):
        if not isinstance(lead, models.BaseModel) or lead._name != "crm.lead" or len(lead) != 1:
            raise UserError(self.env._("A change form is made on one won deal."))
        lead.check_access("read")
        lead = lead.sudo()
        if lead.won_status != "won" or not lead.user_id:
            raise UserError(self.env._("Only a won deal with a salesperson changes its credit."))
        if lead.company_id and lead.company_id not in self.env.user.company_ids:
            raise UserError(self.env._("This deal belongs to a company you do not work for."))
        return lead

    @api.model
    def _check_receiver(self, lead, to_user):
        if (
            not isinstance(to_user, models.BaseModel)
            or to_user._name != "res.users"
            or len(to_user) != 1
        ):
            raise UserError(self.env._("Choose the one salesperson who receives the credit."))
        to_user = to_user.sudo()
        if to_user == lead.user_id:
            raise UserError(self.env._("The credit moves to another salesperson."))
        if to_user.share or not to_user.active:
            raise UserError(self.env._("The credit moves to an active internal user."))
        if lead.company_id and lead.company_id not in to_user.company_ids:
            raise UserError(
                self.env._("%(user)s does not work for this deal's company.", user=to_user.name)
            )
        return to_user

    @api.model
    def _giver_manager(self, lead):
        """The manager of the salesperson giving up the credit: the manager of his sales
        team (the deal's team when he belongs to it)."""
        giver = lead.user_id
        team = lead.team_id
        if not team or giver not in team.member_ids | team.user_id:
            team = giver.sudo().sale_team_id or team
        return team.user_id

    @api.model
    def _draft(self, lead, to_user, reason, commission_only=False):
        """LP-18: draft the change form of ``lead``'s credit to ``to_user``. The giver
        (the booked salesperson), the receiver or the deal team's manager drafts it; a
        drafting party accepts for himself."""
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Write why the credit changes (the evidence)."))
        if not isinstance(commission_only, bool):
            raise UserError(self.env._("Say whether only the commission moves (yes or no)."))
        lead = self._check_lead(lead)
        to_user = self._check_receiver(lead, to_user)
        user = self.env.user
        manager = user.has_group(MANAGER_GROUP) and user in (
            lead.team_id.user_id | self._giver_manager(lead)
        )
        if user not in lead.user_id | to_user and not manager and not self._protection_is_admin():
            raise UserError(
                self.env._("Only the two salespeople or their manager draft a change form (LP-18).")
            )
        self.env.cr.execute("SELECT id FROM crm_lead WHERE id = %s FOR UPDATE", [lead.id])
        won_date = self._check_month(lead, commission_only)
        if self.sudo().search_count(
            [("lead_id", "=", lead.id), ("state", "in", OPEN_STATES)], limit=1
        ):
            raise UserError(self.env._("This deal already has a change form in progress."))
        company = lead.company_id or self.env.company
        _freeze, director, director_group = self._company_rules(company)
        manager_user = self._giver_manager(lead)
        if not manager_user:
            raise UserError(
                self.env._(
                    "%(user)s has no sales manager to sign the change form: set the manager "
                    "of his sales team first.",
                    user=lead.user_id.name,
                )
            )
        vals = {
            "kind": "transfer",
            "lead_id": lead.id,
            "company_id": company.id,
            "team_id": lead.team_id.id,
            "from_user_id": lead.user_id.id,
            "to_user_id": to_user.id,
            "commission_only": commission_only,
            "reason": reason.strip(),
            "won_date": won_date,
            "from_accepted": user == lead.user_id,
            "to_accepted": user == to_user,
            "manager_id": manager_user.id,
            "director_id": director.id,
            "director_group_id": director_group.id if director_group else False,
        }
        vals["state"] = change.next_state(change.ACCEPT, vals["from_accepted"], vals["to_accepted"])
        try:
            with self.env.cr.savepoint(), self._guard_workflow():
                form = self.sudo().create(vals)
        except psycopg2.errors.UniqueViolation as error:
            raise ConcurrencyError("Change form drafted concurrently, retrying") from error
        form._schedule_next()
        return form.with_env(self.env)

    # --- Changes applied at once (the same apply path, LP-16 rebooking)

    @api.model
    def _check_share(self, share):
        if isinstance(share, bool) or not isinstance(share, (int, float)):
            raise UserError(self.env._("A share is a number of percent."))
        if share != share or not 0.0 < share <= 100.0:
            raise UserError(self.env._("A share is more than 0 and at most 100 %."))
        return float(share)

    @api.model
    def _applied(self, vals):
        """Create a change decided by whoever may decide it, and apply it."""
        with self._guard_workflow():
            forms = self.sudo().create(vals)
        forms._apply()
        return forms.with_env(self.env)

    @api.model
    def _record_split(self, lead, partner, partner_share, reason):
        """LP-17: after a deal colleagues helped a registered colleague close, the
        supervisor (the deal team's manager, only on his team's deals) records the split
        the three agreed; the commission is rebooked."""
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Write the split the three agreed (LP-17)."))
        partner_share = self._check_share(partner_share)
        lead = self._check_lead(lead)
        partner = self._check_receiver(lead, partner)
        user = self.env.user
        if not self._protection_is_admin() and not (
            user.has_group(MANAGER_GROUP) and lead.team_id.user_id == user
        ):
            raise UserError(
                self.env._("Only the supervisor of the deal's team records the split (LP-17).")
            )
        self.env.cr.execute("SELECT id FROM crm_lead WHERE id = %s FOR UPDATE", [lead.id])
        won_date = self._check_month(lead, True)
        form = self._applied(
            {
                "kind": "co_selling",
                "rule_ref": "LP-17",
                "lead_id": lead.id,
                "company_id": (lead.company_id or self.env.company).id,
                "team_id": lead.team_id.id,
                "from_user_id": lead.user_id.id,
                "to_user_id": partner.id,
                "from_share": 100.0 - partner_share,
                "to_share": partner_share,
                "commission_only": True,
                "reason": reason.strip(),
                "won_date": won_date,
                "manager_id": user.id,
                "manager_signed_by_id": user.id,
                "manager_signed_on": fields.Datetime.now(),
            }
        )
        with self._guard_workflow("crm.lead"):
            lead.write(
                {
                    "protection_partner_user_id": partner.id,
                    "protection_own_share": 100.0 - partner_share,
                    "protection_partner_share": partner_share,
                }
            )
        return form

    @api.model
    def _decide(self, lead, other, other_share, reason):
        """LP-47: the director decides a credit dispute no rule covers; his recorded
        decision is applied like a case outcome (a full share moves the follow-up)."""
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Write the director's decision and its reasons (LP-47)."))
        other_share = self._check_share(other_share)
        lead = self._check_lead(lead)
        other = self._check_receiver(lead, other)
        company = lead.company_id or self.env.company
        _freeze, director, group = self._company_rules(company)
        user = self.env.user
        directors = director or (group.sudo().all_user_ids if group else self.env["res.users"])
        if not self._protection_is_admin() and (
            user not in directors or user in lead.user_id | other
        ):
            raise UserError(self.env._("Only the sales director decides these cases (LP-47)."))
        self.env.cr.execute("SELECT id FROM crm_lead WHERE id = %s FOR UPDATE", [lead.id])
        return self._applied(
            {
                "kind": "decision",
                "rule_ref": "LP-47",
                "lead_id": lead.id,
                "company_id": company.id,
                "team_id": lead.team_id.id,
                "from_user_id": lead.user_id.id,
                "to_user_id": other.id,
                "from_share": 100.0 - other_share,
                "to_share": other_share,
                "reason": reason.strip(),
                "won_date": company._suite_today(lead.date_closed),
                "director_id": user.id,
                "director_signed_by_id": user.id,
                "director_signed_on": fields.Datetime.now(),
            }
        )

    @api.model
    def _from_claims(self, claims):
        """LP-10: approved late claims take effect through change forms (the manager's
        approval is the adjudication): the commission is reversed and rebooked with the
        claim's shares, and a full claim moves the follow-up right (LP-21)."""
        vals_list = []
        for claim in claims.sudo():
            lead = claim.lead_id
            company = lead.company_id or self.env.company
            vals_list.append(
                {
                    "kind": "claim",
                    "rule_ref": "LP-10",
                    "lead_id": lead.id,
                    "company_id": company.id,
                    "team_id": lead.team_id.id,
                    "from_user_id": claim.booker_id.id,
                    "to_user_id": claim.claimant_id.id,
                    "from_share": claim.booker_share,
                    "to_share": claim.claimant_share,
                    "reason": self.env._("Late claim approved (LP-10)"),
                    "won_date": claim.sale_date,
                    "manager_id": self.env.uid,
                    "manager_signed_by_id": self.env.uid,
                    "manager_signed_on": fields.Datetime.now(),
                    "claim_id": claim.id,
                }
            )
        return self._applied(vals_list) if vals_list else self.browse()

    @api.model
    def _from_cases(self, cases, rule_refs):
        """LP-7: the outcome of collision cases on won deals takes effect through change
        forms (the case's shares replace whatever was booked)."""
        vals_list = []
        for case in cases.sudo():
            lead = case.deal_lead_id
            shares = {
                case.owner_user_id: case.owner_share,
                case.challenger_user_id: case.challenger_share,
            }
            booked = lead.user_id if lead.user_id in shares else case.owner_user_id
            other = (case.owner_user_id | case.challenger_user_id) - booked
            vals_list.append(
                {
                    "kind": "case",
                    "rule_ref": rule_refs[case.id],
                    "lead_id": lead.id,
                    "company_id": (lead.company_id or case.company_id).id,
                    "team_id": lead.team_id.id,
                    "from_user_id": booked.id,
                    "to_user_id": other.id,
                    "from_share": shares[booked],
                    "to_share": shares[other],
                    "reason": case.agreement or case.name,
                    "won_date": (lead.company_id or case.company_id)._suite_today(lead.date_closed),
                    "manager_id": case.decided_by_id.id,
                    "manager_signed_by_id": case.decided_by_id.id,
                    "manager_signed_on": case.decided_on,
                    "collision_id": case.id,
                }
            )
        return self._applied(vals_list) if vals_list else self.browse()

    @api.model
    def _load_demo_changes(self, changes):
        """Demo data: win the deals and take their change forms as far as the people would
        (xmlids of deal, giver, receiver; reason; whether the form is applied)."""
        for lead_xmlid, giver_xmlid, receiver_xmlid, reason, applied in changes:
            lead, giver = self.env.ref(lead_xmlid), self.env.ref(giver_xmlid)
            receiver = self.env.ref(receiver_xmlid)
            lead.action_set_won()
            form = self.with_user(giver)._draft(lead.with_user(giver), receiver, reason)
            form.with_user(receiver).action_accept()
            if applied:
                form.with_user(form.manager_id).action_manager_sign()
                form.with_user(form._director_users()[:1]).action_director_sign()

    # --- Workflow

    def action_accept(self):
        """LP-18: a salesperson accepts the change, for himself only."""
        self._protection_single()
        self._protection_lock()
        form = self.sudo()
        if form.state != change.ACCEPT:
            raise UserError(self.env._("This form is no longer waiting for the salespeople."))
        user = self.env.user
        vals = {}
        if user == form.from_user_id and not form.from_accepted:
            vals["from_accepted"] = True
        elif user == form.to_user_id and not form.to_accepted:
            vals["to_accepted"] = True
        else:
            raise UserError(
                self.env._("Only the two salespeople accept, each for himself (LP-18).")
            )
        vals["state"] = change.next_state(
            form.state,
            vals.get("from_accepted", form.from_accepted),
            vals.get("to_accepted", form.to_accepted),
        )
        with self._guard_workflow():
            form.write(vals)
        form._schedule_next()
        return True

    def action_manager_sign(self):
        """LP-18: the manager of the salesperson giving up the credit signs."""
        self._protection_single()
        self._protection_lock()
        form = self.sudo()
        if form.state != change.MANAGER:
            raise UserError(
                self.env._("The manager signs once both salespeople accepted, and only once.")
            )
        user = self.env.user
        if not (
            self._protection_is_admin()
            or (
                user == form.manager_id
                and user.has_group(MANAGER_GROUP)
                and form.company_id in user.company_ids
            )
        ):
            raise UserError(
                self.env._(
                    "Only %(manager)s, the manager of the salesperson giving up the credit, "
                    "signs here (LP-18).",
                    manager=form.manager_id.name,
                )
            )
        with self._guard_workflow():
            form.write(
                {
                    "state": change.DIRECTOR,
                    "manager_signed_by_id": user.id,
                    "manager_signed_on": fields.Datetime.now(),
                }
            )
        form._schedule_next()
        return True

    def action_director_sign(self):
        """LP-18: the director signs last; the change applies at once (the salesperson and
        the commission change), if the month still allows it."""
        self._protection_single()
        self._protection_lock()
        form = self.sudo()
        if form.state != change.DIRECTOR:
            raise UserError(self.env._("The director signs after the giver's manager, once."))
        user = self.env.user
        if not self._protection_is_admin() and (
            user not in form._director_users()
            or user in form.manager_signed_by_id | form.from_user_id | form.to_user_id
            or form.company_id not in user.company_ids
        ):
            raise UserError(
                self.env._(
                    "Only the sales director signs here, and not someone who already signed "
                    "or is a party (LP-18)."
                )
            )
        self._check_month(form.lead_id, form.commission_only)
        with self._guard_workflow():
            form.write(
                {"director_signed_by_id": user.id, "director_signed_on": fields.Datetime.now()}
            )
        form._apply()
        return True

    def action_refuse(self):
        """A party who does not agree, the manager or the director refuses: the form is
        refused and the team's manager adjudicates instead (LP-7)."""
        self._protection_single()
        self._protection_lock()
        form = self.sudo()
        if form.state not in OPEN_STATES:
            raise UserError(self.env._("Only a form in progress can be refused."))
        user = self.env.user
        may_refuse = {
            change.ACCEPT: form.from_user_id | form.to_user_id,
            change.MANAGER: form.manager_id,
            change.DIRECTOR: form._director_users(),
        }[form.state]
        if user not in may_refuse and not self._protection_is_admin():
            raise UserError(self.env._("Only whoever must act on this form refuses it."))
        with self._guard_workflow():
            form.write({"state": change.REFUSED, "refused_by_id": user.id})
        form.activity_unlink([TODO])
        adjudicator = form.team_id.user_id or form.manager_id
        form.message_post(
            body=self.env._(
                "Refused by %(user)s: the credit stays as booked. If the salespeople do not "
                "agree, the team's manager adjudicates (LP-7).",
                user=user.name,
            )
        )
        if adjudicator:
            form.activity_schedule(
                TODO,
                user_id=adjudicator.id,
                summary=form.with_context(lang=adjudicator.lang).env._(
                    "Change form refused: adjudicate the credit (LP-7)"
                ),
            )
        return True

    # --- Applying a change (the one path of every change of credit, LP-16)

    def _target_shares(self, current):
        self.ensure_one()
        if self.kind == "transfer":
            return change.transfer_shares(current, self.from_user_id.id, self.to_user_id.id)
        shares = {self.from_user_id.id: self.from_share, self.to_user_id.id: self.to_share}
        return {user_id: share for user_id, share in shares.items() if share}

    def _renamed_user(self, shares):
        """The deal's salesperson after the change (LP-18 renaming, LP-21 follow-up)."""
        self.ensure_one()
        if self.kind == "transfer":
            return self.lead_id.user_id if self.commission_only else self.to_user_id
        if self.kind in ("claim", "case", "decision"):
            holder = change.follow_up_holder(shares, self.from_user_id.id, self.to_user_id.id)
            return self.env["res.users"].browse(holder)
        return self.lead_id.user_id

    def _apply(self):
        """Reverse the deal's booked commission and rebook it with the new shares; rename
        the deal's salesperson (and the customer's, the follow-up right) when the change
        does. The callers checked who acts; this runs as superuser, one form at a time
        (two forms of one deal see each other's lines)."""
        for form in self.sudo():
            form._apply_one()
        return True

    def _apply_one(self):
        lead = self.lead_id
        self.env.cr.execute("SELECT id FROM crm_lead WHERE id = %s FOR UPDATE", [lead.id])
        current = lead._protection_credit_lines()
        held = {}
        for line in current:
            user_id = line.employee_id.user_id.id
            held[user_id] = held.get(user_id, 0.0) + line.amount
        total = sum(held.values())
        shares_now = (
            {uid: round(amount * 100.0 / total, 6) for uid, amount in held.items()}
            if total
            else {lead.user_id.id: 100.0}
        )
        try:
            shares = self._target_shares(shares_now)
        except ValueError as error:
            raise UserError(
                self.env._(
                    "%(giver)s holds no credit on this deal to give.",
                    giver=self.from_user_id.name,
                )
            ) from error
        rule = self.rule_ref or RULES[self.kind]
        lang = lead.user_id.lang or self.env.lang
        entries = lead.team_id._protection_commission_entries(
            shares,
            lead,
            self.with_context(lang=lang).env._(
                "Commission of %(deal)s (%(rule)s)", deal=lead.name, rule=rule
            ),
            rule,
            self,
            change.ledger_key(self.id),
        )
        if current:
            current.action_cancel()
        self.env["hr.employee"]._protection_book(entries)
        user = self._renamed_user(shares)
        with self._guard_workflow("crm.lead", "res.partner"):
            self.write({"state": change.APPLIED, "applied_on": fields.Datetime.now()})
            if user and user != lead.user_id:
                lead.write(
                    {
                        "user_id": user.id,
                        "team_id": lead.team_id.id,
                        "company_id": lead.company_id.id,
                    }
                )
                if lead.partner_id and self.kind != "transfer":
                    # LP-21: the follow-up right (service, renewals) moves with a full claim.
                    lead.partner_id.user_id = user
        self.activity_unlink([TODO])
        users = self.env["res.users"].browse(list(shares))
        text = ", ".join(f"{user.name} {shares[user.id]:g} %" for user in users)
        lead.message_post(
            body=self.with_context(lang=lang).env._(
                "%(rule)s: credit changed (%(shares)s); salesperson %(user)s.",
                rule=rule,
                shares=text,
                user=lead.user_id.name,
            )
        )
        return True

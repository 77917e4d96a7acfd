# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError, ConcurrencyError, UserError, ValidationError

from ..tools import attribution, calendar, tiers

CASES = [
    (attribution.CASE_RENEWAL, "Renewal by an Old Customer"),
    (attribution.CASE_CUSTOMER_REFERRAL, "Referral by an Old Customer"),
    (attribution.CASE_STAFF_REFERRAL, "Referral by Internal Staff"),
    (attribution.CASE_OWN_DEVELOPMENT, "Own New-Customer Development"),
]
SCHEMES = [
    (attribution.SCHEME_REFERRAL, "Referral Scheme"),
    (attribution.SCHEME_DEVELOPMENT, "New-Customer Development Scheme"),
]


class ReferralClaim(models.Model):
    """A quarterly application for a referral or new-customer bonus (RI-1 .. RI-12)."""

    _name = "referral.claim"
    _description = "Referral Bonus Claim"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin", "tier.validation"]
    _order = "deal_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id.name", "lead_id.name"]

    # Decided by the rules and the workflow (RI-3, RI-5, RI-7, RI-9), never written directly:
    # the deal's figures, the quarter and its deadline, the entitled employee, the tier and
    # the bonus are computed from the deal and the parties; the state and its traces are
    # set by the actions, which check who acts.
    _guarded_fields = (
        "name",
        "state",
        "partner_id",
        "deal_amount",
        "deal_date",
        "period_start",
        "period_end",
        "quarter",
        "deadline",
        "department_id",
        "beneficiary_id",
        "no_bonus_reason",
        "tier_id",
        "tier_bonus",
        "amount",
        "submitted_date",
        "reviewed_by_id",
        "approved_by_id",
        "approved_date",
        "refuse_reason",
        "cancel_reason",
        "manager_user_id",
        "validation_status",
    )
    # The application is edited by its applicant while it is a draft and frozen once
    # submitted (RI-7, RI-9); the uplift is entered by a reviewer during the review (RI-5).
    _guard_frozen_fields = {
        "scheme": "_guard_open_records",
        "case": "_guard_open_records",
        "lead_id": "_guard_open_records",
        "employee_id": "_guard_open_records",
        "company_id": "_guard_open_records",
        "party_ids": "_guard_open_records",
        "process_description": "_guard_open_records",
        "contract_attachment_ids": "_guard_open_records",
        "brought_to_event": "_guard_open_records",
        "uplift": "_guard_uplift_open_records",
        "uplift_reason": "_guard_uplift_open_records",
    }
    _guard_unlink = "_guard_open_records"

    # RI-7 is an approval chain: OCA base_tier_validation runs it, with the reviewers of the
    # tier definitions shipped as data (the applicant's manager, then HR). "Submitted" and
    # "reviewed" are the states under review; "reviewed" marks the manager's approval.
    _state_field = "state"
    _state_from = ["submitted", "reviewed"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "To Review"),
            ("reviewed", "To Approve"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )

    # --- The scheme and the deal (RI-1, RI-2, RI-4, RI-13)
    scheme = fields.Selection(
        SCHEMES,
        required=True,
        index=True,
        tracking=True,
        compute="_compute_scheme",
        store=True,
        readonly=False,
        precompute=True,
        help="RI-2: the referral scheme (renewals and referrals, monthly calendar RI-6) or "
        "the new-customer development scheme (own development RI-13 and new customers, "
        "quarterly application RI-7). Each scheme has its own exclusion list; a deal pays "
        "at most once per scheme and never twice to the same employee. Frozen once "
        "submitted.",
    )
    case = fields.Selection(CASES, required=True, tracking=True, help="RI-1, RI-13")
    lead_id = fields.Many2one(
        "crm.lead",
        string="Won Deal",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('type', '=', 'opportunity'), ('won_status', '=', 'won')]",
        ondelete="restrict",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_deal",
        store=True,
        index=True,
        help="The customer of the deal (its company). Frozen once the claim is submitted.",
    )
    deal_amount = fields.Monetary(compute="_compute_deal", store=True, tracking=True)
    deal_date = fields.Date(
        compute="_compute_deal",
        store=True,
        index=True,
        help="When the deal was won: it decides the quarter of the application (RI-7).",
    )
    period_start = fields.Date(string="Quarter Start", compute="_compute_period", store=True)
    period_end = fields.Date(string="Quarter End", compute="_compute_period", store=True)
    quarter = fields.Char(
        compute="_compute_period", store=True, help="The quarter of the deal, e.g. 2026 Q3."
    )
    deadline = fields.Date(
        string="Application Deadline",
        compute="_compute_period",
        store=True,
        help="RI-7: the last working day to submit, counted in the company's working schedule.",
    )
    process_description = fields.Text(
        string="Process", help="RI-7: how the customer came and how the deal was made."
    )
    contract_attachment_ids = fields.Many2many(
        "ir.attachment",
        "referral_claim_contract_attachment_rel",
        string="Contract Copy",
        help="RI-7: a copy of the signed contract.",
    )
    contact_count = fields.Integer(
        string="Logged Contacts",
        compute="_compute_contact_count",
        help="RI-12: activities done on the deal (calls, meetings, e-mails...), each with its "
        "time, channel and content.",
    )
    brought_to_event = fields.Boolean(
        string="Brought to an Event",
        help="For the reviewer: the old customer brought the new customer to one of our "
        "events. His points (RI-11) follow the customer's Brought By link, not this claim.",
    )

    # --- Who (RI-2, RI-3, RI-9)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Applicant",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id,
        ondelete="restrict",
    )
    department_id = fields.Many2one("hr.department", compute="_compute_beneficiary", store=True)
    manager_user_id = fields.Many2one(
        "res.users",
        string="Reviewing Manager",
        compute="_compute_manager_user_id",
        store=True,
        help="RI-7: the applicant's manager (else his department's manager), who reviews the "
        "claim before HR. Frozen once the claim is submitted.",
    )
    party_ids = fields.One2many("referral.claim.party", "claim_id", string="Parties", copy=True)
    beneficiary_id = fields.Many2one(
        "hr.employee",
        string="Entitled Employee",
        compute="_compute_beneficiary",
        store=True,
        index=True,
        tracking=True,
        help="RI-3: who earns the bonus, by the authority of the parties.",
    )
    no_bonus_reason = fields.Selection(
        [
            (attribution.NO_BONUS_INSPECTION, "An inspection or notary firm was involved"),
            (attribution.NO_BONUS_EXTERNAL, "An external party not linked to a consultant"),
            (attribution.NO_BONUS_NOBODY, "No party"),
        ],
        compute="_compute_beneficiary",
        store=True,
    )

    # --- How much (RI-5)
    tier_id = fields.Many2one("referral.tier", compute="_compute_tier", store=True)
    tier_bonus = fields.Monetary(compute="_compute_tier", store=True)
    special_customer = fields.Boolean(compute="_compute_special_customer")
    uplift = fields.Monetary(
        tracking=True,
        help="RI-5: discretionary uplift for a special customer, entered by the approver.",
    )
    uplift_reason = fields.Text(tracking=True)
    amount = fields.Monetary(string="Bonus", compute="_compute_amount", store=True, tracking=True)

    # --- Flow
    submitted_date = fields.Date(readonly=True, copy=False)
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Date(readonly=True, copy=False, index=True)
    refuse_reason = fields.Text(readonly=True, copy=False, tracking=True)
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    ledger_line_id = fields.Many2one("employee.incentive.line", compute="_compute_ledger_line_id")
    ledger_state = fields.Selection(
        [
            ("draft", "To Approve"),
            ("approved", "Approved"),
            ("paid", "Paid"),
            ("cancelled", "Cancelled"),
        ],
        string="Payment",
        compute="_compute_ledger_line_id",
    )
    points_line_ids = fields.One2many("referral.points.line", "claim_id", readonly=True)

    # RI-2, RI-9: one claim per deal and scheme, so that neither the bonus nor the customer
    # passes to another employee through a second claim, and never two bonuses of one deal
    # to the same employee; a refused claim may be filed again.
    _one_claim_per_deal_and_scheme = models.UniqueIndex(
        "(lead_id, scheme) WHERE state != 'refused'",
        "This deal already has a claim under this scheme: a bonus and its customer cannot "
        "be transferred to another employee.",
    )
    _one_bonus_per_deal_and_employee = models.UniqueIndex(
        "(lead_id, beneficiary_id) WHERE state != 'refused' AND beneficiary_id IS NOT NULL",
        "This deal already pays this employee under the other scheme: a deal never pays the "
        "same employee twice.",
    )
    _uplift_positive = models.Constraint("CHECK (uplift >= 0)", "An uplift cannot be negative.")

    # --- Computations

    @api.depends("case")
    def _compute_scheme(self):
        for claim in self:
            if claim.state not in ("draft", False) and claim.scheme:
                continue
            if claim.case and not (
                claim.scheme and attribution.scheme_allows(claim.scheme, claim.case)
            ):
                claim.scheme = attribution.default_scheme(claim.case)

    @api.depends("lead_id.partner_id", "lead_id.expected_revenue", "lead_id.date_closed")
    def _compute_deal(self):
        for claim in self:
            if claim.state not in ("draft", False) and claim.partner_id:
                continue  # RI-9: frozen once submitted
            lead = claim.lead_id.sudo()  # staff outside sales refer customers too
            claim.partner_id = lead.partner_id.commercial_partner_id
            claim.deal_amount = lead.expected_revenue
            claim.deal_date = lead.date_closed and lead.date_closed.date()

    @api.depends("deal_date", "company_id", "scheme", "case")
    def _compute_period(self):
        for claim in self:
            if not claim.deal_date:
                claim.period_start = claim.period_end = claim.deadline = False
                claim.quarter = False
                continue
            year, quarter, start, end = calendar.quarter_of(claim.deal_date)
            days = claim.company_id.referral_application_days
            checker = claim.company_id._referral_working_day_checker(
                end, end + datetime.timedelta(days=days * 3 + 30)
            )
            claim.period_start, claim.period_end = start, end
            claim.quarter = f"{year} Q{quarter}"
            claim.deadline = calendar.application_deadline(end, days, checker)
            if (
                claim.scheme == attribution.SCHEME_REFERRAL
                and claim.case == attribution.CASE_STAFF_REFERRAL
            ):
                # RI-2 (a), RI-6: internal-staff referrals go to finance by the report day
                # of the next month, not by RI-7's quarterly window.
                claim.deadline = calendar.monthly_report_deadline(
                    claim.deal_date, claim.company_id.referral_report_day
                )

    @api.depends("employee_id.parent_id.user_id", "employee_id.department_id.manager_id.user_id")
    def _compute_manager_user_id(self):
        for claim in self:
            if claim.state not in ("draft", False) and claim.manager_user_id:
                continue  # RI-7: the reviewer of a submitted claim does not change
            employee = claim.employee_id.sudo()
            managers = (employee.parent_id | employee.department_id.manager_id).user_id
            claim.manager_user_id = (managers - employee.user_id)[:1]

    @api.depends(
        "case",
        "employee_id",
        "party_ids.party_type",
        "party_ids.employee_id",
        "party_ids.consultant_id",
        "party_ids.partner_id",
    )
    def _compute_beneficiary(self):
        for claim in self:
            if claim.state not in ("draft", False) and claim.beneficiary_id:
                continue  # RI-9: the bonus belongs to one employee
            if claim.case == attribution.CASE_OWN_DEVELOPMENT:
                # RI-13: the applicant developed the customer himself.
                claim.beneficiary_id = claim.employee_id
                claim.department_id = claim.employee_id.sudo().department_id
                claim.no_bonus_reason = False
                continue
            winner, reason = attribution.attribute(
                [party._as_attribution_party() for party in claim.party_ids]
            )
            employee = self.env["hr.employee"].browse(winner and winner["id"])
            claim.beneficiary_id = employee
            claim.department_id = employee.department_id or claim.employee_id.department_id
            claim.no_bonus_reason = reason if claim.party_ids else False

    @api.depends("deal_amount", "company_id")
    def _compute_tier(self):
        selected = self.env["referral.tier"]._select(
            self.company_id, [(claim.company_id.id, claim.deal_amount) for claim in self]
        )
        for claim in self:
            if claim.state in ("approved", "cancelled"):
                continue
            tier = selected[claim.company_id.id, claim.deal_amount]
            claim.tier_id = tier
            claim.tier_bonus = tier.bonus

    @api.depends("partner_id.category_id", "company_id.referral_special_tag_ids")
    def _compute_special_customer(self):
        for claim in self:
            claim.special_customer = bool(
                claim.partner_id.category_id & claim.company_id.referral_special_tag_ids
            )

    @api.depends("tier_bonus", "uplift", "beneficiary_id")
    def _compute_amount(self):
        for claim in self:
            claim.amount = (
                tiers.with_uplift(claim.tier_bonus, claim.uplift, claim.uplift_reason or "-")
                if claim.beneficiary_id
                else 0.0
            )

    def _ledger_source_key(self):
        return f"referral_incentive:claim:{self.id}"

    def _compute_ledger_line_id(self):
        lines = (
            self.env["employee.incentive.line"]
            .sudo()
            .search(
                [
                    ("source_key", "in", [claim._ledger_source_key() for claim in self]),
                    ("kind", "=", "bonus"),
                ]
            )
        )
        by_key = {line.source_key: line for line in lines}
        for claim in self:
            line = by_key.get(claim._ledger_source_key(), lines.browse())
            claim.ledger_line_id = line
            claim.ledger_state = line.state

    def _compute_contact_count(self):
        counts = dict(
            self.env["mail.message"]
            .sudo()
            ._read_group(
                [
                    ("model", "=", "crm.lead"),
                    ("res_id", "in", self.lead_id.ids),
                    ("mail_activity_type_id", "!=", False),
                ],
                ["res_id"],
                ["__count"],
            )
        )
        for claim in self:
            claim.contact_count = counts.get(claim.lead_id.id, 0)

    # --- Guard (RI-5, RI-7, RI-9)

    def _guard_open_records(self):
        return self.filtered(lambda claim: claim.state == "draft")

    def _guard_uplift_open_records(self):
        """Claims whose uplift the acting user may set: under review, by an approver."""
        if not self._is_approver():
            return self.browse()
        return self.filtered(
            lambda claim: (
                claim.state in ("submitted", "reviewed")
                and claim.employee_id.sudo().user_id != self.env.user
            )
        )

    def _guard_hint(self):
        return self.env._(
            "A claim is edited by its applicant while it is a draft; the deal's figures, the "
            "entitled employee and the bonus follow from the deal, the parties and the tiers; "
            "Submit, the reviewers' Validate or Reject, Refuse and Cancel for Fraud move it on; "
            "a bonus and its customer belong to one employee (RI-9)."
        )

    def _check_applicant(self, employee_ids):
        """RI-9: an employee claims for himself; HR and referral managers file for others."""
        if self._is_approver():
            return
        own = self.env.user.employee_ids.ids
        if any(employee_id not in own for employee_id in employee_ids if employee_id):
            raise AccessError(
                self.env._(
                    "You apply for your own bonuses only: a bonus belongs to the employee who "
                    "earned it and cannot be transferred (RI-9)."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_applicant([vals.get("employee_id") for vals in vals_list])
        lead_ids = [vals["lead_id"] for vals in vals_list if vals.get("lead_id")]
        claimed = {
            (claim.lead_id.id, claim.scheme): claim
            for claim in self.sudo().search(
                [("lead_id", "in", lead_ids), ("state", "!=", "refused")]
            )
        }
        for vals in vals_list:
            if vals.get("scheme") and vals["scheme"] not in dict(SCHEMES):
                raise UserError(self.env._("Unknown scheme %(scheme)r.", scheme=vals["scheme"]))
            scheme = vals.get("scheme") or attribution.default_scheme(vals.get("case"))
            other = claimed.get((vals.get("lead_id"), scheme))
            if other:
                raise UserError(
                    self.env._(
                        "%(deal)s already has a claim under this scheme (%(claim)s): a bonus "
                        "and its customer cannot be transferred to another employee (RI-2, "
                        "RI-9).",
                        deal=other.lead_id.name,
                        claim=other.name,
                    )
                )
        try:
            # Two workers filing at once: PostgreSQL keeps one claim per deal and scheme and
            # one bonus per deal and employee; the loser retries and gets the message above.
            with self.env.cr.savepoint():
                claims = super().create(vals_list)
                claims._check_one_bonus_per_employee()
                claims.flush_recordset()
        except psycopg2.errors.UniqueViolation as error:
            raise ConcurrencyError("Referral claim filed concurrently, retrying") from error
        with self._guard_workflow():
            for claim in claims.filtered(lambda claim: claim.name == "/"):
                claim.name = self.env["ir.sequence"].next_by_code("referral.claim") or "/"
        return claims

    def write(self, vals):
        if isinstance(vals, dict) and "employee_id" in vals:
            self._check_applicant([vals["employee_id"]])
        if isinstance(vals, dict) and vals.get("uplift"):
            self._check_uplift_allowed()
        result = super().write(vals)
        if isinstance(vals, dict) and {"party_ids", "case", "employee_id", "lead_id"} & set(vals):
            self._check_one_bonus_per_employee()
        return result

    def _check_one_bonus_per_employee(self):
        """RI-2: one deal may pay under both schemes, never twice to the same employee
        (the unique index decides between two workers; this gives the message)."""
        claims = self.filtered("beneficiary_id")
        if not claims:
            return
        # Read without flushing: flushing first would hit the index before the message.
        self.env.cr.execute(
            "SELECT id, lead_id, beneficiary_id FROM referral_claim WHERE state != 'refused' "
            "AND lead_id = ANY(%s) AND beneficiary_id = ANY(%s) AND id != ALL(%s)",
            (claims.lead_id.ids, claims.beneficiary_id.ids, claims.ids),
        )
        others = {
            (lead_id, employee_id): id_ for id_, lead_id, employee_id in self.env.cr.fetchall()
        }
        for claim in claims:
            other_id = others.get((claim.lead_id.id, claim.beneficiary_id.id))
            if other_id:
                other = self.sudo().browse(other_id)
                raise UserError(
                    self.env._(
                        "%(deal)s already pays %(employee)s under %(claim)s: a deal never pays "
                        "the same employee twice (RI-2, RI-9).",
                        deal=claim.lead_id.sudo().name,
                        employee=claim.beneficiary_id.sudo().name,
                        claim=other.name,
                    )
                )

    @api.constrains("scheme", "case")
    def _check_scheme_case(self):
        for claim in self:
            if not attribution.scheme_allows(claim.scheme, claim.case):
                raise ValidationError(
                    self.env._(
                        "The %(scheme)s does not pay the case '%(case)s': own development "
                        "only under the development scheme (RI-13), renewals only under the "
                        "referral scheme (RI-2).",
                        scheme=dict(self._fields["scheme"]._description_selection(self.env))[
                            claim.scheme
                        ],
                        case=dict(self._fields["case"]._description_selection(self.env))[
                            claim.case
                        ],
                    )
                )

    def _check_uplift_allowed(self):
        if self.filtered(lambda claim: not claim.special_customer):
            raise UserError(
                self.env._(
                    "Only special customers (industry leaders, strategic partners: see the "
                    "tags in the settings) get an uplift (RI-5)."
                )
            )

    @api.constrains("uplift")
    def _check_uplift_positive(self):
        if self.filtered(lambda claim: claim.uplift < 0):
            raise ValidationError(self.env._("An uplift cannot be negative (RI-5)."))

    @api.constrains("uplift", "uplift_reason")
    def _check_uplift_reason(self):
        for claim in self:
            if claim.uplift and not (claim.uplift_reason or "").strip():
                raise ValidationError(self.env._("An uplift needs a reason (RI-5)."))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda claim: claim.state != "draft"):
            raise UserError(
                self.env._("Only draft claims can be deleted; refuse or cancel the others.")
            )

    # --- Rights

    def _is_approver(self):
        if self.env.su:
            return True
        user = self.env.user
        return user.has_group("referral_incentive.group_referral_incentive_manager") or (
            user.has_group("hr.group_hr_user")
        )

    def _check_reviewer(self):
        """The applicant's manager (or department manager) reviews (RI-7)."""
        if self.env.su:
            return
        user = self.env.user
        if not user.has_group("referral_incentive.group_referral_incentive_manager"):
            raise AccessError(self.env._("Only department managers review referral claims."))
        self.check_access("write")  # his team and company, before reading as superuser
        for claim in self:
            employee = claim.employee_id.sudo()
            managers = employee.parent_id.user_id | employee.department_id.manager_id.user_id
            if user not in managers:
                raise AccessError(
                    self.env._(
                        "%(claim)s is reviewed by the manager of %(employee)s.",
                        claim=claim.name,
                        employee=employee.name,
                    )
                )
            if claim.employee_id.user_id == user:
                raise AccessError(self.env._("Nobody reviews his own claim."))

    def _check_hr(self):
        """HR approves or cancels claims of its companies, never its own (RI-7, RI-8)."""
        if self.env.su:
            return
        if not self.env.user.has_group("hr.group_hr_user"):
            raise AccessError(self.env._("Only HR approves referral bonuses."))
        self.check_access("write")
        self._check_not_own()

    def _check_not_own(self):
        user = self.env.user
        for claim in self:
            if user in (claim.employee_id | claim.beneficiary_id).sudo().user_id:
                raise AccessError(
                    self.env._(
                        "Nobody decides on his own claim (%(claim)s): another reviewer does.",
                        claim=claim.name,
                    )
                )

    # --- Checks before submission and approval

    def _customer_deals(self):
        """{customer id: [(won date, lead id)]} of the claims' customers, one query."""
        leads = (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("partner_id", "child_of", self.partner_id.ids),
                    ("won_status", "=", "won"),
                    ("date_closed", "!=", False),
                ],
                ["partner_id", "date_closed"],
            )
        )
        deals = {}
        for lead in leads:
            deals.setdefault(lead.partner_id.commercial_partner_id.id, []).append(
                (lead.date_closed.date(), lead.id)
            )
        return deals

    def _problems(self, today=None):
        """{claim: translated reason it cannot go on} (RI-1 .. RI-4, RI-7, RI-10).

        :param today: the day of submission; by default each claim's own submission day
        """
        deals = self._customer_deals()
        excluded = {
            (company.id, attribution.SCHEME_REFERRAL): {
                "excluded_departments": set(company.referral_excluded_department_ids.ids),
                "excluded_employees": set(company.referral_excluded_employee_ids.ids),
                "exclude_shareholders": company.referral_exclude_shareholders,
            }
            for company in self.company_id
        }
        excluded.update(
            {
                (company.id, attribution.SCHEME_DEVELOPMENT): {
                    "excluded_departments": set(company.development_excluded_department_ids.ids),
                    "excluded_employees": set(company.development_excluded_employee_ids.ids),
                    "exclude_shareholders": company.development_exclude_shareholders,
                }
                for company in self.company_id
            }
        )
        problems = {}
        for claim in self:
            problem = claim._problem(
                deals.get(claim.partner_id.id, []), excluded, today or claim.submitted_date
            )
            if problem:
                problems[claim] = problem
        return problems

    def _problem(self, customer_deals, excluded, today):
        self.ensure_one()
        lead = self.lead_id.sudo()
        if lead.won_status != "won" or not self.deal_date:
            return self.env._(
                "%(deal)s is not won: only signed deals earn a bonus.", deal=lead.name
            )
        if not self.partner_id:
            return self.env._("%(deal)s has no customer.", deal=lead.name)
        if self.partner_id.referral_company_resource:
            return self.env._(
                "%(customer)s became a company resource when the entitled employee left: no "
                "later bonus for anyone from this customer (RI-10).",
                customer=self.partner_id.name,
            )
        own = self.case == attribution.CASE_OWN_DEVELOPMENT
        if own and not self._own_contact_count():
            return self.env._(
                "%(employee)s logged no contact of his own with %(customer)s on %(deal)s: his "
                "CRM contact history is the proof of his own development (RI-12, RI-13).",
                employee=self.employee_id.sudo().name,
                customer=self.partner_id.name,
                deal=lead.name,
            )
        if not own and not self.party_ids:
            return self.env._("Name the parties who brought the deal (RI-3).")
        if not self.beneficiary_id:
            reason = dict(self._fields["no_bonus_reason"]._description_selection(self.env))
            return self.env._(
                "No bonus for this deal: %(reason)s (RI-3).",
                reason=reason.get(self.no_bonus_reason, ""),
            )
        beneficiary = self.beneficiary_id.sudo()
        not_eligible = attribution.eligibility(
            is_employee=True,
            is_shareholder=beneficiary.referral_shareholder,
            department_id=beneficiary.department_id.id,
            active=beneficiary.active,
            employee_id=beneficiary.id,
            **excluded[self.company_id.id, self.scheme],
        )
        if not_eligible:
            return {
                attribution.NOT_ELIGIBLE_SHAREHOLDER: self.env._(
                    "%(employee)s is a shareholder: shareholders get no referral bonus (RI-2).",
                    employee=beneficiary.name,
                ),
                attribution.NOT_ELIGIBLE_BUSINESS_DEPARTMENT: self.env._(
                    "%(employee)s works in %(department)s, excluded from the %(scheme)s: no "
                    "bonus of this scheme (RI-2).",
                    employee=beneficiary.name,
                    department=beneficiary.department_id.name,
                    scheme=self._scheme_label(),
                ),
                attribution.NOT_ELIGIBLE_NAMED: self.env._(
                    "%(employee)s is excluded by name from the %(scheme)s (RI-2).",
                    employee=beneficiary.name,
                    scheme=self._scheme_label(),
                ),
                attribution.NOT_ELIGIBLE_LEFT: self.env._(
                    "%(employee)s has left the company: the customer is a company resource "
                    "(RI-10).",
                    employee=beneficiary.name,
                ),
            }[not_eligible]
        earlier = [deal for deal in customer_deals if deal[0] < self.deal_date]
        first = min((deal[0] for deal in customer_deals), default=None)
        case_problem = attribution.case_problem(
            self.case,
            set(self.party_ids.mapped("party_type")),
            attribution.is_new_customer(first, self.period_start, self.period_end),
            bool(earlier),
        )
        if case_problem:
            case_label = dict(self._fields["case"]._description_selection(self.env))[self.case]
            return {
                attribution.CASE_NEEDS_PARTY: self.env._(
                    "A claim of the case '%(case)s' names the party it is about (RI-1).",
                    case=case_label,
                ),
                attribution.CASE_NEEDS_OLD_CUSTOMER: self.env._(
                    "%(customer)s had no deal before: this is not a renewal (RI-1).",
                    customer=self.partner_id.name,
                ),
                attribution.CASE_NEEDS_NEW_CUSTOMER: self.env._(
                    "%(customer)s is not a new customer: its first deal was on %(date)s, "
                    "before this quarter (RI-4).",
                    customer=self.partner_id.name,
                    date=first,
                ),
            }[case_problem]
        if calendar.is_late(today, self.deadline) and (
            self.scheme == attribution.SCHEME_REFERRAL
            and self.case == attribution.CASE_STAFF_REFERRAL
        ):
            return self.env._(
                "The internal-staff referral %(deal)s was due to finance by %(deadline)s, "
                "the report day of the month after the deal: it is late and refused (RI-2, "
                "RI-6).",
                deal=lead.name,
                deadline=self.deadline,
            )
        if calendar.is_late(today, self.deadline):
            return self.env._(
                "The application for %(deal)s was due by %(deadline)s, %(days)s working days "
                "after the quarter: it is late and refused (RI-7).",
                deal=lead.name,
                deadline=self.deadline,
                days=self.company_id.referral_application_days,
            )
        return None

    def _scheme_label(self):
        self.ensure_one()
        return dict(self._fields["scheme"]._description_selection(self.env)).get(self.scheme, "")

    def _own_contact_count(self):
        """RI-12, RI-13: the done activities the applicant himself logged on the deal."""
        self.ensure_one()
        partner = self.employee_id.sudo().user_id.partner_id
        if not partner:
            return 0
        return (
            self.env["mail.message"]
            .sudo()
            .search_count(
                [
                    ("model", "=", "crm.lead"),
                    ("res_id", "=", self.lead_id.id),
                    ("mail_activity_type_id", "!=", False),
                    ("author_id", "=", partner.id),
                ]
            )
        )

    # --- Flow (RI-7)

    def action_submit(self):
        """The employee submits his application (RI-7), with the contract and the logged
        contacts (RI-12)."""
        if self.filtered(lambda claim: claim.state != "draft"):
            raise UserError(self.env._("Only draft claims can be submitted."))
        self.check_access("write")
        for claim in self:
            if claim.employee_id.user_id != self.env.user and not self._is_approver():
                raise AccessError(self.env._("Employees submit their own claims."))
            if not claim.contact_count:
                raise UserError(
                    self.env._(
                        "No contact with %(customer)s is logged on %(deal)s: log every call, "
                        "visit or message (time, channel, content) as a done activity before "
                        "claiming (RI-12).",
                        customer=claim.partner_id.name or claim.lead_id.partner_name or "",
                        deal=claim.lead_id.name,
                    )
                )
            if not claim.contract_attachment_ids:
                raise UserError(self.env._("Attach a copy of the contract (RI-7)."))
            if not (claim.process_description or "").strip():
                raise UserError(self.env._("Describe the process: how the customer came (RI-7)."))
        with self._guard_workflow():
            self._compute_tier()  # the tiers may have changed since the draft was saved
        problems = self._problems(self._suite_today())
        if problems:
            raise UserError("\n".join(problems.values()))
        without_reviewer = self.filtered(lambda claim: not claim.manager_user_id)
        if without_reviewer:
            raise UserError(
                self.env._(
                    "%(employee)s has no manager to review the claim: HR sets his manager "
                    "(or his department's manager) first (RI-7).",
                    employee=without_reviewer[0].employee_id.name,
                )
            )
        with self._guard_workflow("tier.review"):
            self.write({"state": "submitted", "submitted_date": self._suite_today()})
            self.request_validation()
        for claim in self:
            claim.activity_schedule(
                "referral_incentive.mail_activity_referral_review",
                user_id=claim.manager_user_id.id,
                date_deadline=claim.deadline,
            )
        return True

    def action_review(self):
        """The applicant's manager validates the first tier and passes the claim to HR
        (RI-7)."""
        self._check_may_decide()
        if self.filtered(lambda claim: claim.state != "submitted"):
            raise UserError(self.env._("Only submitted claims can be reviewed."))
        self._referral_validate()
        return True

    def action_approve(self):
        """HR validates the last tier: the bonus goes to the ledger for the next payday of
        the entitled employee's group (RI-6, RI-7); an old customer's referral earns points
        (RI-11)."""
        self._check_may_decide()
        if self.filtered(lambda claim: claim.state != "reviewed"):
            raise UserError(self.env._("Only reviewed claims can be approved."))
        self._referral_validate()
        return True

    # --- Tier validation (RI-7)

    def _check_may_decide(self):
        """Rights first, before the state tells anything: the claims of his team and
        company, and not his own."""
        if self.env.su:
            return
        self.check_access("write")
        self._check_not_own()

    def _check_tier_turn(self, reviews, reject=False):
        """The acting user validates (or rejects) only reviews that are his and whose turn
        it is, on claims of his team and company, never on his own claim (RI-7)."""
        if self.env.su:
            return
        self.check_access("write")
        self._check_not_own()
        user = self.env.user
        for claim in self:
            mine = reviews.filtered(
                lambda review, claim=claim: (
                    review.res_id == claim.id
                    and review.model == claim._name
                    and review.status in ("waiting", "pending")
                    and user in review.reviewer_ids
                    and (reject or review.can_review)
                )
            )
            if not mine:
                pending = claim.review_ids.filtered(lambda review: review.status == "pending")
                raise AccessError(
                    self.env._(
                        "%(claim)s waits for the review of %(reviewers)s, not yours (RI-7).",
                        claim=claim.name,
                        reviewers=", ".join(filter(None, pending.mapped("todo_by"))) or "-",
                    )
                )

    def _referral_validate(self):
        """Validate the acting user's tier on each claim, in batch (RI-7). Claims without
        reviews (no tier definition is active) fall back to the manager-then-HR check."""
        self.check_access("write")
        with_reviews = self.filtered("review_ids")
        without = self - with_reviews
        if without.filtered(lambda claim: claim.state == "submitted"):
            without.filtered(lambda claim: claim.state == "submitted")._check_reviewer()
        if without.filtered(lambda claim: claim.state == "reviewed"):
            without.filtered(lambda claim: claim.state == "reviewed")._check_hr()
        if with_reviews:
            user = self.env.user
            # The superuser (demo data, scripts) validates the tier whose turn it is.
            reviews = with_reviews.review_ids.filtered(
                lambda review: (
                    review.status in ("waiting", "pending")
                    and (self.env.su or user in review.reviewer_ids)
                    and review.can_review
                )
            )
            with_reviews._check_tier_turn(reviews)
            with self._guard_workflow("tier.review"):
                reviews.write(
                    {
                        "status": "approved",
                        "done_by": user.id,
                        "reviewed_date": fields.Datetime.now(),
                    }
                )
                with_reviews.review_ids._update_review_status()
        self._after_tier_review(fallback=without)

    def validate_tier(self):
        # Checked before base_tier_validation opens its comment wizard.
        self._check_tier_turn(self.review_ids)
        return super().validate_tier()

    def reject_tier(self):
        self._check_tier_turn(self.review_ids, reject=True)
        return super().reject_tier()

    def _validate_tier(self, tiers=False):
        self._check_tier_turn(tiers or self.review_ids)
        with self._guard_workflow("tier.review"):
            result = super()._validate_tier(tiers)
        self._after_tier_review()
        return result

    def _rejected_tier(self, tiers=False):
        self._check_tier_turn(tiers or self.review_ids, reject=True)
        with self._guard_workflow("tier.review"):
            result = super()._rejected_tier(tiers)
        self._after_tier_review()
        return result

    def request_validation(self):
        """Reviews are created from the tier definitions, for claims under review only."""
        self.check_access("write")
        with self._guard_workflow("tier.review"):
            return super().request_validation()

    def restart_validation(self):
        if not self.env.su and self.filtered("review_ids"):
            raise UserError(
                self.env._(
                    "The review of a referral claim does not restart: refuse the claim and "
                    "let the employee file a new one (RI-7)."
                )
            )
        return super().restart_validation()

    def _compute_need_validation(self):
        # base_tier_validation searches the tier definitions record by record; a claim that
        # has its reviews needs no new ones, which keeps batch approvals flat.
        with_reviews = self.filtered("review_ids")
        for claim in with_reviews:
            claim.need_validation = False
        return super(ReferralClaim, self - with_reviews)._compute_need_validation()

    def _tier_validation_check_write_allowed(self, vals):
        # Inside the claim's own workflow the guard has checked who acts; what users write
        # directly under validation is still checked by base_tier_validation.
        if self._guard_is_open():
            return
        return super()._tier_validation_check_write_allowed(vals)

    def _allow_to_remove_reviews(self, values):
        # The reviews of a claim are its approval trail (RI-7, RI-8): kept when it is
        # cancelled or refused.
        return False

    def _after_tier_review(self, fallback=None):
        """Move the claims after a tier was validated or rejected: the manager's approval
        marks the claim reviewed, the last one approves it, a rejection refuses it."""
        fallback = fallback or self.browse()
        under_review = self.filtered(lambda claim: claim.state in ("submitted", "reviewed"))
        tiered = under_review - fallback
        rejected = tiered.filtered(lambda claim: claim.validation_status == "rejected")
        validated = (tiered - rejected).filtered(
            lambda claim: claim.validation_status == "validated"
        ) | fallback.filtered(lambda claim: claim.state == "reviewed")
        reviewed = (
            (tiered - rejected - validated).filtered(
                lambda claim: (
                    claim.state == "submitted" and "approved" in claim.review_ids.mapped("status")
                )
            )
        ) | fallback.filtered(lambda claim: claim.state == "submitted")
        if rejected:
            rejected._mark_refused()
        if reviewed:
            reviewed._mark_reviewed()
        if validated:
            validated._approve()

    def _mark_reviewed(self):
        with self._guard_workflow():
            self.write({"state": "reviewed", "reviewed_by_id": self.env.uid})
        self.activity_unlink(["referral_incentive.mail_activity_referral_review"])
        for claim in self:
            hr_user = claim.company_id.referral_hr_user_id
            if hr_user:
                claim.activity_schedule(
                    "referral_incentive.mail_activity_referral_approve",
                    user_id=hr_user.id,
                    date_deadline=self._suite_today(),
                )

    def _mark_refused(self, reason=None):
        for claim in self:
            comments = claim.review_ids.filtered(
                lambda review: review.status == "rejected" and review.comment
            ).mapped("comment")
            text = (
                reason
                or "\n".join(comments)
                or self.env._("Rejected in review by %(user)s.", user=self.env.user.name)
            )
            with self._guard_workflow():
                claim.write({"state": "refused", "refuse_reason": text})
            claim._suite_message_post(
                lambda env, text=text: env._("Refused: %(reason)s", reason=text),
                partner_ids=claim.employee_id.sudo().user_id.partner_id.ids,
            )
        self.activity_unlink(
            [
                "referral_incentive.mail_activity_referral_review",
                "referral_incentive.mail_activity_referral_approve",
            ]
        )

    def _approve(self):
        """The last tier is validated: book the bonus (RI-5, RI-6). Customer points (RI-11)
        follow the brought-by link, not claims."""
        today = self._suite_today()
        # Checked again: the employee may have left or the customer been released meanwhile.
        problems = self._problems()
        if problems:
            raise UserError("\n".join(problems.values()))
        with self._guard_workflow():
            self.write(
                {"state": "approved", "approved_by_id": self.env.uid, "approved_date": today}
            )
        self.env["employee.incentive.line"].sudo()._book(
            [claim._ledger_values(today) for claim in self]
        )
        self.invalidate_recordset(["ledger_line_id"])
        self.activity_unlink(["referral_incentive.mail_activity_referral_approve"])

    def _ledger_values(self, today):
        self.ensure_one()
        company = self.company_id
        payday = (
            company.referral_payday_travelling
            if self.beneficiary_id.sudo().referral_pay_group == "travelling"
            else company.referral_payday_office
        )
        return {
            "employee_id": self.beneficiary_id.id,
            "company_id": company.id,
            "kind": "bonus",
            "amount": self.amount,
            # Read by the beneficiary, in his language.
            "name": self._in_lang_of(self.beneficiary_id).env._(
                "Referral bonus %(claim)s: %(customer)s",
                claim=self.name,
                customer=self.partner_id.name,
            ),
            "rule_ref": "RI-5",
            "source_key": self._ledger_source_key(),
            "source_ref": self,  # a record, not "model,id": no existence query per line
            "date": calendar.next_payday(today, payday),
            "state": "approved",
            "approved_by_id": self.env.uid,
            "approved_date": fields.Datetime.now(),
        }

    def action_refuse(self):
        return self._open_reason_wizard("refuse")

    def action_cancel_fraud(self):
        return self._open_reason_wizard("fraud")

    def _open_reason_wizard(self, mode):
        if not self:
            raise UserError(self.env._("Select the claims first."))
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "res_model": "referral.claim.reason",
            "view_mode": "form",
            "target": "new",
            "context": {"default_claim_ids": self.ids, "default_mode": mode},
        }

    def _refuse(self, reason):
        """A reviewer (the manager on his turn, HR at any time under review) refuses with a
        reason (RI-7)."""
        if self.filtered(lambda claim: claim.state not in ("submitted", "reviewed")):
            raise UserError(self.env._("Only claims under review can be refused."))
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Write the reason."))
        with_reviews = self.filtered("review_ids")
        without = self - with_reviews
        if without and (self.env.su or not self.env.user.has_group("hr.group_hr_user")):
            without._check_reviewer()
        elif without:
            without._check_hr()
        if with_reviews:
            user = self.env.user
            reviews = with_reviews.review_ids.filtered(
                lambda review: (
                    review.status in ("waiting", "pending")
                    and (self.env.su or user in review.reviewer_ids)
                )
            )
            with_reviews._check_tier_turn(reviews, reject=True)
            with self._guard_workflow("tier.review"):
                reviews.write(
                    {
                        "status": "rejected",
                        "done_by": user.id,
                        "reviewed_date": fields.Datetime.now(),
                        "comment": reason,
                    }
                )
        self._mark_refused(reason)

    def _cancel_fraud(self, reason):
        """RI-8: fraud or false information cancels the bonus; a paid bonus is reclaimed on
        the next payslip (ledger reversal), an unpaid one is cancelled."""
        self._check_hr()
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Write the reason."))
        if self.filtered(lambda claim: claim.state in ("refused", "cancelled")):
            raise UserError(self.env._("This claim is already refused or cancelled."))
        lines = self.ledger_line_id.filtered(lambda line: line.state != "cancelled")
        # The claims first: the ledger's cancellation hook then finds nothing left to follow.
        with self._guard_workflow():
            self.write({"state": "cancelled", "cancel_reason": reason})
        lines.sudo().action_cancel()
        self.env["referral.points.line"].sudo().search(
            ["|", ("claim_id", "in", self.ids), ("lead_id", "in", self.lead_id.ids)]
        )._reverse()
        for claim in self:
            claim._suite_message_post(
                lambda env: env._(
                    "Cancelled for fraud or false information: %(reason)s", reason=reason
                )
            )

    def _cancelled_in_ledger(self):
        """The ledger line of these approved claims was cancelled by HR (RI-8): the claims
        follow, and their points are taken back."""
        self.env["referral.points.line"].sudo().search([("claim_id", "in", self.ids)])._reverse()
        reason = self.env._("The bonus was cancelled in the incentive ledger.")
        with self._guard_workflow():
            self.write({"state": "cancelled", "cancel_reason": reason})
        self._suite_message_post(
            lambda env: env._("The bonus was cancelled in the incentive ledger.")
        )

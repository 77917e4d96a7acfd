# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import grading
from .partner_onboarding_grade import GRADE_GROUPS, GRADES

CENTRAL_GROUP = "partner_onboarding.group_partner_onboarding_manager"
MARKET_GROUP = "partner_onboarding.group_partner_onboarding_market"


class PartnerOnboardingGradeChange(models.Model):
    """A grade change (PO-11): proposed by the unit responsible for the partner, decided by
    the central office and the market development department together. Decided changes are
    the partner's grade history, with the grading at admission and PO-10 downgrades."""

    _name = "partner.onboarding.grade.change"
    _description = "Partner Grade Change"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "incentive.guard.mixin",
        "partner.onboarding.tier.mixin",
    ]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    # PO-11: the two approvals are tier reviews (base_tier_validation), one per department,
    # reviewers from the tier definitions (the two groups by default).
    _state_from = ["proposed"]
    _state_to = ["approved"]
    _cancel_state = "refused"
    _tier_validation_manual_config = False
    # The proposer edits his proposal until the first approval (the guard freezes it then);
    # the approvals and the grade granted are written by the workflow while under review.
    _onboarding_fields_under_review = (
        "new_grade",
        "reason",
        "note",
        "department_id",
        "central_user_id",
        "central_date",
        "market_user_id",
        "market_date",
        "granted_grade",
        "downgrade_note",
        "old_grade",
    )

    # PO-11: written by the approval buttons only.
    _guarded_fields = (
        "state",
        "proposed_by_id",
        "central_user_id",
        "central_date",
        "market_user_id",
        "market_date",
        "granted_grade",
        "downgrade_note",
        "decision_date",
        "refusal_reason",
        "old_grade",
    )
    # A proposal is edited by its proposer until the first approval: nobody changes what a
    # decider already approved.
    _guard_frozen_fields = {"__all__": "_guard_open_records"}
    _guard_unlink = "_guard_open_records"

    partner_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        domain=[("onboarding_state", "=", "admitted")],
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    old_grade = fields.Selection(GRADES, string="From", readonly=True, groups=GRADE_GROUPS)
    new_grade = fields.Selection(
        GRADES, string="To", required=True, tracking=True, groups=GRADE_GROUPS
    )
    granted_grade = fields.Selection(
        GRADES,
        string="Granted",
        groups=GRADE_GROUPS,
        readonly=True,
        help="PO-10: the grade actually given; lower than the proposed one when a key "
        "partner's materials are incomplete.",
    )
    downgrade_note = fields.Text(readonly=True)
    reason = fields.Selection(
        [
            ("bid_won", "Bid Won"),
            ("bid_lost", "Bid Lost"),
            ("performance", "Performance"),
            ("materials", "Materials (PO-10)"),
            ("admission", "Admission"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    note = fields.Text(string="Justification")
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("approved", "Decided"),
            ("refused", "Refused"),
        ],
        required=True,
        default="proposed",
        index=True,
        tracking=True,
    )
    proposed_by_id = fields.Many2one(
        "res.users", string="Proposed by", default=lambda self: self.env.user, readonly=True
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible Unit",
        default=lambda self: self.env.user.employee_id.department_id,
    )
    central_user_id = fields.Many2one(
        "res.users", string="Central Office Approval", readonly=True, tracking=True
    )
    central_date = fields.Datetime(readonly=True)
    market_user_id = fields.Many2one(
        "res.users", string="Market Development Approval", readonly=True, tracking=True
    )
    market_date = fields.Datetime(readonly=True)
    decision_date = fields.Date(readonly=True)
    refusal_reason = fields.Text(readonly=True, tracking=True)

    _one_open_per_partner = models.UniqueIndex(
        "(partner_id) WHERE state = 'proposed'",
        "The partner already has a grade change waiting for a decision.",
    )

    @api.depends("partner_id", "new_grade")
    def _compute_display_name(self):
        labels = dict(GRADES)
        for change in self:
            change.display_name = self.env._(
                "%(partner)s → %(grade)s",
                partner=change.partner_id.name or "",
                grade=labels.get(change.new_grade, ""),
            )

    @api.model_create_multi
    def create(self, vals_list):
        Partner = self.env["res.partner"].sudo()
        for vals in vals_list:
            if vals.get("state", "proposed") != "proposed":
                continue  # the history written by the workflow (the guard refuses others)
            partner = Partner.browse(vals.get("partner_id")).exists()
            if not partner or partner.onboarding_state != "admitted":
                raise UserError(
                    self.env._(
                        "%(partner)s is not an admitted partner: it has no grade to change.",
                        partner=partner.display_name or "?",
                    )
                )
            if partner.onboarding_grade == vals.get("new_grade"):
                raise UserError(
                    self.env._("%(partner)s already has this grade.", partner=partner.display_name)
                )
            self._onboarding_check_proposer(partner)
        changes = super().create(vals_list)
        proposals = changes.filtered(lambda c: c.state == "proposed")
        with proposals._guard_workflow():
            for change in proposals:
                change.old_grade = change.partner_id.sudo().onboarding_grade
        # Requested by the proposer, who is therefore never one of its reviewers.
        proposals._onboarding_request_reviews("proposed_by_id")
        proposals._onboarding_notify_deciders()
        return changes

    def _onboarding_check_proposer(self, partner):
        """PO-11: the unit responsible for the partner proposes (or a decider)."""
        user = self.env.user
        if (
            self._guard_bypassed()
            or partner.onboarding_user_id == user
            or user.has_group(CENTRAL_GROUP)
            or user.has_group(MARKET_GROUP)
        ):
            return
        raise UserError(
            self.env._(
                "Only the person responsible for %(partner)s or the deciding departments "
                "propose a grade change for it (PO-11).",
                partner=partner.display_name,
            )
        )

    def _guard_open_records(self):
        """Proposals nobody approved yet."""
        return self.filtered(
            lambda change: (
                change.state == "proposed"
                and not change.central_user_id
                and not change.market_user_id
            )
        )

    def _guard_hint(self):
        return self.env._(
            "A grade change is proposed, then approved by the central office and the market "
            "development department, two different people other than the proposer (PO-11)."
        )

    def _onboarding_notify_deciders(self):
        """Ask both deciding parties for their approval."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for group_xmlid in (CENTRAL_GROUP, MARKET_GROUP):
            users = (
                self.env.ref(group_xmlid)
                .sudo()
                .all_user_ids.filtered(lambda u: not u.share and u.active)
            )
            for change in self:
                company = change.company_id
                for user in users.filtered(lambda u, company=company: company in u.company_ids)[:1]:
                    change.activity_schedule(
                        activity_type_id=activity_type.id,
                        user_id=user.id,
                        summary=change._in_lang_of(user).env._("Decide on the grade change"),
                    )

    def action_approve_central(self):
        """PO-11: the central office's approval."""
        return self._onboarding_approve(grading.CENTRAL)

    def action_approve_market(self):
        """PO-11: the market development department's approval."""
        return self._onboarding_approve(grading.MARKET)

    def _onboarding_approve(self, role):
        group = CENTRAL_GROUP if role == grading.CENTRAL else MARKET_GROUP
        if not self.env.user.has_group(group):
            raise UserError(
                self.env._(
                    "Only the central office approves as the central office and only the "
                    "market development department as the market development department "
                    "(PO-11)."
                )
            )
        self._onboarding_lock()
        self._onboarding_request_reviews("proposed_by_id")
        for change in self:
            reviews = change._onboarding_my_reviews().filtered(
                lambda review, role=role: self._onboarding_review_role(review) == role
            )
            if (
                change.review_ids.filtered(
                    lambda review, role=role: self._onboarding_review_role(review) == role
                )
                and not reviews
            ):
                raise UserError(
                    self.env._(
                        "You are not a reviewer of this grade change for your department (PO-11)."
                    )
                )
            change._onboarding_approve_review(role, reviews[:1])
        return True

    def _validate_tier(self, tiers=False):
        """The review widget and its comment wizard validate here: one review, for one
        department, per person (PO-11)."""
        self.ensure_one()
        self._onboarding_lock()
        review = self._onboarding_my_reviews(tiers).sorted("sequence")[:1]
        if not review:
            raise UserError(self.env._("You are not a reviewer of this grade change (PO-11)."))
        self._onboarding_approve_review(self._onboarding_review_role(review), review)

    def _onboarding_review_role(self, review):
        """The department a review stands for, from its tier definition's group."""
        group = review.sudo().definition_id.reviewer_group_id
        if group == self.env.ref(CENTRAL_GROUP):
            return grading.CENTRAL
        if group == self.env.ref(MARKET_GROUP):
            return grading.MARKET
        return None

    def _onboarding_approve_review(self, role, review):
        """PO-11: approve ``review`` (or, without tier definitions, the department ``role``)
        as the acting user; the grade applies once both departments approved."""
        self.ensure_one()
        if self.state != "proposed":
            raise UserError(self.env._("This grade change is already decided."))
        if self.sudo().review_ids.filtered(lambda done: done.done_by == self.env.user):
            raise UserError(
                self.env._(
                    "You already approved this grade change: the two approvals come from "
                    "two people (PO-11)."
                )
            )
        if role:
            error = grading.approval_error(
                role,
                self.env.uid,
                self.central_user_id.id,
                self.market_user_id.id,
                proposer_id=self.proposed_by_id.id,
            )
        else:
            error = "own_proposal" if self.proposed_by_id == self.env.user else None
        if error == "own_proposal":
            raise UserError(
                self.env._("You proposed this grade change: others decide on it (PO-11).")
            )
        if error == "already_approved":
            raise UserError(self.env._("Your department already approved this change."))
        if error == "same_person":
            raise UserError(
                self.env._(
                    "You already approved for the other department: the two approvals "
                    "come from two people (PO-11)."
                )
            )
        with self._guard_workflow("tier.review"):
            if review:
                super(PartnerOnboardingGradeChange, self.sudo())._validate_tier(review.sudo())
            if role:
                field = "central" if role == grading.CENTRAL else "market"
                self.write(
                    {f"{field}_user_id": self.env.uid, f"{field}_date": fields.Datetime.now()}
                )
        env = self.with_context(lang=self._suite_lang()).env  # read in the chatter
        self.activity_ids.filtered(lambda activity: activity.user_id == self.env.user).with_env(
            env
        ).action_feedback(feedback=env._("Approved."))
        if grading.is_decided(self.central_user_id.id, self.market_user_id.id) and (
            not self.review_ids or self.validation_status == "validated"
        ):
            self._onboarding_apply()
        return True

    def _rejected_tier(self, tiers=False):
        """A rejection in the review widget refuses the grade change."""
        self.ensure_one()
        reviews = self._onboarding_my_reviews(tiers)
        self._onboarding_refuse_changes(reviews, "\n".join(filter(None, reviews.mapped("comment"))))

    def _onboarding_lock(self):
        """Lock the changes before checking their approvals: two deciders approving at the
        same instant are serialised (the second one is retried and sees the first)."""
        if self:
            self.env.cr.execute(
                "SELECT id FROM partner_onboarding_grade_change WHERE id IN %s FOR NO KEY UPDATE",
                [tuple(self.ids)],
            )
            self.invalidate_recordset()

    def _onboarding_apply(self):
        self.ensure_one()
        self.partner_id._onboarding_set_grade(self.new_grade, reason=self.reason, change=self)
        with self._guard_workflow():
            self.write({"state": "approved", "decision_date": self._suite_today()})
        self.activity_ids.unlink()
        self._suite_message_post(
            lambda env: env._(
                "Decided by the central office and the market development department."
            ),
            partner_ids=self.proposed_by_id.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )

    def action_refuse(self):
        """Either deciding party turns the change down."""
        if not self.env.user.has_group(CENTRAL_GROUP) and not self.env.user.has_group(MARKET_GROUP):
            raise UserError(self.env._("Only the deciding departments can refuse (PO-11)."))
        self._onboarding_lock()
        for change in self:
            reviews = change._onboarding_my_reviews()
            if change.review_ids and not reviews:
                raise UserError(self.env._("You are not a reviewer of this grade change (PO-11)."))
            change._onboarding_refuse_changes(reviews)
        return True

    def _onboarding_refuse_changes(self, reviews, reason=False):
        self.ensure_one()
        if self.state != "proposed":
            raise UserError(self.env._("This grade change is already decided."))
        if self.proposed_by_id == self.env.user and not self._guard_bypassed():
            raise UserError(
                self.env._("You proposed this grade change: others decide on it (PO-11).")
            )
        with self._guard_workflow("tier.review"):
            if reviews:
                super(PartnerOnboardingGradeChange, self.sudo())._rejected_tier(reviews.sudo())
            self.write(
                {
                    "state": "refused",
                    "decision_date": self._suite_today(),
                    "refusal_reason": reason or False,
                }
            )
        self.activity_ids.unlink()
        return True

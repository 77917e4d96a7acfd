# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import grading
from .partner_onboarding_grade import GRADES

CENTRAL_GROUP = "partner_onboarding.group_partner_onboarding_manager"
MARKET_GROUP = "partner_onboarding.group_partner_onboarding_market"
# Written by the approval buttons only.
_DECISION_FIELDS = {
    "state",
    "central_user_id",
    "central_date",
    "market_user_id",
    "market_date",
    "granted_grade",
    "downgrade_note",
    "decision_date",
    "refusal_reason",
    "old_grade",
}


class PartnerOnboardingGradeChange(models.Model):
    """A grade change (PO-11): proposed by the unit responsible for the partner, decided by
    the central office and the market development department together. Decided changes are
    the partner's grade history, with the grading at admission and PO-10 downgrades."""

    _name = "partner.onboarding.grade.change"
    _description = "Partner Grade Change"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

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
    old_grade = fields.Selection(GRADES, string="From", readonly=True)
    new_grade = fields.Selection(GRADES, string="To", required=True, tracking=True)
    granted_grade = fields.Selection(
        GRADES,
        string="Granted",
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
        for vals in vals_list:
            if vals.get("state", "proposed") != "proposed":
                if not self.env.su:
                    raise UserError(self.env._("A grade change starts as a proposal (PO-11)."))
                continue
            vals = self._onboarding_strip_decision(vals)
            partner = self.env["res.partner"].sudo().browse(vals.get("partner_id"))
            if partner.onboarding_state != "admitted":
                raise UserError(
                    self.env._(
                        "%(partner)s is not an admitted partner: it has no grade to change.",
                        partner=partner.display_name,
                    )
                )
            if partner.onboarding_grade == vals.get("new_grade"):
                raise UserError(
                    self.env._("%(partner)s already has this grade.", partner=partner.display_name)
                )
            vals["old_grade"] = partner.onboarding_grade
        changes = super().create(vals_list)
        changes.filtered(lambda c: c.state == "proposed")._onboarding_notify_deciders()
        return changes

    def _onboarding_strip_decision(self, vals):
        if _DECISION_FIELDS & vals.keys() and not self.env.su:
            raise UserError(self.env._("Decisions are taken with the approval buttons (PO-11)."))
        return vals

    def write(self, vals):
        if not self.env.context.get("onboarding_flow"):
            self._onboarding_strip_decision(vals)
            if any(change.state != "proposed" for change in self):
                raise UserError(self.env._("Decided grade changes are the history: keep them."))
        return super().write(vals)

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
        now = fields.Datetime.now()
        for change in self:
            if change.state != "proposed":
                raise UserError(self.env._("This grade change is already decided."))
            error = grading.approval_error(
                role, self.env.uid, change.central_user_id.id, change.market_user_id.id
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
            field = "central" if role == grading.CENTRAL else "market"
            change.with_context(onboarding_flow=True).write(
                {f"{field}_user_id": self.env.uid, f"{field}_date": now}
            )
            change.activity_ids.filtered(
                lambda activity: activity.user_id == self.env.user
            ).action_feedback(feedback=self.env._("Approved."))
            if grading.is_decided(change.central_user_id.id, change.market_user_id.id):
                change._onboarding_apply()
        return True

    def _onboarding_apply(self):
        self.ensure_one()
        self.partner_id._onboarding_set_grade(self.new_grade, reason=self.reason, change=self)
        self.with_context(onboarding_flow=True).write(
            {"state": "approved", "decision_date": fields.Date.context_today(self)}
        )
        self.activity_ids.unlink()
        self.message_post(
            body=self.env._("Decided by the central office and the market development department."),
            partner_ids=self.proposed_by_id.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )

    def action_refuse(self):
        """Either deciding party turns the change down."""
        if not self.env.user.has_group(CENTRAL_GROUP) and not self.env.user.has_group(MARKET_GROUP):
            raise UserError(self.env._("Only the deciding departments can refuse (PO-11)."))
        if any(change.state != "proposed" for change in self):
            raise UserError(self.env._("This grade change is already decided."))
        self.with_context(onboarding_flow=True).write(
            {"state": "refused", "decision_date": fields.Date.context_today(self)}
        )
        self.activity_ids.unlink()
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_never_decided(self):
        if any(change.state != "proposed" for change in self):
            raise UserError(self.env._("Decided grade changes are the history: keep them."))

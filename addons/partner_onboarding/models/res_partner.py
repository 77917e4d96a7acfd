# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import admission, grading
from .partner_onboarding_grade import GRADE_GROUPS, GRADES


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "incentive.guard.mixin"]

    # PO-1 .. PO-4, PO-11: admission and grade are written by the admission and grade change
    # workflows only (never by a salesperson, whatever the client sends).
    _guarded_fields = (
        "onboarding_state",
        "onboarding_admitted_date",
        "onboarding_company_id",
        "onboarding_grade",
        "onboarding_grade_date",
    )
    # Who follows the partner and how often it is visited (PO-5): the central office decides.
    _guard_frozen_fields = {
        "onboarding_user_id": "_onboarding_central_office_records",
        "onboarding_department_id": "_onboarding_central_office_records",
        "onboarding_other_region": "_onboarding_central_office_records",
        "onboarding_senior_visit": "_onboarding_central_office_records",
    }

    # --- Admission (PO-1 .. PO-3); not secret: salespeople see whether a partner is admitted
    onboarding_state = fields.Selection(
        [
            ("none", "Not Admitted"),
            ("pending", "Application Pending"),
            ("admitted", "Admitted"),
            ("refused", "Refused"),
        ],
        string="Joint-venture Admission",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        help="PO-2: cooperation projects (joint-venture opportunities) can only be negotiated "
        "with admitted partners.",
    )
    onboarding_admitted_date = fields.Date(string="Admitted on", readonly=True, copy=False)
    onboarding_company_id = fields.Many2one(
        "res.company", string="Admitted by Company", readonly=True, copy=False
    )
    onboarding_user_id = fields.Many2one(
        "res.users",
        string="Partner Responsible",
        copy=False,
        help="Person of the responsible unit who visits the partner and proposes grade "
        "changes (PO-5, PO-11).",
    )
    onboarding_department_id = fields.Many2one(
        "hr.department", string="Responsible Unit", copy=False
    )
    onboarding_application_ids = fields.One2many(
        "partner.onboarding.application", "partner_id", string="Admission Applications"
    )

    # --- Internal grading (PO-4): readable by the onboarding groups only, never by portal
    # users, salespeople outside the onboarding groups or the partner itself.
    onboarding_grade = fields.Selection(
        GRADES,
        string="Internal Grade",
        readonly=True,
        copy=False,
        groups=GRADE_GROUPS,
        help="PO-4: set by the central office at admission, changed by grade change requests "
        "(PO-11). Internal: never shown to the partner.",
    )
    onboarding_grade_date = fields.Date(
        string="Graded on", readonly=True, copy=False, groups=GRADE_GROUPS
    )
    onboarding_other_region = fields.Boolean(
        string="Other Region",
        copy=False,
        groups=GRADE_GROUPS,
        help="PO-5: based outside the company's region (外埠); visited at least every 6 months.",
    )
    onboarding_senior_visit = fields.Boolean(
        string="Senior Management Visits",
        copy=False,
        groups=GRADE_GROUPS,
        help="PO-5: senior management also visits this partner yearly (for grades where "
        "senior visits are for chosen partners, B by default).",
    )
    onboarding_file_ids = fields.One2many(
        "partner.onboarding.file", "partner_id", string="Partner File", groups=GRADE_GROUPS
    )
    onboarding_visit_ids = fields.One2many(
        "partner.onboarding.visit", "partner_id", string="Visits", groups=GRADE_GROUPS
    )
    onboarding_grade_change_ids = fields.One2many(
        "partner.onboarding.grade.change",
        "partner_id",
        string="Grade History",
        groups=GRADE_GROUPS,
    )
    onboarding_visit_count = fields.Integer(
        compute="_compute_onboarding_counts", groups=GRADE_GROUPS
    )
    onboarding_grade_change_count = fields.Integer(
        compute="_compute_onboarding_counts", groups=GRADE_GROUPS
    )

    @api.depends("onboarding_visit_ids", "onboarding_grade_change_ids")
    def _compute_onboarding_counts(self):
        for partner in self:
            partner.onboarding_visit_count = len(partner.onboarding_visit_ids)
            partner.onboarding_grade_change_count = len(partner.onboarding_grade_change_ids)

    # --- Guard

    def _onboarding_central_office_records(self):
        """The partners whose follow-up the acting user may set: all for the central office
        (within his companies, by the record rules), none for anybody else."""
        if self.env.user.has_group("partner_onboarding.group_partner_onboarding_manager"):
            return self
        return self.browse()

    def _guard_hint(self):
        return self.env._(
            "A partner is admitted by the central office approving its admission application "
            "(PO-3), and its grade changes through a grade change request decided by the "
            "central office and the market development department (PO-11)."
        )

    # --- Smart buttons

    def action_onboarding_file(self):
        self.ensure_one()
        file = self._onboarding_ensure_file()
        return {
            "type": "ir.actions.act_window",
            "res_model": "partner.onboarding.file",
            "view_mode": "form",
            "res_id": file.id,
        }

    def action_onboarding_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partner_onboarding.partner_onboarding_visit_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_onboarding_grade_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "partner_onboarding.partner_onboarding_grade_change_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    # --- Files and grades

    def _onboarding_ensure_file(self, application=None):
        """The partner's file, created from the application when it has none (PO-7)."""
        self.ensure_one()
        File = self.env["partner.onboarding.file"].sudo()
        file = File.search([("partner_id", "=", self.id)], limit=1)
        if not file:
            application = application or self._onboarding_application()
            file = File._onboarding_create_unique(
                {
                    "partner_id": self.id,
                    "company_id": (
                        application.company_id or self.onboarding_company_id or self.env.company
                    ).id,
                    "contracting_region": application.contracting_region or False,
                    "background": application.background or False,
                }
            )
        return file

    def _onboarding_application(self):
        """The partner's latest approved admission application."""
        self.ensure_one()
        return (
            self.env["partner.onboarding.application"]
            .sudo()
            .search([("partner_id", "=", self.id), ("state", "=", "approved")], limit=1)
        )

    def _onboarding_material_gaps(self, application=None):
        """PO-10: what a key partner's materials lack, as readable lines."""
        self.ensure_one()
        application = application or self._onboarding_application()
        if not application:
            return [self.env._("There is no approved admission application.")]
        return application._onboarding_missing_labels(
            application._onboarding_missing(key_partner=True)
        )

    def _onboarding_set_grade(self, grade, reason, application=None, change=None):
        """Give the partner ``grade``, checking key partners' materials (PO-10).

        Records the grade history (a decided grade change) unless ``change`` is the request
        being applied.
        :return: the grade granted, lower than ``grade`` when materials are missing and the
            company downgrades
        """
        self.ensure_one()
        partner = self.sudo()
        Grade = self.env["partner.onboarding.grade"]
        policies = Grade._policies()
        key_grades = {code for code, policy in policies.items() if policy.key_partner}
        gaps = partner._onboarding_material_gaps(application) if grade in key_grades else []
        company = partner.onboarding_company_id or self.env.company
        granted, outcome = grading.grade_after_materials_check(
            grade,
            Grade._codes_in_order(),
            key_grades,
            bool(gaps),
            company.onboarding_incomplete_policy,
        )
        labels = dict(GRADES)
        if outcome == grading.BLOCKED:
            raise UserError(
                self.env._(
                    "%(partner)s cannot be graded %(grade)s: key partners' materials must be "
                    "complete, true and valid (PO-10).\n%(missing)s",
                    partner=self.display_name,
                    grade=labels[grade],
                    missing="\n".join(f"- {gap}" for gap in gaps),
                )
            )
        note = False
        if outcome == grading.DOWNGRADED:
            note = self.env._(
                "Requested %(requested)s, granted %(granted)s: materials incomplete (PO-10).\n"
                "%(missing)s",
                requested=labels[grade],
                granted=labels[granted],
                missing="\n".join(f"- {gap}" for gap in gaps),
            )
        old_grade = partner.onboarding_grade
        Change = self.env["partner.onboarding.grade.change"].sudo()
        with partner._guard_workflow(Change._name):
            partner.write(
                {
                    "onboarding_grade": granted,
                    "onboarding_grade_date": self._suite_today(),
                }
            )
            if change:
                change.sudo().write({"granted_grade": granted, "downgrade_note": note})
                return granted
            Change.create(
                {
                    "partner_id": self.id,
                    "company_id": company.id,
                    "old_grade": old_grade or False,
                    "new_grade": grade,
                    "granted_grade": granted,
                    "reason": reason,
                    "downgrade_note": note,
                    "state": "approved",
                    "proposed_by_id": self.env.uid,
                    "decision_date": self._suite_today(),
                }
            )
        return granted

    @api.model
    def _cron_onboarding_check_materials(self):
        """PO-10: key partners whose materials became incomplete (an expired licence) are
        downgraded, or, when the company blocks instead, the central office is asked to act."""
        policies = self.env["partner.onboarding.grade"]._policies()
        key_grades = [code for code, policy in policies.items() if policy.key_partner]
        partners = self.sudo().search(
            [("onboarding_state", "=", "admitted"), ("onboarding_grade", "in", key_grades)]
        )
        if not partners:
            return
        Application = self.env["partner.onboarding.application"].sudo()
        latest = {}
        for application in Application.search(
            [("partner_id", "in", partners.ids), ("state", "=", "approved")], order="id desc"
        ):
            latest.setdefault(application.partner_id, application)
        materials = self.env["partner.onboarding.material"].sudo().search([])
        today = self._suite_today()
        failing = partners.filtered(
            lambda partner: (
                partner not in latest
                or admission.missing_items(
                    *latest[partner]._onboarding_check_input(True, materials), today
                )
            )
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for partner in failing:
            company = partner.onboarding_company_id or self.env.company
            if company.onboarding_incomplete_policy == grading.DOWNGRADE:
                partner._onboarding_set_grade(
                    partner.onboarding_grade, reason="materials", application=latest.get(partner)
                )
                continue
            file = partner._onboarding_ensure_file(latest.get(partner))
            if file.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
                continue
            reviewer = company.onboarding_reviewer_id or self.env.ref("base.user_admin")
            file.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=reviewer.id,
                summary=file._in_lang_of(reviewer).env._(
                    "Key partner's materials incomplete: renew them (PO-10)"
                ),
                note="\n".join(
                    partner._in_lang_of(reviewer)._onboarding_material_gaps(latest.get(partner))
                ),
            )

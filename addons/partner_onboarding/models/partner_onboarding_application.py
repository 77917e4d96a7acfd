# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import admission
from .partner_onboarding_grade import GRADE_GROUPS, GRADES

CENTRAL_GROUP = "partner_onboarding.group_partner_onboarding_manager"


class PartnerOnboardingApplication(models.Model):
    """An admission application of a joint-venture partner (PO-1), reviewed by the central
    office (PO-3): one main form and structured attachments for address, staff, equipment and
    documents, filed by the introducing unit after an on-site inspection."""

    _name = "partner.onboarding.application"
    _description = "Partner Admission Application"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "incentive.guard.mixin",
        "partner.onboarding.tier.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    # PO-3: the central office's review is a tier validation (base_tier_validation); its
    # reviewers come from the tier definitions (the central office group by default).
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "refused"
    _tier_validation_manual_config = False
    # Fields the central office corrects while it reviews (editable in the form).
    _onboarding_fields_under_review = ("grade", "color")

    # Written by the workflow buttons only (PO-1, PO-3): who filed it and what was decided.
    _guarded_fields = ("name", "state", "user_id", "reviewer_id", "decision_date", "refusal_reason")
    # The introducing unit edits its draft; once submitted, only the central office may
    # correct it until the decision (PO-3), and it alone sets the grade (PO-4).
    _guard_frozen_fields = {
        "__all__": "_guard_open_records",
        "grade": "_onboarding_gradable_records",
        "color": "_onboarding_all_records",
    }
    _guard_unlink = "_onboarding_draft_records"

    # Main-form and inspection fields that must be filled before the application can pass
    # (PO-1); extend in a module to require more.
    _onboarding_required_fields = (
        "legal_representative",
        "registration_number",
        "qualification",
        "business_scope",
        "contact_name",
        "contact_phone",
        "contracting_region",
        "inspection_date",
        "inspector_ids",
        "inspection_findings",
    )

    name = fields.Char(string="Reference", required=True, readonly=True, default="/", copy=False)
    partner_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
        help="The joint-venture partner (a company) applying for admission.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Admitted"),
            ("refused", "Refused"),
        ],
        required=True,
        default="draft",
        index=True,
        tracking=True,
        group_expand=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Filed by",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="The person of the introducing unit who filed the application and follows the "
        "partner.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Introducing Unit",
        default=lambda self: self.env.user.employee_id.department_id,
        tracking=True,
    )
    reviewer_id = fields.Many2one("res.users", string="Reviewed by", readonly=True, copy=False)
    decision_date = fields.Date(readonly=True, copy=False)
    refusal_reason = fields.Text(
        string="Explanation of the Refusal", readonly=True, copy=False, tracking=True
    )
    color = fields.Integer()

    # --- Main form (主表)
    legal_representative = fields.Char()
    registration_number = fields.Char(help="Unified social credit code of the partner.")
    currency_id = fields.Many2one(related="company_id.currency_id")
    registered_capital = fields.Monetary(currency_field="currency_id")
    qualification = fields.Char(
        string="Qualification Level", help="Construction qualification and level of the partner."
    )
    business_scope = fields.Text()
    contact_name = fields.Char(string="Contact Person")
    contact_phone = fields.Char()
    contracting_region = fields.Char(help="Where the partner takes on works (承揽区域).")
    other_region = fields.Boolean(
        help="PO-5: the partner is based outside the company's region (外埠); visits may be "
        "less frequent, but at least every 6 months.",
    )
    background = fields.Text(string="Background and Connections")
    grade = fields.Selection(
        GRADES,
        tracking=True,
        copy=False,
        groups=GRADE_GROUPS,
        help="PO-4: internal grade set by the central office when admitting; never shown to "
        "the partner.",
    )

    # --- On-site inspection (实地考察)
    inspection_date = fields.Date(tracking=True)
    inspector_ids = fields.Many2many("res.users", string="Inspectors")
    inspection_findings = fields.Text()

    # --- Attachments (附表) as structured lines
    line_ids = fields.One2many("partner.onboarding.application.line", "application_id")
    address_line_ids = fields.One2many(
        "partner.onboarding.application.line",
        "application_id",
        domain=[("section", "=", "address")],
        string="Address",
    )
    staff_line_ids = fields.One2many(
        "partner.onboarding.application.line",
        "application_id",
        domain=[("section", "=", "staff")],
        string="Staff",
    )
    equipment_line_ids = fields.One2many(
        "partner.onboarding.application.line",
        "application_id",
        domain=[("section", "=", "equipment")],
        string="Equipment",
    )
    document_line_ids = fields.One2many(
        "partner.onboarding.application.line",
        "application_id",
        domain=[("section", "=", "document")],
        string="Documents",
    )
    missing_summary = fields.Text(string="Missing", compute="_compute_missing")
    completeness = fields.Float(compute="_compute_missing", help="PO-9: share of checks passed.")

    _one_open_per_partner = models.UniqueIndex(
        "(partner_id, company_id) WHERE state IN ('draft', 'submitted')",
        "The partner already has an open admission application.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        applications = super().create(vals_list)
        with applications._guard_workflow():
            for application in applications.filtered(lambda app: app.name == "/"):
                application.name = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return applications

    # --- Guard

    def _onboarding_draft_records(self):
        return self.filtered(lambda application: application.state == "draft")

    def _onboarding_all_records(self):
        return self

    def _guard_open_records(self):
        """Drafts for the introducing unit; submitted applications also for the central
        office, which corrects them before deciding."""
        if self.env.user.has_group(CENTRAL_GROUP):
            return self.filtered(lambda app: app.state in ("draft", "submitted"))
        return self._onboarding_draft_records()

    def _onboarding_gradable_records(self):
        """PO-4: the central office grades the applications it is reviewing."""
        if self.env.user.has_group(CENTRAL_GROUP):
            return self.filtered(lambda app: app.state in ("draft", "submitted"))
        return self.browse()

    def _guard_hint(self):
        return self.env._(
            "The introducing unit submits the application; only the central office grades, "
            "admits or refuses it (PO-3, PO-4)."
        )

    # --- Completeness (PO-1, PO-10)

    def _onboarding_check_input(self, key_partner=False, materials=None):
        """The inputs of the pure completeness rules for this application."""
        self.ensure_one()
        fields_values = {name: self[name] for name in self._onboarding_required_fields}
        lines = [line._onboarding_check_values() for line in self.line_ids]
        if materials is None:
            materials = self.env["partner.onboarding.material"].sudo().search([])
        required = admission.required_materials(
            [(m.id, m.section, m.requirement) for m in materials], key_partner
        )
        return fields_values, lines, required

    def _onboarding_missing(self, key_partner=False, today=None):
        """Missing items of the application as ``(kind, key)`` (PO-1, PO-10)."""
        today = today or self._suite_today()
        return admission.missing_items(*self._onboarding_check_input(key_partner), today)

    def _onboarding_missing_labels(self, missing):
        """Readable, translated list of missing items."""
        self.ensure_one()
        Material = self.env["partner.onboarding.material"].sudo()
        Line = self.env["partner.onboarding.application.line"]
        sections = dict(Line._fields["section"]._description_selection(self.env))
        lines = {line.id: line for line in self.line_ids}
        labels = []
        for kind, key in missing:
            if kind == admission.MISSING_FIELD:
                labels.append(
                    self.env._(
                        "%(field)s is not filled in.",
                        field=self._fields[key]._description_string(self.env),
                    )
                )
            elif kind == admission.EMPTY_SECTION:
                labels.append(
                    self.env._("The %(section)s attachment is empty.", section=sections[key])
                )
            elif kind == admission.MISSING_MATERIAL:
                labels.append(
                    self.env._("%(material)s is missing.", material=Material.browse(key).name)
                )
            else:
                line = lines[key]
                line_name = f"{sections[line.section]}: {line.name}"
                labels.append(
                    {
                        admission.UNCLEAR: self.env._(
                            "%(line)s is not verified on site (unclear counts as not qualified).",
                            line=line_name,
                        ),
                        admission.NO_DOCUMENT: self.env._(
                            "%(line)s has no document attached.", line=line_name
                        ),
                        admission.NO_VALIDITY: self.env._(
                            "%(line)s needs its validity date.", line=line_name
                        ),
                        admission.EXPIRED: self.env._("%(line)s has expired.", line=line_name),
                    }[kind]
                )
        return labels

    @api.depends(
        "line_ids.verified",
        "line_ids.attachment_ids",
        "line_ids.valid_until",
        "line_ids.material_id",
        "line_ids.section",
        "grade",
        *_onboarding_required_fields,
    )
    def _compute_missing(self):
        today = self._suite_today()
        key_grades = self._onboarding_key_grades()
        materials = self.env["partner.onboarding.material"].sudo().search([])
        for application in self:
            inputs = application._onboarding_check_input(application.grade in key_grades, materials)
            missing = admission.missing_items(*inputs, today)
            application.completeness = admission.completeness(*inputs, today)
            application.missing_summary = "\n".join(application._onboarding_missing_labels(missing))

    @api.model
    def _onboarding_key_grades(self):
        return {
            code
            for code, grade in self.env["partner.onboarding.grade"]._policies().items()
            if grade.key_partner
        }

    def _onboarding_raise_missing(self, missing):
        self.ensure_one()
        raise UserError(
            self.env._(
                "%(application)s cannot pass: anything missing or unclear counts as not "
                "qualified (PO-1).\n%(missing)s",
                application=self.display_name,
                missing="\n".join(
                    f"- {label}" for label in self._onboarding_missing_labels(missing)
                ),
            )
        )

    # --- Workflow (PO-1, PO-3)

    def action_submit(self):
        """The introducing unit hands the complete application to the central office."""
        for application in self:
            if application.state != "draft":
                raise UserError(self.env._("Only draft applications can be submitted."))
            missing = application._onboarding_missing()
            if missing:
                application._onboarding_raise_missing(missing)
        with self._guard_workflow("res.partner"):
            self.write({"state": "submitted"})
            self.partner_id.sudo().filtered(
                lambda partner: partner.onboarding_state != "admitted"
            ).write({"onboarding_state": "pending"})
        # Requested by the person who filed it, who is therefore never one of its reviewers.
        self._onboarding_request_reviews("user_id")
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for application in self:
            reviewer = application.company_id.onboarding_reviewer_id
            if reviewer:
                application.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=reviewer.id,
                    summary=application._in_lang_of(reviewer).env._(
                        "Review the admission application"
                    ),
                )
        return True

    def action_approve(self):
        """PO-3, PO-4: the central office admits the partner with a grade (its tier review
        is validated) and schedules the remaining steps as activities."""
        for application in self:
            application._validate_tier()
        return True

    def _validate_tier(self, tiers=False):
        """Every validation (the Admit button, the review widget, its comment wizard) comes
        here: the rule is checked, the acting user's own review is validated, and the
        partner is admitted once every review is."""
        self.ensure_one()
        self._onboarding_check_admission()
        self._onboarding_request_reviews("user_id")
        reviews = self._onboarding_my_reviews(tiers)
        if self.review_ids and not reviews:
            raise UserError(
                self.env._(
                    "You are not a reviewer of %(application)s (PO-3).",
                    application=self.display_name,
                )
            )
        if reviews:
            with self._guard_workflow("tier.review"):
                super(PartnerOnboardingApplication, self.sudo())._validate_tier(reviews.sudo())
        if not self.review_ids or self.validation_status == "validated":
            self._onboarding_admit()
        return True

    def _rejected_tier(self, tiers=False):
        """A rejection in the review widget turns the application down; its comment is the
        written explanation (PO-3)."""
        self.ensure_one()
        reviews = self._onboarding_my_reviews(tiers)
        self._onboarding_refuse("\n".join(filter(None, reviews.mapped("comment"))))

    def _onboarding_check_admission(self):
        """PO-1, PO-3, PO-4: what must hold before the central office admits."""
        self._onboarding_check_reviewer()
        for application in self:
            if application.state != "submitted":
                raise UserError(self.env._("Only submitted applications can be approved."))
            if self.env.user in (application.user_id | application.create_uid) and not (
                self.env.su
            ):
                raise UserError(
                    self.env._(
                        "%(application)s was filed by you: another member of the central "
                        "office admits it (PO-3).",
                        application=application.display_name,
                    )
                )
            if not application.grade:
                raise UserError(
                    self.env._(
                        "%(application)s: set the partner's grade before admitting it (PO-4).",
                        application=application.display_name,
                    )
                )
            missing = application._onboarding_missing()
            if missing:
                application._onboarding_raise_missing(missing)

    def _onboarding_admit(self):
        """PO-3, PO-4: admit the partner, grade it, open its file and schedule the steps."""
        self.ensure_one()
        application = self
        today = self._suite_today()
        partner = application.partner_id.sudo()
        with application._guard_workflow("res.partner"):
            application.write(
                {"state": "approved", "reviewer_id": self.env.uid, "decision_date": today}
            )
            partner.write(
                {
                    "onboarding_state": "admitted",
                    "onboarding_admitted_date": today,
                    "onboarding_company_id": application.company_id.id,
                    "onboarding_user_id": application.user_id.id,
                    "onboarding_department_id": application.department_id.id,
                    "onboarding_other_region": application.other_region,
                }
            )
        partner._onboarding_ensure_file(application)
        granted = partner._onboarding_set_grade(
            application.grade, reason="admission", application=application
        )
        # The feedback is read in the chatter, in its readers' language.
        env = application.with_context(lang=application._suite_lang()).env
        application.activity_ids.filtered(
            lambda activity: activity.user_id == self.env.user
        ).with_env(env).action_feedback(feedback=env._("Admitted."))
        application._onboarding_schedule_steps()
        application._suite_message_post(
            lambda env: env._(
                "Admitted by %(reviewer)s. Remaining steps are scheduled as activities.",
                reviewer=self.env.user.name,
            ),
            partner_ids=application.user_id.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        if granted != application.grade:
            with application._guard_workflow():
                application.grade = granted

    def _onboarding_check_reviewer(self):
        if not self.env.su and not self.env.user.has_group(
            "partner_onboarding.group_partner_onboarding_manager"
        ):
            raise UserError(self.env._("Only the central office decides on admissions (PO-3)."))

    def _onboarding_schedule_steps(self):
        """PO-3: one activity per remaining step, for the introducing unit or the reviewer."""
        steps = self.env["partner.onboarding.step"].sudo().search([])
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        today = self._suite_today()
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for application in self:
            for step in steps:
                user = application.user_id if step.assignee == "introducer" else self.env.user
                # Written for the assignee, in his language.
                step_text = step._in_lang_of(user)
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": application.id,
                        "activity_type_id": activity_type.id,
                        "summary": step_text.name,
                        "note": step_text.note or False,
                        "user_id": user.id,
                        "date_deadline": today + timedelta(days=step.days),
                    }
                )
        return self.env["mail.activity"].create(vals_list)

    def action_refuse(self):
        """Open the refusal wizard: a refusal needs a written explanation (PO-3)."""
        self._onboarding_check_reviewer()
        return {
            "type": "ir.actions.act_window",
            "res_model": "partner.onboarding.refuse",
            "view_mode": "form",
            "target": "new",
            "context": {"default_application_ids": self.ids},
        }

    def _onboarding_refuse(self, explanation):
        """PO-3: turn the applications down; the explanation goes to the introducing unit as a
        message and an activity to explain it to the partner."""
        self._onboarding_check_reviewer()
        if not (explanation or "").strip():
            raise UserError(self.env._("Write why the application is turned down."))
        today = self._suite_today()
        for application in self:
            if application.state != "submitted":
                raise UserError(self.env._("Only submitted applications can be refused."))
            reviews = application._onboarding_my_reviews()
            if application.review_ids and not reviews:
                raise UserError(
                    self.env._(
                        "You are not a reviewer of %(application)s (PO-3).",
                        application=application.display_name,
                    )
                )
            if reviews:
                with self._guard_workflow("tier.review"):
                    super(PartnerOnboardingApplication, application.sudo())._rejected_tier(
                        reviews.sudo()
                    )
        with self._guard_workflow("res.partner", "tier.review"):
            self.write(
                {
                    "state": "refused",
                    "refusal_reason": explanation,
                    "reviewer_id": self.env.uid,
                    "decision_date": today,
                }
            )
            self.partner_id.sudo().filtered(
                lambda partner: partner.onboarding_state != "admitted"
            ).write({"onboarding_state": "refused"})
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for application in self:
            env = application.with_context(lang=application._suite_lang()).env
            application.activity_ids.filtered(
                lambda activity: activity.user_id == self.env.user
            ).with_env(env).action_feedback(feedback=env._("Refused."))
            application._suite_message_post(
                lambda env: env._(
                    "Turned down by the central office: %(explanation)s", explanation=explanation
                ),
                partner_ids=application.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            application.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=application.user_id.id,
                summary=application._in_lang_of(application.user_id).env._(
                    "Explain the refusal to the partner"
                ),
                note=explanation,
            )
        return True

    def action_draft(self):
        """Back to draft, to complete a refused application and submit it again."""
        for application in self:
            if application.state not in ("submitted", "refused"):
                raise UserError(
                    self.env._("Only submitted or refused applications go back to draft.")
                )
            if self.env.user not in application.user_id | application.create_uid and not (
                self._guard_bypassed() or self.env.user.has_group(CENTRAL_GROUP)
            ):
                raise UserError(
                    self.env._(
                        "Only the person who filed %(application)s or the central office "
                        "takes it back to draft.",
                        application=application.display_name,
                    )
                )
        with self._guard_workflow("tier.review"):
            # A new submission asks for a new review.
            self.sudo().review_ids.unlink()
            self.write({"state": "draft"})
        return True

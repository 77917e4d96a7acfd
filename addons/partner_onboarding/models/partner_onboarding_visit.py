# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import split_every

from ..tools import visits

# Partner data a visit report may correct (PO-6): visit field -> partner field.
PARTNER_UPDATES = {
    "partner_phone": "phone",
    "partner_email": "email",
    "partner_street": "street",
    "partner_city": "city",
    "partner_website": "website",
}


class PartnerOnboardingVisit(models.Model):
    """A visit to a joint-venture partner: planned by the cron by grade (PO-5), reported by
    the visitor, updating the partner's data and recording their next moves (PO-6)."""

    _name = "partner.onboarding.visit"
    _description = "Partner Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "date_deadline desc, id desc"
    _check_company_auto = True

    # PO-5, PO-6: the planning cron and the report set these; nobody moves a planned visit
    # away or marks it done without its report.
    _guarded_fields = ("state", "kind", "user_id", "is_overdue", "project_near")
    # A visit's partner and deadline are the visitor's choice for an extra visit he plans
    # himself; regular and senior visits are planned by the grade (PO-5). The report is
    # written while the visit is planned.
    _guard_frozen_fields = {
        "__all__": "_guard_open_records",
        "partner_id": "_onboarding_own_extra_records",
        "company_id": "_onboarding_own_extra_records",
        "date_deadline": "_onboarding_own_extra_records",
    }
    _guard_unlink = "_onboarding_own_extra_records"

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
    kind = fields.Selection(
        [
            (visits.REGULAR, "Regular"),
            (visits.SENIOR, "Senior Management"),
            ("extra", "Extra"),
        ],
        required=True,
        default="extra",
        index=True,
        help="Regular visits follow the grade's frequency, senior management visits A and "
        "chosen B partners yearly (PO-5); extra visits are added by hand.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Visitor",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_deadline = fields.Date(string="Due by", required=True, tracking=True, index=True)
    date_done = fields.Date(string="Visited on", tracking=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="planned",
        index=True,
        tracking=True,
    )
    is_overdue = fields.Boolean(
        string="Overdue", readonly=True, index=True, help="PO-5: flagged by the daily cron."
    )
    project_near = fields.Boolean(
        readonly=True, help="PO-5: planned sooner because a project with the partner is near."
    )

    # PO-5: one planned regular and one planned senior management visit per partner.
    _one_planned_per_kind = models.UniqueIndex(
        "(partner_id, kind) WHERE state = 'planned' AND kind IN ('regular', 'senior')",
        "The partner already has a planned visit of this kind.",
    )

    # --- Report (PO-6)
    report = fields.Text(help="What was seen and discussed.")
    next_moves = fields.Text(
        string="Partner's Next Moves", help="PO-6: what the partner plans next (projects, bids)."
    )
    partner_phone = fields.Char(
        string="Phone", compute="_compute_partner_data", store=True, readonly=False
    )
    partner_email = fields.Char(
        string="Email", compute="_compute_partner_data", store=True, readonly=False
    )
    partner_street = fields.Char(
        string="Street", compute="_compute_partner_data", store=True, readonly=False
    )
    partner_city = fields.Char(
        string="City", compute="_compute_partner_data", store=True, readonly=False
    )
    partner_website = fields.Char(
        string="Website", compute="_compute_partner_data", store=True, readonly=False
    )

    # --- Guard

    def _guard_open_records(self):
        """Planned visits (their report is being written)."""
        return self.filtered(lambda visit: visit.state == "planned")

    def _onboarding_own_extra_records(self):
        """Planned extra visits, which their visitor plans himself."""
        return self.filtered(
            lambda visit: (
                visit.state == "planned"
                and visit.kind == "extra"
                and (visit.user_id == self.env.user or visit.create_uid == self.env.user)
            )
        )

    def _guard_hint(self):
        return self.env._(
            "Regular and senior management visits are planned by the partner's grade (PO-5) "
            "and closed with their report (PO-6)."
        )

    def _onboarding_check_visitor(self):
        """The visitor, the partner's responsible or the central office acts on a visit."""
        user = self.env.user
        if self._guard_bypassed() or user.has_group(
            "partner_onboarding.group_partner_onboarding_manager"
        ):
            return
        for visit in self:
            if user not in (visit.user_id | visit.sudo().partner_id.onboarding_user_id):
                raise UserError(
                    self.env._(
                        "%(visit)s is %(visitor)s's: only the visitor, the partner's "
                        "responsible or the central office report or cancel it.",
                        visit=visit.display_name,
                        visitor=visit.user_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        visits_ = super().create(vals_list)
        visits_.filtered(lambda v: v.state == "planned")._onboarding_schedule_activity()
        return visits_

    @api.depends("partner_id")
    def _compute_partner_data(self):
        """The partner's data as known, for the visitor to correct."""
        for visit in self:
            partner = visit.partner_id.sudo()
            for visit_field, partner_field in PARTNER_UPDATES.items():
                visit[visit_field] = partner[partner_field]

    @api.depends("partner_id", "date_deadline", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for visit in self:
            visit.display_name = self.env._(
                "%(kind)s visit of %(partner)s",
                kind=kinds.get(visit.kind, ""),
                partner=visit.partner_id.name or "",
            )

    # --- Reporting (PO-6)

    def action_done(self):
        """PO-6: close the visit with its report: the partner's data is updated, their next
        moves go to the file."""
        self._onboarding_check_visitor()
        today = self._suite_today()
        for visit in self:
            if visit.state != "planned":
                raise UserError(self.env._("Only planned visits can be reported."))
            if visit.date_done and visit.date_done > today:
                raise UserError(
                    self.env._(
                        "A visit is reported once done: its date cannot be in the future (PO-5)."
                    )
                )
            if not (visit.report and visit.next_moves):
                raise UserError(
                    self.env._(
                        "Write the visit report and the partner's next moves before closing "
                        "the visit (PO-6)."
                    )
                )
            partner = visit.partner_id.sudo()
            updates = {
                partner_field: visit[visit_field]
                for visit_field, partner_field in PARTNER_UPDATES.items()
                if visit[visit_field] and visit[visit_field] != partner[partner_field]
            }
            if updates:
                partner.write(updates)
            with visit._guard_workflow():
                visit.write(
                    {"state": "done", "date_done": visit.date_done or today, "is_overdue": False}
                )
            file = partner._onboarding_ensure_file()
            file.write({"last_visit_date": visit.date_done, "next_moves": visit.next_moves})
            file._suite_message_post(
                lambda env, visit=visit: env._(
                    "Visit of %(date)s by %(visitor)s:\n%(report)s",
                    date=visit.date_done,
                    visitor=visit.user_id.name,
                    report=visit.report,
                ),
            )
            visit.activity_ids.action_feedback(feedback=visit.report)
        return True

    def action_cancel(self):
        """Cancel planned visits (a regular visit is planned again by the next run)."""
        self._onboarding_check_visitor()
        if any(visit.state != "planned" for visit in self):
            raise UserError(self.env._("Only planned visits can be cancelled."))
        with self._guard_workflow():
            self.write({"state": "cancelled", "is_overdue": False})
        self.activity_ids.unlink()
        return True

    # --- Planning (PO-5)

    @api.model
    def _cron_plan(self, batch_size=500):
        """PO-5: plan the next regular and senior visits of every admitted partner as
        activities with deadlines, bring them forward when a project is near, flag overdue
        visits. A fixed number of queries per batch of partners, whatever the batch's size."""
        today = self._suite_today()
        Visit = self.sudo()
        partners = (
            self.env["res.partner"]
            .sudo()
            .search([("onboarding_state", "=", "admitted"), ("onboarding_grade", "!=", False)])
        )
        # Batches of partners, each committed with its progress: a crash keeps the visits
        # planned before it; the next run finds them open and plans only the rest.
        Cron = self.env["ir.cron"]
        Cron._suite_progress(remaining=len(partners))
        for batch in split_every(batch_size, partners.ids, partners.browse):
            self._onboarding_plan(batch, today)
            if not Cron._suite_progress(len(batch)):
                return
        overdue = Visit.search(
            [("state", "=", "planned"), ("date_deadline", "<", today), ("is_overdue", "=", False)]
        )
        overdue.write({"is_overdue": True})
        Visit.search(
            [("is_overdue", "=", True), ("date_deadline", ">=", today), ("state", "=", "planned")]
        ).write({"is_overdue": False})

    @api.model
    def _onboarding_plan(self, partners, today):
        """PO-5: plan the visits of ``partners`` (one batch of the job)."""
        Visit = self.sudo()
        last_visits, last_senior = self._onboarding_last_visits(partners)
        projects = self._onboarding_near_projects(partners, today)
        open_visits = {
            (visit.partner_id, visit.kind): visit
            for visit in Visit.search(
                [
                    ("partner_id", "in", partners.ids),
                    ("state", "=", "planned"),
                    ("kind", "in", (visits.REGULAR, visits.SENIOR)),
                ]
            )
        }
        policies = {}
        to_create, to_move = [], defaultdict(lambda: Visit.browse())
        for partner in partners:
            company = partner.onboarding_company_id or self.env.company
            if company not in policies:
                policies[company] = company._onboarding_visit_policy()
            policy = policies[company]
            if partner.onboarding_grade not in policy.frequencies:
                continue
            project_date = projects.get(partner)
            due = visits.due_dates(
                policy,
                partner.onboarding_grade,
                other_region=partner.onboarding_other_region,
                senior_chosen=partner.onboarding_senior_visit,
                since=partner.onboarding_admitted_date or today,
                last_visit=last_visits.get(partner),
                last_senior_visit=last_senior.get(partner),
                project_date=project_date,
                today=today,
            )
            near = visits.project_is_near(policy, project_date, today)
            for kind, deadline in due.items():
                visit = open_visits.get((partner, kind))
                if visit:
                    # Visits only move earlier: a date agreed by hand stays unless a
                    # project makes the visit more urgent.
                    if deadline < visit.date_deadline:
                        to_move[deadline] |= visit
                    continue
                to_create.append(self._onboarding_visit_vals(partner, company, kind, deadline))
                to_create[-1]["project_near"] = near and kind == visits.REGULAR
        self.env["partner.onboarding.file"]._onboarding_create_unique(to_create, Visit)
        for deadline, moved in to_move.items():
            moved.write({"date_deadline": deadline, "project_near": True})
            moved.activity_ids.write({"date_deadline": deadline})

    @api.model
    def _onboarding_visit_vals(self, partner, company, kind, deadline):
        visitor = partner.onboarding_user_id
        if kind == visits.SENIOR:
            visitor = company.onboarding_senior_user_id or visitor
        return {
            "partner_id": partner.id,
            "company_id": company.id,
            "kind": kind,
            "user_id": (visitor or self.env.ref("base.user_admin")).id,
            "date_deadline": deadline,
        }

    @api.model
    def _onboarding_last_visits(self, partners):
        """Last visit of any kind and last senior visit, by partner."""
        last_visits, last_senior = {}, {}
        groups = self.sudo()._read_group(
            [("partner_id", "in", partners.ids), ("state", "=", "done")],
            ["partner_id", "kind"],
            ["date_done:max"],
        )
        for partner, kind, date_done in groups:
            if date_done and (partner not in last_visits or date_done > last_visits[partner]):
                last_visits[partner] = date_done
            if kind == visits.SENIOR and date_done:
                last_senior[partner] = date_done
        return last_visits, last_senior

    @api.model
    def _onboarding_near_projects(self, partners, today):
        """Expected closing of the nearest open joint-venture opportunity, by partner."""
        tag = self.env.ref("partner_onboarding.crm_tag_joint_venture", raise_if_not_found=False)
        if not tag:
            return {}
        groups = (
            self.env["crm.lead"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "child_of", partners.ids),
                    ("tag_ids", "in", tag.ids),
                    ("type", "=", "opportunity"),
                    ("date_deadline", ">=", today),
                    ("won_status", "=", "pending"),
                ],
                ["partner_id"],
                ["date_deadline:min"],
            )
        )
        projects = {}
        for partner, deadline in groups:
            commercial = partner.commercial_partner_id
            if commercial not in projects or deadline < projects[commercial]:
                projects[commercial] = deadline
        return projects

    def _onboarding_schedule_activity(self):
        """One activity per planned visit, for the visitor, due by the visit's deadline."""
        activity_type = self.env.ref("partner_onboarding.mail_activity_type_visit")
        model_id = self.env["ir.model"]._get_id(self._name)
        # Written for the visitor, in his language (the planning job runs in English).
        kinds_by_lang = {}
        vals_list = []
        for visit in self:
            env = visit._in_lang_of(visit.user_id).env
            if env.lang not in kinds_by_lang:
                kinds_by_lang[env.lang] = dict(self._fields["kind"]._description_selection(env))
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": visit.id,
                    "activity_type_id": activity_type.id,
                    "summary": env._(
                        "%(kind)s visit of %(partner)s",
                        kind=kinds_by_lang[env.lang].get(visit.kind, ""),
                        partner=visit.partner_id.name or "",
                    ),
                    "user_id": visit.user_id.id,
                    "date_deadline": visit.date_deadline,
                }
            )
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            vals_list
        )

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import contextvars
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import deadlines

# Set only by the confirmation of a project application (server code, not a context key):
# a kind that needs the team leader's confirmation registers only through it (LP-26).
_CONFIRMING = contextvars.ContextVar("lead_protection_project_confirming", default=False)

ACTIVITY_CONFIRM = "lead_protection.mail_activity_type_project_confirm"
ACTIVITY_REPORT = "lead_protection.mail_activity_type_project_report"


@contextlib.contextmanager
def _confirming():
    token = _CONFIRMING.set(True)
    try:
        yield
    finally:
        _CONFIRMING.reset(token)


class LeadProtectionProject(models.Model):
    """LP-26: a project registration (專案報備) applied for by a salesperson.

    It protects nothing until the regional team leader confirms it; the confirmation makes
    the registration, whose window (LP-3: 15 working days) counts from the confirmation's
    day. The leader then reports it to the sales supervisor for the summary within the
    company's working days (2).
    """

    _name = "lead.protection.project"
    _description = "Project Registration"
    _inherit = ["mail.thread", "mail.activity.mixin", "lead.protection.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    # Who may change what: the salesperson applies, the team's leader confirms or refuses
    # and reports; nothing of it is written directly. The project information is edited
    # while the application waits.
    _guarded_fields = (
        "name",
        "lead_id",
        "user_id",
        "team_id",
        "company_id",
        "kind_id",
        "state",
        "applied_at",
        "confirmed_at",
        "confirmed_by_id",
        "registration_id",
        "report_last_day",
        "report_deadline",
        "reported_at",
        "reported_by_id",
        "report_late",
    )
    _guard_frozen_fields = ("note",)
    _guard_unlink = "_guard_deletable"

    name = fields.Char(string="Reference", required=True, readonly=True, default="/", copy=False)
    lead_id = fields.Many2one(
        "crm.lead", string="Project", required=True, index=True, ondelete="restrict"
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True, readonly=True
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    kind_id = fields.Many2one("lead.protection.kind", required=True, readonly=True)
    leader_id = fields.Many2one(
        "res.users",
        string="Team Leader",
        compute="_compute_leader_id",
        store=True,
        index=True,
        help="LP-26: the regional team leader who confirms and reports (the team's manager "
        "unless another leader is appointed on the team).",
    )
    state = fields.Selection(
        [
            ("applied", "Applied"),
            ("confirmed", "Confirmed"),
            ("reported", "Reported"),
            ("refused", "Refused"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="applied",
        index=True,
        tracking=True,
    )
    note = fields.Text(string="Project Information")
    applied_at = fields.Datetime(readonly=True, default=fields.Datetime.now)
    confirmed_at = fields.Datetime(readonly=True, tracking=True)
    confirmed_by_id = fields.Many2one("res.users", string="Confirmed by", readonly=True)
    registration_id = fields.Many2one("lead.protection.registration", readonly=True)
    last_day = fields.Date(
        related="registration_id.last_day", string="Protected Until (contract by)"
    )
    report_last_day = fields.Date(
        string="Report by",
        readonly=True,
        help="LP-26: the last working day on which the leader reports the project to the "
        "sales supervisor.",
    )
    report_deadline = fields.Datetime(string="Report Overdue from", readonly=True)
    reported_at = fields.Datetime(readonly=True, tracking=True)
    reported_by_id = fields.Many2one("res.users", string="Reported by", readonly=True)
    report_late = fields.Boolean(string="Reported Late", readonly=True)
    report_overdue = fields.Boolean(
        compute="_compute_report_overdue",
        search="_search_report_overdue",
        help="LP-26: confirmed, not reported, and the report period is over.",
    )

    _one_open_application = models.UniqueIndex(
        "(lead_id) WHERE state = 'applied'",
        "This project already waits for its team leader's confirmation.",
    )

    @api.depends("team_id.protection_leader_id", "team_id.user_id")
    def _compute_leader_id(self):
        """The team's leader (LP-26)."""
        for project in self:
            project.leader_id = (
                project.team_id._protection_project_leader() if project.team_id else False
            )

    @api.depends("state", "report_deadline")
    @api.depends_context("uid")
    def _compute_report_overdue(self):
        """Confirmed and still unreported at the report deadline."""
        now = fields.Datetime.now()
        for project in self:
            project.report_overdue = project.state == "confirmed" and deadlines.is_past(
                project.report_deadline or None, now
            )

    def _search_report_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search overdue reports with “is set” or “is not set”."))
        overdue = fields.Domain(
            [("state", "=", "confirmed"), ("report_deadline", "<=", fields.Datetime.now())]
        )
        return overdue if (operator == "=") == value else ~overdue

    # --- Guard

    def _guard_open_records(self):
        return self.filtered(lambda project: project.state == "applied")

    def _guard_deletable(self):
        """Applications are the history of who applied for what (LP-12): cancel instead."""
        return self.browse()

    def _guard_hint(self):
        return self.env._(
            "A project registration changes only by applying, the team leader's confirmation "
            "or refusal, and his report."
        )

    # --- Applying

    @api.model
    def _apply(self, leads, note=False):
        """LP-26: the salesperson applies for the project registration of his ``leads``.

        The application is checked as a registration would be (LP-1), but protects nothing
        until the team leader confirms it.
        """
        if getattr(leads, "_name", None) != "crm.lead" or not leads:
            raise UserError(self.env._("Choose the projects (opportunities) you apply for."))
        if note is not False and not isinstance(note, str):
            raise UserError(self.env._("Describe the project as text."))
        kind = self.env.ref("lead_protection.kind_project")
        Registration = self.env["lead.protection.registration"]
        errors = []
        for lead in leads:
            if lead.user_id != self.env.user:
                errors.append(
                    self.env._(
                        "%(lead)s: only its salesperson applies for its project registration.",
                        lead=lead.display_name,
                    )
                )
                continue
            if not lead.team_id:
                errors.append(
                    self.env._(
                        "%(lead)s: choose its sales team; the team's leader confirms it.",
                        lead=lead.display_name,
                    )
                )
            errors += Registration._prepare_registration(lead, kind)[1]
        if errors:
            raise UserError("\n".join(errors))
        names = Registration._next_names(self._name, len(leads))
        with self._guard_workflow():
            projects = self.sudo().create(
                [
                    {
                        "name": name,
                        "lead_id": lead.id,
                        "user_id": self.env.uid,
                        "team_id": lead.team_id.id,
                        "company_id": (lead.company_id or self.env.company).id,
                        "kind_id": kind.id,
                        "note": note,
                    }
                    for lead, name in zip(leads, names, strict=True)
                ]
            )
        for project in projects:
            leader = project.leader_id
            if leader:
                project.activity_schedule(
                    ACTIVITY_CONFIRM,
                    date_deadline=project.company_id._suite_today(),
                    user_id=leader.id,
                    summary=project._in_lang_of(leader).env._(
                        "Confirm the project registration (LP-26)"
                    ),
                )
        return projects.with_env(self.env)

    def action_cancel(self):
        """The salesperson withdraws his application before it is confirmed."""
        self._protection_single()
        if self.sudo().user_id != self.env.user and not self._protection_is_admin():
            raise UserError(self.env._("Only the salesperson who applied withdraws it."))
        self._protection_lock()
        project = self.sudo()
        if project.state != "applied":
            raise UserError(
                self.env._("Only an application waiting for confirmation is withdrawn.")
            )
        with self._guard_workflow():
            project.write({"state": "cancelled"})
        project.activity_unlink([ACTIVITY_CONFIRM])
        return True

    # --- The team leader

    def _check_leader(self, own_refused=True):
        """LP-26: only the team's leader (or an administrator) acts; with ``own_refused``,
        never on his own application."""
        user = self.env.user
        is_admin = self._protection_is_admin()
        for project in self:
            sudo_project = project.sudo()
            leader = sudo_project.team_id._protection_project_leader()
            refusal = deadlines.confirm_refusal(
                user.id,
                sudo_project.user_id.id if own_refused else None,
                leader.id or None,
                is_admin=is_admin,
            )
            if refusal == deadlines.OWN_APPLICATION:
                raise UserError(
                    self.env._(
                        "You cannot confirm your own project registration: an administrator "
                        "of the sales team confirms it (LP-26)."
                    )
                )
            if refusal or sudo_project.company_id not in user.company_ids:
                raise UserError(
                    self.env._(
                        "Only the leader of %(team)s confirms and reports its project "
                        "registrations (LP-26).",
                        team=sudo_project.team_id.display_name,
                    )
                )

    def action_confirm(self):
        """LP-26: the team leader confirms the project: it is registered from now, and he
        reports it to the sales supervisor within the report period."""
        self._protection_single()
        self._check_leader()
        self._protection_lock()
        project = self.sudo()
        if project.state != "applied":
            raise UserError(
                self.env._("Only an application waiting for confirmation is confirmed.")
            )
        applicant = project.user_id
        company = project.company_id
        Registration = self.env["lead.protection.registration"]
        # Registered as the salesperson would register it (LP-1, LP-5), from this instant.
        with _confirming():
            registration = (
                Registration.with_user(applicant)
                .with_company(company)
                ._register_leads(
                    project.lead_id.with_user(applicant).with_company(company),
                    project.kind_id.with_user(applicant),
                )
            )
        now = fields.Datetime.now()
        confirmed_day = company._suite_today(now)
        report_last_day = deadlines.report_last_day(
            confirmed_day,
            company.protection_project_report_days,
            self._working_day_checker(company, confirmed_day),
        )
        with self._guard_workflow():
            project.write(
                {
                    "state": "confirmed",
                    "confirmed_at": now,
                    "confirmed_by_id": self.env.uid,
                    "registration_id": registration.id,
                    "report_last_day": report_last_day,
                    "report_deadline": company._suite_day_end(report_last_day),
                }
            )
        project.activity_feedback([ACTIVITY_CONFIRM])
        leader = project.leader_id
        if leader:
            project.activity_schedule(
                ACTIVITY_REPORT,
                date_deadline=report_last_day,
                user_id=leader.id,
                summary=project._in_lang_of(leader).env._(
                    "Report the project to the sales supervisor (LP-26)"
                ),
            )
        project.message_post(
            body=project._in_lang_of(applicant).env._(
                "%(user)s confirmed the project registration %(ref)s; a contract must be "
                "signed by %(day)s (LP-3).",
                user=self.env.user.name,
                ref=registration.sudo().name,
                day=registration.sudo().last_day,
            ),
            partner_ids=applicant.partner_id.ids,
        )
        return True

    def action_refuse(self):
        """LP-26: the team leader does not confirm the project."""
        self._protection_single()
        self._check_leader(own_refused=False)
        self._protection_lock()
        project = self.sudo()
        if project.state != "applied":
            raise UserError(self.env._("Only an application waiting for confirmation is refused."))
        with self._guard_workflow():
            project.write({"state": "refused"})
        project.activity_unlink([ACTIVITY_CONFIRM])
        project.message_post(
            body=project._in_lang_of(project.user_id).env._(
                "%(user)s did not confirm the project registration.", user=self.env.user.name
            ),
            partner_ids=project.user_id.partner_id.ids,
        )
        return True

    def action_report(self):
        """LP-26: the team leader reports the confirmed project to the sales supervisor."""
        self._protection_single()
        self._check_leader(own_refused=False)
        self._protection_lock()
        project = self.sudo()
        if project.state != "confirmed":
            raise UserError(self.env._("Only a confirmed project is reported."))
        now = fields.Datetime.now()
        with self._guard_workflow():
            project.write(
                {
                    "state": "reported",
                    "reported_at": now,
                    "reported_by_id": self.env.uid,
                    "report_late": deadlines.is_past(project.report_deadline or None, now),
                }
            )
        project.activity_feedback([ACTIVITY_REPORT])
        supervisor = project.company_id.protection_project_supervisor_id
        project.message_post(
            body=project._in_lang_of(supervisor or self.env.user).env._(
                "%(user)s reported the project registration for the summary.",
                user=self.env.user.name,
            ),
            partner_ids=supervisor.partner_id.ids,
        )
        return True

    # --- Working days

    @api.model
    def _working_day_checker(self, company, start, horizon_days=120):
        """A date -> bool function from the company's working calendar (public holidays
        off), in one computation."""
        calendar = company.resource_calendar_id
        if not calendar:
            raise UserError(
                self.env._(
                    "%(company)s has no working schedule: set one to count working days.",
                    company=company.name,
                )
            )
        tz = pytz.timezone(calendar.tz or company._suite_tz())
        intervals = calendar._work_intervals_batch(
            tz.localize(datetime.combine(start, time.min)),
            tz.localize(datetime.combine(start + timedelta(days=horizon_days), time.max)),
        )[False]
        working = {interval[0].date() for interval in intervals}
        return working.__contains__

    # --- Demo data

    @api.model
    def _load_demo_projects(self, projects):
        """Demo data: applications made by their salespeople, confirmed by the leader when
        one is given (xmlids of lead, salesperson, confirming leader or False)."""
        for lead_xmlid, user_xmlid, leader_xmlid in projects:
            user = self.env.ref(user_xmlid)
            project = self.with_user(user)._apply(self.env.ref(lead_xmlid).with_user(user))
            if leader_xmlid:
                project.with_user(self.env.ref(leader_xmlid)).action_confirm()

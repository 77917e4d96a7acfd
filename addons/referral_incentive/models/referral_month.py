# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import attribution, calendar


class ReferralMonth(models.Model):
    """The monthly referral calendar of a company (RI-6).

    Prepared by a scheduled action at the start of each month for the month before: by the
    report day the internal-staff referral report goes to the general manager and finance and
    the renewal/referral list to the consulting supervisor; by the judged day (at the latest
    the judged-latest day) the supervisor's judged counts and amounts go to finance.
    """

    _name = "referral.month"
    _description = "Monthly Referral Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    # RI-6: the calendar moves by its actions (send the reports, send the judged results);
    # the month is prepared by the scheduled action; the judged results are entered by the
    # consulting supervisor (or HR) until they are sent, then frozen.
    _guarded_fields = ("state", "company_id", "date_start", "date_end")
    _guard_frozen_fields = {
        "judged_count": "_guard_judging_records",
        "judged_amount": "_guard_judging_records",
        "judged_note": "_guard_judging_records",
    }
    _guard_unlink = "_guard_open_records"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(string="Month", required=True, index=True)
    date_end = fields.Date(required=True)
    state = fields.Selection(
        [
            ("open", "To Report"),
            ("reported", "Reported"),
            ("judged", "Judged, Sent to Finance"),
        ],
        default="open",
        required=True,
        tracking=True,
    )
    report_deadline = fields.Date(compute="_compute_deadlines", store=True)
    judged_deadline = fields.Date(compute="_compute_deadlines", store=True)
    judged_latest_deadline = fields.Date(compute="_compute_deadlines", store=True)
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")
    staff_claim_ids = fields.Many2many(
        "referral.claim",
        compute="_compute_claims",
        string="Internal Staff Referrals",
        help="Case (c): referrals by internal staff whose deal was won in the month.",
    )
    list_claim_ids = fields.Many2many(
        "referral.claim",
        compute="_compute_claims",
        string="Renewals and Customer Referrals",
        help="Cases (a) and (b): for the consulting supervisor to judge.",
    )
    judged_count = fields.Integer(tracking=True, help="RI-6: counts judged by the supervisor.")
    judged_amount = fields.Monetary(tracking=True, help="RI-6: amounts judged by the supervisor.")
    judged_note = fields.Text()

    _month_unique = models.UniqueIndex(
        "(company_id, date_start)", "The monthly report of this month already exists."
    )

    def _guard_open_records(self):
        return self.filtered(lambda month: month.state == "open")

    def _guard_judging_records(self):
        """Months whose judged results the acting user may still enter (RI-6)."""
        user = self.env.user
        return self.filtered(
            lambda month: (
                month.state != "judged"
                and (
                    user == month.company_id.referral_supervisor_user_id
                    or user.has_group("hr.group_hr_user")
                )
            )
        )

    def _guard_hint(self):
        return self.env._(
            "The scheduled action prepares each month; Send Reports and Send Judged Results "
            "move it on."
        )

    @api.constrains("judged_count", "judged_amount")
    def _check_judged_positive(self):
        if self.filtered(lambda month: month.judged_count < 0 or month.judged_amount < 0):
            raise ValidationError(self.env._("Judged counts and amounts cannot be negative."))

    @api.depends("date_start")
    def _compute_name(self):
        for month in self:
            month.name = month.date_start and month.date_start.strftime("%Y-%m")

    @api.depends(
        "date_end",
        "company_id.referral_report_day",
        "company_id.referral_judged_day",
        "company_id.referral_judged_latest_day",
    )
    def _compute_deadlines(self):
        for month in self:
            if not month.date_end:
                month.report_deadline = month.judged_deadline = False
                month.judged_latest_deadline = False
                continue
            company = month.company_id
            following = month.date_end + timedelta(days=1)
            deadlines = calendar.monthly_deadlines(
                following.year,
                following.month,
                report_day=company.referral_report_day,
                judged_day=company.referral_judged_day,
                judged_latest_day=company.referral_judged_latest_day,
            )
            month.report_deadline = deadlines["report"]
            month.judged_deadline = deadlines["judged"]
            month.judged_latest_deadline = deadlines["judged_latest"]

    def _compute_overdue(self):
        today = self._suite_today()
        for month in self:
            month.overdue = bool(
                (month.state == "open" and month.report_deadline and today > month.report_deadline)
                or (
                    month.state != "judged"
                    and month.judged_latest_deadline
                    and today > month.judged_latest_deadline
                )
            )

    def _search_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = self._suite_today()
        domain = [
            "|",
            "&",
            ("state", "=", "open"),
            ("report_deadline", "<", today),
            "&",
            ("state", "!=", "judged"),
            ("judged_latest_deadline", "<", today),
        ]
        return domain if True in value else ["!", *domain]

    def _compute_claims(self):
        claims = self.env["referral.claim"].search(
            [
                ("company_id", "in", self.company_id.ids),
                ("deal_date", ">=", min(self.mapped("date_start"), default=False)),
                ("deal_date", "<=", max(self.mapped("date_end"), default=False)),
                ("state", "not in", ("draft", "refused")),
            ]
        )
        for month in self:
            mine = claims.filtered(
                lambda claim, month=month: (
                    claim.company_id == month.company_id
                    and month.date_start <= claim.deal_date <= month.date_end
                )
            )
            month.staff_claim_ids = mine.filtered(
                lambda claim: claim.case == attribution.CASE_STAFF_REFERRAL
            )
            month.list_claim_ids = mine - month.staff_claim_ids

    # --- Scheduled preparation

    @api.model
    def _cron_prepare(self):
        """Prepare last month's report of every company with its activities (RI-6); warn
        about overdue judged results."""
        today = self._suite_today()
        start, end = calendar.previous_month(today)
        companies = self.env["res.company"].search([])
        existing = self.search([("date_start", "=", start), ("company_id", "in", companies.ids)])
        missing = companies - existing.company_id
        # One company's month per committed batch: a crash keeps the months prepared before
        # it, the next run prepares the rest (the unique month per company says which).
        Cron = self.env["ir.cron"]
        Cron._suite_progress(remaining=len(missing))
        months = self.browse()
        for company in missing:
            with self._guard_workflow():
                month = self.create(
                    {"company_id": company.id, "date_start": start, "date_end": end}
                )
            month._schedule_activities()
            months |= month
            if not Cron._suite_progress(1):
                return months
        late = self.search([("overdue", "in", [True]), ("state", "!=", "judged")])
        for month in late:
            user = month.company_id.referral_gm_user_id
            if user and not month.activity_ids.filtered(
                lambda act: (
                    act.activity_type_id
                    == self.env.ref("referral_incentive.mail_activity_referral_overdue")
                )
            ):
                month.activity_schedule(
                    "referral_incentive.mail_activity_referral_overdue",
                    user_id=user.id,
                    date_deadline=today,
                )
        return months

    def _schedule_activities(self):
        for month in self:
            company = month.company_id
            reporter = company.referral_hr_user_id or company.referral_gm_user_id
            if reporter:
                month.activity_schedule(
                    "referral_incentive.mail_activity_referral_report",
                    user_id=reporter.id,
                    date_deadline=month.report_deadline,
                )
            supervisor = company.referral_supervisor_user_id
            if supervisor:
                month.activity_schedule(
                    "referral_incentive.mail_activity_referral_judge",
                    user_id=supervisor.id,
                    date_deadline=month.judged_deadline,
                    # In the supervisor's language: the monthly job runs in English.
                    note=self.with_context(lang=supervisor.lang).env._(
                        "Judge the renewal/referral list and send counts and amounts to "
                        "finance by %(day)s, at the latest %(latest)s.",
                        day=month.judged_deadline,
                        latest=month.judged_latest_deadline,
                    ),
                )

    # --- Sending

    def action_send_reports(self):
        """Send the internal-staff report to the general manager and finance and the
        renewal/referral list to the consulting supervisor, as PDF (RI-6)."""
        if not (
            self.env.user.has_group("hr.group_hr_user")
            or self.env.user.has_group("referral_incentive.group_referral_incentive_manager")
        ):
            raise AccessError(self.env._("Only HR or managers send the monthly reports."))
        self.check_access("write")
        for month in self:
            company = month.company_id
            recipients = {
                "referral_incentive.action_report_referral_staff": (
                    company.referral_gm_user_id | company.referral_finance_user_id
                ),
                "referral_incentive.action_report_referral_list": (
                    company.referral_supervisor_user_id
                ),
            }
            if not all(recipients.values()):
                raise UserError(
                    self.env._(
                        "Set the general manager, finance and the consulting supervisor in "
                        "the settings (Referral Bonuses) first."
                    )
                )
            for report_ref, users in recipients.items():
                report = self.env.ref(report_ref)
                content, _format = self.env["ir.actions.report"]._render_qweb_pdf(
                    report_ref, month.ids
                )
                attachment = self.env["ir.attachment"].create(
                    {
                        "name": f"{report.name} {month.name}.pdf",
                        "raw": content,
                        "res_model": month._name,
                        "res_id": month.id,
                        "mimetype": "application/pdf",
                    }
                )
                month._suite_message_post(
                    lambda env, report=report, month=month: env._(
                        "%(report)s of %(month)s",
                        report=report.with_env(env).name,
                        month=month.name,
                    ),
                    partner_ids=users.partner_id.ids,
                    attachment_ids=attachment.ids,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
        with self._guard_workflow():
            self.filtered(lambda month: month.state == "open").write({"state": "reported"})
        self.activity_feedback(["referral_incentive.mail_activity_referral_report"])
        return True

    def action_send_judged(self):
        """The consulting supervisor sends judged counts and amounts to finance (RI-6)."""
        self.check_access("read")
        for month in self:
            if self.env.user != month.company_id.referral_supervisor_user_id and not (
                self.env.user.has_group("hr.group_hr_user")
            ):
                raise AccessError(self.env._("The consulting supervisor sends judged results."))
            if month.state != "reported":
                raise UserError(self.env._("Send the monthly reports first."))
            finance = month.company_id.referral_finance_user_id
            month.sudo()._suite_message_post(
                lambda env, month=month: env._(
                    "Judged results of %(month)s: %(count)s referrals, %(amount)s.",
                    month=month.name,
                    count=month.judged_count,
                    amount=month.judged_amount,
                ),
                partner_ids=finance.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        with self._guard_workflow():
            self.sudo().write({"state": "judged"})
        self.sudo().activity_feedback(
            [
                "referral_incentive.mail_activity_referral_judge",
                "referral_incentive.mail_activity_referral_overdue",
            ]
        )
        return True

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import invitation as rules


class EventInvitationList(models.Model):
    """The daily list of one division for one joint event (EV-1, EV-3, EV-4).

    Filing the list of a day takes every customer the division confirmed for that day and
    its planned invitations (EV-1); whether it is on time is decided by the clock of the
    server in the company's time zone when the division manager files it, never by a date
    anyone types.
    """

    _name = "event.invitation.list"
    _description = "Daily Invitation List"
    _inherit = ["mail.thread", "incentive.guard.mixin"]
    _order = "list_date desc, event_id, id"
    _check_company_auto = True

    event_id = fields.Many2one("event.event", required=True, ondelete="cascade", index=True)
    division_id = fields.Many2one(
        "event.invitation.division",
        string="Event Division",
        required=True,
        ondelete="cascade",
        domain="[('event_id', '=', event_id)]",
    )
    team_id = fields.Many2one(related="division_id.team_id", store=True, string="Division")
    company_id = fields.Many2one(related="division_id.company_id", store=True)
    list_date = fields.Date(string="Day", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("filed", "Filed"), ("checked", "Checked")],
        default="draft",
        required=True,
        tracking=True,
    )
    deadline = fields.Datetime(compute="_compute_deadline", store=True)
    filed_at = fields.Datetime(readonly=True, tracking=True)
    filed_by_id = fields.Many2one("res.users", readonly=True)
    is_late = fields.Boolean(
        string="Late", readonly=True, help="EV-4: filed after its cut-off (or never)."
    )
    line_ids = fields.One2many("event.invitation", "list_id", string="Confirmed Customers")
    planned_line_ids = fields.One2many(
        "event.invitation", "plan_list_id", string="Planned Invitations"
    )

    _unique_day = models.UniqueIndex(
        "(division_id, list_date)", "A division files one list per day."
    )

    _guarded_fields = ("state", "filed_at", "filed_by_id", "is_late")
    _guard_frozen_fields = ("event_id", "division_id", "list_date")
    _guard_unlink = "_guard_open_records"

    def _guard_open_records(self):
        return self.filtered(lambda lst: lst.state == "draft")

    def _guard_hint(self):
        return self.env._("File the list with its button; the server clock decides its cut-off.")

    @api.depends("event_id.date_begin", "list_date", "company_id")
    def _compute_deadline(self):
        """EV-1, EV-3: when this list is due, in UTC."""
        for lst in self:
            lst.deadline = (
                lst.event_id._invitation_deadline(lst.list_date)
                if lst.event_id and lst.list_date
                else False
            )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_manager()
        return records

    def _check_manager(self):
        user = self.env.user
        if user.has_group("base.group_system"):
            return
        for lst in self:
            if not lst.division_id._is_manager(user):
                raise AccessError(
                    self.env._(
                        "Only the manager of %(division)s files its lists.",
                        division=lst.team_id.display_name,
                    )
                )

    def action_file(self):
        """EV-1: file the day's list: the confirmed customers of that day, the planned
        invitations of the day the division plans now; late if after the cut-off (EV-4)."""
        self._check_manager()
        if any(lst.state != "draft" for lst in self):
            raise UserError(self.env._("This list is already filed."))
        now = fields.Datetime.now()
        for lst in self:
            if lst.company_id._event_today() < lst.list_date:
                raise UserError(
                    self.env._("The list of %(day)s is filed on that day.", day=lst.list_date)
                )
            confirmed = self._lines_to_list(lst)
            planned = self._plans_to_list(lst)
            with self._guard_workflow("event.invitation"):
                lst.sudo().write(
                    {
                        "state": "filed",
                        "filed_at": now,
                        "filed_by_id": self.env.uid,
                        "is_late": now > lst.deadline,
                    }
                )
                confirmed.sudo()._set_listed(lst, now)
                planned.sudo().write({"plan_list_id": lst.id})
        self._book_late_fines()
        return True

    def _lines_to_list(self, lst):
        return (
            self.env["event.invitation"]
            .sudo()
            .search(
                [
                    ("division_id", "=", lst.division_id.id),
                    ("state", "=", "confirmed"),
                    ("count_day", "<=", lst.list_date),
                ]
            )
        )

    def _plans_to_list(self, lst):
        company = lst.company_id
        day = rules.planning_day(
            lst.list_date, lst.division_id._rank(), company.event_first_division_lead_days
        )
        return (
            self.env["event.invitation"]
            .sudo()
            .search(
                [
                    ("division_id", "=", lst.division_id.id),
                    ("state", "=", "planned"),
                    ("planned_day", "<=", day),
                    ("plan_list_id", "=", False),
                ]
            )
        )

    # --- EV-4 fines (division head)

    def _book_late_fines(self):
        late = self.filtered("is_late")
        self.env["event.invitation"]._book_missing_list_fines(
            [(lst.event_id, lst.division_id, lst.list_date) for lst in late]
        )

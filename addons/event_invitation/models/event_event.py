# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import invitation as rules


class EventEvent(models.Model):
    _inherit = "event.event"

    invitation_division_ids = fields.One2many(
        "event.invitation.division",
        "event_id",
        string="Divisions",
        help="EV-1: the divisions inviting customers to this joint event, in their order.",
    )
    invitation_coordinator_id = fields.Many2one(
        "res.users",
        string="Coordinator",
        help="EV-2: the coordinating assistant (協調助理) who checks the lists for duplicates, "
        "records attendance and settles conflicts with the division heads.",
    )
    invitation_ids = fields.One2many("event.invitation", "event_id", string="Invitations")
    invitation_list_ids = fields.One2many("event.invitation.list", "event_id", string="Daily Lists")

    # --- Rule helpers (company time zone)

    def _invitation_company(self):
        self.ensure_one()
        return self.company_id or self.env.company

    def _invitation_start_local(self):
        return self._invitation_company()._event_local(self.date_begin)

    def _invitation_deadline(self, day):
        """EV-1, EV-3: the naive UTC datetime by which the lists of ``day`` are due."""
        company = self._invitation_company()
        local = rules.list_deadline(day, self._invitation_start_local(), company._event_cutoffs())
        return company._event_utc(local)

    def _invitation_list_days(self):
        return rules.list_days(
            self._invitation_start_local(),
            self._invitation_company().event_list_days_before,
        )

    def _check_invitation_coordinator(self):
        """Only the event's coordinator (or an administrator) runs the coordinator's steps."""
        for event in self:
            user = self.env.user
            if user == event.invitation_coordinator_id and user.has_group(
                "event_invitation.group_event_invitation_coordinator"
            ):
                continue
            if user.has_group("base.group_system"):
                continue
            raise AccessError(
                self.env._(
                    "Only the coordinator of %(event)s may do this.", event=event.display_name
                )
            )

    # --- EV-2: duplicate check

    def action_check_invitation_duplicates(self):
        """EV-2, EV-4: after the day's cut-off, keep each customer with one division."""
        self._check_invitation_coordinator()
        for event in self:
            company = event._invitation_company()
            today = company._event_today()
            if fields.Datetime.now() <= event._invitation_deadline(today):
                raise UserError(
                    self.env._(
                        "The lists of %(event)s can be checked only after today's cut-off.",
                        event=event.display_name,
                    )
                )
            # Two checks of one event run one after the other (EV-2).
            self.env.cr.execute("SELECT id FROM event_event WHERE id = %s FOR UPDATE", [event.id])
            event.sudo().invitation_ids._resolve_duplicates()
        return True

    # --- EV-4: missing lists

    def _invitation_missing_lists(self):
        """(event, division, day) of every daily list past its cut-off and never filed."""
        now = fields.Datetime.now()
        Lists = self.env["event.invitation.list"].sudo()
        filed = {
            (lst.event_id.id, lst.division_id.id, lst.list_date)
            for lst in Lists.search([("event_id", "in", self.ids), ("state", "!=", "draft")])
        }
        missing = []
        for event in self:
            for day in event._invitation_list_days():
                if event._invitation_deadline(day) >= now:
                    continue
                for division in event.invitation_division_ids:
                    if (event.id, division.id, day) not in filed:
                        missing.append((event, division, day))
        return missing

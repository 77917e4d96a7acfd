# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

MANAGER = "lead_protection.group_lead_protection_manager"


class LeadReceptionSuspension(models.Model):
    """LP-43: a receiver who kept a customer who named a colleague (搶單) is suspended from
    the rotation (停牌) once the manager confirms."""

    _name = "lead.reception.suspension"
    _description = "Rotation Suspension"
    _inherit = ["mail.thread", "incentive.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _guarded_fields = (
        "user_id",
        "visit_id",
        "company_id",
        "state",
        "date_from",
        "date_to",
        "reported_by_id",
    )
    _guard_frozen_fields = ("note",)
    _guard_unlink = "_guard_deletable"

    user_id = fields.Many2one("res.users", string="Receiver", required=True, index=True)
    visit_id = fields.Many2one("lead.reception.visit", required=True, check_company=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    team_id = fields.Many2one(related="visit_id.team_id", store=True)
    reported_by_id = fields.Many2one("res.users", readonly=True)
    note = fields.Text()
    state = fields.Selection(
        [("proposed", "Proposed"), ("confirmed", "Suspended"), ("refused", "Refused")],
        default="proposed",
        required=True,
        tracking=True,
    )
    date_from = fields.Date(readonly=True, tracking=True)
    date_to = fields.Date(readonly=True, tracking=True)

    _one_per_visit = models.UniqueIndex("(visit_id)", "This grabbing is already reported.")

    def _guard_open_records(self):
        return self.filtered(lambda s: s.state == "proposed")

    def _guard_deletable(self):
        return self.browse()

    @api.model
    def _report(self, visit):
        """The named salesperson or a manager reports that the receiver kept the visitor."""
        visit.ensure_one()
        user = self.env.user
        visit = visit.sudo()
        if not visit.asked_user_id or visit.asked_user_id == visit.receiver_id:
            raise UserError(self.env._("The visitor named nobody else: there is no grabbing."))
        if user != visit.asked_user_id and not (
            user.has_group(MANAGER) and visit.team_id.user_id == user
        ):
            raise UserError(
                self.env._("Only the salesperson named or the team's manager reports this.")
            )
        return self.sudo().create(
            {
                "user_id": visit.receiver_id.id,
                "visit_id": visit.id,
                "company_id": visit.company_id.id,
                "reported_by_id": user.id,
            }
        )

    def _check_manager(self):
        user = self.env.user
        for suspension in self:
            if not (user.has_group(MANAGER) and suspension.sudo().team_id.user_id == user):
                if not user.has_group("base.group_system"):
                    raise UserError(self.env._("Only the team's manager confirms a suspension."))
            if suspension.state != "proposed":
                raise UserError(self.env._("This suspension is already decided."))

    def action_confirm(self):
        """LP-43: suspended from the rotation from the next day, for the configured days."""
        self._check_manager()
        for suspension in self.sudo():
            company = suspension.company_id
            today = company._reception_local(fields.Datetime.now()).date()
            start = today + timedelta(days=1)
            with self._guard_workflow():
                suspension.write(
                    {
                        "state": "confirmed",
                        "date_from": start,
                        "date_to": start
                        + timedelta(days=max(company.reception_suspension_days, 1) - 1),
                    }
                )
        return True

    def action_refuse(self):
        self._check_manager()
        with self._guard_workflow():
            self.sudo().write({"state": "refused"})
        return True

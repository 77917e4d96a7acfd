# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import reception


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "incentive.guard.mixin"]

    _guarded_fields = ("reception_visit_id",)

    reception_visit_id = fields.Many2one(
        "lead.reception.visit",
        string="Visit-book Entry",
        readonly=True,
        index="btree_not_null",
        copy=False,
        help="LP-30: the entry the opportunity was made from.",
    )

    def _reception_link_visit(self, visit):
        """Link the opportunity to the owner's visit-book entry."""
        self.ensure_one()
        if visit.owner_id != self.env.user or self.user_id != self.env.user:
            raise UserError(self.env._("Only the visitor's salesperson links his order."))
        with self._guard_workflow():
            self.sudo().reception_visit_id = visit

    def action_reception_add_order_phone(self):
        """LP-30: add the order's number to the visit entry, as the same person."""
        for lead in self:
            lead.reception_visit_id._add_order_phone(lead)
        return True

    @api.model
    def _cron_reception_reconcile(self):
        """LP-30: orders won yesterday (company time) whose number is still missing from
        their visit entry fine their salesperson."""
        offences = []
        for company in self.env["res.company"].search([]):
            tz = company._reception_tz()
            today = company._reception_local(fields.Datetime.now()).date()
            day = today - timedelta(days=1)
            start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc)
            end = tz.localize(datetime.combine(today, time.min)).astimezone(pytz.utc)
            leads = self.sudo().search(
                [
                    ("company_id", "in", (company.id, False)),
                    ("reception_visit_id", "!=", False),
                    ("won_status", "=", "won"),
                    ("date_closed", ">=", start.replace(tzinfo=None)),
                    ("date_closed", "<", end.replace(tzinfo=None)),
                ]
            )
            Registration = self.env["lead.protection.registration"]
            for lead in leads:
                visit = lead.reception_visit_id
                order_phone = Registration._lead_phone(lead)
                if lead.user_id and reception.reconciliation_due(
                    order_phone, [visit.phone, visit.extra_phone]
                ):
                    offences.append(
                        {
                            "rule": "LP-30",
                            "offender_id": lead.user_id.id,
                            "company_id": company.id,
                            "team_id": (lead.team_id or visit.team_id).id,
                            "visit_id": visit.id,
                            "lead_id": lead.id,
                            "note": self.env._(
                                "The number of order %(order)s was not added to the visit "
                                "entry the day of the sale.",
                                order=lead.name,
                            ),
                        }
                    )
        self.env["lead.reception.offence"]._report_automatic(offences)

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import split_every


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "incentive.guard.mixin"]

    # Who may change what: the neglect flag is set by its cron (LP-14) and cleared by the
    # manager's reassignment; registrations are made by the registration wizard (LP-1).
    _guarded_fields = ("protection_neglected", "protection_registration_ids")

    protection_registration_ids = fields.One2many(
        "lead.protection.registration", "lead_id", string="Registrations"
    )
    protection_neglected = fields.Boolean(
        string="Neglected",
        readonly=True,
        index=True,
        help="LP-14: no visit, meeting, call or message logged for the configured months.",
    )

    def action_protection_register(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register Customer"),
            "res_model": "lead.protection.register",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": "crm.lead", "active_ids": self.ids},
        }

    def action_protection_claim(self):
        if len(self) != 1:
            raise UserError(self.env._("A late claim is made on one won deal at a time."))
        self.env["lead.protection.claim"]._submit(self)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Late Claim"),
                "message": self.env._("Your claim was filed for your manager's approval."),
                "type": "success",
            },
        }

    def action_set_won(self):
        res = super().action_set_won()
        registrations = self.sudo().protection_registration_ids.filtered(
            lambda reg: reg.kind_id.requires_contract
        )
        registrations._mark_contracted()
        cases = (
            self.env["lead.protection.collision"]
            .sudo()
            .search(
                [
                    ("deal_lead_id", "in", self.ids),
                    ("state", "=", "resolved"),
                    ("commission_booked", "=", False),
                ]
            )
        )
        cases._book_commissions()
        return res

    @api.model
    def _cron_flag_neglected(self, batch_size=1000):
        """LP-14: flag open leads with no service logged for the configured months.

        The database compares each lead's last service with its flag and returns only the
        leads whose flag changes; they are written in batches committed with the job's
        progress (a crash keeps the batches written, the next run finds the rest).
        :return: the leads flagged by this run
        """
        self.env.cr.execute(
            """
            SELECT lead.id, NOT COALESCE(lead.protection_neglected, false)
              FROM crm_lead lead
              JOIN res_company company ON company.id = lead.company_id
         LEFT JOIN mail_message msg
                ON msg.model = 'crm.lead' AND msg.res_id = lead.id
               AND msg.message_type IN ('comment', 'email')
         LEFT JOIN calendar_event event ON event.opportunity_id = lead.id
             WHERE lead.active AND lead.won_status != 'won'
          GROUP BY lead.id, company.protection_neglect_months
            HAVING (GREATEST(MAX(msg.date), MAX(event.start), lead.create_date)
                    + make_interval(months => COALESCE(company.protection_neglect_months, 0))
                    <= %s) IS DISTINCT FROM COALESCE(lead.protection_neglected, false)
            """,
            [fields.Datetime.now()],
        )
        changes = self.env.cr.fetchall()
        Cron = self.env["ir.cron"]
        Cron._suite_progress(remaining=len(changes))
        flagged = self.browse()
        for batch in split_every(batch_size, changes):
            neglected = self.browse([lead_id for lead_id, flag in batch if flag])
            with self._guard_workflow():
                neglected.write({"protection_neglected": True})
                self.browse([lead_id for lead_id, flag in batch if not flag]).write(
                    {"protection_neglected": False}
                )
            flagged |= neglected
            if not Cron._suite_progress(len(batch)):
                break
        return flagged

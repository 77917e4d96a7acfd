# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import split_every

from ..tools import windows


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
        help="LP-14: not served (home visit, attended meeting, call that reached the customer) "
        "for the configured months.",
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
        """LP-14: flag the registered, open leads not served for the configured months.

        Registered: the lead's salesperson registered it (protected, contract signed, or
        expired but still followed up, as LP-4 counts it).

        Service is a done activity of a type flagged as service (home visit, a call that
        reached the customer) or a meeting of the lead the customer accepted, held by now;
        a message, an unanswered invitation or a to-do is not service. The period counts as
        LP-3 does, in the company's time zone: served on day D, the customer is covered
        through the same date ``months`` later (art. 202), and neglected the day after. The
        current holder is covered from the day he got the customer.

        One SQL query reads the registered, open leads only, does the date test and returns
        only the leads whose flag changes (and the flagged leads no longer registered or open):
        a run where nothing changed sends nothing to Python and writes nothing. The changes
        are written in batches committed with the job's progress (``ir.cron._commit_progress``):
        a crash or a timeout keeps the batches written; the next run reads what is left from
        the flags themselves, so nothing is lost or written twice.

        :return: the leads this run flagged
        """
        now = fields.Datetime.now()
        self.env.flush_all()
        self.env.cr.execute(
            """
            WITH held AS (
                SELECT reg.lead_id, MAX(reg.held_since) AS since
                  FROM lead_protection_registration reg
                  JOIN crm_lead registered
                    ON registered.id = reg.lead_id AND registered.user_id = reg.user_id
                 WHERE reg.state IN ('active', 'contracted', 'expired')
              GROUP BY reg.lead_id
            ), lead AS (
                SELECT lead.id, lead.partner_id, held.since, lead.protection_neglected,
                       company.protection_neglect_months AS months,
                       COALESCE(NULLIF(company_partner.tz, ''), %(default_tz)s) AS tz
                  FROM crm_lead lead
                  JOIN held ON held.lead_id = lead.id
                  JOIN res_company company ON company.id = lead.company_id
                  JOIN res_partner company_partner ON company_partner.id = company.partner_id
                 WHERE lead.active AND lead.won_status = 'pending'
            ), service AS (
                SELECT lead.id AS lead_id,
                       -- the done moment in company time; Odoo's UTC done date bounds it
                       LEAST(
                           (COALESCE(activity.protection_done_at, activity.date_done)
                               AT TIME ZONE 'UTC' AT TIME ZONE lead.tz)::date,
                           activity.date_done + 1
                       ) AS day
                  FROM lead
                  JOIN mail_activity activity
                    ON activity.res_model = 'crm.lead' AND activity.res_id = lead.id
                   AND NOT activity.active AND activity.date_done IS NOT NULL
                  JOIN mail_activity_type activity_type
                    ON activity_type.id = activity.activity_type_id
                   AND activity_type.protection_service
             UNION ALL
                SELECT lead.id,
                       (event.start AT TIME ZONE 'UTC' AT TIME ZONE lead.tz)::date
                  FROM lead
                  JOIN calendar_event event
                    ON event.opportunity_id = lead.id AND event.active
                   AND event.start <= %(now)s
                  JOIN calendar_attendee attendee
                    ON attendee.event_id = event.id AND attendee.state = 'accepted'
                   AND attendee.partner_id = lead.partner_id
            ), watched AS (
                SELECT lead.id, COALESCE(lead.protection_neglected, FALSE) AS flagged,
                       COALESCE(
                           GREATEST(
                               MAX(service.day),
                               (lead.since AT TIME ZONE 'UTC' AT TIME ZONE lead.tz)::date
                           ) + make_interval(months => lead.months)
                           < (%(now)s::timestamp AT TIME ZONE 'UTC' AT TIME ZONE lead.tz)::date,
                           FALSE
                       ) AS neglected
                  FROM lead
             LEFT JOIN service ON service.lead_id = lead.id
              GROUP BY lead.id, lead.since, lead.months, lead.tz, lead.protection_neglected
            )
            SELECT id, neglected FROM watched WHERE neglected <> flagged
             UNION ALL
            -- flagged, but no longer registered or no longer open: not neglected any more
            SELECT flagged.id, FALSE
              FROM crm_lead flagged
             WHERE flagged.protection_neglected
               AND NOT EXISTS (SELECT 1 FROM watched WHERE watched.id = flagged.id)
          ORDER BY 1
            """,
            {"now": now, "default_tz": windows.DEFAULT_TZ},
        )
        changes = self.env.cr.fetchall()
        Cron = self.env["ir.cron"]
        Cron._suite_progress(remaining=len(changes))
        flagged = []
        for batch in split_every(batch_size, changes):
            to_flag = [lead_id for lead_id, neglected in batch if neglected]
            with self._guard_workflow():
                self.browse(to_flag).write({"protection_neglected": True})
                self.browse([lead_id for lead_id, neglected in batch if not neglected]).write(
                    {"protection_neglected": False}
                )
            flagged += to_flag
            if not Cron._suite_progress(len(batch)):
                break
        return self.browse(flagged)

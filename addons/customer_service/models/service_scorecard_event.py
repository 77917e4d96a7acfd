# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError


class ServiceScorecardEvent(models.Model):
    _inherit = "service.scorecard.event"

    # SC-9, SC-10: set when a complaint or a survey creates its event, never by hand.
    _guarded_fields = ("cs_source_key",)

    cs_source_key = fields.Char(
        string="Customer Service Source",
        readonly=True,
        copy=False,
        help="SC-9, SC-10: the complaint or quarter survey that created this event; each "
        "creates its event once.",
    )

    _cs_source_key_unique = models.UniqueIndex(
        "(cs_source_key) WHERE cs_source_key IS NOT NULL",
        "A complaint or survey creates its scorecard event once.",
    )

    @api.model
    def _create_once(self, source_key, vals, confirm=False, evidence=None):
        """Create the event of ``source_key`` unless it exists (SC-9, SC-10); its evidence
        is the record that created it. A concurrent duplicate is retryable."""
        existing = self.search([("cs_source_key", "=", source_key)], limit=1)
        if existing:
            return existing
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{source_key}.txt",
                "datas": base64.b64encode((evidence or vals["name"]).encode()),
                "mimetype": "text/plain",
            }
        )
        try:
            with self.env.cr.savepoint():
                event = self.create(
                    dict(vals, cs_source_key=source_key, evidence_ids=[(6, 0, attachment.ids)])
                )
        except errors.UniqueViolation as error:
            raise ConcurrencyError(str(error)) from error
        if confirm:
            event.action_confirm()
        return event

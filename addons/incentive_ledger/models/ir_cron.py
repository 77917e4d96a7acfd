# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrCron(models.Model):
    _inherit = "ir.cron"

    @api.model
    def _suite_progress(self, processed=0, remaining=None):
        """The suite's jobs report each committed batch through this.

        Inside a cron job: ``_commit_progress`` (commit the batch with its progress; the job
        is rescheduled at once while work remains). Called directly (a test, a shell, a
        button), only flush: the caller's transaction decides when to commit.
        :return: the seconds left to the job (infinite outside a job)
        """
        if self.env.context.get("ir_cron_progress_id"):
            return self._commit_progress(processed, remaining=remaining)
        self.env.flush_all()
        return float("inf")

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivityMixin(models.AbstractModel):
    _inherit = "mail.activity.mixin"

    def activity_schedule(
        self, act_type_xmlid="", date_deadline=None, summary="", note="", **act_values
    ):
        """Activities are read by their assignee: the summary and note that come from the
        activity type are written in the assignee's language, not in the language of whoever
        (or whichever scheduled job, running in English) schedules them."""
        user = self.env["res.users"].browse(act_values.get("user_id") or ()).sudo()
        lang = user.lang
        if not lang or lang == self.env.lang:
            return super().activity_schedule(
                act_type_xmlid, date_deadline, summary, note, **act_values
            )
        activities = super(MailActivityMixin, self.with_context(lang=lang)).activity_schedule(
            act_type_xmlid, date_deadline, summary, note, **act_values
        )
        return activities.with_env(self.env) if activities else activities

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _suite_lang(self, partners=None):
        """The language of text the suite writes on this record for people (the rule of
        the readme, "Languages"): the language of the people it is addressed to
        (``partners``), else of the record's internal followers, when they all share one;
        otherwise the language of the record's company (its partner), then the acting
        user's."""
        self.ensure_one()
        readers = (partners or self.env["res.partner"]).sudo()
        if not readers:
            readers = self.sudo().message_partner_ids.filtered(
                lambda partner: not partner.partner_share
            )
        langs = set(readers.mapped("lang")) - {False}
        if len(langs) == 1:
            return langs.pop()
        company = self.sudo().company_id if "company_id" in self._fields else None
        company = company or self.env.company
        return company.partner_id.lang or self.env.lang or "en_US"

    def _suite_message_post(self, body, partners=None, **kwargs):
        """Post ``body(env)`` on each record in the language of its readers
        (:meth:`_suite_lang`): ``body`` is a function of an environment in that language,
        e.g. ``lambda env: env._("Admitted by %(user)s.", user=...)``. ``partners``
        (default: the ``partner_ids`` notified) are the people it is written for."""
        messages = self.env["mail.message"]
        if partners is None and kwargs.get("partner_ids"):
            partners = self.env["res.partner"].browse(kwargs["partner_ids"])
        for record in self:
            lang = record._suite_lang(partners)
            text = body(record.with_context(lang=lang).env)
            messages |= record.message_post(body=text, **kwargs)
        return messages

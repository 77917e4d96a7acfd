# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import models
from odoo.tools import SQL, clean_context
from odoo.tools.mail import generate_tracking_message_id


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

    # --- Chatter of a batch of new records in constant queries

    def _suite_quiet_create(self):
        """For a ``create`` override that writes the chatter of its batch with
        :meth:`_suite_log_creation`: ``(quiet, subscribe, log)``, where ``quiet`` is this
        model with mail's per-record creation work turned off (the follower, the note, the
        look-up of a tracking template, which the suite's models do not have) and
        ``subscribe``/``log`` say what the caller's context asked mail to do::

            quiet, subscribe, log = self._suite_quiet_create()
            records = super(MyModel, quiet).create(vals_list).with_env(self.env)
            records._suite_log_creation(subscribe=subscribe, log=log)
        """
        context = self.env.context
        chatter = not context.get("tracking_disable")
        quiet = self.with_context(
            mail_create_nosubscribe=True, mail_create_nolog=True, mail_notrack=True
        )
        return (
            quiet,
            chatter and not context.get("mail_create_nosubscribe"),
            chatter and not context.get("mail_create_nolog"),
        )

    def _suite_log_creation(self, subscribe=True, log=True):
        """Do for these new records what ``mail.thread.create`` does, in a few queries for
        the whole batch instead of ORM creates: the creating user follows them with his
        default subtypes (``subscribe``) and each gets its "<Document> created" note
        (``log``), with exactly the values of ``_message_log_batch`` (a model with a
        creation subtype posts its notification as mail does).

        For batch paths whose records are created with ``mail_create_nosubscribe`` and
        ``mail_create_nolog``: through the ORM, a note and a follower cost about 1 ms a
        record (the inverse caches of ``res_id``, the HTML sanitizer, one cache
        invalidation per message), the better part of a batch registration. No access is
        checked: call it, like mail's own batch log, on records the caller just created.
        """
        if not self or not (subscribe or log):
            return
        cr = self.env.cr
        user = self.env.user
        if subscribe and user.active and not user.share:
            Followers = self.env["mail.followers"].sudo()
            default_subtypes = self.env["mail.message.subtype"].default_subtypes(self._name)[0]
            Followers.flush_model()
            cr.execute(
                SQL(
                    """INSERT INTO mail_followers (res_model, res_id, partner_id)
                       SELECT %s, res_id, %s FROM unnest(%s::int4[]) AS res_id
                       ON CONFLICT DO NOTHING
                       RETURNING id""",
                    self._name,
                    user.partner_id.id,
                    self.ids,
                )
            )
            follower_ids = [row[0] for row in cr.fetchall()]
            subtypes = Followers._fields["subtype_ids"]
            if follower_ids and default_subtypes:
                cr.execute(
                    SQL(
                        """INSERT INTO %s (%s, %s)
                           SELECT follower_id, subtype_id
                             FROM unnest(%s::int4[]) AS follower_id
                            CROSS JOIN unnest(%s::int4[]) AS subtype_id""",
                        SQL.identifier(subtypes.relation),
                        SQL.identifier(subtypes.column1),
                        SQL.identifier(subtypes.column2),
                        follower_ids,
                        default_subtypes.ids,
                    )
                )
        if log:
            noted = self.filtered(lambda record: not record._creation_subtype())
            for record in self - noted:
                # A creation subtype notifies its followers: mail's own way, one by one.
                record.sudo().message_post(
                    subtype_id=record._creation_subtype().id,
                    author_id=user.partner_id.id,
                    body=Markup('<div summary="o_mail_notification"><p>%s</p></div>')
                    % record._creation_message(),
                )
            noted._suite_log_creation_notes()
        self.invalidate_recordset(
            [
                name
                for name in (
                    "message_ids",
                    "message_follower_ids",
                    "message_partner_ids",
                    "message_is_follower",
                    "message_needaction",
                    "message_needaction_counter",
                    "has_message",
                )
                if name in self._fields
            ]
        )

    def _suite_log_creation_notes(self):
        """The "<Document> created" notes of ``_suite_log_creation``, in one INSERT."""
        if not self:
            return
        cr = self.env.cr
        now = cr.now()
        Message = self.env["mail.message"].sudo().with_context(clean_context(self.env.context))
        author_id, email_from = self._message_compute_author()
        values = {
            "author_id": author_id,
            "email_from": email_from,
            "model": self._name,
            "record_alias_domain_id": False,
            "record_company_id": False,
            "message_type": "notification",
            "is_internal": True,
            "subject": False,
            "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
            "email_add_signature": False,
            "message_id": generate_tracking_message_id("message-notify"),
            "reply_to": self.env["mail.thread"]._notify_get_reply_to(
                default=email_from, author_id=author_id
            )[False],
            "date": now,
            "create_uid": self.env.uid,
            "create_date": now,
            "write_uid": self.env.uid,
            "write_date": now,
        }
        # The defaults of the other stored columns (other addons' too).
        stored = [
            name
            for name, field in Message._fields.items()
            if field.store and field.column_type and name not in values
            if name not in ("id", "res_id", "body")
        ]
        values.update(Message.default_get(stored))
        columns = [name for name in values if Message._fields[name].column_type]
        body = Message._fields["body"]
        if type(self)._creation_message is type(self.env["mail.thread"])._creation_message:
            # Not specific to the record ("<Document> created"): written once.
            texts = [escape(self[:1]._creation_message())] * len(self)
        else:
            texts = [escape(record._creation_message()) for record in self]
        # The same note on every record: sanitize each text once.
        bodies = {text: body.convert_to_column_insert(text, Message) for text in set(texts)}
        Message.flush_model()
        cr.execute(
            SQL(
                """INSERT INTO mail_message (%s, res_id, body)
                   SELECT %s, new.res_id, new.body
                     FROM unnest(%s::int4[], %s::text[]) AS new(res_id, body)""",
                SQL(", ").join(SQL.identifier(name) for name in columns),
                SQL(", ").join(
                    Message._fields[name].convert_to_column_insert(values[name], Message)
                    for name in columns
                ),
                self.ids,
                [bodies[text] for text in texts],
            )
        )

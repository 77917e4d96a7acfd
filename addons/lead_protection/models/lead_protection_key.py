# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import identity


class LeadProtectionKey(models.Model):
    """One identity key (phone, e-mail, company, household) protected by a registration.

    Technical: nobody reads it but the code, through SQL that sees every registration and
    returns only a verdict (LP-2). While a registration protects, its keys are active, and a
    partial unique index makes a key active at most once per company (LP-5): two workers
    registering the same customer at the same instant cannot both own it.
    """

    _name = "lead.protection.key"
    _inherit = ["lead.protection.guard.mixin"]
    _description = "Protected Customer Key"
    _log_access = False

    # Only the registration workflow creates and moves keys (LP-2, LP-5).
    _guarded_fields = (
        "registration_id",
        "company_id",
        "key_type",
        "key_value",
        "user_id",
        "active",
    )
    _guard_unlink = "_guard_deletable"

    registration_id = fields.Many2one(
        "lead.protection.registration", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one("res.company", required=True)
    key_type = fields.Selection(
        [
            (identity.PHONE, "Phone"),
            (identity.EMAIL, "E-mail"),
            (identity.COMPANY, "Company"),
            (identity.HOUSEHOLD, "Household"),
        ],
        required=True,
    )
    key_value = fields.Char(required=True)
    user_id = fields.Many2one("res.users", required=True, help="The registration's salesperson.")
    active = fields.Boolean(default=True)
    protected_until = fields.Datetime(
        help="The instant protection ends: 24:00 of the registration's last day in the "
        "company's time zone (LP-3, LP-4). Empty: until the registration changes state "
        "(a signed contract)."
    )

    # The collision check reads only this index (the owner and the end of protection are
    # included in it): one index-only probe per key, whatever the number of registrations.
    # A key past its end instant protects nothing even before the expiry job deactivates it;
    # the next registration of the same values deactivates it in its own transaction.
    _one_active_owner = models.UniqueIndex(
        "(company_id, key_type, key_value) INCLUDE (registration_id, user_id, protected_until) "
        "WHERE active",
        "This customer is already protected by another registration.",
    )

    # The history of who registered whom (inactive keys too): LP-4's "still followed up",
    # LP-10's "did he ever register this customer", without reading the whole table.
    _customer_history = models.Index("(company_id, key_type, key_value)")

    def _guard_deletable(self):
        """Keys are the history of who registered whom (LP-10): never deleted directly."""
        return self.browse()

    @api.model
    def _insert_rows(self, rows):
        """Insert the keys of a batch of registrations in one statement (LP-1, LP-5).

        ``rows``: (registration id, company id, key type, key value, user id, active,
        protected until) tuples, decided by the registration workflow (the only writer of
        keys). Keys have no computed field, default or Python constraint to run; the
        database's constraints hold (the partial unique index raises UniqueViolation when
        another worker took a key first). Through the ORM the keys of a batch of 1,000
        registrations cost about a tenth of the batch.
        """
        if not rows:
            return
        self.env.cr.execute(
            """
            INSERT INTO lead_protection_key
                   (registration_id, company_id, key_type, key_value, user_id, active,
                    protected_until)
            SELECT * FROM unnest(%s::int4[], %s::int4[], %s::varchar[], %s::varchar[],
                                 %s::int4[], %s::bool[], %s::timestamp[])
            """,
            [list(column) for column in zip(*rows, strict=True)],
        )
        self.env["lead.protection.registration"].browse(
            {row[0] for row in rows}
        ).invalidate_recordset(["key_ids"])

    @api.model
    def _registered_by(self, user_id, company_id, keys):
        """Whether ``user_id`` ever registered a customer with one of ``keys``."""
        keys = list(keys)
        if not keys:
            return False
        self.flush_model()
        self.env.cr.execute(
            """
            SELECT 1
              FROM lead_protection_key key
             WHERE key.user_id = %s
               AND key.company_id = %s
               AND (key.key_type, key.key_value) IN (
                    SELECT * FROM unnest(%s::varchar[], %s::varchar[]))
             LIMIT 1
            """,
            [user_id, company_id, [key[0] for key in keys], [key[1] for key in keys]],
        )
        return bool(self.env.cr.fetchone())

    @api.model
    def _still_followed_up(self, registrations_keys):
        """LP-4: expired registrations whose salesperson still follows the customer up.

        :param registrations_keys: list of (new registration, company id, keys)
        :return: {new registration: [ids of such expired registrations of someone else]}
        """
        rows = [
            (registration.id, registration.user_id.id, company_id, key_type, key_value)
            for registration, company_id, keys in registrations_keys
            for key_type, key_value in keys
        ]
        if not rows:
            return {}
        self.flush_model()
        self.env["lead.protection.registration"].flush_model(["state", "lead_id", "user_id"])
        self.env["crm.lead"].flush_model(["active", "won_status", "user_id"])
        self.env.cr.execute(
            """
            SELECT DISTINCT new.registration_id, reg.id
              FROM unnest(%s::int[], %s::int[], %s::int[], %s::varchar[], %s::varchar[])
                   AS new(registration_id, user_id, company_id, key_type, key_value)
              JOIN lead_protection_key key
                ON key.company_id = new.company_id AND key.key_type = new.key_type
               AND key.key_value = new.key_value AND NOT key.active
              JOIN lead_protection_registration reg
                ON reg.id = key.registration_id AND reg.state = 'expired'
               AND reg.user_id != new.user_id
              JOIN crm_lead lead
                ON lead.id = reg.lead_id AND lead.active AND lead.won_status = 'pending'
               AND lead.user_id = reg.user_id
            """,
            [list(column) for column in zip(*rows, strict=True)],
        )
        result = {}
        Registration = self.env["lead.protection.registration"]
        for new_id, old_id in self.env.cr.fetchall():
            result.setdefault(Registration.browse(new_id), []).append(old_id)
        return result

    @api.model
    def _company_tz(self, company):
        """The company's time zone, the one that decides day D (LP-3)."""
        return pytz.timezone(company._protection_tz())

    @api.model
    def _company_today(self, company):
        """Today in the company's time zone (not the user's, not OdooBot's)."""
        now = pytz.utc.localize(fields.Datetime.now())
        return now.astimezone(self._company_tz(company)).date()

    @api.model
    def _end_instant(self, last_day, company):
        """UTC instant (naive, as the ORM stores it) of 24:00 of ``last_day`` in the company's
        time zone: the end of protection (PRC Civil Code art. 201-203)."""
        local = self._company_tz(company).localize(
            datetime.combine(last_day + timedelta(days=1), time.min)
        )
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _flush_pending(self):
        """Flush the keys only when some of their fields are pending: an empty flush_model
        still walks the model's fields, a cost paid at every collision check."""
        transaction = self.env.transaction
        if any(
            field.model_name == self._name
            for field in (*transaction.field_dirty, *transaction.tocompute)
        ):
            self.flush_model()

    # Above this many keys, the keys are given as arrays (see _values_sql).
    _VALUES_LIST_MAX = 16

    @api.model
    def _values_sql(self, keys):
        """The (type, value) pairs of ``keys`` for ``(key_type, key_value) IN (...)``.

        The keys of one customer as a literal ``VALUES`` list: it plans faster than
        ``unnest`` of two arrays (0.05 ms instead of 0.13 ms at every collision check). The
        keys of a batch as ``unnest`` of two arrays: for a long ``VALUES`` list the planner
        hashes it and scans the whole table (50 ms for 2,000 keys among 100,000, growing
        with the table), for the arrays it probes the index key by key (3 ms).
        """
        keys = list(keys)
        if len(keys) > self._VALUES_LIST_MAX:
            return SQL(
                "SELECT * FROM unnest(%s::varchar[], %s::varchar[])",
                [key[0] for key in keys],
                [key[1] for key in keys],
            )
        rows = SQL(", ").join(SQL("(%s, %s)", key_type, value) for key_type, value in keys)
        return SQL("VALUES %s", rows)

    @api.model
    def _find_active(self, company_id, keys, now=None):
        """Keys among ``keys`` protecting right now, in one index-only round trip.

        A key still active past its end instant (the expiry job has not run yet) protects
        nothing: protection ends at 24:00 of the last day, in real time.
        :param keys: iterable of (key type, key value)
        :return: list of (key type, key value, registration id, user id)
        """
        keys = list(keys)
        if not keys:
            return []
        self._flush_pending()
        self.env.cr.execute(
            SQL(
                """
                SELECT key.key_type, key.key_value, key.registration_id, key.user_id
                  FROM lead_protection_key key
                 WHERE key.active
                   AND key.company_id = %s
                   AND (key.key_type, key.key_value) IN (%s)
                   AND (key.protected_until IS NULL OR key.protected_until > %s)
                """,
                company_id,
                self._values_sql(keys),
                now or fields.Datetime.now(),
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _release_and_find(self, company_id, keys, now=None):
        """:meth:`_release_ended` then :meth:`_find_active`, in one index-only round trip
        when no key among ``keys`` has ended (the usual case): the active keys are read
        with their end, and only the ended ones are released.

        :return: list of (key type, key value, registration id, user id) protecting now
        """
        keys = list(keys)
        if not keys:
            return []
        now = now or fields.Datetime.now()
        self._flush_pending()
        self.env.cr.execute(
            SQL(
                """
                SELECT key.key_type, key.key_value, key.registration_id, key.user_id,
                       key.protected_until IS NULL OR key.protected_until > %s
                  FROM lead_protection_key key
                 WHERE key.active
                   AND key.company_id = %s
                   AND (key.key_type, key.key_value) IN (%s)
                """,
                now,
                company_id,
                self._values_sql(keys),
            )
        )
        rows = self.env.cr.fetchall()
        ended = [(key_type, key_value) for key_type, key_value, *_rest, on in rows if not on]
        if ended:
            self._release_ended(company_id, ended, now=now)
        return [row[:4] for row in rows if row[4]]

    @api.model
    def _release_ended(self, company_id, keys, now=None):
        """Deactivate the keys among ``keys`` whose protection ended (not yet expired by the
        job), so that a new registration of the same customer may take them; the
        registrations they protected are expired (LP-4). One statement on the index.

        :return: the registrations expired here
        """
        keys = list(keys)
        if not keys:
            return self.env["lead.protection.registration"]
        self._flush_pending()
        self.env.cr.execute(
            SQL(
                """
                UPDATE lead_protection_key key
                   SET active = false
                 WHERE key.active
                   AND key.company_id = %s
                   AND (key.key_type, key.key_value) IN (%s)
                   AND key.protected_until <= %s
             RETURNING key.registration_id
                """,
                company_id,
                self._values_sql(keys),
                now or fields.Datetime.now(),
            )
        )
        registration_ids = {row[0] for row in self.env.cr.fetchall()}
        if not registration_ids:
            return self.env["lead.protection.registration"]
        self.invalidate_model(["active"])
        registrations = self.env["lead.protection.registration"].sudo().browse(registration_ids)
        return registrations._expire()

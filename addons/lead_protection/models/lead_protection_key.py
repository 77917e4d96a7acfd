# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

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

    # The collision check reads only this index (the owner is included in it): one index-only
    # probe per key, whatever the number of registrations.
    _one_active_owner = models.UniqueIndex(
        "(company_id, key_type, key_value) INCLUDE (registration_id, user_id) WHERE active",
        "This customer is already protected by another registration.",
    )

    def _guard_deletable(self):
        """Keys are the history of who registered whom (LP-10): never deleted directly."""
        return self.browse()

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
    def _find_active(self, company_id, keys):
        """Active keys among ``keys`` in one index-only round trip.

        :param keys: iterable of (key type, key value)
        :return: list of (key type, key value, registration id, user id)
        """
        keys = list(keys)
        if not keys:
            return []
        self.flush_model()
        self.env.cr.execute(
            """
            SELECT key.key_type, key.key_value, key.registration_id, key.user_id
              FROM lead_protection_key key
             WHERE key.active
               AND key.company_id = %s
               AND (key.key_type, key.key_value) IN (
                    SELECT * FROM unnest(%s::varchar[], %s::varchar[]))
            """,
            [company_id, [key[0] for key in keys], [key[1] for key in keys]],
        )
        return self.env.cr.fetchall()

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError


class EventInvitationKey(models.Model):
    """A customer key held by the invitation that keeps the customer at an event (EV-2).

    Technical, written by the coordinator's duplicate check only, which locks the event's
    row first (``SELECT ... FOR UPDATE``): two checks of one event run one after the other,
    and the second finds the keys the first kept. One division may hold a key several times
    (two members of one household invited by the same division).
    """

    _name = "event.invitation.key"
    _description = "Kept Customer Key of a Joint Event"
    _log_access = False

    invitation_id = fields.Many2one(
        "event.invitation", required=True, ondelete="cascade", index=True
    )
    event_id = fields.Many2one("event.event", required=True, ondelete="cascade")
    division_id = fields.Many2one("event.invitation.division", required=True, ondelete="cascade")
    key_type = fields.Char(required=True)
    key_value = fields.Char(required=True)

    _one_division = models.UniqueIndex(
        "(event_id, key_type, key_value, division_id)",
        "This customer key is already held by this division.",
    )

    @api.model
    def _hold(self, invitations, keys):
        """Let ``invitations`` hold their customers' keys; a key held by another
        division of the same event means a concurrent check: retry."""
        rows = []
        for inv in invitations:
            held = {(key.key_type, key.key_value) for key in inv.key_ids}
            for key_type, key_value in keys[inv]:
                if (key_type, key_value) not in held:
                    rows.append(
                        {
                            "invitation_id": inv.id,
                            "event_id": inv.event_id.id,
                            "division_id": inv.division_id.id,
                            "key_type": key_type,
                            "key_value": key_value,
                        }
                    )
        if not rows:
            return self.browse()
        self.flush_model()
        self.env.cr.execute(
            """
            SELECT 1 FROM event_invitation_key key
              JOIN unnest(%s::int[], %s::int[], %s::varchar[], %s::varchar[])
                   AS new(event_id, division_id, key_type, key_value)
                ON key.event_id = new.event_id AND key.key_type = new.key_type
               AND key.key_value = new.key_value AND key.division_id != new.division_id
             LIMIT 1
            """,
            [
                [row["event_id"] for row in rows],
                [row["division_id"] for row in rows],
                [row["key_type"] for row in rows],
                [row["key_value"] for row in rows],
            ],
        )
        if self.env.cr.fetchone():
            raise ConcurrencyError("A customer was kept by two divisions at once, retrying")
        try:
            with self.env.cr.savepoint():
                return self.sudo().create(rows)
        except psycopg2.errors.UniqueViolation as error:
            raise ConcurrencyError("Customer keys held concurrently, retrying") from error

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EventInvitationDivision(models.Model):
    """A division taking part in a joint event, in the configured order (EV-1).

    A division is a sales team (crm.team): its leader is the division manager who files the
    lists and answers for them (EV-4); its members are the salespeople who invite.
    """

    _name = "event.invitation.division"
    _description = "Joint-event Division"
    _order = "event_id, sequence, id"
    _check_company_auto = True

    event_id = fields.Many2one("event.event", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    sequence = fields.Integer(
        default=10,
        help="EV-1: the first division plans one day ahead of the next ones and, on a tie, "
        "keeps the customer (EV-2).",
    )
    team_id = fields.Many2one(
        "crm.team", string="Division", required=True, check_company=True, ondelete="restrict"
    )
    manager_user_id = fields.Many2one(
        related="team_id.user_id", string="Division Manager", store=True
    )

    _unique_team = models.UniqueIndex(
        "(event_id, team_id)", "A division takes part in an event only once."
    )

    def _rank(self):
        """0 for the first division of its event, 1 for the next..."""
        self.ensure_one()
        return list(self.event_id.invitation_division_ids).index(self)

    def _is_manager(self, user):
        return user == self.manager_user_id

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import identity, rotation


class LeadProtectionRotation(models.Model):
    """LP-15: the walk-in reception rotation of a sales team."""

    _name = "lead.protection.rotation"
    _description = "Reception Rotation"
    _inherit = ["mail.thread", "lead.protection.guard.mixin"]
    _rec_name = "team_id"

    # Who may change what: the team's manager sets up the rotation (members, order,
    # receptionists); the turn moves only by receiving a walk-in (LP-15).
    _guarded_fields = ("position", "company_id")
    _guard_frozen_fields = {
        "team_id": "_guard_managed_records",
        "line_ids": "_guard_managed_records",
        "receptionist_ids": "_guard_managed_records",
    }
    _guard_unlink = "_guard_managed_records"
    _protection_ranges = {"position": (0, None)}

    team_id = fields.Many2one("crm.team", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="team_id.company_id", store=True, readonly=True)
    line_ids = fields.One2many("lead.protection.rotation.line", "rotation_id", string="Turn Order")
    position = fields.Integer(default=0, readonly=True, help="Index of the next turn in the order.")
    receptionist_ids = fields.Many2many(
        "res.users",
        string="Receptionists",
        help="Besides the team's manager, who receives walk-in customers and records who is "
        "busy or absent (LP-15).",
    )

    _team_unique = models.Constraint("UNIQUE (team_id)", "A team has one reception rotation.")
    _position_positive = models.Constraint(
        "CHECK (position >= 0)", "The position in the rotation cannot be negative."
    )

    def _guard_managed_records(self):
        """The rotations of the teams the current user manages."""
        return self._protection_managed()

    def write(self, vals):
        # The team is chosen when its manager creates the rotation: moving a rotation to
        # another team would hand that team's reception to this one's manager.
        if "team_id" in vals and not self._guard_bypassed():
            self._guard_raise(["team_id"])
        return super().write(vals)

    def _guard_hint(self):
        return self.env._(
            "The team's manager sets up the rotation; the turn moves by receiving a walk-in."
        )

    def _receives(self):
        """Whether the current user runs this rotation's reception: its team's manager or
        one of its receptionists (LP-15)."""
        self.ensure_one()
        return bool(self._protection_managed()) or self.env.user in self.sudo().receptionist_ids

    def _check_receives(self):
        for rotation_record in self:
            if not rotation_record._receives():
                raise UserError(
                    self.env._(
                        "Only the manager of %(team)s or its receptionists run its reception "
                        "(LP-15).",
                        team=rotation_record.sudo().team_id.display_name,
                    )
                )

    def _receive(self, named_user=None, phone=None, company_name=None):
        """Who receives the next walk-in customer; moves the rotation (LP-15)."""
        self._protection_single()
        self._check_receives()
        # Two receptionists at once would both give the same turn: one waits for the other.
        self._protection_lock()
        rotation_record = self.sudo()
        lines = rotation_record.line_ids.sorted("sequence")
        order = lines.user_id.ids
        known_owner = None
        keys = []
        if phone:
            cleaned, error = identity.clean_phone_input(phone)
            if not error:
                country = self.env.company._protection_phone_country()
                keys += identity.customer_keys(
                    phone=self.env["crm.lead"]._phone_format(number=cleaned, country=country)
                )
        if company_name:
            keys += identity.customer_keys(company_name=company_name)
        hits = (
            self.env["lead.protection.key"]
            .sudo()
            ._find_active((rotation_record.company_id or self.env.company).id, keys)
        )
        if hits:
            known_owner = hits[0][3]
        receiver, position, owed = rotation.next_receiver(
            order,
            rotation_record.position % len(order) if order else 0,
            busy={line.user_id.id for line in lines if line.status == rotation.BUSY},
            absent={line.user_id.id for line in lines if line.status == rotation.ABSENT},
            owed=lines.filtered("owed").sorted("owed_since").user_id.ids,
            named=named_user.id if named_user else None,
            known_owner=known_owner,
        )
        if receiver is None:
            raise UserError(self.env._("Nobody of the team is available to receive."))
        now = fields.Datetime.now()
        with self._guard_workflow("lead.protection.rotation.line"):
            for line in lines:
                is_owed = line.user_id.id in owed
                if is_owed != line.owed:
                    line.write({"owed": is_owed, "owed_since": now if is_owed else False})
            rotation_record.position = position
        return self.env["res.users"].browse(receiver)


class LeadProtectionRotationLine(models.Model):
    _name = "lead.protection.rotation.line"
    _inherit = ["lead.protection.guard.mixin"]
    _description = "Reception Rotation Member"
    _rec_name = "user_id"
    _order = "sequence, id"

    # Who may change what (LP-15): the status (busy, absent) decides who receives next, so
    # it is set by the team's manager or a receptionist through the status actions, never by
    # a salesperson for himself or a colleague; the owed turn is the rotation's own record.
    _guarded_fields = ("status", "owed", "owed_since")
    _guard_frozen_fields = {
        "rotation_id": "_guard_managed_records",
        "sequence": "_guard_managed_records",
        "user_id": "_guard_managed_records",
    }
    _guard_unlink = "_guard_managed_records"

    rotation_id = fields.Many2one("lead.protection.rotation", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="rotation_id.company_id")
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one("res.users", string="Salesperson", required=True)
    status = fields.Selection(
        [
            (rotation.AVAILABLE, "Available"),
            (rotation.BUSY, "With a Customer"),
            (rotation.ABSENT, "Absent"),
        ],
        default=rotation.AVAILABLE,
        required=True,
        readonly=True,
    )
    owed = fields.Boolean(
        string="Turn Owed", readonly=True, help="Skipped while busy: made up next."
    )
    owed_since = fields.Datetime(readonly=True)

    _one_line_per_user = models.UniqueIndex(
        "(rotation_id, user_id)", "A salesperson has one place in a rotation."
    )

    def _protection_team(self):
        return self.rotation_id.team_id

    def _guard_managed_records(self):
        """Lines of the rotations of the teams the current user manages."""
        return self._protection_managed()

    def _guard_hint(self):
        return self.env._(
            "The team's manager or a receptionist sets a member available, busy or absent."
        )

    @api.model
    def _check_status(self, status):
        if status not in rotation.STATUSES:
            raise UserError(self.env._("%r is not a status of the rotation.", status))

    def _set_status(self, status):
        """LP-15: the manager or a receptionist records who is available, busy or absent."""
        self._check_status(status)
        if not self:
            raise UserError(self.env._("Choose the members of the rotation."))
        # Checked on the rotations of the lines, with the caller's rights, before sudo().
        self.sudo().rotation_id.with_env(self.env)._check_receives()
        self.rotation_id._protection_lock()
        with self._guard_workflow():
            self.sudo().write({"status": status})
        return True

    def action_set_available(self):
        return self._set_status(rotation.AVAILABLE)

    def action_set_busy(self):
        return self._set_status(rotation.BUSY)

    def action_set_absent(self):
        return self._set_status(rotation.ABSENT)

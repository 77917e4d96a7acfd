# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import identity, rotation


class LeadProtectionRotation(models.Model):
    """LP-15: the walk-in reception rotation of a sales team."""

    _name = "lead.protection.rotation"
    _description = "Reception Rotation"
    _inherit = ["mail.thread"]
    _rec_name = "team_id"

    team_id = fields.Many2one("crm.team", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="team_id.company_id", store=True)
    line_ids = fields.One2many("lead.protection.rotation.line", "rotation_id", string="Turn Order")
    position = fields.Integer(default=0, help="Index of the next turn in the order.")

    _team_unique = models.Constraint("UNIQUE (team_id)", "A team has one reception rotation.")

    def _receive(self, named_user=None, phone=None, company_name=None):
        """Who receives the next walk-in customer; moves the rotation (LP-15)."""
        self.ensure_one()
        lines = self.line_ids.sorted("sequence")
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
            ._find_active((self.company_id or self.env.company).id, keys)
        )
        if hits:
            known_owner = hits[0][3]
        receiver, position, owed = rotation.next_receiver(
            order,
            self.position % len(order) if order else 0,
            busy={line.user_id.id for line in lines if line.status == "busy"},
            absent={line.user_id.id for line in lines if line.status == "absent"},
            owed=lines.filtered("owed").sorted("owed_since").user_id.ids,
            named=named_user.id if named_user else None,
            known_owner=known_owner,
        )
        if receiver is None:
            raise UserError(self.env._("Nobody of the team is available to receive."))
        # Any receptionist of the team moves the rotation, not only its managers.
        now = fields.Datetime.now()
        for line in lines.sudo():
            is_owed = line.user_id.id in owed
            if is_owed != line.owed:
                line.write({"owed": is_owed, "owed_since": now if is_owed else False})
        self.sudo().position = position
        return self.env["res.users"].browse(receiver)


class LeadProtectionRotationLine(models.Model):
    _name = "lead.protection.rotation.line"
    _description = "Reception Rotation Member"
    _rec_name = "user_id"
    _order = "sequence, id"

    rotation_id = fields.Many2one("lead.protection.rotation", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one("res.users", string="Salesperson", required=True)
    status = fields.Selection(
        [("available", "Available"), ("busy", "With a Customer"), ("absent", "Absent")],
        default="available",
        required=True,
    )
    owed = fields.Boolean(
        string="Turn Owed", readonly=True, help="Skipped while busy: made up next."
    )
    owed_since = fields.Datetime(readonly=True)

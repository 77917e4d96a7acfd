# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class EventInvitationConflict(models.Model):
    """EV-6: a conflict between two divisions at a joint event, settled after the event.

    The two division heads and the coordinator settle it together (each agrees to the
    settlement); what they cannot agree on goes to the general manager, who rules. Employees
    who argued it in front of customers are fined, whether or not the deal is lost.
    """

    _name = "event.invitation.conflict"
    _description = "Joint-event Conflict"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True)
    event_id = fields.Many2one("event.event", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one("res.partner", string="Customer")
    division_a_id = fields.Many2one(
        "event.invitation.division", required=True, domain="[('event_id', '=', event_id)]"
    )
    division_b_id = fields.Many2one(
        "event.invitation.division", required=True, domain="[('event_id', '=', event_id)]"
    )
    description = fields.Html()
    arguing_user_ids = fields.Many2many(
        "res.users",
        string="Argued in Front of Customers",
        help="EV-6: each of them is fined when the case is closed.",
    )
    settlement = fields.Html()
    state = fields.Selection(
        [
            ("open", "Open"),
            ("settled", "Settled"),
            ("escalated", "With the General Manager"),
            ("ruled", "Ruled"),
        ],
        default="open",
        required=True,
        tracking=True,
    )
    agreed_a = fields.Boolean(string="Division A Agrees", readonly=True, tracking=True)
    agreed_b = fields.Boolean(string="Division B Agrees", readonly=True, tracking=True)
    agreed_coordinator = fields.Boolean(string="Coordinator Agrees", readonly=True, tracking=True)
    ruled_by_id = fields.Many2one("res.users", readonly=True)

    _guarded_fields = (
        "state",
        "agreed_a",
        "agreed_b",
        "agreed_coordinator",
        "ruled_by_id",
    )
    _guard_frozen_fields = {
        "event_id": "_guard_open_records",
        "division_a_id": "_guard_open_records",
        "division_b_id": "_guard_open_records",
        "partner_id": "_guard_open_records",
        "arguing_user_ids": "_guard_open_records",
        "settlement": "_guard_undecided_records",
        "description": "_guard_undecided_records",
    }
    _guard_unlink = "_guard_never"

    def _guard_open_records(self):
        return self.filtered(lambda case: case.state == "open" and not case._agreements())

    def _guard_undecided_records(self):
        return self.filtered(lambda case: case.state in ("open", "escalated"))

    def _guard_never(self):
        return self.browse()

    def _agreements(self):
        return self.agreed_a or self.agreed_b or self.agreed_coordinator

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for case in records:
            if case.division_a_id == case.division_b_id:
                raise UserError(self.env._("A conflict is between two divisions."))
            if not case._party_role(self.env.user) and not self.env.user.has_group(
                "base.group_system"
            ):
                raise AccessError(
                    self.env._("Only the division heads and the coordinator file conflicts.")
                )
        return records

    def _party_role(self, user):
        self.ensure_one()
        roles = []
        if user == self.division_a_id.manager_user_id:
            roles.append("agreed_a")
        if user == self.division_b_id.manager_user_id:
            roles.append("agreed_b")
        if user == self.event_id.invitation_coordinator_id and user.has_group(
            "event_invitation.group_event_invitation_coordinator"
        ):
            roles.append("agreed_coordinator")
        return roles

    def action_agree(self):
        """EV-6: a division head or the coordinator agrees to the settlement; when all
        three agree, the case is settled."""
        for case in self:
            if case.state != "open":
                raise UserError(self.env._("Only open conflicts are settled together."))
            if fields.Datetime.now() < case.event_id.date_end:
                raise UserError(self.env._("Conflicts are settled after the event (EV-6)."))
            roles = case._party_role(self.env.user)
            if not roles:
                raise AccessError(
                    self.env._("Only the two division heads and the coordinator settle it.")
                )
            with self._guard_workflow():
                case.write(dict.fromkeys(roles, True))
                if case.agreed_a and case.agreed_b and case.agreed_coordinator:
                    case.write({"state": "settled"})
                    case._book_argument_fines()
        return True

    def action_escalate(self):
        """EV-6: what the coordinator cannot settle goes to the general manager."""
        for case in self:
            if case.state != "open":
                raise UserError(self.env._("Only open conflicts can be escalated."))
            if "agreed_coordinator" not in case._party_role(self.env.user):
                raise AccessError(self.env._("Only the coordinator escalates a conflict."))
        with self._guard_workflow():
            self.write({"state": "escalated"})
        return True

    def action_rule(self):
        """EV-6: the general manager rules an escalated conflict."""
        if not self.env.user.has_group("event_invitation.group_event_invitation_general_manager"):
            raise AccessError(self.env._("Only the general manager rules a conflict."))
        if any(case.state != "escalated" for case in self):
            raise UserError(self.env._("Only escalated conflicts are ruled."))
        if any(not case.settlement for case in self):
            raise UserError(self.env._("Write the ruling in the settlement first."))
        with self._guard_workflow():
            self.write({"state": "ruled", "ruled_by_id": self.env.uid})
        self._book_argument_fines()
        return True

    def _book_argument_fines(self):
        """EV-6: each employee who argued in front of customers is fined, lost deal or not,
        through the fine catalogue (offence type ``fine_type_ev6_argument``, 100 by
        default), with the case as the offence's source."""
        Offence = self.env["incentive.offence"].sudo()
        for case in self.filtered("arguing_user_ids"):
            employees = self.env["hr.employee"]
            for user in case.arguing_user_ids:
                employee = user.sudo().with_company(case.company_id).employee_id
                if not employee:
                    raise UserError(self.env._("%(user)s has no employee to fine.", user=user.name))
                employees |= employee
            Offence._record_offence(
                "incentive_ledger.fine_type_ev6_argument",
                employees,
                source=case,
                date=case.company_id._event_today(),
                description=case.name,
            )

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import satisfaction
from .customer_class_history import CLASS_SELECTION


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "incentive.guard.mixin"]

    # CS-11 and CS-6: set by return visits and hand-overs only.
    _guarded_fields = ("customer_class", "service_employee_id")

    customer_class = fields.Selection(
        CLASS_SELECTION,
        tracking=True,
        copy=False,
        help="CS-11: gold, important or ordinary, decided by return visits.",
    )
    customer_class_history_ids = fields.One2many(
        "customer.class.history", "partner_id", string="Class History", readonly=True
    )
    service_employee_id = fields.Many2one(
        "hr.employee",
        string="Follow-up Employee",
        copy=False,
        tracking=True,
        help="CS-6: the employee of another department to whom the customer was handed over.",
    )
    complaint_ids = fields.One2many("customer.complaint", "partner_id", readonly=True)
    return_visit_ids = fields.One2many("customer.return.visit", "partner_id", readonly=True)

    def _guard_hint(self):
        return self.env._(
            "The class is recorded by a return visit; the follow-up employee by a complaint's "
            "hand-over."
        )

    def _set_customer_class(self, new_class, visit=None):
        """CS-11: change the class of one customer and keep its history."""
        self.ensure_one()
        try:
            satisfaction.check_class(new_class)
        except ValueError as error:
            raise UserError(self.env._("Choose gold, important or ordinary.")) from error
        if self.customer_class == new_class:
            return False
        self.env["customer.class.history"].sudo().create(
            {
                "partner_id": self.id,
                "company_id": (visit.company_id if visit else self.env.company).id,
                "old_class": self.customer_class or False,
                "new_class": new_class,
                "user_id": self.env.uid,
                "return_visit_id": visit.id if visit else False,
            }
        )
        # Private: the caller checked the acting user's right on the visit that decides it;
        # the customer's card may belong to a team he cannot edit.
        partner = self.sudo()
        with partner._guard_workflow():
            partner.customer_class = new_class
        return True

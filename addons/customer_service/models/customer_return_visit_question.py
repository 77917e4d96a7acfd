# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CustomerReturnVisitQuestion(models.Model):
    """A question of the return-visit form (CS-9)."""

    _name = "customer.return.visit.question"
    _description = "Return Visit Question"
    _order = "sequence, id"

    name = fields.Char(string="Question", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    visit_kinds = fields.Selection(
        [
            ("all", "Every Return Visit"),
            ("service", "After Service"),
            ("installation", "After Installation"),
        ],
        required=True,
        default="all",
    )

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CustomerReturnVisitAnswer(models.Model):
    """One answer of the return-visit form (CS-9); frozen with its visit."""

    _name = "customer.return.visit.answer"
    _description = "Return Visit Answer"
    _inherit = ["incentive.guard.mixin"]
    _order = "sequence, id"

    _guard_frozen_fields = ("__all__",)

    visit_id = fields.Many2one(
        "customer.return.visit", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    question = fields.Char(required=True)
    answer = fields.Text()

    def _guard_open_records(self):
        return self.filtered(lambda line: line.visit_id.state == "planned")

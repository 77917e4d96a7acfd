# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..tools import fines
from .incentive_fine_type import PROPOSAL_KINDS


class IncentiveFineStep(models.Model):
    """The nth occurrence of an offence: its amount, or a proposal to HR (FN-3, FN-4)."""

    _name = "incentive.fine.step"
    _description = "Fine Escalation Step"
    _order = "fine_type_id, occurrence"

    fine_type_id = fields.Many2one(
        "incentive.fine.type", required=True, index=True, ondelete="cascade"
    )
    occurrence = fields.Integer(
        required=True,
        default=1,
        help="From this occurrence on (1 for the first), until the next step.",
    )
    fine = fields.Selection(
        [
            (fines.STEP_TYPE_AMOUNT, "The Type's Amount"),
            (fines.STEP_FIXED, "This Amount"),
            (fines.STEP_NO_FINE, "No Money"),
        ],
        string="Money",
        required=True,
        default=fines.STEP_FIXED,
    )
    amount = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="fine_type_id.currency_id")
    proposal_kind = fields.Selection(
        PROPOSAL_KINDS,
        string="Proposal to HR",
        help="Proposed to HR at this occurrence (FN-4), e.g. dismissal at the third fake "
        "registration (LP-11).",
    )

    _occurrence_unique = models.UniqueIndex(
        "(fine_type_id, occurrence)", "A fine type has one step per occurrence number."
    )
    _occurrence_positive = models.Constraint(
        "CHECK (occurrence >= 1 AND COALESCE(amount, 0) >= 0)",
        "Steps start at the first occurrence and their amounts are positive.",
    )

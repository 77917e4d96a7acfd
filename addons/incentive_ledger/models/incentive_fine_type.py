# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import fines

PROPOSAL_KINDS = [
    ("dismissal", "Dismissal"),
    ("dismissal_without_pay", "Dismissal without Pay"),
    ("resignation", "Resignation"),
    ("public_criticism", "Public Criticism"),
    ("cancel_performance", "Cancel the Month's Performance"),
    ("probation", "Probation"),
    ("end_probation", "End of Probation"),
]


class IncentiveFineType(models.Model):
    """One offence of the rulebooks and what it costs (or earns) per occurrence (FN-1)."""

    _name = "incentive.fine.type"
    _description = "Fine Type"
    _order = "rule_ref, sequence, id"
    _check_company_auto = True

    # --- The offence
    name = fields.Char(string="Offence", required=True, translate=True)
    rule_ref = fields.Char(
        string="Rule",
        required=True,
        index=True,
        help="ID of the rulebook rule that defines the offence, e.g. LP-11 or FN-5. It is "
        "written on every ledger line booked for the offence.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(
        translate=True, help="What the recorder checks before recording the offence."
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to use the type in every company.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_currency_id",
    )
    source_model = fields.Char(
        string="Raised From",
        help="Technical name of the kind of record the offence is recorded from (e.g. "
        "hr.employee for discipline, lead.protection.registration for a registration). "
        "Empty: any record.",
    )

    # --- The amount
    line_kind = fields.Selection(
        [("penalty", "Fine"), ("bonus", "Small Bonus"), ("reward", "Reward")],
        string="Booked As",
        required=True,
        default="penalty",
        help="A fine deducts from pay; a small bonus or reward adds to it (FN-10).",
    )
    amount_mode = fields.Selection(
        [
            (fines.FIXED, "Fixed Amount"),
            (fines.RANGE, "Range Chosen by the Recorder"),
            (fines.DAYS_PAY, "Days of Pay per Day"),
            (fines.HR_DECIDES, "Set by HR on Decision"),
        ],
        required=True,
        default=fines.FIXED,
        help="Fixed: the amount below. Range: the recorder picks an amount between the "
        "minimum and the maximum. Days of pay: the days of pay below for each day of the "
        "offence, at the trial daily wage (PAY-3). Set by HR: nothing is booked when the "
        "offence is recorded; HR sets the fine when deciding the proposal (FN-8).",
    )
    amount = fields.Monetary(
        help="Unsigned amount per occurrence and person (for HR decisions: the default "
        "HR starts from)."
    )
    amount_min = fields.Monetary(string="Minimum")
    amount_max = fields.Monetary(string="Maximum")
    days_of_pay = fields.Float(
        string="Days of Pay per Day", help="FN-6: 4 days' pay per day of absence."
    )
    falls_on = fields.Selection(
        [
            (fines.OFFENDER, "Each Offender"),
            (fines.MANAGER, "The Offender's Department Manager"),
            (fines.OFFENDER_AND_MANAGER, "Each Offender and His Department Manager"),
        ],
        required=True,
        default=fines.OFFENDER,
        help="Who is fined for each offender recorded. Several offenders recorded together "
        "(each party of a dispute) are fined each.",
    )

    # --- Escalation and HR proposals
    step_ids = fields.One2many(
        "incentive.fine.step",
        "fine_type_id",
        string="Escalation",
        copy=True,
        help="The nth occurrence of one employee takes the step of the highest number up to "
        "n (FN-3). Without steps, every occurrence costs the amount above.",
    )
    counting_period = fields.Selection(
        [
            (fines.PERIOD_EMPLOYMENT, "Whole Employment"),
            (fines.PERIOD_MONTH, "Calendar Month"),
            (fines.PERIOD_YEAR, "Calendar Year"),
        ],
        required=True,
        default=fines.PERIOD_EMPLOYMENT,
        help="Occurrences are counted over this period, in the company's time zone; a "
        "quashed offence does not count.",
    )
    proposal_kind = fields.Selection(
        PROPOSAL_KINDS,
        string="Proposal to HR",
        help="Every occurrence also proposes this to HR (FN-4), e.g. public criticism of "
        "both parties of an LP-9 dispute. Steps may propose on their own.",
    )
    consecutive_days_limit = fields.Integer(
        string="Consecutive Days Before Proposal",
        help="FN-6: when the days of this offence, one after the other, reach this number, "
        "the proposal below is made to HR. 0: never.",
    )
    consecutive_proposal_kind = fields.Selection(
        PROPOSAL_KINDS, string="Proposal on Consecutive Days"
    )

    _amount_positive = models.Constraint(
        "CHECK (COALESCE(amount, 0) >= 0 AND COALESCE(amount_min, 0) >= 0 "
        "AND COALESCE(amount_max, 0) >= 0 AND COALESCE(days_of_pay, 0) >= 0 "
        "AND COALESCE(consecutive_days_limit, 0) >= 0)",
        "Amounts, days and limits of a fine type are positive: the kind decides the sign.",
    )

    @api.depends("company_id")
    def _compute_currency_id(self):
        """The type's company currency, or the current company's for shared types."""
        for fine_type in self:
            fine_type.currency_id = (fine_type.company_id or self.env.company).currency_id

    @api.depends("rule_ref", "name")
    def _compute_display_name(self):
        for fine_type in self:
            fine_type.display_name = f"[{fine_type.rule_ref}] {fine_type.name}"

    @api.constrains("amount_mode", "amount_min", "amount_max", "days_of_pay", "amount")
    def _check_amount_mode(self):
        for fine_type in self:
            mode = fine_type.amount_mode
            if mode == fines.RANGE and not 0 < fine_type.amount_min <= fine_type.amount_max:
                raise ValidationError(
                    self.env._(
                        "%(type)s: a range needs a minimum above zero and not above the maximum.",
                        type=fine_type.display_name,
                    )
                )
            if mode == fines.DAYS_PAY and fine_type.days_of_pay <= 0:
                raise ValidationError(
                    self.env._(
                        "%(type)s: set the days of pay per day of the offence.",
                        type=fine_type.display_name,
                    )
                )
            if fine_type.consecutive_days_limit and not fine_type.consecutive_proposal_kind:
                raise ValidationError(
                    self.env._(
                        "%(type)s: choose what is proposed to HR after the consecutive days.",
                        type=fine_type.display_name,
                    )
                )

    def _fine_values(self):
        """The type as the plain mapping that tools/fines.py reads."""
        self.ensure_one()
        return {
            "amount_mode": self.amount_mode,
            "amount": self.amount,
            "amount_min": self.amount_min,
            "amount_max": self.amount_max,
            "days_of_pay": self.days_of_pay,
        }

    def _step_values(self):
        self.ensure_one()
        return [
            {
                "id": step.id,
                "occurrence": step.occurrence,
                "fine": step.fine,
                "amount": step.amount,
                "proposal_kind": step.proposal_kind,
            }
            for step in self.step_ids
        ]

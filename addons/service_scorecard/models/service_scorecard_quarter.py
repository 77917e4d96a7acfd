# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import payout, periods, probation, scoring


class ServiceScorecardQuarter(models.Model):
    """One customer manager's quarter: mean of the months, bonus, payout (SC-2, SC-3, SC-5)
    and the probation proposal (SC-7)."""

    _name = "service.scorecard.quarter"
    _description = "Quarterly Service Scorecard"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "date_start desc, score desc, employee_id"
    _rec_names_search = ["employee_id", "period_id"]
    _check_company_auto = True

    # Created by the events and months, decided by the closing (SC-2, SC-7).
    _guarded_fields = ("employee_id", "period_id", "probation_decision")
    # SC-5: the supervisor enters the revenue assessment while the quarter is open.
    _guard_frozen_fields = ("revenue_amount",)

    # --- Who and when
    employee_id = fields.Many2one(
        "hr.employee",
        string="Customer Manager",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    user_id = fields.Many2one(related="employee_id.user_id", string="User")
    period_id = fields.Many2one(
        "service.scorecard.period",
        string="Quarter",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        domain="[('period_type', '=', 'quarter')]",
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(related="period_id.date_start", store=True, string="Quarter Start")
    # Not tracked: the period's chatter records its closing and reopening once; a message
    # on each of its cards would cost two INSERTs per customer manager (issue 17).
    state = fields.Selection(related="period_id.state", store=True, string="Status", tracking=False)

    # --- Score (SC-2)
    month_scorecard_ids = fields.One2many(
        "service.scorecard", "quarter_scorecard_id", string="Months", readonly=True
    )
    event_ids = fields.One2many(
        "service.scorecard.event",
        "quarter_scorecard_id",
        string="Quarter Events",
        help="The supervisor's adjustment and the satisfaction survey, added to the mean.",
    )
    month_mean = fields.Float(
        string="Mean of the Months", compute="_compute_score", store=True, aggregator="avg"
    )
    points = fields.Integer(
        string="Quarter Points", compute="_compute_score", store=True, help="Confirmed events."
    )
    score = fields.Float(compute="_compute_score", store=True, aggregator="avg")
    grade_id = fields.Many2one("service.scorecard.grade", compute="_compute_grade", store=True)
    grade_decoration = fields.Selection(related="grade_id.decoration")

    # --- Money (SC-3, SC-5)
    quality_bonus = fields.Monetary(
        compute="_compute_grade", store=True, help="SC-3: quarterly bonus of the grade."
    )
    revenue_amount = fields.Monetary(
        string="Revenue Bonus / Penalty",
        tracking=True,
        help="SC-5: the quarter's business revenue assessment, entered or imported by the "
        "supervisor: positive for a bonus, negative for a penalty.",
    )
    revenue_applied = fields.Monetary(
        string="Revenue Part Paid",
        compute="_compute_payout",
        store=True,
        help="SC-5: a revenue penalty never exceeds the quarter's bonus total; a revenue bonus "
        "is uncapped.",
    )
    payout_amount = fields.Monetary(
        string="Quarterly Payout", compute="_compute_payout", store=True
    )

    # --- Probation (SC-7)
    probation_decision = fields.Selection(
        [
            (probation.PROBATION, "Probation Proposed"),
            (probation.DISMISSAL, "Dismissal Proposed"),
            (probation.END_PROBATION, "End of Probation Proposed"),
        ],
        readonly=True,
        tracking=True,
        help="SC-7: proposal made to HR when the quarter was closed.",
    )
    on_probation = fields.Boolean(related="employee_id.scorecard_probation", string="On Probation")

    _employee_period_unique = models.UniqueIndex(
        "(employee_id, period_id)", "A customer manager has one scorecard per quarter."
    )

    @api.depends("employee_id", "period_id")
    def _compute_display_name(self):
        for card in self:
            card.display_name = f"{card.employee_id.name} {card.period_id.name}"

    @api.depends(
        "month_scorecard_ids.effective_score",
        "event_ids.state",
        "event_ids.points",
    )
    def _compute_score(self):
        """SC-2: mean of the months plus the quarter's confirmed events."""
        for card in self:
            confirmed = card.event_ids.filtered(lambda event: event.state == "confirmed")
            card.points = sum(confirmed.mapped("points"))
            months = card.month_scorecard_ids.mapped("effective_score")
            card.month_mean = scoring.quarterly_score(months) or 0.0
            card.score = scoring.quarterly_score(months, card.points) or 0.0

    @api.depends("score", "month_scorecard_ids")
    def _compute_grade(self):
        """SC-2 grade and SC-3 bonus from the configured grades; no grade without months."""
        scale, grades = self.env["service.scorecard.grade"]._scale()
        bonuses = {code: grade.quarterly_bonus for code, grade in grades.items()}
        for card in self:
            code = scoring.grade_for(card.score, scale) if card.month_scorecard_ids else None
            card.grade_id = grades.get(code, self.env["service.scorecard.grade"])
            card.quality_bonus = payout.amount_by_grade(code, bonuses)

    @api.depends("quality_bonus", "revenue_amount")
    def _compute_payout(self):
        """SC-5: quality bonus plus the capped revenue penalty or the uncapped bonus."""
        for card in self:
            card.revenue_applied, card.payout_amount = payout.quarterly_payout(
                card.quality_bonus, card.revenue_amount
            )

    def _guard_open_records(self):
        """Scorecards of open quarters."""
        return self.filtered(lambda card: card.state != "closed")

    def _guard_hint(self):
        return self.env._(
            "Scores come from confirmed events and months; reopen the quarter to change its "
            "revenue assessment."
        )

    # --- Booking (SC-3, SC-5)

    def _book_bonuses(self):
        """Book the quality bonus and the revenue bonus or penalty of each quarter, once."""
        vals_list = []
        for card in self:
            period = card.period_id
            common = {
                "employee_id": card.employee_id.id,
                "company_id": card.company_id.id,
                "source_ref": f"service.scorecard.quarter,{card.id}",
                "date": period.date_end,
            }
            key = f"service_scorecard:service.scorecard.quarter:{card.id}:%s:{period.revision}"
            env = card._in_lang_of(card.employee_id).env  # read by the employee
            if card.quality_bonus > 0:
                vals_list.append(
                    dict(
                        common,
                        kind="bonus",
                        amount=card.quality_bonus,
                        source_key=key % "quality",
                        rule_ref="SC-3",
                        name=env._(
                            "Service quality bonus %(quarter)s: grade %(grade)s",
                            quarter=period.name,
                            grade=card.grade_id.with_env(env).name,
                        ),
                    )
                )
            if card.revenue_applied:
                vals_list.append(
                    dict(
                        common,
                        kind="bonus" if card.revenue_applied > 0 else "penalty",
                        amount=card.revenue_applied,
                        source_key=key % "revenue",
                        rule_ref="SC-5",
                        name=env._("Revenue assessment %(quarter)s", quarter=period.name),
                    )
                )
        return self.env["employee.incentive.line"].sudo()._book(vals_list)

    # --- Probation (SC-7)

    def _decide_probation(self):
        """SC-7: propose probation, dismissal or the end of probation to HR (HR proposals of
        the incentive ledger, one per quarter card)."""
        if not self:
            return
        history = self.search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("state", "=", "closed"),
                ("grade_id", "!=", False),
            ],
            order="date_start",
        )
        graded = defaultdict(list)
        for card in history:
            graded[card.employee_id].append(card)
        lowest = self.env["service.scorecard.grade"].search([], order="min_score", limit=1)
        for card in self.filtered("grade_id"):
            quarters = [
                (periods.quarter_index(past.date_start), past.grade_id.name)
                for past in graded[card.employee_id]
                if past.date_start < card.date_start
            ] + [(periods.quarter_index(card.date_start), card.grade_id.name)]
            decision = probation.probation_decision(
                quarters,
                lowest.name,
                card.employee_id.scorecard_probation,
                card.company_id.scorecard_probation_quarters,
            )
            if decision == probation.NONE:
                continue
            card.probation_decision = decision
            card._propose_probation(decision)

    def _propose_probation(self, decision):
        """SC-7: an HR proposal of the quarter's decision; HR decides it (accepting a
        probation or its end applies it to the employee)."""
        self.ensure_one()
        hr_user = self.company_id.scorecard_hr_user_id or self.env.user
        env = self._in_lang_of(hr_user).env  # written for HR, in HR's language
        summaries = {
            probation.PROBATION: env._(
                "SC-7: put %(name)s on probation at trial-period pay", name=self.employee_id.name
            ),
            probation.DISMISSAL: env._(
                "SC-7: dismissal of %(name)s proposed", name=self.employee_id.name
            ),
            probation.END_PROBATION: env._(
                "SC-7: end the probation of %(name)s", name=self.employee_id.name
            ),
        }
        notes = {
            probation.PROBATION: env._(
                "Two consecutive quarters graded E. Proposal: probation with trial-period pay. "
                "Create a new contract version with the trial-period wage from the employee's "
                "contract, then click Start Probation on the quarterly scorecard."
            ),
            probation.DISMISSAL: env._(
                "Graded E again during probation. Proposal: dismissal, to be decided by HR."
            ),
            probation.END_PROBATION: env._(
                "Graded above E during probation. Proposal: end the probation and restore the "
                "regular wage in a new contract version, then click End Probation."
            ),
        }
        proposal = (
            self.env["incentive.hr.proposal"]
            .sudo()
            ._propose(
                [
                    {
                        "employee_id": self.employee_id.id,
                        "kind": decision,
                        "rule_ref": "SC-7",
                        "reason": f"{summaries[decision]}\n{notes[decision]}",
                        "source_ref": f"{self._name},{self.id}",
                    }
                ]
            )
        )
        if self.company_id.scorecard_hr_user_id:
            # The company's SC-7 HR responsible receives the to-do, not the first HR officer.
            proposal.activity_ids.write({"user_id": self.company_id.scorecard_hr_user_id.id})
        return proposal

    def _open_proposals(self, kind=None):
        domain = [
            ("source_model", "=", self._name),
            ("source_res_id", "in", self.ids),
            ("state", "=", "proposed"),
        ]
        if kind:
            domain.append(("kind", "=", kind))
        return self.env["incentive.hr.proposal"].sudo().search(domain)

    def _check_hr(self):
        if not self.env.user.has_group("hr.group_hr_user"):
            raise UserError(self.env._("Only HR officers decide on probation (SC-7)."))

    def action_start_probation(self):
        """SC-7: HR applies the proposal: the manager is on probation from now on, and HR
        records the trial-period wage in a new contract version of the employee."""
        self._check_hr()
        if self.filtered(lambda card: card.probation_decision != probation.PROBATION):
            raise UserError(self.env._("Probation was not proposed for this quarter."))
        proposals = self._open_proposals(probation.PROBATION)
        if proposals:
            proposals.with_env(self.env).action_accept()
        self._apply_probation(probation.PROBATION)
        return self._action_open_employee()

    def action_end_probation(self):
        """SC-7: HR ends the probation (a better quarter, or after the dismissal)."""
        self._check_hr()
        if self.filtered(lambda card: not card.employee_id.scorecard_probation):
            raise UserError(self.env._("This customer manager is not on probation."))
        proposals = self._open_proposals(probation.END_PROBATION)
        if proposals:
            proposals.with_env(self.env).action_accept()
        self._apply_probation(probation.END_PROBATION)
        return self._action_open_employee()

    def _apply_probation(self, kind):
        """SC-7: HR's accepted decision on the employees (the caller checked HR)."""
        if kind == probation.PROBATION:
            vals = {
                "scorecard_probation": True,
                "scorecard_probation_since": self._suite_today(),
            }
            employees = self.employee_id.sudo().filtered(lambda e: not e.scorecard_probation)
        else:
            vals = {"scorecard_probation": False, "scorecard_probation_since": False}
            employees = self.employee_id.sudo().filtered("scorecard_probation")
        employees.write(vals)

    def _action_open_employee(self):
        if len(self.employee_id) != 1:
            return True
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.employee",
            "res_id": self.employee_id.id,
            "view_mode": "form",
        }

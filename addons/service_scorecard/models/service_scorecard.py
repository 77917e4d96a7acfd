# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools import payout, scoring


class ServiceScorecard(models.Model):
    """One customer manager's service-quality score of one month (SC-1, SC-2, SC-4, SC-6)."""

    _name = "service.scorecard"
    _description = "Monthly Service Scorecard"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "date_start desc, rank_quality, employee_id"
    _rec_names_search = ["employee_id", "period_id"]
    _check_company_auto = True

    # Created by the events and the closing of the month, ranked by the closing (SC-1, SC-6).
    _guarded_fields = (
        "employee_id",
        "period_id",
        "quarter_scorecard_id",
        "base_score",
        "rank_quality",
        "rank_revenue",
    )
    # SC-6: the supervisor enters the revenue while the month is open.
    _guard_frozen_fields = ("revenue",)

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
        string="Month",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        domain="[('period_type', '=', 'month')]",
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(related="period_id.date_start", store=True, string="Month Start")
    # Not tracked: the period's chatter records its closing and reopening once; a message
    # on each of its cards would cost two INSERTs per customer manager (issue 17).
    state = fields.Selection(related="period_id.state", store=True, string="Status", tracking=False)
    quarter_scorecard_id = fields.Many2one(
        "service.scorecard.quarter", string="Quarter", readonly=True, index=True
    )

    # --- Score (SC-1, SC-2)
    base_score = fields.Integer(readonly=True, help="SC-1: the month's starting score (100).")
    event_ids = fields.One2many("service.scorecard.event", "scorecard_id", string="Events")
    points = fields.Integer(compute="_compute_score", store=True, help="Confirmed events.")
    score = fields.Integer(compute="_compute_score", store=True, aggregator="avg")
    fraud = fields.Boolean(
        string="Proven Fraud",
        compute="_compute_score",
        store=True,
        help="SC-2: a confirmed fraud event makes the month's grade the lowest.",
    )
    effective_score = fields.Float(
        compute="_compute_grade",
        store=True,
        aggregator="avg",
        help="Score the month brings into its quarter's mean: a month with proven fraud counts "
        "at most with the best score of the lowest grade.",
    )
    grade_id = fields.Many2one("service.scorecard.grade", compute="_compute_grade", store=True)
    grade_decoration = fields.Selection(related="grade_id.decoration")
    reward_amount = fields.Monetary(
        string="Monthly Reward",
        compute="_compute_grade",
        store=True,
        help="SC-4: reward (positive) or penalty (negative) of the month's grade, paid with "
        "the year-end bonus.",
    )

    # --- Ranking (SC-6)
    revenue = fields.Monetary(
        string="Business Revenue",
        help="SC-6: the month's business revenue of the manager, entered or imported by the "
        "supervisor; the best revenue of the month is announced.",
    )
    rank_quality = fields.Integer(string="Quality Rank", readonly=True, aggregator=False)
    rank_revenue = fields.Integer(string="Revenue Rank", readonly=True, aggregator=False)

    _employee_period_unique = models.UniqueIndex(
        "(employee_id, period_id)", "A customer manager has one scorecard per month."
    )

    @api.depends("employee_id", "period_id")
    def _compute_display_name(self):
        for card in self:
            card.display_name = f"{card.employee_id.name} {card.period_id.name}"

    @api.depends(
        "base_score",
        "event_ids.state",
        "event_ids.points",
        "event_ids.is_fraud",
        "event_ids.is_countered",
        "event_ids.countered_event_id",
    )
    def _compute_score(self):
        """SC-1: base score plus the confirmed events; SC-2: fraud unless countered."""
        for card in self:
            confirmed = card.event_ids.filtered(lambda event: event.state == "confirmed")
            card.points = sum(confirmed.mapped("points"))
            card.score = scoring.monthly_score(card.base_score, confirmed.mapped("points"))
            card.fraud = any(
                event.is_fraud and not event.is_countered and not event.countered_event_id
                for event in confirmed
            )

    @api.depends("score", "fraud")
    def _compute_grade(self):
        """SC-2 grade and SC-4 reward from the configured grades."""
        scale, grades = self.env["service.scorecard.grade"]._scale()
        rewards = {code: grade.monthly_reward for code, grade in grades.items()}
        for card in self:
            code = scoring.grade_for(card.score, scale, card.fraud)
            grade = grades.get(code, self.env["service.scorecard.grade"])
            card.grade_id = grade
            card.effective_score = scoring.effective_score(card.score, scale, card.fraud)
            card.reward_amount = payout.amount_by_grade(code, rewards)

    def _write_ranks(self, ranks):
        """SC-6: store the month's ranks, [(card id, quality rank, revenue rank)], with
        one statement (a write per card would cost a write call each)."""
        if not ranks:
            return
        self.flush_model(["rank_quality", "rank_revenue"])
        self.env.cr.execute(
            """
            UPDATE service_scorecard AS card
               SET rank_quality = rank.quality, rank_revenue = rank.revenue,
                   write_uid = %s, write_date = (now() at time zone 'UTC')
              FROM unnest(%s::int[], %s::int[], %s::int[]) AS rank(id, quality, revenue)
             WHERE card.id = rank.id
            """,
            [self.env.uid, *(list(column) for column in zip(*ranks, strict=True))],
        )
        self.browse([rank[0] for rank in ranks]).invalidate_recordset(
            ["rank_quality", "rank_revenue", "write_uid", "write_date"]
        )

    def _guard_open_records(self):
        """Scorecards of open months."""
        return self.filtered(lambda card: card.state != "closed")

    def _guard_hint(self):
        return self.env._(
            "Scores come from confirmed events; reopen the month to change its revenue."
        )

    # --- Booking (SC-4)

    def _book_rewards(self):
        """SC-4: book each month's reward or penalty once, due with the year-end bonus."""
        vals_list = []
        for card in self:
            if not card.reward_amount:
                continue
            period = card.period_id
            vals_list.append(
                {
                    "employee_id": card.employee_id.id,
                    "company_id": card.company_id.id,
                    "kind": "reward" if card.reward_amount > 0 else "penalty",
                    "amount": card.reward_amount,
                    # Read by the employee, in his language.
                    "name": card._in_lang_of(card.employee_id).env._(
                        "Service scorecard %(month)s: grade %(grade)s",
                        month=period.name,
                        grade=card.grade_id._in_lang_of(card.employee_id).name,
                    ),
                    "source_key": f"service_scorecard:service.scorecard:{card.id}:reward:"
                    f"{period.revision}",
                    "source_ref": f"service.scorecard,{card.id}",
                    "rule_ref": "SC-4",
                    "date": period._year_end_date(card.company_id, period.date_start),
                }
            )
        return self.env["employee.incentive.line"].sudo()._book(vals_list)

    def action_open_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "service_scorecard.service_scorecard_event_action"
        )
        action["domain"] = [("scorecard_id", "=", self.id)]
        action["context"] = {
            "default_employee_id": self.employee_id.id,
            "default_date": fields.Date.to_string(self.date_start),
        }
        return action

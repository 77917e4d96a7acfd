# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools


class ServiceScorecardRanking(models.Model):
    """SC-6: the announced monthly ranking of closed months, readable by every customer
    manager of the company (the scorecards themselves stay private: events, evidence,
    rewards)."""

    _name = "service.scorecard.ranking"
    _description = "Monthly Ranking"
    _auto = False
    _order = "date_start desc, rank_quality, rank_revenue"
    # Flushed before the view is read.
    _depends = {
        "service.scorecard": [
            "period_id",
            "date_start",
            "company_id",
            "employee_id",
            "rank_quality",
            "rank_revenue",
            "score",
            "grade_id",
            "revenue",
            "state",
        ],
    }

    period_id = fields.Many2one("service.scorecard.period", string="Month", readonly=True)
    date_start = fields.Date(string="Month Start", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    employee_id = fields.Many2one("hr.employee", string="Customer Manager", readonly=True)
    rank_quality = fields.Integer(string="Quality Rank", readonly=True, aggregator="min")
    rank_revenue = fields.Integer(string="Revenue Rank", readonly=True, aggregator="min")
    score = fields.Integer(readonly=True, aggregator="avg")
    grade_id = fields.Many2one("service.scorecard.grade", readonly=True)
    revenue = fields.Monetary(readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                SELECT card.id, card.period_id, card.date_start, card.company_id,
                       card.employee_id, card.rank_quality, card.rank_revenue, card.score,
                       card.grade_id, card.revenue
                  FROM service_scorecard card
                 WHERE card.state = 'closed'
            )
            """
        )

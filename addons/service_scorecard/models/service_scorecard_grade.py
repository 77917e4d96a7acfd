# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ServiceScorecardGrade(models.Model):
    """A grade, its threshold and the money it brings (SC-2, SC-3, SC-4)."""

    _name = "service.scorecard.grade"
    _description = "Service Scorecard Grade"
    _order = "min_score desc, id"

    name = fields.Char(string="Grade", required=True, help="Short code, e.g. A.")
    active = fields.Boolean(default=True)
    min_score = fields.Float(
        string="Minimum Score",
        required=True,
        help="SC-2: a month or quarter reaching this score gets the grade, unless a better "
        "grade's minimum is reached too. The grade with the lowest minimum takes every lower "
        "score and every month with proven fraud.",
    )
    quarterly_bonus = fields.Float(
        help="SC-3: quality bonus of a quarter with this grade, in the company's currency."
    )
    monthly_reward = fields.Float(
        help="SC-4: reward (positive) or penalty (negative) of a month with this grade, paid "
        "with the year-end bonus."
    )
    decoration = fields.Selection(
        [
            ("success", "Green"),
            ("info", "Blue"),
            ("muted", "Grey"),
            ("warning", "Orange"),
            ("danger", "Red"),
        ],
        string="Colour",
        default="muted",
        help="Colour of scorecards with this grade in lists.",
    )

    _name_unique = models.UniqueIndex("(name) WHERE active", "Each grade is defined once.")
    _min_score_unique = models.UniqueIndex(
        "(min_score) WHERE active", "Two grades cannot start at the same score."
    )

    @api.model
    def _scale(self):
        """The active grades as plain values for tools.scoring: ((code, min), ...) and the
        records by code."""
        grades = self.search([])
        return [(grade.name, grade.min_score) for grade in grades], {g.name: g for g in grades}

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import periods


class ServiceScorecardEventType(models.Model):
    """A kind of event that moves a customer manager's score, with its points (SC-1)."""

    _name = "service.scorecard.event.type"
    _description = "Service Scorecard Event Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to use it in every company.")
    description = fields.Text(translate=True)
    scope = fields.Selection(
        [(periods.MONTH, "Monthly Score"), (periods.QUARTER, "Quarterly Score")],
        required=True,
        default=periods.MONTH,
        help="Monthly events move the month's score; quarterly events (the supervisor's "
        "adjustment, the satisfaction survey) are added to the mean of the quarter's months.",
    )
    points = fields.Integer(
        required=True,
        help="Points per occurrence: positive adds, negative deducts (e.g. -2 per user lost).",
    )
    points_editable = fields.Boolean(
        string="Supervisor Chooses Points",
        help="The supervisor enters the points of each event, within the range below (the "
        "supervisor's adjustment of 1 to 3 points).",
    )
    points_min_abs = fields.Integer(string="Minimum Points", default=1)
    points_max_abs = fields.Integer(string="Maximum Points", default=3)
    quarter_limit = fields.Integer(
        string="Limit per Quarter",
        help="Maximum of the quarter's events of this type together, either way (3). "
        "0 for no limit.",
    )
    is_survey = fields.Boolean(
        string="Satisfaction Survey",
        help="The event records the satisfaction rate of a survey and only counts when the "
        "rate reaches the threshold.",
    )
    survey_threshold = fields.Float(string="Survey Threshold (%)", default=95.0)
    is_fraud = fields.Boolean(
        string="Proven Fraud",
        help="SC-2: a confirmed event of this type makes the month's grade the lowest (E).",
    )
    requires_evidence = fields.Boolean(
        default=True, help="Events of this type cannot be confirmed without an attachment."
    )

    @api.constrains("points_editable", "points_min_abs", "points_max_abs", "quarter_limit")
    def _check_points_range(self):
        for event_type in self.filtered("points_editable"):
            if not 0 < event_type.points_min_abs <= event_type.points_max_abs:
                raise ValidationError(
                    self.env._(
                        "%(type)s: the points range must go from at least 1 up to a maximum "
                        "not below the minimum.",
                        type=event_type.name,
                    )
                )
        if self.filtered(lambda event_type: event_type.quarter_limit < 0):
            raise ValidationError(self.env._("The limit per quarter cannot be negative."))

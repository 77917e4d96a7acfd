# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Checked by incentive_ledger's res.company._check_suite_ranges.
    _suite_ranges = {
        "scorecard_year_end_month": (1, 12),
        "scorecard_probation_quarters": (1, None),
        "scorecard_close_delay_days": (0, None),
    }

    scorecard_base_score = fields.Integer(
        string="Base Score",
        default=100,
        help="SC-1: every customer manager's month starts with this score.",
    )
    scorecard_year_end_month = fields.Integer(
        string="Year-end Bonus Month",
        default=12,
        help="SC-4: month in which the year-end bonus is paid, with the year's monthly "
        "rewards and penalties: 12 is December of the same year, 1 to 11 that month of the "
        "next year.",
    )
    scorecard_probation_quarters = fields.Integer(
        string="E Quarters before Probation",
        default=2,
        help="SC-7: consecutive E quarters after which probation is proposed to HR.",
    )
    scorecard_close_delay_days = fields.Integer(
        string="Days before Closing",
        default=5,
        help="The scheduled job closes a month or a quarter this many days after its end, so "
        "that supervisors can still record the period's events.",
    )
    scorecard_hr_user_id = fields.Many2one(
        "res.users",
        string="HR Responsible",
        help="SC-7: receives the proposals of probation and dismissal. When empty, the user "
        "who closes the quarter receives them.",
    )
    scorecard_channel_id = fields.Many2one(
        "discuss.channel",
        string="Announcement Channel",
        help="SC-6: channel where the best managers of each month are announced.",
    )

    def _scorecard_channel(self):
        self.ensure_one()
        return self.scorecard_channel_id or self.env.ref(
            "service_scorecard.discuss_channel_scorecard", raise_if_not_found=False
        )

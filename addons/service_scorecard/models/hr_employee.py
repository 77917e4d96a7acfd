# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "incentive.guard.mixin"]

    # SC-7: HR puts a customer manager on probation with the quarterly scorecard's buttons,
    # on the closing's proposal only.
    _guarded_fields = ("scorecard_probation", "scorecard_probation_since")

    def _guard_hint(self):
        return self.env._(
            "Use Start Probation or End Probation on the quarterly scorecard that proposed it "
            "(SC-7)."
        )

    scorecard_enabled = fields.Boolean(
        string="Scored Customer Manager",
        help="The employee gets a monthly and a quarterly service scorecard (SC-1).",
    )
    scorecard_probation = fields.Boolean(
        string="On Scorecard Probation",
        groups="hr.group_hr_user",
        tracking=True,
        help="SC-7: HR put the customer manager on probation at trial-period pay after two "
        "consecutive E quarters. Another E quarter proposes dismissal.",
    )
    scorecard_probation_since = fields.Date(groups="hr.group_hr_user", tracking=True)

    def action_open_scorecards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "service_scorecard.service_scorecard_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {}
        return action

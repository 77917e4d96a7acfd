# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import fields, models

from ..tools import deadlines, satisfaction


class ServiceScorecardPeriod(models.Model):
    _inherit = "service.scorecard.period"

    def _close_quarters(self):
        """SC-10: before the quarter is scored, its survey return visits give each customer
        manager his satisfaction rate; 95 % or more books the survey's +5 once."""
        self._book_survey_events()
        return super()._close_quarters()

    def _survey_rates(self):
        """{employee id: rate} of the survey visits recorded in the quarter, whose days are
        the company's (SC-10)."""
        self.ensure_one()
        tz = self.company_id._customer_service_tz()
        start = deadlines.local_day_start(self.date_start, tz)
        end = deadlines.local_day_start(fields.Date.add(self.date_end, days=1), tz)
        visits = (
            self.env["customer.return.visit"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("kind", "=", "survey"),
                    ("state", "=", "done"),
                    ("customer_manager_id", "!=", False),
                    ("done_at", ">=", start),
                    ("done_at", "<", end),
                ]
            )
        )
        answers = defaultdict(list)
        for visit in visits:
            answers[visit.customer_manager_id.id].append(visit.satisfied)
        return {emp: satisfaction.satisfaction_rate(values) for emp, values in answers.items()}

    def _book_survey_events(self):
        event_type = self.env.ref("service_scorecard.event_type_survey")
        Event = self.env["service.scorecard.event"].sudo()
        for period in self:
            for employee_id, rate in period._survey_rates().items():
                if not satisfaction.survey_reaches(rate, event_type.survey_threshold):
                    continue
                Event._create_once(
                    f"sc10:{period.id}:{employee_id}",
                    {
                        "name": self.env._(
                            "Satisfaction survey %(quarter)s: %(rate)s %%",
                            quarter=period.name,
                            rate=rate,
                        ),
                        "employee_id": employee_id,
                        "date": period.date_end,
                        "type_id": event_type.id,
                        "survey_rate": rate,
                    },
                    confirm=True,
                )

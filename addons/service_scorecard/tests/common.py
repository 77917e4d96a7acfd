# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

SUPERVISOR = "service_scorecard.group_service_scorecard_manager"
CUSTOMER_MANAGER = "service_scorecard.group_service_scorecard_user"


class ServiceScorecardCommon(TransactionCase):
    """A park supervisor, an HR officer and three customer managers (Li, Liu, Chen) scored in
    2025, plus an employee who is not scored."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.user_supervisor = new_test_user(
            cls.env, login="sc_supervisor", name="Supervisor Zhang", groups=SUPERVISOR
        )
        cls.user_hr = new_test_user(
            cls.env, login="sc_hr", name="HR Wang", groups="hr.group_hr_user"
        )
        cls.user_li = new_test_user(cls.env, login="sc_li", name="Li Na", groups=CUSTOMER_MANAGER)
        cls.user_liu = new_test_user(
            cls.env, login="sc_liu", name="Liu Yang", groups=CUSTOMER_MANAGER
        )
        cls.user_chen = new_test_user(
            cls.env, login="sc_chen", name="Chen Jing", groups=CUSTOMER_MANAGER
        )
        cls.company.scorecard_hr_user_id = cls.user_hr
        Employee = cls.env["hr.employee"]
        cls.li, cls.liu, cls.chen = Employee.create(
            [
                {"name": user.name, "user_id": user.id, "scorecard_enabled": True}
                for user in (cls.user_li, cls.user_liu, cls.user_chen)
            ]
        )
        cls.managers = cls.li | cls.liu | cls.chen
        cls.not_scored = Employee.create({"name": "Accountant Zhao"})
        cls.evidence = (
            cls.env["ir.attachment"]
            .with_user(cls.user_supervisor)
            .create({"name": "work_order.txt", "datas": base64.b64encode(b"work order 1024")})
        )
        ref = cls.env.ref
        cls.t_won = ref("service_scorecard.event_type_user_won")
        cls.t_lost = ref("service_scorecard.event_type_user_lost")
        cls.t_install = ref("service_scorecard.event_type_installation_failed")
        cls.t_complaint = ref("service_scorecard.event_type_complaint")
        cls.t_praise = ref("service_scorecard.event_type_praise")
        cls.t_unreported = ref("service_scorecard.event_type_unreported_complaint")
        cls.t_adjust = ref("service_scorecard.event_type_adjustment")
        cls.t_survey = ref("service_scorecard.event_type_survey")
        cls.t_fraud = ref("service_scorecard.event_type_fraud")
        cls.Event = cls.env["service.scorecard.event"]
        cls.Period = cls.env["service.scorecard.period"]
        cls.Card = cls.env["service.scorecard"]
        cls.Quarter = cls.env["service.scorecard.quarter"]
        cls.Line = cls.env["employee.incentive.line"]

    @classmethod
    def _event(cls, employee, event_type, day, quantity=1, confirm=True, **extra):
        """The supervisor records (and confirms) an event with its evidence."""
        vals = {
            "name": f"{event_type.name} {day}",
            "employee_id": employee.id,
            "type_id": event_type.id,
            "date": day,
            "quantity": quantity,
            "evidence_ids": [(6, 0, cls.evidence.ids)],
        }
        vals.update(extra)
        event = cls.Event.with_user(cls.user_supervisor).create(vals)
        if confirm:
            event.action_confirm()
        return event

    @classmethod
    def _get_period(cls, period_type, day):
        """The company's month or quarter holding ``day``, created when missing."""
        periods = cls.Period._ensure_periods([(cls.company.id, day)], period_type)
        return next(iter(periods.values())).with_user(cls.user_supervisor)

    @classmethod
    def _close_quarter(cls, year, quarter):
        """The supervisor closes the quarter's three months, then the quarter."""
        first = 3 * (quarter - 1) + 1
        months = [cls._get_period("month", date(year, first + i, 1)) for i in range(3)]
        for month in months:
            if month.state == "open":
                month.action_close()
        period = cls._get_period("quarter", date(year, first, 1))
        period.action_close()
        return period

    def _card(self, employee, day):
        return self.Card.search(
            [("employee_id", "=", employee.id), ("date_start", "=", day.replace(day=1))]
        )

    def _lines(self, employee=None, rule_ref=None):
        domain = [("rule_ref", "like", "SC-")]
        if employee:
            domain.append(("employee_id", "=", employee.id))
        if rule_ref:
            domain.append(("rule_ref", "=", rule_ref))
        return self.Line.search(domain)

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ServiceScorecardCommon

JAN = date(2025, 1, 10)


@tagged("post_install", "-at_install")
class TestScorecardSecurity(ServiceScorecardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for employee in cls.managers:
            cls._event(employee, cls.t_won, JAN)
        cls._close_quarter(2025, 1)

    def test_customer_manager_reads_only_own_scorecards(self):
        """SC-1..SC-5: Li reads her own monthly and quarterly scorecards and events, never her
        colleagues', and changes nothing."""
        for model in ("service.scorecard", "service.scorecard.quarter", "service.scorecard.event"):
            records = self.env[model].with_user(self.user_li).search([])
            self.assertTrue(records, model)
            self.assertEqual(records.employee_id, self.li, model)
        card = self.Card.with_user(self.user_li).search([], limit=1)
        card.read(["score", "grade_id", "reward_amount", "rank_quality"])
        with self.assertRaises(UserError):  # AccessError, or the month is closed
            card.write({"revenue": 1})
        with self.assertRaises(AccessError):
            self.Event.with_user(self.user_li).create(
                {"name": "Praise", "employee_id": self.li.id, "type_id": self.t_praise.id}
            )
        with self.assertRaises(AccessError):
            self._card(self.liu, JAN).with_user(self.user_li).read(["score"])

    def test_supervisor_and_hr_see_everyone(self):
        """Supervisors record events for and read every manager; HR reads every scorecard."""
        for user in (self.user_supervisor, self.user_hr):
            cards = self.Card.with_user(user).search([])
            self.assertEqual(cards.employee_id, self.managers, user.name)
        with self.assertRaises(AccessError):
            self.Event.with_user(self.user_hr).create(
                {"name": "Praise", "employee_id": self.li.id, "type_id": self.t_praise.id}
            )

    def test_other_company_is_hidden(self):
        """Scorecards of another company stay there."""
        other = self.env["res.company"].create({"name": "Other Co"})
        employee = self.env["hr.employee"].create(
            {"name": "Wu Lei", "company_id": other.id, "scorecard_enabled": True}
        )
        self.Event.with_company(other).create(
            {
                "name": "Won",
                "employee_id": employee.id,
                "type_id": self.t_won.id,
                "date": JAN,
            }
        )
        cards = self.Card.with_user(self.user_supervisor).search([])
        self.assertNotIn(employee, cards.employee_id)
        self.user_supervisor.company_ids |= other
        cards = (
            self.Card.with_user(self.user_supervisor)
            .with_context(allowed_company_ids=self.company.ids)
            .search([])
        )
        self.assertNotIn(employee, cards.employee_id)

    def test_views_open_for_every_role(self):
        """Customer managers, supervisors and HR open the scorecard views and read what they
        show."""
        for user in (self.user_li, self.user_supervisor, self.user_hr):
            for model in (
                "service.scorecard",
                "service.scorecard.quarter",
                "service.scorecard.event",
            ):
                Model = self.env[model].with_user(user)
                views = Model.get_views([(False, "list"), (False, "form")])
                record = Model.search([], limit=1)
                for view in views["views"].values():
                    fields_in_view = [
                        name for name in views["models"][model]["fields"] if name in Model._fields
                    ]
                    record.read(fields_in_view)
                    self.assertTrue(view["arch"])

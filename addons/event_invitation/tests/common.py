# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

import pytz
from freezegun import freeze_time

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

SHANGHAI = pytz.timezone("Asia/Shanghai")
SALES = "sales_team.group_sale_salesman"


def local(day, hour, minute=0):
    """A naive UTC datetime for ``hour:minute`` on ``day`` in Shanghai (the company's zone)."""
    moment = SHANGHAI.localize(datetime.datetime.combine(day, datetime.time(hour, minute)))
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


class EventInvitationCommon(TransactionCase):
    """Two divisions (sales teams A and B) inviting to one afternoon joint event.

    The company works in Shanghai; every user works in another zone, so that a cut-off read
    in the user's zone would fail the tests.
    """

    EVENT_DAY = datetime.date(2026, 12, 10)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"

        def user(login, groups=SALES):
            return new_test_user(
                cls.env, login=login, name=login, groups=groups, tz="America/New_York"
            )

        cls.manager_a = user("ev_manager_a")
        cls.manager_b = user("ev_manager_b")
        cls.sales_a = user("ev_sales_a")
        cls.sales_b = user("ev_sales_b")
        cls.coordinator = user(
            "ev_coordinator", f"{SALES},event_invitation.group_event_invitation_coordinator"
        )
        cls.general_manager = user(
            "ev_gm", f"{SALES},event_invitation.group_event_invitation_general_manager"
        )
        cls.hr = user("ev_hr", "hr.group_hr_user")
        Employee = cls.env["hr.employee"]
        cls.emp = {
            u: Employee.create({"name": u.name, "user_id": u.id})
            for u in (cls.manager_a, cls.manager_b, cls.sales_a, cls.sales_b)
        }
        Team = cls.env["crm.team"]
        cls.team_a = Team.create(
            {"name": "Division A", "user_id": cls.manager_a.id, "member_ids": [cls.sales_a.id]}
        )
        cls.team_b = Team.create(
            {"name": "Division B", "user_id": cls.manager_b.id, "member_ids": [cls.sales_b.id]}
        )
        cls.event = cls.env["event.event"].create(
            {
                "name": "Joint Launch",
                "date_begin": local(cls.EVENT_DAY, 14),
                "date_end": local(cls.EVENT_DAY, 17),
                "invitation_coordinator_id": cls.coordinator.id,
                "invitation_division_ids": [
                    (0, 0, {"team_id": cls.team_a.id, "sequence": 1}),
                    (0, 0, {"team_id": cls.team_b.id, "sequence": 2}),
                ],
            }
        )
        cls.div_a, cls.div_b = cls.event.invitation_division_ids
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create({"name": "Mr Zhou", "phone": "13800138000"})
        # The same mobile typed another way: the same customer for lead_protection (LP-5).
        cls.customer_twin = Partner.create({"name": "Zhou (B)", "phone": "138 0013 8000"})
        cls.other = Partner.create({"name": "Ms Qian", "email": "qian@example.com"})
        cls.old_customer = Partner.create({"name": "Old Customer Sun"})
        cls.Invitation = cls.env["event.invitation"]

    def day(self, offset):
        return self.EVENT_DAY + datetime.timedelta(days=offset)

    def invite(self, user, division, partner, role="guest", at=None):
        """``user`` invites ``partner`` and confirms at ``at`` (naive UTC) when given."""
        inv = self.Invitation.with_user(user).create(
            {
                "event_id": self.event.id,
                "division_id": division.id,
                "partner_id": partner.id,
                "user_id": user.id,
                "role": role,
            }
        )
        if at:
            with freeze_time(at):
                inv.action_confirm()
        return inv.with_env(self.env)

    def file(self, manager, division, day, at):
        lst = (
            self.env["event.invitation.list"]
            .with_user(manager)
            .create({"event_id": self.event.id, "division_id": division.id, "list_date": day})
        )
        with freeze_time(at):
            lst.action_file()
        return lst.with_env(self.env)

    def fines(self, user, rule):
        return self.env["employee.incentive.line"].search(
            [("employee_id", "=", self.emp[user].id), ("rule_ref", "=", rule)]
        )

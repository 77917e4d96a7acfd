# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.lead_protection.tests.common import LeadProtectionCommon


class LeadReceptionCommon(LeadProtectionCommon):
    """lead_protection's team (manager, three salespeople, HR) plus a receptionist, a
    director, a second team with its manager, and a company in Shanghai time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.user_desk = new_test_user(
            cls.env,
            login="lr_desk",
            name="Desk Xu",
            groups="lead_reception.group_lead_reception_receptionist",
        )
        cls.user_director = new_test_user(
            cls.env,
            login="lr_director",
            name="Director Ma",
            groups="lead_reception.group_lead_reception_director",
        )
        cls.user_manager_2 = new_test_user(
            cls.env,
            login="lr_manager_2",
            name="Manager Wu",
            groups="sales_team.group_sale_manager",
        )
        cls.user_sales_4 = new_test_user(
            cls.env, login="lr_sales_4", name="Huang Lei", groups="sales_team.group_sale_salesman"
        )
        cls.team_2 = cls.env["crm.team"].create(
            {
                "name": "West",
                "user_id": cls.user_manager_2.id,
                "member_ids": [(6, 0, cls.user_sales_4.ids)],
            }
        )
        cls.env["hr.employee"].create(
            [
                {"name": user.name, "user_id": user.id}
                for user in (cls.user_manager, cls.user_sales_4, cls.user_desk)
            ]
        )
        cls.company.reception_director_user_id = cls.user_director
        cls.rotation = cls.env["lead.protection.rotation"].create(
            {
                "team_id": cls.team.id,
                "receptionist_ids": [(6, 0, cls.user_desk.ids)],
                "line_ids": [
                    (0, 0, {"user_id": user.id, "sequence": seq})
                    for seq, user in enumerate(
                        (cls.user_sales_1, cls.user_sales_2, cls.user_sales_3)
                    )
                ],
            }
        )
        cls.Visit = cls.env["lead.reception.visit"]

    @classmethod
    def _visit_vals(cls, phone="13900139000", **extra):
        vals = {
            "team_id": cls.team.id,
            "visitor_name": "Visitor Qian",
            "phone_input": phone,
            "asks_for": "no",
            "been_before": "no",
            "has_appointment": "no",
        }
        vals.update(extra)
        return vals

    def _enter(self, user, phone="13900139000", **extra):
        return self.Visit.with_user(user).create(self._visit_vals(phone, **extra))

    def _line(self, user):
        return self.rotation.line_ids.filtered(lambda line: line.user_id == user)

    def _won_deal(self, user, phone="13900139000", **extra):
        lead = self._lead(user, phone=phone, **extra)
        lead.action_set_won()
        return lead

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class LeadProtectionCommon(TransactionCase):
    """A sales team (manager, three salespeople), HR/admin and finance, in a company with no
    country (phone numbers fall back on the configured default country, China)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "country_id": False,
                "protection_phone_country_id": cls.env.ref("base.cn").id,
            }
        )
        salesman = "sales_team.group_sale_salesman"
        cls.user_manager = new_test_user(
            cls.env,
            login="lp_manager",
            name="Manager Zhang",
            groups="sales_team.group_sale_manager",
        )
        cls.user_sales_1 = new_test_user(cls.env, login="lp_sales_1", name="Li Na", groups=salesman)
        cls.user_sales_2 = new_test_user(
            cls.env, login="lp_sales_2", name="Liu Yang", groups=salesman
        )
        cls.user_sales_3 = new_test_user(
            cls.env, login="lp_sales_3", name="Chen Jing", groups=salesman
        )
        cls.user_hr = new_test_user(
            cls.env, login="lp_hr", name="HR Wang", groups="hr.group_hr_user"
        )
        cls.user_finance = new_test_user(cls.env, login="lp_finance", name="Finance Zhao")
        cls.company.write(
            {
                "protection_hr_user_id": cls.user_hr.id,
                "protection_finance_user_id": cls.user_finance.id,
            }
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "East",
                "user_id": cls.user_manager.id,
                "member_ids": [
                    (6, 0, (cls.user_sales_1 | cls.user_sales_2 | cls.user_sales_3).ids)
                ],
                "protection_commission_rate": 2.0,
            }
        )
        cls.employees = cls.env["hr.employee"].create(
            [
                {"name": user.name, "user_id": user.id}
                for user in (cls.user_sales_1, cls.user_sales_2, cls.user_sales_3)
            ]
        )
        cls.kind_walk_in = cls.env.ref("lead_protection.kind_walk_in")
        cls.kind_appointment = cls.env.ref("lead_protection.kind_appointment")
        cls.kind_follow_up = cls.env.ref("lead_protection.kind_follow_up")
        cls.kind_project = cls.env.ref("lead_protection.kind_project")
        cls.Registration = cls.env["lead.protection.registration"]
        cls.Collision = cls.env["lead.protection.collision"]

    @classmethod
    def _lead(cls, user, name="Prospect", phone="13800138000", **extra):
        vals = {
            "name": name,
            "type": "opportunity",
            "contact_name": "Zhao Qiang",
            "phone": phone,
            "street": "Zhangjiang Road 88",
            "city": "Shanghai",
            "user_id": user.id,
            "team_id": cls.team.id,
            "expected_revenue": 100000.0,
        }
        vals.update(extra)
        return cls.env["crm.lead"].create(vals)

    def _register(self, user, lead, kind=None):
        return self.Registration.with_user(user)._register_leads(
            lead.with_user(user), (kind or self.kind_walk_in).with_user(user)
        )

    def _ledger(self, rule_ref):
        return self.env["employee.incentive.line"].search([("rule_ref", "=", rule_ref)])

    def _project(self, user, lead, leader=None):
        """LP-26: ``user`` applies for the project registration of ``lead``; the team's
        leader (default its manager) confirms it. :return: the registration"""
        project = self.env["lead.protection.project"].with_user(user)._apply(lead.with_user(user))
        project.with_user(leader or self.user_manager).action_confirm()
        return project.sudo().registration_id.with_env(self.env)

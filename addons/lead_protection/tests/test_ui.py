# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestLeadProtectionUi(HttpCase):
    def test_lp5_collision_message_in_chinese(self):
        """LP-5, in a real browser: the first salesperson registers a customer; the second,
        working in zh_CN, registers the same mobile from his lead and sees the collision
        (撞单) message."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["lead_protection"], ["zh_CN"])
        self.env.company.protection_phone_country_id = self.env.ref("base.cn")
        salesman = "sales_team.group_sale_salesman"
        first = new_test_user(self.env, login="tour_first", groups=salesman)
        second = new_test_user(self.env, login="tour_second", groups=salesman, lang="zh_CN")
        values = {
            "type": "opportunity",
            "contact_name": "赵强",
            "street": "张江路 88 号",
            "city": "上海",
        }
        lead_first = self.env["crm.lead"].create(
            dict(values, name="First", phone="13800138000", user_id=first.id)
        )
        self.env["lead.protection.registration"].with_user(first)._register_leads(
            lead_first.with_user(first), self.env.ref("lead_protection.kind_walk_in")
        )
        lead_second = self.env["crm.lead"].create(
            dict(values, name="Second", phone="+86 138 0013 8000", user_id=second.id)
        )
        self.start_tour(
            f"/odoo/crm.lead/{lead_second.id}",
            "lead_protection_collision_tour",
            login="tour_second",
        )
        registration = lead_second.protection_registration_ids
        self.assertEqual(registration.state, "collided")
        self.assertTrue(
            self.env["lead.protection.collision"].search(
                [("challenger_registration_id", "=", registration.id)]
            )
        )

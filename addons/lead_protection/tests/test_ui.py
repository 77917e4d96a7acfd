# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import LeadProtectionCommon


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


@tagged("post_install", "-at_install")
class TestSheetMobileUi(HttpCase):
    """LP-19 on a phone: the follow-up sheet form is usable at a phone's width."""

    browser_size = "375x667"
    touch_enabled = True

    def test_lp19_salesperson_updates_his_sheet_on_a_phone(self):
        """LP-19: at 375 px wide, the salesperson edits and saves his own sheet's unit price
        and contact feedback; the change is kept in the chatter."""
        self.env.company.protection_phone_country_id = self.env.ref("base.cn")
        user = new_test_user(self.env, login="tour_sheet", groups="sales_team.group_sale_salesman")
        lead = self.env["crm.lead"].create(
            {
                "name": "Sheet",
                "type": "opportunity",
                "contact_name": "周明",
                "phone": "13912346789",
                "street": "珠江新城 8 号",
                "city": "广州",
                "user_id": user.id,
                "expected_revenue": 36000.0,
            }
        )
        sheet = (
            self.env["lead.protection.registration"]
            .with_user(user)
            ._register_leads(lead.with_user(user), self.env.ref("lead_protection.kind_follow_up"))
        )
        action = self.env.ref("lead_protection.lead_protection_sheet_action")
        self.start_tour(
            f"/odoo/action-{action.id}/{sheet.id}",
            "lead_protection_sheet_mobile_tour",
            login="tour_sheet",
        )
        sheet.invalidate_recordset()
        self.assertEqual(sheet.expected_unit_price, 3800.0)
        self.assertIn("second visit", sheet.contact_feedback)
        self.assertEqual(sheet.sheet_completeness, 75.0)


@tagged("post_install", "-at_install")
class TestChangeFormUi(LeadProtectionCommon, HttpCase):
    """LP-18 in a real browser, in Chinese."""

    def test_lp18_receiver_accepts_the_change_form_in_chinese(self):
        """LP-18: a salesperson drafts the change of a deal won today to his colleague; the
        colleague, working in zh_CN, opens the form, accepts it (接受) for himself, and the
        form waits for the manager (等待经理); the manager is asked to sign."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["lead_protection"], ["zh_CN"])
        self.user_sales_2.lang = "zh_CN"
        self.company.protection_director_user_id = self.user_manager
        lead = self._lead(self.user_sales_1, name="Deal of Li Na")
        lead.action_set_won()
        form = (
            self.env["lead.protection.change"]
            .with_user(self.user_sales_1)
            ._draft(lead, self.user_sales_2, "Liu Yang closed it with the customer.")
        )
        self.assertEqual(
            (form.state, form.from_accepted, form.to_accepted), ("accept", True, False)
        )
        self.start_tour(
            f"/odoo/lead.protection.change/{form.id}",
            "lead_protection_change_tour",
            login=self.user_sales_2.login,
        )
        form.invalidate_recordset()
        self.assertEqual((form.state, form.to_accepted), ("manager", True))
        self.assertIn(
            self.user_manager,
            self.env["mail.activity"]
            .search([("res_model", "=", form._name), ("res_id", "=", form.id)])
            .user_id,
        )

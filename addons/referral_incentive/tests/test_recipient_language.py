# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import IN_TIME, ReferralCommon


@tagged("post_install", "-at_install")
class TestRecipientLanguage(ReferralCommon):
    def test_ri6_cron_writes_activities_in_the_assignees_language(self):
        """RI-6: the monthly job runs as OdooBot in English, yet HR (zh_CN) and the consulting
        supervisor (zh_TW) read their activities, summary and note, in their own language;
        an English-speaking assignee still reads English."""
        Lang = self.env["res.lang"]
        for code in ("zh_CN", "zh_TW"):
            Lang._activate_lang(code)
        self.env["ir.module.module"]._load_module_terms(["referral_incentive"], ["zh_CN", "zh_TW"])
        self.user_hr.lang = "zh_CN"
        self.user_supervisor.lang = "zh_TW"
        self.user_gm.lang = "en_US"
        bot = self.env.ref("base.user_root")
        Month = self.env["referral.month"].with_user(bot).with_context(lang="en_US")
        with freeze_time("2026-11-01 06:00"):
            month = Month._cron_prepare().filtered(lambda m: m.company_id == self.company)
        activities = {
            activity.user_id: activity
            for activity in month.activity_ids.with_user(self.user_hr).with_context(lang="zh_CN")
        }
        self.assertEqual(activities[self.user_hr].summary, "发送月度推荐报告（RI-6）")
        judge = activities[self.user_supervisor]
        self.assertRegex(judge.summary, "[\u4e00-\u9fff]")
        self.assertIn("評定", str(judge.note))
        self.assertIn("2026-11-10", str(judge.note))
        with freeze_time("2026-11-16 06:00"):
            Month._cron_prepare()
        overdue = month.activity_ids.filtered(lambda act: act.user_id == self.user_gm)
        self.assertIn("overdue", overdue.summary)

    def test_ri7_english_deciders_leave_the_salesperson_chinese(self):
        """RI-7, RI-5: the manager (en_US) refuses a zh_CN salesperson's claim: the message
        addressed to him is Chinese; HR (en_US) approves another: its ledger line, which he
        reads on his payslip, is named in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["referral_incentive"], ["zh_CN"])
        self.user_li.lang = "zh_CN"
        (self.user_manager | self.user_hr).lang = "en_US"
        refused = self._claim(self.user_li, self._won_deal(self.new_customer, amount=100000.0))
        other = self.env["res.partner"].create({"name": "Jiangnan Pumps", "is_company": True})
        approved = self._claim(self.user_li, self._won_deal(other, amount=100000.0))
        with freeze_time(IN_TIME):
            refused.with_user(self.user_li).action_submit()
            approved.with_user(self.user_li).action_submit()
            refused.with_user(self.user_manager).with_context(lang="en_US")._refuse("No contract")
            approved.with_user(self.user_manager).with_context(lang="en_US").action_review()
            approved.with_user(self.user_hr).with_context(lang="en_US").action_approve()
        message = refused.message_ids.filtered(lambda m: m.partner_ids == self.user_li.partner_id)[
            :1
        ]
        self.assertIn("已拒绝：No contract", str(message.body))
        self.assertEqual(approved.state, "approved")
        self.assertRegex(approved.ledger_line_id.name, "^推荐奖金 ")

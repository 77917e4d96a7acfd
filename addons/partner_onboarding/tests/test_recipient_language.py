# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import PartnerOnboardingCommon

CHINESE = "[\u4e00-\u9fff]"


@tagged("post_install", "-at_install")
class TestRecipientLanguage(PartnerOnboardingCommon):
    """What the workflow writes for a person is in that person's language, whoever acts:
    the introducing unit reads Chinese, the central office and the market development
    department act in English, scheduled jobs run as OdooBot in English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("zh_CN", "zh_TW"):
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"]._load_module_terms(["partner_onboarding"], ["zh_CN", "zh_TW"])
        cls.user_intro.lang = "zh_CN"
        (cls.user_central | cls.user_central_2 | cls.user_market).lang = "en_US"

    def _message_to(self, record, user):
        """The latest message of ``record`` addressed to ``user``."""
        return record.message_ids.filtered(
            lambda message: user.partner_id in message.partner_ids and message.body
        )[:1]

    def test_po3_admission_by_an_english_reviewer_reads_chinese(self):
        """PO-3: the central office, in English, admits the application of a zh_CN
        introducing unit: the message addressed to him and his step activity are Chinese,
        the reviewer's own step activities English."""
        application = self._admit(grade="b")
        message = self._message_to(application, self.user_intro)
        self.assertIn("其余步骤已安排为活动", str(message.body))
        steps = {
            activity.user_id: activity.summary
            for activity in application.activity_ids.with_user(self.user_intro)
            if activity.user_id == self.user_intro
        }
        self.assertEqual(steps[self.user_intro], "签订联营合作协议")
        reviewer_steps = application.activity_ids.filtered(
            lambda activity: activity.user_id == self.user_central
        )
        self.assertTrue(reviewer_steps)
        self.assertNotRegex("".join(reviewer_steps.mapped("summary")), CHINESE)

    def test_po3_refusal_reads_in_the_introducers_language(self):
        """PO-3: a refusal by an English reviewer reaches the zh_CN introducing unit in
        Chinese, message and activity."""
        application = self._application()
        application.action_submit()
        application.with_user(self.user_central)._onboarding_refuse("Licence expired")
        message = self._message_to(application, self.user_intro)
        self.assertIn("中心办公室已拒绝", str(message.body))
        activity = application.activity_ids.filtered(
            lambda activity: activity.user_id == self.user_intro
        )
        self.assertRegex(activity.summary, CHINESE)

    def test_po11_decision_reads_in_the_proposers_language(self):
        """PO-11: two English deciders approve a zh_TW proposer's grade change: he reads
        the decision in traditional Chinese."""
        self._admit(grade="b")
        self.user_intro.lang = "zh_TW"
        change = self.Change.with_user(self.user_intro).create(
            {"partner_id": self.partner.id, "new_grade": "a", "reason": "bid_won"}
        )
        change.with_user(self.user_central).action_approve_central()
        change.with_user(self.user_market).action_approve_market()
        self.assertEqual(change.state, "approved")
        message = self._message_to(change, self.user_intro)
        self.assertIn("由中心辦公室和市場開發部共同決定", str(message.body))

    def test_po5_planning_job_writes_the_visit_in_the_visitors_language(self):
        """PO-5: the planning job runs as OdooBot in English; the zh_CN introducing unit
        reads its visit activity in Chinese, as itself."""
        with freeze_time("2026-11-10"):
            self._admit(grade="a")
            bot = self.env.ref("base.user_root")
            self.Visit.with_user(bot).with_context(lang="en_US")._cron_plan()
        regular = self.Visit.search(
            [("partner_id", "=", self.partner.id), ("kind", "=", "regular")]
        )
        self.assertEqual(regular.user_id, self.user_intro)
        activity = regular.activity_ids.with_user(self.user_intro).with_context(lang="zh_CN")
        self.assertEqual(activity.summary, "Hangzhou Construction Group 的定期拜访")

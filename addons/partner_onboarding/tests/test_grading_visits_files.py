# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MANAGER, MARKET, PartnerOnboardingCommon


@tagged("post_install", "-at_install")
class TestGradingVisitsFiles(PartnerOnboardingCommon):
    def _visits(self, partner):
        return self.Visit.search([("partner_id", "=", partner.id), ("state", "=", "planned")])

    def test_po5_visits_planned_by_grade_with_deadlines(self):
        """PO-5: regular visits by the grade's frequency (A monthly), senior management
        yearly for A partners, partners in other regions at least every 6 months, more
        visits when a project is near; overdue visits are flagged."""
        with freeze_time("2026-11-10"):
            self._admit(grade="a")
            far = self._quick_admitted(1, grade="d", onboarding_other_region=True)
            self.Visit._cron_plan()
            self.Visit._cron_plan()  # planned once
        visits = self._visits(self.partner)
        self.assertEqual(
            {visit.kind: visit.date_deadline for visit in visits},
            {"regular": date(2026, 12, 10), "senior": date(2027, 11, 10)},
        )
        self.assertTrue(all(visit.activity_ids.date_deadline for visit in visits))
        self.assertEqual(self._visits(far).date_deadline, date(2026, 7, 5))
        # A joint-venture project closing soon brings the visit forward.
        with freeze_time("2026-11-12"):
            self.env["crm.lead"].create(
                {
                    "name": "Depot (JV)",
                    "type": "opportunity",
                    "partner_id": self.partner.id,
                    "tag_ids": [(6, 0, self.jv_tag.ids)],
                    "date_deadline": date(2026, 12, 20),
                }
            )
            self.Visit._cron_plan()
        regular = self._visits(self.partner).filtered(lambda v: v.kind == "regular")
        self.assertEqual(regular.date_deadline, date(2026, 11, 24))
        self.assertTrue(regular.project_near)
        with freeze_time("2026-11-25"):
            self.Visit._cron_plan()
        self.assertTrue(regular.is_overdue)
        self.assertIn(regular, self.Visit.search([("is_overdue", "=", True)]))

    def test_po5_planning_is_a_batch(self):
        """PO-5: planning the visits of many partners costs the same queries as few."""
        with freeze_time("2026-11-10"):
            self._quick_admitted(3, grade="c")
            self.Visit._cron_plan()
            self._quick_admitted(3, grade="b")
            self.env.invalidate_all()
            with self.assertQueryCount(30):  # + savepoint of the retryable create, company zone
                self.Visit._cron_plan()
            self._quick_admitted(30, grade="b")
            self.env.invalidate_all()
            with self.assertQueryCount(30):  # + savepoint of the retryable create, company zone
                self.Visit._cron_plan()
        self.assertEqual(self.Visit.search_count([("state", "=", "planned")]), 3 + 33)

    def test_po6_visit_report_updates_partner_and_next_moves(self):
        """PO-6: each visit report updates the partner's data and records next moves."""
        with freeze_time("2026-11-10"):
            self._admit(grade="b")
            self.Visit._cron_plan()
        visit = self._visits(self.partner).filtered(lambda v: v.kind == "regular")
        visit = visit.with_user(self.user_intro)
        with self.assertRaisesRegex(UserError, "PO-6"):
            visit.action_done()
        visit.write(
            {
                "report": "New site office opened in Ningbo.",
                "next_moves": "Bidding for the Ningbo port project in January.",
                "partner_phone": "+86 571 8888 0000",
                "partner_city": "Ningbo",
            }
        )
        with freeze_time("2026-11-20"):
            visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertEqual(self.partner.city, "Ningbo")
        self.assertEqual(self.partner.phone, "+86 571 8888 0000")
        file = self.partner.onboarding_file_ids
        self.assertEqual(file.next_moves, "Bidding for the Ningbo port project in January.")
        self.assertEqual(file.last_visit_date, date(2026, 11, 20))

    def test_po7_po8_one_file_snapshotted_half_yearly_for_a_and_b(self):
        """PO-7: one file per partner, A and B files archived every half year as immutable
        dated copies, C and D kept current only; PO-8: the file's sections."""
        with freeze_time("2026-06-10"):
            self._admit(grade="a")
        c_partner = self.env["res.partner"].create({"name": "Jiaxing Works", "is_company": True})
        with freeze_time("2026-06-10"):
            self._admit(c_partner, grade="c")
        file = self.partner.onboarding_file_ids
        self.assertEqual(len(file), 1)
        before = file.file_completeness
        file.with_user(self.user_central).write(
            {
                "contracting_region": "Zhejiang",
                "background": "Former state-owned builder; chairman knows the district.",
                "past_performance": "Three municipal projects on time.",
                "cooperation_behaviour": "Responsive, pays suppliers on time.",
                "post_completion_evaluation": "Warranty claims handled within a week.",
                "credit_standing": "good",
            }
        )
        self.assertGreater(file.file_completeness, before)
        with freeze_time("2026-07-02"):
            self.File._cron_snapshot()
            self.File._cron_snapshot()
        snapshot = file.snapshot_ids
        self.assertEqual(len(snapshot), 1)
        self.assertRecordValues(
            snapshot,
            [
                {
                    "period_start": date(2026, 1, 1),
                    "period_end": date(2026, 6, 30),
                    "background": file.background,
                    "date": date(2026, 7, 2),
                }
            ],
        )
        self.assertFalse(c_partner.onboarding_file_ids.snapshot_ids)
        with self.assertRaises(UserError):
            snapshot.write({"background": "rewritten"})
        with self.assertRaises(UserError):
            snapshot.unlink()

    def test_po9_ranking_and_preferred_partners(self):
        """PO-9: partners are ranked by the completeness of form and file and the past
        year's record; the central office marks top partners for discounts and priority."""
        other = self.env["res.partner"].create({"name": "Shaoxing Build", "is_company": True})
        with freeze_time("2026-11-10"):
            self._admit(grade="a")
            self._admit(other, grade="b")
        good = self.partner.onboarding_file_ids
        weak = other.onboarding_file_ids
        good.write(
            {
                "background": "Known builder",
                "past_performance": "On time",
                "contract_rating": 5,
                "safety_quality_rating": 5,
                "cooperation_rating": 4,
            }
        )
        weak.write({"contract_rating": 2, "safety_quality_rating": 3, "cooperation_rating": 2})
        good.with_user(self.user_central).action_rank()
        self.assertEqual((good.ranking, weak.ranking), (1, 2))
        self.assertGreater(good.ranking_score, weak.ranking_score)
        with self.assertRaises(UserError):
            good.with_user(self.user_intro).action_mark_preferred()
        with self.assertRaisesRegex(UserError, "PO-9"):
            weak.with_user(self.user_central).action_mark_preferred()
        good.with_user(self.user_central).action_mark_preferred()
        self.assertTrue(good.preferred)

    def test_po10_key_partners_need_complete_materials(self):
        """PO-10: A and B partners' materials must be complete, true and valid: missing
        material downgrades (default) or blocks the grade."""
        with freeze_time("2026-11-10"):
            application = self._admit(grade="a", key_materials=False)
        self.assertEqual(self.partner.onboarding_grade, "c")
        self.assertEqual(application.grade, "c")
        history = self.partner.onboarding_grade_change_ids
        self.assertEqual((history.new_grade, history.granted_grade), ("a", "c"))
        self.company.onboarding_incomplete_policy = "block"
        other = self.env["res.partner"].create({"name": "Taizhou Works", "is_company": True})
        with freeze_time("2026-11-10"), self.assertRaisesRegex(UserError, "PO-10"):
            self._admit(other, grade="b", key_materials=False)

    def test_po11_grade_change_needs_two_approvals_with_history(self):
        """PO-11: the responsible unit proposes, the central office and the market
        development department both approve (two people), the history is kept."""
        with freeze_time("2026-11-10"):
            self._admit(grade="b")
        change = self.Change.with_user(self.user_intro).create(
            {"partner_id": self.partner.id, "new_grade": "a", "reason": "bid_won"}
        )
        self.assertEqual(change.old_grade, "b")
        deciders = change.activity_ids.user_id
        self.assertEqual(len(change.activity_ids), 2)
        self.assertTrue(
            deciders.filtered(lambda u: u.has_group(MANAGER))
            and deciders.filtered(lambda u: u.has_group(MARKET))
        )
        with self.assertRaisesRegex(UserError, "PO-11"):
            change.with_user(self.user_intro).action_approve_central()
        with self.assertRaisesRegex(UserError, "PO-11"):
            change.with_user(self.user_central).action_approve_market()
        change.with_user(self.user_central).action_approve_central()
        self.assertEqual(change.state, "proposed")
        self.assertEqual(self.partner.onboarding_grade, "b")
        change.with_user(self.user_market).action_approve_market()
        self.assertEqual(change.state, "approved")
        self.assertEqual(self.partner.onboarding_grade, "a")
        with self.assertRaises(UserError):
            change.with_user(self.user_central).write({"new_grade": "d"})
        self.assertEqual(len(self.partner.onboarding_grade_change_ids), 2)
        action = self.partner.with_user(self.user_central).action_onboarding_grade_history()
        self.assertEqual(action["res_model"], "partner.onboarding.grade.change")

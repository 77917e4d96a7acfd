# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EventInvitationCommon, local


@tagged("post_install", "-at_install")
class TestInvitationLists(EventInvitationCommon):
    def test_ev1_confirmation_cutoff_in_company_time_zone(self):
        """EV-1: confirmed at 17:59 Shanghai counts today, at 18:01 the next day, whatever
        the salesperson's own time zone (New York)."""
        day = self.day(-3)
        before = self.invite(self.sales_a, self.div_a, self.customer, at=local(day, 17, 59))
        after = self.invite(self.sales_a, self.div_a, self.other, at=local(day, 18, 1))
        self.assertEqual(before.count_day, day)
        self.assertEqual(after.count_day, self.day(-2))
        self.assertEqual(before.state, "confirmed")

    def test_ev1_list_one_minute_before_and_after_cutoff(self):
        """EV-1, EV-4: a list filed at 17:59 is on time; at 18:01 it is late and costs the
        division head 10; a customer confirmed after 18:00 waits for tomorrow's list."""
        day = self.day(-3)
        inv_a = self.invite(self.sales_a, self.div_a, self.customer, at=local(day, 10))
        late_conf = self.invite(self.sales_a, self.div_a, self.other, at=local(day, 18, 1))
        inv_b = self.invite(self.sales_b, self.div_b, self.old_customer, at=local(day, 11))
        list_a = self.file(self.manager_a, self.div_a, day, local(day, 17, 59))
        list_b = self.file(self.manager_b, self.div_b, day, local(day, 18, 1))
        self.assertFalse(list_a.is_late)
        self.assertTrue(list_b.is_late)
        self.assertEqual(list_a.line_ids, inv_a, "the 18:01 confirmation is tomorrow's")
        self.assertEqual(late_conf.state, "confirmed")
        self.assertTrue(inv_a.on_time)
        self.assertFalse(inv_b.on_time)
        self.assertFalse(self.fines(self.manager_a, "EV-4"))
        fine = self.fines(self.manager_b, "EV-4")
        self.assertEqual(fine.amount, -10.0)
        # The next day's list takes the late confirmation, on time.
        list_next = self.file(self.manager_a, self.div_a, self.day(-2), local(self.day(-2), 17))
        self.assertEqual(list_next.line_ids, late_conf)
        self.assertTrue(late_conf.on_time)

    def test_ev3_event_day_cutoffs(self):
        """EV-3: on the day of an afternoon event the lists are due by 10:00; of an evening
        event by 16:00 (company time zone)."""
        day = self.EVENT_DAY
        self.invite(self.sales_a, self.div_a, self.customer, at=local(day, 8))
        self.assertFalse(self.file(self.manager_a, self.div_a, day, local(day, 9, 59)).is_late)
        self.assertTrue(self.file(self.manager_b, self.div_b, day, local(day, 10, 1)).is_late)
        self.event.write({"date_begin": local(day, 19), "date_end": local(day, 21)})
        lists = self.env["event.invitation.list"].search([("event_id", "=", self.event.id)])
        self.assertEqual(lists.mapped("deadline"), [local(day, 16)] * 2)

    def test_ev1_planned_invitations_first_division_ahead(self):
        """EV-1: with day D's list the second division files its plans for D+1, the first
        division its plans for D+2 (one day ahead)."""
        day = self.day(-4)
        plan_a = self.invite(self.sales_a, self.div_a, self.customer)
        plan_a.planned_day = self.day(-2)
        plan_b = self.invite(self.sales_b, self.div_b, self.other)
        plan_b.planned_day = self.day(-2)
        list_a = self.file(self.manager_a, self.div_a, day, local(day, 17))
        list_b = self.file(self.manager_b, self.div_b, day, local(day, 17))
        self.assertEqual(list_a.planned_line_ids, plan_a)
        self.assertFalse(list_b.planned_line_ids, "the second division plans one day later")

    def test_ev1_attacker_lists_and_cutoffs(self):
        """EV-1 attacker: no direct write of the day a confirmation counts for, of the
        filing time or of the late flag; no list filed by a salesperson, by the other
        division's manager, or in advance; nothing changed."""
        day = self.day(-3)
        inv = self.invite(self.sales_a, self.div_a, self.customer, at=local(day, 18, 1))
        for vals in (
            {"count_day": day},
            {"confirmed_at": local(day, 17)},
            {"state": "listed"},
            {"on_time": True},
            {"partner_id": self.other.id},
        ):
            with self.assertRaises(UserError):
                inv.with_user(self.sales_a).write(vals)
            with self.assertRaises(UserError):
                inv.with_user(self.manager_a).write(vals)
        lst = (
            self.env["event.invitation.list"]
            .with_user(self.manager_a)
            .create({"event_id": self.event.id, "division_id": self.div_a.id, "list_date": day})
        )
        for attacker in (self.sales_a, self.manager_b, self.hr):
            with self.assertRaises(AccessError), freeze_time(local(day, 17)):
                lst.with_user(attacker).action_file()
        with freeze_time(local(self.day(-4), 17)), self.assertRaises(UserError):
            lst.with_user(self.manager_a).action_file()
        with self.assertRaises(UserError):
            lst.with_user(self.manager_a).write({"is_late": False, "state": "filed"})
        with self.assertRaises(AccessError):
            self.env["event.invitation.list"].with_user(self.manager_b).create(
                {
                    "event_id": self.event.id,
                    "division_id": self.div_a.id,
                    "list_date": self.day(-5),
                }
            )
        with freeze_time(local(day, 19)):
            lst.with_user(self.manager_a).action_file()
        with self.assertRaises(UserError):
            lst.with_user(self.manager_a).write({"list_date": self.day(-2)})
        lst.invalidate_recordset()
        self.assertEqual(lst.list_date, day)
        self.assertTrue(lst.is_late)
        self.assertEqual(inv.count_day, self.day(-2))

    def test_ev1_attacker_invites_for_another_division(self):
        """EV-1 attacker: a salesperson invites only in his own name and division, and sees
        no other division's invitations."""
        with self.assertRaises(AccessError):
            self.invite(self.sales_a, self.div_b, self.customer)
        with self.assertRaises(AccessError):
            self.Invitation.with_user(self.sales_a).create(
                {
                    "event_id": self.event.id,
                    "division_id": self.div_a.id,
                    "partner_id": self.customer.id,
                    "user_id": self.manager_a.id,
                }
            )
        with self.assertRaises(ValidationError):
            self.Invitation.with_user(self.manager_a).create(
                {
                    "event_id": self.event.id,
                    "division_id": self.div_a.id,
                    "partner_id": self.customer.id,
                    "user_id": self.sales_b.id,
                }
            )
        inv_b = self.invite(self.sales_b, self.div_b, self.customer)
        with self.assertRaises(AccessError):
            inv_b.with_user(self.sales_a).read(["partner_id"])
        with self.assertRaises(AccessError):
            inv_b.with_user(self.manager_a).action_confirm()
        self.assertEqual(inv_b.state, "planned")
        self.assertEqual(
            self.Invitation.with_user(self.manager_a).search([("event_id", "=", self.event.id)]),
            self.Invitation,
        )

    def _two_divisions_same_customer(self):
        """A confirms Mr Zhou two days before, B confirms his twin (same mobile) the day
        before; both lists filed in time."""
        inv_a = self.invite(self.sales_a, self.div_a, self.customer, at=local(self.day(-2), 9))
        inv_b = self.invite(self.sales_b, self.div_b, self.customer_twin, at=local(self.day(-1), 9))
        inv_b2 = self.invite(self.sales_b, self.div_b, self.other, at=local(self.day(-1), 9))
        self.file(self.manager_a, self.div_a, self.day(-2), local(self.day(-2), 17))
        self.file(self.manager_b, self.div_b, self.day(-1), local(self.day(-1), 17))
        return inv_a, inv_b, inv_b2

    def test_ev2_duplicate_check_keeps_first_division(self):
        """EV-2: after the 18:00 cut-off the coordinator's check keeps Mr Zhou with division
        A, which confirmed him first, by the same key as lead_protection (the mobile)."""
        inv_a, inv_b, inv_b2 = self._two_divisions_same_customer()
        with freeze_time(local(self.day(-1), 18, 1)):
            self.event.with_user(self.coordinator).action_check_invitation_duplicates()
        self.assertEqual(inv_a.state, "kept")
        self.assertEqual(inv_b.state, "removed")
        self.assertEqual(inv_b.removed_by_id, inv_a)
        self.assertEqual(inv_b2.state, "kept")
        self.assertEqual(inv_a.list_id.state, "checked")
        # A later invitation of the kept customer by B is removed at the next check.
        late = self.invite(self.sales_b, self.div_b, self.customer, at=local(self.day(0), 8))
        self.file(self.manager_b, self.div_b, self.day(0), local(self.day(0), 9))
        with freeze_time(local(self.day(0), 10, 1)):
            self.event.with_user(self.coordinator).action_check_invitation_duplicates()
        self.assertEqual(late.state, "removed")
        self.assertEqual(inv_a.state, "kept")

    def test_ev2_attacker_duplicate_check(self):
        """EV-2 attacker: not before the cut-off, not by a division manager, a salesperson or
        HR; nothing changes."""
        inv_a, inv_b, _inv_b2 = self._two_divisions_same_customer()
        with freeze_time(local(self.day(-1), 17, 59)), self.assertRaises(UserError):
            self.event.with_user(self.coordinator).action_check_invitation_duplicates()
        for attacker in (self.manager_a, self.sales_b, self.hr):
            with freeze_time(local(self.day(-1), 19)), self.assertRaises(AccessError):
                self.event.with_user(attacker).action_check_invitation_duplicates()
        with self.assertRaises(UserError):
            inv_b.with_user(self.manager_b).write({"state": "kept"})
        self.assertEqual((inv_a | inv_b).mapped("state"), ["listed", "listed"])

    def test_ev4_confirmed_not_listed_in_time_goes_to_the_lister(self):
        """EV-4: A confirmed Mr Zhou first but filed that day's list late; B invited,
        confirmed and listed him in time: he counts for B."""
        inv_a = self.invite(self.sales_a, self.div_a, self.customer, at=local(self.day(-3), 9))
        self.file(self.manager_a, self.div_a, self.day(-3), local(self.day(-3), 18, 30))
        inv_b = self.invite(self.sales_b, self.div_b, self.customer_twin, at=local(self.day(-2), 9))
        self.file(self.manager_b, self.div_b, self.day(-2), local(self.day(-2), 17))
        with freeze_time(local(self.day(-2), 19)):
            self.event.with_user(self.coordinator).action_check_invitation_duplicates()
        self.assertEqual(inv_b.state, "kept")
        self.assertEqual(inv_a.state, "removed")
        self.assertEqual(self.fines(self.manager_a, "EV-4").amount, -10.0)

    def test_ev2_promoter_counts_only_listed_in_advance(self):
        """EV-2: a speaker listed in time counts; one listed late does not."""
        speaker = self.invite(
            self.sales_a, self.div_a, self.customer, "speaker", at=local(self.day(-1), 9)
        )
        bringer = self.invite(
            self.sales_b, self.div_b, self.other, "bringer", at=local(self.day(-1), 9)
        )
        self.file(self.manager_a, self.div_a, self.day(-1), local(self.day(-1), 17))
        self.file(self.manager_b, self.div_b, self.day(-1), local(self.day(-1), 18, 1))
        self.assertTrue(speaker.promoter_counts)
        self.assertFalse(bringer.promoter_counts)

    def test_ev4_missing_lists_cron(self):
        """EV-4: every daily list never filed by its cut-off costs its division head 10,
        once, whether the cron runs once or twice, and filing it late later adds nothing."""
        self.company.event_list_days_before = 2
        self.file(self.manager_a, self.div_a, self.day(-2), local(self.day(-2), 17))
        with freeze_time(local(self.day(-1), 18, 1)):
            self.Invitation._cron_fine_missing_lists()
            self.Invitation._cron_fine_missing_lists()
        self.assertEqual(self.fines(self.manager_a, "EV-4").mapped("amount"), [-10.0])
        self.assertEqual(len(self.fines(self.manager_b, "EV-4")), 2)
        # Once per division and day under two workers too: the offence's occurrence key.
        offence = self.env["incentive.offence"].search(
            [("source_model", "=", self.div_a._name), ("source_res_id", "=", self.div_a.id)]
        )
        self.assertEqual(
            offence.occurrence_key,
            f"event.invitation.division:{self.div_a.id}:{offence.date.isoformat()}",
        )
        self.file(self.manager_b, self.div_b, self.day(-1), local(self.day(-1), 19))
        self.assertEqual(len(self.fines(self.manager_b, "EV-4")), 2)
        self.assertEqual(sum(self.fines(self.manager_b, "EV-4").mapped("amount")), -20.0)
        offences = self.env["incentive.offence"].search([("rule_ref", "=", "EV-4")])
        self.assertEqual(len(offences), 3)
        self.assertEqual(
            offences.filtered(lambda o: o.employee_id == self.emp[self.manager_b]).mapped("amount"),
            [10.0, 10.0],
            "EV-4 falls on the division head himself (FN-1 catalogue)",
        )
        for user in (self.sales_b, self.manager_b):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                offences[:1].with_user(user).action_quash("Not late")
        self.assertEqual(set(offences.mapped("state")), {"recorded"})

    def test_ev2_duplicate_check_batch_queries(self):
        """EV-2: the coordinator's check of a whole event runs in the same number of
        queries for 3 and for 12 listed invitations (no query per invitation)."""
        Partner = self.env["res.partner"]
        for offset, count in ((-3, 3), (-2, 12)):
            day = self.day(offset)
            for index in range(count):
                partner = Partner.create(
                    {"name": f"Guest {count}-{index}", "phone": f"1390000{count:02d}{index:02d}"}
                )
                self.invite(self.sales_a, self.div_a, partner, at=local(day, 9))
            self.file(self.manager_a, self.div_a, day, local(day, 17))
            self.env.invalidate_all()
            with freeze_time(local(day, 19)), self.assertQueryCount(__system__=20):
                self.event.action_check_invitation_duplicates()
            kept = self.Invitation.search([("state", "=", "kept")])
            self.assertEqual(len(kept), 3 if count == 3 else 15)

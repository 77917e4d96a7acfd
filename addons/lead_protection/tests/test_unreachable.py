# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import LeadProtectionCommon

ACTIVITY = "lead_protection.mail_activity_type_unreachable"


@tagged("post_install", "-at_install")
class TestUnreachable(LeadProtectionCommon):
    """LP-23: a registration whose number cannot be reached is invalid after the period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.user_manager_other = new_test_user(
            cls.env,
            login="lp23_manager_2",
            name="Manager Sun",
            groups="sales_team.group_sale_manager",
        )
        cls.env["crm.team"].create({"name": "West", "user_id": cls.user_manager_other.id})
        # Registered on Monday 2 November 2026, 11:00 in Shanghai: protected through 9 Nov.
        with freeze_time("2026-11-02 03:00"):
            cls.registration = cls.Registration.with_user(cls.user_sales_1)._register_leads(
                cls._lead(cls.user_sales_1).with_user(cls.user_sales_1),
                cls.kind_walk_in.with_user(cls.user_sales_1),
            )

    def _keys(self, registration=None):
        return (registration or self.registration).sudo().key_ids.filtered("active")

    def _activity(self, registration=None):
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "lead.protection.registration"),
                    ("res_id", "=", (registration or self.registration).id),
                    ("activity_type_id", "=", self.env.ref(ACTIVITY).id),
                ]
            )
        )

    def test_lp23_failed_call_then_working_number_keeps_the_registration(self):
        """LP-23: the registrant logs that the number does not connect on 3 November (company
        day D): he has through 5 November, with an activity due then; he records the
        customer's own working number (checked as LP-1 checks it), which protects the
        customer through the window from then on, the failed number no longer."""
        registration = self.registration.with_user(self.user_sales_1)
        with freeze_time("2026-11-03 02:00"):
            registration.action_unreachable_no_connect()
        self.assertEqual(registration.unreachable_status, "pending")
        self.assertEqual(registration.unreachable_last_day, date(2026, 11, 5))
        deadline = datetime(2026, 11, 5, 16, 0)
        self.assertEqual(registration.unreachable_deadline, deadline)
        self.assertEqual(set(self._keys().mapped("protected_until")), {deadline})
        activity = self._activity()
        self.assertEqual(activity.user_id, self.user_sales_1)
        self.assertEqual(activity.date_deadline, date(2026, 11, 5))
        with freeze_time("2026-11-04 02:00"):
            with self.assertRaisesRegex(UserError, "partial or masked"):
                registration._unreachable_record_number("139****5678")
            with self.assertRaisesRegex(UserError, "number that failed"):
                registration._unreachable_record_number("13800138000")
            wizard = (
                self.env["lead.protection.unreachable.number"]
                .with_user(self.user_sales_1)
                .with_context(
                    active_model="lead.protection.registration", active_id=registration.id
                )
                .create({"phone": "139 1234 5678"})
            )
            wizard.action_record()
        self.assertEqual(registration.unreachable_status, "reached")
        self.assertEqual(registration.phone, "+8613912345678")
        phone_keys = self._keys().filtered(lambda key: key.key_type == "phone")
        self.assertEqual(phone_keys.mapped("key_value"), ["+8613912345678"])
        self.assertEqual(
            set(self._keys().mapped("protected_until")), {datetime(2026, 11, 9, 16, 0)}
        )
        self.assertFalse(self._activity())
        # Past the failed period the registration still protects, under the new number.
        with freeze_time("2026-11-06 02:00"):
            self.Registration._cron_unreachable_lapse()
            other = self._register(
                self.user_sales_2, self._lead(self.user_sales_2, phone="13912345678")
            )
        self.assertEqual(registration.state, "active")
        self.assertEqual(other.state, "collided")

    def test_lp23_reached_by_the_manager_restores_the_window(self):
        """LP-23: the team's manager logs the number suspended and later that the customer
        was reached: the registration protects through its own window again."""
        with freeze_time("2026-11-03 02:00"):
            self.registration.with_user(self.user_manager).action_unreachable_suspended()
        self.assertEqual(self.registration.unreachable_outcome, "suspended")
        self.assertEqual(self.registration.unreachable_by_id, self.user_manager)
        with freeze_time("2026-11-05 15:59"):
            self.registration.with_user(self.user_manager).action_unreachable_reached()
        self.assertEqual(self.registration.unreachable_status, "reached")
        self.assertEqual(
            set(self._keys().mapped("protected_until")), {datetime(2026, 11, 9, 16, 0)}
        )

    def test_lp23_day_d_is_the_company_day_at_midnight(self):
        """LP-23: logged at 23:59 in Shanghai (15:59 UTC) the period ends at 24:00 of D+2;
        logged at 00:00 the next Shanghai day (16:00 UTC, still the same UTC date) it ends
        one day later."""
        with freeze_time("2026-11-03 15:59"):
            self.registration.with_user(self.user_sales_1).action_unreachable_no_connect()
        self.assertEqual(self.registration.unreachable_last_day, date(2026, 11, 5))
        with freeze_time("2026-11-03 16:00"):
            later = self._register(
                self.user_sales_2, self._lead(self.user_sales_2, phone="13700137000")
            )
            later.with_user(self.user_sales_2).action_unreachable_no_connect()
        self.assertEqual(later.unreachable_last_day, date(2026, 11, 6))
        self.assertEqual(later.unreachable_deadline, datetime(2026, 11, 6, 16, 0))

    def test_lp23_customer_is_free_at_24_00_without_the_job(self):
        """LP-23: at 23:59 of the last day (Shanghai) the customer is still protected; at
        24:00 he is free without any job: a colleague's registration takes him and the
        unreached registration is invalid; the job then tidies the others."""
        with freeze_time("2026-11-03 02:00"):
            self.registration.with_user(self.user_sales_1).action_unreachable_no_connect()
            second = self._register(
                self.user_sales_3, self._lead(self.user_sales_3, phone="13700137000")
            )
            second.with_user(self.user_sales_3).action_unreachable_no_connect()
        with freeze_time("2026-11-05 15:59"):
            blocked = self._register(self.user_sales_2, self._lead(self.user_sales_2))
            self.assertEqual(blocked.state, "collided")
            self.Registration._cron_unreachable_lapse()
            self.assertEqual(self.registration.state, "active")
            self.assertEqual(self.registration.unreachable_status, "pending")
        with freeze_time("2026-11-05 16:00"):
            with self.assertRaisesRegex(UserError, "ended"):
                self.registration.with_user(self.user_sales_1).action_unreachable_reached()
            taker = self._register(self.user_sales_2, self._lead(self.user_sales_2, name="Again"))
            self.assertEqual(taker.state, "active")
            self.assertEqual(self.registration.state, "invalid")
            self.assertEqual(self.registration.unreachable_status, "lapsed")
            self.assertFalse(self._keys())
            self.assertFalse(self._activity())
            # The job tidies the registration nobody took yet.
            self.assertEqual(second.state, "active")
            self.assertEqual(self.Registration._cron_unreachable_lapse(), second)
        self.assertEqual(second.state, "invalid")
        self.assertEqual(second.invalid_reason, "Unreachable number (LP-23)")

    def test_lp23_attacker_cannot_extend_or_write_the_deadline(self):
        """LP-23 attacker: the registrant logs a second failure to restart the period, then
        writes the deadline, the status or the state himself; a colleague and the manager
        of another team log a failure on his registration: all refused or without effect,
        nothing changed (re-read as admin)."""
        registration = self.registration.with_user(self.user_sales_1)
        with freeze_time("2026-11-03 02:00"):
            registration.action_unreachable_no_connect()
        with freeze_time("2026-11-05 10:00"):
            registration.action_unreachable_suspended()
        self.assertEqual(registration.unreachable_last_day, date(2026, 11, 5))
        for vals in (
            {"unreachable_deadline": "2026-12-31 16:00:00"},
            {"unreachable_last_day": "2026-12-31"},
            {"unreachable_status": "reached"},
            {"unreachable_status": False},
            {"state": "active", "last_day": "2026-12-31"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                registration.write(vals)
        for user in (self.user_sales_2, self.user_manager_other, self.user_hr):
            with self.subTest(user=user.name), self.assertRaises(UserError):
                self.registration.with_user(user).action_unreachable_reached()
        other = self._register(
            self.user_sales_2, self._lead(self.user_sales_2, phone="13700137000")
        )
        for user in (self.user_sales_1, self.user_manager_other):
            with self.subTest(user=user.name), self.assertRaises(UserError):
                other.with_user(user).action_unreachable_no_connect()
        self.registration.invalidate_recordset()
        as_admin = self.registration.sudo()
        self.assertEqual(as_admin.unreachable_status, "pending")
        self.assertEqual(as_admin.unreachable_deadline, datetime(2026, 11, 5, 16, 0))
        self.assertEqual(as_admin.state, "active")
        self.assertFalse(other.sudo().unreachable_status)
        with self.assertRaises(UserError):
            registration._log_unreachable("voicemail")
        # A failure logged again after the period, before the job ran: invalid, not renewed.
        with freeze_time("2026-11-06 02:00"):
            registration.action_unreachable_no_connect()
        self.assertEqual(as_admin.state, "invalid")
        self.assertEqual(as_admin.unreachable_status, "lapsed")
        self.assertEqual(as_admin.unreachable_last_day, date(2026, 11, 5))

    def test_lp23_lapse_job_costs_constant_queries(self):
        """LP-23: the job invalidates 3 or 12 unreached registrations with the same queries."""
        counts = []
        for size, prefix in ((3, "1371"), (12, "1372")):
            with freeze_time("2026-11-03 02:00"):
                registrations = self.Registration.concat(
                    *[
                        self._register(
                            self.user_sales_2,
                            self._lead(self.user_sales_2, phone=f"{prefix}{i:07d}"),
                        )
                        for i in range(size)
                    ]
                )
                for registration in registrations:
                    registration.with_user(self.user_sales_2).action_unreachable_no_connect()
            with freeze_time("2026-11-05 16:00"):
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                lapsed = self.Registration._cron_unreachable_lapse()
                counts.append(self.env.cr.sql_log_count - before)
                # The earlier batch was invalidated the first time round.
                self.assertEqual(lapsed, registrations)
            self.assertEqual(set(registrations.mapped("state")), {"invalid"})
        self.assertEqual(counts[0], counts[1], counts)

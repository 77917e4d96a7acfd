# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, time, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import LeadProtectionCommon

# Registering a batch of leads with chatter tracking on, whatever the batch's size (the
# creating salesperson follows the registrations and each logs its creation: 4 statements).
QUERIES_WITH_CHATTER = 23


@tagged("post_install", "-at_install")
class TestRegistration(LeadProtectionCommon):
    def test_lp1_valid_registration_protects_the_customer(self):
        """LP-1, LP-3: a complete walk-in registration made on day D protects the customer
        through 24:00 of D+7 (day D not counted)."""
        lead = self._lead(self.user_sales_1)
        with freeze_time("2026-11-02 10:00"):
            registration = self._register(self.user_sales_1, lead)
        self.assertRecordValues(
            registration,
            [
                {
                    "state": "active",
                    "user_id": self.user_sales_1.id,
                    "phone": "+8613800138000",
                    "customer_name": "Zhao Qiang",
                    "last_day": date(2026, 11, 9),
                    "team_id": self.team.id,
                }
            ],
        )
        self.assertTrue(registration.name.startswith("BB"))

    def test_lp1_bad_input_is_refused_and_nothing_is_written(self):
        """LP-1: masked numbers, a missing address, a landline or a lead of another company
        are refused with what to fix; one bad lead in a batch writes nothing."""
        good = self._lead(self.user_sales_1, name="Good", phone="13900139000")
        cases = {
            "partial or masked": {"phone": "138****8000"},
            "address": {"street": False},
            "not a complete mobile": {"phone": "021 5080 1234"},
            "own mobile": {"phone": False},
            "not a phone number": {"phone": "call me"},
        }
        for message, values in cases.items():
            with self.subTest(message):
                bad = self._lead(self.user_sales_1, name="Bad", **values)
                with self.assertRaisesRegex(UserError, message):
                    self._register(self.user_sales_1, good | bad)
        other_company = self.env["res.company"].create({"name": "Other Co"})
        self.user_sales_1.company_ids |= other_company
        foreign = self._lead(
            self.user_sales_1, name="Foreign", company_id=other_company.id, team_id=False
        )
        with self.assertRaisesRegex(UserError, "switch to that company"):
            self._register(self.user_sales_1, foreign)
        self.assertFalse(self.Registration.search([]))

    def test_lp1_chinese_mobiles_give_one_key_with_or_without_country(self):
        """LP-1, LP-5: full-width digits, +86 and 0086 prefixes, with a country on the lead
        or none (company default): the same mobile collides."""
        china = self.env.ref("base.cn")
        first = self._lead(self.user_sales_1, phone="１３８００１３８０００", country_id=china.id)
        self._register(self.user_sales_1, first)
        for index, phone in enumerate(("+86 138 0013 8000", "0086-138-0013-8000", "13800138000")):
            with self.subTest(phone=phone):
                user = (self.user_sales_2, self.user_sales_3, self.user_manager)[index]
                registration = self._register(user, self._lead(user, phone=phone))
                self.assertEqual(registration.state, "collided")
                self.assertEqual(registration.phone, "+8613800138000")

    def test_lp1_default_phone_country_before_the_company_country(self):
        """LP-1, LP-5: a company set in another country still reads the customers' numbers
        typed without country code in the configured default country (China)."""
        self.company.country_id = self.env.ref("base.us")
        registration = self._register(self.user_sales_1, self._lead(self.user_sales_1))
        self.assertEqual(registration.phone, "+8613800138000")

    def test_lp3_windows_by_kind(self):
        """LP-3: appointment only the same day; project: the 15th working day after D on the
        company calendar, public holidays excluded."""
        calendar = self.company.resource_calendar_id
        self.env["resource.calendar.leaves"].create(
            {
                "name": "National Day",
                "calendar_id": calendar.id,
                "date_from": datetime(2026, 10, 1, 0, 0),
                "date_to": datetime(2026, 10, 7, 23, 59),
            }
        )
        with freeze_time("2026-11-22 10:00"):
            appointment = self._register(
                self.user_sales_1, self._lead(self.user_sales_1), self.kind_appointment
            )
        self.assertEqual(appointment.last_day, date(2026, 11, 22))
        lead = self._lead(self.user_sales_2, phone="13900000001", partner_name="Ningbo Port")
        with freeze_time("2026-09-28 10:00"):
            project = self._project(self.user_sales_2, lead)
        # 29, 30 Sep, 8, 9 Oct, 12..16, 19..23, 26 Oct: D (28 Sep) is not counted
        self.assertEqual(project.last_day, date(2026, 10, 26))

    def test_lp3_day_d_is_the_company_date_across_midnight_and_month_end(self):
        """LP-3: day D is the registration's date in the company's time zone (Shanghai),
        whatever the salesperson's own zone: registered at 00:30 on 1 February in Shanghai
        (still 31 January for a salesperson set in Brussels, and in UTC) -> the walk-in is
        protected through 8 February, the follow-up sheet through 1 March; registered at
        23:59 on 31 January in Shanghai -> through 7 February and 28 February (art. 202)."""
        self.company.partner_id.tz = "Asia/Shanghai"
        self.user_sales_1.tz = "Europe/Brussels"
        self.user_sales_2.tz = "Pacific/Honolulu"
        kind_follow_up = self.env.ref("lead_protection.kind_follow_up")
        cases = (
            ("2026-01-31 16:30:00", self.kind_walk_in, date(2026, 2, 8)),
            ("2026-01-31 16:30:00", kind_follow_up, date(2026, 3, 1)),
            ("2026-01-31 15:59:00", self.kind_walk_in, date(2026, 2, 7)),
            ("2026-01-31 15:59:00", kind_follow_up, date(2026, 2, 28)),
        )
        for index, (moment, kind, last_day) in enumerate(cases):
            with self.subTest(moment=moment, kind=kind.name):
                user = (self.user_sales_1, self.user_sales_2)[index % 2]
                lead = self._lead(user, phone=f"1390000100{index}")
                with freeze_time(moment):
                    registration = self._register(user, lead, kind)
                self.assertEqual(registration.last_day, last_day)
        self.company.partner_id.tz = "Europe/Brussels"
        with freeze_time("2026-01-31 16:30:00"):
            late = self._register(
                self.user_sales_1, self._lead(self.user_sales_1, phone="13900002000")
            )
        self.assertEqual(late.last_day, date(2026, 2, 7))

    def test_lp3_kind_requires_its_fields(self):
        """LP-1, LP-3: a project registration needs the fields its kind requires."""
        lead = self._lead(self.user_sales_1, expected_revenue=0.0)
        with self.assertRaisesRegex(UserError, "Project registration also needs"):
            self.env["lead.protection.project"].with_user(self.user_sales_1)._apply(
                lead.with_user(self.user_sales_1)
            )

    def test_lp4_expired_customers_can_be_registered_by_others(self):
        """LP-3, LP-4: a walk-in registered on 2 November still protects on 9 November (D+7);
        on the 10th it has expired (cron) and another salesperson may register the customer."""
        with freeze_time("2026-11-02 10:00"):
            first = self._register(self.user_sales_1, self._lead(self.user_sales_1))
        with freeze_time("2026-11-09 08:00"):
            self.Registration._cron_expire()
            self.assertEqual(first.state, "active")
        with freeze_time("2026-11-10 08:00"):
            self.Registration._cron_expire()
            self.assertEqual(first.state, "expired")
            second = self._register(self.user_sales_2, self._lead(self.user_sales_2))
        self.assertEqual(second.state, "active")

    def test_lp4_protection_ends_at_midnight_company_time_without_the_job(self):
        """LP-3, LP-4: protection ends at 24:00 of the last day in the company's time zone,
        whether or not the expiry job ran; the job takes "today" in the company's time zone."""
        self.company.resource_calendar_id.tz = "Asia/Shanghai"
        with freeze_time("2026-11-02 03:00"):
            first = self._register(self.user_sales_1, self._lead(self.user_sales_1))
        # 24:00 of the last day in Shanghai is 16:00 UTC of the last day.
        end = datetime.combine(first.last_day, time(16, 0))
        self.assertEqual(first.sudo().key_ids.mapped("protected_until"), [end])
        with freeze_time(end - timedelta(minutes=1)):
            self.Registration._cron_expire()
            self.assertEqual(first.state, "active")
            blocked = self._register(self.user_sales_2, self._lead(self.user_sales_2))
            self.assertEqual(blocked.state, "collided")
        with freeze_time(end + timedelta(minutes=1)):
            # No expiry job yet: the next registration of the customer takes it.
            second = self._register(self.user_sales_3, self._lead(self.user_sales_3))
            self.assertEqual(second.state, "active")
            self.assertEqual(first.state, "expired")
            self.assertFalse(first.key_ids.filtered("active"))

    def test_lp4_expiry_job_uses_the_company_day_in_batches(self):
        """LP-4: the job expires, batch after batch, every registration whose last day is over
        in the company's time zone (already the next day in Shanghai, still the last day in
        UTC), and none whose last day is not."""
        self.company.resource_calendar_id.tz = "Asia/Shanghai"
        with freeze_time("2026-11-02 03:00"):
            registrations = self.env["lead.protection.registration"].concat(
                *[
                    self._register(
                        self.user_sales_1, self._lead(self.user_sales_1, phone=f"1391234{i:04d}")
                    )
                    for i in range(5)
                ]
            )
        end = datetime.combine(registrations[0].last_day, time(16, 0))
        with freeze_time(end - timedelta(minutes=1)):
            self.assertFalse(self.Registration._cron_expire(batch_size=2))
        with freeze_time(end + timedelta(minutes=1)):
            self.assertEqual(self.Registration._cron_expire(batch_size=2), registrations)
        self.assertEqual(set(registrations.mapped("state")), {"expired"})
        self.assertFalse(registrations.key_ids.filtered("active"))

    def test_lp2_salespeople_cannot_see_each_other(self):
        """LP-2, LP-12: salespeople read only their own registrations; the manager his
        team's; HR/admin every department's."""
        own = self._register(self.user_sales_1, self._lead(self.user_sales_1))
        other = self._register(
            self.user_sales_2, self._lead(self.user_sales_2, phone="13900139000")
        )
        self.assertEqual(self.Registration.with_user(self.user_sales_1).search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.user_sales_1).read(["customer_name"])
        with self.assertRaises(UserError):
            own.with_user(self.user_sales_1).write({"last_day": "2027-01-01"})
        with self.assertRaises(AccessError):
            own.with_user(self.user_sales_1).unlink()
        self.assertEqual(self.Registration.with_user(self.user_manager).search([]), own | other)
        self.assertEqual(self.Registration.with_user(self.user_hr).search([]), own | other)

    def test_lp2_precheck_answers_only_the_verdict_and_is_logged(self):
        """LP-2: the pre-check says free or protected, nothing more, and HR sees the log."""
        self._register(
            self.user_sales_1, self._lead(self.user_sales_1, partner_name="宏达机械有限公司")
        )
        Precheck = self.env["lead.protection.precheck"].with_user(self.user_sales_2)
        asked = Precheck.create({"phone": "+86 138-0013-8000"})
        asked.action_check()
        self.assertEqual(asked.verdict, "protected")
        by_company = Precheck.create({"customer_company": "宏达机械股份有限公司"})
        by_company.action_check()
        self.assertEqual(by_company.verdict, "protected")
        free = Precheck.create({"phone": "13700137000"})
        free.action_check()
        self.assertEqual(free.verdict, "free")
        with self.assertRaises(UserError):
            Precheck.create({"phone": "137****7000"}).action_check()
        Log = self.env["lead.protection.precheck.log"]
        logs = Log.with_user(self.user_hr).search([])
        self.assertEqual(logs.mapped("verdict"), ["free", "protected", "protected"])
        self.assertEqual(logs.user_id, self.user_sales_2)
        with self.assertRaises(AccessError):
            Log.with_user(self.user_sales_2).search([])

    def _lp11_offences(self, registrations):
        return self.env["incentive.offence"].search(
            [
                ("source_model", "=", registrations._name),
                ("source_res_id", "in", registrations.ids),
            ],
            order="occurrence",
        )

    def test_lp11_fake_registrations_escalate(self):
        """LP-11 / FN-3 / FN-4: a fake registration is recorded in the fine catalogue:
        fined 50, then 100, the third proposes dismissal to HR, who decides (the
        salesperson cannot)."""
        self.employees.write({"hr_responsible_id": self.user_hr.id})
        registrations = self.Registration
        for index in range(3):
            lead = self._lead(self.user_sales_1, phone=f"1390000000{index}")
            registrations |= self._register(self.user_sales_1, lead)
        for registration in registrations:
            registration.with_user(self.user_manager).action_mark_fake()
        fines = self._ledger("LP-11")
        self.assertEqual(sorted(fines.mapped("amount")), [-100.0, -50.0])
        self.assertEqual(fines.employee_id, self.employees[0])
        self.assertEqual(set(registrations.mapped("state")), {"invalid"})
        offences = self._lp11_offences(registrations)
        self.assertEqual(offences.mapped("occurrence"), [1, 2, 3])
        self.assertEqual(offences.mapped("amount"), [50.0, 100.0, 0.0])
        self.assertEqual(
            offences.fine_type_id, self.env.ref("incentive_ledger.fine_type_lp11_fake")
        )
        proposal = offences.proposal_ids
        self.assertEqual(proposal.offence_id, offences[2])
        self.assertEqual((proposal.kind, proposal.state), ("dismissal", "proposed"))
        self.assertEqual(proposal.activity_ids.user_id, self.user_hr)
        self.assertFalse(registrations.activity_ids)
        with self.assertRaises(UserError):
            registrations[0].with_user(self.user_sales_2).action_mark_fake()
        with self.assertRaises(UserError):
            proposal.with_user(self.user_sales_1).action_accept()
        with self.assertRaises(UserError):
            offences[0].with_user(self.user_sales_1).action_quash("Not me")
        self.assertEqual((proposal.state, offences[0].state), ("proposed", "recorded"))
        proposal.with_user(self.user_hr).action_accept("Dismissed")
        self.assertEqual((proposal.state, proposal.decided_by_id), ("accepted", self.user_hr))

    def test_lp11_fakes_marked_in_one_batch_escalate_once_each(self):
        """LP-11 / FN-3: marking several fakes at once escalates as one by one; marking
        again fines nothing more; HR quashing the first moves the second up."""
        registrations = self.Registration
        for index in range(3):
            lead = self._lead(self.user_sales_1, phone=f"1390000001{index}")
            registrations |= self._register(self.user_sales_1, lead)
        registrations[:2].with_user(self.user_manager).action_mark_fake()
        registrations[:2].with_user(self.user_manager).action_mark_fake()
        self.assertEqual(sorted(self._ledger("LP-11").mapped("amount")), [-100.0, -50.0])
        offences = self._lp11_offences(registrations)
        self.assertEqual(offences.mapped("occurrence"), [1, 2])
        offences[0].with_user(self.user_hr).action_quash("Marked by mistake")
        self.assertEqual(offences[1].occurrence, 1)
        registrations[2].with_user(self.user_manager).action_mark_fake()
        self.assertEqual(self._lp11_offences(registrations[2]).amount, 100.0)

    def test_lp13_leavers_customers_become_company_resources(self):
        """LP-13: when HR archives a salesperson, his customers are held by the company:
        another salesperson registering first does not take them; the manager assigns them
        to a salesperson of his team, who is then protected from that day (LP-3)."""
        lead = self._lead(self.user_sales_1)
        with freeze_time("2026-11-02 10:00"):
            registration = self._register(self.user_sales_1, lead)
        with freeze_time("2026-11-05 10:00"):
            self.employees[0].with_user(self.user_hr).action_archive()
        self.assertEqual(registration.state, "company")
        self.assertFalse(lead.user_id)
        self.assertTrue(registration.key_ids.filtered("active"))
        with freeze_time("2026-11-20 10:00"):
            with self.assertRaisesRegex(UserError, "company resources"):
                self._register(self.user_sales_2, self._lead(self.user_sales_2, name="Grab"))
        self.assertEqual(self.Registration.search([]), registration)
        with freeze_time("2026-11-20 10:00"):
            self.env["lead.protection.reassign"].with_user(self.user_manager).create(
                {"lead_ids": [(6, 0, lead.ids)], "user_id": self.user_sales_3.id}
            ).action_reassign()
        registration = registration.sudo()
        self.assertRecordValues(
            registration,
            [{"state": "active", "user_id": self.user_sales_3.id, "last_day": date(2026, 11, 27)}],
        )
        self.assertEqual(lead.user_id, self.user_sales_3)
        self.assertEqual(registration.key_ids.filtered("active").user_id, self.user_sales_3)
        self.assertTrue(any("LP-13" in message.body for message in registration.message_ids))
        # Protected from the transfer for the kind's window (through 24:00 of 27 Nov).
        with freeze_time("2026-11-27 15:59"), self.assertRaisesRegex(UserError, "already protect"):
            self._register(self.user_sales_3, self._lead(self.user_sales_3, name="Again"))

    def _serve(self, lead, user, activity_xmlid, moment):
        """Mark done, at ``moment``, an activity of ``activity_xmlid`` on ``lead`` as ``user``."""
        with freeze_time(moment):
            activity = lead.with_user(user).activity_schedule(
                activity_xmlid, user_id=user.id, summary="Service"
            )
            activity.with_user(user).action_feedback(feedback="Done")
            self.env.flush_all()  # the done moment is computed now, not at a later flush

    def test_lp14_neglected_customers_are_flagged_and_reassigned(self):
        """LP-14: a registered, open customer with no service for 3 months is flagged:
        service is a done home visit or reached call, not a message nor a to-do; unregistered
        leads are not watched. The manager reassigns it in batch; a served customer cannot
        be reassigned."""
        with freeze_time("2026-07-01 10:00"):
            old = self._lead(self.user_sales_1, phone="13911110000")
            self._register(self.user_sales_1, old)
            served = self._lead(self.user_sales_1, phone="13922220000")
            self._register(self.user_sales_1, served)
            chatty = self._lead(self.user_sales_1, phone="13933330000")
            self._register(self.user_sales_1, chatty)
            unregistered = self._lead(self.user_sales_1, phone="13944440000")
        self._serve(
            served, self.user_sales_1, "lead_protection.activity_type_home_visit", "2026-10-15"
        )
        self._serve(old, self.user_sales_1, "mail.mail_activity_data_todo", "2026-10-15")
        with freeze_time("2026-10-15 10:00"):
            chatty.with_user(self.user_sales_1).message_post(
                body="Called the customer", message_type="comment"
            )
        with freeze_time("2026-11-22 10:00"):
            flagged = self.env["crm.lead"]._cron_flag_neglected()
        self.assertIn(old, flagged)
        self.assertIn(chatty, flagged)
        self.assertNotIn(served, flagged)
        self.assertNotIn(unregistered, flagged)
        wizard = (
            self.env["lead.protection.reassign"]
            .with_user(self.user_manager)
            .create({"lead_ids": [(6, 0, (old | served).ids)], "user_id": self.user_sales_2.id})
        )
        with self.assertRaisesRegex(UserError, "still served"):
            wizard.action_reassign()
        wizard.lead_ids = old
        wizard.action_reassign()
        self.assertEqual(old.user_id, self.user_sales_2)
        # The customer passes with its registration: protected for the new salesperson.
        self.assertRecordValues(
            old.protection_registration_ids, [{"state": "active", "user_id": self.user_sales_2.id}]
        )

    def test_lp14_three_months_in_company_time_across_midnight_and_month_end(self):
        """LP-3, LP-14: a home visit done at 00:30 on 1 December in Shanghai (30 November in
        UTC) covers the customer through 24:00 of 1 March (3 months, art. 202): not neglected
        at 23:59 on 1 March, neglected at 00:01 on 2 March, company time; a reached call then
        clears the flag."""
        self.company.partner_id.tz = "Asia/Shanghai"
        with freeze_time("2026-09-01 10:00"):
            lead = self._lead(self.user_sales_1)
            self._register(self.user_sales_1, lead)
        self._serve(
            lead, self.user_sales_1, "lead_protection.activity_type_home_visit", "2026-11-30 16:30"
        )
        with freeze_time("2027-03-01 15:59"):
            self.assertNotIn(lead, self.env["crm.lead"]._cron_flag_neglected())
        self.assertFalse(lead.protection_neglected)
        with freeze_time("2027-03-01 16:01"):
            self.assertIn(lead, self.env["crm.lead"]._cron_flag_neglected())
        self.assertTrue(lead.protection_neglected)
        self._serve(
            lead,
            self.user_sales_1,
            "lead_protection.activity_type_call_reached",
            "2027-03-02 02:00",
        )
        with freeze_time("2027-03-02 03:00"):
            self.env["crm.lead"]._cron_flag_neglected()
        self.assertFalse(lead.protection_neglected)

    def test_lp14_messages_and_lost_leads_do_not_count(self):
        """LP-14 (attacker): the salesperson cannot keep a neglected customer by posting
        messages, by faking the done moment of a to-do, nor by writing the flag; a lost lead
        is no longer flagged."""
        with freeze_time("2026-07-01 10:00"):
            lead = self._lead(self.user_sales_1)
            self._register(self.user_sales_1, lead)
        with freeze_time("2026-11-20 10:00"):
            lead.with_user(self.user_sales_1).message_post(
                body="Visited", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
            activity = lead.with_user(self.user_sales_1).activity_schedule(
                "mail.mail_activity_data_todo", user_id=self.user_sales_1.id
            )
            activity.with_user(self.user_sales_1).action_feedback(feedback="Visited")
            self.env.flush_all()
        with freeze_time("2026-11-22 10:00"):
            self.assertIn(lead, self.env["crm.lead"]._cron_flag_neglected())
        with self.assertRaises(UserError):
            lead.with_user(self.user_sales_1).write({"protection_neglected": False})
        self.assertTrue(lead.protection_neglected)
        lead.action_set_lost()
        with freeze_time("2026-11-23 10:00"):
            self.assertNotIn(lead, self.env["crm.lead"]._cron_flag_neglected())
        self.assertFalse(lead.with_context(active_test=False).protection_neglected)

    def test_lp1_batch_registration_costs_constant_queries(self):
        """LP-1, LP-5: registering a batch costs the same queries for 10 or 40 leads."""
        batches = [
            self.env["crm.lead"].concat(
                *[self._lead(self.user_sales_1, phone=f"139{size:02d}{i:06d}") for i in range(size)]
            )
            for size in (5, 10, 40)
        ]
        counts = []
        for leads in batches:
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._register(self.user_sales_1, leads)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[1], counts[2], counts)
        more = self.env["crm.lead"].concat(
            *[self._lead(self.user_sales_1, phone=f"13966{i:06d}") for i in range(60)]
        )
        self.env.invalidate_all()
        # 17, whatever the size: the keys are checked (and the ended ones found, LP-4: they
        # are released by one more UPDATE only when there are some) in one statement and
        # inserted in one statement; + 1 when the company's time zone (day D, LP-3) is not in
        # the cache. The evidence's completeness (LP-19) is inserted with the registration.
        with self.assertQueryCount(17):
            self._register(self.user_sales_1, more)

    def test_lp1_batch_registration_with_chatter_costs_constant_queries(self):
        """LP-1: as users register (chatter tracking on), a batch costs the same queries for
        10 or 40 leads: no follower query per registration, yet the salesperson follows each
        registration and each logs its creation."""
        Registration = self.Registration.with_context(tracking_disable=False)
        user = self.user_sales_2
        batches = [
            self.env["crm.lead"].concat(
                *[self._lead(user, phone=f"137{size:02d}{i:06d}") for i in range(size)]
            )
            for size in (5, 10, 40, 60)
        ]
        counts = []
        for leads in batches[:3]:  # the first one fills the caches
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Registration.with_user(user)._register_leads(
                leads.with_user(user), self.kind_walk_in.with_user(user)
            )
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[1], counts[2], counts)
        self.env.invalidate_all()
        with self.assertQueryCount(QUERIES_WITH_CHATTER):
            registrations = Registration.with_user(user)._register_leads(
                batches[3].with_user(user), self.kind_walk_in.with_user(user)
            )
        self.env.flush_all()
        self.assertEqual(len(registrations), 60)
        for registration in registrations.sudo():
            self.assertEqual(registration.message_partner_ids, user.partner_id)
            self.assertTrue(registration.message_ids)

    def test_lp1_batch_chatter_is_what_mail_writes(self):
        """LP-1: the creation notes and followers that a batch registration writes in bulk
        are those mail.thread writes itself: same note (text, type, subtype, author,
        addresses, internal), same follower subtypes, visible in the chatter."""
        user = self.user_sales_2
        leads = self._lead(user, phone="13711112222") | self._lead(user, phone="13711113333")
        registrations = (
            self.Registration.with_context(tracking_disable=False)
            .with_user(user)
            ._register_leads(leads.with_user(user), self.kind_walk_in.with_user(user))
        ).sudo()
        self.env.flush_all()
        # Mail's own way, on the same records, as the same user.
        reference = (
            registrations[0]
            .with_user(user)
            .sudo()
            ._message_log_batch(bodies={registrations[0].id: registrations[0]._creation_message()})
        )
        fields = [
            "body",
            "message_type",
            "subtype_id",
            "author_id",
            "email_from",
            "reply_to",
            "is_internal",
            "model",
            "email_add_signature",
            "record_company_id",
            "create_uid",
        ]
        expected = reference.read(fields)[0]
        for registration in registrations:
            notes = registration.message_ids - reference
            self.assertEqual(len(notes), 1)
            note = notes.read(fields)[0]
            self.assertEqual(
                {name: note[name] for name in fields},
                {name: expected[name] for name in fields},
            )
            self.assertEqual(notes.res_id, registration.id)
        default_subtypes = self.env["mail.message.subtype"].default_subtypes(
            "lead.protection.registration"
        )[0]
        for follower in registrations.message_follower_ids:
            self.assertEqual(follower.partner_id, user.partner_id)
            self.assertEqual(follower.subtype_ids, default_subtypes)
        # The salesperson reads them in his chatter.
        self.assertEqual(
            len(
                self.env["mail.message"]
                .with_user(user)
                .search([("model", "=", registrations._name), ("res_id", "in", registrations.ids)])
            ),
            3,
        )

    def test_lp1_batch_company_check_refuses_what_odoo_refuses(self):
        """LP-1 (attacker): a batch of registrations whose lead belongs to another company
        is refused by the company check, as Odoo refuses it record by record; a consistent
        batch passes."""
        other_company = self.env["res.company"].create({"name": "Other Co"})
        self.user_sales_1.company_ids |= other_company
        lead = self._lead(self.user_sales_1, phone="13722223333")
        foreign = self._lead(
            self.user_sales_1, phone="13722224444", company_id=other_company.id, team_id=False
        )
        values = {
            "user_id": self.user_sales_1.id,
            "kind_id": self.kind_walk_in.id,
            "company_id": self.env.company.id,
            "last_day": date(2026, 12, 31),
            "customer_name": "Zhao",
            "phone": "+8613722223333",
        }
        Registration = self.Registration.sudo()
        with self.assertRaisesRegex(UserError, "company inconsistencies"):
            Registration.create(
                [
                    dict(values, lead_id=lead.id, name="A"),
                    dict(values, lead_id=foreign.id, name="B"),
                ]
            )
        created = Registration.create(
            [dict(values, lead_id=lead.id, name="A"), dict(values, lead_id=lead.id, name="B")]
        )
        self.assertEqual(len(created), 2)

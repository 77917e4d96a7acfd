# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

import psycopg2.errors
from freezegun import freeze_time

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import LeadProtectionCommon

PHONE = "13812345678"
EVIDENCE = {
    "expected_revenue": 120000.0,
    "expected_unit_price": 4000.0,
    "expected_signing_date": date(2026, 12, 20),
    "contact_feedback": "11-02: visited the showroom, asks for a second quote",
}


@tagged("post_install", "-at_install")
class TestSheetAppointment(LeadProtectionCommon):
    """Follow-up sheets (LP-19, LP-20), appointments (LP-24) and their claims (LP-22)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.director = new_test_user(
            cls.env,
            login="lp_director",
            name="Director Sun",
            groups="sales_team.group_sale_manager",
        )
        cls.general_manager = new_test_user(
            cls.env,
            login="lp_gm",
            name="GM Zhou",
            groups="sales_team.group_sale_salesman",
        )
        cls.company.protection_appointment_signer_ids = cls.director | cls.general_manager
        cls.env["hr.employee"].create(
            [
                {"name": user.name, "user_id": user.id}
                for user in (cls.director, cls.general_manager)
            ]
        )
        cls.Claim = cls.env["lead.protection.claim"]

    def _sheet(self, user, when, name="Sheet", phone=PHONE):
        with freeze_time(when):
            return self._register(
                user, self._lead(user, name=name, phone=phone), self.kind_follow_up
            )

    def _appointment(self, user, when, name="Appointment", phone=PHONE):
        with freeze_time(when):
            return self._register(
                user, self._lead(user, name=name, phone=phone), self.kind_appointment
            )

    def _won_by(self, user, when, name="Deal", phone=PHONE):
        with freeze_time(when):
            deal = self._lead(user, name=name, phone=phone)
            deal.action_set_won()
        return deal

    def _offences(self, registration):
        return self.env["incentive.offence"].search(
            [
                ("fine_type_id", "=", self.env.ref("incentive_ledger.fine_type_lp20_sheet").id),
                ("source_res_id", "=", registration.id),
            ]
        )

    # --- LP-19

    def test_lp19_salesperson_writes_own_sheet_and_completeness_is_stored(self):
        """LP-19 (user): the salesperson fills in his own sheet; its completeness is the
        share of the four evidence fields filled, stored, and HR reads it."""
        sheet = self._sheet(self.user_sales_1, "2026-11-02 02:00")
        self.assertEqual(sheet.protection_role, "sheet")
        sheet.with_user(self.user_sales_1).write({"expected_revenue": 0.0})
        self.assertEqual(sheet.sheet_completeness, 0.0)
        sheet.with_user(self.user_sales_1).write(
            {"expected_unit_price": 4000.0, "contact_feedback": "11-02: called"}
        )
        self.assertEqual(sheet.sheet_completeness, 50.0)
        sheet.with_user(self.user_sales_1).write(EVIDENCE)
        self.env.invalidate_all()
        self.env.cr.execute(
            "SELECT sheet_completeness FROM lead_protection_registration WHERE id = %s",
            [sheet.id],
        )
        self.assertEqual(self.env.cr.fetchone()[0], 100.0)
        as_hr = sheet.with_user(self.user_hr)
        self.assertEqual(as_hr.expected_unit_price, 4000.0)
        self.assertEqual(as_hr.sheet_completeness, 100.0)

    def test_lp19_nobody_else_writes_a_sheet(self):
        """LP-19 (attacker): another salesperson, the salesperson's own manager and HR
        cannot write the sheet's evidence, nor its completeness; nothing changes."""
        sheet = self._sheet(self.user_sales_1, "2026-11-02 02:00")
        sheet.with_user(self.user_sales_1).write(EVIDENCE)
        for user in (self.user_sales_2, self.user_manager, self.user_hr):
            for name, value in (
                ("expected_revenue", 1.0),
                ("expected_unit_price", 1.0),
                ("expected_signing_date", date(2027, 1, 1)),
                ("contact_feedback", "forged"),
                ("sheet_completeness", 0.0),
            ):
                with self.subTest(user=user.login, field=name), self.assertRaises(UserError):
                    sheet.with_user(user).write({name: value})
        with self.assertRaises(UserError):
            sheet.with_user(self.user_sales_1).write({"sheet_completeness": 10.0})
        sheet.invalidate_recordset()
        self.assertRecordValues(sheet, [dict(EVIDENCE, sheet_completeness=100.0)])

    def test_lp19_sheet_form_for_the_phone(self):
        """LP-19 (user): the follow-up sheet form, a plain form of groups that Odoo lays out
        in one column on a phone, edits the salesperson's own evidence."""
        sheet = self._sheet(self.user_sales_1, "2026-11-02 02:00")
        with Form(
            sheet.with_user(self.user_sales_1),
            view="lead_protection.lead_protection_sheet_view_form",
        ) as form:
            form.expected_unit_price = 3800.0
            form.contact_feedback = "11-03: second visit"
        self.assertEqual(sheet.expected_unit_price, 3800.0)
        self.assertEqual(sheet.sheet_completeness, 100.0 * 3 / 4)
        with self.assertRaises(AssertionError):
            with Form(
                sheet.with_user(self.user_manager),
                view="lead_protection.lead_protection_sheet_view_form",
            ) as form:
                form.expected_unit_price = 1.0

    def test_lp19_lp7_adjudicator_sees_completeness(self):
        """LP-7, LP-19: the manager adjudicating a collision sees each registration's
        completeness; the parties do not."""
        first = self._sheet(self.user_sales_1, "2026-11-02 02:00", name="First")
        first.with_user(self.user_sales_1).write(EVIDENCE)
        with freeze_time("2026-11-02 03:00"):
            second = self._register(
                self.user_sales_2,
                self._lead(self.user_sales_2, name="Second", phone=PHONE),
                self.kind_walk_in,
            )
        case = self.Collision.search([("challenger_registration_id", "=", second.id)])
        as_manager = case.with_user(self.user_manager)
        self.assertEqual(as_manager.owner_sheet_completeness, 100.0)
        self.assertEqual(as_manager.challenger_sheet_completeness, 25.0)
        with self.assertRaises(AccessError):
            case.with_user(self.user_sales_2).read(["owner_sheet_completeness"])

    def test_lp19_claim_needs_a_sheet_valid_on_the_sale_date(self):
        """LP-19, LP-10 (attacker): a walk-in registration does not prove a late claim; a
        sheet does. Day boundary: a sheet made at 23:30 on 31 January (Shanghai) protects
        through 28 February: a sale at 23:30 on 28 February is claimed, a sale at 00:30 on
        1 March (still 28 February in UTC) is not."""
        with freeze_time("2026-11-02 02:00"):
            self._register(
                self.user_sales_1, self._lead(self.user_sales_1, phone=PHONE), self.kind_walk_in
            )
        deal = self._won_by(self.user_sales_2, "2026-11-03 02:00")
        with freeze_time("2026-11-04 02:00"), self.assertRaisesRegex(UserError, "LP-19"):
            self.Claim.with_user(self.user_sales_1)._submit(deal)
        self.assertFalse(self.Claim.search([]))

        self._sheet(self.user_sales_3, "2026-01-31 15:30", name="Sheet Chen", phone="13900001111")
        on_last_day = self._won_by(
            self.user_sales_2, "2026-02-28 15:30", name="Feb", phone="13900001111"
        )
        with freeze_time("2026-02-28 15:40"):
            claim = self.Claim.with_user(self.user_sales_3)._submit(on_last_day)
        self.assertRecordValues(
            claim,
            [{"sale_date": date(2026, 2, 28), "outcome": "full", "evidence_kind": "sheet"}],
        )
        after = self._won_by(self.user_sales_2, "2026-02-28 16:30", name="Mar", phone="13900001111")
        with freeze_time("2026-02-28 17:00"), self.assertRaisesRegex(UserError, "LP-19"):
            self.Claim.with_user(self.user_sales_3)._submit(after)

    # --- LP-20

    def test_lp20_new_sheet_on_colleagues_earlier_sheet_is_invalid_and_fined_once(self):
        """LP-20 (attacker): Liu makes a sheet on a customer Li held a valid sheet on from
        the day before: his sheet is invalid, Li keeps the customer, Liu is fined 100 once,
        however often the fine is called."""
        first = self._sheet(self.user_sales_1, "2026-11-02 02:00", name="Li")
        second = self._sheet(self.user_sales_2, "2026-11-03 02:00", name="Liu")
        self.assertEqual((first.state, second.state), ("active", "invalid"))
        case = self.Collision.search([("challenger_registration_id", "=", second.id)])
        self.assertRecordValues(
            case, [{"state": "resolved", "owner_share": 100.0, "decided_by_id": SUPERUSER_ID}]
        )
        offences = self._offences(second)
        self.assertEqual(len(offences), 1)
        self.assertEqual(offences.employee_id.user_id, self.user_sales_2)
        self.assertEqual(abs(sum(self._ledger("LP-20").mapped("amount"))), 100.0)
        self.assertFalse(second._lp20_fine())
        self.assertFalse(second._lp20_fine())
        self.assertEqual(len(self._offences(second)), 1)
        # Two workers: the second mark hits the unique index, never a second fine.
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.errors.UniqueViolation):
            with self.env.cr.savepoint():
                self.env["lead.protection.sheet.fine"].sudo().create({"registration_id": second.id})
        with self.assertRaises(UserError):
            case.with_user(self.user_manager).action_apply_sheet_rule()

    def test_lp20_same_day_sheets_split_half_each(self):
        """LP-20 (user): two sheets made the same day (company time: 23:30 and 00:30 UTC
        the next UTC day are the same Shanghai day) are both valid; the manager decides the
        case half each; the follow-up right stays with the booked salesperson."""
        first = self._sheet(self.user_sales_1, "2026-11-02 16:30", name="Li")
        second = self._sheet(self.user_sales_2, "2026-11-03 01:30", name="Liu")
        self.assertEqual(second.state, "collided")
        self.assertFalse(self._offences(second))
        case = self.Collision.search([("challenger_registration_id", "=", second.id)])
        self.assertEqual(case.with_user(self.user_manager).sheet_rule_outcome, "split")
        with self.assertRaises(UserError):
            case.with_user(self.user_sales_1).action_apply_sheet_rule()
        case.with_user(self.user_manager).action_apply_sheet_rule()
        self.assertRecordValues(
            case,
            [
                {
                    "state": "resolved",
                    "outcome": "split",
                    "owner_share": 50.0,
                    "challenger_share": 50.0,
                }
            ],
        )
        self.assertEqual(first.state, "active")

    def test_lp20_same_day_appointments_show_who_was_first(self):
        """LP-20, LP-24: same-day sheets; Liu's signed appointment of that day was made
        before Li's: Liu gets the customer."""
        self._sheet(self.user_sales_1, "2026-11-02 01:00", name="Li")
        second = self._sheet(self.user_sales_2, "2026-11-02 02:00", name="Liu")
        liu = self._appointment(self.user_sales_2, "2026-11-02 03:00", name="Liu appt")
        li = self._appointment(self.user_sales_1, "2026-11-02 04:00", name="Li appt")
        with freeze_time("2026-11-02 05:00"):
            li.with_user(self.director).action_sign_appointment()
            liu.with_user(self.director).action_sign_appointment()
        case = self.Collision.search([("challenger_registration_id", "=", second.id)])
        self.assertEqual(case.with_user(self.user_manager).sheet_rule_outcome, "challenger")
        with freeze_time("2026-11-02 06:00"):
            case.with_user(self.user_manager).action_apply_sheet_rule()
        self.assertRecordValues(case, [{"outcome": "challenger", "challenger_share": 100.0}])

    # --- LP-24

    def test_lp24_appointment_protects_once_signed_and_only_its_day(self):
        """LP-24 (user): an unsigned appointment protects nothing; signed by the director it
        protects the customer until 24:00 of its day in the company's time zone."""
        appointment = self._appointment(self.user_sales_1, "2026-11-02 02:00")
        self.assertEqual(appointment.appointment_state, "unsigned")
        waiting = appointment.sudo().with_context(active_test=False).key_ids
        self.assertTrue(waiting)
        self.assertFalse(any(waiting.mapped("active")))
        with freeze_time("2026-11-02 03:00"):
            appointment.with_user(self.director).action_sign_appointment()
        self.assertRecordValues(
            appointment, [{"appointment_state": "signed", "signed_by_id": self.director.id}]
        )
        keys = appointment.sudo().key_ids
        self.assertTrue(all(keys.mapped("active")))
        # 24:00 of 2 November in Shanghai is 16:00 UTC.
        self.assertEqual(str(keys[0].protected_until), "2026-11-02 16:00:00")
        with freeze_time("2026-11-02 15:59"):
            other = self._register(
                self.user_sales_2, self._lead(self.user_sales_2, name="Liu", phone=PHONE)
            )
        self.assertEqual(other.state, "collided")
        with freeze_time("2026-11-02 16:01"):
            free = self._register(
                self.user_sales_3, self._lead(self.user_sales_3, name="Chen", phone=PHONE)
            )
        self.assertEqual(free.state, "active")

    def test_lp24_earlier_appointment_wins_even_signed_later(self):
        """LP-24: signed appointments rank by the time they were made: Li's, made at 10:00
        and signed after Liu's (made at 11:00), takes the customer; Liu's collides."""
        li = self._appointment(self.user_sales_1, "2026-11-02 02:00", name="Li")
        liu = self._appointment(self.user_sales_2, "2026-11-02 03:00", name="Liu")
        with freeze_time("2026-11-02 04:00"):
            liu.with_user(self.director).action_sign_appointment()
            li.with_user(self.general_manager).action_sign_appointment()
        self.assertEqual((li.sudo().state, liu.sudo().state), ("active", "collided"))
        self.assertTrue(li.sudo().key_ids)
        self.assertFalse(liu.sudo().key_ids)
        case = self.Collision.search([("challenger_registration_id", "=", liu.id)])
        self.assertEqual(case.owner_registration_id, li)

    def test_lp24_nobody_signs_his_own_appointment_nor_after_its_day(self):
        """LP-24 (attacker): a salesperson (even a signer) cannot sign his own appointment;
        a non-signer cannot sign; an appointment made at 23:50 cannot be signed at 00:10
        the next day (company time)."""
        appointment = self._appointment(self.user_sales_1, "2026-11-02 02:00")
        for user in (self.user_sales_1, self.user_sales_2, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                appointment.with_user(user).action_sign_appointment()
        own = self._appointment(
            self.general_manager, "2026-11-02 03:00", name="GM", phone="13700001111"
        )
        with self.assertRaisesRegex(UserError, "own"):
            own.with_user(self.general_manager).action_sign_appointment()
        for name in ("appointment_state", "signed_by_id", "signed_at"):
            with self.subTest(field=name), self.assertRaises(UserError):
                appointment.with_user(self.user_sales_1).write(
                    {name: "signed" if name == "appointment_state" else False}
                )
        late = self._appointment(
            self.user_sales_2, "2026-11-02 15:50", name="Late", phone="13600001111"
        )
        with freeze_time("2026-11-02 16:10"), self.assertRaisesRegex(UserError, "over"):
            late.with_user(self.director).action_sign_appointment()
        self.assertEqual(
            (appointment | own | late).sudo().mapped("appointment_state"), ["unsigned"] * 3
        )

    def test_lp24_sms_counts_when_all_signers_are_away(self):
        """LP-24 (user and attacker): with the director and the GM away, the salesperson's
        SMS counts as the signature and its sending is logged; another salesperson cannot
        send it; while a signer is at work the SMS is refused."""
        appointment = self._appointment(self.user_sales_1, "2026-11-02 02:00")
        with freeze_time("2026-11-02 02:30"):
            with self.assertRaises(UserError):
                appointment.with_user(self.user_sales_2).action_sign_by_sms()
            self.env["mail.presence"].create({"user_id": self.director.id, "status": "online"})
            with self.assertRaisesRegex(UserError, "Director Sun"):
                appointment.with_user(self.user_sales_1).action_sign_by_sms()
            self.assertEqual(appointment.appointment_state, "unsigned")
            self.env["mail.presence"].search([("user_id", "=", self.director.id)]).unlink()
            appointment.with_user(self.user_sales_1).action_sign_by_sms()
        self.assertRecordValues(appointment, [{"appointment_state": "sms", "signed_by_id": False}])
        self.assertEqual(appointment.sms_recipient_ids, self.director | self.general_manager)
        logged = appointment.message_ids.filtered(lambda m: "signature" in (m.body or ""))
        self.assertEqual(len(logged), 2)
        self.assertEqual(logged.partner_ids, (self.director | self.general_manager).partner_id)
        self.assertTrue(all(appointment.sudo().key_ids.mapped("active")))

    def test_lp24_masked_number_only_with_own_sheet(self):
        """LP-24: an appointment with the middle four digits masked is accepted for the
        salesperson who holds a valid sheet on that customer (user), refused with a message
        for a colleague without one (attacker); nothing is registered."""
        sheet = self._sheet(self.user_sales_1, "2026-11-02 01:00")
        appointment = self._appointment(self.user_sales_1, "2026-11-02 02:00", phone="138****5678")
        self.assertRecordValues(
            appointment,
            [
                {
                    "phone": sheet.phone,
                    "masked_phone": "138****5678",
                    "covering_sheet_id": sheet.id,
                    "appointment_state": "unsigned",
                }
            ],
        )
        before = self.Registration.sudo().search_count([])
        with freeze_time("2026-11-02 03:00"), self.assertRaisesRegex(UserError, "LP-24"):
            self._register(
                self.user_sales_2,
                self._lead(self.user_sales_2, name="Masked", phone="138****5678"),
                self.kind_appointment,
            )
        with freeze_time("2026-12-03 03:00"), self.assertRaisesRegex(UserError, "LP-24"):
            self._register(
                self.user_sales_1,
                self._lead(self.user_sales_1, name="Expired sheet", phone="138****5678"),
                self.kind_appointment,
            )
        self.assertEqual(self.Registration.sudo().search_count([]), before)

    def test_lp24_appointment_batch_costs_constant_queries(self):
        """LP-24: registering appointments in one batch costs the same queries for 4 or 8
        leads: masked numbers covered by the salesperson's sheets, complete numbers of his
        sheets, and new customers; each lead gets its appointment."""
        user = self.user_sales_1
        counts = []
        for size, base in ((2, 10), (4, 20), (8, 40)):
            with freeze_time("2026-11-02 01:00"):
                sheets = self._register(
                    user,
                    self.env["crm.lead"].concat(
                        *[
                            self._lead(
                                user, name=f"Sheet {base}-{i}", phone=f"1390000{base}{i:02d}"
                            )
                            for i in range(size)
                        ]
                    ),
                    self.kind_follow_up,
                )
            half = size // 2
            leads = self.env["crm.lead"].concat(
                *[  # masked: covered by the sheet of the same tail
                    self._lead(user, name=f"Masked {base}-{i}", phone=f"139****{base}{i:02d}")
                    for i in range(half)
                ],
                *[  # complete: covered by his sheet
                    self._lead(user, name=f"Known {base}-{i}", phone=f"1390000{base}{i:02d}")
                    for i in range(half, size)
                ],
                *[  # new customers
                    self._lead(user, name=f"New {base}-{i}", phone=f"1370000{base}{i:02d}")
                    for i in range(size)
                ],
            )
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with freeze_time("2026-11-02 02:00"):
                appointments = self._register(user, leads, self.kind_appointment)
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(appointments), 2 * size)
            self.assertEqual(appointments.lead_id, leads)
            self.assertEqual(
                appointments[:size].covering_sheet_id.sorted("id"), sheets.sorted("id")
            )
            self.assertFalse(appointments[size:].covering_sheet_id)
            self.assertEqual(set(appointments.mapped("appointment_state")), {"unsigned"})
        self.assertEqual(counts[1], counts[2], counts)

    # --- LP-22

    def test_lp22_appointment_calendar_without_sheet(self):
        """LP-22 (user): Li holds no sheet but a signed appointment for the day the
        customer signs with Liu: found the same day the deal is Li's; within 7 days half
        each; later no claim."""
        appointment = self._appointment(self.user_sales_1, "2026-11-02 01:00")
        with freeze_time("2026-11-02 01:30"):
            appointment.with_user(self.director).action_sign_appointment()
        deal = self._won_by(self.user_sales_2, "2026-11-02 06:00")
        with freeze_time("2026-11-02 08:00"):
            claim = self.Claim.with_user(self.user_sales_1)._submit(deal)
        self.assertRecordValues(
            claim,
            [
                {
                    "outcome": "full",
                    "claimant_share": 100.0,
                    "evidence_kind": "appointment",
                    "evidence_registration_id": appointment.id,
                }
            ],
        )
        claim.sudo().unlink()
        with freeze_time("2026-11-09 08:00"):
            claim = self.Claim.with_user(self.user_sales_1)._submit(deal)
        self.assertEqual((claim.claimant_share, claim.booker_share), (50.0, 50.0))
        claim.sudo().unlink()
        with freeze_time("2026-11-10 08:00"), self.assertRaisesRegex(UserError, "LP-22"):
            self.Claim.with_user(self.user_sales_1)._submit(deal)

    def test_lp22_unsigned_or_other_day_appointment_proves_nothing(self):
        """LP-22, LP-24 (attacker): an unsigned appointment, or a signed one of another
        day, does not prove a claim."""
        self._appointment(self.user_sales_1, "2026-11-02 01:00")
        deal = self._won_by(self.user_sales_2, "2026-11-02 06:00")
        with freeze_time("2026-11-02 08:00"), self.assertRaisesRegex(UserError, "LP-19"):
            self.Claim.with_user(self.user_sales_1)._submit(deal)
        other_day = self._appointment(self.user_sales_3, "2026-11-03 01:00", name="Chen")
        with freeze_time("2026-11-03 02:00"):
            other_day.with_user(self.director).action_sign_appointment()
        with freeze_time("2026-11-03 08:00"), self.assertRaisesRegex(UserError, "LP-19"):
            self.Claim.with_user(self.user_sales_3)._submit(deal)
        self.assertFalse(self.Claim.search([]))

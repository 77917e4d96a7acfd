# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import LeadProtectionCommon


@tagged("post_install", "-at_install")
class TestCollision(LeadProtectionCommon):
    def _collide(self, **extra_second):
        lead_1 = self._lead(self.user_sales_1, name="First")
        first = self._register(self.user_sales_1, lead_1)
        lead_2 = self._lead(self.user_sales_2, name="Second", **extra_second)
        second = self._register(self.user_sales_2, lead_2)
        case = self.Collision.search([("challenger_registration_id", "=", second.id)])
        return first, second, case

    def test_lp5_second_registration_opens_a_case(self):
        """LP-5: the same customer registered by a second salesperson is a collision; the
        first valid registration owns it; the manager gets an activity."""
        first, second, case = self._collide()
        self.assertEqual(second.state, "collided")
        self.assertEqual(first.state, "active")
        self.assertRecordValues(
            case,
            [
                {
                    "owner_registration_id": first.id,
                    "state": "negotiation",
                    "owner_user_id": self.user_sales_1.id,
                    "challenger_user_id": self.user_sales_2.id,
                }
            ],
        )
        self.assertEqual(case.activity_ids.user_id, self.user_manager)

    def test_lp5_same_company_and_same_household_collide(self):
        """LP-5: the same company under another legal form, or a member of the same
        household, is the same customer."""
        self._register(
            self.user_sales_1, self._lead(self.user_sales_1, partner_name="上海宏达机械有限公司")
        )
        by_company = self._register(
            self.user_sales_2,
            self._lead(self.user_sales_2, phone="13900000002", partner_name="上海宏达机械"),
        )
        self.assertEqual(by_company.state, "collided")
        head = self.env["res.partner"].create({"name": "Sun Li", "phone": "13911112222"})
        spouse = self.env["res.partner"].create(
            {"name": "Qian Wei", "phone": "13933334444", "household_id": head.id}
        )
        self._register(
            self.user_sales_1,
            self._lead(self.user_sales_1, phone="13911112222", partner_id=head.id),
        )
        family = self._register(
            self.user_sales_3,
            self._lead(self.user_sales_3, phone="13933334444", partner_id=spouse.id),
        )
        self.assertEqual(family.state, "collided")

    def test_lp6_negotiated_solution_is_written_and_filed(self):
        """LP-6: the parties' agreement must be written; HR/admin and finance get it."""
        _first, _second, case = self._collide()
        with self.assertRaisesRegex(UserError, "agreed on"):
            case.with_user(self.user_sales_2)._resolve("owner", agreement=" ")
        case.with_user(self.user_sales_2)._resolve("owner", agreement="Li Na keeps it.")
        self.assertEqual(case.state, "negotiation", "one party alone resolved the case")
        case.with_user(self.user_sales_1).action_accept_proposal()
        self.assertEqual(case.state, "resolved")
        self.assertEqual((case.owner_share, case.challenger_share), (100.0, 0.0))
        filed = case.activity_ids.filtered(lambda a: a.summary and "LP-6" in a.summary)
        self.assertIn(self.user_hr, filed.user_id)
        self.assertIn(self.user_finance, filed.user_id)
        with self.assertRaises(UserError):
            case.with_user(self.user_sales_3)._resolve("owner", agreement="not mine")

    def test_lp7_manager_adjudicates_on_evidence_not_shown_to_parties(self):
        """LP-7: after a failed negotiation only the manager decides, seeing both parties'
        evidence side by side; the parties cannot read it."""
        first, second, case = self._collide()
        first.sudo().write({"expected_unit_price": 80.0, "contact_feedback": "Site visit"})
        case.with_user(self.user_sales_1).action_escalate()
        self.assertEqual(case.state, "adjudication")
        with self.assertRaises(AccessError):
            case.with_user(self.user_sales_2).read(["owner_expected_unit_price"])
        as_manager = case.with_user(self.user_manager)
        self.assertEqual(as_manager.owner_expected_unit_price, 80.0)
        self.assertEqual(as_manager.owner_contact_feedback, "Site visit")
        with self.assertRaisesRegex(UserError, "manager"):
            case.with_user(self.user_sales_2)._resolve("challenger", agreement="me")
        as_manager._resolve("challenger", agreement="Better follow-up evidence")
        self.assertEqual(first.state, "invalid")
        self.assertEqual(second.state, "active")
        self.assertTrue(all(second.sudo().key_ids.mapped("active")))

    def test_lp8_split_books_half_of_the_commission_each(self):
        """LP-8: a 50/50 split books each salesperson's commission share once the deal is
        won (team rate 2%: 100,000 x 2% x 50% = 1,000 each)."""
        _first, _second, case = self._collide()
        case.with_user(self.user_manager).action_escalate()
        case.with_user(self.user_manager)._resolve("split", agreement="Both helped")
        self.assertFalse(self._ledger("LP-8"))
        case.deal_lead_id.action_set_won()
        lines = self._ledger("LP-8")
        self.assertEqual(sorted(lines.mapped("amount")), [1000.0, 1000.0])
        self.assertEqual(lines.employee_id, self.employees[:2])
        self.assertEqual(set(lines.mapped("kind")), {"credit_share"})
        case.deal_lead_id.action_set_won()
        self.assertEqual(len(self._ledger("LP-8")), 2)

    def test_lp9_dispute_in_front_of_the_customer(self):
        """LP-9: a dispute invalidates both registrations; a lost deal fines each party 500."""
        first, second, case = self._collide()
        with self.assertRaises(UserError):
            case.with_user(self.user_sales_1).action_dispute_deal_lost()
        case.with_user(self.user_manager).action_dispute_deal_lost()
        self.assertEqual((first.state, second.state), ("invalid", "invalid"))
        fines = self._ledger("LP-9")
        self.assertEqual(sorted(fines.mapped("amount")), [-500.0, -500.0])
        self.assertEqual(fines.employee_id, self.employees[:2])
        # Recorded in the fine catalogue (FN-2), with public criticism proposed (LP-46).
        offences = self.env["incentive.offence"].search([("source_res_id", "=", case.id)])
        self.assertEqual(set(offences.mapped("source_model")), {case._name})
        self.assertEqual({line.source_ref for line in fines}, set(offences))
        proposals = offences.proposal_ids
        self.assertEqual(set(proposals.mapped("kind")), {"public_criticism"})
        self.assertEqual(proposals.employee_id, self.employees[:2])

    def test_lp4_customer_choice(self):
        """LP-4: the customer chooses between the two salespeople."""
        _first, _second, case = self._collide()
        case.with_user(self.user_manager).action_escalate()
        case.with_user(self.user_manager)._resolve(
            "customer_choice", agreement="Customer prefers Liu Yang", chosen_user=self.user_sales_2
        )
        self.assertEqual((case.owner_share, case.challenger_share), (0.0, 100.0))


@tagged("post_install", "-at_install")
class TestExpiredFollowUp(LeadProtectionCommon):
    def test_lp4_expired_but_followed_up_the_customer_chooses(self):
        """LP-4: an expired customer may be registered by another salesperson, but while the
        first still follows it up a case asks the customer's choice; no grabbing."""

        with freeze_time("2026-11-02 10:00"):
            first = self._register(self.user_sales_1, self._lead(self.user_sales_1))
        with freeze_time("2026-11-10 10:00"):
            self.Registration._cron_expire()
            second = self._register(self.user_sales_2, self._lead(self.user_sales_2))
        self.assertEqual((first.state, second.state), ("expired", "active"))
        case = self.Collision.search([("challenger_registration_id", "=", second.id)])
        self.assertEqual(case.owner_registration_id, first)
        case.with_user(self.user_manager).action_escalate()
        case.with_user(self.user_manager)._resolve(
            "customer_choice",
            agreement="The customer stays with Li Na",
            chosen_user=self.user_sales_1,
        )
        self.assertEqual(second.state, "invalid")
        self.assertEqual((case.owner_share, case.challenger_share), (100.0, 0.0))

    def test_lp4_abandoned_customers_are_simply_free(self):
        """LP-4: when the first salesperson no longer follows up (lead lost), no case."""
        with freeze_time("2026-11-02 10:00"):
            lead = self._lead(self.user_sales_1)
            self._register(self.user_sales_1, lead)
        lead.action_set_lost()
        with freeze_time("2026-11-10 10:00"):
            self.Registration._cron_expire()
            second = self._register(self.user_sales_2, self._lead(self.user_sales_2))
        self.assertEqual(second.state, "active")
        self.assertFalse(self.Collision.search([("challenger_registration_id", "=", second.id)]))

    def test_lp11_leaking_customers_is_fined_per_customer(self):
        """LP-11: leaking registered customers to another company: 500 per customer."""
        registrations = self.Registration
        for index in range(2):
            lead = self._lead(self.user_sales_1, phone=f"1398888000{index}")
            registrations |= self._register(self.user_sales_1, lead)
        with self.assertRaises(UserError):
            registrations.with_user(self.user_sales_2).action_report_leak()
        registrations.with_user(self.user_manager).action_report_leak()
        fines = self._ledger("LP-11")
        self.assertEqual(fines.mapped("amount"), [-500.0, -500.0])
        self.assertEqual(fines.employee_id, self.employees[0])
        registrations.with_user(self.user_manager).action_report_leak()
        self.assertEqual(len(self._ledger("LP-11")), 2)
        offences = self.env["incentive.offence"].search([("rule_ref", "=", "LP-11")])
        self.assertEqual(
            offences.fine_type_id, self.env.ref("incentive_ledger.fine_type_lp11_leak")
        )
        self.assertFalse(offences.proposal_ids)
        with self.assertRaises(UserError):
            registrations.with_user(self.user_manager).action_report_leak(paid="yes")
        # Once per registration even under two managers at once: the unique occurrence key
        # decides (incentive_ledger's two-cursor test proves the index); a quashed report (a
        # mistake) leaves room for a new one under the next key.
        self.assertEqual(
            sorted(offences.mapped("occurrence_key")),
            sorted(f"lead.protection.registration:{reg.id}:leak:0" for reg in registrations),
        )
        first = offences.filtered(lambda o: o.source_res_id == registrations[0].id)
        first.action_quash("Reported by mistake")
        registrations[0].with_user(self.user_manager).action_report_leak()
        again = self.env["incentive.offence"].search(
            [("rule_ref", "=", "LP-11"), ("state", "!=", "quashed")]
        )
        self.assertEqual(len(again), 2)
        self.assertIn(
            f"lead.protection.registration:{registrations[0].id}:leak:1",
            again.mapped("occurrence_key"),
        )

    def test_lp46_customers_leaked_for_payment_propose_dismissal(self):
        """LP-46: customers leaked for payment: 500 per customer and a dismissal proposal
        to HR; the salesperson cannot decide it, HR can."""
        lead = self._lead(self.user_sales_1, phone="13988881000")
        registration = self._register(self.user_sales_1, lead)
        with self.assertRaises(UserError):
            registration.with_user(self.user_sales_1).action_report_leak(paid=True)
        registration.with_user(self.user_manager).action_report_leak(paid=True)
        self.assertEqual(self._ledger("LP-46").mapped("amount"), [-500.0])
        offence = self.env["incentive.offence"].search([("rule_ref", "=", "LP-46")])
        self.assertEqual(offence.proposal_ids.kind, "dismissal")
        with self.assertRaises(UserError):
            offence.proposal_ids.with_user(self.user_sales_1).action_reject()
        self.assertEqual(offence.proposal_ids.state, "proposed")
        offence.proposal_ids.with_user(self.user_hr).action_reject("First time, warned")
        self.assertEqual(offence.proposal_ids.state, "rejected")

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import IncentiveLedgerCommon

# AccessError is a UserError: either refusal will do where both are possible.
DENIED = UserError


@tagged("post_install", "-at_install")
class TestOffence(IncentiveLedgerCommon):
    """Fines and small bonuses recorded from the catalogue (FN-1 .. FN-10, LP-46), as the
    recording manager, the fined employee, another employee and HR."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Offence = cls.env["incentive.offence"]
        cls.Proposal = cls.env["incentive.hr.proposal"]
        # PAY-3 daily wage: 4,200 a month, Monday to Friday (November 2026: 21 days) = 200.
        cls.emp_sales_1.version_id.wage = 4200.0
        cls.emp_sales_2.version_id.wage = 4200.0
        # FN-4: proposals go to the HR officer responsible for the employee.
        (cls.emp_sales_1 | cls.emp_sales_2).version_id.hr_responsible_id = cls.user_hr
        # The catalogue's registration types are raised from lead_protection's records;
        # here from the employee, with the shipped amounts and steps.
        cls.lp11_fake = cls.env.ref("incentive_ledger.fine_type_lp11_fake").copy(
            {"source_model": False}
        )

    def _record(self, xmlid, employees, user=None, **kwargs):
        fine_type = xmlid if not isinstance(xmlid, str) else f"incentive_ledger.{xmlid}"
        model = self.Offence.with_user(user or self.user_manager)
        return model._record_offence(fine_type, employees, **kwargs)

    def _lines(self, offences):
        return self.Line.search(
            [("source_model", "=", "incentive.offence"), ("source_res_id", "in", offences.ids)]
        )

    # --- FN-1

    def test_fn1_catalogue_has_every_row_of_the_fine_index(self):
        """FN-1: every fine of the rulebook's index is a fine type at the seed's amount."""
        expected = {
            "lp11_leak": ("LP-11", 500),
            "lp46_leak_paid": ("LP-46", 500),
            "lp9_dispute": ("LP-9", 500),
            "lp20_sheet": ("LP-20", 100),
            "lp25_order_number": ("LP-25", 200),
            "lp27_no_visit_entry": ("LP-27", 50),
            "lp28_questions": ("LP-28", 100),
            "lp30_not_reconciled": ("LP-30", 100),
            "lp35_low_price": ("LP-35", 100),
            "lp37_member_friend": ("LP-37", 100),
            "lp44_not_received": ("LP-44", 300),
            "cs5_grievance": ("CS-5", 100),
            "cs5_gm_complaint": ("CS-5", 100),
            "cs6_unresolved": ("CS-6", 500),
            "ev4_late_list": ("EV-4", 10),
            "ev6_argument": ("EV-6", 100),
            "fn5_late_meeting": ("FN-5", 30),
            "fn5_missed_meeting": ("FN-5", 50),
            "fn5_cancelled_booking": ("FN-5", 50),
            "fn5_out_without_pass": ("FN-5", 100),
            "fn8_booking_fraud": ("FN-8", 500),
            "fn9_hygiene": ("FN-9", 10),
            "fn10_night_rescue": ("FN-10", 20),
        }
        for xmlid, (rule, amount) in expected.items():
            fine_type = self.env.ref(f"incentive_ledger.fine_type_{xmlid}")
            self.assertEqual((fine_type.rule_ref, fine_type.amount), (rule, amount), xmlid)
        fight = self.env.ref("incentive_ledger.fine_type_fn7_fight")
        self.assertEqual((fight.amount_min, fight.amount_max), (500, 1000))
        self.assertEqual(self.env.ref("incentive_ledger.fine_type_fn6_absenteeism").days_of_pay, 4)
        self.assertEqual(
            self.env.ref("incentive_ledger.fine_type_cs6_unresolved").falls_on,
            "offender_and_manager",
        )
        self.assertEqual(
            self.env.ref("incentive_ledger.fine_type_ev4_late_list").falls_on, "offender"
        )
        self.assertEqual(
            self.env.ref("incentive_ledger.fine_type_fn10_night_rescue").line_kind, "bonus"
        )

    def test_fn1_only_hr_edits_the_catalogue(self):
        """FN-1: HR edits the amounts; a manager or an employee cannot."""
        fine_type = self.env.ref("incentive_ledger.fine_type_fn9_hygiene")
        for user in (self.user_manager, self.user_sales_1):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                fine_type.with_user(user).write({"amount": 1.0})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["incentive.fine.type"].with_user(user).create(
                    {"name": "x", "rule_ref": "FN-9", "amount": 1.0}
                )
        self.assertEqual(fine_type.amount, 10)
        fine_type.with_user(self.user_hr).write({"amount": 15.0})
        self.assertEqual(fine_type.amount, 15)
        with self.assertRaises(ValidationError):
            fine_type.with_user(self.user_hr).write({"amount_mode": "range"})

    # --- FN-2

    def test_fn2_manager_records_one_line_per_fined_person(self):
        """FN-2: the manager records an offence; the employee gets exactly one ledger line
        carrying the rule ID and the offence as its source; recording is idempotent per
        offence and person."""
        offence = self._record(
            "fine_type_fn5_late_meeting", self.emp_sales_1, date="2026-11-10", description="19:42"
        )
        self.assertEqual(offence.occurrence, 1)
        self.assertEqual(offence.recorded_by_id, self.user_manager)
        line = self._lines(offence)
        self.assertEqual(len(line), 1)
        self.assertEqual(
            (line.employee_id, line.kind, line.amount, line.rule_ref, line.state),
            (self.emp_sales_1, "penalty", -30.0, "FN-5", "draft"),
        )
        self.assertEqual(line.source_ref, offence)
        self.assertEqual(str(line.date), "2026-11-10")
        # Booking again returns the same line (PAY-1).
        self.assertEqual(offence.sudo()._book_fines(), line)
        self.assertEqual(len(self._lines(offence)), 1)

    def test_fn2_visibility_own_team_hr(self):
        """FN-2: an employee sees his own offences, not others'; the manager his team's;
        HR all."""
        offence = self._record("fine_type_fn9_hygiene", self.emp_sales_1)
        Offence = self.Offence
        self.assertEqual(Offence.with_user(self.user_sales_1).search([]), offence)
        self.assertFalse(Offence.with_user(self.user_sales_2).search([]))
        self.assertFalse(Offence.with_user(self.user_outsider).search([]))
        self.assertEqual(Offence.with_user(self.user_manager).search([]), offence)
        self.assertIn(offence, Offence.with_user(self.user_hr).search([]))
        with self.assertRaises(AccessError):
            offence.with_user(self.user_sales_2).read(["amount"])

    def test_fn2_attackers_cannot_record_quash_or_edit(self):
        """FN-2: the employee, a colleague and an outsider cannot record an offence or quash
        one; nobody, HR included, edits its amount or state directly."""
        for user, employee in (
            (self.user_sales_1, self.emp_sales_1),
            (self.user_sales_1, self.emp_sales_2),
            (self.user_outsider, self.emp_sales_1),
            (self.user_manager, self.emp_outsider),
        ):
            with self.subTest(user=user.login, employee=employee.name):
                with self.assertRaises(UserError):
                    self._record("fine_type_fn9_hygiene", employee, user=user)
        self.assertFalse(self.Offence.search([("employee_id", "=", self.emp_outsider.id)]))
        offence = self._record("fine_type_fn5_out_without_pass", self.emp_sales_1)
        for user in (self.user_sales_1, self.user_sales_2, self.user_outsider):
            with self.subTest(user=user.login), self.assertRaises(DENIED):
                offence.with_user(user).action_quash("not me")
        attacks = [
            {"amount": 0.0},
            {"state": "quashed"},
            {"occurrence": 5},
            {"employee_id": self.emp_sales_2.id},
            {"fine_type_id": self.env.ref("incentive_ledger.fine_type_fn9_hygiene").id},
        ]
        for user in (self.user_sales_1, self.user_manager, self.user_hr):
            for vals in attacks:
                with self.subTest(user=user.login, vals=vals), self.assertRaises(DENIED):
                    offence.with_user(user).write(vals)
        with self.assertRaises(DENIED):
            self.Offence.with_user(self.user_hr).create(
                {
                    "fine_type_id": offence.fine_type_id.id,
                    "employee_id": self.emp_sales_2.id,
                    "company_id": self.company.id,
                    "date": "2026-11-10",
                }
            )
        with self.assertRaises(DENIED):
            offence.with_user(self.user_hr).unlink()
        offence.invalidate_recordset()
        self.assertEqual((offence.amount, offence.state), (100.0, "recorded"))
        self.assertEqual(self._lines(offence).amount, -100.0)
        # HR may complete the description while the offence stands.
        offence.with_user(self.user_hr).write({"description": "Seen at 20:10"})

    def test_fn2_input_is_validated(self):
        """FN-2: wrong inputs are refused with a message and nothing is written."""
        count = self.Offence.search_count([])
        wrong_calls = [
            ("fine_type_fn9_hygiene", self.env["hr.employee"], {}),
            ("fine_type_fn9_hygiene", self.user_sales_1, {}),
            ("fine_type_fn9_hygiene", self.emp_sales_1, {"days": 0}),
            ("fine_type_fn9_hygiene", self.emp_sales_1, {"days": "2"}),
            ("fine_type_fn9_hygiene", self.emp_sales_1, {"date": "not a date"}),
            ("fine_type_fn9_hygiene", self.emp_sales_1, {"amount": -5}),
            ("fine_type_fn7_insubordination", self.emp_sales_1, {}),
            ("fine_type_fn7_insubordination", self.emp_sales_1, {"amount": 800.0}),
            ("fine_type_lp11_leak", self.emp_sales_1, {}),
            ("no_such_type", self.emp_sales_1, {}),
        ]
        for xmlid, employees, kwargs in wrong_calls:
            with self.subTest(xmlid=xmlid, kwargs=kwargs), self.assertRaises(UserError):
                self._record(xmlid, employees, **kwargs)
        self.assertEqual(self.Offence.search_count([]), count)

    def test_fn2_quash_cancels_and_reverses_paid_lines(self):
        """FN-2, PAY-2: quashing cancels the offence's lines; a paid one is reversed."""
        unpaid = self._record("fine_type_fn5_missed_meeting", self.emp_sales_1)
        paid = self._record("fine_type_fn5_cancelled_booking", self.emp_sales_2)
        self._lines(unpaid | paid).action_approve()
        self._lines(paid)._mark_paid()
        (unpaid | paid).with_user(self.user_manager).action_quash("Wrong person")
        self.assertEqual(self._lines(unpaid).state, "cancelled")
        paid_line = self._lines(paid).filtered(lambda line: line.kind == "penalty")
        self.assertEqual((paid_line.state, paid_line.paid_date), ("cancelled", paid_line.paid_date))
        self.assertTrue(paid_line.paid_date)
        reversal = paid_line.reversal_line_ids
        self.assertEqual((reversal.amount, reversal.state), (50.0, "approved"))
        self.assertEqual(set((unpaid | paid).mapped("state")), {"quashed"})
        self.assertEqual(unpaid.quash_reason, "Wrong person")
        with self.assertRaises(UserError):
            unpaid.with_user(self.user_manager).action_quash("again")
        with self.assertRaises(UserError):
            self._record("fine_type_fn9_hygiene", self.emp_sales_1).with_user(
                self.user_manager
            ).action_quash("  ")

    def test_fn2_record_from_the_employee_wizard(self):
        """FN-2: the manager records a discipline offence from the employee with the wizard."""
        # A manager who is not an HR officer opens his employees' public profiles.
        action = (
            self.env["hr.employee.public"]
            .with_user(self.user_manager)
            .browse(self.emp_sales_1.id)
            .action_record_offence()
        )
        self.assertEqual(
            action["context"],
            self.emp_sales_1.with_user(self.user_hr).action_record_offence()["context"],
        )
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.user_manager)
            .with_context(**action["context"])
            .create({"fine_type_id": self.env.ref("incentive_ledger.fine_type_fn9_hygiene").id})
        )
        wizard.action_record()
        offence = self.Offence.search([("employee_id", "=", self.emp_sales_1.id)])
        self.assertEqual((offence.rule_ref, offence.amount), ("FN-9", 10.0))
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.user_sales_2)
            .with_context(**action["context"])
            .create({"fine_type_id": self.env.ref("incentive_ledger.fine_type_fn9_hygiene").id})
        )
        with self.assertRaises(UserError):
            wizard.action_record()

    # --- FN-3

    def test_fn3_lp11_escalates_50_100_then_dismissal(self):
        """FN-3, LP-11: 50, then 100, the third time a dismissal proposal and no money; a
        quashed offence does not count."""
        first, second, third = (self._record(self.lp11_fake, self.emp_sales_1) for _ in range(3))
        self.assertEqual([first.occurrence, second.occurrence, third.occurrence], [1, 2, 3])
        self.assertEqual([o.amount for o in (first, second, third)], [50.0, 100.0, 0.0])
        self.assertFalse(self._lines(third))
        self.assertEqual(third.proposal_ids.kind, "dismissal")
        self.assertFalse(first.proposal_ids | second.proposal_ids)
        # Another employee starts from the first step.
        self.assertEqual(self._record(self.lp11_fake, self.emp_sales_2).amount, 50.0)
        # Quashing the first moves the others up; the next is the third again.
        first.with_user(self.user_manager).action_quash("Registration was real")
        self.assertEqual([second.occurrence, third.occurrence], [1, 2])
        self.assertEqual(third.proposal_ids.state, "proposed")
        fourth = self._record(self.lp11_fake, self.emp_sales_1)
        self.assertEqual((fourth.occurrence, fourth.amount), (3, 0.0))

    def test_fn3_counting_period_restarts(self):
        """FN-3: a type counted per month starts again at the first step next month."""
        fine_type = self.lp11_fake.copy({"counting_period": "month"})
        october = self._record(fine_type, self.emp_sales_1, date="2026-10-30")
        november = self._record(fine_type, self.emp_sales_1, date="2026-11-02")
        self.assertEqual((october.occurrence, november.occurrence), (1, 1))
        self.assertEqual((october.amount, november.amount), (50.0, 50.0))

    # --- FN-4, LP-46

    def test_fn4_hr_decides_the_proposal_and_nothing_ends_by_itself(self):
        """FN-4: a serious conduct case proposes dismissal without pay to HR with the
        offence attached and an activity; only HR decides; the contract stays."""
        offence = self._record("fine_type_fn7_serious", self.emp_sales_1)
        proposal = offence.proposal_ids
        self.assertEqual((proposal.kind, proposal.state), ("dismissal_without_pay", "proposed"))
        self.assertEqual(proposal.offence_id, offence)
        self.assertEqual(proposal.activity_ids.user_id, self.user_hr)
        self.assertFalse(self._lines(offence))
        # The employee does not see proposals; the manager sees his team's.
        self.assertFalse(self.Proposal.with_user(self.user_sales_1).search([]))
        self.assertEqual(self.Proposal.with_user(self.user_manager).search([]), proposal)
        for user in (self.user_sales_1, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(DENIED):
                proposal.with_user(user).action_accept("yes")
            with self.subTest(user=user.login), self.assertRaises(DENIED):
                proposal.with_user(user).write({"state": "accepted"})
        with self.assertRaises(UserError):
            proposal.with_user(self.user_hr).write({"state": "rejected"})
        self.assertEqual(proposal.state, "proposed")
        proposal.with_user(self.user_hr).action_accept("Dismissed after hearing")
        self.assertEqual(
            (proposal.state, proposal.decided_by_id, proposal.decision_note),
            ("accepted", self.user_hr, "Dismissed after hearing"),
        )
        self.assertFalse(proposal.activity_ids)
        self.assertTrue(self.emp_sales_1.active)
        with self.assertRaises(UserError):
            proposal.with_user(self.user_hr).action_reject()

    def test_lp46_three_consequences(self):
        """LP-46: leaking for payment costs 500 and proposes dismissal; sabotage proposes
        dismissal; an LP-9 dispute that lost the deal fines each party 500 and proposes
        public criticism of both."""
        leak = self.env.ref("incentive_ledger.fine_type_lp46_leak_paid").copy(
            {"source_model": False}
        )
        offence = self._record(leak, self.emp_sales_1)
        self.assertEqual(self._lines(offence).amount, -500.0)
        self.assertEqual(offence.proposal_ids.kind, "dismissal")
        sabotage = self._record("fine_type_lp46_sabotage", self.emp_sales_2)
        self.assertFalse(self._lines(sabotage))
        self.assertEqual(sabotage.proposal_ids.kind, "dismissal")
        dispute = self.env.ref("incentive_ledger.fine_type_lp9_dispute").copy(
            {"source_model": False}
        )
        both = self._record(dispute, self.emp_sales_1 | self.emp_sales_2)
        self.assertEqual(len(both), 2)
        self.assertEqual(sorted(self._lines(both).mapped("amount")), [-500.0, -500.0])
        self.assertEqual(self._lines(both).employee_id, self.emp_sales_1 | self.emp_sales_2)
        self.assertEqual(set(both.proposal_ids.mapped("kind")), {"public_criticism"})
        self.assertEqual(both.proposal_ids.employee_id, self.emp_sales_1 | self.emp_sales_2)

    # --- FN-5 .. FN-10

    def test_fn5_shift_discipline_amounts(self):
        """FN-5: late 30, missed meeting or cancelled booking 50, out without a pass 100."""
        amounts = [
            self._lines(self._record(xmlid, self.emp_sales_1)).amount
            for xmlid in (
                "fine_type_fn5_late_meeting",
                "fine_type_fn5_missed_meeting",
                "fine_type_fn5_cancelled_booking",
                "fine_type_fn5_out_without_pass",
            )
        ]
        self.assertEqual(amounts, [-30.0, -50.0, -50.0, -100.0])

    def test_fn6_absenteeism_four_days_pay_and_resignation_on_the_third_day(self):
        """FN-6, PAY-3: 4 days' pay per day at 4,200 ÷ 21 = 200; the third consecutive day
        proposes resignation."""
        first = self._record("fine_type_fn6_absenteeism", self.emp_sales_1, date="2026-11-10")
        self.assertEqual((first.daily_wage, first.amount), (200.0, 800.0))
        self.assertFalse(first.proposal_ids)
        more = self._record(
            "fine_type_fn6_absenteeism", self.emp_sales_1, date="2026-11-11", days=2
        )
        self.assertEqual(self._lines(more).amount, -1600.0)
        self.assertEqual(more.proposal_ids.kind, "resignation")
        # Without a wage, absence cannot be priced.
        self.emp_sales_2.version_id.wage = 0.0
        with self.assertRaises(UserError):
            self._record("fine_type_fn6_absenteeism", self.emp_sales_2, date="2026-11-10")

    def test_fn7_recorder_picks_within_the_range(self):
        """FN-7: insubordination 300 to 500, fight 500 to 1,000, as the recorder picks."""
        offence = self._record("fine_type_fn7_insubordination", self.emp_sales_1, amount=450.0)
        self.assertEqual(self._lines(offence).amount, -450.0)
        fight = self._record("fine_type_fn7_fight", self.emp_sales_2, amount=1000.0)
        self.assertEqual(self._lines(fight).amount, -1000.0)
        with self.assertRaises(UserError):
            self._record("fine_type_fn7_fight", self.emp_sales_2, amount=400.0)

    def test_fn8_booking_fraud_cancels_the_months_performance(self):
        """FN-8: once HR accepts, the month's commission and credit lines are cancelled
        (reversed if paid) and HR's fine is booked; other months stay."""
        paid = self._book_approved(
            self.emp_sales_1, kind="credit_share", amount=3000.0, key="c1", date="2026-11-03"
        )
        paid._mark_paid()
        bonus = self._book_approved(self.emp_sales_1, amount=800.0, key="b1", date="2026-11-20")
        reward = self._book_approved(
            self.emp_sales_1, kind="reward", amount=100.0, key="r1", date="2026-11-20"
        )
        october = self._book_approved(
            self.emp_sales_1, kind="credit_share", amount=900.0, key="c0", date="2026-10-31"
        )
        offence = self._record("fine_type_fn8_booking_fraud", self.emp_sales_1, date="2026-11-15")
        self.assertFalse(self._lines(offence))
        proposal = offence.proposal_ids
        self.assertEqual((proposal.kind, proposal.fine_amount), ("cancel_performance", 500.0))
        with self.assertRaises(DENIED):
            proposal.with_user(self.user_manager).action_accept()
        self.assertEqual(bonus.state, "approved")
        proposal.with_user(self.user_hr).write({"fine_amount": 600.0})
        proposal.with_user(self.user_hr).action_accept("Confirmed with the booking desk")
        self.assertEqual(bonus.state, "cancelled")
        self.assertEqual(paid.reversal_line_ids.amount, -3000.0)
        self.assertEqual((reward.state, october.state), ("approved", "approved"))
        self.assertEqual(proposal.cancelled_line_ids, paid | bonus)
        fine = self.Line.search([("source_key", "=", f"proposal:{proposal.id}")])
        self.assertEqual((fine.amount, fine.rule_ref, fine.kind), (-600.0, "FN-8", "penalty"))

    def test_fn9_hygiene_and_cs5_fines_on_the_department_manager(self):
        """FN-9: 10 per finding; CS-5 (complaint to the GM): 100 on the employee and 100 on
        his department manager."""
        hygiene = self._record("fine_type_fn9_hygiene", self.emp_sales_1)
        self.assertEqual(self._lines(hygiene).amount, -10.0)
        complaint = self._record("fine_type_cs5_gm_complaint", self.emp_sales_2)
        lines = self._lines(complaint)
        self.assertEqual(lines.employee_id, self.emp_sales_2 | self.emp_manager)
        self.assertEqual(lines.mapped("amount"), [-100.0, -100.0])
        # An employee without a manager cannot be fined through his manager.
        manager_only = self.env["incentive.fine.type"].create(
            {
                "name": "Fined through the manager",
                "rule_ref": "FN-1",
                "line_kind": "penalty",
                "amount_mode": "fixed",
                "amount": 10,
                "falls_on": "manager",
            }
        )
        with self.assertRaises(UserError):
            self.Offence.with_user(self.user_hr)._record_offence(manager_only, self.emp_outsider)

    def test_fn10_night_rescue_bonus_for_each_crew_member(self):
        """FN-10: each member of the crew gets +20, booked as a bonus."""
        crew = self._record("fine_type_fn10_night_rescue", self.emp_sales_1 | self.emp_sales_2)
        lines = self._lines(crew)
        self.assertEqual(lines.employee_id, self.emp_sales_1 | self.emp_sales_2)
        self.assertEqual(set(lines.mapped("kind")), {"bonus"})
        self.assertEqual(lines.mapped("amount"), [20.0, 20.0])

    def test_fn2_recording_a_crew_costs_the_same_queries_for_2_or_8(self):
        """FN-2, FN-10: a crew is recorded in one batch: the number of queries does not grow
        with the number of employees."""
        crew = self.env["hr.employee"].create([{"name": f"Crew {i}"} for i in range(10)])
        Offence = self.Offence.with_user(self.user_hr)
        fine_type = self.env.ref("incentive_ledger.fine_type_fn10_night_rescue")
        Offence._record_offence(fine_type, crew[:1])  # warm the caches
        counts = []
        for members in (crew[1:3], crew[2:10]):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Offence._record_offence(fine_type, members)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])

    def test_fn2_screens_open_for_the_roles_that_see_their_menus(self):
        """FN-1, FN-2, FN-4: every view of the menus loads for the roles that see them."""
        screens = {
            "incentive.offence": (["list", "form", "search", "pivot"], self.user_sales_1),
            "incentive.offence.record.wizard": (["form"], self.user_manager),
            "incentive.offence.quash.wizard": (["form"], self.user_manager),
            "incentive.hr.proposal": (["kanban", "list", "form", "search"], self.user_hr),
            "incentive.hr.proposal.decide.wizard": (["form"], self.user_hr),
            "incentive.fine.type": (["list", "form", "search"], self.user_hr),
        }
        for model, (view_types, user) in screens.items():
            with self.subTest(model=model):
                views = (
                    self.env[model]
                    .with_user(user)
                    .get_views([(False, view_type) for view_type in view_types])
                )
                self.assertEqual(set(views["views"]), set(view_types))
        self._record("fine_type_fn9_hygiene", self.emp_sales_1)
        self.assertTrue(
            self.Offence.with_user(self.user_sales_1).search_read([], ["display_name", "line_ids"])
        )
        menus = self.env["ir.ui.menu"].with_user(self.user_manager)._visible_menu_ids()
        self.assertIn(self.env.ref("incentive_ledger.menu_incentive_offence").id, menus)
        self.assertNotIn(self.env.ref("incentive_ledger.menu_incentive_fine_type").id, menus)
        self.assertNotIn(self.env.ref("incentive_ledger.menu_incentive_hr_proposal").id, menus)

    def test_fn2_another_company_neither_sees_nor_records(self):
        """FN-2: an HR officer of another company neither sees the offences nor records
        or quashes one, even through the wizard."""
        other = self.env["res.company"].create({"name": "Other Company"})
        hr_other = new_test_user(
            self.env,
            login="ledger_hr_other",
            groups="hr.group_hr_user",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        offence = self._record("fine_type_fn9_hygiene", self.emp_sales_1)
        self.assertFalse(self.Offence.with_user(hr_other).search([]))
        with self.assertRaises(UserError):
            self._record("fine_type_fn9_hygiene", self.emp_sales_2, user=hr_other)
        with self.assertRaises(UserError):
            self.env["incentive.offence.record.wizard"].with_user(hr_other).create(
                {
                    "fine_type_id": self.env.ref("incentive_ledger.fine_type_fn9_hygiene").id,
                    "employee_ids": [Command.set(self.emp_sales_2.ids)],
                }
            ).action_record()
        with self.assertRaises(UserError):
            offence.with_user(hr_other).action_quash("not mine")
        self.assertFalse(self.Offence.search([("employee_id", "=", self.emp_sales_2.id)]))
        self.assertEqual(offence.state, "recorded")

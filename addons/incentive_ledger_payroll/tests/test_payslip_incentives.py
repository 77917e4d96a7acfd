# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PayrollIncentiveCommon


@tagged("post_install", "-at_install")
class TestPayslipIncentives(PayrollIncentiveCommon):
    @freeze_time("2026-10-20")
    def test_pay1_payslip_shows_bonus_penalty_and_reversal(self):
        """PAY-1, PAY-2: one input per kind; NET = wage + bonus - penalty - reversal."""
        self._approved(self.employee, "bonus", 1000.0, "b1")
        self._approved(self.employee, "bonus", 500.0, "b2")
        self._approved(self.employee, "penalty", -100.0, "p1")
        paid_before = self._approved(self.employee, "reward", 200.0, "r1", date="2026-09-10")
        paid_before._mark_paid()
        paid_before.action_cancel()  # reversal -200 for the next payslip
        self._approved(self.employee, "bonus", 700.0, "future", date="2026-11-05")
        payslip = self._run(self.employee)
        self.assertEqual(self._input_amount(payslip, "INC_BONUS"), 1500.0)
        self.assertEqual(len(payslip.input_line_ids.filtered(lambda i: i.code == "INC_BONUS")), 1)
        self.assertEqual(self._line_total(payslip, "INC_PENALTY"), -100.0)
        self.assertEqual(self._line_total(payslip, "INC_REVERSAL"), -200.0)
        self.assertEqual(self._line_total(payslip, "NET"), 5000.0 + 1500.0 - 100.0 - 200.0)

    def test_pay1_input_names_in_the_employees_language(self):
        """PAY-1: the payroll clerk works in English, the employee reads Chinese: the ledger's
        payslip inputs are named in the employee's language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["incentive_ledger", "incentive_ledger_payroll"], ["zh_CN"]
        )
        if not self.employee.work_contact_id:
            self.employee.work_contact_id = self.env["res.partner"].create({"name": "Li Na"})
        self.employee.work_contact_id.lang = "zh_CN"
        self.user_payroll.lang = "en_US"
        self._approved(self.employee, "bonus", 1000.0, "b1")
        payslip = self._run(self.employee)
        payslip.with_user(self.user_payroll).compute_sheet()
        bonus = payslip.input_line_ids.filtered(lambda line: line.code == "INC_BONUS")
        self.assertEqual(bonus.name, "激励：奖金")
        self.assertEqual(bonus.amount, 1000.0)

    def test_pay1_recompute_twice_gives_the_same_inputs(self):
        """PAY-1: computing a payslip again changes nothing; a line approved meanwhile is
        picked up by the next computation."""
        self._approved(self.employee, "bonus", 1000.0, "b1")
        payslip = self._run(self.employee)
        before = [(i.code, i.amount) for i in payslip.input_line_ids]
        payslip.compute_sheet()
        payslip.compute_sheet()
        self.assertEqual([(i.code, i.amount) for i in payslip.input_line_ids], before)
        self.assertEqual(self._line_total(payslip, "NET"), 6000.0)
        self._approved(self.employee, "penalty", -50.0, "late")
        payslip.compute_sheet()
        self.assertEqual(self._line_total(payslip, "NET"), 5950.0)

    def test_pay1_confirm_marks_exactly_those_lines_paid(self):
        """PAY-1: confirming marks the lines it paid as paid and links them; draft and
        later lines stay unpaid."""
        bonus = self._approved(self.employee, "bonus", 1000.0, "b1")
        later = self._approved(self.employee, "bonus", 300.0, "nov", date="2026-11-02")
        draft = self.Line._book(
            [
                {
                    "employee_id": self.employee.id,
                    "kind": "bonus",
                    "amount": 50.0,
                    "name": "draft",
                    "source_key": "d1",
                    "date": "2026-10-02",
                }
            ]
        )
        payslip = self._run(self.employee)
        payslip.with_user(self.user_payroll).action_payslip_done()
        self.assertEqual(payslip.state, "done")
        self.assertRecordValues(
            bonus, [{"state": "paid", "payslip_id": payslip.id, "paid_date": self.period_end}]
        )
        self.assertEqual(later.state, "approved")
        self.assertEqual(draft.state, "draft")
        self.assertEqual(payslip.incentive_line_ids, bonus)

    def test_pay1_two_payslips_in_one_period_never_double_pay(self):
        """PAY-1: a second payslip of the same employee and period pays nothing again."""
        self._approved(self.employee, "bonus", 1000.0, "b1")
        first = self._run(self.employee)
        second = self._run(self.employee)
        self.assertEqual(self._input_amount(second, "INC_BONUS"), 1000.0)  # both drafts see it
        first.action_payslip_done()
        second.action_payslip_done()  # recomputes: the bonus is gone
        self.assertEqual(self._line_total(first, "INC_BONUS"), 1000.0)
        self.assertEqual(self._line_total(second, "INC_BONUS"), 0.0)
        self.assertEqual(self._line_total(second, "NET"), 5000.0)

    def test_pay1_stale_payslip_cannot_confirm_without_recompute(self):
        """PAY-1: a payslip confirmed without recomputation, after another payslip paid its
        lines, is refused instead of paying twice."""
        self._approved(self.employee, "bonus", 1000.0, "b1")
        first = self._run(self.employee)
        second = self._run(self.employee)
        first.action_payslip_done()
        with self.assertRaisesRegex(UserError, "Compute the payslip again"):
            second.with_context(without_compute_sheet=True).action_payslip_done()

    def test_pay2_cancelled_payslip_releases_its_lines(self):
        """PAY-2: cancelling a confirmed payslip gives its lines back to the next one."""
        self.env["ir.config_parameter"].sudo().set_param("payroll.allow_cancel_payslips", True)
        bonus = self._approved(self.employee, "bonus", 1000.0, "b1")
        payslip = self._run(self.employee)
        payslip.action_payslip_done()
        payslip.action_payslip_cancel()
        self.assertEqual(payslip.state, "cancel")
        self.assertRecordValues(bonus, [{"state": "approved", "payslip_id": False}])
        again = self._run(self.employee)
        again.action_payslip_done()
        self.assertEqual(bonus.payslip_id, again)

    def test_pay2_refunded_payslip_releases_its_lines(self):
        """PAY-2: refunding a payslip (credit note) releases its lines to the next payslip
        and the credit note itself pays nothing."""
        bonus = self._approved(self.employee, "bonus", 1000.0, "b1")
        payslip = self._run(self.employee)
        payslip.action_payslip_done()
        payslip.refund_sheet()
        refund = payslip.refunded_id
        self.assertTrue(refund.credit_note)
        self.assertEqual(bonus.state, "approved")
        self.assertFalse(refund.incentive_line_ids)
        nxt = self._run(self.employee, "2026-11-01", "2026-11-30")
        nxt.action_payslip_done()
        self.assertEqual(bonus.payslip_id, nxt)

    def test_pay2_cannot_undo_a_payslip_whose_lines_were_reversed(self):
        """PAY-2: once a paid line was cancelled and reversed, refunding its payslip would
        take the money back twice: refused with an explanation."""
        bonus = self._approved(self.employee, "bonus", 1000.0, "b1")
        payslip = self._run(self.employee)
        payslip.action_payslip_done()
        bonus.action_cancel()
        with self.assertRaisesRegex(UserError, "reversed"):
            payslip.refund_sheet()

    @freeze_time("2026-11-10 04:00:00")
    def test_pay2_line_approved_after_confirmation_goes_to_next_payslip(self):
        """PAY-1, PAY-2: a line approved after October's payslip was confirmed, and a
        reversal of a line paid in October, both land on November's payslip."""
        bonus = self._approved(self.employee, "bonus", 1000.0, "b1")
        october = self._run(self.employee)
        october.action_payslip_done()
        late = self._approved(self.employee, "reward", 100.0, "late", date="2026-10-20")
        bonus.action_cancel()
        november = self._run(self.employee, "2026-11-01", "2026-11-30")
        self.assertEqual(self._line_total(november, "INC_REWARD"), 100.0)
        self.assertEqual(self._line_total(november, "INC_REVERSAL"), -1000.0)
        november.action_payslip_done()
        self.assertEqual(late.payslip_id, november)
        self.assertEqual(bonus.reversal_line_ids.payslip_id, november)
        self.assertEqual(self._line_total(november, "NET"), 5000.0 + 100.0 - 1000.0)

    def test_pay1_structure_without_incentive_rules_is_refused(self):
        """PAY-1: a payslip whose structure cannot pay the ledger amounts is not confirmed
        (the lines would be marked paid without being paid)."""
        self.structure.parent_id = False
        self._approved(self.employee, "bonus", 1000.0, "b1")
        payslip = self._run(self.employee)
        with self.assertRaisesRegex(UserError, "Incentive Ledger"):
            payslip.action_payslip_done()

    def test_pay1_batch_of_payslips_query_count(self):
        """PAY-1: syncing the ledger into 50 payslips costs a constant number of queries."""
        employees = self.env["hr.employee"].create([{"name": f"Batch {i}"} for i in range(50)])
        for employee in employees:
            employee.version_id.write(
                {
                    "date_version": "2026-01-01",
                    "contract_date_start": "2026-01-01",
                    "wage": 3000.0,
                    "struct_id": self.structure.id,
                }
            )
        payslips = self.env["hr.payslip"].browse(self._run(employees).ids)
        self.Line._book(
            [
                {
                    "employee_id": employee.id,
                    "kind": "bonus",
                    "amount": 100.0,
                    "name": "batch",
                    "source_key": "batch",
                    "date": "2026-10-10",
                }
                for employee in employees
            ]
        ).action_approve()
        self.env.invalidate_all()
        # 5 + reading the employees' languages once per batch: input names are written in
        # the language of the employee who reads the payslip.
        with self.assertQueryCount(11):
            payslips._sync_incentive_inputs()
        self.assertEqual(
            set(payslips.mapped(lambda slip: self._input_amount(slip, "INC_BONUS"))), {100.0}
        )
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            payslips._sync_incentive_inputs()  # up to date: reads only
        # The whole computation of the batch; OCA payroll itself works payslip by payslip,
        # the pin guards against the ledger adding queries per payslip.
        self.env.invalidate_all()
        with self.assertQueryCount(3504):
            payslips.compute_sheet()
        self.assertEqual(set(payslips.mapped(lambda slip: self._line_total(slip, "NET"))), {3100.0})

    def _batch(self, count, prefix):
        employees = self.env["hr.employee"].create(
            [{"name": f"{prefix} {i}"} for i in range(count)]
        )
        for employee in employees:
            employee.version_id.write(
                {
                    "date_version": "2026-01-01",
                    "contract_date_start": "2026-01-01",
                    "wage": 3000.0,
                    "struct_id": self.structure.id,
                }
            )
        self.Line._book(
            [
                {
                    "employee_id": employee.id,
                    "kind": "bonus",
                    "amount": 100.0,
                    "name": "batch",
                    "source_key": f"{prefix}-batch",
                    "date": "2026-10-10",
                }
                for employee in employees
            ]
        ).action_approve()
        # A fresh recordset: the run's one2many would not prefetch once the cache is cleared.
        payslips = self.env["hr.payslip"].browse(self._run(employees).ids)
        payslips.compute_sheet()
        return payslips

    def test_pay1_a_payslip_batch_is_confirmed_in_one_action(self):
        """PAY-1: the payroll clerk confirms a whole batch at once; each payslip pays its
        employee's lines exactly once and the batch's lines are claimed together."""
        payslips = self._batch(4, "One action")
        run = payslips.payslip_run_id
        clerk = self.env["res.users"].create(
            {
                "name": "Payroll Clerk",
                "login": "payroll_clerk_batch",
                "group_ids": [
                    (4, self.env.ref("payroll.group_payroll_manager").id),
                    (4, self.env.ref("hr.group_hr_user").id),
                ],
            }
        )
        run.with_user(clerk).action_confirm_payslips()
        self.assertEqual(set(payslips.mapped("state")), {"done"})
        lines = payslips.incentive_line_ids
        self.assertEqual(len(lines), 4)
        self.assertEqual(set(lines.mapped("state")), {"paid"})
        self.assertEqual(
            {slip.employee_id: slip.incentive_line_ids.employee_id for slip in payslips},
            {slip.employee_id: slip.employee_id for slip in payslips},
        )
        with self.assertRaises(UserError):
            run.with_user(clerk).action_confirm_payslips()  # nothing left to confirm

    def test_pay1_confirming_a_batch_costs_queries_independent_of_the_ledger(self):
        """PAY-1: confirming payslips together costs a constant number of queries whatever
        the size of the batch: 5 or 20 payslips are confirmed by OCA payroll's one state
        write, and their ledger lines claimed and checked by one more statement."""
        small = self._batch(5, "Small")
        large = self._batch(20, "Large")
        self.env.invalidate_all()
        # OCA payroll's write of the state (1) + the claim (1).
        with self.assertQueryCount(2):
            small.with_context(without_compute_sheet=True).action_payslip_done()
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            large.with_context(without_compute_sheet=True).action_payslip_done()
        self.assertEqual(set((small | large).mapped("state")), {"done"})
        self.assertEqual(set(large.incentive_line_ids.mapped("state")), {"paid"})
        self.assertEqual(len(large.incentive_line_ids), 20)
        self.assertEqual(
            {slip: slip.incentive_line_ids.employee_id for slip in large},
            {slip: slip.employee_id for slip in large},
        )

    def test_pay1_claim_alone_is_one_statement(self):
        """PAY-1: once the state is written, claiming a batch's ledger lines is one query
        (claim and check together), whatever the size of the batch."""
        small = self._batch(5, "Claim small")
        large = self._batch(20, "Claim large")
        (small | large).write({"state": "done"})  # OCA's own confirmation, without ours
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            small._claim_incentive_lines()
        with self.assertQueryCount(1):
            large._claim_incentive_lines()
        self.assertEqual(set(large.incentive_line_ids.mapped("paid_date")), {self.period_end})

    def test_pay1_a_stale_payslip_in_a_batch_refuses_the_batch(self):
        """PAY-1 (attacker: a ledger line approved between computing and confirming): the
        batch confirmation is refused and names the payslip whose ledger changed."""
        payslips = self._batch(3, "Stale")
        stale = payslips[1]
        self._approved(stale.employee_id, "reward", 40.0, "late reward")
        with self.assertRaisesRegex(UserError, "changed since payslip") as error:
            payslips.with_context(without_compute_sheet=True).action_payslip_done()
        self.assertIn(stale.employee_id.name, str(error.exception))
        self.assertIn("INC_REWARD", str(error.exception))
        for other in payslips - stale:
            self.assertNotIn(other.employee_id.name + " ", str(error.exception))

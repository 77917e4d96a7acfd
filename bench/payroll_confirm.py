# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: payslip computation and confirmation with the ledger bridge vs OCA payroll alone.

Creates N employees with an `hr.version` on the demo-free "Incentive Ledger" child structure
and one approved ledger bonus each, generates two payslip batches of N payslips for the same
period, then times, batch against batch:
- computing: OCA payroll's own `compute_sheet` (the bridge's override skipped) vs ours
  (ledger inputs synced first);
- confirming: OCA payroll's own confirmation of already computed payslips (state written,
  nothing claimed) vs ours (`action_payslip_done` on the whole batch, the batch's ledger
  lines claimed with one UPDATE).
Prints seconds, queries and the ratios ours/OCA; the floor is OCA's own cost (ratio 1.00).
Each side runs in its own transaction, rolled back, in alternating order.

Run it with `bench/run payroll_confirm [--count 1000]`.
"""
# bench-needs: incentive_ledger_payroll

import argparse
import time

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

from odoo.addons.payroll.models.hr_payslip import HrPayslip as OcaPayslip


def setup(env, count):
    """N employees with contracts, approved ledger lines and a payslip batch each side."""
    basic = env["hr.salary.rule.category"].create({"name": "Basic", "code": "BENCHBASIC"})
    rules = env["hr.salary.rule"].create(
        [
            {
                "name": "Basic",
                "code": "BASIC",
                "sequence": 1,
                "category_id": basic.id,
                "condition_select": "none",
                "amount_select": "code",
                "amount_python_compute": "result = contract.wage",
            },
            {
                "name": "Net",
                "code": "NET",
                "sequence": 200,
                "category_id": basic.id,
                "condition_select": "none",
                "amount_select": "code",
                "amount_python_compute": "result = categories.BENCHBASIC + categories.INC",
            },
        ]
    )
    structure = env["hr.payroll.structure"].create(
        {
            "name": "Bench structure",
            "code": "BENCH",
            "parent_id": env.ref("incentive_ledger_payroll.hr_payroll_structure_incentive").id,
            "rule_ids": [(6, 0, rules.ids)],
        }
    )
    employees = env["hr.employee"].create([{"name": f"Bench {i}"} for i in range(count)])
    employees.version_id.write(
        {
            "date_version": "2026-01-01",
            "contract_date_start": "2026-01-01",
            "wage": 5000.0,
            "struct_id": structure.id,
        }
    )
    env["employee.incentive.line"]._book(
        [
            {
                "employee_id": employee.id,
                "kind": "bonus",
                "amount": 100.0,
                "name": "bench",
                "source_key": "bench",
                "date": "2026-10-10",
            }
            for employee in employees
        ]
    ).action_approve()
    return employees


def batch(env, employees):
    run = env["hr.payslip.run"].create(
        {"name": "Bench", "date_start": "2026-10-01", "date_end": "2026-10-31"}
    )
    wizard = env["hr.payslip.employees"].create({"employee_ids": [(6, 0, employees.ids)]})
    wizard.with_context(active_id=run.id).compute_sheet()
    return env["hr.payslip"].browse(run.slip_ids.ids)


def timed(env, function):
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    function()
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - queries


def measure(registry, count, ours):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        employees = setup(env, count)
        payslips = batch(env, employees)
        if ours:
            compute = timed(env, payslips.compute_sheet)
            confirm = timed(
                env, payslips.with_context(without_compute_sheet=True).action_payslip_done
            )
            paid = env["employee.incentive.line"].search_count(
                [("employee_id", "in", employees.ids), ("state", "=", "paid")]
            )
            assert paid == count, f"{paid} ledger lines paid, expected {count}"
        else:
            compute = timed(env, lambda: OcaPayslip.compute_sheet(payslips))
            confirm = timed(
                env,
                lambda: OcaPayslip.action_payslip_done(
                    payslips.with_context(without_compute_sheet=True)
                ),
            )
        cr.rollback()
    return compute, confirm


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    registry = Registry(args.database)
    results = {True: [], False: []}
    for round_ in range(args.rounds):
        for ours in (round_ % 2 == 0, round_ % 2 == 1):
            results[ours].append(measure(registry, args.count, ours))

    def median(values):
        values = sorted(values)
        return values[len(values) // 2]

    print(f"{args.count} payslips, median of {args.rounds} rounds")
    print(f"{'step':<12}{'OCA s':>9}{'OCA q':>9}{'ours s':>9}{'ours q':>9}{'ratio s':>9}")
    for index, step in enumerate(("compute", "confirm")):
        oca_s = median([r[index][0] for r in results[False]])
        oca_q = median([r[index][1] for r in results[False]])
        ours_s = median([r[index][0] for r in results[True]])
        ours_q = median([r[index][1] for r in results[True]])
        print(f"{step:<12}{oca_s:>9.2f}{oca_q:>9}{ours_s:>9.2f}{ours_q:>9}{ours_s / oca_s:>8.2f}x")


if __name__ == "__main__":
    main()

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: payslip confirmation (and computation) with the ledger bridge vs OCA payroll alone.

Confirming: N employees with an `hr.version` on a structure whose parent is the "Incentive
Ledger" structure, one approved ledger bonus each, one payslip batch of N payslips computed
ONCE with the bridge (so the payslips carry the ledger inputs and lines) and committed to
the benchmark database, reused by the next runs. Each round then confirms the same batch
three times, each side inside a SAVEPOINT rolled back after, each side first in turn:
- OCA: OCA payroll's own `action_payslip_done` (without recomputation: one state write);
- ours: `action_payslip_done` of the bridge on the whole batch (the same state write, then
  the batch's ledger lines claimed and checked with one statement);
- floor: OCA's confirmation plus the bare UPDATE of the ledger lines, nothing checked (the
  least any claim can cost: the ledger rows must be written).
Mail tracking is off (the bare state write); `--tracking` also times the three with
tracking on, as a user's click runs them (one tracking message per payslip).

Computing: on `--compute-count` fresh employees, OCA payroll's own `compute_sheet` (the
bridge's override skipped) vs ours (ledger inputs synced first), each side in its own
transaction rolled back, alternating, `--compute-rounds` rounds (0 skips it).

Prints per step the median and p95 seconds, queries, and the ratios of the medians ours/OCA
and ours/floor.

Run it with `bench/run payroll_confirm [--count 1000] [--rounds 7] [--compute-count 50]`.
"""
# bench-needs: incentive_ledger_payroll

import argparse
import os
import time

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

from odoo.addons.payroll.models.hr_payslip import HrPayslip as OcaPayslip

from bench.common import timed, vacuum


def structure(env):
    """The bench's salary structure (BASIC + the ledger's INC), created once."""
    existing = env["hr.payroll.structure"].search([("code", "=", "BENCH")], limit=1)
    if existing:
        return existing
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
    return env["hr.payroll.structure"].create(
        {
            "name": "Bench structure",
            "code": "BENCH",
            "parent_id": env.ref("incentive_ledger_payroll.hr_payroll_structure_incentive").id,
            "rule_ids": [(6, 0, rules.ids)],
        }
    )


def employees_with_bonus(env, count, prefix):
    """N employees with a contract on the bench structure and one approved bonus each."""
    employees = env["hr.employee"].create([{"name": f"{prefix} {i}"} for i in range(count)])
    employees.version_id.write(
        {
            "date_version": "2026-01-01",
            "contract_date_start": "2026-01-01",
            "wage": 5000.0,
            "struct_id": structure(env).id,
        }
    )
    env["employee.incentive.line"]._book(
        [
            {
                "employee_id": employee.id,
                "kind": "bonus",
                "amount": 100.0,
                "name": "bench",
                "source_key": f"bench {prefix}",
                "date": "2026-10-10",
            }
            for employee in employees
        ]
    ).action_approve()
    return employees


def batch(env, employees, name):
    run = env["hr.payslip.run"].create(
        {"name": name, "date_start": "2026-10-01", "date_end": "2026-10-31"}
    )
    wizard = env["hr.payslip.employees"].create({"employee_ids": [(6, 0, employees.ids)]})
    wizard.with_context(active_id=run.id).compute_sheet()
    return env["hr.payslip"].browse(run.slip_ids.ids)


TABLES = (
    "hr_payslip",
    "hr_payslip_input",
    "hr_payslip_line",
    "employee_incentive_line",
    "mail_message",
    "mail_tracking_value",
)


def confirm_batch(registry, count):
    """The ids of a computed, unconfirmed batch of N payslips, built and committed once."""
    name = f"Bench confirm {count}"
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        run = env["hr.payslip.run"].search([("name", "=", name)], limit=1)
        if (
            run
            and len(run.slip_ids) == count
            and set(run.slip_ids.mapped("state"))
            <= {
                "draft",
                "verify",
            }
        ):
            return run.slip_ids.ids
        run.slip_ids.unlink()
        run.unlink()
        print(f"Building the batch of {count} payslips (computed once, committed)...", flush=True)
        start = time.perf_counter()
        employees = employees_with_bonus(env, count, f"Bench confirm {count}")
        payslips = batch(env, employees, name)
        payslips.compute_sheet()
        cr.commit()
        print(f"  built in {time.perf_counter() - start:.0f} s", flush=True)
        return payslips.ids


def floor_confirm(env, payslips):
    """OCA's confirmation plus the bare UPDATE of the ledger lines, nothing checked: the
    least any claim costs (the ledger rows must be written)."""
    OcaPayslip.action_payslip_done(payslips)
    env.flush_all()
    env.cr.execute(
        """
        WITH slip AS MATERIALIZED (
            SELECT id, employee_id, company_id, date_to FROM hr_payslip WHERE id = ANY(%s)
        )
        UPDATE employee_incentive_line AS line
           SET state = 'paid', payslip_id = slip.id, paid_date = slip.date_to,
               write_uid = %s, write_date = (now() at time zone 'UTC')
          FROM slip
         WHERE line.employee_id = slip.employee_id
           AND line.company_id = slip.company_id
           AND line.date <= slip.date_to
           AND line.state = 'approved'
           AND line.payslip_id IS NULL
        """,
        [payslips.ids, env.uid],
    )


def measure_confirm(env, ids, side, tracking):
    """Confirm the batch inside a savepoint rolled back after; (seconds, queries)."""
    env = env(context={} if tracking else {"tracking_disable": True})
    payslips = env["hr.payslip"].browse(ids).with_context(without_compute_sheet=True)
    env.cr.execute("SAVEPOINT bench_confirm")
    try:
        if side == "ours":
            result = timed(env, payslips.action_payslip_done)
        elif side == "floor":
            result = timed(env, lambda: floor_confirm(env, payslips))
        else:
            result = timed(env, lambda: OcaPayslip.action_payslip_done(payslips))
        env.cr.execute(
            "SELECT count(*) FROM employee_incentive_line WHERE payslip_id = ANY(%s)", [ids]
        )
        paid = env.cr.fetchone()[0]
        expected = 0 if side == "OCA" else len(ids)
        assert paid == expected, f"{side}: {paid} ledger lines paid, expected {expected}"
        env.cr.execute(
            "SELECT count(*) FROM hr_payslip WHERE id = ANY(%s) AND state = 'done'", [ids]
        )
        assert env.cr.fetchone()[0] == len(ids)
    finally:
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_confirm")
        env.cr.precommit.clear()
        env.cr.postcommit.clear()
        env.invalidate_all(flush=False)
        env.transaction.clear()
    return result


def measure_compute(registry, count, side):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        payslips = batch(env, employees_with_bonus(env, count, "Bench compute"), "Bench compute")
        if side == "ours":
            result = timed(env, payslips.compute_sheet)
        else:
            result = timed(env, lambda: OcaPayslip.compute_sheet(payslips))
        cr.rollback()
    return result


def stats(values):
    """(median, p95) by the nearest rank."""
    values = sorted(values)
    rank = max(0, min(len(values) - 1, -(-95 * len(values) // 100) - 1))
    return values[len(values) // 2], values[rank]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--count", type=int, default=1000, help="payslips confirmed")
    parser.add_argument("--rounds", type=int, default=7, help="confirmation rounds")
    parser.add_argument("--tracking", action="store_true", help="also time with tracking on")
    parser.add_argument("--compute-count", type=int, default=50)
    parser.add_argument("--compute-rounds", type=int, default=3)
    args = parser.parse_args()
    registry = Registry(args.database)
    steps = {}  # step name -> {side: [(seconds, queries)]}

    def record(step, side, result):
        steps.setdefault(step, {}).setdefault(side, []).append(result)

    def rotated(sides, round_):
        """Each side in turn first, so that a load change weighs alike on all."""
        shift = round_ % len(sides)
        return sides[shift:] + sides[:shift]

    ids = confirm_batch(registry, args.count)
    vacuum(registry, TABLES, analyze=True)
    variants = [("confirm", False)] + ([("confirm, tracking on", True)] if args.tracking else [])
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        # A warm-up of each side: the first round would pay for loading the code paths.
        for side in ("OCA", "floor", "ours"):
            measure_confirm(env, ids, side, False)
        for round_ in range(args.rounds):
            for step, tracking in variants:
                for side in rotated(["OCA", "floor", "ours"], round_):
                    record(step, side, measure_confirm(env, ids, side, tracking))
                    vacuum(registry, TABLES)
        cr.rollback()
    for round_ in range(args.compute_rounds):
        for side in rotated(["OCA", "ours"], round_):
            record("compute", side, measure_compute(registry, args.compute_count, side))

    print(
        f"confirm: {args.count} payslips, {args.rounds} rounds; compute: "
        f"{args.compute_count} payslips, {args.compute_rounds} rounds; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    print(
        f"{'step':<22}{'OCA p50 s':>11}{'p95 s':>9}{'q':>6}{'floor p50 s':>13}{'q':>6}"
        f"{'ours p50 s':>12}{'p95 s':>9}{'q':>6}{'ours/OCA':>10}{'ours/floor':>12}"
    )
    for step, results in steps.items():
        figures = {}
        for side, values in results.items():
            p50, p95 = stats([value[0] for value in values])
            figures[side] = (p50, p95, stats([value[1] for value in values])[0])
        oca, ours = figures["OCA"], figures["ours"]
        floor = figures.get("floor")
        print(
            f"{step:<22}{oca[0]:>11.4f}{oca[1]:>9.4f}{oca[2]:>6}"
            + (f"{floor[0]:>13.4f}{floor[2]:>6}" if floor else f"{'':>13}{'':>6}")
            + f"{ours[0]:>12.4f}{ours[1]:>9.4f}{ours[2]:>6}{ours[0] / oca[0]:>9.2f}x"
            + (f"{ours[0] / floor[0]:>11.2f}x" if floor else "")
        )


if __name__ == "__main__":
    main()

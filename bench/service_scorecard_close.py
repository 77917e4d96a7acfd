# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# bench-needs: service_scorecard
"""Benchmark: the month and quarter close of the service scorecard (SC-1..SC-7) at scale.

Fills (once, committed, reused by the next runs) one company per size N (default 1,000 and
10,000) with N customer managers (`hr.employee`, `scorecard_enabled`) and, for each of the
three months of 2026 Q1, three confirmed events per manager (users won and lost, a failed
standard or a complaint, praise; quantities vary so that the grades spread over A..E), plus
a confirmed satisfaction survey (a quarterly event) for one manager in four. January and
February are closed in the fill; March and the quarter stay open.

Each run times, inside a SAVEPOINT rolled back after:
- the month: `_close()` on March, the call the scheduled job `_cron_close_due_periods`
  makes for each due period (score, grade, rank, book the rewards, announce: SC-1, SC-2,
  SC-4, SC-6);
- the quarter: March closed first (not timed), then `_close()` on the quarter (mean,
  bonus, revenue, probation: SC-2, SC-3, SC-5, SC-7).
Mail tracking is on (as the job runs); pre-commit work is counted in.

Prints per size the median seconds and the queries, and per 1,000 managers at the largest
size against the smallest (the linearity ratio: 1.0 = linear, above 1 = the cost per
manager grows). `--sql` prints the statements the month close of the largest size ran most,
`--profile` the functions of its month and quarter close with the most time (cProfile).

Run it with `bench/run service_scorecard_close [--count 10000] [--base-count 1000] [--runs 3]`.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import time
from datetime import date

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

from bench.common import timed, vacuum

MONTHS = (date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1))
BATCH = 1000


def company_of(env, count):
    """The bench's company of ``count`` managers, created once."""
    name = f"Bench scorecard {count}"
    company = env["res.company"].search([("name", "=", name)], limit=1)
    return company or env["res.company"].create(
        {"name": name, "currency_id": env.ref("base.CNY").id}
    )


def month_events(env, employees, month, salt):
    """Three confirmed events per manager in ``month`` (the grades spread over A..E)."""
    ref = env.ref
    won = ref("service_scorecard.event_type_user_won")
    lost = ref("service_scorecard.event_type_user_lost")
    failed = (
        ref("service_scorecard.event_type_installation_failed"),
        ref("service_scorecard.event_type_fault_failed"),
        ref("service_scorecard.event_type_complaint"),
    )
    praise = ref("service_scorecard.event_type_praise")
    vals_list = []
    for n, employee in enumerate(employees):
        k = (n * 7 + salt) % 11
        for day, event_type, quantity in (
            (3, won, 1 + k % 5),
            (12, lost, 1 + (k * 3) % 4),
            (21, failed[k % 3] if k % 4 else praise, 1 + k % 3),
        ):
            vals_list.append(
                {
                    "name": f"{event_type.name} {n}",
                    "employee_id": employee.id,
                    "type_id": event_type.id,
                    "date": month.replace(day=day),
                    "quantity": quantity,
                    "state": "confirmed",
                }
            )
    return vals_list


def fill(registry, count):
    """The ids of the company's March and Q1 periods, filled and committed once."""
    with registry.cursor() as cr:
        env = api.Environment(
            cr, SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True}
        )
        company = company_of(env, count)
        env = env(context=dict(env.context, allowed_company_ids=[company.id]))
        Period = env["service.scorecard.period"]
        Employee = env["hr.employee"]
        domain = [("company_id", "=", company.id), ("scorecard_enabled", "=", True)]
        have = Employee.search_count(domain)
        if have < count:
            if have:
                raise SystemExit(f"{company.name} holds {have} managers: drop the database")
            print(f"Filling {company.name}: {count} managers, 3 months of events...", flush=True)
            start = time.perf_counter()
            for first in range(0, count, BATCH):
                employees = Employee.create(
                    [
                        {
                            "name": f"客户经理 {n}",
                            "company_id": company.id,
                            "scorecard_enabled": True,
                        }
                        for n in range(first, min(count, first + BATCH))
                    ]
                )
                for salt, month in enumerate(MONTHS):
                    env["service.scorecard.event"].create(
                        month_events(env, employees, month, salt + first)
                    )
                survey = env.ref("service_scorecard.event_type_survey")
                env["service.scorecard.event"].create(
                    [
                        {
                            "name": "满意度调查",
                            "employee_id": employee.id,
                            "type_id": survey.id,
                            "date": date(2026, 3, 25),
                            "survey_rate": 90 + n % 10,
                            "state": "confirmed",
                        }
                        for n, employee in enumerate(employees)
                        if n % 4 == 0
                    ]
                )
                env.flush_all()
                cr.commit()
                env.invalidate_all()
                print(f"  {first + len(employees)} managers", flush=True)
            for month in MONTHS[:2]:
                Period.search(
                    [
                        ("company_id", "=", company.id),
                        ("period_type", "=", "month"),
                        ("date_start", "=", month),
                    ]
                )._close()
                cr.commit()
            print(f"  filled in {time.perf_counter() - start:.0f} s", flush=True)
        march, quarter = (
            Period.search(
                [
                    ("company_id", "=", company.id),
                    ("period_type", "=", period_type),
                    ("date_start", "=", start),
                ]
            )
            for period_type, start in (("month", MONTHS[2]), ("quarter", MONTHS[0]))
        )
        assert march.state == quarter.state == "open", "the bench's March and Q1 stay open"
        cards = len(march.scorecard_ids)
        assert cards == count, f"{cards} March scorecards, expected {count}"
        return march.id, quarter.id


def measure(env, march_id, quarter_id, statements=None, profile=None):
    """(month seconds, queries), (quarter seconds, queries), all rolled back."""
    Period = env["service.scorecard.period"]
    march, quarter = Period.browse(march_id), Period.browse(quarter_id)
    env.cr.execute("SAVEPOINT bench_close")
    try:
        execute = type(env.cr).execute
        if statements is not None:

            def counting(self, query, params=None, log_exceptions=True):
                key = " ".join(str(query).split())[:140]
                statements[key] = statements.get(key, 0) + 1
                return execute(self, query, params, log_exceptions)

            type(env.cr).execute = counting
        if profile:
            profile.enable()
        try:
            month = timed(env, march._close)
        finally:
            type(env.cr).execute = execute
        assert march.state == "closed"
        quarter_result = timed(env, quarter._close)
        if profile:
            profile.disable()
        assert quarter.state == "closed"
    finally:
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_close")
        env.cr.precommit.clear()
        env.cr.postcommit.clear()
        env.invalidate_all(flush=False)
        env.transaction.clear()
    return month, quarter_result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--count", type=int, default=10000, help="managers (largest size)")
    parser.add_argument("--base-count", type=int, default=1000, help="managers (smallest)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sql", action="store_true", help="statements of the month close")
    parser.add_argument("--profile", action="store_true", help="cProfile of the largest size")
    args = parser.parse_args()
    registry = Registry(args.database)
    sizes = sorted({args.base_count, args.count})
    periods = {size: fill(registry, size) for size in sizes}
    vacuum(registry, analyze=True)
    results = {}  # size -> {"month": [(s, q)], "quarter": [(s, q)]}
    statements = {}
    profiles = []
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        for size in sizes:  # warm-up: the first close pays for loading the code paths
            measure(env, *periods[size])
        for run in range(args.runs):
            for size in sizes if run % 2 == 0 else sizes[::-1]:
                sql = statements if args.sql and size == sizes[-1] and run == 0 else None
                profile = (
                    cProfile.Profile() if args.profile and size == sizes[-1] and run == 0 else None
                )
                month, quarter = measure(env, *periods[size], statements=sql, profile=profile)
                if profile:
                    profiles.append(profile)
                results.setdefault(size, {"month": [], "quarter": []})
                results[size]["month"].append(month)
                results[size]["quarter"].append(quarter)
        cr.rollback()

    print(f"{args.runs} runs, load average {'/'.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'close':<9}{'managers':>9}{'median s':>10}{'queries':>9}{'s/1,000':>9}{'q/1,000':>9}")
    per_thousand = {}
    for step in ("month", "quarter"):
        for size in sizes:
            seconds = statistics.median(value[0] for value in results[size][step])
            queries = statistics.median(value[1] for value in results[size][step])
            per_thousand[step, size] = (seconds * 1000 / size, queries * 1000 / size)
            print(
                f"{step:<9}{size:>9,}{seconds:>10.2f}{queries:>9.0f}"
                f"{per_thousand[step, size][0]:>9.3f}{per_thousand[step, size][1]:>9.1f}"
            )
    if len(sizes) == 2:
        small, large = sizes
        for step in ("month", "quarter"):
            time_ratio = per_thousand[step, large][0] / per_thousand[step, small][0]
            print(
                f"{step}: cost per 1,000 managers at {large:,} / at {small:,}: "
                f"time {time_ratio:.2f}x (1.0 = linear), queries "
                f"{per_thousand[step, large][1] / per_thousand[step, small][1]:.2f}x"
            )
    if statements:
        print(f"statements of the month close at {sizes[-1]:,} managers, most run first:")
        for key, number in sorted(statements.items(), key=lambda item: -item[1])[:25]:
            print(f"{number:>7}  {key}")
    if profiles:
        print(f"cProfile of the month and quarter close at {sizes[-1]:,} managers:")
        pstats.Stats(profiles[0]).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiles[0]).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()

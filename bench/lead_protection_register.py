# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# bench-needs: lead_protection
"""Benchmark: registrations per second in one batch through the wizard (LP-1, LP-5).

Creates N fresh leads (unique Chinese mobiles, qq.com addresses), then registers them in one
batch through the public path, the wizard `lead.protection.register` (`action_register`), as
an internal user with chatter tracking on, including the pre-commit work of mail tracking.
Each run is rolled back; prints the median of the runs and the queries of the last one.

Run it with `bench/run lead_protection_register [--count 1000] [--runs 3] [--profile]`;
`--profile` prints the 25 functions of the last run with the most cumulative time (cProfile)
and the SQL statements it ran most often.
"""

import argparse
import cProfile
import os
import pstats
import random
import statistics
import time

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

# Registrations per second that a batch of 1,000 must reach (issue 17).
TARGET = 2000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    registry = Registry(args.database)
    rates, queries = [], 0
    for run in range(args.runs):
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            user = env.ref("base.user_admin")
            env = env(user=user.id)
            base = random.Random(run).randrange(10**7)
            leads = env["crm.lead"].create(
                [
                    {
                        "name": f"Register bench {n}",
                        "type": "opportunity",
                        "contact_name": f"客户 {n}",
                        "phone": f"136{(base + n) % 10**8:08d}",
                        "email_from": f"r{base + n}@qq.com",  # not the collision bench's addresses
                        "street": f"路 {n} 号",
                        "city": "上海",
                        "user_id": user.id,
                    }
                    for n in range(args.count)
                ]
            )
            env.flush_all()
            kind = env.ref("lead_protection.kind_walk_in")
            env.invalidate_all()
            before = cr.sql_log_count
            profile = cProfile.Profile() if args.profile and run == args.runs - 1 else None
            statements = {}
            if profile:
                execute = type(cr).execute

                def counting(
                    self, query, params=None, log_exceptions=True, _run=execute, _seen=statements
                ):
                    started = time.perf_counter()
                    try:
                        return _run(self, query, params, log_exceptions)
                    finally:
                        key = str(query)[:150]
                        count, spent = _seen.get(key, (0, 0.0))
                        _seen[key] = (count + 1, spent + time.perf_counter() - started)

                type(cr).execute = counting
                profile.enable()
            start = time.perf_counter()
            wizard = env["lead.protection.register"].create(
                {"lead_ids": [(6, 0, leads.ids)], "kind_id": kind.id}
            )
            wizard.action_register()
            env.flush_all()
            cr.precommit.run()  # mail tracking's pre-commit work, as a commit would
            elapsed = time.perf_counter() - start
            if profile:
                profile.disable()
                type(cr).execute = execute
            queries = cr.sql_log_count - before
            cr.rollback()
        rates.append(args.count / elapsed)
        print(f"run {run + 1}: {args.count} registrations in {elapsed:.2f} s")
    median = statistics.median(rates)
    print(
        f"median: {median:.0f} registrations/s in batches of {args.count} "
        f"({queries} queries in the last run)"
    )
    print(
        f"against the target of {TARGET} registrations/s (issue 17): {median / TARGET:.2f}x, "
        f"{'met' if median >= TARGET else 'NOT met'}"
    )
    if args.profile:
        if os.environ.get("BENCH_PROFILE_OUT"):
            profile.dump_stats(os.environ["BENCH_PROFILE_OUT"])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(
            int(os.environ.get("BENCH_PROFILE_LINES", 25))
        )
        total = sum(spent for _count, spent in statements.values())
        print(f"statements, by time: count, seconds, text (all: {total:.3f} s)")
        for statement, (count, spent) in sorted(statements.items(), key=lambda item: -item[1][1])[
            :30
        ]:
            print(f"{count:6} {spent:7.3f} {statement}")


if __name__ == "__main__":
    main()

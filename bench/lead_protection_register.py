# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# bench-needs: lead_protection
"""Benchmark: registrations per second in one batch through the wizard (LP-1, LP-5).

Creates N fresh leads (unique Chinese mobiles, qq.com addresses), then registers them in one
batch through the public path, the wizard `lead.protection.register` (`action_register`), as
an internal user with chatter tracking on, including the pre-commit work of mail tracking.
Each run is rolled back; prints the median of the runs and the queries of the last one.

Run it with `bench/run lead_protection_register [--count 1000] [--runs 3]`.
"""

import argparse
import random
import statistics
import time

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
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
                        "email_from": f"{base + n}@qq.com",
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
            start = time.perf_counter()
            wizard = env["lead.protection.register"].create(
                {"lead_ids": [(6, 0, leads.ids)], "kind_id": kind.id}
            )
            wizard.action_register()
            env.flush_all()
            cr.precommit.run()  # mail tracking's pre-commit work, as a commit would
            elapsed = time.perf_counter() - start
            queries = cr.sql_log_count - before
            cr.rollback()
        rates.append(args.count / elapsed)
        print(f"run {run + 1}: {args.count} registrations in {elapsed:.2f} s")
    print(
        f"median: {statistics.median(rates):.0f} registrations/s in batches of {args.count} "
        f"({queries} queries in the last run)"
    )


if __name__ == "__main__":
    main()

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# bench-needs: lead_protection
"""Benchmark: our collision check against Odoo's own duplicate detection (LP-5).

Fills the database with N leads and N registrations of realistic Chinese data (unique
mobiles, mostly qq.com addresses), then times lead by lead, interleaved so that the machine's
load weighs alike on every column:
- Odoo, the way its form reads it: ``duplicate_lead_count`` of one lead (not a prefetched
  recordset), ``email_domain_criterion`` stored as the ORM computes it; cold (empty cache)
  and warm (the lead's fields cached, the count recomputed);
- ours the same way: cold (empty cache: the lead's keys, then ``_find_active``) and warm
  (``lead.protection.key._find_active`` with the lead's keys, one SQL round trip);
- the floor: one bare index probe of the lead's phone on the same index, with psycopg2.
Prints p50/p95 of each, ours against Odoo and against the floor, and our query plan; then
the steady run of the LP-14 neglect job on the same leads (time, queries).

Run it with `bench/run lead_protection_collision [--count 1000000]`.
"""

import argparse
import random
import time

import psycopg2

from odoo import SUPERUSER_ID, api, sql_db
from odoo.modules.registry import Registry
from odoo.tools import SQL

from odoo.addons.iap.tools import iap_tools

MARKER = "bench-lp5"


def populate(env, count):
    """Insert ``count`` leads with one protected registration each, in bulk SQL."""
    cr = env.cr
    # Databases filled by an earlier version of this benchmark: the e-mail criterion as the
    # ORM stores it (qq.com and 163.com are generic providers: the whole address), the end of
    # protection of the keys.
    cr.execute(
        """UPDATE crm_lead SET email_domain_criterion = email_normalized
            WHERE referred = %s AND email_domain_criterion IS NULL""",
        [MARKER],
    )
    cr.execute(
        """UPDATE lead_protection_key key SET protected_until = reg.last_day + 1
             FROM lead_protection_registration reg
            WHERE reg.id = key.registration_id AND key.protected_until IS NULL
              AND reg.name LIKE 'BENCH-%%'"""
    )
    cr.execute("SELECT count(*) FROM crm_lead WHERE referred = %s", [MARKER])
    existing = cr.fetchone()[0]
    missing = count - existing
    if missing <= 0:
        return existing
    company = env.company
    kind = env.ref("lead_protection.kind_deposit")
    user = env.ref("base.user_admin")
    start = existing
    cr.execute(
        """
        INSERT INTO crm_lead (name, type, active, company_id, user_id, referred, contact_name,
                              phone, phone_sanitized, email_from, email_normalized,
                              email_domain_criterion, street,
                              city, priority, create_date, write_date, create_uid, write_uid)
        SELECT 'Bench ' || n, 'lead', true, %(company)s, %(user)s, %(marker)s, '客户' || n,
               '139' || lpad(n::text, 8, '0'), '+86139' || lpad(n::text, 8, '0'),
               email, email, email, '路 ' || n || ' 号', '上海', '0', now(), now(), 1, 1
          FROM generate_series(%(start)s, %(stop)s) AS n,
               LATERAL (SELECT CASE WHEN n %% 10 < 8 THEN n || '@qq.com'
                                    ELSE 'user' || n || '@163.com' END AS email) AS address
        """,
        {
            "company": company.id,
            "user": user.id,
            "marker": MARKER,
            "start": start,
            "stop": count - 1,
        },
    )
    # Statistics of the rows just inserted: without them the planner joins 100,000 leads by
    # nested loops (tens of minutes instead of seconds).
    cr.execute("ANALYZE crm_lead, lead_protection_registration, lead_protection_key")
    cr.execute(
        """
        INSERT INTO lead_protection_registration (name, lead_id, user_id, company_id, kind_id,
               registered_at, last_day, state, customer_name, phone, email, street, city,
               create_date, write_date, create_uid, write_uid)
        SELECT 'BENCH-' || lead.id, lead.id, lead.user_id, lead.company_id, %(kind)s, now(),
               (now() + interval '90 days')::date, 'active', lead.contact_name,
               lead.phone_sanitized, lead.email_normalized, lead.street, lead.city,
               now(), now(), 1, 1
          FROM crm_lead lead
         WHERE lead.referred = %(marker)s
           AND NOT EXISTS (SELECT 1 FROM lead_protection_registration reg
                            WHERE reg.lead_id = lead.id)
        """,
        {"kind": kind.id, "marker": MARKER},
    )
    cr.execute("ANALYZE lead_protection_registration")
    cr.execute(
        """
        INSERT INTO lead_protection_key (registration_id, company_id, key_type, key_value,
                                         user_id, active, protected_until)
        SELECT reg.id, reg.company_id, key.type, key.value, reg.user_id, true,
               reg.last_day + 1
          FROM lead_protection_registration reg
          JOIN crm_lead lead ON lead.id = reg.lead_id AND lead.referred = %(marker)s
         CROSS JOIN LATERAL (VALUES ('phone', reg.phone), ('email', reg.email)) AS key(type, value)
         WHERE NOT EXISTS (SELECT 1 FROM lead_protection_key k WHERE k.registration_id = reg.id)
        """,
        {"marker": MARKER},
    )
    cr.commit()
    # VACUUM sets the visibility map, so that the key index is read without the table.
    cr._cnx.autocommit = True
    for table in ("crm_lead", "lead_protection_key", "lead_protection_registration"):
        cr.execute(f"VACUUM ANALYZE {table}")
    cr._cnx.autocommit = False
    return count


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(function):
    start = time.perf_counter()
    result = function()
    return (time.perf_counter() - start) * 1000, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()

    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        t0 = time.perf_counter()
        total = populate(env, args.count)
        print(
            f"database {args.database}: {total} bench leads and registrations "
            f"(filled in {time.perf_counter() - t0:.1f} s)"
        )
        cr.execute("SELECT id FROM crm_lead WHERE referred = %s ORDER BY id", [MARKER])
        ids = [row[0] for row in cr.fetchall()]
        sample = random.Random(5).sample(ids, min(args.samples + 50, len(ids)))
        Lead = env["crm.lead"]
        Registration = env["lead.protection.registration"]
        Key = env["lead.protection.key"]
        company_id = env.company.id
        probe = Lead.browse(sample[0])
        # The criterion is stored as the ORM computes it: Odoo's e-mail search is timed too.
        assert probe.email_domain_criterion == iap_tools.mail_prepare_for_domain_search(
            probe.email_normalized
        )

        # The floor: one bare index probe, on its own psycopg2 connection.
        dsn = sql_db.connection_info_for(args.database)[1]
        floor_cnx = psycopg2.connect(**dsn)
        floor_cr = floor_cnx.cursor()

        def floor_probe(phone):
            floor_cr.execute(
                "SELECT registration_id, user_id FROM lead_protection_key WHERE active"
                " AND company_id = %s AND key_type = 'phone' AND key_value = %s",
                [company_id, phone],
            )
            return floor_cr.fetchall()

        columns = {
            name: [] for name in ("odoo_cold", "odoo_warm", "ours_cold", "ours_warm", "floor")
        }
        for index, lead_id in enumerate(sample):
            env.invalidate_all()
            odoo_cold, _count = timed(
                lambda lead_id=lead_id: Lead.browse(lead_id).duplicate_lead_count
            )
            lead = Lead.browse(lead_id)
            lead.invalidate_recordset(["duplicate_lead_count", "duplicate_lead_ids"])
            odoo_warm, _count = timed(lambda lead=lead: lead.duplicate_lead_count)
            env.invalidate_all()

            def ours(lead_id=lead_id):
                keys = Registration._lead_keys(Lead.browse(lead_id))
                return keys, Key._find_active(company_id, keys)

            ours_cold, (keys, hits) = timed(ours)
            ours_warm, hits = timed(lambda keys=keys: Key._find_active(company_id, keys))
            phone = next(value for key_type, value in keys if key_type == "phone")
            floor, rows = timed(lambda phone=phone: floor_probe(phone))
            assert hits and rows, f"lead {lead_id} should be protected"
            if index < 50:  # warm-up: caches, plans, connections
                continue
            for name, value in zip(
                columns, (odoo_cold, odoo_warm, ours_cold, ours_warm, floor), strict=True
            ):
                columns[name].append(value)
        floor_cnx.close()

        keys = Registration._lead_keys(Lead.browse(sample[0]))
        cr.execute(SQL("EXPLAIN (ANALYZE, BUFFERS) %s", Key._find_active_sql(company_id, keys)[0]))
        plan = "\n".join(row[0] for row in cr.fetchall())
        index_only = "Index Only Scan" in plan and "Seq Scan" not in plan

        stats = {name: (percentile(v, 0.5), percentile(v, 0.95)) for name, v in columns.items()}
        labels = {
            "odoo_cold": "odoo: duplicate_lead_count, cold",
            "odoo_warm": "odoo: duplicate_lead_count, warm",
            "ours_cold": "ours: lead keys + _find_active, cold",
            "ours_warm": "ours: _find_active, warm",
            "floor": "floor: bare index probe (psycopg2)",
        }
        print(f"{len(columns['floor'])} leads, interleaved, after a warm-up of 50")
        print(f"{'check':<42}{'p50 ms':>10}{'p95 ms':>10}")
        for name, label in labels.items():
            print(f"{label:<42}{stats[name][0]:>10.3f}{stats[name][1]:>10.3f}")

        def ratio(a, b):
            return f"p50 {stats[a][0] / stats[b][0]:.1f}x, p95 {stats[a][1] / stats[b][1]:.1f}x"

        print(f"odoo cold / ours cold: {ratio('odoo_cold', 'ours_cold')}")
        print(f"odoo warm / ours warm: {ratio('odoo_warm', 'ours_warm')}")
        print(f"ours warm / floor:     {ratio('ours_warm', 'floor')}")
        print(f"index-only, no sequential scan in our plan: {'yes' if index_only else 'NO'}")
        print(plan)

        # LP-14: the neglect job on the same N registered, open leads (the stored fields the
        # bulk insert left empty set as the ORM would, rolled back after), once to set the
        # flags, then its steady run (nothing changed): one SQL query, nothing to Python.
        cr.execute(
            "UPDATE crm_lead SET won_status = 'pending' WHERE referred = %s AND won_status IS NULL",
            [MARKER],
        )
        cr.execute(
            """UPDATE lead_protection_registration SET held_since = registered_at
                WHERE held_since IS NULL AND name LIKE 'BENCH-%%'"""
        )
        cr.execute("ANALYZE crm_lead, lead_protection_registration")  # as autovacuum would
        for label in ("first run", "steady run"):
            env.invalidate_all()
            queries = cr.sql_log_count
            elapsed, changed = timed(Lead._cron_flag_neglected)
            print(
                f"LP-14 neglect job, {label} at {total} registered, open leads: "
                f"{elapsed / 1000:.2f} s, {cr.sql_log_count - queries} queries, "
                f"{len(changed)} leads flagged"
            )
        cr.rollback()


if __name__ == "__main__":
    main()

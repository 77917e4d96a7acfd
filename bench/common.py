# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the benchmarks of bench/ share (imported by them; not a benchmark itself)."""

import time


def timed(env, function):
    """(seconds, queries) of ``function()``, from a flushed, empty cache to its end,
    including the work mail tracking does at commit time (pre-commit)."""
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    function()
    env.flush_all()
    env.cr.precommit.run()
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - queries


def vacuum(registry, tables=None, analyze=False):
    """Remove the row versions that rolled-back rounds left (``tables``, default all), so
    that no side pays for the previous ones; ``analyze`` refreshes the statistics too."""
    with registry.cursor() as cr:
        cr._cnx.autocommit = True
        verb = "VACUUM ANALYZE" if analyze else "VACUUM"
        for table in tables or ("",):
            cr.execute(f"{verb} {table}")
        cr._cnx.autocommit = False

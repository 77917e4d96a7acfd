# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two Odoo workers on real, separately committed PostgreSQL transactions.

Odoo runs each request in a REPEATABLE READ transaction: two workers that read the same rows
before either commits both pass a check made in Python. The suite's invariants that two
workers could both pass are PostgreSQL constraints or row locks; these tests prove it the way
it happens in production:

- ``two_workers()`` opens worker 1 and worker 2 on their own cursors and takes worker 2's
  snapshot at once, so that it predates whatever worker 1 then commits;
- ``assertRetried(env, call)`` asserts that worker 2's ``call`` fails with the retryable
  error Odoo answers with (``ConcurrencyError``, or PostgreSQL's serialization failure, which
  Odoo's request and ``ir.cron`` retry), rolls worker 2 back as Odoo does, and returns what
  the retry gives;
- ``worker()`` is one worker alone, rolled back unless it commits; ``committed()`` is one
  transaction committed at the end of the block, for the data the
  workers share (set up in ``setUp``, removed by a cleanup: nothing is rolled back for them).
"""

from contextlib import closing, contextmanager

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ConcurrencyError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name
from odoo.tools import mute_logger


class TwoWorkersCase(BaseCase):
    """Real transactions, as two Odoo workers would run them."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())

    @contextmanager
    def worker(self, uid=SUPERUSER_ID, context=None):
        """One worker on its own cursor; what it did not commit is rolled back at the end."""
        with closing(self.registry.cursor()) as cr:
            yield api.Environment(cr, uid, context or {})

    @contextmanager
    def committed(self, uid=SUPERUSER_ID, context=None):
        """One transaction of its own, committed when the block ends without error."""
        with self.worker(uid, context) as env:
            yield env
            self.commit(env)

    @contextmanager
    def two_workers(self, uid1=SUPERUSER_ID, uid2=SUPERUSER_ID, snapshot=True):
        """Worker 1 and worker 2, each on its own cursor; with ``snapshot``, worker 2's
        REPEATABLE READ snapshot is taken now, before worker 1 does anything."""
        with (
            closing(self.registry.cursor()) as cr1,
            closing(self.registry.cursor()) as cr2,
        ):
            if snapshot:
                cr2.execute("SELECT 1")
            yield api.Environment(cr1, uid1, {}), api.Environment(cr2, uid2, {})

    def commit(self, env):
        """The worker's transaction ends: what it did is visible to the transactions that
        start after this."""
        env.cr.commit()  # pylint: disable=invalid-commit

    def assertRetried(self, env, call, *args, exceptions=ConcurrencyError):
        """``call(*args)`` on ``env``'s worker fails with a retryable error, which rolls the
        worker back; the retry, on a new snapshot, returns ``call(*args)``'s result."""
        with self.assertRaises(exceptions), mute_logger("odoo.sql_db"):
            call(*args)
        env.cr.rollback()
        env.invalidate_all()
        return call(*args)

    def count(self, env, query, params=None):
        """The single value of ``query`` as ``env``'s worker sees it now."""
        env.cr.execute(query, params)
        return env.cr.fetchone()[0]

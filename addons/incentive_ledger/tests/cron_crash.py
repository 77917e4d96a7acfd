# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run a suite job as ``ir.cron`` runs it, and kill it between two of its commits.

A job of the suite reports each batch through ``ir.cron._suite_progress``, which, inside a
job, is Odoo's ``_commit_progress``: the batch and the job's progress (``ir.cron.progress``)
are committed together. ``CronCrashMixin.run_cron`` gives the job the context ``ir.cron``
gives it (its progress record) and turns each commit into a released savepoint, so that the
test's transaction holds what a real run would have committed:

- ``crash_at=N``: the worker dies just before its N-th commit (the first one only sets the
  remaining count): everything since the previous commit is rolled back, as PostgreSQL does
  with a killed worker's transaction, and ``Killed`` is raised;
- ``timeout=True``: the job's time is over (``cron_end_time`` in the past): it must stop
  after its first batch and leave the rest for the next run, which ``ir.cron`` schedules at
  once while ``remaining`` is not 0.

Two jobs of the same cron never overlap (``ir.cron`` locks the job's row, ``SKIP LOCKED``);
the tests with two real workers (a job beside a user's action) open their own cursors.
"""

import time
from unittest.mock import patch


class Killed(Exception):
    """The worker running the job died (killed, out of memory, server restarted)."""


class CronCrashMixin:
    def run_cron(self, xmlid, job, crash_at=None, timeout=False):
        """Run ``job(env)`` as the scheduled job ``xmlid`` runs in ``ir.cron``.

        :return: ``(result, progress)``; ``result`` is the job's return value, or the
            ``Killed`` exception when ``crash_at`` killed it; ``progress`` the job's
            ``ir.cron.progress`` as committed (``done``, ``remaining``).
        """
        cron = self.env.ref(xmlid)
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": cron.id, "remaining": 0, "done": 0}
        )
        context = {"ir_cron_progress_id": progress.id, "cron_id": cron.id}
        if timeout:
            context["cron_end_time"] = time.monotonic() - 1
        env = self.env(context=dict(self.env.context, **context))
        cr = env.cr
        # What the test set up counts as committed before the job starts.
        env.flush_all()
        cr.precommit.run()
        state = {"savepoint": cr.savepoint(), "commits": 0}

        def commit():
            state["commits"] += 1
            if state["commits"] == crash_at:
                raise Killed(f"worker killed before commit {crash_at}")
            env.flush_all()
            cr.precommit.run()  # mail tracking's pre-commit work, as a commit runs it
            state["savepoint"].close(rollback=False)
            state["savepoint"] = cr.savepoint()

        with patch.object(cr, "commit", commit):
            try:
                result = job(env)
            except Killed as killed:
                cr.precommit.clear()
                state["savepoint"].close(rollback=True)
                env.invalidate_all()
                result = killed
            else:
                env.flush_all()
                cr.precommit.run()
                state["savepoint"].close(rollback=False)
        self.commits = state["commits"]
        return result, progress

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scaffolding of the suite's attacker tests.

An attacker test plays a user who tries a direct write, create, unlink or out-of-order
call through the model, as an external API client would; the attempt must be refused
with a translated message and change nothing, re-read as administrator. Mix
``AttackCase`` into a ``TransactionCase``::

    class TestAttacks(AttackCase, MyAddonCommon):
        def test_x(self):
            self.assertRefused(claim.with_user(self.user_li), {"amount": 88888.0})
            self.assertCallRefused(claim.with_user(self.user_li), "action_approve",
                                   names=["state"])
"""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

# AccessError and ValidationError are UserErrors: a translated message, never a traceback.
REFUSED = UserError


def other_company_user(env, login, groups, name=None, company_name="Other Company Ltd"):
    """A user with ``groups`` (comma-separated xmlids) in a company of his own, created
    for the test: the "user of another company" attacker."""
    company = env["res.company"].create({"name": company_name})
    return new_test_user(
        env,
        login=login,
        name=name or login,
        groups=groups,
        company_id=company.id,
        company_ids=[Command.set(company.ids)],
    )


class AttackCase:
    """Assertions of the attacker tests (mix into a TransactionCase)."""

    def snapshot(self, records, names):
        """``names`` of ``records`` as the administrator reads them from the database."""
        self.env.invalidate_all()
        return records.sudo().read(list(names)) if names else []

    def assertNothingChanged(self, records, names, before, msg=None):
        """``names`` of ``records``, re-read as administrator, are still ``before``."""
        self.assertEqual(self.snapshot(records, names), before, msg)

    def assertRefused(self, records, vals, names=None, error=REFUSED):
        """Writing ``vals`` on ``records`` (as the user of their environment) is refused
        and changes none of ``names`` (default: the fields of ``vals``)."""
        names = list(vals) if names is None else list(names)
        self._assert_attempt_refused(
            records, lambda: records.write(vals), f"write {vals}", names, error
        )

    def assertCallRefused(self, records, method, *args, names=(), error=REFUSED, **kwargs):
        """``records.<method>(*args, **kwargs)`` (as the user of their environment) is
        refused and changes none of ``names``."""
        self._assert_attempt_refused(
            records,
            lambda: getattr(records, method)(*args, **kwargs),
            method,
            list(names),
            error,
        )

    def _assert_attempt_refused(self, records, attempt, label, names, error):
        user = records.env.user
        msg = f"{user.login}: {records._name} {label}"
        before = self.snapshot(records, names)
        with (
            self.subTest(user=user.login, attempt=label),
            self.assertRaises(error, msg=msg),
            mute_logger("odoo.models", "odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            attempt()
            # A refusal at flush time (a constraint) counts too.
            records.env.flush_all()
        self.assertNothingChanged(records, names, before, msg)

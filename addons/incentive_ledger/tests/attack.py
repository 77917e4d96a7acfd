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

from datetime import date

from lxml import etree

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

    def form_readonly_fields(self, model, user):
        """Fields the form view of ``model`` shows read-only to ``user``: read-only in the
        arch (always) or in the model, and stored, not computed (the form sweep of the
        attacker tests writes each of them through the API)."""
        Model = self.env[model].with_user(user)
        views = Model.get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        descriptions = views["models"][model]["fields"]
        names = set()
        for node in arch.iter("field"):
            if any(parent.tag in ("list", "kanban") for parent in node.iterancestors()):
                continue
            name = node.get("name")
            field = Model._fields.get(name)
            if not field or not field.store or field.compute or field.related:
                continue
            if field.type in ("one2many", "many2many", "binary", "html"):
                continue
            readonly = node.get("readonly")
            if readonly in ("1", "True", "true") or (
                readonly is None and descriptions.get(name, {}).get("readonly")
            ):
                names.add(name)
        return names

    def other_value(self, record, name):
        """A valid value of field ``name`` different from the record's, or None to skip it."""
        field = record._fields[name]
        current = record.sudo()[name]
        if field.type == "selection":
            options = [
                key for key, _label in field._description_selection(self.env) if key != current
            ]
            return options[0] if options else None
        if field.type == "boolean":
            return not current
        if field.type in ("char", "text"):
            return f"{current or ''} forged"
        if field.type in ("integer", "float", "monetary"):
            return (current or 0) + 1
        if field.type == "date":
            return date(2020, 2, 2)
        if field.type == "datetime":
            return "2020-02-02 02:02:02"
        if field.type == "many2one":
            other = self.env[field.comodel_name].sudo().search([("id", "!=", current.id)], limit=1)
            return other.id or None
        return None

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

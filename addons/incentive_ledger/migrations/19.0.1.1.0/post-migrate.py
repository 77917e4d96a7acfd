# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Drop the ledger's single-column indexes that 19.0.1.1.0 no longer declares.

Odoo keeps an index it no longer expects; every booking, approval and payment writes it.
"""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    for column in ("company_id", "kind", "rule_ref", "source_model"):
        cr.execute(
            SQL(
                "DROP INDEX IF EXISTS %s",
                SQL.identifier(f"employee_incentive_line__{column}_index"),
            )
        )

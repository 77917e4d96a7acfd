# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    protection_commission_rate = fields.Float(
        string="Commission Rate (%)",
        help="When set, the credit shares decided on a collision of this team book the "
        "commission of each salesperson (won deal's expected revenue x rate x share) to the "
        "incentive ledger.",
    )

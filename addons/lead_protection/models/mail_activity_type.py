# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    protection_service = fields.Boolean(
        string="Counts as Customer Service",
        help="LP-14: a done activity of this type serves the customer (a home visit, a call "
        "that reached him). To-dos, messages and unanswered invitations do not; a customer "
        "not served for the configured months may be reassigned.",
    )

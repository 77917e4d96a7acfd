# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LeadReceptionVisit(models.Model):
    _inherit = "lead.reception.visit"

    def _member_consultant(self, member):
        """LP-37: a member's friend belongs to the consultant of his valid membership."""
        membership = self.env["lead.membership"].sudo()._current_of(member)
        return membership.consultant_id or super()._member_consultant(member)

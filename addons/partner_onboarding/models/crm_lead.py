# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

# Changes that start or advance the negotiation of an opportunity.
PO2_TRIGGERS = {"type", "tag_ids", "partner_id", "stage_id", "active"}


class CrmLead(models.Model):
    _inherit = "crm.lead"

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._onboarding_check_joint_venture()
        return leads

    def write(self, vals):
        result = super().write(vals)
        if PO2_TRIGGERS & vals.keys():
            self._onboarding_check_joint_venture()
        return result

    def _onboarding_check_joint_venture(self):
        """PO-2: a joint-venture opportunity is negotiated with an admitted partner only."""
        tag = self.env.ref("partner_onboarding.crm_tag_joint_venture", raise_if_not_found=False)
        if not tag:
            return
        for lead in self:
            if lead.type != "opportunity" or not lead.active or tag not in lead.tag_ids:
                continue
            partner = lead.partner_id.commercial_partner_id
            if not partner:
                raise UserError(
                    self.env._(
                        "%(lead)s is a joint-venture project: set the partner, who must be "
                        "admitted before any negotiation (PO-2).",
                        lead=lead.display_name,
                    )
                )
            if partner.onboarding_state != "admitted":
                raise UserError(
                    self.env._(
                        "%(lead)s is a joint-venture project, but %(partner)s is not an admitted "
                        "joint-venture partner: file an admission application and have it "
                        "approved by the central office before negotiating (PO-2).",
                        lead=lead.display_name,
                        partner=partner.display_name,
                    )
                )

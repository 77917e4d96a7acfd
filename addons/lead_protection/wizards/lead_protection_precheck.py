# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import identity


class LeadProtectionPrecheck(models.TransientModel):
    """LP-2: ask whether a customer is inside someone's protection window.

    The answer is only "free" or "protected": nothing about the other registration. Every
    question is logged for HR/admin.
    """

    _name = "lead.protection.precheck"
    _inherit = ["lead.protection.input.mixin"]
    _description = "Registration Pre-check"

    customer_company = fields.Char(string="Company Name")
    phone = fields.Char(string="Mobile")
    email = fields.Char(string="E-mail")
    partner_id = fields.Many2one("res.partner", string="Customer or Family Member")
    verdict = fields.Selection([("free", "Free"), ("protected", "Protected")], readonly=True)

    def _keys(self):
        self._protection_single()
        keys = []
        if self.phone:
            cleaned, error = identity.clean_phone_input(self.phone)
            if error:
                raise UserError(
                    self.env._("Enter the customer's complete mobile number to check it.")
                )
            country = self.env.company._protection_phone_country()
            e164 = self.env["crm.lead"]._phone_format(number=cleaned, country=country)
            keys += identity.customer_keys(phone=e164)
        if self.email:
            keys += identity.customer_keys(email=self.email)
        if self.customer_company:
            keys += identity.customer_keys(company_name=self.customer_company)
        if self.partner_id:
            partner = self.partner_id
            keys += identity.customer_keys(
                company_id=partner.commercial_partner_id.id
                if partner.commercial_partner_id.is_company
                else None,
                household=partner.protection_household_key,
            )
        if not keys:
            raise UserError(self.env._("Enter a mobile, an e-mail, a company or a customer."))
        return keys

    def action_check(self):
        self._protection_single()
        keys = self._keys()
        hits = self.env["lead.protection.key"].sudo()._find_active(self.env.company.id, keys)
        self.verdict = "protected" if hits else "free"
        query = " / ".join(
            part
            for part in (self.phone, self.email, self.customer_company, self.partner_id.name)
            if part
        )
        self.env["lead.protection.precheck.log"].sudo().create(
            {
                "user_id": self.env.uid,
                "company_id": self.env.company.id,
                "query": query,
                "verdict": self.verdict,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

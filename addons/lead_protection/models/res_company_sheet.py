# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    protection_appointment_signer_ids = fields.Many2many(
        "res.users",
        "res_company_protection_appointment_signer_rel",
        "company_id",
        "user_id",
        string="Appointment Signers",
        help="LP-24: the director and the general manager, whose signature makes an "
        "appointment protect. When all of them are away, an SMS to them counts as the "
        "signature.",
    )
    protection_appointment_full_days = fields.Integer(
        string="Appointment Claim: Whole Deal Within (days)",
        default=0,
        help="LP-22: a deal signed with another consultant by a customer who had an "
        "appointment is the appointment holder's when found within these days of the "
        "signing (0: the same day).",
    )
    protection_appointment_half_days = fields.Integer(
        string="Appointment Claim: Half Each Within (days)",
        default=7,
        help="LP-22: found later but within these days, with the appointment-book entry, "
        "the deal is split half each; later, no claim.",
    )

    @api.constrains("protection_appointment_full_days", "protection_appointment_half_days")
    def _check_protection_appointment_days(self):
        for company in self:
            full = company.protection_appointment_full_days
            half = company.protection_appointment_half_days
            if full < 0 or half < 0 or full > half:
                raise ValidationError(
                    self.env._(
                        "LP-22: the days of an appointment claim cannot be negative, and the "
                        "whole-deal period cannot be longer than the half-each period."
                    )
                )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    protection_appointment_signer_ids = fields.Many2many(
        related="company_id.protection_appointment_signer_ids", readonly=False
    )
    protection_appointment_full_days = fields.Integer(
        related="company_id.protection_appointment_full_days", readonly=False
    )
    protection_appointment_half_days = fields.Integer(
        related="company_id.protection_appointment_half_days", readonly=False
    )

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import claims, sheets
from .lead_protection_sheet import SIGNED, VALID_STATES


class LeadProtectionClaim(models.Model):
    """LP-19, LP-22 on late claims: what proves a claim, and the appointment's calendar."""

    _inherit = "lead.protection.claim"

    _guarded_fields = ("evidence_registration_id", "evidence_kind")

    evidence_registration_id = fields.Many2one(
        "lead.protection.registration", string="Evidence", readonly=True
    )
    evidence_kind = fields.Selection(
        [
            (sheets.SHEET, "Follow-up Sheet Valid on the Sale Date (LP-19)"),
            (sheets.APPOINTMENT, "Signed Appointment of the Sale Day (LP-22)"),
        ],
        readonly=True,
    )

    @api.model
    def _protection_claim_evidence(self, lead, company, sale_date):
        """(the claimant's follow-up sheet valid on ``sale_date``, his signed appointment
        of that day) on the customer of ``lead``; empty recordsets when he has none."""
        Registration = self.env["lead.protection.registration"].sudo()
        keys = Registration._lead_keys(lead)
        keyed = (
            self.env["lead.protection.key"].sudo()._registrations_of(self.env.uid, company.id, keys)
        )
        phone = Registration._lead_phone(lead)
        domain = [
            ("user_id", "=", self.env.uid),
            ("company_id", "=", company.id),
            ("protection_role", "in", (sheets.SHEET, sheets.APPOINTMENT)),
            ("state", "in", VALID_STATES),
            ("fake", "=", False),
        ]
        customer = [("id", "in", keyed)]
        if phone:
            customer = ["|", ("id", "in", keyed), ("phone", "=", phone)]
        found = Registration.search(domain + customer, order="registered_at, id")
        sheet = found.filtered(
            lambda reg: (
                reg.protection_role == sheets.SHEET
                and sheets.valid_on(reg._protection_day(), reg.last_day, sale_date)
            )
        )[:1]
        appointment = found.filtered(
            lambda reg: (
                reg.protection_role == sheets.APPOINTMENT
                and reg.appointment_state in SIGNED
                and reg._protection_day() == sale_date
            )
        )[:1]
        return sheet, appointment

    @api.model
    def _protection_claim_outcome(self, lead, company, sale_date, claim_date):
        """LP-19: a claim is proved by the claimant's follow-up sheet valid on the sale date
        (LP-10's calendar), or else by his signed appointment of the sale day (LP-22's
        calendar); without either it is refused."""
        sheet, appointment = self._protection_claim_evidence(lead, company, sale_date)
        if sheet:
            return super()._protection_claim_outcome(lead, company, sale_date, claim_date)
        if not appointment:
            raise UserError(
                self.env._(
                    "A late claim is proved by your follow-up sheet valid on the sale date "
                    "(%(day)s) or by your signed appointment of that day (LP-19); you hold "
                    "neither on this customer.",
                    day=sale_date,
                )
            )
        outcome = claims.appointment_claim_outcome(
            sale_date,
            claim_date,
            company.protection_appointment_full_days,
            company.protection_appointment_half_days,
            company.protection_claim_freeze_days,
        )
        return self._protection_claim_check(
            outcome,
            company,
            self.env._(
                "Too late: a claim proved by an appointment is accepted up to %(days)s days "
                "after the sale (LP-22).",
                days=company.protection_appointment_half_days,
            ),
        )

    def _create_claim(self, lead, sale_date, claim_date, outcome, shares):
        claim = super()._create_claim(lead, sale_date, claim_date, outcome, shares)
        company = lead.company_id or self.env.company
        sheet, appointment = self._protection_claim_evidence(lead, company, sale_date)
        evidence = sheet or appointment
        with self._guard_workflow():
            claim.sudo().write(
                {
                    "evidence_registration_id": evidence.id,
                    "evidence_kind": sheets.SHEET if sheet else sheets.APPOINTMENT,
                }
            )
        return claim

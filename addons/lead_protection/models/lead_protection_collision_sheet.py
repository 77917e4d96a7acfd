# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import collision, sheets

MANAGER_GROUP = "lead_protection.group_lead_protection_manager"


class LeadProtectionCollision(models.Model):
    """LP-19, LP-20 on collision cases: the adjudicator sees each sheet's completeness, and
    two follow-up sheets on one customer are decided by LP-20."""

    _inherit = "lead.protection.collision"

    _guarded_fields = ("owner_sheet_completeness", "challenger_sheet_completeness")

    owner_sheet_completeness = fields.Float(
        related="owner_registration_id.sheet_completeness",
        string="First: Completeness (%)",
        groups=MANAGER_GROUP,
    )
    challenger_sheet_completeness = fields.Float(
        related="challenger_registration_id.sheet_completeness",
        string="Second: Completeness (%)",
        groups=MANAGER_GROUP,
    )
    sheet_rule_outcome = fields.Selection(
        [
            (sheets.OWNER, "Earlier Sheet or Appointment: First Salesperson"),
            (sheets.CHALLENGER, "Earlier Appointment: Second Salesperson"),
            (sheets.SPLIT, "Same-day Sheets: Half Each"),
        ],
        string="LP-20 Decision",
        compute="_compute_sheet_rule_outcome",
        groups=MANAGER_GROUP,
        help="LP-20: between two follow-up sheets on one customer, the earlier sheet wins; "
        "sheets of the same day split half each unless that day's signed appointments show "
        "who was first.",
    )

    @api.depends("owner_registration_id", "challenger_registration_id")
    def _compute_sheet_rule_outcome(self):
        for case in self:
            case.sheet_rule_outcome = case.sudo()._lp20_outcome()

    def _lp20_outcome(self):
        """LP-20's decision for this case, or False when it is not two sheets on one
        customer held by two salespeople."""
        self.ensure_one()
        owner, challenger = self.owner_registration_id, self.challenger_registration_id
        if (
            owner.protection_role != sheets.SHEET
            or challenger.protection_role != sheets.SHEET
            or owner.user_id == challenger.user_id
            or owner.phone != challenger.phone
        ):
            return False
        owner_day, challenger_day = owner._protection_day(), challenger._protection_day()
        appointments = []
        if owner_day == challenger_day:
            found = self.env["lead.protection.registration"].search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("protection_role", "=", sheets.APPOINTMENT),
                    ("appointment_state", "in", ("signed", "sms")),
                    ("phone", "=", owner.phone),
                    ("user_id", "in", (owner.user_id | challenger.user_id).ids),
                ]
            )
            parties = {owner.user_id: sheets.OWNER, challenger.user_id: sheets.CHALLENGER}
            appointments = [
                (parties[appointment.user_id], appointment.registered_at)
                for appointment in found
                if appointment._protection_day() == owner_day
            ]
        return sheets.sheet_precedence(owner_day, challenger_day, appointments)

    def _lp20_new_sheet_void(self):
        """Whether the challenger's sheet was made when the owner held a valid sheet from
        an earlier day (LP-20)."""
        self.ensure_one()
        owner = self.owner_registration_id
        return (
            self.state != "resolved"
            and owner.state in ("active", "contracted")
            and self._lp20_outcome() == sheets.OWNER
            and sheets.new_sheet_is_invalid(
                owner._protection_day(), self.challenger_registration_id._protection_day()
            )
        )

    def _lp20_void_new_sheet(self):
        """LP-20: the first sheet keeps the customer, the new sheet is invalid and its
        maker is fined (once per sheet)."""
        case = self.sudo()
        case._apply_outcome(
            collision.OWNER,
            self.env._(
                "LP-20: %(owner)s held a valid follow-up sheet from an earlier day; the new "
                "sheet is invalid.",
                owner=case.owner_user_id.name,
            ),
            None,
            case.company_id.protection_split_percent,
        )
        case.challenger_registration_id._lp20_fine()

    def action_apply_sheet_rule(self):
        """LP-20: the manager of the team decides a case between two follow-up sheets by
        the rule: earlier sheet wins (the new sheet is invalid and fined), same-day sheets
        half each unless that day's appointments show who was first."""
        self._protection_single()
        self._protection_check_managed()
        self._protection_lock()
        self._check_state("negotiation", "adjudication")
        case = self.sudo()
        outcome = case._lp20_outcome()
        if not outcome:
            raise UserError(
                self.env._(
                    "%(case)s is not between two follow-up sheets on one customer: LP-20 "
                    "does not decide it.",
                    case=case.name,
                )
            )
        if case._lp20_new_sheet_void():
            case._lp20_void_new_sheet()
            return True
        if outcome == sheets.SPLIT:
            case._apply_outcome(
                collision.SPLIT,
                self.env._("LP-20: follow-up sheets of the same day, half each."),
                None,
                case.company_id.protection_split_percent,
            )
        else:
            case._apply_outcome(
                collision.OWNER if outcome == sheets.OWNER else collision.CHALLENGER,
                self.env._("LP-20: the earlier appointment of that day wins."),
                None,
                case.company_id.protection_split_percent,
            )
        return True

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import reception

MANAGER = "lead_protection.group_lead_protection_manager"
DIRECTOR = "lead_reception.group_lead_reception_director"

KINDS = [
    ("half_day", "LP-29 Half-day Priority"),
    ("unregistered", "LP-31 Deal on an Unregistered Visitor"),
    ("group_visit", "LP-32 Group Visit"),
    ("group_order", "LP-33 Group Order"),
    ("case", "LP-47 Case for the Director"),
]
RULE_REFS = {
    "half_day": "LP-29",
    "unregistered": "LP-31",
    "group_visit": "LP-32",
    "group_order": "LP-33",
    "case": "LP-47",
}


class LeadReceptionClaim(models.Model):
    """A salesperson's claim on a deal booked by a colleague, decided by the reception
    rules (LP-29, LP-31..LP-33) or by the director (LP-47). These claims have no deadline
    and no month-end lock: they stay open until decided (LP-31)."""

    _name = "lead.reception.claim"
    _description = "Reception Claim"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _guarded_fields = (
        "claimant_id",
        "booker_id",
        "company_id",
        "team_id",
        "found_at",
        "booker_visit_id",
        "outcome",
        "claimant_share",
        "booker_share",
        "state",
        "decided_by_id",
    )
    _guard_frozen_fields = {
        "kind": "_guard_open_records",
        "lead_id": "_guard_open_records",
        "claimant_visit_id": "_guard_open_records",
        "group_id": "_guard_open_records",
        "evidence": "_guard_open_records",
        "decision_note": "_guard_open_records",
    }
    _guard_unlink = "_guard_deletable"

    kind = fields.Selection(KINDS, required=True)
    lead_id = fields.Many2one("crm.lead", string="Won Deal", required=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    team_id = fields.Many2one("crm.team", readonly=True)
    claimant_id = fields.Many2one("res.users", readonly=True, index=True)
    booker_id = fields.Many2one("res.users", string="Booked by", readonly=True, index=True)
    claimant_visit_id = fields.Many2one(
        "lead.reception.visit", string="My Visit Entry", help="LP-29: your earlier entry."
    )
    booker_visit_id = fields.Many2one(
        "lead.reception.visit", string="Closer's Visit Entry", readonly=True
    )
    group_id = fields.Many2one("lead.reception.group")
    evidence = fields.Text(
        string="Proof", help="LP-31, LP-47: how you followed the customer earlier."
    )
    found_at = fields.Datetime(readonly=True)
    outcome = fields.Selection(
        [
            (reception.FIRST, "Whole Deal to the Claimant"),
            (reception.HALF, "Half Each"),
            (reception.LATER, "Stays with the Closer"),
        ],
        readonly=True,
        tracking=True,
    )
    claimant_share = fields.Float(readonly=True)
    booker_share = fields.Float(readonly=True)
    state = fields.Selection(
        [("submitted", "Submitted"), ("approved", "Approved"), ("refused", "Refused")],
        default="submitted",
        required=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decision_note = fields.Text()

    _one_claim = models.UniqueIndex(
        "(lead_id, claimant_id, kind)", "You have already made this claim on this deal."
    )

    def _guard_open_records(self):
        return self.filtered(lambda claim: claim.state == "submitted")

    def _guard_deletable(self):
        return self.browse()

    # --- Submitting

    @api.model_create_multi
    def create(self, vals_list):
        if self._guard_bypassed():
            return super().create(vals_list)
        if len(vals_list) != 1:
            raise UserError(self.env._("Submit one claim at a time."))
        guarded, _frozen = self._guard_declarations()
        vals = vals_list[0]
        refused = [name for name in vals if name in guarded]
        if refused:
            self._guard_raise(refused)
        vals = dict(vals, **self._prepare_claim(vals))
        with self._guard_workflow():
            claims = super().create([vals])
        claims._notify_director()
        return claims

    def _prepare_claim(self, vals):
        """Who, against whom, and the outcome the rules give (LP-29, LP-31..LP-33, LP-47)."""
        kind = vals.get("kind")
        if kind not in RULE_REFS:
            raise ValidationError(self.env._("Choose the kind of claim."))
        lead = self.env["crm.lead"].browse(vals.get("lead_id")).sudo().exists()
        user = self.env.user
        if not lead or lead.won_status != "won" or not lead.user_id or lead.user_id == user:
            raise UserError(self.env._("A claim is made on a won deal booked by someone else."))
        if lead.company_id and lead.company_id not in user.company_ids:
            raise UserError(self.env._("This deal belongs to another company."))
        company = lead.company_id or self.env.company
        now = fields.Datetime.now()
        values = {
            "company_id": company.id,
            "team_id": lead.team_id.id,
            "claimant_id": user.id,
            "booker_id": lead.user_id.id,
            "found_at": now,
        }
        handler = getattr(self, f"_prepare_{kind}")
        values.update(handler(vals, lead, company))
        shares = reception.outcome_shares(
            values.get("outcome") or reception.LATER, user.id, lead.user_id.id
        )
        values["claimant_share"] = shares.get(user.id, 0.0)
        values["booker_share"] = shares.get(lead.user_id.id, 0.0)
        return values

    def _lead_visit(self, lead):
        """The visit entries of the deal's customer, by its mobile."""
        phone = self.env["lead.protection.registration"]._lead_phone(lead)
        Visit = self.env["lead.reception.visit"].sudo()
        return Visit.search(
            [
                ("company_id", "=", (lead.company_id or self.env.company).id),
                ("channel", "=", "walk_in"),
                "|",
                ("phone", "=", phone),
                ("extra_phone", "=", phone),
            ]
        )

    def _prepare_half_day(self, vals, lead, company):
        """LP-29: my entry first; the closer brought him in later."""
        mine = self.env["lead.reception.visit"].browse(vals.get("claimant_visit_id")).sudo()
        user = self.env.user
        if not mine or user not in (mine.receiver_id | mine.owner_id):
            raise UserError(self.env._("Choose your own entry of the customer in the visit book."))
        entries = self._lead_visit(lead)
        if mine not in entries:
            raise UserError(self.env._("Your entry is not of this deal's customer."))
        theirs = (
            lead.reception_visit_id.sudo()
            or entries.filtered(lambda v: lead.user_id in (v.receiver_id | v.owner_id))[:1]
        )
        if not theirs:
            raise UserError(self.env._("The closer has no entry of this customer."))
        local = company._reception_local
        outcome = reception.half_day_priority(
            local(mine.visit_at),
            local(theirs.visit_at),
            local(fields.Datetime.now()),
            company.reception_full_days,
            company.reception_half_days,
        )
        return {"booker_visit_id": theirs.id, "outcome": outcome}

    def _prepare_unregistered(self, vals, lead, company):
        """LP-31: no entry in the visit book; proved earlier follow-up wins the whole deal."""
        if self._lead_visit(lead):
            raise UserError(
                self.env._("The customer is in the visit book: claim by half-day priority.")
            )
        keys = self.env["lead.protection.registration"]._lead_keys(lead)
        registered = (
            self.env["lead.protection.key"].sudo()._registered_by(self.env.uid, company.id, keys)
        )
        if not registered and not (vals.get("evidence") or "").strip():
            raise UserError(
                self.env._("Prove that you followed the customer earlier: describe the proof.")
            )
        return {"outcome": reception.FIRST}

    def _group_members(self, vals, lead):
        group = self.env["lead.reception.group"].browse(vals.get("group_id")).sudo()
        if not group or lead.reception_visit_id.sudo() not in group.visit_ids:
            raise UserError(self.env._("The deal is not one of this group's members."))
        return group

    def _sheets(self, visits, company):
        """{visit: holder of an active registration on its mobile} (LP-19's sheet)."""
        Key = self.env["lead.protection.key"].sudo()
        result = {}
        for visit in visits:
            hits = Key._find_active(company.id, [("phone", visit.phone)])
            if hits:
                result[visit.id] = hits[0][3]
        return result

    def _prepare_group_visit(self, vals, lead, company):
        """LP-32: same day, with my same-day appointment the group; else my sheets only."""
        group = self._group_members(vals, lead)
        members = group.visit_ids
        today = company._reception_local(fields.Datetime.now()).date()
        appointment = any(
            v.appointment_user_id.id == self.env.uid and v.visit_date == today for v in members
        )
        credited = reception.group_visit_credit(
            members.ids,
            self.env.uid,
            self._sheets(members, company),
            appointment,
            group.date == today,
            {v.id: v.asked_user_id.id for v in members if v.asked_user_id},
        )
        won = lead.reception_visit_id.id in credited
        return {"outcome": reception.FIRST if won else reception.LATER}

    def _prepare_group_order(self, vals, lead, company):
        """LP-33: the day of the group order, the member whose number I followed is mine."""
        group = self._group_members(vals, lead)
        today = company._reception_local(fields.Datetime.now()).date()
        member = lead.reception_visit_id.sudo()
        sheets = self._sheets(member, company)
        proofs = {
            member.id: sheets.get(member.id)
            or (member.appointment_user_id.id if member.has_appointment == "yes" else None)
        }
        credit = reception.group_order_credit(
            [member.id], group.salesperson_id.id, proofs, group.date == today
        )
        return {
            "outcome": reception.FIRST if credit[member.id] == self.env.uid else reception.LATER
        }

    def _prepare_case(self, vals, lead, company):
        """LP-47: no rule covers it: filed for the director, who decides."""
        if not (vals.get("evidence") or "").strip():
            raise UserError(self.env._("Describe the case for the director."))
        return {"outcome": False}

    def _notify_director(self):
        for claim in self.filtered(lambda c: c.kind == "case"):
            director = claim.company_id.reception_director_user_id
            if director:
                claim.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=director.id,
                    summary=claim.with_context(lang=director.lang).env._(
                        "Case for the director (LP-47)"
                    ),
                )

    # --- Deciding

    def _check_decider(self):
        user = self.env.user
        for claim in self.sudo():
            if claim.state != "submitted":
                raise UserError(self.env._("This claim is already decided."))
            if user in (claim.claimant_id | claim.booker_id):
                raise UserError(self.env._("A party does not decide his own claim."))
            if claim.kind == "case":
                if not user.has_group(DIRECTOR):
                    raise UserError(self.env._("Only the sales director decides this case."))
            elif not (user.has_group(MANAGER) and claim.team_id.user_id == user) and not (
                user.has_group(DIRECTOR)
            ):
                raise UserError(self.env._("Only the deal team's manager decides this claim."))

    def _decide_case(self, claimant_percent, note):
        """LP-47: the director's recorded decision, applied like a case outcome."""
        self.ensure_one()
        if self.kind != "case":
            raise UserError(self.env._("Only cases no rule covers are decided by a share."))
        if not isinstance(claimant_percent, (int, float)) or not 0 <= claimant_percent <= 100:
            raise ValidationError(self.env._("The claimant's share is between 0 and 100%."))
        if not (note or "").strip():
            raise ValidationError(self.env._("Record the reason of the decision."))
        self._check_decider()
        with self._guard_workflow():
            self.sudo().write(
                {
                    "claimant_share": float(claimant_percent),
                    "booker_share": 100.0 - claimant_percent,
                    "outcome": reception.FIRST
                    if claimant_percent == 100
                    else reception.LATER
                    if claimant_percent == 0
                    else reception.HALF,
                    "decision_note": note,
                }
            )
        return self.action_approve()

    def action_approve(self):
        """Confirm the rule's outcome: the credit shares are booked (LP-16 rebooking)."""
        self._check_decider()
        if self.filtered(lambda c: c.kind == "case" and not c.outcome):
            raise UserError(self.env._("The director records his decision first."))
        vals_list = []
        for claim in self.sudo():
            with self._guard_workflow():
                claim.write({"state": "approved", "decided_by_id": self.env.uid})
            if claim.outcome == reception.LATER:
                continue
            lead = claim.lead_id
            company = lead.company_id or claim.company_id
            # The deal's commission (LP-16) is reversed and rebooked with the claim's shares
            # through lead_protection's change path, never booked on top of it; a full claim
            # moves the follow-up right to the claimant (LP-21).
            vals_list.append(
                {
                    "kind": "decision" if claim.kind == "case" else "claim",
                    "rule_ref": RULE_REFS[claim.kind],
                    "lead_id": lead.id,
                    "company_id": company.id,
                    "team_id": lead.team_id.id,
                    "from_user_id": claim.booker_id.id,
                    "to_user_id": claim.claimant_id.id,
                    "from_share": claim.booker_share,
                    "to_share": claim.claimant_share,
                    "reason": claim.decision_note
                    or self.env._("Reception claim approved (%s)", RULE_REFS[claim.kind]),
                    "won_date": company._suite_today(lead.date_closed),
                    "manager_id": self.env.uid,
                    "manager_signed_by_id": self.env.uid,
                    "manager_signed_on": fields.Datetime.now(),
                }
            )
        if vals_list:
            self.env["lead.protection.change"]._applied(vals_list)
        return True

    def action_refuse(self):
        self._check_decider()
        with self._guard_workflow():
            self.sudo().write({"state": "refused", "decided_by_id": self.env.uid})
        return True

    def _decide_from_form(self, percent):
        self.ensure_one()
        return self._decide_case(percent, self.decision_note)

    def action_decide_claimant(self):
        """LP-47: the director gives the whole deal to the claimant."""
        return self._decide_from_form(100.0)

    def action_decide_half(self):
        """LP-47: the director splits the deal."""
        return self._decide_from_form(self.company_id.protection_split_percent)

    def action_decide_booker(self):
        """LP-47: the director leaves the deal with the closer."""
        return self._decide_from_form(0.0)

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import commission, identity
from .lead_protection_registration import MOBILE_FORMATS

VALID_STATES = ("active", "contracted")
MANAGER_GROUP = "lead_protection.group_lead_protection_manager"
FINE_LP25 = "incentive_ledger.fine_type_lp25_order_number"


class CrmLead(models.Model):
    """Won deals: LP-16 commission, LP-25 own number."""

    _inherit = "crm.lead"

    def write(self, vals):
        if vals.get("stage_id"):
            stage = self.env["crm.stage"].browse(vals["stage_id"])
            if stage.is_won:
                self.filtered(
                    lambda lead: lead.won_status != "won"
                )._protection_check_order_number()
        res = super().write(vals)
        if "stage_id" in vals or "active" in vals:
            # Won by the button or by moving the card to a won stage (LP-16).
            self._protection_book_won_commission()
            self._protection_cancel_lost_commission()
        return res

    # --- LP-16

    def _protection_book_won_commission(self):
        """LP-16: book each won deal's commission once, 100 % to the salesperson whose valid
        registration holds the customer on the signing date (company's date); without one,
        to the deal's salesperson. A registrant who is not the deal's salesperson books
        nothing: a collision case opens and its outcome books the shares (LP-6..LP-8)."""
        leads = self.sudo().filtered(lambda lead: lead.won_status == "won" and lead.user_id)
        if not leads:
            return
        Line = self.env["employee.incentive.line"].sudo()
        Collision = self.env["lead.protection.collision"].sudo()
        Users = self.env["res.users"].sudo()
        # Deals with a collision case are booked by the case (its credit shares).
        in_case = set(Collision.search([("deal_lead_id", "in", leads.ids)]).deal_lead_id.ids) | set(
            leads.protection_registration_ids.filtered(
                lambda reg: reg.state == "collided"
            ).lead_id.ids
        )
        previous = {}
        for line in Line.with_context(active_test=False).search(
            [
                ("rule_ref", "=", "LP-16"),
                ("source_model", "=", "crm.lead"),
                ("source_res_id", "in", leads.ids),
                ("kind", "!=", "reversal"),
            ]
        ):
            previous.setdefault(line.source_res_id, []).append(line)
        entries, deals, collided = [], [], []
        changed = leads._protection_changed_ids()
        for lead in leads:
            if lead.id in in_case or lead.id in changed:
                continue
            if any(line.state != "cancelled" for line in previous.get(lead.id, [])):
                continue  # booked once
            company = lead.company_id or self.env.company
            signing = company._protection_date(lead.date_closed or fields.Datetime.now())
            holder_id = commission.holding_registration(
                [
                    {
                        "id": reg.id,
                        "registered_at": reg.registered_at,
                        "registered_on": company._protection_date(reg.registered_at),
                        "last_day": reg.last_day,
                        "valid": reg.state in VALID_STATES,
                    }
                    for reg in lead.protection_registration_ids
                ],
                signing,
            )
            holder = lead.protection_registration_ids.browse(holder_id)
            decision, user_id = commission.commission_decision(
                holder.user_id.id if holder else None, lead.user_id.id
            )
            if decision == commission.COLLISION:
                collided.append((lead, holder))
                continue
            # LP-17: the salesperson and his co-selling partner each get their share.
            for share_user_id, share in lead._protection_won_shares(user_id).items():
                amount = commission.commission_amount(
                    lead.expected_revenue * share / 100.0, lead.team_id.protection_commission_rate
                )
                if not amount:
                    continue
                entries.append(
                    {
                        "user_id": share_user_id,
                        "company_id": company.id,
                        "kind": "credit_share",
                        "amount": amount,
                        "rule_ref": "LP-16",
                        "source_ref": f"crm.lead,{lead.id}",
                        "source_key": commission.source_key(
                            lead.id, len(previous.get(lead.id, []))
                        ),
                    }
                )
                deals.append(lead)
        # Read by the salesperson paid, in his language (the users' languages in one read).
        users = {user.id: user for user in Users.browse(list({e["user_id"] for e in entries}))}
        for entry, lead in zip(entries, deals, strict=True):
            entry["name"] = lead._in_lang_of(users[entry["user_id"]]).env._(
                "Commission of %(deal)s", deal=lead.name
            )
        # A salesperson without an employee record (e.g. an administrator) cannot be paid
        # through the ledger: the deal is still won and its chatter says so, for HR to book
        # the commission once the employee exists.
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("user_id", "in", list({entry["user_id"] for entry in entries})),
                    ("company_id", "in", list({entry["company_id"] for entry in entries})),
                ]
            )
        )
        paid_users = {(employee.user_id.id, employee.company_id.id) for employee in employees}
        unpaid = [e for e in entries if (e["user_id"], e["company_id"]) not in paid_users]
        for entry in unpaid:
            lead = self.browse(int(entry["source_ref"].split(",")[1])).sudo()
            lead._suite_message_post(
                lambda env, lead=lead, entry=entry: env._(
                    "LP-16: no commission booked, %(user)s has no employee in %(company)s.",
                    user=self.env["res.users"].browse(entry["user_id"]).name,
                    company=lead.company_id.name or self.env.company.name,
                )
            )
        self.env["hr.employee"]._protection_book([e for e in entries if e not in unpaid])
        if collided:
            self._protection_commission_collision(collided)

    def _protection_commission_collision(self, collided):
        """The registrant is not the deal's salesperson: nothing is booked; the deal
        salesperson's own registration collides with the holder's (LP-5), or, when he
        holds none, the team's manager is asked to decide."""
        Collision = self.env["lead.protection.collision"].sudo()
        pairs = []
        for lead, holder in collided:
            own = lead.protection_registration_ids.filtered(
                lambda reg, lead=lead, holder=holder: reg.user_id == lead.user_id and reg != holder
            )[:1]
            if own:
                pairs.append((own, holder.ids))
                continue
            manager = lead.team_id.user_id or lead.company_id.protection_hr_user_id
            lead.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(manager or self.env.user).id,
                summary=lead.with_context(lang=(manager or self.env.user).lang).env._(
                    "Won by %(seller)s, registered by %(registrant)s: decide the commission "
                    "(LP-16)",
                    seller=lead.user_id.name,
                    registrant=holder.user_id.name,
                ),
            )
        if pairs:
            with self._guard_workflow("lead.protection.registration", "lead.protection.key"):
                for own, _holder_ids in pairs:
                    own.write({"state": "collided"})
            Collision._open(pairs)

    def _protection_cancel_lost_commission(self):
        """LP-16: a won deal lost or reopened cancels its commission (reversed if paid)."""
        not_won = self.sudo().filtered(lambda lead: lead.won_status != "won")
        if not not_won:
            return
        lines = (
            self.env["employee.incentive.line"]
            .sudo()
            .search(
                [
                    ("rule_ref", "=", "LP-16"),
                    ("source_model", "=", "crm.lead"),
                    ("source_res_id", "in", not_won.ids),
                    ("state", "!=", "cancelled"),
                    ("kind", "!=", "reversal"),
                ]
            )
        )
        if lines:
            lines.action_cancel()

    # --- LP-25

    def _protection_check_order_number(self):
        """LP-25: the mobile number of a deal being won is the customer's own complete
        mobile number, checked as LP-1 checks it at registration; otherwise the win is
        refused and nothing is written. A registered customer's deal must carry one; an
        unregistered deal without any number is not refused."""
        Registration = self.env["lead.protection.registration"]
        for lead in self.sudo():
            _cleaned, error = identity.clean_phone_input(lead.phone or lead.partner_id.phone)
            e164 = False if error else Registration._lead_phone(lead)
            problem = commission.order_number_problem(error, e164, MOBILE_FORMATS)
            if problem == "missing" and not lead.protection_registration_ids:
                # A deal of a customer nobody registered (no number was ever recorded, e.g.
                # a company account won by phone) is not refused; a number that is there must
                # be the customer's complete own mobile.
                continue
            if problem == "missing":
                message = self.env._(
                    "%(lead)s: enter the customer's own mobile number before winning it (LP-25).",
                    lead=lead.display_name,
                )
            elif problem == "masked":
                message = self.env._(
                    "%(lead)s: the mobile number is partial or masked; enter the customer's "
                    "complete number before winning it (LP-25).",
                    lead=lead.display_name,
                )
            elif problem:
                message = self.env._(
                    "%(lead)s: %(phone)s is not a complete mobile number of the customer; a won "
                    "deal carries the customer's own valid number (LP-25).",
                    lead=lead.display_name,
                    phone=lead.phone or lead.partner_id.phone,
                )
            if problem:
                raise UserError(message)

    def action_protection_number_not_own(self):
        """LP-25: the team's manager records that a won deal's number is not the customer's
        own: the deal's salesperson is fined through the fine catalogue, once per deal."""
        if len(self) != 1:
            raise UserError(self.env._("Record a wrong order number on one deal at a time."))
        user = self.env.user
        if not (self.env.su or user.has_group("base.group_system")):
            if not (
                user.has_group(MANAGER_GROUP)
                and self.team_id.user_id == user
                and self.company_id in user.company_ids
            ):
                raise UserError(
                    self.env._("Only the manager of the deal's sales team records this (LP-25).")
                )
        if self.won_status != "won":
            raise UserError(self.env._("Only a won deal's order number is checked (LP-25)."))
        if not self.user_id:
            raise UserError(self.env._("This deal has no salesperson to fine."))
        self.env.cr.execute("SELECT id FROM crm_lead WHERE id = %s FOR UPDATE", [self.id])
        Offence = self.env["incentive.offence"].sudo()
        fine_type = self.env.ref(FINE_LP25)
        if Offence.search_count(
            [
                ("fine_type_id", "=", fine_type.id),
                ("source_model", "=", self._name),
                ("source_res_id", "=", self.id),
            ]
        ):
            raise UserError(self.env._("This deal's wrong number was already fined (LP-25)."))
        employee = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("user_id", "=", self.user_id.id),
                    ("company_id", "=", (self.company_id or self.env.company).id),
                ],
                limit=1,
            )
        )
        if not employee:
            raise UserError(
                self.env._(
                    "%(user)s has no employee in this company: create one so that the fine "
                    "can be booked.",
                    user=self.user_id.name,
                )
            )
        # The key makes the fine once per deal under two managers at once (the row lock
        # alone does not: the second's snapshot predates the first's offence).
        return Offence._record_offence(
            FINE_LP25, employee, source=self.sudo(), occurrence_key=f"crm.lead:{self.id}"
        )

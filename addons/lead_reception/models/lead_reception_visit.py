# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.lead_protection.models.lead_protection_registration import MOBILE_FORMATS
from odoo.addons.lead_protection.tools import identity, rotation

from ..tools import reception
from .lead_protection_rotation import BUSY_PROSPECT

YES_NO = [(reception.YES, "Yes"), (reception.NO, "No")]
RECEPTIONIST = "lead_reception.group_lead_reception_receptionist"
MANAGER = "lead_protection.group_lead_protection_manager"


class LeadReceptionVisit(models.Model):
    """LP-27: one visitor in the visit book (來訪登記), entered before he tours."""

    _name = "lead.reception.visit"
    _description = "Visit Book Entry"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "visit_at desc, id desc"
    _check_company_auto = True
    _rec_name = "visitor_name"

    _guarded_fields = (
        "name",
        "visit_at",
        "visit_date",
        "half_day",
        "phone",
        "receiver_id",
        "owner_id",
        "owner_reason",
        "state",
        "partner_id",
        "extra_phone",
        "extra_phone_by_id",
        "extra_phone_at",
        "company_id",
        "group_id",
        "household_key",
    )
    # The book is written in ink: what the receiver recorded never changes afterwards.
    _guard_frozen_fields = dict.fromkeys(
        (
            "visitor_name",
            "phone_input",
            "channel",
            "team_id",
            "asks_for",
            "asked_user_id",
            "asked_member_id",
            "been_before",
            "previous_receiver_id",
            "has_appointment",
            "appointment_user_id",
            "voucher_user_id",
            "brought_by_id",
            "household_input",
            "household_visit_id",
        ),
        "_guard_deletable",
    )
    _guard_unlink = "_guard_deletable"

    name = fields.Char(string="Reference", readonly=True, default="/", copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env["crm.team"]._get_default_team_id(),
    )
    channel = fields.Selection(
        [("walk_in", "Walk-in"), ("phone", "Phone Enquiry")],
        required=True,
        default="walk_in",
        help="LP-40: enquiry calls are logged too; a call alone protects nothing.",
    )
    visitor_name = fields.Char(string="Visitor", required=True, tracking=True)
    phone_input = fields.Char(
        string="Mobile",
        required=True,
        help="LP-27: the visitor's own complete mobile number, as LP-1 requires it.",
    )
    phone = fields.Char(string="Mobile (E.164)", readonly=True, index=True)
    visit_at = fields.Datetime(
        string="Entered at", readonly=True, default=fields.Datetime.now, index=True
    )
    visit_date = fields.Date(
        compute="_compute_half_day", store=True, help="Day of the visit in the company's time zone."
    )
    half_day = fields.Selection(
        [(reception.MORNING, "Morning"), (reception.AFTERNOON, "Afternoon")],
        compute="_compute_half_day",
        store=True,
        help="LP-29",
    )
    receiver_id = fields.Many2one(
        "res.users", string="Received by", readonly=True, index=True, tracking=True
    )
    # --- LP-28: the three reception questions
    asks_for = fields.Selection(YES_NO, string="Looking for Someone?", required=True, tracking=True)
    asked_user_id = fields.Many2one("res.users", string="Asks for Salesperson", tracking=True)
    asked_member_id = fields.Many2one(
        "res.partner", string="Asks for Member", tracking=True, help="LP-37: a member's friend."
    )
    been_before = fields.Selection(YES_NO, string="Been here Before?", required=True)
    previous_receiver_id = fields.Many2one("res.users", string="Received before by")
    has_appointment = fields.Selection(YES_NO, string="Appointment?", required=True)
    appointment_user_id = fields.Many2one("res.users", string="Appointment with")
    # --- LP-38, LP-39
    voucher_user_id = fields.Many2one(
        "res.users", string="Trial Voucher of", help="LP-39: the salesperson printed on it."
    )
    brought_by_id = fields.Many2one(
        "res.partner",
        string="Brought by",
        help="LP-38: the member or old customer who brought the visitor.",
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    # --- LP-15: the same family or company is one customer
    household_input = fields.Char(
        string="Family / Company",
        help="LP-15: the visitor's family (family name and address) or company, as the desk "
        "types it; a later member of the same family or company goes to the salesperson "
        "who received the first.",
    )
    household_visit_id = fields.Many2one(
        "lead.reception.visit",
        string="Same Family or Company as",
        check_company=True,
        help="LP-15: an earlier visitor of the same family or company.",
    )
    household_key = fields.Char(readonly=True, index="btree_not_null", copy=False)
    # --- The decision
    owner_id = fields.Many2one(
        "res.users", string="Whose Customer", readonly=True, index=True, tracking=True
    )
    owner_reason = fields.Selection(
        [
            (reception.NAMED, "Named at the Desk"),
            (reception.MEMBER, "Member's Friend"),
            (reception.VOUCHER, "Trial Voucher"),
            (reception.APPOINTMENT, "Appointment"),
            (reception.REGISTERED, "Registered Customer"),
            (reception.HOUSEHOLD, "Same Family or Company"),
            (reception.RECEIVER, "Receiver"),
            ("group", "Group Order (duty reception)"),
            ("handover", "Taken over with Appointment"),
            ("call", "Phone Enquiry (protects nothing)"),
        ],
        readonly=True,
    )
    state = fields.Selection(
        [
            ("entered", "Entered"),
            ("touring", "Touring"),
            ("done", "Left"),
            ("cancelled", "Cancelled"),
        ],
        default="entered",
        required=True,
        tracking=True,
        index=True,
    )
    group_id = fields.Many2one("lead.reception.group", index=True, check_company=True)
    earlier_visit_count = fields.Integer(
        string="Earlier Visits", compute="_compute_earlier_visit_count"
    )
    known_owner_name = fields.Char(
        string="Protected by",
        compute="_compute_known_owner_name",
        help="LP-2: the salesperson whose registration protects this mobile, nothing more.",
    )
    # --- LP-30: the order's number, added by the order's salesperson
    extra_phone = fields.Char(string="Order's Number", readonly=True, tracking=True)
    extra_phone_by_id = fields.Many2one("res.users", string="Number Added by", readonly=True)
    extra_phone_at = fields.Datetime(string="Number Added at", readonly=True)

    _name_unique = models.UniqueIndex("(company_id, name) WHERE name != '/'")

    # --- Computes

    @api.depends("visit_at", "company_id")
    def _compute_half_day(self):
        """Day and half-day of the entry in the company's time zone (LP-29)."""
        for visit in self:
            if not visit.visit_at:
                visit.visit_date = visit.half_day = False
                continue
            company = visit.company_id or self.env.company
            local = company._reception_local(visit.visit_at)
            visit.visit_date, visit.half_day = reception.half_day(
                local, company.reception_noon_hour
            )

    @api.depends("phone")
    def _compute_earlier_visit_count(self):
        """Earlier entries of the same mobile, counted whoever received them (LP-27)."""
        Visit = self.sudo()
        for visit in self:
            visit.earlier_visit_count = (
                Visit.search_count(
                    [
                        ("company_id", "=", visit.company_id.id),
                        ("phone", "=", visit.phone),
                        ("visit_at", "<=", visit.visit_at),
                        ("id", "!=", visit._origin.id or 0),
                    ]
                )
                if visit.phone
                else 0
            )

    @api.depends("phone_input", "company_id")
    def _compute_known_owner_name(self):
        """Only the protecting salesperson's name: no detail of the registration (LP-2)."""
        for visit in self:
            owner = visit._registered_owner(visit._e164_or_false(visit.phone_input))
            visit.known_owner_name = owner.sudo().name if owner else False

    # --- Phone (LP-27 reuses LP-1's check)

    def _e164_or_false(self, raw):
        cleaned, error = identity.clean_phone_input(raw)
        if error:
            return False
        company = self.company_id or self.env.company
        e164 = self.env["crm.lead"]._phone_format(
            number=cleaned, country=company._protection_phone_country(), force_format="E164"
        )
        return e164 if identity.is_complete_mobile(e164, MOBILE_FORMATS) else False

    @api.model
    def _check_phone(self, raw, company):
        """The visitor's own complete mobile in E.164, or a ValidationError (LP-27, LP-1)."""
        cleaned, error = identity.clean_phone_input(raw)
        if error == "missing":
            raise ValidationError(self.env._("Enter the visitor's own mobile number."))
        if error == "masked":
            raise ValidationError(
                self.env._("The mobile number is partial or masked: enter the complete number.")
            )
        e164 = not error and self.env["crm.lead"]._phone_format(
            number=cleaned, country=company._protection_phone_country(), force_format="E164"
        )
        if not e164 or not identity.is_complete_mobile(e164, MOBILE_FORMATS):
            raise ValidationError(
                self.env._("%(phone)s is not a complete mobile number.", phone=raw)
            )
        return e164

    def _registered_owner(self, e164):
        """Salesperson whose active registration protects ``e164``, or an empty recordset."""
        if not e164:
            return self.env["res.users"]
        company = self.company_id or self.env.company
        keys = identity.customer_keys(phone=e164, household=self._household_of_phone(e164))
        hits = self.env["lead.protection.key"].sudo()._find_active(company.id, keys)
        # The visitor's own number first, then his family's registration (LP-5, LP-15).
        hits.sort(key=lambda hit: hit[0] != identity.PHONE)
        return self.env["res.users"].browse(hits[0][3] if hits else [])

    def _household_of_phone(self, e164):
        """LP-5, LP-15: lead_protection's household key of the customer with this mobile
        (the head of his family), or None."""
        company = self.company_id or self.env.company
        partner = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("phone_sanitized", "=", e164),
                    ("company_id", "in", (company.id, False)),
                    ("household_id", "!=", False),
                ],
                limit=1,
            )
        )
        return partner.protection_household_key if partner else None

    def _household_key(self, vals, company):
        """LP-15: the key of the visitor's family or company: typed, or that of the earlier
        visit of the same family chosen at the desk."""
        typed = vals.get("household_input")
        if typed is not None and typed is not False and not isinstance(typed, str):
            raise ValidationError(self.env._("Type the family or company as text."))
        key = reception.household_key(typed)
        if key:
            return key
        earlier = vals.get("household_visit_id")
        if not earlier:
            return False
        if not isinstance(earlier, int) or isinstance(earlier, bool):
            raise ValidationError(self.env._("Choose one earlier visit of the same family."))
        # Read with the caller's rights: the desk keeps the book, a salesperson his own.
        earlier = self.browse(earlier).exists()
        if earlier:
            earlier.check_access("read")
        if not earlier or earlier.company_id != company:
            raise ValidationError(self.env._("Choose an earlier visit of this company."))
        return reception.household_of_visit(earlier.id, earlier.household_key)

    def _household_owner(self, key, company):
        """LP-15: the salesperson of the household's first walk-in visit (its own history,
        registered or not), or an empty recordset."""
        if not key:
            return self.env["res.users"]
        domain = fields.Domain("household_key", "=", key)
        anchor = reception.household_anchor(key)
        if anchor:
            domain |= fields.Domain("id", "=", anchor)
        visits = self.sudo().search_fetch(
            fields.Domain.AND(
                [
                    domain,
                    [
                        ("company_id", "=", company.id),
                        ("channel", "=", "walk_in"),
                        ("state", "!=", "cancelled"),
                        ("owner_id", "!=", False),
                    ],
                ]
            ),
            ["visit_at", "owner_id"],
            order="visit_at, id",
            limit=1,
        )
        owner = reception.first_household_owner(
            [(visit.visit_at, visit.id, visit.owner_id.id) for visit in visits]
        )
        return self.env["res.users"].browse(owner or [])

    # --- Creating an entry (LP-27, LP-28, LP-15, LP-37..LP-40)

    def _check_answers(self, vals):
        """LP-28: the three answers, and who for each "yes"."""
        missing = reception.missing_answers(
            vals.get("asks_for"), vals.get("been_before"), vals.get("has_appointment")
        )
        if missing:
            raise ValidationError(
                self.env._(
                    "Ask the visitor the three questions before saving: is he looking for "
                    "someone, has he been here before, does he have an appointment."
                )
            )
        if vals["asks_for"] == reception.YES and not (
            vals.get("asked_user_id") or vals.get("asked_member_id")
        ):
            raise ValidationError(self.env._("Enter whom the visitor is looking for."))
        if vals["has_appointment"] == reception.YES and not vals.get("appointment_user_id"):
            raise ValidationError(self.env._("Enter whom the visitor has an appointment with."))

    def _check_team(self, team):
        """A salesperson enters visitors of his own team; the desk and managers of any."""
        user = self.env.user
        if user.has_group(RECEPTIONIST) or user.has_group(MANAGER):
            return
        if user not in team.sudo().member_ids and user != team.sudo().user_id:
            raise UserError(
                self.env._(
                    "You may only enter visitors of your own sales team (%(team)s).",
                    team=team.display_name,
                )
            )

    def _suspended_users(self, company, day):
        return (
            self.env["lead.reception.suspension"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "confirmed"),
                    ("date_from", "<=", day),
                    ("date_to", ">=", day),
                ]
            )
            .user_id
        )

    def _rotation_receive(self, team, company, named, owner):
        """The receiver from the team's rotation (LP-15, LP-40..LP-43); moves it."""
        rota = self.env["lead.protection.rotation"].sudo().search([("team_id", "=", team.id)])
        # Checked with the caller's rights: its team's manager or its receptionists (LP-15).
        rota.with_env(self.env)._check_receives()
        # Two receptionists at once would both give the same turn: one waits for the other.
        rota._protection_lock()
        lines = rota.line_ids.sorted("sequence")
        order = lines.user_id.ids
        today = company._reception_local(fields.Datetime.now()).date()
        busy = {line.user_id.id for line in lines if line.status in ("busy", BUSY_PROSPECT)}
        receiver, position, owed = reception.rotation_receive(
            order,
            rota.position % len(order) if order else 0,
            rotation.next_receiver,
            busy_buyer={line.user_id.id for line in lines if line.status == "busy"},
            busy_prospect={line.user_id.id for line in lines if line.status == BUSY_PROSPECT},
            absent={line.user_id.id for line in lines if line.status == "absent"},
            suspended=set(self._suspended_users(company, today).ids),
            owed=lines.filtered("owed").sorted("owed_since").user_id.ids,
            named=named.id if named else None,
            owner=owner.id if owner else None,
            owner_busy=bool(owner) and owner.id in busy,
        )
        if receiver is None:
            raise UserError(self.env._("Nobody of the team is available to receive."))
        now = fields.Datetime.now()
        for line in lines:
            is_owed = line.user_id.id in owed
            if is_owed != line.owed:
                line.write({"owed": is_owed, "owed_since": now if is_owed else False})
        rota.position = position
        return self.env["res.users"].browse(receiver)

    def _member_consultant(self, member):
        """LP-37: the consultant of the member a visitor asks for (his salesperson here;
        lead_membership uses the membership's consultant)."""
        return member.user_id

    def _prepare_decision(self, vals):
        """Server-decided values of a new entry: mobile, receiver, whose customer."""
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        if company not in self.env.user.company_ids:
            raise UserError(self.env._("You cannot enter visitors of another company."))
        team = self.env["crm.team"].browse(vals.get("team_id"))
        if not team:
            raise ValidationError(self.env._("Choose the sales team of the visit."))
        self._check_team(team)
        self._check_answers(vals)
        e164 = self._check_phone(vals.get("phone_input"), company)
        Users = self.env["res.users"]
        named = Users.browse(vals.get("asked_user_id"))
        owner = self.with_company(company)._registered_owner(e164)
        household = self._household_key(vals, company)
        household_owner = (
            self._household_owner(household, company)
            if not owner and vals.get("channel") != "phone"
            else self.env["res.users"]
        )
        if self.env.user.has_group(RECEPTIONIST):
            if (
                not self.env["lead.protection.rotation"]
                .sudo()
                .search_count([("team_id", "=", team.id)])
            ):
                raise UserError(
                    self.env._(
                        "%(team)s has no reception rotation: its manager sets one up.",
                        team=team.display_name,
                    )
                )
            receiver = self._rotation_receive(team, company, named, owner or household_owner)
        else:
            # A salesperson keeping the book of the visitors he receives himself.
            receiver = self.env.user
        if vals.get("channel") == "phone":
            # LP-40: a call protects nothing; the caller's visit decides.
            owner_id, reason = False, "call"
        else:
            member = self.env["res.partner"].browse(vals.get("asked_member_id")).sudo()
            owner_id, reason = reception.reception_owner(
                receiver.id,
                named=named.id or None,
                member_consultant=self._member_consultant(member).id or None,
                voucher=vals.get("voucher_user_id") or None,
                appointment=vals.get("appointment_user_id") or None,
                registered_owner=owner.id or None,
                household_owner=household_owner.id or None,
            )
        return {
            "company_id": company.id,
            "phone": e164,
            "visit_at": fields.Datetime.now(),
            "receiver_id": receiver.id,
            "owner_id": owner_id,
            "owner_reason": reason,
            "household_key": household,
            "name": self.env["ir.sequence"]
            .sudo()
            .with_company(company)
            .next_by_code("lead.reception.visit")
            or "/",
        }

    @api.model_create_multi
    def create(self, vals_list):
        bypassed = self._guard_bypassed()
        if not bypassed:
            guarded, _frozen = self._guard_declarations()
            for vals in vals_list:
                refused = [name for name in vals if name in guarded]
                if refused:
                    self._guard_raise(refused)
        # Data loaded by the administrator (demo, imports) may carry its own decision.
        vals_list = [
            vals
            if bypassed and "receiver_id" in vals
            else dict(vals, **self._prepare_decision(vals))
            for vals in vals_list
        ]
        with self._guard_workflow():
            visits = super().create(vals_list)
        visits._link_brought_by()
        visits._notify_owner()
        return visits

    def _link_brought_by(self):
        """LP-38: the visitor's customer record remembers who brought him."""
        for visit in self.filtered("brought_by_id"):
            Partner = self.env["res.partner"].sudo()
            partner = Partner.search(
                [
                    ("phone_sanitized", "=", visit.phone),
                    ("company_id", "in", (visit.company_id.id, False)),
                ],
                limit=1,
            ) or Partner.create(
                {
                    "name": visit.visitor_name,
                    "phone": visit.phone,
                    "company_id": visit.company_id.id,
                }
            )
            if not partner.brought_by_id and partner != visit.brought_by_id:
                partner.brought_by_id = visit.brought_by_id
            with self._guard_workflow():
                visit.sudo().partner_id = partner

    def _notify_owner(self):
        """LP-39, LP-43: the salesperson a visitor belongs to is told at once."""
        for visit in self.filtered(lambda v: v.owner_id and v.owner_id != v.receiver_id):
            env = visit._in_lang_of(visit.owner_id).env  # written for the owner
            visit.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=visit.owner_id.id,
                summary=env._("Your customer is at the desk"),
                note=env._(
                    "%(visitor)s is at the desk, received by %(receiver)s.",
                    visitor=visit.visitor_name,
                    receiver=visit.receiver_id.name,
                ),
            )

    # --- Guard

    def _guard_open_records(self):
        return self.filtered(lambda v: v.state == "entered")

    def _guard_deletable(self):
        return self.browse()

    def _guard_hint(self):
        return self.env._(
            "A visit-book entry is a record: start the tour, end it or cancel it with the "
            "buttons; the order's number is added with “Add Order's Number”."
        )

    # --- Workflow (LP-27: no tour without an entry)

    def _check_handler(self):
        user = self.env.user
        for visit in self:
            if user in (visit.receiver_id | visit.owner_id) or user.has_group(RECEPTIONIST):
                continue
            if user.has_group(MANAGER) and visit.team_id.user_id == user:
                continue
            raise UserError(
                self.env._("Only the receiver, the desk or the team's manager can do this.")
            )

    def _move(self, from_states, to_state):
        self._check_handler()
        if self.filtered(lambda v: v.state not in from_states):
            raise UserError(self.env._("This step does not follow from the entry's state."))
        with self._guard_workflow():
            self.write({"state": to_state})
        return True

    def action_start_tour(self):
        """LP-27: the tour starts from the entry."""
        return self._move(("entered",), "touring")

    def action_end_visit(self):
        return self._move(("entered", "touring"), "done")

    def action_cancel(self):
        return self._move(("entered",), "cancelled")

    def _add_order_phone(self, lead):
        """LP-30: the order's salesperson adds the order's number, the same day, marked as
        the same person."""
        self.ensure_one()
        lead.ensure_one()
        if not lead.user_id or lead.user_id != self.env.user:
            raise UserError(self.env._("Only the order's salesperson adds its number."))
        if lead.reception_visit_id != self:
            raise UserError(self.env._("This order was not made from this visit."))
        e164 = self.env["lead.protection.registration"]._lead_phone(lead)
        if not reception.reconciliation_due(e164, [self.phone, self.extra_phone]):
            raise UserError(self.env._("The order's number is already in the entry."))
        with self._guard_workflow():
            self.sudo().write(
                {
                    "extra_phone": e164,
                    "extra_phone_by_id": self.env.uid,
                    "extra_phone_at": fields.Datetime.now(),
                }
            )
        self.sudo()._suite_message_post(
            lambda env: env._(
                "%(phone)s, the number of order %(order)s, is the same person.",
                phone=e164,
                order=lead.name,
            )
        )
        return True

    @api.model
    def _take_over(self, raw_phone):
        """LP-45: take one's customer over from a colleague's reception of today, with one's
        own appointment (LP-24) of the same day; the entry is found by the mobile, since the
        colleague's entries are not readable."""
        user = self.env.user
        company = self.env.company
        e164 = self._check_phone(raw_phone, company)
        now = fields.Datetime.now()
        today = company._reception_local(now).date()
        visit = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("phone", "=", e164),
                ("state", "in", ("entered", "touring")),
                ("channel", "=", "walk_in"),
                ("visit_date", "=", today),
                ("owner_id", "!=", user.id),
            ],
            limit=1,
        )
        if not visit:
            raise UserError(self.env._("No colleague is receiving this customer now."))
        appointments = (
            self.env["lead.protection.registration"]
            .sudo()
            .search(
                [
                    ("user_id", "=", user.id),
                    ("phone", "=", e164),
                    ("kind_id", "=", self.env.ref("lead_protection.kind_appointment").id),
                    ("company_id", "=", company.id),
                ]
            )
        )
        if not any(
            reception.handover_allowed(
                user.id, reg.user_id.id, company._reception_local(reg.registered_at).date(), today
            )
            for reg in appointments
        ):
            raise UserError(
                self.env._(
                    "Without your own appointment of today you may not take this visitor over; "
                    "claim the deal afterwards with your follow-up sheet (LP-10)."
                )
            )
        with self._guard_workflow():
            visit.write({"owner_id": user.id, "owner_reason": "handover"})
        visit._suite_message_post(
            lambda env: env._(
                "%(user)s took the visitor over with his appointment.", user=user.name
            )
        )
        return visit

    def action_create_opportunity(self):
        """The owner turns the visit into an opportunity linked to it (LP-30)."""
        self.ensure_one()
        if self.owner_id != self.env.user:
            raise UserError(self.env._("Only the salesperson the visitor belongs to can do this."))
        lead = self.env["crm.lead"].create(
            {
                "name": self.env._("Visit: %s", self.visitor_name),
                "contact_name": self.visitor_name,
                "phone": self.phone,
                "partner_id": self.partner_id.id,
                "user_id": self.env.uid,
                "team_id": self.team_id.id,
                "type": "opportunity",
            }
        )
        lead._reception_link_visit(self)
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": lead.id,
            "view_mode": "form",
        }

    def _log_unreachable(self, outcome):
        """LP-23: the desk called the visitor's number and it failed: logged on the
        registration that protects him (which the desk does not read), for its salesperson."""
        self._guard_ensure_one()
        self._check_handler()
        hits = (
            self.env["lead.protection.key"]
            .sudo()
            ._find_active(self.company_id.id, identity.customer_keys(phone=self.sudo().phone))
        )
        if not hits:
            raise UserError(self.env._("No registration protects this visitor's number."))
        registration = self.env["lead.protection.registration"].browse(hits[0][2])
        return registration._log_unreachable(outcome)

    def action_unreachable_no_connect(self):
        """LP-23: the visitor's number does not connect."""
        return self._log_unreachable("no_connect")

    def action_unreachable_suspended(self):
        """LP-23: the visitor's number is suspended."""
        return self._log_unreachable("suspended")

    def action_report_grabbing(self):
        """LP-43: the named salesperson (or the manager) reports the receiver kept him."""
        self.ensure_one()
        self.env["lead.reception.suspension"]._report(self)
        return True

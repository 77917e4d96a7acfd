# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Follow-up sheets (跟進表, LP-19, LP-20) and appointments (預約登記, LP-24) are kinds of
registration: these extensions give the registration their evidence rules."""

import psycopg2.errors

from odoo import SUPERUSER_ID, Command, api, fields, models
from odoo.exceptions import ConcurrencyError, UserError

from ..tools import identity, sheets

# States in which a registration was valid when it protected (it may have ended since).
VALID_STATES = ("active", "contracted", "collided", "expired")
SIGNED = ("signed", "sms")


class LeadProtectionKind(models.Model):
    _inherit = "lead.protection.kind"

    # Who may change what: the role decides which rules a kind's registrations follow
    # (LP-19, LP-20, LP-24): only an administrator sets it.
    _guarded_fields = ("protection_role",)

    protection_role = fields.Selection(
        [(sheets.SHEET, "Follow-up Sheet"), (sheets.APPOINTMENT, "Appointment")],
        string="Evidence Role",
        help="Follow-up Sheet: the main evidence of who follows a customer (LP-19, LP-20). "
        "Appointment: protects its day once the director or the general manager signed it "
        "(LP-24).",
    )


class LeadProtectionKey(models.Model):
    _inherit = "lead.protection.key"

    @api.model
    def _registrations_of(self, user_id, company_id, keys):
        """Ids of the registrations of ``user_id`` that ever protected one of ``keys``."""
        keys = list(keys)
        if not keys:
            return []
        self.flush_model()
        self.env.cr.execute(
            """
            SELECT DISTINCT key.registration_id
              FROM lead_protection_key key
             WHERE key.user_id = %s
               AND key.company_id = %s
               AND (key.key_type, key.key_value) IN (
                    SELECT * FROM unnest(%s::varchar[], %s::varchar[]))
            """,
            [user_id, company_id, [key[0] for key in keys], [key[1] for key in keys]],
        )
        return [row[0] for row in self.env.cr.fetchall()]


# One extension per rule family keeps each rule's fields, guards and actions in one file
# (LP-23/LP-26 procedures extend the registration in lead_protection_registration_procedure.py).
class LeadProtectionRegistration(models.Model):
    _inherit = "lead.protection.registration"  # pylint: disable=consider-merging-classes-inherited

    # Who may change what (LP-19, LP-24): the follow-up evidence of a registration is
    # written only by its own salesperson (not his manager, not HR, who read it); the
    # signature of an appointment only by the signing workflow.
    _guarded_fields = (
        "held_since",
        "protection_role",
        "sheet_completeness",
        "appointment_state",
        "signed_by_id",
        "signed_at",
        "sms_recipient_ids",
        "masked_phone",
        "covering_sheet_id",
    )

    protection_role = fields.Selection(
        related="kind_id.protection_role", store=True, index=True, string="Evidence Role"
    )
    # LP-19: every update of the evidence is kept, dated and signed, in the chatter.
    expected_revenue = fields.Monetary(tracking=True)
    expected_unit_price = fields.Monetary(tracking=True)
    expected_signing_date = fields.Date(tracking=True)
    contact_feedback = fields.Text(tracking=True)
    sheet_completeness = fields.Float(
        string="Completeness (%)",
        compute="_compute_sheet_completeness",
        store=True,
        aggregator="avg",
        help="LP-19: share of the follow-up evidence filled (expected amount, unit price, "
        "signing date, contact feedback), weighed by the adjudicator (LP-7).",
    )
    can_edit_evidence = fields.Boolean(compute="_compute_can_edit_evidence")
    appointment_state = fields.Selection(
        [("unsigned", "Awaiting Signature"), ("signed", "Signed"), ("sms", "Signed by SMS")],
        readonly=True,
        copy=False,
        tracking=True,
        help="LP-24: an appointment protects only once the director or the general manager "
        "signed it, or an SMS to them was sent while they were all away.",
    )
    signed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    signed_at = fields.Datetime(readonly=True, copy=False)
    sms_recipient_ids = fields.Many2many(
        "res.users",
        "lead_protection_registration_sms_rel",
        "registration_id",
        "user_id",
        string="SMS Sent To",
        readonly=True,
        copy=False,
    )
    masked_phone = fields.Char(
        string="Number as Written",
        readonly=True,
        help="LP-24: the number with its middle four digits left out, accepted because the "
        "salesperson holds a valid follow-up sheet on the customer.",
    )
    covering_sheet_id = fields.Many2one(
        "lead.protection.registration",
        string="Covering Registration",
        readonly=True,
        index="btree_not_null",
        help="The salesperson's own registration that already protects the customer of "
        "this appointment.",
    )
    can_sign = fields.Boolean(compute="_compute_can_sign")

    @api.model
    def _prepare_registration(self, lead, kind, memo=None):
        memo = {} if memo is None else memo
        result, errors = super()._prepare_registration(lead, kind, memo=memo)
        if result:
            if ("role", kind) not in memo:
                memo[("role", kind)] = kind.sudo().protection_role
            vals, _keys = result
            # Inserted with the registration: their batch recomputation after the insert
            # finds the same values and writes nothing (no UPDATE of the batch).
            vals["sheet_completeness"] = sheets.completeness(vals)
            vals["protection_role"] = memo[("role", kind)]
        return result, errors

    @api.depends(*sheets.EVIDENCE_FIELDS)
    def _compute_sheet_completeness(self):
        for registration in self:
            registration.sheet_completeness = sheets.completeness(
                {name: registration[name] for name in sheets.EVIDENCE_FIELDS}
            )

    @api.depends("user_id", "state")
    @api.depends_context("uid")
    def _compute_can_edit_evidence(self):
        for registration in self:
            registration.can_edit_evidence = registration.user_id == self.env.user and bool(
                registration._guard_open_records()
            )

    @api.depends("appointment_state", "user_id", "company_id")
    @api.depends_context("uid")
    def _compute_can_sign(self):
        user = self.env.user
        for registration in self:
            registration.can_sign = (
                registration.appointment_state == "unsigned"
                and registration.user_id != user
                and user in registration.sudo().company_id.protection_appointment_signer_ids
            )

    # --- LP-19: only the sheet's own salesperson writes its evidence

    def write(self, vals):
        if set(vals) & set(sheets.EVIDENCE_FIELDS) and not self._guard_bypassed():
            others = self.filtered(lambda registration: registration.user_id != self.env.user)
            if others:
                raise UserError(
                    self.env._(
                        "Only the salesperson of a registration writes its follow-up evidence "
                        "(LP-19): %(refs)s.",
                        refs=", ".join(others.sudo().mapped("name")),
                    )
                )
        return super().write(vals)

    def _protection_day(self):
        """Day D of the registration in its company's time zone (LP-3)."""
        self.ensure_one()
        return self.company_id._suite_today(self.registered_at)

    # --- Registering sheets and appointments

    @api.model
    def _register_leads(self, leads, kind):
        role = (
            kind.sudo().protection_role
            if getattr(kind, "_name", None) == "lead.protection.kind" and len(kind) == 1
            else False
        )
        if role == sheets.APPOINTMENT and getattr(leads, "_name", None) == "crm.lead" and leads:
            return self._register_appointments(leads, kind)
        registrations = super()._register_leads(leads, kind)
        if role == sheets.SHEET:
            registrations.sudo()._lp20_check_new_sheets()
        return registrations

    @api.model
    def _register_appointments(self, leads, kind):
        """LP-24: appointments of the current user. A customer he already protects (his
        sheet) gets an appointment under that protection, with a masked number if he likes;
        any other customer is registered as usual, and protects once signed."""
        covered, errors = self._appointment_covers(leads)
        if errors:
            raise UserError("\n".join(errors))
        rest = leads.filtered(lambda lead: lead.id not in covered)
        registered = super()._register_leads(rest, kind) if rest else self.browse()
        by_lead = dict(zip(rest.ids, registered, strict=True))
        names = self._next_names(self._name, len(covered))
        company = self.env.company
        last_day = kind._last_day(company._suite_today(), company)
        vals_list = []
        for name, lead in zip(names, leads.filtered(lambda lead: lead.id in covered), strict=True):
            cover = covered[lead.id]
            raw = lead.phone or lead.partner_id.phone
            vals_list.append(
                {
                    "name": name,
                    "lead_id": lead.id,
                    "user_id": self.env.uid,
                    "team_id": lead.team_id.id or cover.team_id.id,
                    "company_id": company.id,
                    "kind_id": kind.id,
                    "last_day": last_day,
                    "customer_name": lead.contact_name
                    or lead.partner_id.name
                    or cover.customer_name,
                    "phone": cover.phone,
                    "email": cover.email,
                    "company_name": cover.company_name,
                    "commercial_partner_id": cover.commercial_partner_id.id,
                    "street": cover.street,
                    "city": cover.city,
                    "masked_phone": raw if sheets.masked_parts(raw) else False,
                    "covering_sheet_id": cover.id,
                    "appointment_state": "unsigned",
                }
            )
        # The salesperson has no create right on the register: the checks above decided.
        created = self.sudo().create(vals_list) if vals_list else self.browse()
        by_lead.update((registration.lead_id.id, registration) for registration in created)
        uncovered = self.sudo().browse([by_lead[lead_id].id for lead_id in rest.ids])
        with self._guard_workflow("lead.protection.key"):
            uncovered.write({"appointment_state": "unsigned"})
            # Unsigned, it protects nothing yet: its keys wait for the signature.
            uncovered.key_ids.write({"active": False})
        return self.browse([by_lead[lead.id].id for lead in leads])

    @api.model
    def _appointment_covers(self, leads):
        """The user's registrations already protecting the customers of ``leads``, in
        constant queries for a batch (LP-24).

        A number without its middle four digits is accepted only when the user holds a
        valid follow-up sheet on that customer; then that sheet covers it. A complete
        number is covered by the user's own protecting registration, if any.
        :return: ({lead id: covering registration}, [errors])
        """
        company = self.env.company
        covered, errors, full = {}, [], {}
        sheets_held = None
        for lead in leads:
            raw = lead.phone or lead.partner_id.phone
            if lead.company_id and lead.company_id != company:
                continue  # the usual registration refuses it with its message
            parts = sheets.masked_parts(raw)
            if parts:
                if sheets_held is None:
                    sheets_held = self._appointment_sheets_held(company)
                candidates = sheets_held.filtered(
                    lambda sheet, parts=parts: sheets.masked_matches(parts, sheet.phone)
                )
                sheet = (
                    candidates.filtered(lambda sheet, lead=lead: sheet.lead_id == lead)[:1]
                    or candidates[:1]
                )
                if sheet:
                    covered[lead.id] = sheet
                else:
                    errors.append(
                        self.env._(
                            "%(lead)s: %(phone)s leaves out digits. An appointment may leave "
                            "out the middle four digits only when you hold a valid follow-up "
                            "sheet on that customer; otherwise enter the complete number "
                            "(LP-24).",
                            lead=lead.display_name,
                            phone=raw,
                        )
                    )
            elif not identity.clean_phone_input(raw)[1]:
                # (missing or unreadable: the usual registration says so)
                full[lead.id] = self._lead_keys(lead)
        if full:
            hits = (
                self.env["lead.protection.key"]
                .sudo()
                ._release_and_find(company.id, {key for keys in full.values() for key in keys})
            )
            mine = {}
            for key_type, key_value, registration_id, user_id in hits:
                if user_id == self.env.uid:
                    mine.setdefault((key_type, key_value), registration_id)
            for lead_id, keys in full.items():
                own = [mine[key] for key in keys if key in mine]
                if own:
                    covered[lead_id] = self.sudo().browse(own[0])
        return covered, errors

    @api.model
    def _appointment_sheets_held(self, company):
        """The user's valid follow-up sheets, oldest first (LP-24)."""
        return self.sudo().search(
            [
                ("user_id", "=", self.env.uid),
                ("company_id", "=", company.id),
                ("protection_role", "=", sheets.SHEET),
                ("state", "in", ("active", "contracted")),
                ("last_day", ">=", company._suite_today()),
            ],
            order="registered_at, id",
        )

    # --- LP-24: signing appointments

    def _check_signable(self):
        for registration in self.sudo():
            if registration.protection_role != sheets.APPOINTMENT:
                raise UserError(self.env._("%(ref)s is not an appointment.", ref=registration.name))
            if registration.appointment_state != "unsigned":
                raise UserError(self.env._("%(ref)s is already signed.", ref=registration.name))
            if registration.state not in ("active", "collided"):
                raise UserError(
                    self.env._(
                        "%(ref)s no longer protects anything: it cannot be signed.",
                        ref=registration.name,
                    )
                )
            day = registration._protection_day()
            if not sheets.signable_on(day, registration.company_id._suite_today()):
                raise UserError(
                    self.env._(
                        "An appointment protects only its day (LP-24): %(day)s is over, "
                        "%(ref)s can no longer be signed.",
                        day=day,
                        ref=registration.name,
                    )
                )

    def action_sign_appointment(self):
        """LP-24: the director or the general manager (Settings) signs the appointment;
        nobody signs his own."""
        self._protection_single()
        registration = self.sudo()
        user = self.env.user
        company = registration.company_id
        if user not in company.protection_appointment_signer_ids or company not in (
            user.company_ids
        ):
            raise UserError(
                self.env._(
                    "Only the director or the general manager set in the settings signs "
                    "appointments (LP-24)."
                )
            )
        if registration.user_id == user:
            raise UserError(self.env._("Nobody signs his own appointment (LP-24)."))
        self._protection_lock()
        self._check_signable()
        registration._sign("signed", user)
        return True

    def action_sign_by_sms(self):
        """LP-24: when the director and the general manager are all away, the salesperson
        sends them an SMS, which counts as the signature; the sending is logged."""
        self._protection_single()
        registration = self.sudo()
        if registration.user_id != self.env.user:
            raise UserError(
                self.env._(
                    "Only the salesperson of the appointment sends the SMS to the director "
                    "and the general manager (LP-24)."
                )
            )
        signers = registration.company_id.protection_appointment_signer_ids
        if not signers:
            raise UserError(
                self.env._(
                    "Nobody signs appointments yet: set the director and the general "
                    "manager in the settings (LP-24)."
                )
            )
        self._protection_lock()
        self._check_signable()
        present = (
            self.env["hr.employee"]
            .sudo()
            .search([("user_id", "in", signers.ids)])
            .filtered(lambda employee: employee.hr_presence_state == "present")
        )
        if present:
            raise UserError(
                self.env._(
                    "%(names)s is at work: ask for the signature. The SMS counts only when "
                    "the director and the general manager are all away (LP-24).",
                    names=", ".join(present.mapped("name")),
                )
            )
        for signer in signers:
            text = registration._in_lang_of(signer).env._(
                "Appointment %(ref)s of %(salesperson)s with %(customer)s on %(day)s: this "
                "message counts as your signature (LP-24).",
                ref=registration.name,
                salesperson=registration.user_id.name,
                customer=registration.customer_name,
                day=registration._protection_day(),
            )
            registration.message_post(
                body=text,
                partner_ids=signer.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        registration._sign("sms", self.env.user, signers)
        return True

    def _in_lang_of(self, user):
        return self.with_context(lang=user.lang or self.env.lang)

    def _sign(self, method, user, recipients=None):
        """Record the signature and start the protection of the appointment's day."""
        vals = {
            "appointment_state": method,
            "signed_by_id": user.id if method == "signed" else False,
            "signed_at": fields.Datetime.now(),
        }
        if recipients:
            vals["sms_recipient_ids"] = [Command.set(recipients.ids)]
        with self._guard_workflow():
            self.write(vals)
        self._activate_appointment_keys()

    def _activate_appointment_keys(self):
        """A signed appointment protects its customer until 24:00 of its day (LP-3): its
        keys become active, or it collides with whoever protects the customer now (LP-5).
        Signed appointments rank by the time they were made (LP-24): one made earlier takes
        the customer from a later one signed before it, which collides instead.
        An appointment under the salesperson's own registration has no keys of its own."""
        Key = self.env["lead.protection.key"].sudo()
        Collision = self.env["lead.protection.collision"].sudo()
        for registration in self.sudo().filtered(lambda reg: reg.state == "active"):
            keys = registration.with_context(active_test=False).key_ids
            if not keys:
                continue
            company = registration.company_id
            pairs = [(key.key_type, key.key_value) for key in keys]
            owners = self.browse(
                sorted(
                    {
                        hit[2]
                        for hit in Key._release_and_find(company.id, pairs)
                        if hit[2] != registration.id
                    }
                )
            ).sudo()
            later = owners.filtered(
                lambda owner, registration=registration: (
                    owner.protection_role == sheets.APPOINTMENT
                    and owner.appointment_state in SIGNED
                    and owner.registered_at > registration.registered_at
                )
            )
            if owners and later != owners:
                with self._guard_workflow():
                    registration.write({"state": "collided"})
                Collision._open([(registration, owners.ids)])
                continue
            if later:
                with self._guard_workflow("lead.protection.key"):
                    later.key_ids.write({"active": False})
                    later.write({"state": "collided"})
            try:
                with self.env.cr.savepoint(), keys._guard_workflow():
                    keys.write(
                        {
                            "active": True,
                            "protected_until": Key._end_instant(registration.last_day, company),
                        }
                    )
                    keys.flush_recordset()
            except psycopg2.errors.UniqueViolation as error:
                raise ConcurrencyError("Customer protected concurrently, retrying") from error
            if later:
                Collision._open([(appointment, [registration.id]) for appointment in later])

    # --- LP-20: two sheets on one customer

    def _lp20_check_new_sheets(self):
        """LP-20: a new sheet on a customer a colleague held a valid sheet on from an earlier
        day is invalid and its maker is fined. Same-day sheets stay in their collision case,
        which LP-20 decides (``lead.protection.collision.action_apply_sheet_rule``)."""
        cases = (
            self.env["lead.protection.collision"]
            .sudo()
            .search([("challenger_registration_id", "in", self.ids)])
        )
        void = cases.filtered(lambda case: case._lp20_new_sheet_void())
        # Decided by the rule, not by the salesperson whose request made the sheet.
        for case in void.with_user(SUPERUSER_ID):
            case._lp20_void_new_sheet()

    def _lp20_fine(self):
        """LP-20: fine the makers of these invalid sheets through the fine catalogue, once
        per sheet: the sheet's fine mark is unique (a second call, or a second worker,
        finds it and fines nothing)."""
        registrations = self.sudo()
        offenders = registrations._protection_offenders()
        Mark = self.env["lead.protection.sheet.fine"].sudo()
        Offence = self.env["incentive.offence"].sudo()
        fined = self.browse()
        for registration in registrations:
            # The unique index decides: a second call (or a second worker, once the first
            # committed) inserts nothing and fines nothing.
            self.env.cr.execute(
                """
                INSERT INTO lead_protection_sheet_fine
                       (registration_id, company_id, create_uid, create_date, write_uid,
                        write_date)
                VALUES (%s, %s, %s, now() AT TIME ZONE 'UTC', %s, now() AT TIME ZONE 'UTC')
                ON CONFLICT (registration_id) DO NOTHING
                RETURNING id
                """,
                [
                    registration.id,
                    registration.company_id.id,
                    self.env.uid,
                    self.env.uid,
                ],
            )
            row = self.env.cr.fetchone()
            if not row:
                continue
            mark = Mark.browse(row[0])
            offence = Offence._record_offence(
                "incentive_ledger.fine_type_lp20_sheet",
                offenders[registration],
                source=registration,
                date=registration._protection_day(),
                description=registration._in_lang_of(registration.user_id).env._(
                    "Follow-up sheet %(ref)s on a customer a colleague held an earlier sheet "
                    "on (LP-20)",
                    ref=registration.name,
                ),
            )
            with mark._guard_workflow():
                mark.write({"offence_id": offence[:1].id})
            fined |= registration
        return fined

    @api.model
    def _load_demo_sheets(self, evidence, signatures):
        """Demo data: salespeople fill in their sheets (xmlid of the lead, values) and the
        signers sign appointments (xmlid of the lead, xmlid of the signer), as they would."""
        for lead_xmlid, values in evidence:
            sheet = self.sudo().search([("lead_id", "=", self.env.ref(lead_xmlid).id)], limit=1)
            sheet.with_user(sheet.user_id).write(values)
        for lead_xmlid, user_xmlid in signatures:
            appointment = self.sudo().search(
                [("lead_id", "=", self.env.ref(lead_xmlid).id)], limit=1
            )
            appointment.with_user(self.env.ref(user_xmlid)).action_sign_appointment()


class LeadProtectionSheetFine(models.Model):
    """LP-20: the mark that a sheet's maker was fined, unique per sheet."""

    _name = "lead.protection.sheet.fine"
    _inherit = ["lead.protection.guard.mixin"]
    _description = "Fine of an Invalid Follow-up Sheet"
    _rec_name = "registration_id"

    # Who may change what: only the LP-20 workflow creates these marks; nobody edits them.
    _guarded_fields = ("registration_id", "offence_id", "company_id")
    _guard_unlink = "_guard_deletable"

    registration_id = fields.Many2one(
        "lead.protection.registration", required=True, ondelete="restrict", readonly=True
    )
    offence_id = fields.Many2one("incentive.offence", readonly=True)
    company_id = fields.Many2one(related="registration_id.company_id", store=True)

    _one_fine_per_sheet = models.UniqueIndex(
        "(registration_id)", "The maker of this follow-up sheet is already fined (LP-20)."
    )

    def _guard_deletable(self):
        return self.browse()

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError

from ..tools import collision, identity

# Country calling code -> (national length, leading digits) of a complete mobile number.
MOBILE_FORMATS = {"86": (11, "1")}


class LeadProtectionRegistration(models.Model):
    """A salesperson's registration (报备) of a prospect, protecting it for a window."""

    _name = "lead.protection.registration"
    _description = "Customer Registration"
    _inherit = ["mail.thread", "mail.activity.mixin", "lead.protection.guard.mixin"]
    _order = "registered_at desc, id desc"
    _check_company_auto = True

    # Who may change what: the rule fields are written only by the registration itself
    # (LP-1, LP-3), the expiry (LP-4), collisions (LP-5..LP-9), fake marking (LP-11), a
    # leaver's release (LP-13) and reassignment (LP-14). The follow-up evidence weighed in an
    # adjudication (LP-7) is edited while the registration protects, and frozen after.
    _guarded_fields = (
        "name",
        "lead_id",
        "user_id",
        "team_id",
        "company_id",
        "kind_id",
        "registered_at",
        "held_since",
        "last_day",
        "state",
        "invalid_reason",
        "fake",
        "customer_name",
        "phone",
        "email",
        "company_name",
        "commercial_partner_id",
        "street",
        "city",
        "key_ids",
        "currency_id",
    )
    _guard_frozen_fields = (
        "expected_revenue",
        "expected_unit_price",
        "expected_signing_date",
        "contact_feedback",
    )
    _guard_unlink = "_guard_deletable"
    _protection_ranges = {
        "expected_revenue": (0, None),
        "expected_unit_price": (0, None),
    }

    name = fields.Char(string="Reference", required=True, readonly=True, default="/", copy=False)
    lead_id = fields.Many2one(
        "crm.lead", required=True, index=True, ondelete="restrict", check_company=True
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True, tracking=True
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    kind_id = fields.Many2one("lead.protection.kind", required=True, tracking=True)
    registered_at = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    held_since = fields.Datetime(
        default=fields.Datetime.now,
        readonly=True,
        help="When the current salesperson got the customer: registration, or assignment by "
        "the manager (LP-13, LP-14). LP-14's months without service count from here at the "
        "earliest.",
    )
    last_day = fields.Date(
        string="Protected Until", required=True, tracking=True, help="Last protected day (LP-3)."
    )
    state = fields.Selection(
        [
            ("active", "Protected"),
            ("contracted", "Contract Signed"),
            ("collided", "Collision"),
            ("expired", "Expired"),
            ("invalid", "Invalid"),
            ("company", "Company Resource"),
            ("released", "Released"),
        ],
        required=True,
        default="active",
        index=True,
        tracking=True,
    )
    invalid_reason = fields.Char(tracking=True)
    fake = fields.Boolean(string="Fake Registration", readonly=True, tracking=True)
    _expected_revenue_positive = models.Constraint(
        "CHECK (expected_revenue IS NULL OR expected_revenue >= 0)",
        "The expected amount of a registration cannot be negative.",
    )
    _expected_unit_price_positive = models.Constraint(
        "CHECK (expected_unit_price IS NULL OR expected_unit_price >= 0)",
        "The expected unit price of a registration cannot be negative.",
    )

    # --- The customer, as registered (LP-1)
    customer_name = fields.Char(required=True)
    phone = fields.Char(string="Mobile (E.164)", required=True)
    email = fields.Char()
    company_name = fields.Char(string="Customer Company")
    commercial_partner_id = fields.Many2one("res.partner", string="Customer Partner")
    street = fields.Char(string="Address")
    city = fields.Char()

    # --- Follow-up evidence, weighed by the manager in an adjudication (LP-7)
    expected_revenue = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    expected_unit_price = fields.Monetary(currency_field="currency_id")
    expected_signing_date = fields.Date()
    contact_feedback = fields.Text()

    key_ids = fields.One2many("lead.protection.key", "registration_id", readonly=True)

    # --- Chatter at batch speed

    @api.model_create_multi
    def create(self, vals_list):
        # mail.thread subscribes the creating user and logs the creation note through one
        # ORM create per record, and auto-subscribes each record's salesperson with one
        # follower query per record. A batch registration does the first two in constant
        # queries (_suite_log_creation); a registration's salesperson is the user
        # registering (LP-1): already subscribed. The registration has no tracking template
        # (_track_template): mail_notrack spares the pre-commit call per new record that
        # would look for one; the values of new records are never tracked anyway.
        quiet, subscribe, log = self._suite_quiet_create()
        registrations = super(
            LeadProtectionRegistration, quiet.with_context(protection_creator_follows=subscribe)
        ).create(vals_list)
        registrations = registrations.with_env(self.env)
        registrations._suite_log_creation(subscribe=subscribe, log=log)
        return registrations

    def _message_auto_subscribe(self, updated_values, followers_existing_policy="skip"):
        if (
            self.env.context.get("protection_creator_follows")
            and updated_values.get("user_id") == self.env.uid
            and self.env.user.active
            and not self.env.user.share
        ):
            return True
        return super()._message_auto_subscribe(
            updated_values, followers_existing_policy=followers_existing_policy
        )

    # --- Guard

    def _guard_open_records(self):
        """Follow-up evidence is edited while the registration protects or is disputed."""
        return self.filtered(lambda reg: reg.state in ("active", "contracted", "collided"))

    def _guard_deletable(self):
        """Registrations are never deleted: they are the register (LP-12)."""
        return self.browse()

    def _guard_hint(self):
        return self.env._(
            "A registration changes only by registering, expiry, a collision case, marking it "
            "fake or a reassignment."
        )

    # --- Registering

    def _protection_country(self, lead):
        return lead.country_id or (lead.company_id or self.env.company)._protection_phone_country()

    @api.model
    def _lead_phone(self, lead):
        """The lead's phone in E.164 as registrations store it, or False."""
        cleaned, error = identity.clean_phone_input(lead.phone or lead.partner_id.phone)
        if error:
            return False
        return self._protection_e164(lead, cleaned)

    @api.model
    def _protection_e164(self, lead, cleaned):
        """E.164 of a cleaned number of ``lead``'s customer (LP-1): plain mobiles directly
        from the phone metadata, anything else through phone_validation."""
        country = self._protection_country(lead)
        return identity.quick_mobile_e164(
            cleaned, country.code and identity.mobile_metadata(country.code)
        ) or lead._phone_format(number=cleaned, country=country, force_format="E164")

    @api.model
    def _lead_keys(self, lead):
        """Identity keys of a lead's customer, as a registration of it would protect."""
        commercial = lead.partner_id.commercial_partner_id
        return identity.customer_keys(
            phone=self._lead_phone(lead),
            email=lead.email_normalized or None,
            company_id=commercial.id if commercial.is_company else None,
            company_name=lead.partner_name or (commercial.is_company and commercial.name) or None,
            household=lead.partner_id.protection_household_key if lead.partner_id else None,
        )

    @api.model
    def _prepare_registration(self, lead, kind, memo=None):
        """Values of the registration of ``lead``, or the list of what to fix (LP-1).

        :param memo: a dict shared by the leads of one batch (same kind, same company):
            what does not depend on the lead is read once
        """
        memo = {} if memo is None else memo
        errors = []
        if lead.company_id and lead.company_id != self.env.company:
            errors.append(
                self.env._(
                    "%(lead)s belongs to %(company)s: switch to that company to register it.",
                    lead=lead.display_name,
                    company=lead.company_id.name,
                )
            )
        customer_name = lead.contact_name or lead.partner_id.name
        if not customer_name:
            errors.append(
                self.env._("%(lead)s: enter the customer's name.", lead=lead.display_name)
            )
        cleaned, phone_error = identity.clean_phone_input(lead.phone or lead.partner_id.phone)
        e164 = False
        if phone_error == "missing":
            errors.append(
                self.env._(
                    "%(lead)s: enter the customer's own mobile number.", lead=lead.display_name
                )
            )
        elif phone_error == "masked":
            errors.append(
                self.env._(
                    "%(lead)s: the mobile number is partial or masked; enter the customer's "
                    "complete number.",
                    lead=lead.display_name,
                )
            )
        elif phone_error == "unreadable":
            errors.append(
                self.env._(
                    "%(lead)s: %(phone)s is not a phone number.",
                    lead=lead.display_name,
                    phone=lead.phone,
                )
            )
        else:
            e164 = self._protection_e164(lead, cleaned)
            if not identity.is_complete_mobile(e164, MOBILE_FORMATS):
                errors.append(
                    self.env._(
                        "%(lead)s: %(phone)s is not a complete mobile number of the customer.",
                        lead=lead.display_name,
                        phone=lead.phone,
                    )
                )
        if not (lead.street and lead.city):
            errors.append(
                self.env._(
                    "%(lead)s: enter the customer's address (street and city).",
                    lead=lead.display_name,
                )
            )
        if ("required", kind) not in memo:
            # Salespeople may not read ir.model.fields; the kind's configuration is not secret.
            required = kind.sudo().required_field_ids
            memo[("required", kind)] = required, required.mapped("name")
        required, required_names = memo[("required", kind)]
        missing = identity.missing_fields({f.name: lead[f.name] for f in required}, required_names)
        if missing:
            errors.append(
                self.env._(
                    "%(lead)s: a %(kind)s registration also needs %(fields)s.",
                    lead=lead.display_name,
                    kind=kind.name,
                    fields=", ".join(
                        required.filtered(lambda f: f.name in missing).mapped("field_description")
                    ),
                )
            )
        if errors:
            return None, errors
        company = lead.company_id or self.env.company
        commercial = lead.partner_id.commercial_partner_id
        if ("window", kind, company) not in memo:
            # Day D is the registration's date in the company's time zone (LP-3).
            today = company._protection_date()
            memo[("window", kind, company)] = kind._last_day(today, company)
        vals = {
            "lead_id": lead.id,
            "user_id": self.env.uid,
            "team_id": lead.team_id.id,
            "company_id": company.id,
            "kind_id": kind.id,
            "last_day": memo[("window", kind, company)],
            "customer_name": customer_name,
            "phone": e164,
            "email": lead.email_normalized or False,
            "company_name": lead.partner_name
            or (commercial.is_company and commercial.name)
            or False,
            "commercial_partner_id": commercial.id if commercial.is_company else False,
            "street": lead.street,
            "city": lead.city,
            "expected_signing_date": lead.date_deadline,
        }
        if lead.expected_revenue:
            # A monetary value costs a currency lookup per record at insert: given only
            # when there is one (LP-19 evidence usually comes later).
            vals["expected_revenue"] = lead.expected_revenue
        keys = identity.customer_keys(
            phone=e164,
            email=vals["email"],
            company_id=vals["commercial_partner_id"],
            company_name=vals["company_name"],
            household=lead.partner_id.protection_household_key if lead.partner_id else None,
        )
        return (vals, keys), []

    @api.model
    def _register_leads(self, leads, kind):
        """Register ``leads`` for the current user (batch).

        Leads whose customer is free become protected registrations; leads whose customer is
        protected by someone else become collided registrations with a collision case (LP-5).
        Nothing is written when one lead is invalid (LP-1).
        :return: the registrations, in the order of ``leads``
        """
        if not leads or getattr(leads, "_name", None) != "crm.lead":
            raise UserError(self.env._("Choose the leads whose customers you register."))
        if getattr(kind, "_name", None) != "lead.protection.kind" or len(kind) != 1:
            raise UserError(self.env._("Choose one kind of registration."))
        prepared, errors = [], []
        memo = {}
        for lead in leads:
            result, lead_errors = self._prepare_registration(lead, kind, memo=memo)
            errors += lead_errors
            prepared.append(result)
        if errors:
            raise UserError("\n".join(errors))
        Key = self.env["lead.protection.key"].sudo()
        by_company = {}
        for vals, keys in prepared:
            by_company.setdefault(vals["company_id"], set()).update(keys)
        hits = {}
        for company_id, keys in by_company.items():
            # Protection ended at 24:00 of its last day, whether or not the expiry job ran.
            for key_type, key_value, reg_id, user_id in Key._release_and_find(company_id, keys):
                hits[(company_id, key_type, key_value)] = (reg_id, user_id)
        self._check_not_company_resources(leads, prepared, hits)
        # Customers registered earlier in this batch own their keys for the later leads.
        claimed = {}
        plan = []
        for index, (vals, keys) in enumerate(prepared):
            owners = {hits.get((vals["company_id"], *key)) for key in keys} - {None}
            owners |= {
                claimed[(vals["company_id"], *key)]
                for key in keys
                if (vals["company_id"], *key) in claimed
            }
            own = {owner for owner in owners if owner[1] == self.env.uid}
            if own:
                raise UserError(
                    self.env._(
                        "%(lead)s: you already protect this customer.",
                        lead=leads[index].display_name,
                    )
                )
            plan.append((vals, keys, owners))
            if not owners:
                for key in keys:
                    claimed[(vals["company_id"], *key)] = (f"batch:{index}", self.env.uid)
        names = self._next_names(self._name, len(plan))
        # The salesperson has no create right on the register: the checks above decided.
        registrations = self.sudo().create(
            [
                dict(vals, name=name, state="collided" if owners else "active")
                for name, (vals, _keys, owners) in zip(names, plan, strict=True)
            ]
        )
        ends = {}
        for vals, _keys, _owners in plan:
            end = (vals["last_day"], vals["company_id"])
            if end not in ends:
                ends[end] = Key._end_instant(
                    vals["last_day"], self.env["res.company"].browse(vals["company_id"])
                )
        try:
            # The registrations are inserted (only their pending updates wait for the
            # flush): the keys refer to them.
            with self.env.cr.savepoint(flush=False):
                Key._insert_rows(
                    [
                        (
                            registration.id,
                            vals["company_id"],
                            key[0],
                            key[1],
                            vals["user_id"],
                            not owners,
                            ends[(vals["last_day"], vals["company_id"])],
                        )
                        for registration, (vals, keys, owners) in zip(
                            registrations, plan, strict=True
                        )
                        for key in keys
                    ]
                )
        except psycopg2.errors.UniqueViolation as error:
            # Another worker registered the same customer after our snapshot: retry the
            # request, which will then see its registration and open a collision case.
            raise ConcurrencyError("Customer registered concurrently, retrying") from error
        batch_ids = {f"batch:{index}": registrations[index].id for index in range(len(plan))}
        collided = []
        for registration, (_vals, _keys, owners) in zip(registrations, plan, strict=True):
            if owners:
                owner_ids = [batch_ids.get(owner[0], owner[0]) for owner in owners]
                collided.append((registration, owner_ids))
        # LP-4: an expired customer is free, but when its first salesperson still follows it
        # up the customer chooses: a case records that choice, no grabbing.
        free = [
            (registration, vals["company_id"], keys)
            for registration, (vals, keys, owners) in zip(registrations, plan, strict=True)
            if not owners
        ]
        followed = Key._still_followed_up(free)
        collided += [(registration, owner_ids) for registration, owner_ids in followed.items()]
        if collided:
            self.env["lead.protection.collision"].sudo()._open(collided)
        return registrations.with_env(self.env)

    @api.model
    def _check_not_company_resources(self, leads, prepared, hits):
        """LP-13: a leaver's customers are held by the company: the manager assigns them
        (or whoever follows them up renews them); registering first does not take them."""
        owner_ids = {reg_id for reg_id, _user_id in hits.values()}
        if not owner_ids:
            return
        held = set(
            self.sudo().search([("id", "in", list(owner_ids)), ("state", "=", "company")]).ids
        )
        if not held:
            return
        taken = [
            lead.display_name
            for lead, (vals, keys) in zip(leads, prepared, strict=True)
            if any(hits.get((vals["company_id"], *key), (None,))[0] in held for key in keys)
        ]
        raise UserError(
            self.env._(
                "These customers are company resources (their salesperson left): your "
                "manager assigns them (LP-13): %s",
                ", ".join(taken),
            )
        )

    @api.model
    def _next_names(self, code, count):
        """``count`` references of sequence ``code`` in one query, for batch registration."""
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [("code", "=", code), ("company_id", "in", [False, self.env.company.id])],
                order="company_id",
                limit=1,
            )
        )
        if not count:
            return []
        if not sequence or sequence.implementation != "standard" or sequence.use_date_range:
            return [self.env["ir.sequence"].next_by_code(code) or "/" for _i in range(count)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            [f"ir_sequence_{sequence.id:03d}", count],
        )
        numbers = [number for (number,) in self.env.cr.fetchall()]
        # ir.sequence.get_next_char, with the prefix and suffix interpolated once.
        prefix, suffix = sequence._get_prefix_suffix()
        number_format = f"%0{sequence.padding}d"
        return [prefix + number_format % number + suffix for number in numbers]

    @api.model
    def _load_demo_registrations(self, registrations):
        """Demo data: register leads as their salespeople would (xmlids of lead, user, kind)."""
        for lead_xmlid, user_xmlid, kind_xmlid in registrations:
            user = self.env.ref(user_xmlid)
            self.with_user(user)._register_leads(
                self.env.ref(lead_xmlid).with_user(user), self.env.ref(kind_xmlid).with_user(user)
            )

    # --- Life cycle

    def _deactivate_keys(self):
        keys = self.sudo().key_ids.filtered("active")
        with keys._guard_workflow():
            keys.write({"active": False})

    def _expire(self):
        """LP-4: end the protection of these registrations (their window is over)."""
        expiring = self.filtered(lambda reg: reg.state == "active")
        with self._guard_workflow():
            expiring.write({"state": "expired"})
        expiring._deactivate_keys()
        return expiring

    @api.model
    def _expiry_domain(self):
        """Active registrations whose last day is over in their company's time zone."""
        Key = self.env["lead.protection.key"]
        domain = fields.Domain.FALSE
        for company in self.env["res.company"].sudo().search([]):
            domain |= fields.Domain(
                [("company_id", "=", company.id), ("last_day", "<", Key._company_today(company))]
            )
        return fields.Domain("state", "=", "active") & domain

    @api.model
    def _cron_expire(self, batch_size=1000):
        """LP-3, LP-4: end the registrations whose window is over, in committed batches.

        Each batch commits with its progress (``ir.cron._commit_progress``): a crash loses at
        most the batch in flight, which the next run finds again (the search is the state).
        """
        domain = self._expiry_domain()
        Registration = self.sudo()
        Cron = self.env["ir.cron"]
        Cron._suite_progress(remaining=Registration.search_count(domain))
        expired = self.browse()
        while batch := Registration.search(domain, limit=batch_size, order="id"):
            expired |= batch._expire()
            if not Cron._suite_progress(len(batch)):
                break
        return expired

    def _release(self, reason):
        """End the protection of these registrations: the customers are free."""
        active = self.filtered(lambda reg: reg.state in ("active", "contracted"))
        with self._guard_workflow():
            active.write({"state": "released", "invalid_reason": reason})
        active._deactivate_keys()
        return active

    def _hold_for_company(self, reason):
        """LP-13: a leaver's customers become company resources: the company holds them
        (their keys stay active, so nobody takes them by registering first) until the
        manager assigns them (``_transfer``)."""
        held = self.filtered(lambda reg: reg.state in ("active", "contracted"))
        with self._guard_workflow():
            held.write({"state": "company", "invalid_reason": reason})
        # The company holds them with no end: their keys do not expire at last_day.
        keys = held.sudo().key_ids.filtered("active")
        with keys._guard_workflow():
            keys.write({"protected_until": False})
        for registration in held:
            registration.message_post(body=reason)
        return held

    def _transfer(self, user, reason):
        """LP-13, LP-14: the customer passes to ``user``: the registration and its keys are
        his, protected from today (company time) for the kind's window; a contract signed
        stays signed. The chatter keeps who held it before (LP-12). The callers checked
        who acts and for whom."""
        moved = self.sudo().filtered(lambda reg: reg.state in ("active", "contracted", "company"))
        with self._guard_workflow("lead.protection.key"):
            for registration in moved:
                company = registration.company_id
                vals = {
                    "user_id": user.id,
                    "invalid_reason": False,
                    "held_since": fields.Datetime.now(),
                }
                if registration.state != "contracted":
                    vals["state"] = "active"
                    vals["last_day"] = registration.kind_id._last_day(
                        company._protection_date(), company
                    )
                registration.write(vals)
                key_vals = {"user_id": user.id}
                if registration.state == "active":
                    # A fresh window: the keys end at 24:00 of the new last day.
                    key_vals["protected_until"] = self.env["lead.protection.key"]._end_instant(
                        registration.last_day, company
                    )
                registration.key_ids.filtered("active").write(key_vals)
                registration.message_post(body=reason)
        return moved

    def _invalidate(self, reason):
        targets = self.filtered(lambda reg: reg.state in ("active", "contracted", "collided"))
        with self._guard_workflow():
            targets.write({"state": "invalid", "invalid_reason": reason})
        targets._deactivate_keys()
        return targets

    def _mark_contracted(self):
        """A project registration that reached a signed contract in its window stays valid."""
        contracted = self.filtered(lambda reg: reg.state == "active")
        with self._guard_workflow():
            contracted.write({"state": "contracted"})
        # A signed contract protects beyond the window: its keys no longer end.
        keys = contracted.sudo().key_ids.filtered("active")
        with keys._guard_workflow():
            keys.write({"protected_until": False})

    def action_mark_fake(self):
        """LP-11: a fake registration is invalid and fined through the fine catalogue: 50,
        then 100, then a dismissal proposal to HR (FN-3, FN-4); marked again, nothing more.

        Only the manager of the registration's team, in his companies, marks it.
        """
        self._protection_check_managed()
        self._protection_lock()
        todo = self.sudo().filtered(
            lambda registration: (
                not registration.fake and registration.state in ("active", "contracted", "collided")
            )
        )
        offenders = todo._protection_offenders()
        with self._guard_workflow():
            todo.write({"fake": True})
        todo._invalidate(self.env._("Fake registration"))
        # The catalogue numbers each salesperson's occurrences (FN-3) under a unique index:
        # two managers marking fakes of one salesperson at once retry, not double-count.
        Offence = self.env["incentive.offence"].sudo()
        for registration in todo:
            Offence._record_offence(
                "incentive_ledger.fine_type_lp11_fake",
                offenders[registration],
                source=registration,
                description=self.env._("Fake registration %(ref)s", ref=registration.name),
            )
        return True

    def action_report_leak(self, paid=False):
        """LP-11 / LP-46: registered customers leaked to another company: a fine per customer
        (LP-46: leaked for payment, also a dismissal proposal to HR).

        Only the manager of the registration's team reports it; reported twice, it is
        fined once (one standing leak offence per registration).
        """
        if not isinstance(paid, bool):
            raise UserError(self.env._("Say whether the customers were leaked for payment."))
        self._protection_check_managed()
        self._protection_lock()
        registrations = self.sudo()
        leak_types = self.env.ref("incentive_ledger.fine_type_lp11_leak") | self.env.ref(
            "incentive_ledger.fine_type_lp46_leak_paid"
        )
        Offence = self.env["incentive.offence"].sudo()
        reported, quashed = set(), {}
        for offence in Offence.search(
            [
                ("fine_type_id", "in", leak_types.ids),
                ("source_model", "=", self._name),
                ("source_res_id", "in", registrations.ids),
            ]
        ):
            if offence.state == "quashed":
                quashed[offence.source_res_id] = quashed.get(offence.source_res_id, 0) + 1
            else:
                reported.add(offence.source_res_id)
        todo = registrations.filtered(lambda registration: registration.id not in reported)
        offenders = todo._protection_offenders()
        fine_type = (
            "incentive_ledger.fine_type_lp46_leak_paid"
            if paid
            else "incentive_ledger.fine_type_lp11_leak"
        )
        for registration in todo:
            Offence._record_offence(
                fine_type,
                offenders[registration],
                source=registration,
                description=self.env._(
                    "Customer information leaked (%(ref)s)", ref=registration.name
                ),
                # Once per registration under two managers at once (the unique occurrence
                # index decides; the retry finds the first report). A quashed report (a
                # mistake) does not stop a new one: the key counts the quashed ones.
                occurrence_key=(
                    f"{self._name}:{registration.id}:leak:{quashed.get(registration.id, 0)}"
                ),
            )
            registration._suite_message_post(
                lambda env: env._("Leak of customer information reported.")
            )
        return True

    def _protection_offenders(self):
        """{registration: the salesperson's employee in its company}, in one query (LP-11)."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("user_id", "in", self.user_id.ids),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
        )
        by_user = {(emp.user_id.id, emp.company_id.id): emp for emp in employees}
        result = {}
        for registration in self:
            employee = by_user.get((registration.user_id.id, registration.company_id.id))
            if not employee:
                raise UserError(
                    self.env._(
                        "%(user)s has no employee in %(company)s: create one so that the "
                        "incentive ledger can book %(rule)s.",
                        user=registration.user_id.name,
                        company=registration.company_id.name,
                        rule="LP-11",
                    )
                )
            result[registration] = employee
        return result

    @api.model
    def _first_valid(self, registrations):
        return self.browse(
            collision.first_valid(
                [
                    {
                        "id": reg.id,
                        "registered_at": reg.registered_at,
                        "valid": reg.state in ("active", "contracted", "collided"),
                    }
                    for reg in registrations
                ]
            )
        )

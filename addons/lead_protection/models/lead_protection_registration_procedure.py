# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError

from ..tools import deadlines, identity
from .lead_protection_project import _CONFIRMING
from .lead_protection_registration import MOBILE_FORMATS

ACTIVITY_UNREACHABLE = "lead_protection.mail_activity_type_unreachable"


class LeadProtectionRegistration(models.Model):
    """Procedures on a registration: an unreachable number (LP-23) and the team leader's
    confirmation of a project (LP-26, see ``lead.protection.project``).

    LP-23: a registration whose number cannot be reached is invalid.

    A failed call (the number does not connect, or is suspended) is logged on the
    registration; from that moment the registrant has the company's days (2) to reach the
    customer on it or to record the customer's own working number. The keys of the
    registration stop protecting at 24:00 of the last of those days (company time), so the
    customer is free at that instant whether or not the job ran; the job then marks the
    registration invalid.
    """

    _inherit = "lead.protection.registration"

    # Who may change what: only the LP-23 actions (log a failure, reach, new number) and
    # the lapse write these.
    _guarded_fields = (
        "unreachable_status",
        "unreachable_outcome",
        "unreachable_at",
        "unreachable_by_id",
        "unreachable_last_day",
        "unreachable_deadline",
    )

    unreachable_status = fields.Selection(
        [
            ("pending", "Number Failed: to Reach"),
            ("reached", "Customer Reached"),
            ("lapsed", "Unreachable: Invalid"),
        ],
        string="Unreachable Number",
        readonly=True,
        index="btree_not_null",
        tracking=True,
        help="LP-23: a failed call starts the period in which the registrant reaches the "
        "customer or records his own working number.",
    )
    unreachable_outcome = fields.Selection(
        [
            (deadlines.NO_CONNECT, "Does Not Connect"),
            (deadlines.SUSPENDED, "Suspended"),
        ],
        string="Failed Call",
        readonly=True,
    )
    unreachable_at = fields.Datetime(string="Failure Logged at", readonly=True)
    unreachable_by_id = fields.Many2one("res.users", string="Failure Logged by", readonly=True)
    unreachable_last_day = fields.Date(
        string="Reach the Customer by",
        readonly=True,
        help="LP-23: the last day (company time) to reach the customer or record his own "
        "working number; the registration is invalid from 24:00 of that day.",
    )
    unreachable_deadline = fields.Datetime(
        string="Invalid from", readonly=True, help="24:00 of the last day, company time."
    )

    # --- Who acts

    def _unreachable_check_actor(self):
        """The registrant, the manager of the registration's team, or (hook) reception."""
        allowed = self._unreachable_actors()
        if self - allowed:
            raise UserError(
                self.env._(
                    "Only the salesperson of the registration, the manager of its team or the "
                    "reception desk logs calls on it (LP-23)."
                )
            )

    def _unreachable_actors(self):
        """The registrations of ``self`` on which the current user logs calls (hook)."""
        uid = self.env.uid
        return self.filtered(lambda reg: reg.sudo().user_id.id == uid) | self._protection_managed()

    def _unreachable_check_pending(self):
        now = fields.Datetime.now()
        for registration in self:
            if registration.unreachable_status != "pending":
                raise UserError(
                    self.env._(
                        "%(ref)s has no failed call waiting to be followed up.",
                        ref=registration.name,
                    )
                )
            if deadlines.is_past(registration.unreachable_deadline, now):
                raise UserError(
                    self.env._(
                        "The period to reach the customer of %(ref)s ended on %(day)s: the "
                        "registration is invalid (LP-23).",
                        ref=registration.name,
                        day=registration.unreachable_last_day,
                    )
                )

    def _unreachable_outcome_label(self, outcome):
        """The label of a failed call's outcome, in the language of ``self.env``."""
        selection = self._fields["unreachable_outcome"]._description_selection(self.env)
        return dict(selection)[outcome]

    # --- Actions

    def action_unreachable_no_connect(self):
        """LP-23: the number does not connect."""
        return self._log_unreachable(deadlines.NO_CONNECT)

    def action_unreachable_suspended(self):
        """LP-23: the number is suspended."""
        return self._log_unreachable(deadlines.SUSPENDED)

    def _log_unreachable(self, outcome):
        """LP-23: log a failed call; the period starts at the first failure, and a second
        failure while it runs does not extend it."""
        if outcome not in deadlines.FAILED_OUTCOMES:
            raise UserError(self.env._("%r is not the outcome of a failed call.", outcome))
        self._protection_single()
        self._unreachable_check_actor()
        self._protection_lock()
        registration = self.sudo()
        if registration.state not in ("active", "collided"):
            raise UserError(
                self.env._(
                    "%(ref)s no longer protects its customer: nothing to follow up.",
                    ref=registration.name,
                )
            )
        if registration.unreachable_status == "pending":
            if deadlines.is_past(registration.unreachable_deadline, fields.Datetime.now()):
                # Over before the job ran: the registration is invalid already.
                registration._unreachable_lapse()
                return True
            # The period runs from the first failure: logging again changes nothing.
            in_lang = registration._in_lang_of(registration.user_id)
            registration.message_post(
                body=in_lang.env._(
                    "Another failed call (%(outcome)s); the customer must still be reached by "
                    "%(day)s (LP-23).",
                    outcome=in_lang._unreachable_outcome_label(outcome),
                    day=registration.unreachable_last_day,
                )
            )
            return True
        company = registration.company_id
        now = fields.Datetime.now()
        last_day = deadlines.unreachable_last_day(
            company._suite_today(now), company.protection_unreachable_days
        )
        deadline = company._suite_day_end(last_day)
        with self._guard_workflow():
            registration.write(
                {
                    "unreachable_status": "pending",
                    "unreachable_outcome": outcome,
                    "unreachable_at": now,
                    "unreachable_by_id": self.env.uid,
                    "unreachable_last_day": last_day,
                    "unreachable_deadline": deadline,
                }
            )
        # The customer is free at the deadline, whoever looks and whether the job ran.
        keys = registration.key_ids.filtered("active")
        with keys._guard_workflow():
            for key in keys:
                key.protected_until = deadlines.capped_end(key.protected_until or None, deadline)
        registrant = registration.user_id
        in_lang = registration._in_lang_of(registrant)
        outcome_label = in_lang._unreachable_outcome_label(outcome)
        registration.message_post(
            body=in_lang.env._(
                "%(user)s logged a failed call: %(outcome)s. Reach the customer on this number "
                "or record his own working number by %(day)s, or the registration becomes "
                "invalid (LP-23).",
                user=self.env.user.name,
                outcome=outcome_label,
                day=last_day,
            ),
            partner_ids=registrant.partner_id.ids,
        )
        registration.activity_schedule(
            ACTIVITY_UNREACHABLE,
            date_deadline=last_day,
            user_id=registrant.id,
            summary=in_lang.env._("Reach the customer or record his working number (LP-23)"),
        )
        return True

    def action_unreachable_reached(self):
        """LP-23: the customer was reached on the registered number."""
        self._protection_single()
        self._unreachable_check_actor()
        self._protection_lock()
        self._unreachable_check_pending()
        registration = self.sudo()
        registration._unreachable_resolve(
            registration._in_lang_of(registration.user_id).env._(
                "%(user)s reached the customer on the registered number (LP-23).",
                user=self.env.user.name,
            )
        )
        return True

    def _unreachable_record_number(self, raw_phone):
        """LP-23: record the customer's own working number, checked as LP-1 checks it; it
        protects the customer from now on, the failed number no longer does."""
        self._protection_single()
        self._unreachable_check_actor()
        self._protection_lock()
        self._unreachable_check_pending()
        registration = self.sudo()
        e164 = registration._unreachable_check_number(raw_phone)
        company = registration.company_id
        Key = self.env["lead.protection.key"].sudo()
        new_key = [(identity.PHONE, e164)]
        if Key._release_and_find(company.id, new_key):
            # LP-2: the answer says no more than that the number is protected.
            raise UserError(
                self.env._(
                    "%(phone)s is protected by another registration: it cannot be this "
                    "registration's number.",
                    phone=e164,
                )
            )
        old_keys = registration.key_ids.filtered(
            lambda key: key.active and key.key_type == identity.PHONE
        )
        end = (
            Key._end_instant(registration.last_day, company)
            if registration.state == "active"
            else False
        )
        try:
            with self.env.cr.savepoint(), Key._guard_workflow():
                old_keys.write({"active": False})
                Key.create(
                    {
                        "registration_id": registration.id,
                        "company_id": company.id,
                        "key_type": identity.PHONE,
                        "key_value": e164,
                        "user_id": registration.user_id.id,
                        "active": registration.state == "active",
                        "protected_until": end,
                    }
                )
        except psycopg2.errors.UniqueViolation as error:
            raise ConcurrencyError("Number registered concurrently, retrying") from error
        old_phone = registration.phone
        with self._guard_workflow():
            registration.write({"phone": e164})
        registration._unreachable_resolve(
            registration._in_lang_of(registration.user_id).env._(
                "%(user)s recorded the customer's own working number %(new)s instead of "
                "%(old)s (LP-23).",
                user=self.env.user.name,
                new=e164,
                old=old_phone,
            )
        )
        return True

    def _unreachable_check_number(self, raw_phone):
        """The customer's own complete mobile in E.164 (LP-1), different from the failed one."""
        if raw_phone is not None and not isinstance(raw_phone, str):
            raise UserError(self.env._("Enter the customer's working number as text."))
        cleaned, error = identity.clean_phone_input(raw_phone)
        if error == "missing":
            raise UserError(self.env._("Enter the customer's own working number."))
        if error == "masked":
            raise UserError(
                self.env._("The number is partial or masked; enter the complete number.")
            )
        e164 = not error and self.lead_id._phone_format(
            number=cleaned, country=self._protection_country(self.lead_id), force_format="E164"
        )
        if not e164 or not identity.is_complete_mobile(e164, MOBILE_FORMATS):
            raise UserError(
                self.env._(
                    "%(phone)s is not a complete mobile number of the customer.", phone=raw_phone
                )
            )
        if e164 == self.phone:
            raise UserError(
                self.env._(
                    "%(phone)s is the number that failed: reach the customer on it or enter "
                    "another number.",
                    phone=e164,
                )
            )
        return e164

    def _unreachable_resolve(self, message):
        """The customer was reached: the registration protects again through its window."""
        company = self.company_id
        Key = self.env["lead.protection.key"]
        with self._guard_workflow():
            self.write({"unreachable_status": "reached"})
        keys = self.key_ids.filtered("active")
        end = Key._end_instant(self.last_day, company) if self.state == "active" else False
        with keys._guard_workflow():
            keys.write({"protected_until": end})
        self.activity_feedback([ACTIVITY_UNREACHABLE])
        self.message_post(body=message)

    # --- Lapse

    def _unreachable_lapse(self):
        """LP-23: the period is over and the customer was not reached: the registration is
        invalid and the customer free."""
        lapsing = self.filtered(
            lambda reg: reg.unreachable_status == "pending" and reg.state in ("active", "collided")
        )
        if not lapsing:
            return lapsing
        with self._guard_workflow():
            lapsing.write({"unreachable_status": "lapsed"})
        # The reason is read by the salesperson: one write per language, not per record.
        for lang in set(lapsing.user_id.mapped("lang")):
            in_lang = lapsing.filtered(lambda reg, lang=lang: reg.user_id.lang == lang)
            in_lang._invalidate(
                in_lang.with_context(lang=lang or self.env.lang).env._("Unreachable number (LP-23)")
            )
        lapsing.activity_unlink([ACTIVITY_UNREACHABLE])
        return lapsing

    def _expire(self):
        # The keys of a registration with an unreachable number end at the period's end: a
        # new registration of the customer expires them (LP-4); LP-23 makes it invalid.
        now = fields.Datetime.now()
        lapsing = self.filtered(
            lambda reg: (
                reg.state == "active"
                and reg.unreachable_status == "pending"
                and deadlines.is_past(reg.unreachable_deadline, now)
            )
        )
        lapsed = lapsing._unreachable_lapse()
        return super(LeadProtectionRegistration, self - lapsing)._expire() | lapsed

    @api.model
    def _cron_unreachable_lapse(self, batch_size=1000):
        """LP-23: mark invalid the registrations whose period to reach the customer is over
        (their keys stopped protecting at the deadline already), in committed batches."""
        domain = [
            ("unreachable_status", "=", "pending"),
            ("unreachable_deadline", "<=", fields.Datetime.now()),
        ]
        Registration = self.sudo()
        Cron = self.env["ir.cron"]
        Cron._suite_progress(remaining=Registration.search_count(domain))
        lapsed = self.browse()
        while batch := Registration.search(domain, limit=batch_size, order="id"):
            done = batch._unreachable_lapse()
            # Registrations that ended otherwise (expired, released, a contract signed) leave
            # the queue: their failed call no longer decides anything.
            with self._guard_workflow():
                (batch - done).write({"unreachable_status": False})
            lapsed |= done
            if not Cron._suite_progress(len(batch)):
                break
        return lapsed

    def _transfer(self, user, reason):
        # LP-13, LP-14: the new holder starts a fresh window; the failed call was the
        # previous holder's to follow up.
        moved = super()._transfer(user, reason)
        pending = moved.filtered(lambda reg: reg.unreachable_status == "pending")
        with self._guard_workflow():
            pending.write({"unreachable_status": False})
        pending.activity_unlink([ACTIVITY_UNREACHABLE])
        return moved

    @api.model
    def _load_demo_unreachable(self, failures):
        """Demo data: failed calls logged by the registrants (xmlids of lead, salesperson)."""
        for lead_xmlid, user_xmlid in failures:
            user = self.env.ref(user_xmlid)
            registration = self.sudo().search(
                [("lead_id", "=", self.env.ref(lead_xmlid).id), ("user_id", "=", user.id)],
                limit=1,
            )
            registration.with_user(user).action_unreachable_no_connect()

    # --- LP-26

    @api.model
    def _register_leads(self, leads, kind):
        # LP-26: a kind confirmed by the team leader registers only through the
        # confirmation of an application, whoever calls.
        if (
            getattr(kind, "_name", None) == "lead.protection.kind"
            and len(kind) == 1
            and kind.sudo().requires_confirmation
            and not _CONFIRMING.get()
        ):
            raise UserError(
                self.env._(
                    "A %(kind)s registration is applied for and protects once the team leader "
                    "confirms it: use “Apply for Project Registration” (LP-26).",
                    kind=kind.sudo().name,
                )
            )
        return super()._register_leads(leads, kind)

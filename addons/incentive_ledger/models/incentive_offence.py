# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import numbers

import psycopg2.errors
import pytz

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError

from ..tools import fines


class IncentiveOffence(models.Model):
    """One employee's offence (or small-bonus event) recorded by a manager (FN-2).

    Other addons raise offences with :meth:`_record_offence`; each person the offence fines
    gets one ledger line; quashing cancels (or reverses) them (PAY-2).
    """

    _name = "incentive.offence"
    _description = "Recorded Offence"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Everything the rule decides is written by _record_offence and action_quash only.
    _guarded_fields = (
        "fine_type_id",
        "employee_id",
        "company_id",
        "date",
        "days",
        "amount",
        "daily_wage",
        "occurrence",
        "count_period",
        "state",
        "recorded_by_id",
        "quashed_by_id",
        "quash_date",
        "quash_reason",
        "source_model",
        "source_res_id",
        "occurrence_key",
    )
    # The description and evidence may be completed while the offence stands.
    _guard_frozen_fields = ("description", "attachment_ids")
    _guard_unlink = "_guard_no_records"

    # --- What and who
    fine_type_id = fields.Many2one(
        "incentive.fine.type",
        string="Offence Type",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    rule_ref = fields.Char(related="fine_type_id.rule_ref", store=True, string="Rule")
    line_kind = fields.Selection(related="fine_type_id.line_kind")
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        required=True,
        index=True,
        tracking=True,
        help="Day of the offence, in the company's time zone.",
    )
    days = fields.Integer(
        default=1, help="Days the offence lasted (FN-6: days of absence from the date on)."
    )
    description = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Evidence", help="Photos, sheets, messages that prove it."
    )
    source_model = fields.Char(index=True, readonly=True)
    source_res_id = fields.Many2oneReference(
        string="Source Record ID", model_field="source_model", readonly=True
    )
    source_ref = fields.Reference(
        selection="_selection_source_model",
        string="Concerns",
        compute="_compute_source_ref",
        help="The record the offence was recorded from.",
    )
    recorded_by_id = fields.Many2one("res.users", readonly=True)
    occurrence_key = fields.Char(
        readonly=True,
        copy=False,
        help="Names the event of an offence fined once only (e.g. one division's list of "
        "one day): one offence of each type per person and key, quashed or not.",
    )

    # --- What it costs
    occurrence = fields.Integer(
        readonly=True, help="FN-3: the nth standing offence of this type by this employee."
    )
    count_period = fields.Char(
        readonly=True, help="FN-3: the counting period of the occurrence ('employment')."
    )
    amount = fields.Monetary(
        readonly=True,
        tracking=True,
        help="Amount per fined person, unsigned (0: this occurrence books no money).",
    )
    daily_wage = fields.Monetary(readonly=True, help="PAY-3 daily wage used by FN-6.")
    line_ids = fields.One2many(
        "employee.incentive.line",
        compute="_compute_line_ids",
        string="Ledger Lines",
    )
    proposal_ids = fields.One2many("incentive.hr.proposal", "offence_id", string="HR Proposals")

    # --- Life cycle
    state = fields.Selection(
        [("recorded", "Recorded"), ("quashed", "Quashed")],
        required=True,
        default="recorded",
        index=True,
        tracking=True,
    )
    quashed_by_id = fields.Many2one("res.users", readonly=True)
    quash_date = fields.Datetime(readonly=True)
    quash_reason = fields.Text(readonly=True, tracking=True)

    # FN-3 under concurrent managers: two transactions that count the same earlier
    # offences would both take the same number; PostgreSQL refuses the second.
    _occurrence_unique = models.UniqueIndex(
        "(employee_id, fine_type_id, count_period, occurrence) WHERE state != 'quashed'",
        "This occurrence of the offence is already recorded for this employee.",
    )
    # Once-only offences under concurrent workers: the second insert of the same event
    # is refused by PostgreSQL, whatever both transactions searched before.
    _occurrence_key_unique = models.UniqueIndex(
        "(fine_type_id, employee_id, occurrence_key) WHERE occurrence_key IS NOT NULL",
        "This offence is already recorded for this event and employee.",
    )
    _days_positive = models.Constraint(
        "CHECK (days >= 1 AND amount >= 0)", "An offence lasts at least one day."
    )

    def _guard_no_records(self):
        return self.browse()

    def _guard_open_records(self):
        return self.filtered(lambda offence: offence.state == "recorded")

    def _guard_hint(self):
        return self.env._(
            "Offences are recorded with “Record an Offence” and corrected by quashing them."
        )

    @api.model
    def _selection_source_model(self):
        return self.env["employee.incentive.line"]._selection_source_model()

    @api.depends("source_model", "source_res_id")
    def _compute_source_ref(self):
        for offence in self:
            offence.source_ref = (
                f"{offence.source_model},{offence.source_res_id}"
                if offence.source_model in self.env and offence.source_res_id
                else False
            )

    def _compute_line_ids(self):
        """The ledger lines booked for each offence, in one search."""
        lines = (
            self.env["employee.incentive.line"]
            .sudo()
            .search([("source_model", "=", self._name), ("source_res_id", "in", self.ids)])
        )
        visible = lines.with_env(self.env)._filtered_access("read")
        for offence in self:
            offence.line_ids = visible.filtered(lambda line, o=offence: line.source_res_id == o.id)

    @api.depends("fine_type_id", "employee_id", "date")
    def _compute_display_name(self):
        for offence in self:
            offence.display_name = self.env._(
                "%(rule)s %(employee)s, %(date)s",
                rule=offence.rule_ref or "",
                employee=offence.employee_id.name or "",
                date=offence.date or "",
            )

    # --- Recording (API for the other addons)

    @api.model
    def _company_today(self, company):
        tz = pytz.timezone(company.partner_id.tz or "Asia/Shanghai")
        return datetime.datetime.now(pytz.utc).astimezone(tz).date()

    @api.model
    def _resolve_fine_type(self, fine_type):
        if isinstance(fine_type, str):
            record = self.env.ref(fine_type, raise_if_not_found=False)
        else:
            record = fine_type
        if (
            not isinstance(record, models.BaseModel)
            or record._name != "incentive.fine.type"
            or len(record) != 1
        ):
            raise UserError(self.env._("Choose exactly one offence type from the catalogue."))
        return record.sudo()

    @api.model
    def _check_can_record(self, employees):
        """FN-2: HR of the employees' companies, or a manager above each employee (never
        the employee himself)."""
        if self.env.su:
            return
        foreign = employees.sudo().company_id - self.env.user.company_ids
        if foreign:
            raise UserError(
                self.env._(
                    "You cannot record or quash offences of employees of %(companies)s.",
                    companies=", ".join(foreign.mapped("name")),
                )
            )
        if self.env.user.has_group("hr.group_hr_user"):
            return
        own = self.env.user.employee_ids
        team = self.env["hr.employee"].sudo().search([("parent_id", "child_of", own.ids)]) - own
        if employees.sudo() - team:
            raise UserError(
                self.env._(
                    "Only HR or a manager of %(names)s may record or quash their offences.",
                    names=", ".join((employees.sudo() - team).mapped("name")),
                )
            )

    @api.model
    def _record_offence(
        self,
        fine_type,
        employees,
        source=None,
        date=None,
        description=None,
        amount=None,
        days=1,
        attachments=None,
        occurrence_key=None,
    ):
        """Record one offence per employee and book its fines (FN-1 .. FN-4).

        :param fine_type: xmlid (e.g. ``"incentive_ledger.fine_type_fn5_late"``) or record
        :param employees: hr.employee recordset, the offenders (each party is fined)
        :param source: the record the offence concerns (default: the employee)
        :param date: day of the offence (default: today in the company's time zone)
        :param amount: for a range type, the amount the recorder picks
        :param days: days of the offence (FN-6 absence)
        :param attachments: ir.attachment recordset, the evidence
        :param occurrence_key: for an offence fined once per event, a string naming the
            event (e.g. ``"event.invitation.division:7:2026-11-30"``): an employee already
            recorded for this type and key (quashed or not) is not recorded again, his
            existing offence is returned; two workers recording it at once are serialized
            by a unique index, the second gets Odoo's retryable ``ConcurrencyError`` and,
            retried, finds it.
        :return: the offences, one per employee
        Runs as the caller: the caller must be HR or a manager of the employees. Addons
        that record on behalf of their own workflow check their rule, then call it with
        ``sudo()``.
        """
        offences = self._record_offences(
            [
                {
                    "fine_type": fine_type,
                    "employees": employees,
                    "source": source,
                    "date": date,
                    "description": description,
                    "amount": amount,
                    "days": days,
                    "occurrence_key": occurrence_key,
                }
            ]
        )
        if attachments:
            offences = offences.sudo()
            attachments = attachments.sudo()
            attachments.write({"res_model": self._name, "res_id": offences[:1].id})
            with offences._guard_workflow():
                offences.write({"attachment_ids": [fields.Command.set(attachments.ids)]})
        return offences.with_env(self.env)

    @api.model
    def _record_offences(self, entries):
        """Record several offences at once, in a number of queries that does not grow with
        their count: ``entries`` is a list of dicts with the keyword arguments of
        :meth:`_record_offence` (``fine_type`` and ``employees`` required, no attachments).

        :return: the offences: those of keyed entries already recorded, then the new ones
        """
        if not isinstance(entries, list | tuple):
            raise UserError(self.env._("Record a list of offences."))
        prepared = []
        resolved = {}  # xmlid -> fine type: env.ref checks existence, once per type
        for entry in entries:
            if not isinstance(entry, dict) or not {"fine_type", "employees"} <= set(entry):
                raise UserError(self.env._("Choose the offence type and the employees."))
            unknown = set(entry) - {
                "fine_type",
                "employees",
                "source",
                "date",
                "description",
                "amount",
                "days",
                "occurrence_key",
            }
            if unknown:
                raise UserError(
                    self.env._("Unknown offence values: %s", ", ".join(sorted(unknown)))
                )
            fine_type = entry["fine_type"]
            if isinstance(fine_type, str):
                if fine_type not in resolved:
                    resolved[fine_type] = self._resolve_fine_type(fine_type)
                fine_type = resolved[fine_type]
            else:
                fine_type = self._resolve_fine_type(fine_type)
            source = entry.get("source")
            employees = entry["employees"]
            values = self._check_record_input(
                fine_type,
                employees,
                source,
                entry.get("date"),
                entry.get("amount"),
                entry.get("days", 1),
            )
            key = entry.get("occurrence_key")
            if key is not None and (not isinstance(key, str) or not key.strip()):
                raise UserError(self.env._("The occurrence key of an offence must be a text."))
            values.update(
                fine_type=fine_type,
                employees=employees.sudo(),
                source=source,
                description=entry.get("description"),
                occurrence_key=key or False,
            )
            prepared.append(values)
        if not prepared:
            return self.browse()
        self._check_can_record(self.env["hr.employee"].union(*(v["employees"] for v in prepared)))
        if not self.env.su:
            for values in prepared:
                if values["source"] is not None:
                    values["source"].check_access("read")
        existing = self.sudo()._existing_occurrences(prepared)
        offences = self.sudo()._create_offences(prepared, existing)
        if offences:
            offences._book_fines()
            offences._make_proposals()
        ordered = self.sudo().browse()
        for values in prepared:
            for employee in values["employees"]:
                key = (values["occurrence_key"], values["fine_type"].id, employee.id)
                if key in existing:
                    ordered |= existing[key]
        return (ordered | offences).with_env(self.env)

    def _existing_occurrences(self, prepared):
        """{(occurrence key, fine type id, employee id): offence} of the keyed entries
        already recorded, quashed or not, in one query."""
        keys = {values["occurrence_key"] for values in prepared if values["occurrence_key"]}
        if not keys:
            return {}
        found = self.search(
            [
                ("occurrence_key", "in", list(keys)),
                ("fine_type_id", "in", [values["fine_type"].id for values in prepared]),
                (
                    "employee_id",
                    "in",
                    [employee.id for values in prepared for employee in values["employees"]],
                ),
            ]
        )
        return {
            (offence.occurrence_key, offence.fine_type_id.id, offence.employee_id.id): offence
            for offence in found
        }

    @api.model
    def _check_record_input(self, fine_type, employees, source, date, amount, days):
        if (
            not isinstance(employees, models.BaseModel)
            or employees._name != "hr.employee"
            or not employees
        ):
            raise UserError(self.env._("Choose the employees who committed the offence."))
        if source is not None and (not isinstance(source, models.BaseModel) or len(source) != 1):
            raise UserError(self.env._("An offence concerns exactly one record."))
        expected = fine_type.source_model
        source_name = source._name if source is not None else "hr.employee"
        if expected and source_name != expected:
            raise UserError(
                self.env._(
                    "%(type)s is recorded from a record of %(expected)s, not %(model)s.",
                    type=fine_type.display_name,
                    expected=expected,
                    model=source_name,
                )
            )
        if date is not None and not isinstance(date, datetime.date):
            try:
                date = fields.Date.to_date(date)
            except (TypeError, ValueError):
                date = None
            if date is None:
                raise UserError(self.env._("The date of the offence is not a valid date."))
        if isinstance(days, bool) or not isinstance(days, int) or days < 1:
            raise UserError(self.env._("An offence lasts a whole number of days, at least one."))
        if amount is not None and (
            isinstance(amount, bool) or not isinstance(amount, numbers.Real) or amount < 0
        ):
            raise UserError(self.env._("The amount must be a positive number."))
        return {"date": date, "amount": amount, "days": days}

    def _create_offences(self, prepared, existing):
        """Number each employee's occurrence (FN-3) and create the offences not in
        ``existing`` (see :meth:`_existing_occurrences`)."""
        vals_list = []
        standing = self._standing_counts(prepared)
        for values in prepared:
            fine_type = values["fine_type"]
            for employee in values["employees"]:
                key = values["occurrence_key"]
                if (key, fine_type.id, employee.id) in existing:
                    continue
                if key:
                    # The same event twice in one batch is one offence.
                    existing[(key, fine_type.id, employee.id)] = self.browse()
                vals_list.append(self._prepare_offence_vals(fine_type, employee, values, standing))
        if not vals_list:
            return self.browse()
        try:
            with self.env.cr.savepoint(), self._guard_workflow():
                offences = self.create(vals_list)
                self.env.flush_all()
        except psycopg2.errors.UniqueViolation as error:
            # Another manager recorded an offence of the same employee and type (or the
            # same once-only event) after our snapshot: retry the request, which counts
            # it (FN-3) or finds it (occurrence key).
            raise ConcurrencyError("Offence recorded concurrently, retrying") from error
        return offences

    def _prepare_offence_vals(self, fine_type, employee, values, standing):
        """Values of one employee's offence, its occurrence counted in ``standing``."""
        company = employee.company_id
        date = values["date"] or self._company_today(company)
        period = fines.counting_period(date, fine_type.counting_period)
        count_key = (employee.id, fine_type.id, period)
        occurrence = standing.get(count_key, 0) + 1
        standing[count_key] = occurrence
        step = fines.step_for(fine_type._step_values(), occurrence)
        daily_wage = 0.0
        if fine_type.amount_mode == fines.DAYS_PAY and not (
            step and step["fine"] != fines.STEP_TYPE_AMOUNT
        ):
            daily_wage = employee._incentive_daily_wage(date)
        try:
            amount = fines.occurrence_amount(
                fine_type._fine_values(),
                step,
                chosen_amount=values["amount"],
                days=values["days"],
                daily_wage=daily_wage,
            )
        except ValueError as error:
            raise UserError(self._amount_error(fine_type, str(error))) from error
        target = values["source"] if values["source"] is not None else employee
        return {
            "fine_type_id": fine_type.id,
            "employee_id": employee.id,
            "company_id": company.id,
            "date": date,
            "days": values["days"],
            "amount": amount,
            "daily_wage": daily_wage,
            "occurrence": occurrence,
            "count_period": period,
            "description": values["description"] or False,
            "recorded_by_id": self.env.uid,
            "source_model": target._name,
            "source_res_id": target.id,
            "occurrence_key": values["occurrence_key"],
        }

    def _standing_counts(self, prepared):
        """{(employee id, fine type id, period): offences not quashed}, in one query."""
        self.flush_model(["employee_id", "fine_type_id", "count_period", "state"])
        self.env.cr.execute(
            """
            SELECT employee_id, fine_type_id, count_period, count(*) FROM incentive_offence
             WHERE employee_id = ANY(%s) AND fine_type_id = ANY(%s) AND state != 'quashed'
          GROUP BY employee_id, fine_type_id, count_period
            """,
            [
                list({emp.id for values in prepared for emp in values["employees"]}),
                list({values["fine_type"].id for values in prepared}),
            ],
        )
        return {
            (employee_id, fine_type_id, period): count
            for employee_id, fine_type_id, period, count in self.env.cr.fetchall()
        }

    def _amount_error(self, fine_type, code):
        if code == "amount_required" or code == "amount_out_of_range":
            return self.env._(
                "%(type)s: choose an amount between %(low)s and %(high)s.",
                type=fine_type.display_name,
                low=fine_type.amount_min,
                high=fine_type.amount_max,
            )
        if code == "no_daily_wage":
            return self.env._(
                "%(type)s is priced in days of pay: the employee needs a wage and a working "
                "schedule on his contract.",
                type=fine_type.display_name,
            )
        return self.env._(
            "%(type)s cannot be priced for this offence.", type=fine_type.display_name
        )

    # --- Booking and proposals

    def _fined_employees(self):
        """Employees the offence fines (FN-1 'falls on'), the department manager included."""
        self.ensure_one()
        employee = self.employee_id
        manager = employee.department_id.manager_id or employee.parent_id
        ids = fines.fined_employees(self.fine_type_id.falls_on, employee.id, manager.id)
        if not ids:
            raise UserError(
                self.env._(
                    "%(type)s falls on the department manager of %(employee)s, who has none.",
                    type=self.fine_type_id.display_name,
                    employee=employee.name,
                )
            )
        return self.env["hr.employee"].browse(ids)

    def _prepare_line_vals(self, employee):
        """Ledger values of one fined person of one offence (FN-2); a hook for addons."""
        self.ensure_one()
        lang = employee.user_id.lang or employee.work_contact_id.lang or self.env.lang
        fine_type = self.fine_type_id.with_context(lang=lang)
        sign = -1 if fine_type.line_kind == "penalty" else 1
        return {
            "employee_id": employee.id,
            "company_id": self.company_id.id,
            "kind": fine_type.line_kind,
            "amount": sign * self.amount,
            "name": f"{fine_type.rule_ref} {fine_type.name}",
            "rule_ref": fine_type.rule_ref,
            "source_ref": f"{self._name},{self.id}",
            "source_key": fines.source_key(self.id, employee.id),
            "date": self.date,
        }

    def _book_fines(self):
        fined = {offence: offence._fined_employees() for offence in self if offence.amount}
        everyone = self.env["hr.employee"].union(*fined.values())
        # One read of everyone's language, not one per person.
        everyone.user_id.mapped("lang")
        everyone.work_contact_id.mapped("lang")
        vals_list = [
            offence._prepare_line_vals(employee)
            for offence, employees in fined.items()
            for employee in employees
        ]
        return self.env["employee.incentive.line"].sudo()._book(vals_list)

    def _make_proposals(self):
        """FN-4: the step's or the type's proposal, and FN-6's consecutive days."""
        vals_list = []
        for offence in self:
            fine_type = offence.fine_type_id
            step = fines.step_for(fine_type._step_values(), offence.occurrence)
            kinds = [step and step["proposal_kind"], fine_type.proposal_kind]
            if fine_type.consecutive_days_limit and (
                offence._consecutive_days() >= fine_type.consecutive_days_limit
            ):
                kinds.append(fine_type.consecutive_proposal_kind)
            for kind in dict.fromkeys(k for k in kinds if k):
                vals_list.append(
                    {
                        "employee_id": offence.employee_id.id,
                        "kind": kind,
                        "offence_id": offence.id,
                        "rule_ref": fine_type.rule_ref,
                        "fine_amount": fine_type.amount
                        if fine_type.amount_mode == fines.HR_DECIDES
                        else 0.0,
                        "reason": offence.description or False,
                    }
                )
        return self.env["incentive.hr.proposal"].sudo()._propose(vals_list)

    def _consecutive_days(self):
        """FN-6: days of standing offences of this type that run into this one's last day."""
        self.ensure_one()
        others = self.search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("fine_type_id", "=", self.fine_type_id.id),
                ("state", "!=", "quashed"),
            ]
        )
        dates = {
            offence.date + datetime.timedelta(days=i)
            for offence in others
            for i in range(offence.days)
        }
        last = self.date + datetime.timedelta(days=self.days - 1)
        return fines.consecutive_run(dates, last)

    # --- Quashing (FN-2, PAY-2)

    def action_quash(self, reason=None):
        """Quash offences: their lines are cancelled, reversed if paid (PAY-2), their open
        proposals withdrawn, and later occurrences move up (FN-3)."""
        if not reason or not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Say why the offence is quashed."))
        self._check_can_record(self.employee_id)
        offences = self.sudo()
        if offences.filtered(lambda offence: offence.state != "recorded"):
            raise UserError(self.env._("Only recorded offences can be quashed."))
        lines = offences.line_ids.filtered(
            lambda line: line.state != "cancelled" and line.kind != "reversal"
        )
        lines.action_cancel()
        offences.proposal_ids.filtered(lambda p: p.state == "proposed")._withdraw()
        with offences._guard_workflow():
            offences.write(
                {
                    "state": "quashed",
                    "quashed_by_id": self.env.uid,
                    "quash_date": fields.Datetime.now(),
                    "quash_reason": reason.strip(),
                }
            )
        offences.flush_recordset()
        for offence in offences:
            offence._renumber_after_quash()
        return True

    def _renumber_after_quash(self):
        """Later standing offences of the same employee, type and period move up by one,
        so that a quashed offence does not count (FN-3)."""
        params = {
            "employee": self.employee_id.id,
            "type": self.fine_type_id.id,
            "period": self.count_period,
            "occurrence": self.occurrence,
        }
        # Two statements: the unique index is checked row by row.
        self.env.cr.execute(
            """
            UPDATE incentive_offence SET occurrence = -occurrence
             WHERE employee_id = %(employee)s AND fine_type_id = %(type)s
               AND count_period = %(period)s AND state != 'quashed'
               AND occurrence > %(occurrence)s
            """,
            params,
        )
        self.env.cr.execute(
            """
            UPDATE incentive_offence SET occurrence = -occurrence - 1
             WHERE employee_id = %(employee)s AND fine_type_id = %(type)s
               AND count_period = %(period)s AND occurrence < 0
            """,
            params,
        )
        self.invalidate_model(["occurrence"])

    def action_open_quash_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "incentive.offence.quash.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_offence_id": self.id},
        }

    # --- Demo

    @api.model
    def _demo_record_offences(self):
        """Demo data: a late arrival, a hygiene finding, a night rescue bonus, and an
        insubordination whose serious repeat is proposed to HR (FN-5, FN-9, FN-10, FN-7)."""
        sales_1 = self.env.ref("incentive_ledger.demo_employee_sales_1")
        sales_2 = self.env.ref("incentive_ledger.demo_employee_sales_2")
        sales_3 = self.env.ref("incentive_ledger.demo_employee_sales_3")
        # Odoo loads a module's translations after its demo data: load them now, so that
        # the ledger lines are named in each demo employee's language.
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        self.env["ir.module.module"]._load_module_terms(["incentive_ledger"], langs)
        Offence = self.sudo()
        Offence._record_offence(
            "incentive_ledger.fine_type_fn5_late_meeting",
            sales_1,
            description="19:42 到达班前会。",
        )
        Offence._record_offence("incentive_ledger.fine_type_fn9_hygiene", sales_2)
        Offence._record_offence("incentive_ledger.fine_type_fn10_night_rescue", sales_1 | sales_3)
        Offence._record_offence(
            "incentive_ledger.fine_type_fn7_insubordination",
            sales_3,
            amount=300.0,
            description="顶撞主管。",
        )
        Offence._record_offence(
            "incentive_ledger.fine_type_fn7_serious",
            sales_3,
            description="再次顶撞并推搡主管。",
        )

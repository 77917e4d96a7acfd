# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, ConcurrencyError, UserError
from odoo.fields import Domain

from ..tools import ledger


class EmployeeIncentiveLine(models.Model):
    """One approved (or to approve) amount that changes an employee's pay.

    Every addon of the suite that pays or fines an employee books here through
    :meth:`_book`; payroll glue modules read approved, unpaid lines from here.
    """

    _name = "employee.incentive.line"
    _description = "Employee Incentive Line"
    _inherit = ["mail.thread", "incentive.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Set by the workflow methods below only (approve, cancel, pay, reverse).
    _guarded_fields = (
        "state",
        "approved_by_id",
        "approved_date",
        "paid_date",
        "reversed_line_id",
    )
    # Editable while the line is to approve; an approved or paid line is immutable, for HR
    # too: it is corrected by a cancellation, or a reversal once paid (PAY-2). The employee
    # and source of a line booked by a workflow never change (RI-9).
    _guard_frozen_fields = {
        "name": "_guard_open_records",
        "kind": "_guard_open_records",
        "amount": "_guard_open_records",
        "date": "_guard_open_records",
        "rule_ref": "_guard_open_records",
        "company_id": "_guard_open_manual_records",
        "employee_id": "_guard_open_manual_records",
        "source_key": "_guard_open_manual_records",
        "source_model": "_guard_open_manual_records",
        "source_res_id": "_guard_open_manual_records",
        "source_ref": "_guard_open_manual_records",
    }
    _guard_unlink = "_guard_open_records"

    # --- What and for whom
    name = fields.Char(string="Description", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
    )
    # Indexes are few on purpose: every booking, approval and payslip writes ledger rows,
    # and each index is written too. The company leads the booking's unique index; kind and
    # rule have a handful of values each (no index would be chosen for them).
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [
            (ledger.BONUS, "Bonus"),
            (ledger.REWARD, "Reward"),
            (ledger.PENALTY, "Penalty"),
            (ledger.CREDIT_SHARE, "Credit Share"),
            (ledger.REVERSAL, "Reversal"),
        ],
        required=True,
        tracking=True,
        help="Bonuses, rewards and credit shares add to pay (amount >= 0), penalties "
        "deduct (amount <= 0). A reversal undoes a paid line that was cancelled.",
    )
    amount = fields.Monetary(
        required=True,
        tracking=True,
        help="Signed amount in the company's currency, as it affects the payslip.",
    )
    date = fields.Date(
        string="Accrual Date",
        required=True,
        index=True,
        default=lambda self: self._suite_today(),
        help="The first payslip whose period ends on or after this date pays the line.",
    )

    # --- Why
    rule_ref = fields.Char(
        string="Rule",
        help="ID of the rulebook rule that gives or takes this amount, e.g. RI-5 or LP-9.",
    )
    source_ref = fields.Reference(
        selection="_selection_source_model",
        string="Source Document",
        compute="_compute_source_ref",
        inverse="_inverse_source_ref",
        search="_search_source_ref",
        help="The business record (claim, scorecard, collision case...) behind the line.",
    )
    # Stored as model and id, so that booking a batch does not check each record's existence.
    source_model = fields.Char(readonly=True)
    source_res_id = fields.Many2oneReference(
        string="Source Record ID", model_field="source_model", readonly=True
    )
    source_key = fields.Char(
        required=True,
        help="Identifies the business event. The ledger holds at most one line per "
        "company, employee, source key and kind: booking the same event twice returns "
        "the existing line.",
    )

    # --- Life cycle
    state = fields.Selection(
        [
            ("draft", "To Approve"),
            ("approved", "Approved"),
            ("paid", "Paid"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    paid_date = fields.Date(readonly=True, copy=False, tracking=True)
    reversed_line_id = fields.Many2one(
        "employee.incentive.line",
        string="Reverses",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="For a reversal: the paid line it takes back.",
    )
    reversal_line_ids = fields.One2many(
        "employee.incentive.line", "reversed_line_id", string="Reversals", readonly=True
    )

    # The lines of a business record (its smart button, a quash) are searched by both.
    _source_index = models.Index("(source_model, source_res_id) WHERE source_model IS NOT NULL")

    # Exactly once (PAY-1), enforced by PostgreSQL so that two workers cannot both book.
    _booking_unique = models.UniqueIndex(
        "(company_id, employee_id, source_key, kind) WHERE kind != 'reversal'",
        "This business event is already booked for this employee.",
    )
    # A paid line is reversed at most once (PAY-2).
    _reversal_unique = models.UniqueIndex(
        "(reversed_line_id) WHERE reversed_line_id IS NOT NULL",
        "This line has already been reversed.",
    )
    _amount_sign = models.Constraint(
        "CHECK (kind = 'reversal' "
        "OR (kind = 'penalty' AND amount <= 0) "
        "OR (kind IN ('bonus', 'reward', 'credit_share') AND amount >= 0))",
        "Penalties must be negative or zero; bonuses, rewards and credit shares positive or zero.",
    )

    def _guard_open_records(self):
        return self.filtered(lambda line: line.state == "draft")

    def _guard_open_manual_records(self):
        return self.filtered(lambda line: line.state == "draft" and not line.source_model)

    def _guard_hint(self):
        return self.env._(
            "Approve, cancel or mark paid with the buttons of the line; a line that is "
            "approved is corrected by cancelling it (a reversal once paid)."
        )

    @api.model
    def _selection_source_model(self):
        return list(self._source_model_selection(self.env.lang or "en_US"))

    @tools.ormcache("lang")
    def _source_model_selection(self, lang):
        # Cached: the ORM asks for the selection once per record it validates.
        models = self.env["ir.model"].sudo().with_context(lang=lang).search([])
        return tuple((model.model, model.name) for model in models)

    @api.depends("source_model", "source_res_id")
    def _compute_source_ref(self):
        for line in self:
            line.source_ref = (
                f"{line.source_model},{line.source_res_id}"
                if line.source_model in self.env and line.source_res_id
                else False
            )

    def _search_source_ref(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        ids_by_model = {}
        for ref in value:
            split = self._split_source_ref(ref)
            if split["source_model"]:
                ids_by_model.setdefault(split["source_model"], []).append(split["source_res_id"])
        domain = Domain.OR(
            Domain("source_model", "=", model) & Domain("source_res_id", "in", ids)
            for model, ids in ids_by_model.items()
        )
        return domain if operator == "in" else ~domain

    def _inverse_source_ref(self):
        for line in self:
            line.write(self._split_source_ref(line.source_ref))

    @api.model
    def _split_source_ref(self, value):
        """{source_model, source_res_id} of a "model,id" string or a record."""
        if isinstance(value, models.BaseModel):
            return {"source_model": value._name, "source_res_id": value.id}
        if value:
            model, res_id = value.split(",")
            return {"source_model": model, "source_res_id": int(res_id)}
        return {"source_model": False, "source_res_id": False}

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [
            {
                **{key: value for key, value in vals.items() if key != "source_ref"},
                **self._split_source_ref(vals["source_ref"]),
            }
            if "source_ref" in vals
            else vals
            for vals in vals_list
        ]
        # The creator's follower and the creation note of a batch of lines in constant
        # queries: through mail's create they cost about 1 ms a line, most of a month's
        # close (issue 17).
        quiet, subscribe, log = self._suite_quiet_create()
        lines = super(EmployeeIncentiveLine, quiet).create(vals_list).with_env(self.env)
        lines._suite_log_creation(subscribe=subscribe, log=log)
        return lines

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id:
            self.company_id = self.employee_id.company_id

    # --- Booking API for the other addons

    @api.model
    def _book(self, vals_list):
        """Book business events in the ledger, exactly once (PAY-1).

        ``vals_list`` holds one dict per event with at least employee_id, kind, amount,
        name and source_key (company_id defaults to the employee's company). Events
        already in the ledger are not booked again: the existing line is returned. The
        result holds one line per item of ``vals_list``, in the same order.

        Runs as the caller: addons that book on behalf of a workflow call it with
        ``sudo()`` after their own access checks.
        """
        if not vals_list:
            return self.browse()
        employees = self.env["hr.employee"].browse({vals["employee_id"] for vals in vals_list})
        company_by_employee = {e.id: e.company_id.id for e in employees.sudo()}
        vals_list = [
            dict(
                vals, company_id=vals.get("company_id") or company_by_employee[vals["employee_id"]]
            )
            for vals in vals_list
        ]
        keys = [
            ledger.booking_key(v["company_id"], v["employee_id"], v["source_key"], v["kind"])
            for v in vals_list
        ]
        existing = {
            ledger.booking_key(
                line.company_id.id, line.employee_id.id, line.source_key, line.kind
            ): line.id
            for line in self.with_context(active_test=False).search(
                [
                    ("source_key", "in", list({key[2] for key in keys})),
                    ("employee_id", "in", employees.ids),
                    ("kind", "!=", ledger.REVERSAL),
                ]
            )
        }
        to_create, resolution = ledger.plan_bookings(keys, existing)
        created_ids = {}
        if to_create:
            try:
                with self.env.cr.savepoint(), self._guard_workflow():
                    created = self.create([vals_list[index] for index in to_create])
            except psycopg2.errors.UniqueViolation as error:
                # Another transaction booked the same event after our snapshot: retry the
                # whole request, which will then find and return its line.
                raise ConcurrencyError("Incentive line booked concurrently, retrying") from error
            created_ids = dict(zip(to_create, created.ids, strict=True))
        return self.browse(
            [
                existing[key] if res is None else created_ids[res]
                for key, res in zip(keys, resolution, strict=True)
            ]
        )

    # --- Workflow

    def _check_workflow_rights(self):
        """HR officers move lines through the workflow, never their own (PAY-1): the
        right is checked on each record before anything is written."""
        if self.env.su:
            return
        if not self.env.user.has_group("hr.group_hr_user"):
            raise AccessError(
                self.env._("Only HR officers approve, cancel or pay incentive lines.")
            )
        self.check_access("write")
        if self.filtered(lambda line: line.employee_id.sudo().user_id == self.env.user):
            raise AccessError(
                self.env._(
                    "Nobody approves, cancels or pays his own incentive lines: another HR "
                    "officer does."
                )
            )

    def action_approve(self):
        """Approve lines to be paid (batch)."""
        self._check_workflow_rights()
        if self.filtered(lambda line: line.state != "draft"):
            raise UserError(self.env._("Only lines to approve can be approved."))
        with self._guard_workflow():
            self.write(
                {
                    "state": "approved",
                    "approved_by_id": self.env.uid,
                    "approved_date": fields.Datetime.now(),
                }
            )
        return True

    def action_reset_to_draft(self):
        self._check_workflow_rights()
        if self.filtered(lambda line: line.state != "approved" or line.kind == ledger.REVERSAL):
            raise UserError(
                self.env._("Only approved lines that are not reversals can be reset to draft.")
            )
        with self._guard_workflow():
            self.write({"state": "draft", "approved_by_id": False, "approved_date": False})
        return True

    def action_cancel(self):
        """Cancel lines (PAY-2): unpaid lines are just cancelled, paid lines are reversed
        on the next payslip by a linked reversal line."""
        self._check_workflow_rights()
        if self.filtered(lambda line: line.kind == ledger.REVERSAL):
            raise UserError(
                self.env._("A reversal cannot be cancelled: it takes back an amount already paid.")
            )
        if self.filtered(lambda line: line.state == "cancelled"):
            raise UserError(self.env._("Some of these lines are already cancelled."))
        paid = self.filtered(lambda line: line.state == "paid")
        with self._guard_workflow():
            self._create_reversals(paid)
            self.write({"state": "cancelled"})
        self._on_cancelled(paid)
        return True

    def _on_cancelled(self, paid_lines):
        """Hook: called after ``self`` is cancelled, ``paid_lines`` (among them) reversed.

        Addons react to ledger events here (e.g. to reopen the claim behind a line), not
        by overriding ``write``. Lines carry ``source_model``/``source_res_id`` and the
        ``source_key`` of the event (see the readme for the scheme)."""

    def _create_reversals(self, paid_lines):
        """Book one approved reversal per paid line, for the next pay period."""
        if not paid_lines:
            return self.browse()
        today = self._suite_today()
        vals_list = []
        for line in paid_lines:
            vals = ledger.reversal_values(
                {
                    "id": line.id,
                    "company_id": line.company_id.id,
                    "employee_id": line.employee_id.id,
                    "amount": line.amount,
                    "rule_ref": line.rule_ref,
                    "name": self.env._("Reversal: %(name)s", name=line.name),
                    "source_ref": line.source_model
                    and line.source_res_id
                    and f"{line.source_model},{line.source_res_id}",
                },
                today,
            )
            vals.update(
                state="approved",
                approved_by_id=self.env.uid,
                approved_date=fields.Datetime.now(),
            )
            vals_list.append(vals)
        return self.create(vals_list)

    def _mark_paid(self, paid_date=None):
        """Mark approved lines as paid outside payroll (e.g. a cash payment)."""
        self._check_workflow_rights()
        if self.filtered(lambda line: line.state != "approved"):
            raise UserError(self.env._("Only approved lines can be marked as paid."))
        with self._guard_workflow():
            self.write({"state": "paid", "paid_date": paid_date or self._suite_today()})
        return True

    def action_mark_paid(self):
        return self._mark_paid()

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda line: line.state != "draft"):
            raise UserError(
                self.env._(
                    "Only lines to approve can be deleted; cancel approved or paid lines "
                    "instead, so that nothing is lost."
                )
            )

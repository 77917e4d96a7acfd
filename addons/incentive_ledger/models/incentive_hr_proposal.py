# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError

from ..tools import fines
from .incentive_fine_type import PROPOSAL_KINDS


class IncentiveHrProposal(models.Model):
    """A consequence only HR decides: dismissal, resignation, public criticism, cancelling a
    month's performance, probation (FN-4, LP-46, SC-7). The suite never ends a contract."""

    _name = "incentive.hr.proposal"
    _description = "HR Proposal"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    _guarded_fields = (
        "employee_id",
        "company_id",
        "kind",
        "offence_id",
        "rule_ref",
        "source_model",
        "source_res_id",
        "state",
        "decided_by_id",
        "decision_date",
        "decision_note",
        "cancelled_line_ids",
    )
    # HR may adjust the FN-8 fine until it decides.
    _guard_frozen_fields = ("fine_amount", "reason")
    _guard_unlink = "_guard_no_records"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, check_company=True, ondelete="restrict"
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(PROPOSAL_KINDS, string="Proposal", required=True, tracking=True)
    offence_id = fields.Many2one(
        "incentive.offence", index="btree_not_null", ondelete="restrict", check_company=True
    )
    rule_ref = fields.Char(string="Rule", index=True)
    source_model = fields.Char(readonly=True, index=True)
    source_res_id = fields.Many2oneReference(
        string="Source Record ID", model_field="source_model", readonly=True
    )
    reason = fields.Text()
    fine_amount = fields.Monetary(
        string="HR's Fine",
        help="FN-8: fine booked when HR confirms the booking fraud, on top of cancelling "
        "the month's commission and credit lines.",
    )
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
            ("withdrawn", "Withdrawn"),
        ],
        required=True,
        default="proposed",
        index=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    decision_date = fields.Datetime(readonly=True)
    decision_note = fields.Text(readonly=True, tracking=True)
    cancelled_line_ids = fields.Many2many(
        "employee.incentive.line",
        string="Cancelled Ledger Lines",
        readonly=True,
        help="FN-8: the commission and credit lines this decision cancelled.",
    )

    _fine_positive = models.Constraint(
        "CHECK (COALESCE(fine_amount, 0) >= 0)", "HR's fine is a positive amount."
    )

    def _guard_no_records(self):
        return self.browse()

    def _guard_open_records(self):
        return self.filtered(lambda proposal: proposal.state == "proposed")

    def _guard_hint(self):
        return self.env._("HR decides a proposal with Accept or Reject.")

    @api.depends("kind", "employee_id")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for proposal in self:
            proposal.display_name = f"{kinds.get(proposal.kind, '')}: {proposal.employee_id.name}"

    # --- Proposing (API for the other addons)

    @api.model
    def _propose(self, vals_list):
        """Open proposals for HR, each with a to-do activity for the employee's HR officer.

        ``vals_list``: dicts with employee_id, kind, and optionally offence_id, rule_ref,
        reason, fine_amount, source_ref (the record behind a proposal without offence,
        e.g. an SC-7 scorecard quarter). Run with ``sudo()`` after the caller's checks.
        """
        kinds = dict(PROPOSAL_KINDS)
        for vals in vals_list:
            if vals.get("kind") not in kinds or not vals.get("employee_id"):
                raise UserError(self.env._("A proposal needs an employee and a known kind."))
        Line = self.env["employee.incentive.line"]
        prepared = []
        for vals in vals_list:
            vals = dict(vals)
            employee = self.env["hr.employee"].browse(vals["employee_id"])
            vals.setdefault("company_id", employee.company_id.id)
            if "source_ref" in vals:
                vals.update(Line._split_source_ref(vals.pop("source_ref")))
            prepared.append(vals)
        with self._guard_workflow():
            proposals = self.create(prepared)
        for proposal in proposals:
            proposal._schedule_hr_activity()
        return proposals

    def _hr_officer(self):
        employee = self.employee_id.sudo()
        officer = employee.hr_responsible_id
        if not officer or officer._is_superuser() or officer.share:
            officer = self.env["res.users"].search(
                [
                    ("group_ids", "in", self.env.ref("hr.group_hr_user").id),
                    ("company_ids", "in", self.company_id.id),
                    ("share", "=", False),
                    ("id", "!=", SUPERUSER_ID),
                ],
                order="id",
                limit=1,
            )
        return officer or self.env.user

    def _schedule_hr_activity(self):
        self.ensure_one()
        officer = self._hr_officer()
        proposal = self.with_context(lang=officer.lang)
        kinds = dict(proposal._fields["kind"]._description_selection(proposal.env))
        proposal.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=officer.id,
            summary=proposal.env._(
                "%(kind)s proposed (%(rule)s)", kind=kinds[self.kind], rule=self.rule_ref or ""
            ),
            note=self.reason or "",
        )

    # --- HR decides

    def _check_hr(self):
        if not self.env.user.has_group("hr.group_hr_user"):
            raise UserError(self.env._("Only HR officers decide proposals."))
        if self.filtered(lambda proposal: proposal.state != "proposed"):
            raise UserError(self.env._("This proposal has already been decided."))

    def action_accept(self, note=None):
        """HR accepts: the decision is recorded; FN-8 cancels the month's performance and
        books HR's fine. Nothing ends a contract: HR does that in Employees."""
        self._check_hr()
        for proposal in self.sudo():
            if proposal.kind == "cancel_performance":
                proposal._cancel_month_performance()
        self._decide("accepted", note)
        return True

    def action_reject(self, note=None):
        self._check_hr()
        self._decide("rejected", note)
        return True

    def _decide(self, state, note):
        if note is not None and not isinstance(note, str):
            raise UserError(self.env._("The decision note must be text."))
        with self._guard_workflow():
            self.sudo().write(
                {
                    "state": state,
                    "decided_by_id": self.env.uid,
                    "decision_date": fields.Datetime.now(),
                    "decision_note": note or False,
                }
            )
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"], feedback=note or None)

    def _withdraw(self):
        """The offence behind the proposals was quashed (FN-2)."""
        with self._guard_workflow():
            self.write({"state": "withdrawn"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def _performance_month(self):
        day = self.offence_id.date or self._suite_today()
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)

    def _cancel_month_performance(self):
        """FN-8: cancel the employee's commission and credit lines of the offence's month
        (reversed if paid, PAY-2) and book HR's fine."""
        self.ensure_one()
        first, last = self._performance_month()
        Line = self.env["employee.incentive.line"]
        lines = Line.search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("company_id", "=", self.company_id.id),
                ("kind", "in", list(fines.PERFORMANCE_KINDS)),
                ("state", "!=", "cancelled"),
                ("date", ">=", first),
                ("date", "<=", last),
            ]
        )
        lines.action_cancel()
        with self._guard_workflow():
            self.write({"cancelled_line_ids": [fields.Command.set(lines.ids)]})
        if self.fine_amount:
            employee = self.employee_id
            lang = employee.user_id.lang or employee.work_contact_id.lang or self.env.lang
            Line._book(
                [
                    {
                        "employee_id": employee.id,
                        "company_id": self.company_id.id,
                        "kind": "penalty",
                        "amount": -self.fine_amount,
                        "name": self.with_context(lang=lang).env._(
                            "%(rule)s booking fraud fine", rule=self.rule_ref or "FN-8"
                        ),
                        "rule_ref": self.rule_ref or "FN-8",
                        "source_ref": f"{self._name},{self.id}",
                        "source_key": f"proposal:{self.id}",
                        "date": self.offence_id.date or self._suite_today(),
                    }
                ]
            )

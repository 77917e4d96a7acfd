# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError, ValidationError

from ..tools import periods, scoring


class ServiceScorecardEvent(models.Model):
    """An event that moves a customer manager's score, recorded by a supervisor with its
    evidence (SC-1). Confirmed events are never edited: a counter-event cancels them."""

    _name = "service.scorecard.event"
    _description = "Service Scorecard Event"
    _inherit = ["mail.thread", "incentive.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # Set by the workflow only: confirmation, where the event counts, what it counters.
    _guarded_fields = (
        "state",
        "confirmed_by_id",
        "confirmed_date",
        "scorecard_id",
        "quarter_scorecard_id",
        "countered_event_id",
    )
    # What happened, edited while the event is a draft; a confirmed event is corrected by a
    # counter-event only (SC-1).
    _guard_frozen_fields = (
        "name",
        "employee_id",
        "company_id",
        "date",
        "type_id",
        "quantity",
        "unit_points",
        "survey_rate",
        "note",
        "evidence_ids",
    )
    _guard_unlink = "_guard_open_records"

    name = fields.Char(string="Description", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Customer Manager",
        required=True,
        index=True,
        check_company=True,
        domain="[('scorecard_enabled', '=', True)]",
        tracking=True,
    )
    user_id = fields.Many2one(related="employee_id.user_id", string="User")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    date = fields.Date(
        required=True, default=lambda self: self._suite_today(), tracking=True, index=True
    )
    type_id = fields.Many2one(
        "service.scorecard.event.type",
        string="Event Type",
        required=True,
        domain="[('company_id', 'in', [company_id, False])]",
        tracking=True,
    )
    scope = fields.Selection(related="type_id.scope")
    points_editable = fields.Boolean(related="type_id.points_editable")
    is_survey = fields.Boolean(related="type_id.is_survey")
    is_fraud = fields.Boolean(related="type_id.is_fraud", store=True)
    quantity = fields.Integer(
        default=1,
        tracking=True,
        help="Occurrences recorded by this event: users won or lost, failed standards...",
    )
    unit_points = fields.Integer(
        string="Points per Occurrence",
        compute="_compute_unit_points",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    survey_rate = fields.Float(
        string="Satisfaction Rate (%)",
        tracking=True,
        help="Satisfaction rate of the survey's sample of customers.",
    )
    points = fields.Integer(compute="_compute_points", store=True, recursive=True, tracking=True)
    note = fields.Html(string="Details")
    evidence_ids = fields.Many2many(
        "ir.attachment",
        help="Work orders, complaint records, letters of praise, survey sheets...",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Datetime(readonly=True, copy=False)

    # --- Where it counts
    scorecard_id = fields.Many2one(
        "service.scorecard", string="Monthly Scorecard", readonly=True, index="btree_not_null"
    )
    quarter_scorecard_id = fields.Many2one(
        "service.scorecard.quarter",
        string="Quarterly Scorecard",
        readonly=True,
        index="btree_not_null",
    )

    # --- Counter-events
    countered_event_id = fields.Many2one(
        "service.scorecard.event",
        string="Counters",
        readonly=True,
        copy=False,
        ondelete="restrict",
        index="btree_not_null",
        help="The confirmed event this one cancels.",
    )
    counter_event_ids = fields.One2many(
        "service.scorecard.event", "countered_event_id", string="Countered By", readonly=True
    )
    is_countered = fields.Boolean(compute="_compute_is_countered", store=True)

    _quantity_positive = models.Constraint(
        "CHECK (quantity >= 1)", "An event records at least one occurrence."
    )
    _survey_rate_range = models.Constraint(
        "CHECK (survey_rate BETWEEN 0 AND 100)", "A satisfaction rate goes from 0 to 100 %."
    )
    _countered_once = models.UniqueIndex(
        "(countered_event_id) WHERE countered_event_id IS NOT NULL",
        "An event is countered once.",
    )

    def _check_input(self, vals):
        """A readable message for out-of-range input, before the database constraints."""
        quantity = vals.get("quantity")
        if quantity is not None and (not isinstance(quantity, int) or quantity < 1):
            raise ValidationError(self.env._("An event records at least one occurrence."))
        rate = vals.get("survey_rate")
        if rate is not None and (
            not isinstance(rate, (int, float)) or isinstance(rate, bool) or not 0 <= rate <= 100
        ):
            raise ValidationError(self.env._("A satisfaction rate goes from 0 to 100 %."))

    @api.depends("employee_id")
    def _compute_company_id(self):
        """The customer manager's company."""
        for event in self:
            event.company_id = event.employee_id.company_id or event.company_id or self.env.company

    @api.depends("type_id")
    def _compute_unit_points(self):
        """The type's points, unless the supervisor chooses them."""
        for event in self:
            if not event.countered_event_id:
                event.unit_points = event.type_id.points

    @api.depends(
        "unit_points",
        "quantity",
        "survey_rate",
        "type_id.is_survey",
        "type_id.survey_threshold",
        "countered_event_id.points",
    )
    def _compute_points(self):
        """SC-1: points per occurrence times occurrences; surveys count from the threshold;
        a counter-event takes back the points of the event it counters."""
        for event in self:
            if event.countered_event_id:
                event.points = -event.countered_event_id.points
                continue
            event_type = event.type_id
            event.points = scoring.event_points(
                event.unit_points,
                event.quantity,
                event.survey_rate,
                event_type.survey_threshold if event_type.is_survey else None,
            )

    @api.depends("counter_event_ids.state")
    def _compute_is_countered(self):
        """Countered by a confirmed counter-event."""
        for event in self:
            event.is_countered = any(
                counter.state == "confirmed" for counter in event.counter_event_ids
            )

    # --- Creation: attach to the open scorecard of the month or quarter

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_input(vals)
        events = super().create(vals_list)
        with events._guard_workflow():
            events._attach_scorecards()
        return events

    def _attach_scorecards(self):
        """Link events to their manager's scorecard of the month (or the quarter, for
        quarterly events), creating the period and scorecard when missing, in batch."""
        Period = self.env["service.scorecard.period"]
        for scope in (periods.MONTH, periods.QUARTER):
            events = self.filtered(lambda event, scope=scope: event.type_id.scope == scope)
            if not events:
                continue
            by_start = Period._ensure_periods(
                [(event.company_id.id, event.date) for event in events], scope
            )
            period_of = {
                event: by_start[event.company_id.id, periods.period_bounds(scope, event.date)[0]]
                for event in events
            }
            closed = [event for event in events if period_of[event].state != "open"]
            if closed:
                raise UserError(
                    self.env._(
                        "%(period)s is closed: record the event in an open period, or reopen "
                        "the period first.",
                        period=period_of[closed[0]].name,
                    )
                )
            all_periods = Period.browse().union(*period_of.values())
            cards = all_periods._ensure_scorecards(events.employee_id)
            field = "scorecard_id" if scope == periods.MONTH else "quarter_scorecard_id"
            for event in events:
                event[field] = cards[event.employee_id.id, period_of[event].id]

    # --- Guard

    def write(self, vals):
        self._check_input(vals)
        res = super().write(vals)
        if {"employee_id", "date", "type_id"}.intersection(vals):
            with self._guard_workflow():
                self._attach_scorecards()
        return res

    def _guard_open_records(self):
        """Draft events."""
        return self.filtered(lambda event: event.state == "draft")

    def _guard_hint(self):
        return self.env._(
            "Confirm the event with its button; a confirmed event is cancelled by a "
            "counter-event, then the right event is recorded (SC-1)."
        )

    # --- Workflow

    def _period(self):
        self.ensure_one()
        return (self.scorecard_id or self.quarter_scorecard_id).period_id

    def action_confirm(self):
        """Confirm events: they count from now on and can no longer be changed (SC-1)."""
        if self.filtered(lambda event: event.state != "draft"):
            raise UserError(self.env._("Only draft events can be confirmed."))
        self._check_not_own()
        self._lock_quarters()
        now = fields.Datetime.now()
        # One by one: each event of the batch counts in the quarter limit of the next.
        for event in self.sorted(lambda event: (event.date, event.id)):
            event._check_confirmable()
            with event._guard_workflow():
                event.write(
                    {"state": "confirmed", "confirmed_by_id": self.env.uid, "confirmed_date": now}
                )
            event.flush_recordset()
        return True

    def _check_not_own(self):
        """Nobody confirms or counters the events of his own scorecard."""
        if self._guard_bypassed():
            return
        own = self.filtered(lambda event: event.employee_id.user_id == self.env.user)
        if own:
            raise UserError(
                self.env._(
                    "%(event)s is about you: another supervisor confirms it.",
                    event=own[0].name,
                )
            )

    def _lock_quarters(self):
        """SC-1: serialise the confirmations of quarter-limited events of one manager.

        The quarter limit (3 supervisor points by default) is a sum over confirmed events:
        two workers confirming at the same instant would each miss the other's event in
        their snapshot. Updating the quarter scorecards' row first makes the second worker
        wait for the first and then fail with a retryable concurrency error; its retry sees
        the first confirmation and checks the limit against it.
        """
        limited = self.filtered(lambda event: event.type_id.quarter_limit)
        quarters = limited.quarter_scorecard_id | limited.scorecard_id.quarter_scorecard_id
        if not quarters:
            return
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "UPDATE service_scorecard_quarter SET write_date = (now() at time zone 'UTC') "
                    "WHERE id IN %s",
                    [tuple(quarters.ids)],
                )
        except psycopg2.errors.SerializationFailure as error:
            raise ConcurrencyError("Quarterly scorecard changed concurrently, retrying") from error
        quarters.invalidate_recordset(["write_date"])

    def _check_confirmable(self):
        self.ensure_one()
        if self._period().state != "open":
            raise UserError(
                self.env._(
                    "%(period)s is closed: reopen it before confirming events.",
                    period=self._period().name,
                )
            )
        event_type = self.type_id
        if self.countered_event_id:
            if not self.note and not self.evidence_ids:
                raise UserError(self.env._("Explain in the details why the event is countered."))
            return
        if event_type.requires_evidence and not self.evidence_ids:
            raise UserError(
                self.env._(
                    "Attach the evidence of %(event)s (work order, complaint record, letter, "
                    "survey sheet...) before confirming it.",
                    event=self.name,
                )
            )
        if event_type.is_survey and not self.survey_rate:
            raise UserError(self.env._("Enter the satisfaction rate of the survey."))
        if event_type.points_editable:
            start, end = periods.period_bounds(periods.QUARTER, self.date)
            others = self.sudo().search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("type_id", "=", event_type.id),
                    ("state", "=", "confirmed"),
                    ("date", ">=", start),
                    ("date", "<=", end),
                ]
            )
            verdict = scoring.check_adjustment(
                self.points,
                event_type.points_min_abs,
                event_type.points_max_abs,
                sum(others.mapped("points")),
                event_type.quarter_limit,
            )
            if verdict == "range":
                raise ValidationError(
                    self.env._(
                        "%(type)s adds or removes %(min)s to %(max)s points.",
                        type=event_type.name,
                        min=event_type.points_min_abs,
                        max=event_type.points_max_abs,
                    )
                )
            if verdict == "limit":
                raise ValidationError(
                    self.env._(
                        "%(type)s: at most %(limit)s points per quarter either way for %(name)s.",
                        type=event_type.name,
                        limit=event_type.quarter_limit,
                        name=self.employee_id.name,
                    )
                )
        elif self.unit_points != event_type.points:
            raise ValidationError(
                self.env._(
                    "%(type)s counts %(points)s points per occurrence.",
                    type=event_type.name,
                    points=event_type.points,
                )
            )

    def action_counter(self):
        """Record a counter-event that takes back a confirmed event's points (and fraud),
        open for the supervisor to explain and confirm."""
        self.ensure_one()
        self.check_access("write")
        self._check_not_own()
        if self.state != "confirmed":
            raise UserError(self.env._("Only confirmed events are countered; edit a draft."))
        if self.countered_event_id:
            raise UserError(
                self.env._("A counter-event cannot be countered: record a new event instead.")
            )
        if self.counter_event_ids:
            raise UserError(self.env._("This event is already countered."))
        with self._guard_workflow():
            counter = self._create_counter()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": counter.id,
            "view_mode": "form",
        }

    def _create_counter(self):
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                return self.create(self._prepare_counter_vals())
        except psycopg2.errors.UniqueViolation as error:
            raise ConcurrencyError("Event countered concurrently, retrying") from error

    def _prepare_counter_vals(self):
        self.ensure_one()
        return {
            "name": self.env._("Counter: %(name)s", name=self.name),
            "employee_id": self.employee_id.id,
            "company_id": self.company_id.id,
            "date": self.date,
            "type_id": self.type_id.id,
            "quantity": self.quantity,
            "unit_points": -self.unit_points,
            "survey_rate": self.survey_rate,
            "countered_event_id": self.id,
        }

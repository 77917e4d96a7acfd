# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import logging

import psycopg2.errors
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError
from odoo.tools import format_amount

from ..tools import payout, periods, ranking

_logger = logging.getLogger(__name__)


class ServiceScorecardPeriod(models.Model):
    """A month or a quarter of one company, closed as a batch for every customer manager."""

    _name = "service.scorecard.period"
    _description = "Service Scorecard Period"
    _inherit = ["mail.thread", "incentive.guard.mixin"]
    _order = "date_start desc, period_type"
    _check_company_auto = True

    # Periods are created by the events and scorecards that need them and closed or
    # reopened by their buttons only (SC-1 .. SC-7).
    _guarded_fields = (
        "name",
        "company_id",
        "period_type",
        "date_start",
        "date_end",
        "state",
        "revision",
        "closed_by_id",
        "closed_date",
    )

    name = fields.Char(required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    period_type = fields.Selection(
        [(periods.MONTH, "Month"), (periods.QUARTER, "Quarter")], required=True, readonly=True
    )
    date_start = fields.Date(required=True, readonly=True)
    date_end = fields.Date(required=True, readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        required=True,
        default="open",
        readonly=True,
        tracking=True,
    )
    revision = fields.Integer(
        readonly=True,
        help="Number of reopenings. Bookings of a closing carry it in their source key: "
        "closing again books each amount once, reopening cancels them and the next closing "
        "books the new amounts.",
    )
    closed_by_id = fields.Many2one("res.users", readonly=True)
    closed_date = fields.Datetime(readonly=True)
    scorecard_ids = fields.One2many("service.scorecard", "period_id", string="Monthly Scorecards")
    quarter_scorecard_ids = fields.One2many(
        "service.scorecard.quarter", "period_id", string="Quarterly Scorecards"
    )
    scorecard_count = fields.Integer(compute="_compute_scorecard_count")

    _period_unique = models.UniqueIndex(
        "(company_id, period_type, date_start)", "This period already exists."
    )

    def _compute_scorecard_count(self):
        """Monthly or quarterly scorecards of the period."""
        for period in self:
            period.scorecard_count = len(period.scorecard_ids) + len(period.quarter_scorecard_ids)

    # --- Periods and scorecards, in batch

    @api.model
    def _ensure_periods(self, company_days, period_type):
        """The periods holding each (company id, day), created when missing.

        :return: {(company id, first day): period}
        """
        wanted = {}
        for company_id, day in company_days:
            start, end = periods.period_bounds(period_type, day)
            wanted[company_id, start] = (end, periods.period_name(period_type, day))
        if not wanted:
            return {}
        found = {
            (period.company_id.id, period.date_start): period
            for period in self.sudo().search(
                [
                    ("period_type", "=", period_type),
                    ("company_id", "in", list({key[0] for key in wanted})),
                    ("date_start", "in", list({key[1] for key in wanted})),
                ]
            )
        }
        missing = [key for key in wanted if key not in found]
        created = self._create_unique_in(
            self.sudo(),
            [
                {
                    "company_id": company_id,
                    "period_type": period_type,
                    "date_start": start,
                    "date_end": wanted[company_id, start][0],
                    "name": wanted[company_id, start][1],
                }
                for company_id, start in missing
            ],
        )
        found.update(zip(missing, created, strict=True))
        return {key: found[key].with_env(self.env) for key in wanted}

    def _ensure_scorecards(self, employees):
        """Scorecards of ``employees`` (of the period's company) in these periods, created
        when missing, monthly ones linked to their quarter's.

        :return: {(employee id, period id): scorecard}
        """
        months = self.filtered(lambda period: period.period_type == periods.MONTH)
        quarters = self - months
        if months:
            by_key = self._ensure_periods(
                [(period.company_id.id, period.date_start) for period in months], periods.QUARTER
            )
            quarter_of = {
                month: by_key[
                    month.company_id.id,
                    periods.period_bounds(periods.QUARTER, month.date_start)[0],
                ]
                for month in months
            }
            quarters |= self.browse().union(*quarter_of.values())
        result = {}
        for model, scope_periods in (
            ("service.scorecard.quarter", quarters),
            ("service.scorecard", months),
        ):
            if not scope_periods:
                continue
            cards = self.env[model].sudo()
            existing = {
                (card.employee_id.id, card.period_id.id): card
                for card in cards.search(
                    [("period_id", "in", scope_periods.ids), ("employee_id", "in", employees.ids)]
                )
            }
            to_create = []
            for period in scope_periods:
                for employee in employees:
                    if employee.company_id != period.company_id:
                        continue
                    if (employee.id, period.id) in existing:
                        continue
                    vals = {"employee_id": employee.id, "period_id": period.id}
                    if model == "service.scorecard":
                        vals["base_score"] = period.company_id.scorecard_base_score
                        vals["quarter_scorecard_id"] = result[employee.id, quarter_of[period].id].id
                    to_create.append(vals)
            created = self._create_unique_in(cards, to_create)
            existing.update({(card.employee_id.id, card.period_id.id): card for card in created})
            result.update(existing)
        return {key: card.with_env(self.env) for key, card in result.items()}

    @api.model
    def _create_unique_in(self, model, vals_list):
        """Create ``model`` records on a search-then-create path: when another worker created
        the same one after our snapshot, retry the whole request (it will then find it)."""
        if not vals_list:
            return model.browse()
        try:
            with self.env.cr.savepoint(), model._guard_workflow():
                return model.create(vals_list)
        except psycopg2.errors.UniqueViolation as error:
            raise ConcurrencyError(f"{model._name} created concurrently, retrying") from error

    def _guard_hint(self):
        return self.env._("Close or reopen the period with its buttons.")

    # --- Closing and reopening

    def action_close(self):
        """Button: close the selected periods, months before quarters."""
        self.check_access("write")
        if self.filtered(lambda period: period.state != "open"):
            raise UserError(self.env._("Only open periods can be closed."))
        if self.filtered(lambda period: period.date_end >= period.company_id._suite_today()):
            raise UserError(
                self.env._("A month or a quarter can only be closed after its last day.")
            )
        self._close()
        return True

    def _close(self):
        """Score every customer manager of the periods and book their money, in batch."""
        open_periods = self.filtered(lambda period: period.state == "open")
        months = open_periods.filtered(lambda period: period.period_type == periods.MONTH)
        quarters = open_periods - months
        closed_vals = {
            "state": "closed",
            "closed_by_id": self.env.uid,
            "closed_date": fields.Datetime.now(),
        }
        with self._guard_workflow("service.scorecard", "service.scorecard.quarter"):
            if months:
                months._close_months()
                months.write(closed_vals)
            if quarters:
                quarters._close_quarters()
                quarters.write(closed_vals)
        return True

    def _scored_employees(self):
        return (
            self.env["hr.employee"]
            .sudo()
            .search([("scorecard_enabled", "=", True), ("company_id", "in", self.company_id.ids)])
        )

    def _close_months(self):
        """SC-1, SC-2, SC-4, SC-6: score, grade, rank, book the rewards and announce."""
        self._ensure_scorecards(self._scored_employees())
        cards = self.scorecard_ids.sudo()
        cards._suite_recompute(["points", "score", "fraud", "effective_score", "grade_id"])
        ranks = []
        for period in self:
            period_cards = cards.filtered(lambda card, period=period: card.period_id == period)
            by_quality = ranking.rank({card.id: card.score for card in period_cards})
            by_revenue = ranking.rank({card.id: card.revenue for card in period_cards})
            ranks += [(card_id, by_quality[card_id], by_revenue[card_id]) for card_id in by_quality]
        cards._write_ranks(ranks)
        cards._book_rewards()
        for period in self.sorted("date_start"):
            period._announce_best(
                cards.filtered(lambda card, period=period: card.period_id == period)
            )

    def _close_quarters(self):
        """SC-2, SC-3, SC-5, SC-7: the quarter's mean, bonus, payout and probation."""
        open_months = self.sudo().search(
            [
                ("period_type", "=", periods.MONTH),
                ("state", "=", "open"),
                ("company_id", "in", self.company_id.ids),
                ("date_start", ">=", min(self.mapped("date_start"))),
                ("date_start", "<=", max(self.mapped("date_end"))),
            ]
        )
        blocking = self.filtered(
            lambda quarter: any(
                month.company_id == quarter.company_id
                and quarter.date_start <= month.date_start <= quarter.date_end
                for month in open_months
            )
        )
        if blocking:
            raise UserError(
                self.env._(
                    "Close the months of %(quarters)s before the quarter.",
                    quarters=", ".join(blocking.mapped("name")),
                )
            )
        cards = self.quarter_scorecard_ids.sudo()
        cards._suite_recompute(["points", "month_mean", "score", "grade_id", "quality_bonus"])
        cards._book_bonuses()
        cards._decide_probation()

    def action_reopen(self):
        """Reopen closed periods: cancel (or reverse, when paid) what their closing booked."""
        self.check_access("write")
        if self.filtered(lambda period: period.state != "closed"):
            raise UserError(self.env._("Only closed periods can be reopened."))
        months = self.filtered(lambda period: period.period_type == periods.MONTH)
        if months:
            closed_quarters = self.sudo().search(
                [
                    ("period_type", "=", periods.QUARTER),
                    ("state", "=", "closed"),
                    ("company_id", "in", months.company_id.ids),
                    ("date_start", "<=", max(months.mapped("date_start"))),
                    ("date_end", ">=", min(months.mapped("date_start"))),
                ]
            )
            blocking = months.filtered(
                lambda month: any(
                    quarter not in self
                    and quarter.company_id == month.company_id
                    and quarter.date_start <= month.date_start <= quarter.date_end
                    for quarter in closed_quarters
                )
            )
            if blocking:
                raise UserError(
                    self.env._(
                        "Reopen the quarter of %(months)s first: its bonus depends on the month.",
                        months=", ".join(blocking.mapped("name")),
                    )
                )
        refs = [f"service.scorecard,{card_id}" for card_id in self.scorecard_ids.ids] + [
            f"service.scorecard.quarter,{card_id}" for card_id in self.quarter_scorecard_ids.ids
        ]
        lines = (
            self.env["employee.incentive.line"]
            .sudo()
            .search(
                [
                    ("source_ref", "in", refs),
                    ("state", "!=", "cancelled"),
                    ("kind", "!=", "reversal"),
                ]
            )
        )
        if lines:
            lines.action_cancel()
        quarter_cards = self.quarter_scorecard_ids.sudo()
        quarter_cards.activity_ids.unlink()
        quarter_cards._open_proposals()._withdraw()
        with self._guard_workflow("service.scorecard.quarter"):
            quarter_cards.write({"probation_decision": False})
            for period in self:
                period.write({"state": "open", "revision": period.revision + 1})
        for period in self:
            period._suite_message_post(
                lambda env: env._(
                    "Reopened: %(count)s ledger lines cancelled or reversed.", count=len(lines)
                )
            )
        return True

    # --- SC-6

    def _announce_best(self, cards):
        """SC-6: post the month's best managers on quality and on revenue."""
        self.ensure_one()
        best_quality = ranking.best({card: card.score for card in cards})
        best_revenue = ranking.best({card: card.revenue for card in cards})
        channel = self.company_id._scorecard_channel()
        if not channel or not (best_quality or best_revenue):
            return
        names = ", ".join

        def announcement(env):
            parts = [
                Markup("<p><b>%s</b></p>")
                % env._("Service scorecard %(period)s: best customer managers", period=self.name)
            ]
            if best_quality:
                parts.append(
                    Markup("<p>%s</p>")
                    % env._(
                        "Service quality: %(names)s (%(score)s points)",
                        names=names(card.employee_id.name for card in best_quality),
                        score=best_quality[0].score,
                    )
                )
            if best_revenue:
                parts.append(
                    Markup("<p>%s</p>")
                    % env._(
                        "Business revenue: %(names)s (%(amount)s)",
                        names=names(card.employee_id.name for card in best_revenue),
                        amount=format_amount(
                            env, best_revenue[0].revenue, self.company_id.currency_id
                        ),
                    )
                )
            return Markup("").join(parts)

        # The channel is read by the whole company: in the company's language.
        company_lang = self.company_id.partner_id.lang or self.env.lang
        channel.sudo().message_post(
            body=announcement(self.with_context(lang=company_lang).env),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=self.env.user.partner_id.id,
        )
        self._suite_message_post(announcement)

    # --- Scheduled job

    @api.model
    def _cron_close_due_periods(self):
        """Create last month's and last quarter's periods, close the periods that ended
        more than the configured days ago (months before quarters)."""
        # Each company's days are read on its own clock.
        companies = self.env["res.company"].search([])
        today_of = {company: company._suite_today() for company in companies}
        company_days = [
            (company.id, today.replace(day=1) - datetime.timedelta(days=1))
            for company, today in today_of.items()
        ]
        self._ensure_periods(company_days, periods.MONTH)
        self._ensure_periods(company_days, periods.QUARTER)
        open_periods = self.search([("state", "=", "open")])
        due = open_periods.filtered(
            lambda period: periods.due_for_closing(
                period.date_end,
                today_of.get(period.company_id) or period.company_id._suite_today(),
                period.company_id.scorecard_close_delay_days,
            )
        )
        months = due.filtered(lambda period: period.period_type == periods.MONTH).sorted(
            lambda period: (period.date_start, period.id)
        )
        # Oldest first, one period (a company's month or quarter) per committed batch: a
        # crash keeps the periods closed before it, the next run closes the rest (they are
        # still open). A period closes whole: its ranking (SC-6) needs all its cards.
        Cron = self.env["ir.cron"]
        Cron._suite_progress(remaining=len(due))
        for month in months:
            month._close()
            if not Cron._suite_progress(1):
                return
        still_open = open_periods.filtered(
            lambda period: period.period_type == periods.MONTH and period.state == "open"
        )
        quarters = (due - months).filtered(
            lambda quarter: (
                not any(
                    month.company_id == quarter.company_id
                    and quarter.date_start <= month.date_start <= quarter.date_end
                    for month in still_open
                )
            )
        )
        if due - months - quarters:
            _logger.info(
                "Service scorecard: quarters %s wait for their months to be closed",
                (due - months - quarters).mapped("name"),
            )
        for quarter in quarters:
            quarter._close()
            if not Cron._suite_progress(1):
                return
        Cron._suite_progress(remaining=0)

    @api.model
    def _year_end_date(self, company, day):
        """SC-4: accrual date of the monthly reward of ``day``'s month."""
        return payout.year_end_date(day.year, company.scorecard_year_end_month)

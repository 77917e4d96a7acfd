# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import windows


class LeadProtectionKind(models.Model):
    """A kind of registration and its protection window (LP-3)."""

    _name = "lead.protection.kind"
    _inherit = ["lead.protection.guard.mixin"]
    _description = "Kind of Registration"
    _order = "sequence, id"

    # Who may change what: the window and requirements of a kind decide every protection
    # of the company (LP-1, LP-3): only an administrator sets them (Settings). Sales
    # managers rename, describe, order and archive kinds.
    _guarded_fields = (
        "window_type",
        "window_length",
        "requires_contract",
        "requires_confirmation",
        "required_field_ids",
        "company_id",
    )
    _guard_unlink = "_guard_deletable"
    _protection_ranges = {"window_length": (0, 3660)}

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to use it in every company.")
    window_type = fields.Selection(
        [
            (windows.CALENDAR_DAYS, "Calendar Days"),
            (windows.WORKING_DAYS, "Working Days"),
            (windows.MONTHS, "Months"),
            (windows.SAME_DAY, "Same Day Only"),
        ],
        required=True,
        default=windows.CALENDAR_DAYS,
        help="Working days follow the company's working schedule, public holidays included.",
    )
    window_length = fields.Integer(string="Window", required=True, default=7)
    requires_contract = fields.Boolean(
        help="The registration becomes invalid unless the opportunity is won (a contract is "
        "signed) within the window, e.g. project registrations."
    )
    requires_confirmation = fields.Boolean(
        string="Confirmed by the Team Leader",
        help="LP-26: the salesperson applies; the registration protects only once the team's "
        "leader confirms it, and its window counts from the confirmation (project "
        "registrations).",
    )
    required_field_ids = fields.Many2many(
        "ir.model.fields",
        string="Required Lead Fields",
        domain="[('model', '=', 'crm.lead'), ('store', '=', True)]",
        help="LP-1: lead fields that must be filled to register with this kind, on top of the "
        "customer name, the complete mobile number and the address.",
    )
    description = fields.Text(translate=True)
    is_protection_admin = fields.Boolean(
        compute="_compute_is_protection_admin", string="Administrator Edits Windows"
    )

    @api.depends_context("uid")
    def _compute_is_protection_admin(self):
        """Whether the current user may change the windows (the views show them read-only
        otherwise; the guard refuses the change whatever the view)."""
        is_admin = self._protection_is_admin()
        for kind in self:
            kind.is_protection_admin = is_admin

    _window_length_range = models.Constraint(
        "CHECK (window_length >= 0 AND window_length <= 3660)",
        "The window of a kind of registration lasts 0 to 3660 units.",
    )

    def _guard_hint(self):
        return self.env._("Only an administrator changes the protection windows.")

    def _guard_deletable(self):
        """Kinds no registration uses; the others are archived, so the register keeps
        what protected each customer (LP-3)."""
        used = (
            self.env["lead.protection.registration"]
            .sudo()
            .with_context(active_test=False)
            ._read_group([("kind_id", "in", self.ids)], ["kind_id"])
        )
        used_kinds = self.browse([kind.id for (kind,) in used])
        return self - used_kinds

    @api.constrains("window_type", "window_length")
    def _check_window(self):
        for kind in self:
            if kind.window_type != windows.SAME_DAY and kind.window_length < 1:
                raise ValidationError(
                    self.env._(
                        "The window of %(kind)s must last at least one unit.", kind=kind.name
                    )
                )

    def _last_day(self, start, company):
        """Last protected day of a registration of this kind made on ``start``."""
        self.ensure_one()
        calendar = company.resource_calendar_id
        is_working_day = None
        if self.window_type == windows.WORKING_DAYS:
            is_working_day = self._working_day_checker(calendar, start)
        return windows.window_last_day(self.window_type, self.window_length, start, is_working_day)

    def _working_day_checker(self, calendar, start):
        """A date -> bool function from the company calendar, in one computation."""
        horizon = start + timedelta(days=self.window_length * 3 + 60)
        tz = pytz.timezone(calendar.tz or "UTC")
        intervals = calendar._work_intervals_batch(
            tz.localize(datetime.combine(start, time.min)),
            tz.localize(datetime.combine(horizon, time.max)),
        )[False]
        working = {interval[0].date() for interval in intervals}
        return working.__contains__

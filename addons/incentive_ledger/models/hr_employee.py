# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import fines


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    incentive_line_count = fields.Integer(
        compute="_compute_incentive_line_count", groups="hr.group_hr_user"
    )

    def _compute_incentive_line_count(self):
        """Count the employee's ledger lines in one grouped query."""
        counts = dict(
            self.env["employee.incentive.line"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.incentive_line_count = counts.get(employee, 0)

    def action_open_incentive_lines(self):
        if len(self) != 1:
            raise UserError(self.env._("Open the incentive lines of one employee at a time."))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "incentive_ledger.employee_incentive_line_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    # --- Offences (FN-2) and the PAY-3 daily wage that FN-6 prices absence with
    offence_count = fields.Integer(compute="_compute_offence_count")

    def _compute_offence_count(self):
        """Count the offences the user may see, in one grouped query."""
        counts = dict(
            self.env["incentive.offence"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.offence_count = counts.get(employee, 0)

    def action_open_offences(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "incentive_ledger.incentive_offence_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_record_offence(self):
        """Open the wizard; the wizard's model checks who may record (FN-2)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record an Offence"),
            "res_model": "incentive.offence.record.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_ids": [fields.Command.set(self.ids)]},
        }

    # --- PAY-3 daily wage

    def _incentive_calendar_days(self, on_date):
        """(working weekdays, holidays of the month) of the employee's working schedule."""
        self.ensure_one()
        employee = self.sudo()
        version = employee._get_version(on_date)
        calendar = (
            version.resource_calendar_id
            or employee.resource_calendar_id
            or employee.company_id.resource_calendar_id
        )
        weekdays = {int(attendance.dayofweek) for attendance in calendar.attendance_ids}
        first = on_date.replace(day=1)
        month_days = fines.month_days(on_date.year, on_date.month)
        holidays = set()
        for leave in calendar.global_leave_ids:
            start, stop = leave.date_from.date(), leave.date_to.date()
            day = max(start, first)
            while day <= min(stop, month_days[-1]):
                holidays.add(day)
                day += datetime.timedelta(days=1)
        return weekdays, holidays

    def _incentive_daily_wage(self, on_date):
        """PAY-3: monthly wage ÷ (days in the month − rest days), 0.0 without a wage."""
        self.ensure_one()
        version = self.sudo()._get_version(on_date)
        if not version or not version.wage:
            return 0.0
        weekdays, holidays = self._incentive_calendar_days(on_date)
        try:
            return fines.daily_wage(version.wage, on_date.year, on_date.month, weekdays, holidays)
        except ValueError:
            return 0.0

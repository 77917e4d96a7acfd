# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    def write(self, vals):
        leavers = self.filtered("active") if vals.get("active") is False else self.browse()
        res = super().write(vals)
        if leavers:
            leavers._release_protected_customers()
        return res

    def _release_protected_customers(self):
        """LP-13: a leaver's customers become company resources, held by the company
        until the manager assigns them; nobody takes them by registering first."""
        users = self.user_id
        if not users:
            return
        registrations = (
            self.env["lead.protection.registration"]
            .sudo()
            .search([("user_id", "in", users.ids), ("state", "in", ("active", "contracted"))])
        )
        registrations._hold_for_company(
            self.env._("The salesperson left the company: a company resource (LP-13)")
        )
        # The team and the company keep the customer: the team's manager assigns it
        # (clearing the salesperson alone lets Odoo clear the company of a team without one).
        leads = registrations.lead_id.filtered(lambda lead: lead.user_id in users)
        groups = leads.grouped(lambda lead: (lead.team_id, lead.company_id))
        for (team, company), group in groups.items():
            with group._guard_workflow():
                group.write({"user_id": False, "team_id": team.id, "company_id": company.id})

    @api.model
    def _protection_book(self, entries):
        """Book ledger lines for salespeople, finding their employees in one query.

        :param entries: dicts of employee.incentive.line values where ``user_id`` stands for
            ``employee_id`` (the salesperson's employee in the entry's ``company_id``)
        :return: the booked lines; a salesperson without an employee there is an error, so
            that no amount is lost
        """
        if not entries:
            return self.env["employee.incentive.line"]
        employees = self.sudo().search(
            [
                ("user_id", "in", list({entry["user_id"] for entry in entries})),
                ("company_id", "in", list({entry["company_id"] for entry in entries})),
            ]
        )
        by_user = {(emp.user_id.id, emp.company_id.id): emp.id for emp in employees}
        vals_list = []
        for entry in entries:
            employee_id = by_user.get((entry["user_id"], entry["company_id"]))
            if not employee_id:
                raise UserError(
                    self.env._(
                        "%(user)s has no employee in %(company)s: create one so that the "
                        "incentive ledger can book %(rule)s.",
                        user=self.env["res.users"].browse(entry["user_id"]).name,
                        company=self.env["res.company"].browse(entry["company_id"]).name,
                        rule=entry.get("rule_ref") or entry["name"],
                    )
                )
            vals = {key: value for key, value in entry.items() if key != "user_id"}
            vals_list.append(dict(vals, employee_id=employee_id))
        return self.env["employee.incentive.line"].sudo()._book(vals_list)

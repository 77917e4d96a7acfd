# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.incentive_ledger.tools import fines

from ..tools import payslip_inputs


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    # Payslip input code of each ledger kind. The salary rules shipped in
    # data/hr_salary_rule_data.xml read these codes; extend the mapping (and ship a rule)
    # to route a new kind to its own line.
    _incentive_input_codes = {
        "bonus": "INC_BONUS",
        "reward": "INC_REWARD",
        "credit_share": "INC_CREDIT",
        "penalty": "INC_PENALTY",
        "reversal": "INC_REVERSAL",
    }

    incentive_line_ids = fields.One2many(
        "employee.incentive.line",
        "payslip_id",
        string="Incentive Lines Paid",
        readonly=True,
    )
    incentive_line_count = fields.Integer(compute="_compute_incentive_line_count")

    @api.depends("incentive_line_ids")
    def _compute_incentive_line_count(self):
        """Number of ledger lines this payslip paid."""
        for payslip in self:
            payslip.incentive_line_count = len(payslip.incentive_line_ids)

    # --- Reading the ledger

    def _incentive_amounts(self, requests):
        """Sum approved, unpaid ledger lines per input code, in one query.

        :param requests: iterable of (employee id, company id, period end date)
        :return: {(employee id, company id, period end date): {input code: amount}}
        """
        requests = list(dict.fromkeys(requests))
        result = {request: {} for request in requests}
        if not requests:
            return result
        self.env["employee.incentive.line"].flush_model(
            ["employee_id", "company_id", "date", "state", "payslip_id", "kind", "amount"]
        )
        self.env.cr.execute(
            """
            SELECT req.employee_id, req.company_id, req.date_to, line.kind, SUM(line.amount)
              FROM unnest(%s::int[], %s::int[], %s::date[])
                   AS req(employee_id, company_id, date_to)
              JOIN employee_incentive_line line
                ON line.employee_id = req.employee_id
               AND line.company_id = req.company_id
               AND line.date <= req.date_to
             WHERE line.state = 'approved'
               AND line.payslip_id IS NULL
          GROUP BY req.employee_id, req.company_id, req.date_to, line.kind
            """,
            [
                [request[0] for request in requests],
                [request[1] for request in requests],
                [request[2] for request in requests],
            ],
        )
        codes = self._incentive_input_codes
        for employee_id, company_id, date_to, kind, amount in self.env.cr.fetchall():
            if kind in codes:
                by_code = result[(employee_id, company_id, date_to)]
                by_code[codes[kind]] = by_code.get(codes[kind], 0.0) + amount
        return result

    def _incentive_input_names(self):
        """Input names in the current language (see ``_incentive_input_lang``)."""
        kinds = dict(
            self.env["employee.incentive.line"]._fields["kind"]._description_selection(self.env)
        )
        return {
            code: self.env._("Incentives: %(kind)s", kind=kinds.get(kind, kind))
            for kind, code in self._incentive_input_codes.items()
        }

    @api.model
    def _incentive_input_lang(self, employee):
        """Input names are written in the language of the employee who reads the payslip,
        not of whoever computes it (HR, or a scheduled job running in English)."""
        return (
            employee.work_contact_id.lang
            or employee.user_id.lang
            or employee.company_id.partner_id.lang
            or self.env.lang
        )

    # --- OCA payroll seams

    @api.model
    def get_inputs(self, contracts, date_from, date_to):
        """Fill the ledger's input codes with the employee's approved, unpaid amounts."""
        res = super().get_inputs(contracts, date_from, date_to)
        employee = contracts.employee_id[:1]
        if not employee:
            return res
        key = (employee.id, employee.company_id.id, fields.Date.to_date(date_to))
        amounts = self._incentive_amounts([key])[key]
        inputs = payslip_inputs.merge_rule_inputs(
            res, amounts, set(self._incentive_input_codes.values())
        )
        # The salary rules' input names are untranslated data: name the ledger's inputs in
        # the employee's language instead.
        lang = self._incentive_input_lang(employee)
        names = self.with_context(lang=lang)._incentive_input_names()
        for values in inputs:
            if values.get("code") in names:
                values["name"] = names[values["code"]]
        return inputs

    def compute_sheet(self):
        # get_inputs only runs when a payslip is created or its structure changes: bring
        # draft payslips up to date with the ledger before the rules read their inputs.
        self._sync_incentive_inputs()
        return super().compute_sheet()

    def _sync_incentive_inputs(self):
        """Set one input line per ledger code on draft payslips, holding the whole sum."""
        payslips = self.filtered(
            lambda slip: slip.state in ("draft", "verify") and not slip.credit_note
        )
        if not payslips:
            return
        ledger_codes = set(self._incentive_input_codes.values())
        amounts = self._incentive_amounts(
            (slip.employee_id.id, slip.company_id.id, slip.date_to) for slip in payslips
        )
        names_by_lang = {}
        updates, deletes, creates = {}, [], []
        for slip in payslips:
            slip_updates, slip_deletes, slip_creates = payslip_inputs.plan_input_sync(
                [(line.id, line.code, line.amount) for line in slip.input_line_ids],
                amounts[(slip.employee_id.id, slip.company_id.id, slip.date_to)],
                ledger_codes,
            )
            updates.update(slip_updates)
            deletes += slip_deletes
            if slip_creates:
                contract = slip.contract_id or slip._get_employee_contracts()[:1]
                if not contract:
                    continue
                lang = self._incentive_input_lang(slip.employee_id)
                if lang not in names_by_lang:
                    names_by_lang[lang] = self.with_context(lang=lang)._incentive_input_names()
                names = names_by_lang[lang]
                creates += [
                    {
                        "payslip_id": slip.id,
                        "contract_id": contract.id,
                        "code": code,
                        "name": names[code],
                        "amount": amount,
                    }
                    for code, amount in slip_creates
                ]
        Input = self.env["hr.payslip.input"]
        if updates:
            Input.flush_model(["amount"])
            self.env.cr.execute(
                """
                UPDATE hr_payslip_input AS input
                   SET amount = new.amount
                  FROM unnest(%s::int[], %s::numeric[]) AS new(id, amount)
                 WHERE input.id = new.id
                """,
                [list(updates), list(updates.values())],
            )
            Input.invalidate_model(["amount"])
        if deletes:
            Input.browse(deletes).unlink()
        if creates:
            Input.create(creates)

    def action_payslip_done(self):
        """Confirm payslips, a whole batch at once, and mark their ledger lines paid.

        OCA payroll reads ``prevent_compute_on_confirm`` on ``self`` and so confirms one
        payslip at a time; here the sheets that need it are computed together first, then
        confirmed by OCA's one state write, and their ledger lines claimed and checked by
        one more statement for the whole batch (``_claim_incentive_lines``).
        """
        payslips = self
        if len(self) > 1:
            if not self.env.context.get("without_compute_sheet") and not (
                self[:1].prevent_compute_on_confirm
            ):
                self.compute_sheet()
            payslips = self.with_context(without_compute_sheet=True)
        res = super(HrPayslip, payslips).action_payslip_done()
        self._claim_incentive_lines()
        return res

    def _claim_incentive_lines(self):
        """Mark as paid exactly the ledger lines that these confirmed payslips paid (PAY-1).

        One statement for the whole batch, after the payslips' state is flushed: it claims
        with a conditional UPDATE the lines still approved and unpaid of the batch's done
        payslips (credit notes pay nothing), so that two payslips (or two workers) can never
        pay the same line, and returns only the (payslip, code) pairs where something is
        wrong: an input no salary rule pays, or a claimed sum that differs from the
        payslip's input (the ledger changed since the payslip was computed). The normal
        case returns no row and costs no Python work per payslip; the rows returned are
        decided by ``payslip_inputs.claim_mismatches`` and refuse the confirmation.
        """
        if not self:
            return
        self.env["hr.payslip"].flush_model(
            ["state", "credit_note", "employee_id", "company_id", "date_to"]
        )
        self.env["hr.payslip.input"].flush_model(["payslip_id", "code", "amount"])
        self.env["hr.payslip.line"].flush_model(["slip_id", "code"])
        Line = self.env["employee.incentive.line"]
        Line.flush_model()
        kinds, codes = zip(*self._incentive_input_codes.items(), strict=True)
        # The sums are compared loosely here (a millionth, below any currency's rounding):
        # the rows returned are decided in Python with the payroll's tolerance.
        self.env.cr.execute(
            """
            WITH batch AS MATERIALIZED (
                SELECT id, employee_id, company_id, date_to,
                       state = 'done' AND credit_note IS NOT TRUE AS pays
                  FROM hr_payslip
                 WHERE id = ANY(%(ids)s)
            ), slip AS (
                -- Filtered after the scan: the planner's statistics of hr_payslip.state
                -- (e.g. no payslip done yet) must not make it expect a single row.
                SELECT id, employee_id, company_id, date_to FROM batch WHERE pays
            ), claimed AS (
                UPDATE employee_incentive_line AS line
                   SET state = 'paid', payslip_id = slip.id, paid_date = slip.date_to,
                       write_uid = %(uid)s, write_date = (now() at time zone 'UTC')
                  FROM slip
                 WHERE line.employee_id = slip.employee_id
                   AND line.company_id = slip.company_id
                   AND line.date <= slip.date_to
                   AND line.state = 'approved'
                   AND line.payslip_id IS NULL
             RETURNING slip.id AS slip_id, line.kind, line.amount
            ), claimed_sum AS (
                SELECT claimed.slip_id, COALESCE(map.code, claimed.kind) AS code,
                       SUM(claimed.amount) AS amount
                  FROM claimed
             LEFT JOIN unnest(%(kinds)s::varchar[], %(codes)s::varchar[]) AS map(kind, code)
                    ON map.kind = claimed.kind
              GROUP BY 1, 2
            ), expected AS (
                SELECT input.payslip_id AS slip_id, input.code, SUM(input.amount) AS amount
                  FROM hr_payslip_input AS input
                  JOIN slip ON slip.id = input.payslip_id
                 WHERE input.code = ANY(%(codes)s)
              GROUP BY 1, 2
            ), result AS (
                SELECT COALESCE(expected.slip_id, claimed_sum.slip_id) AS slip_id,
                       COALESCE(expected.code, claimed_sum.code) AS code,
                       expected.amount AS expected, claimed_sum.amount AS claimed
                  FROM expected
             FULL JOIN claimed_sum
                    ON claimed_sum.slip_id = expected.slip_id
                   AND claimed_sum.code = expected.code
            )
            SELECT result.slip_id, result.code, result.expected, result.claimed,
                   rule.paid IS NOT NULL
              FROM result
                   -- One index probe per payslip and code, whatever the size of the table.
         LEFT JOIN LATERAL (
                       SELECT TRUE AS paid
                         FROM hr_payslip_line AS rule_line
                        WHERE rule_line.slip_id = result.slip_id
                          AND rule_line.code = result.code
                          AND rule_line.active
                        LIMIT 1
                   ) AS rule ON result.expected != 0
             WHERE ABS(COALESCE(result.expected, 0) - COALESCE(result.claimed, 0)) >= 0.000001
                OR (result.expected != 0 AND rule.paid IS NULL)
            """,
            {
                "ids": self.ids,
                "uid": self.env.uid,
                "kinds": list(kinds),
                "codes": list(codes),
            },
        )
        rows = self.env.cr.fetchall()
        Line.invalidate_model(["state", "payslip_id", "paid_date", "write_uid", "write_date"])
        self.invalidate_model(["incentive_line_ids", "incentive_line_count"])
        if rows:
            self._refuse_incentive_claim(rows)

    def _refuse_incentive_claim(self, rows):
        """Raise the error of the first payslip (in the batch's order) whose claim is wrong.

        :param rows: (payslip id, input code, input sum or None, claimed sum or None,
            whether a salary rule of the payslip pays the code) as the claim returned them
        """
        unpaid, expected, claimed = defaultdict(list), defaultdict(dict), defaultdict(dict)
        for slip_id, code, input_amount, claimed_amount, paid_by_rule in rows:
            if input_amount and not paid_by_rule:
                unpaid[slip_id].append(code)
            if input_amount:
                expected[slip_id][code] = input_amount
            if claimed_amount is not None:
                claimed[slip_id][code] = claimed_amount
        order = {slip_id: index for index, slip_id in enumerate(self.ids)}
        if unpaid:
            slip_id = min(unpaid, key=order.get)
            raise UserError(
                self.env._(
                    "Payslip %(slip)s has incentive inputs (%(codes)s) that no salary "
                    "rule of its structure pays. Add the 'Incentive Ledger' structure "
                    "as parent of the employee's salary structure, then compute the "
                    "payslip again.",
                    slip=self.browse(slip_id).display_name,
                    codes=", ".join(sorted(unpaid[slip_id])),
                )
            )
        for slip_id in sorted(set(expected) | set(claimed), key=order.get):
            mismatches = payslip_inputs.claim_mismatches(expected[slip_id], claimed[slip_id])
            if mismatches:
                slip = self.browse(slip_id)
                raise UserError(
                    self.env._(
                        "The incentive ledger of %(employee)s changed since payslip "
                        "%(slip)s was computed (%(codes)s). Compute the payslip again, "
                        "then confirm it.",
                        employee=slip.employee_id.name,
                        slip=slip.display_name,
                        codes=", ".join(mismatches),
                    )
                )

    def _release_incentive_lines(self):
        """Give the ledger lines paid by these payslips back to the next payslip (PAY-2)."""
        lines = self.incentive_line_ids
        reversed_lines = lines.filtered(lambda line: line.state == "cancelled")
        if reversed_lines:
            raise UserError(
                self.env._(
                    "These payslips paid incentive lines that were cancelled and reversed "
                    "since (%(lines)s). Undoing the payslip would take the amount back "
                    "twice: settle it with a new ledger line instead.",
                    lines=", ".join(reversed_lines.mapped("display_name")),
                )
            )
        with lines._guard_workflow():
            lines.write({"state": "approved", "payslip_id": False, "paid_date": False})

    def action_payslip_cancel(self):
        done = self.filtered(lambda slip: slip.state == "done")
        res = super().action_payslip_cancel()
        done._release_incentive_lines()
        return res

    def refund_sheet(self):
        # The credit note cancels what the original paid: its ledger lines go to the next
        # payslip instead of being lost.
        self.filtered(lambda slip: not slip.credit_note)._release_incentive_lines()
        return super().refund_sheet()

    def action_open_incentive_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "incentive_ledger.employee_incentive_line_action"
        )
        action["domain"] = [("payslip_id", "=", self.id)]
        action["context"] = {}
        return action

    # --- Trial-period pay (PAY-3)

    def get_current_contract_dict(self, contract, contracts):
        """Give the salary rules the PAY-3 trial pay of ``contract`` as
        ``current_contract.trial_*`` (see the readme for a BASIC rule that uses them)."""
        res = super().get_current_contract_dict(contract, contracts)
        res.update(self._trial_pay_values(contract))
        return res

    def _incentive_is_trial(self, contract):
        """Whether the employee is on trial during the payslip: a new hire whose trial
        period reaches the payslip. Addons extend it (SC-7 probation)."""
        trial_end = contract.sudo().trial_date_end
        return bool(trial_end and trial_end >= self.date_from)

    def _trial_pay_values(self, contract):
        """PAY-3: daily wage = wage ÷ (days in the month − rest days of the employee's
        calendar); a trial month is paid from the first working day of the contract."""
        self.ensure_one()
        version = contract.sudo()
        is_trial = self._incentive_is_trial(contract)
        values = {
            "is_trial": is_trial,
            "trial_daily_wage": 0.0,
            "trial_days": 0,
            "trial_wage": version.wage,
            "holiday_allowance_factor": 0.5 if is_trial else 1.0,
        }
        if not is_trial or not version.wage:
            return values
        date_from = self.date_from
        weekdays, holidays = self.employee_id._incentive_calendar_days(date_from)
        first_day = max(date_from, version.contract_date_start or date_from)
        last_day = min(
            self.date_to,
            date_from.replace(day=calendar.monthrange(date_from.year, date_from.month)[1]),
        )
        try:
            daily, days, amount = fines.trial_month_pay(
                version.wage,
                date_from.year,
                date_from.month,
                first_day,
                weekdays,
                holidays,
                last_day=last_day,
            )
        except ValueError:
            return values
        values.update(trial_daily_wage=daily, trial_days=days, trial_wage=amount)
        return values

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import inputs

MANAGER_GROUP = "lead_protection.group_lead_protection_manager"


class LeadProtectionInputMixin(models.AbstractModel):
    """Values sent by a client are checked before the ORM sees them.

    A wrong type, an unknown selection value or an out-of-range number is a translated
    :class:`ValidationError` naming the field, not a server traceback, and nothing is
    written. Ranges are class attributes: ``_protection_ranges = {"field": (low, high)}``
    (``None`` for no bound).
    """

    _name = "lead.protection.input.mixin"
    _description = "Lead Protection: Input Checks"

    _protection_ranges = {}

    def _protection_input_specs(self):
        specs = {}
        for name, field in self._fields.items():
            if field.related or (field.compute and not field.store and not field.inverse):
                continue
            spec = {"type": field.type}
            if field.type == "selection":
                spec["selection"] = field.get_values(self.env)
            low, high = self._protection_ranges.get(name, (None, None))
            spec.update(minimum=low, maximum=high)
            specs[name] = spec
        return specs

    def _protection_check_input(self, vals_list):
        specs = self._protection_input_specs()
        for vals in vals_list:
            found = inputs.problems(vals, specs)
            if not found:
                continue
            name, problem = found[0]
            field = self._fields[name]
            label = field._description_string(self.env)
            low, high = self._protection_ranges.get(name, (None, None))
            messages = {
                inputs.WRONG_TYPE: self.env._(
                    "“%(field)s” of %(model)s cannot take the value %(value)r.",
                    field=label,
                    model=self._description,
                    value=vals[name],
                ),
                inputs.UNKNOWN_VALUE: self.env._(
                    "“%(field)s” of %(model)s has no option %(value)r; choose one of the list.",
                    field=label,
                    model=self._description,
                    value=vals[name],
                ),
                inputs.NEGATIVE: self.env._(
                    "“%(field)s” of %(model)s cannot be negative.",
                    field=label,
                    model=self._description,
                ),
                inputs.OUT_OF_RANGE: self.env._(
                    "“%(field)s” of %(model)s must be between %(low)s and %(high)s.",
                    field=label,
                    model=self._description,
                    low=low if low is not None else "-∞",
                    high=high if high is not None else "∞",
                ),
            }
            raise ValidationError(messages[problem])

    @api.model_create_multi
    def create(self, vals_list):
        self._protection_check_input(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._protection_check_input([vals])
        return super().write(vals)

    def _protection_single(self):
        """``ensure_one`` with a message for the user: actions act on one record."""
        if len(self) != 1:
            raise UserError(
                self.env._(
                    "This action of %(model)s works on one record at a time; %(count)s were given.",
                    model=self._description,
                    count=len(self),
                )
            )
        return self


class LeadProtectionGuardMixin(models.AbstractModel):
    """The workflow guard of the suite, with the checks every lead protection action needs:
    the acting manager's scope (his teams, his companies) and row locks."""

    _name = "lead.protection.guard.mixin"
    _inherit = ["incentive.guard.mixin", "lead.protection.input.mixin"]
    _description = "Lead Protection: Workflow Guard"

    def _protection_team(self):
        """The sales team whose manager acts on each record (hook)."""
        return self.team_id

    def _protection_company(self):
        return self.company_id

    @api.model
    def _protection_is_admin(self, user=None):
        user = user or self.env.user
        return user._is_superuser() or user.has_group("base.group_system")

    def _protection_managed(self):
        """The records of ``self`` that the acting user manages: records of a sales team he
        leads, in one of his companies. Administrators manage everything."""
        user = self.env.user
        if self.env.su or self._protection_is_admin(user):
            return self
        if not user.has_group(MANAGER_GROUP):
            return self.browse()
        # Reading the team and company decides; nothing is changed with these rights.
        # A record without company (a team shared by the companies) follows its team.
        return self.filtered(
            lambda record: (
                record.sudo()._protection_team().user_id == user
                and record.sudo()._protection_company() <= user.company_ids
            )
        )

    def _protection_check_managed(self):
        """Refuse, before any ``sudo()``, records outside the acting manager's teams."""
        outside = self - self._protection_managed()
        if not outside:
            return
        if not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._(
                    "Only the sales manager of the team may do this (%(model)s).",
                    model=self._description,
                )
            )
        raise UserError(
            self.env._(
                "%(records)s belong to a sales team or company you do not manage; only its "
                "manager may do this.",
                records=", ".join(outside.sudo().mapped("display_name")),
            )
        )

    def _protection_lock(self):
        """Lock the rows of ``self`` for this transaction (workflow transitions).

        At REPEATABLE READ a row changed by a worker that committed after our snapshot
        raises a serialization failure here, and the request is retried: two workers never
        both take the same transition.
        """
        if not self.ids:
            return self
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = ANY(%s) FOR NO KEY UPDATE",
                SQL.identifier(self._table),
                list(self.ids),
            )
        )
        self.invalidate_recordset()
        return self

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import contextvars

from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from ..tools import guard

# Models whose workflow methods are running in this thread, e.g. ("referral.claim",).
# A Python context variable, not an Odoo context key: nothing a client sends over JSON-RPC
# or XML-RPC can set it, so only the server code of a workflow method opens a guard.
_OPEN_WORKFLOWS = contextvars.ContextVar("incentive_guard_open_workflows", default=frozenset())

# Fields that every record may change whatever its state (chatter, activities, bookkeeping).
_EXEMPT_PREFIXES = ("message_", "activity_", "website_message_", "rating_")
_EXEMPT_FIELDS = frozenset({"write_date", "write_uid", "create_date", "create_uid", "display_name"})


class IncentiveGuardMixin(models.AbstractModel):
    """Fields that change only through the workflow methods that check the rule.

    Every addon of the suite inherits this mixin on the models whose fields a rule decides,
    and declares them as class attributes (each addon extending a model adds its own):

    ``_guarded_fields``
        Workflow state, amounts, owners, rule dates and flags: a direct ``write`` is
        refused; a direct ``create`` may only leave them at their default; ``copy``
        resets them.
    ``_guard_frozen_fields``
        Fields the users edit while the record is open and that freeze afterwards. A tuple
        uses :meth:`_guard_open_records`; a dict maps each field to the name of the method
        that returns the records still open for it. ``("__all__",)`` freezes every field
        (for the lines of a document, e.g. the parties of a claim).
    ``_guard_unlink``
        Name of the method returning the records that may be deleted directly, or False.

    A workflow method writes its fields inside ``with self._guard_workflow():``. Only the
    server code can open that guard: it is a Python context variable, not a context key
    (a client sends any context key it likes). The superuser (``sudo()`` in server code)
    and the administrator are not guarded, since they maintain the data.
    """

    _name = "incentive.guard.mixin"
    _description = "Workflow Guard"

    _guarded_fields = ()
    _guard_frozen_fields = ()
    _guard_unlink = False

    # --- Declarations

    @classmethod
    def _guard_declarations(cls):
        # Odoo reuses a model's class when a later addon extends it (new bases, new MRO,
        # e.g. while installing several addons): the cache belongs to one MRO.
        mro, cache = cls.__dict__.get("_guard_declarations_cache", (None, None))
        if mro is not cls.__mro__:
            cache = (
                guard.collect_declarations(cls.__mro__, "_guarded_fields"),
                guard.collect_declarations(cls.__mro__, "_guard_frozen_fields"),
            )
            cls._guard_declarations_cache = (cls.__mro__, cache)
        return cache

    # --- Opening the guard (server code only)

    @contextlib.contextmanager
    def _guard_workflow(self, *model_names):
        """Let the workflow code inside the block write the guarded fields of this model
        (and of ``model_names``, e.g. the lines of a document)."""
        token = _OPEN_WORKFLOWS.set(
            _OPEN_WORKFLOWS.get() | {self._name, *model_names},
        )
        try:
            yield self
        finally:
            _OPEN_WORKFLOWS.reset(token)

    def _guard_is_open(self):
        """Whether a workflow method of this model is running (not merely a superuser)."""
        return self._name in _OPEN_WORKFLOWS.get()

    def _guard_bypassed(self):
        return (
            self.env.su
            or self._name in _OPEN_WORKFLOWS.get()
            or self.env.user._is_superuser()
            or self.env.user.has_group("base.group_system")
        )

    # --- Hooks

    def _guard_open_records(self):
        """The records of ``self`` whose frozen fields may still be edited."""
        return self

    def _guard_hint(self):
        """A translated sentence naming the actions that change the protected fields."""
        return self.env._("Use the buttons of the form, which check the rule.")

    # --- Checks

    def _guard_field_labels(self, names):
        return ", ".join(
            f"“{self._fields[name]._description_string(self.env)}”"
            for name in names
            if name in self._fields
        )

    def _guard_raise(self, names, closed=False):
        if closed:
            message = self.env._(
                "%(fields)s of %(model)s can no longer be changed: the record has left the "
                "state in which it is edited. %(hint)s",
                fields=self._guard_field_labels(names),
                model=self._description,
                hint=self._guard_hint(),
            )
        else:
            message = self.env._(
                "%(fields)s of %(model)s are set by its workflow only, never directly. %(hint)s",
                fields=self._guard_field_labels(names),
                model=self._description,
                hint=self._guard_hint(),
            )
        raise UserError(message)

    def _guard_frozen_names(self, field_names):
        _guarded, frozen = self._guard_declarations()
        names = [
            name
            for name in field_names
            if name not in _EXEMPT_FIELDS and not name.startswith(_EXEMPT_PREFIXES)
        ]
        return guard.frozen_by_predicate(names, frozen, "_guard_open_records")

    def _guard_check_frozen(self, field_names):
        for predicate, names in self._guard_frozen_names(field_names).items():
            if self - getattr(self, predicate)():
                self._guard_raise(names, closed=True)

    # --- Input

    def _guard_ensure_one(self):
        """Like ``ensure_one()``, with a translated message for the caller of an action
        that works on one record (a client may send several ids)."""
        if len(self) != 1:
            raise UserError(
                self.env._(
                    "This action works on one %(model)s at a time, not on %(count)s.",
                    model=self._description,
                    count=len(self),
                )
            )
        return self

    def _guard_check_values(self, vals):
        """Refuse values of the wrong type or outside a field's choices with a translated
        message, before anything is written (instead of a server traceback)."""
        if not isinstance(vals, dict):
            raise ValidationError(self.env._("Send the values to write as a dictionary."))
        empty = self.browse()
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                raise ValidationError(
                    self.env._(
                        "%(model)s has no field “%(field)s”.", model=self._description, field=name
                    )
                )
            if value is False or value is None or field.type in ("one2many", "many2many"):
                continue
            try:
                if field.type == "selection":
                    if value not in field.get_values(self.env):
                        raise ValueError(value)
                elif field.type in ("float", "monetary", "integer") and isinstance(value, bool):
                    raise TypeError(value)
                elif field.type == "many2one" and (
                    isinstance(value, bool) or not isinstance(value, (int, models.BaseModel))
                ):
                    raise TypeError(value)
                else:
                    field.convert_to_cache(value, empty)
            except (ValueError, TypeError) as error:
                raise ValidationError(
                    self.env._(
                        "“%(value)s” is not a valid value for “%(field)s” of %(model)s.",
                        value=value,
                        field=field._description_string(self.env),
                        model=self._description,
                    )
                ) from error

    # --- ORM

    def _check_company(self, fnames=None):
        """Odoo's company consistency check, in batch: Odoo filters the linked records of
        each record one by one (about 0.1 ms a record in a batch registration). The domain
        depends only on the company, so the records of one company are checked together,
        per field; any inconsistency goes back to Odoo's check for its message."""
        if len(self) < 2 or "company_id" not in self._fields:
            return super()._check_company(fnames)
        if fnames is None or {"company_id", "company_ids"} & set(fnames):
            fnames = self._fields
        names = [
            name
            for name in fnames
            if self._fields[name].relational
            and self._fields[name].check_company
            and not self._fields[name].company_dependent
        ]
        for company, group in self.sudo().grouped("company_id").items():
            for name in names:
                corecords = group[name]
                if not corecords:
                    continue
                domain = corecords._check_company_domain(company)
                if domain and corecords != corecords.with_context(
                    active_test=False
                ).filtered_domain(domain):
                    return super()._check_company(fnames)
        return None

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._guard_check_values(vals)
        if self._guard_bypassed():
            return super().create(vals_list)
        guarded, _frozen = self._guard_declarations()
        # A client may send "default_state" in its context: defaults of guarded fields
        # come from the model, never from the caller.
        model = self.with_env(
            self.env(
                context={
                    key: value
                    for key, value in self.env.context.items()
                    if not (key.startswith("default_") and key[8:] in guarded)
                }
            )
        )
        names = {name for vals in vals_list for name in vals if name in guarded}
        defaults = model.default_get(sorted(names)) if names else {}
        for vals in vals_list:
            refused = guard.refused_on_create(vals, guarded, defaults)
            if refused:
                model._guard_raise(refused)
        records = super(IncentiveGuardMixin, model).create(vals_list)
        records._guard_check_frozen({name for vals in vals_list for name in vals})
        return records.with_env(self.env)

    def write(self, vals):
        self._guard_check_values(vals)
        if not self._guard_bypassed():
            guarded, _frozen = self._guard_declarations()
            refused = guard.refused_guarded(vals, guarded)
            if refused:
                self._guard_raise(refused)
            self._guard_check_frozen(vals)
        return super().write(vals)

    def copy_data(self, default=None):
        guarded, _frozen = self._guard_declarations()
        vals_list = super().copy_data(default=default)
        default = default or {}
        for vals in vals_list:
            for name in guarded:
                if name not in default:
                    vals.pop(name, None)
        return vals_list

    def _suite_recompute(self, fnames):
        """Recompute the stored computed fields ``fnames`` of these records, and what
        depends on them, the way the ORM does after a change: in batch, in the cache,
        flushed with one UPDATE per group of values. For a workflow step that recomputes
        what a rule decides although no input changed (its configuration may have), e.g.
        a scorecard's close; calling the compute methods directly would write each record
        on its own."""
        for name in fnames:
            self.env.add_to_compute(self._fields[name], self)
        self.modified(fnames)
        self._recompute_recordset(fnames)

    @api.ondelete(at_uninstall=False)
    def _guard_unlink_open_only(self):
        if not self._guard_unlink or self._guard_bypassed():
            return
        if self - getattr(self, self._guard_unlink)():
            raise UserError(
                self.env._(
                    "%(model)s records that have left their first state cannot be deleted; "
                    "cancel or refuse them instead, so that nothing is lost. %(hint)s",
                    model=self._description,
                    hint=self._guard_hint(),
                )
            )

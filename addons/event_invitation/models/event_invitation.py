# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.lead_protection.tools import identity

from ..tools import invitation as rules


class EventInvitation(models.Model):
    """One customer a salesperson of a division invites to a joint event (EV-1 to EV-7).

    The salesperson plans the invitation, confirms it when the customer accepts (the server
    clock decides which day it counts for, EV-1), the division manager lists it with the
    day's list, the coordinator keeps it or removes it as a duplicate (EV-2, EV-4) and
    records attendance with the old customer who brought the customer (EV-7).
    """

    _name = "event.invitation"
    _description = "Joint-event Invitation"
    _inherit = ["mail.thread", "mail.activity.mixin", "incentive.guard.mixin"]
    _order = "event_id, count_day, id"
    _check_company_auto = True

    # --- Who invites whom
    event_id = fields.Many2one(
        "event.event", required=True, ondelete="cascade", index=True, tracking=True
    )
    division_id = fields.Many2one(
        "event.invitation.division",
        string="Event Division",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('event_id', '=', event_id)]",
    )
    team_id = fields.Many2one(related="division_id.team_id", store=True, string="Division")
    company_id = fields.Many2one(related="division_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Inviter",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="EV-5: any sale to this customer at the event is credited to the inviter.",
    )
    role = fields.Selection(
        [("guest", "Guest"), ("speaker", "Speaker"), ("bringer", "Brings Others")],
        default="guest",
        required=True,
        help="EV-2: a customer put forward to speak or to bring others counts only if "
        "listed in advance.",
    )
    planned_day = fields.Date(help="EV-1: the day the salesperson plans to invite him.")

    # --- Decided by the workflow (EV-1, EV-2, EV-4)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("confirmed", "Confirmed"),
            ("listed", "Listed"),
            ("kept", "Kept"),
            ("removed", "Removed (duplicate)"),
        ],
        default="planned",
        required=True,
        index=True,
        tracking=True,
    )
    confirmed_at = fields.Datetime(readonly=True)
    count_day = fields.Date(
        readonly=True, help="EV-1: the day the confirmation counts for (company time zone)."
    )
    list_id = fields.Many2one("event.invitation.list", readonly=True, index="btree_not_null")
    plan_list_id = fields.Many2one("event.invitation.list", readonly=True, index="btree_not_null")
    listed_at = fields.Datetime(readonly=True)
    on_time = fields.Boolean(
        readonly=True, help="EV-4: listed by the cut-off of the day it counts for."
    )
    promoter_counts = fields.Boolean(
        readonly=True,
        help="EV-2: put forward to speak or bring others and listed in advance.",
    )
    removed_by_id = fields.Many2one(
        "event.invitation", readonly=True, help="EV-2: the invitation that kept the customer."
    )

    # --- Attendance (EV-7)
    attended = fields.Boolean(readonly=True, tracking=True)
    brought_by_partner_id = fields.Many2one(
        "res.partner", string="Brought By", readonly=True, tracking=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    purchase_amount = fields.Monetary(
        string="Purchases at the Event", readonly=True, currency_field="currency_id"
    )
    bringer_points = fields.Integer(
        compute="_compute_bringer_points",
        store=True,
        help="RI-11, EV-7: points earned by the old customer who brought this customer.",
    )

    key_ids = fields.One2many("event.invitation.key", "invitation_id")

    _guarded_fields = (
        "state",
        "confirmed_at",
        "count_day",
        "list_id",
        "plan_list_id",
        "listed_at",
        "on_time",
        "promoter_counts",
        "removed_by_id",
        "attended",
        "brought_by_partner_id",
        "purchase_amount",
    )
    _guard_frozen_fields = ("event_id", "division_id", "partner_id", "user_id", "role")
    _guard_unlink = "_guard_open_records"

    def _guard_open_records(self):
        return self.filtered(lambda inv: inv.state == "planned")

    def _guard_hint(self):
        return self.env._(
            "Confirm the invitation, file the daily list, and let the coordinator check "
            "duplicates and record attendance."
        )

    @api.depends("attended", "brought_by_partner_id", "purchase_amount")
    def _compute_bringer_points(self):
        """RI-11: the old customer's points for bringing this customer."""
        for inv in self:
            company = inv.company_id or self.env.company
            if not (inv.attended and inv.brought_by_partner_id):
                inv.bringer_points = 0
                continue
            inv.bringer_points = rules.referral_points(
                1,
                [inv.purchase_amount],
                company.event_points_per_customer,
                company.event_points_step,
                company.event_points_per_step,
            )

    # --- Creation: only a member of the division invites for it

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_inviter()
        return records

    def _check_inviter(self):
        user = self.env.user
        if user.has_group("base.group_system"):
            return
        for inv in self:
            if inv.division_id.event_id != inv.event_id:
                raise ValidationError(self.env._("The division does not take part in the event."))
            team = inv.team_id
            if inv.user_id not in team.member_ids | team.user_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of %(division)s.",
                        user=inv.user_id.name,
                        division=team.display_name,
                    )
                )
            if user not in inv.user_id | team.user_id:
                raise AccessError(
                    self.env._("You invite customers in your own name and division only.")
                )

    def _check_may_act(self):
        """The inviter or his division manager."""
        user = self.env.user
        if user.has_group("base.group_system"):
            return
        for inv in self:
            if user not in inv.user_id | inv.team_id.user_id:
                raise AccessError(
                    self.env._("Only the inviter or the division manager may do this.")
                )

    # --- EV-1: confirmation

    def action_confirm(self):
        """EV-1: the customer accepted; the server clock decides the day it counts for."""
        self._check_may_act()
        if any(inv.state != "planned" for inv in self):
            raise UserError(self.env._("Only planned invitations can be confirmed."))
        now = fields.Datetime.now()
        for inv in self:
            company = inv.company_id
            day = rules.count_day(company._event_local(now), company.event_list_cutoff_hour)
            if day > inv.event_id._invitation_start_local().date():
                raise UserError(
                    self.env._("%(event)s has already begun.", event=inv.event_id.display_name)
                )
            with self._guard_workflow():
                inv.write({"state": "confirmed", "confirmed_at": now, "count_day": day})
        return True

    def _set_listed(self, lst, now):
        """EV-1, EV-2, EV-4: listed with ``lst``; in time only on its own day's list."""
        event_deadline = lst.event_id._invitation_deadline(
            lst.event_id._invitation_start_local().date()
        )
        for inv in self:
            on_time = inv.count_day == lst.list_date and now <= lst.deadline
            inv.write(
                {
                    "state": "listed",
                    "list_id": lst.id,
                    "listed_at": now,
                    "on_time": on_time,
                    "promoter_counts": inv.role != "guest"
                    and on_time
                    and rules.promoter_counts(now, event_deadline),
                }
            )

    # --- EV-2: duplicate check (called by the coordinator's action, as superuser)

    def _customer_keys(self):
        """The identity keys of each invitation's customer, as lead_protection keys them
        (LP-5): phone, e-mail, company, household."""
        result = {}
        for inv in self:
            partner = inv.partner_id
            commercial = partner.commercial_partner_id
            cleaned, error = identity.clean_phone_input(partner.phone)
            phone = False
            if not error:
                country = partner.country_id or inv.company_id._protection_phone_country()
                phone = partner._phone_format(number=cleaned, country=country, force_format="E164")
            keys = identity.customer_keys(
                phone=phone or None,
                email=partner.email_normalized or None,
                company_id=commercial.id if commercial.is_company else None,
                company_name=(commercial.is_company and commercial.name) or None,
                household=partner.protection_household_key,
            )
            # The partner itself is always one of its keys, even without phone or e-mail.
            result[inv] = [*keys, ("partner", str(partner.id))]
        return result

    def _resolve_duplicates(self):
        """EV-2, EV-4: keep each customer with one division, remove the others' invitations.

        Kept invitations hold their customer's keys under a partial unique index: two
        coordinators checking at the same instant cannot keep one customer twice.
        """
        candidates = self.filtered(
            lambda inv: inv.state in ("planned", "confirmed", "listed", "kept")
        )
        keys = candidates._customer_keys()
        entries = [
            {
                "id": inv.id,
                "keys": keys[inv],
                "confirmed": inv.state != "planned",
                "on_time": inv.on_time,
                "count_day": inv.count_day or None,
                "rank": inv.division_id._rank(),
                "division": inv.division_id.id,
            }
            for inv in candidates
        ]
        kept_ids, removed = rules.resolve_duplicates(entries)
        kept = self.browse(kept_ids).filtered(lambda inv: inv.state in ("listed", "kept"))
        with self._guard_workflow("event.invitation.key"):
            for inv_id, winner_id in removed.items():
                inv = self.browse(inv_id)
                inv.write({"state": "removed", "removed_by_id": winner_id})
                inv.key_ids.unlink()
                inv._notify_removed()
            kept.write({"state": "kept"})
            self.env["event.invitation.key"]._hold(kept, keys)
        self.mapped("list_id").filtered(lambda lst: lst.state == "filed").write(
            {"state": "checked"}
        )

    def _notify_removed(self):
        self.ensure_one()
        winner = self.removed_by_id
        self.with_context(lang=self.user_id.lang).message_post(
            body=self.with_context(lang=self.user_id.lang).env._(
                "Removed by the coordinator's duplicate check: %(customer)s stays with "
                "%(division)s (EV-2).",
                customer=self.partner_id.display_name,
                division=winner.team_id.display_name,
            ),
            partner_ids=self.user_id.partner_id.ids,
        )

    # --- EV-5: presenting

    def action_start_presentation(self):
        """EV-5: present products to the customer (the inviter, or a helper with consent)."""
        self.ensure_one()
        self.env["event.invitation.presentation"]._start(self.sudo())
        return True

    # --- EV-7: attendance

    def action_record_attendance(self, brought_by=None, purchase_amount=0.0):
        """EV-7: the coordinator records that the customer came, with the old customer who
        brought him and what he bought at the event (credited to the inviter, EV-5)."""
        self.event_id._check_invitation_coordinator()
        if len(self) != 1:
            raise UserError(self.env._("Record the attendance of one customer at a time."))
        if self.state != "kept":
            raise UserError(self.env._("Only kept invitations are attended."))
        if not isinstance(purchase_amount, (int, float)) or purchase_amount < 0:
            raise ValidationError(self.env._("The purchase amount must be a positive number."))
        if brought_by is not None and not isinstance(brought_by, models.BaseModel):
            brought_by = self.env["res.partner"].browse(int(brought_by)).exists()
        brought_by = brought_by or self.env["res.partner"]
        if len(brought_by) > 1 or brought_by == self.partner_id:
            raise ValidationError(self.env._("A customer is brought by one other customer."))
        if fields.Datetime.now() < self.event_id._invitation_company()._event_day_start(
            self.event_id._invitation_start_local().date()
        ):
            raise UserError(self.env._("Attendance is recorded on the event day."))
        with self._guard_workflow("res.partner"):
            self.write(
                {
                    "attended": True,
                    "brought_by_partner_id": brought_by.id,
                    "purchase_amount": purchase_amount,
                }
            )
            if brought_by and not self.partner_id.brought_by_id:
                self.partner_id.sudo().brought_by_id = brought_by
        return True

    # --- EV-4, EV-6: fines through the ledger

    @api.model
    def _book_missing_list_fines(self, occurrences):
        """EV-4: the division head is fined per late or missing daily list, once per day.

        Recorded as an offence of the fine catalogue (``fine_type_ev4_late_list``, 10 by
        default, falling on the offender: the division head, the sales team's leader), one
        per division and day: a day already recorded, even quashed, is not recorded again.
        """
        fine_type = self.env.ref("incentive_ledger.fine_type_ev4_late_list")
        Offence = self.env["incentive.offence"].sudo()
        todo = {}
        for event, division, day in occurrences:
            employee = division.manager_user_id.employee_id
            if employee:
                todo.setdefault((division, day), (event, employee))
        if not todo:
            return
        divisions = self.env["event.invitation.division"].union(*(key[0] for key in todo))
        done = {
            (offence.source_res_id, offence.date)
            for offence in Offence.search(
                [
                    ("fine_type_id", "=", fine_type.id),
                    ("source_model", "=", divisions._name),
                    ("source_res_id", "in", divisions.ids),
                    ("date", "in", list({day for _division, day in todo})),
                ]
            )
        }
        for (division, day), (event, employee) in todo.items():
            if (division.id, day) in done:
                continue
            Offence._record_offence(
                fine_type,
                employee,
                source=division,
                date=day,
                description=self.with_context(lang=employee.user_id.lang).env._(
                    "EV-4 late or missing invitation list of %(day)s for %(event)s",
                    day=day,
                    event=event.name,
                ),
                occurrence_key=f"{division._name}:{division.id}:{day.isoformat()}",
            )

    @api.model
    def _cron_fine_missing_lists(self):
        """EV-4: daily lists never filed by their cut-off cost the division head."""
        events = (
            self.env["event.event"]
            .sudo()
            .search(
                [
                    ("invitation_division_ids", "!=", False),
                    ("date_end", ">=", fields.Datetime.add(fields.Datetime.now(), days=-2)),
                ]
            )
        )
        self._book_missing_list_fines(events._invitation_missing_lists())

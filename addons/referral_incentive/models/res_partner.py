# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "incentive.guard.mixin"]

    # RI-10 and RI-11 decide these flags: a customer becomes a company resource when the
    # entitled employee leaves; the old customer who brought it is recorded once, by
    # reception (LP-38) or the event (EV-7), and never edited (RI-9). Set by the workflows
    # only, never by hand (not even by HR).
    _guarded_fields = (
        "referral_company_resource",
        "referral_released_date",
        "brought_by_id",
    )

    referral_company_resource = fields.Boolean(
        string="Company Resource",
        readonly=True,
        copy=False,
        tracking=True,
        help="RI-10: the employee entitled to this customer's referral bonus left; the "
        "customer is now a company resource and earns nobody a later bonus.",
    )
    referral_released_date = fields.Date(string="Company Resource Since", readonly=True, copy=False)
    brought_by_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="LP-38, EV-7: the old customer who brought this customer, recorded by "
        "reception or by the event coordinator; RI-11's points follow this link.",
    )
    referral_points_line_ids = fields.One2many(
        "referral.points.line", "partner_id", string="Referral Points History"
    )
    referral_points = fields.Integer(
        compute="_compute_referral_points", help="RI-11: points earned by referring customers."
    )

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("brought_by_id")._referral_book_brought_points()
        return partners

    def write(self, vals):
        result = super().write(vals)
        if vals.get("brought_by_id"):
            self._referral_book_brought_points()
        return result

    def _referral_book_brought_points(self):
        """RI-11: the old customer earns points for each new customer he brought, whether
        or not the new customer buys, and for the purchases of his won deals; no
        employee's claim or eligibility is involved."""
        Points = self.env["referral.points.line"].sudo()
        Points._book_brought(self.sudo())

    def action_record_brought_by(self, old_customer):
        """LP-38: reception records the old customer who brought this new customer, once."""
        self.ensure_one()
        if not self.env.user.has_group("sales_team.group_sale_salesman"):
            raise AccessError(self.env._("Only sales staff record who brought a customer."))
        self.check_access("write")
        if not isinstance(old_customer, models.BaseModel):
            old_customer = self.browse(int(old_customer)).exists()
        old_customer = old_customer.commercial_partner_id
        if len(old_customer) != 1 or old_customer == self.commercial_partner_id:
            raise UserError(self.env._("A customer is brought by one other customer."))
        if self.brought_by_id:
            raise UserError(
                self.env._(
                    "%(customer)s was already brought by %(old)s.",
                    customer=self.display_name,
                    old=self.brought_by_id.display_name,
                )
            )
        with self._guard_workflow():
            self.write({"brought_by_id": old_customer.id})
        return True

    @api.depends("referral_points_line_ids.points")
    def _compute_referral_points(self):
        totals = dict(
            self.env["referral.points.line"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["points:sum"]
            )
        )
        for partner in self:
            partner.referral_points = totals.get(partner, 0)

    def action_view_referral_points(self):
        self._guard_ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Referral Points"),
            "res_model": "referral.points.line",
            "view_mode": "list,pivot",
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

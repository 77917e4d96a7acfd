# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError

from ..tools import attribution


class ReferralPointsLine(models.Model):
    """The points ledger of customers who refer customers (RI-11).

    Odoo's loyalty app keeps points on cards for the customer's own purchases, sold through
    sale orders or the point of sale; these points reward another customer's purchases and
    event visits, booked from the CRM, so they get a small ledger of their own.
    """

    _name = "referral.points.line"
    _description = "Customer Referral Points"
    _inherit = ["incentive.guard.mixin"]
    _order = "date desc, id desc"

    # A ledger (RI-11): lines are booked by the claims and the won deals, corrected by
    # reversal lines (RI-8), never edited or deleted by hand.
    _guard_frozen_fields = ("__all__",)
    _guard_unlink = "_guard_open_records"

    partner_id = fields.Many2one(
        "res.partner", string="Referring Customer", required=True, index=True, ondelete="cascade"
    )
    new_partner_id = fields.Many2one("res.partner", string="New Customer", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    reason = fields.Selection(
        [("event", "Brought to an Event"), ("purchase", "Purchase"), ("reversal", "Reversal")],
        required=True,
    )
    points = fields.Integer(required=True)
    date = fields.Date(required=True, default=lambda self: self._suite_today())
    claim_id = fields.Many2one("referral.claim", index=True, ondelete="set null")
    lead_id = fields.Many2one("crm.lead", string="Deal", ondelete="set null")
    source_key = fields.Char(required=True, help="One line per referring customer and event.")
    reversed_line_id = fields.Many2one("referral.points.line", readonly=True)

    _source_unique = models.UniqueIndex(
        "(partner_id, source_key)", "These points are already booked."
    )

    def _guard_open_records(self):
        return self.browse()

    def _guard_hint(self):
        return self.env._(
            "Referral points are booked by approved claims and won deals and taken back by "
            "reversal lines (RI-8, RI-11)."
        )

    @api.model
    def _book(self, vals_list):
        """Book points exactly once per (customer, source key); returns the new lines."""
        if not vals_list:
            return self.browse()
        existing = {
            (line.partner_id.id, line.source_key)
            for line in self.search(
                [
                    ("partner_id", "in", list({vals["partner_id"] for vals in vals_list})),
                    ("source_key", "in", list({vals["source_key"] for vals in vals_list})),
                ]
            )
        }
        todo = {}
        for vals in vals_list:
            key = (vals["partner_id"], vals["source_key"])
            if key not in existing and vals["points"]:
                todo.setdefault(key, vals)
        if not todo:
            return self.browse()
        try:
            with self.env.cr.savepoint():
                return self.create(list(todo.values()))
        except psycopg2.errors.UniqueViolation as error:
            raise ConcurrencyError("Referral points booked concurrently, retrying") from error

    @api.model
    def _book_brought(self, partners):
        """RI-11: points of the old customers who brought ``partners``: one event line per
        new customer, and the purchase lines of his won deals."""
        partners = partners.filtered("brought_by_id")
        if not partners:
            return
        self._book(
            [
                {
                    "partner_id": partner.brought_by_id.commercial_partner_id.id,
                    "new_partner_id": partner.id,
                    "company_id": (partner.company_id or self.env.company).id,
                    "reason": "event",
                    "points": (partner.company_id or self.env.company).referral_event_points,
                    "source_key": f"event:{partner.id}",
                }
                for partner in partners
            ]
        )
        leads = self.env["crm.lead"].search(
            [("partner_id", "child_of", partners.ids), ("won_status", "=", "won")]
        )
        leads._referral_book_purchase_points()

    def _purchase_values(self, lead):
        customer = lead.partner_id.commercial_partner_id
        company = lead.company_id or self.env.company
        return {
            "partner_id": customer.brought_by_id.commercial_partner_id.id,
            "new_partner_id": customer.id,
            "company_id": company.id,
            "reason": "purchase",
            "points": attribution.referral_points(
                False,
                lead.expected_revenue,
                per_amount=company.referral_points_step,
                points_per_amount=company.referral_points_per_step,
            ),
            "lead_id": lead.id,
            "source_key": f"purchase:{lead.id}",
        }

    def _reverse(self):
        """RI-8: points of a fraudulent claim are taken back by counter lines."""
        todo = self.filtered(lambda line: line.reason != "reversal")
        return self._book(
            [
                {
                    "partner_id": line.partner_id.id,
                    "new_partner_id": line.new_partner_id.id,
                    "company_id": line.company_id.id,
                    "reason": "reversal",
                    "points": -line.points,
                    "claim_id": line.claim_id.id,
                    "lead_id": line.lead_id.id,
                    "reversed_line_id": line.id,
                    "source_key": f"reversal:{line.id}",
                }
                for line in todo
            ]
        )

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The rules hold at the API: every test plays an attacker calling the models directly,
as the record's owner, another salesperson, a manager of another team, a user of another
company and HR, and re-reads as administrator that nothing changed."""

import datetime
from unittest.mock import patch

import psycopg2.errors
from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, ConcurrencyError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL, mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import LeadProtectionCommon

# AccessError and ValidationError are UserErrors: any refusal with a message for the user.
REFUSED = UserError
SALESMAN = "sales_team.group_sale_salesman"


@tagged("post_install", "-at_install")
class TestAttacks(LeadProtectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_manager_other = new_test_user(
            cls.env,
            login="lp_manager_west",
            name="Manager Wu",
            groups="sales_team.group_sale_manager",
        )
        cls.team_west = cls.env["crm.team"].create(
            {"name": "West", "user_id": cls.user_manager_other.id}
        )
        cls.company_b = cls.env["res.company"].create({"name": "Other Company"})
        cls.user_other_company = new_test_user(
            cls.env,
            login="lp_other_company",
            name="Manager Qian",
            groups="sales_team.group_sale_manager",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        cls.user_receptionist = new_test_user(
            cls.env, login="lp_attack_reception", name="Reception Sun", groups=SALESMAN
        )
        cls.rotation = cls.env["lead.protection.rotation"].create(
            {
                "team_id": cls.team.id,
                "receptionist_ids": [(6, 0, cls.user_receptionist.ids)],
                "line_ids": [
                    (0, 0, {"sequence": index, "user_id": user.id})
                    for index, user in enumerate(
                        (cls.user_sales_1, cls.user_sales_2, cls.user_sales_3)
                    )
                ],
            }
        )

    # --- Helpers

    def _attackers(self, owner):
        """The record's owner, another salesperson, a manager of another team, a user of
        another company, HR."""
        others = (self.user_sales_1 | self.user_sales_2 | self.user_sales_3) - owner
        return (owner, others[:1], self.user_manager_other, self.user_other_company, self.user_hr)

    def _snapshot(self, record, names):
        record.invalidate_recordset()
        return {name: record.sudo()[name] for name in names}

    def _assert_unchanged(self, record, before):
        self.assertEqual(self._snapshot(record, before), before)

    def _other_value(self, record, name):
        """A valid value different from the current one, or None to skip the field."""
        field = record._fields[name]
        current = record.sudo()[name]
        if field.type in ("char", "text", "html"):
            return f"{current or ''} hacked"
        if field.type == "boolean":
            return not current
        if field.type in ("integer", "float", "monetary"):
            return (current or 0) + 7
        if field.type == "date":
            return (current or datetime.date(2026, 1, 1)) + datetime.timedelta(days=30)
        if field.type == "datetime":
            return (current or datetime.datetime(2026, 1, 1)) + datetime.timedelta(days=30)
        if field.type == "selection":
            values = [v for v in field.get_values(self.env) if v != current]
            return values[0] if values else None
        if field.type == "many2one":
            other = (
                self.env[field.comodel_name]
                .sudo()
                .with_context(active_test=False)
                .search([("id", "!=", current.id)], limit=1)
            )
            return other.id or None
        return None

    def _collide(self):
        first = self._register(self.user_sales_1, self._lead(self.user_sales_1, name="First"))
        second = self._register(self.user_sales_2, self._lead(self.user_sales_2, name="Second"))
        case = self.Collision.search([("challenger_registration_id", "=", second.id)])
        return first, second, case

    def _sold_by_other(self, sale_day="2026-11-02"):
        # LP-19: the claim is proved by the follow-up sheet valid on the sale date.
        with freeze_time("2026-11-01 09:00"):
            self._register(self.user_sales_1, self._lead(self.user_sales_1), self.kind_follow_up)
        with freeze_time(f"{sale_day} 10:00"):
            deal = self._lead(self.user_sales_2, name="Booked by Liu")
            deal.action_set_won()
        return deal

    # --- Registrations (LP-1, LP-3, LP-11)

    def test_lp1_lp3_registration_rule_fields_are_never_written_directly(self):
        """LP-1, LP-3, LP-11: the customer as registered, the owner, the window and the
        state of a registration change only through its workflow, for every attacker and
        the team manager; nobody creates a registration in another state nor deletes one."""
        registration = self._register(self.user_sales_1, self._lead(self.user_sales_1))
        names = [name for name in self.Registration._guarded_fields if name != "key_ids"]
        before = self._snapshot(registration, names)
        for user in (*self._attackers(self.user_sales_1), self.user_manager):
            for name in names:
                value = self._other_value(registration, name)
                if value is None:
                    continue
                with self.subTest(user=user.login, field=name), self.assertRaises(REFUSED):
                    registration.with_user(user).write({name: value})
            with self.subTest(user=user.login, op="unlink"), self.assertRaises(REFUSED):
                registration.with_user(user).unlink()
        self._assert_unchanged(registration, before)
        vals = {
            "lead_id": registration.lead_id.id,
            "user_id": self.user_sales_1.id,
            "kind_id": self.kind_walk_in.id,
            "last_day": "2099-12-31",
            "customer_name": "Forged",
            "phone": "+8613800138001",
            "state": "contracted",
        }
        for user in (self.user_manager, self.user_sales_1):
            with self.subTest(user=user.login, op="create"), self.assertRaises(REFUSED):
                self.Registration.with_user(user).create(vals)
        self.assertFalse(self.Registration.search([("customer_name", "=", "Forged")]))

    def test_lp11_only_the_team_manager_marks_fake_or_reports_a_leak(self):
        """LP-11: marking a registration fake or reporting a leak fines the salesperson:
        refused to the owner, a colleague, a manager of another team, a user of another
        company and HR, before any sudo(); nothing is invalidated or booked."""
        registration = self._register(self.user_sales_1, self._lead(self.user_sales_1))
        before = self._snapshot(registration, ["state", "fake", "user_id"])
        for user in self._attackers(self.user_sales_1):
            for action in ("action_mark_fake", "action_report_leak"):
                with self.subTest(user=user.login, action=action), self.assertRaises(REFUSED):
                    getattr(registration.with_user(user), action)()
        self._assert_unchanged(registration, before)
        self.assertFalse(self._ledger("LP-11"))
        self.assertFalse(self.env["incentive.offence"].search([("rule_ref", "=", "LP-11")]))
        registration.with_user(self.user_manager).action_mark_fake()
        self.assertEqual((registration.state, registration.fake), ("invalid", True))
        self.assertEqual(self._ledger("LP-11").mapped("amount"), [-50.0])

    # --- Collisions (LP-6 .. LP-9)

    def test_lp6_one_party_alone_never_takes_the_customer(self):
        """LP-6: the challenger proposes that he gets the customer; neither he, nor a
        colleague, nor a manager can accept for the owner; only the owner's acceptance
        resolves the case."""
        first, second, case = self._collide()
        as_challenger = case.with_user(self.user_sales_2)
        as_challenger._resolve("challenger", agreement="I take it.")
        self.assertEqual(case.state, "negotiation")
        for user in (
            self.user_sales_2,
            self.user_sales_3,
            self.user_manager,
            self.user_manager_other,
            self.user_other_company,
            self.user_hr,
        ):
            with self.subTest(user=user.login), self.assertRaises(REFUSED):
                case.with_user(user).action_accept_proposal()
        self.assertEqual(
            (case.state, first.state, second.state),
            ("negotiation", "active", "collided"),
        )
        forged = {
            "state": "resolved",
            "outcome": "challenger",
            "challenger_share": 100.0,
            "proposed_by_id": self.user_sales_1.id,
            "owner_user_id": self.user_sales_2.id,
        }
        for user in (self.user_sales_1, self.user_sales_2, self.user_manager):
            for name, value in forged.items():
                with self.subTest(user=user.login, field=name), self.assertRaises(REFUSED):
                    case.with_user(user).write({name: value})
        self.assertEqual(case.state, "negotiation")
        self.assertEqual(first.user_id, self.user_sales_1)
        case.with_user(self.user_sales_1).action_accept_proposal()
        self.assertEqual(
            (case.state, case.owner_share, case.challenger_share),
            (
                "resolved",
                0.0,
                100.0,
            ),
        )
        self.assertEqual((first.state, second.state), ("invalid", "active"))

    def test_lp6_a_party_refuses_and_escalates_instead(self):
        """LP-6, LP-7: the other party may refuse the proposal or escalate to the manager."""
        _first, _second, case = self._collide()
        case.with_user(self.user_sales_2)._resolve("challenger", agreement="Mine")
        case.with_user(self.user_sales_1).action_refuse_proposal()
        self.assertFalse(case.proposed_by_id)
        case.with_user(self.user_sales_2)._resolve("split", agreement="Half", split_percent=50)
        case.with_user(self.user_sales_1).action_escalate()
        self.assertEqual(case.state, "adjudication")
        self.assertFalse(case.proposed_by_id)
        with self.assertRaises(UserError):
            case.with_user(self.user_sales_1).action_accept_proposal()

    def test_lp8_shares_between_0_and_100_totalling_100(self):
        """LP-8: a 150 % / -50 % split is refused with a message and changes nothing; the
        database itself refuses out-of-range shares and a total other than 100 %."""
        _first, _second, case = self._collide()
        as_manager = case.with_user(self.user_manager)
        as_manager.action_escalate()
        for share in (150.0, -50.0, "abc", float("nan")):
            with self.subTest(share=share), self.assertRaises(UserError):
                as_manager._resolve("split", agreement="Bad", split_percent=share)
        self.assertEqual(
            (case.state, case.owner_share, case.challenger_share),
            (
                "adjudication",
                0.0,
                0.0,
            ),
        )
        # Below the ORM, PostgreSQL refuses a share out of range and a total other than 100.
        self.env.flush_all()
        for assignment in (
            "owner_share = 150",
            "challenger_share = -50",
            "state = 'resolved', outcome = 'split', owner_share = 60, challenger_share = 30",
        ):
            with (
                self.subTest(assignment=assignment),
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.CheckViolation),
                self.env.cr.savepoint(),
            ):
                self.env.cr.execute(
                    SQL(
                        "UPDATE lead_protection_collision SET %s WHERE id = %s",
                        SQL(assignment),
                        case.id,
                    )
                )
        for vals in ({"owner_share": 150.0}, {"challenger_share": -50.0}):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                case.sudo().write(vals)
        as_manager._resolve("split", agreement="Both helped", split_percent=70.0)
        self.assertEqual((case.owner_share, case.challenger_share), (70.0, 30.0))
        case.deal_lead_id.action_set_won()
        self.assertEqual(sorted(self._ledger("LP-8").mapped("amount")), [600.0, 1400.0])

    def test_lp7_lp9_other_teams_and_companies_cannot_act_on_a_case(self):
        """LP-7, LP-9: escalating, adjudicating and disputing are the parties' and their
        team manager's: a manager of another team, a user of another company, HR and a
        colleague are refused before any sudo()."""
        first, second, case = self._collide()
        outsiders = (
            self.user_sales_3,
            self.user_manager_other,
            self.user_other_company,
            self.user_hr,
        )
        for user in outsiders:
            as_user = case.with_user(user)
            for call in (
                as_user.action_escalate,
                as_user.action_dispute_deal_lost,
                lambda as_user=as_user: as_user._resolve("owner", agreement="Mine"),
            ):
                with self.subTest(user=user.login), self.assertRaises(REFUSED):
                    call()
        case.with_user(self.user_sales_1).action_escalate()
        for user in (*outsiders, self.user_sales_1, self.user_sales_2):
            with self.subTest(user=user.login, op="adjudicate"), self.assertRaises(REFUSED):
                case.with_user(user)._resolve("owner", agreement="Mine")
            with self.subTest(user=user.login, op="dispute"), self.assertRaises(REFUSED):
                case.with_user(user).action_dispute_deal_lost()
        self.assertEqual(
            (case.state, first.state, second.state),
            (
                "adjudication",
                "active",
                "collided",
            ),
        )
        self.assertFalse(self._ledger("LP-9"))

    def test_lp9_a_resolved_case_is_not_disputed_again(self):
        """LP-9: once resolved, a case cannot be disputed (fined) again, nor re-resolved."""
        _first, _second, case = self._collide()
        as_manager = case.with_user(self.user_manager)
        as_manager.action_dispute_deal_lost()
        self.assertEqual(len(self._ledger("LP-9")), 2)
        with self.assertRaises(UserError):
            as_manager.action_dispute_deal_lost()
        with self.assertRaises(UserError):
            as_manager.action_dispute_deal_kept()
        with self.assertRaises(UserError):
            as_manager._resolve("owner", agreement="again")
        with self.assertRaises(UserError):
            as_manager.action_dispute(deal_lost="yes")
        self.assertEqual(len(self._ledger("LP-9")), 2)
        self.assertEqual(case.outcome, "dispute")

    # --- Late claims (LP-10)

    def test_lp10_only_the_deals_team_manager_approves_once(self):
        """LP-10: a late claim is approved by the manager of the deal's team only, once;
        its outcome and shares are never written directly; it is not deleted."""
        deal = self._sold_by_other()
        with freeze_time("2026-11-05 10:00"):
            deal.with_user(self.user_sales_1).action_protection_claim()
        claim = self.env["lead.protection.claim"].search([("lead_id", "=", deal.id)])
        for user in (*self._attackers(self.user_sales_1), self.user_sales_2):
            with self.subTest(user=user.login), self.assertRaises(REFUSED):
                claim.with_user(user).action_approve()
        forged = {"state": "approved", "claimant_share": 100.0, "booker_share": 0.0}
        forged |= {"outcome": "half", "booker_id": self.user_sales_3.id}
        for user in (self.user_manager, self.user_sales_1):
            for name, value in forged.items():
                with self.subTest(user=user.login, field=name), self.assertRaises(REFUSED):
                    claim.with_user(user).write({name: value})
            with self.assertRaises(REFUSED):
                claim.with_user(user).unlink()
        self.assertEqual((claim.state, claim.outcome), ("submitted", "full"))
        self.assertFalse(self._ledger("LP-10"))
        claim.with_user(self.user_manager).action_approve()
        with self.assertRaises(UserError):
            claim.with_user(self.user_manager).action_approve()
        self.assertEqual(len(self._ledger("LP-10")), 1)

    def test_lp10_a_claim_filed_twice_is_refused_or_retried(self):
        """LP-10: at most one claim per deal and claimant: a second claim is a message; two
        workers filing at once hit the unique index, which is retried (ConcurrencyError),
        never a raw IntegrityError."""
        deal = self._sold_by_other()
        Claim = self.env["lead.protection.claim"].with_user(self.user_sales_1)
        with freeze_time("2026-11-05 10:00"):
            Claim._submit(deal)
            with self.assertRaisesRegex(UserError, "already claimed"):
                Claim._submit(deal)
            with (
                patch.object(type(Claim), "search_count", return_value=0),
                mute_logger("odoo.sql_db"),
                self.assertRaises(ConcurrencyError),
            ):
                Claim._submit(deal)
            with self.assertRaises(UserError):
                Claim._submit(deal | self._lead(self.user_sales_2, name="Other"))
        self.assertEqual(len(self.env["lead.protection.claim"].search([])), 1)

    # --- Leavers' customers (LP-13)

    def test_lp13_company_resources_cannot_be_taken(self):
        """LP-13 (attacker): the colleague who wants the leaver's customer cannot register it
        (even typing the number otherwise), assign it to himself nor write the registration;
        HR, a manager of another team or of another company cannot assign it; it stays held
        by the company, re-read as administrator."""
        lead = self._lead(self.user_sales_1)
        registration = self._register(self.user_sales_1, lead)
        self.employees[0].with_user(self.user_hr).action_archive()
        grab = self._lead(self.user_sales_2, name="Grab", phone="+86 138 0013 8000")
        with self.assertRaisesRegex(UserError, "company resources"):
            self._register(self.user_sales_2, grab)
        with self.assertRaises(REFUSED):
            registration.with_user(self.user_sales_2).write(
                {"user_id": self.user_sales_2.id, "state": "active"}
            )
        attackers = (
            self.user_sales_2,
            self.user_hr,
            self.user_manager_other,
            self.user_other_company,
        )
        for user in attackers:
            with self.subTest(user=user.login), self.assertRaises(REFUSED):
                self.env["lead.protection.reassign"].with_user(user).create(
                    {"lead_ids": [(6, 0, lead.ids)], "user_id": self.user_sales_2.id}
                ).action_reassign()
        registration = registration.sudo()
        registration.invalidate_recordset()
        self.assertRecordValues(
            registration, [{"state": "company", "user_id": self.user_sales_1.id}]
        )
        self.assertEqual(registration.key_ids.filtered("active").user_id, self.user_sales_1)
        self.assertFalse(lead.user_id)
        self.assertEqual(lead.company_id, self.company)
        self.assertEqual(self.Registration.search_count([]), 1)

    # --- Neglected customers (LP-14)

    def test_lp14_reassignment_stays_in_the_managers_teams(self):
        """LP-14: a manager of another team, or of another company, cannot reassign (nor
        release) this team's neglected customers; the owner cannot clear the flag."""
        lead = self._lead(self.user_sales_1)
        registration = self._register(self.user_sales_1, lead)
        with lead._guard_workflow():
            lead.protection_neglected = True
        with self.assertRaises(REFUSED):
            lead.with_user(self.user_sales_1).write({"protection_neglected": False})
        for user in (self.user_manager_other, self.user_other_company, self.user_sales_2):
            with self.subTest(user=user.login), self.assertRaises(REFUSED):
                self.env["lead.protection.reassign"].with_user(user).create(
                    {"lead_ids": [(6, 0, lead.ids)], "user_id": user.id}
                ).action_reassign()
        self.assertEqual((lead.user_id, registration.state), (self.user_sales_1, "active"))
        self.assertTrue(lead.protection_neglected)
        with self.assertRaisesRegex(UserError, "not a salesperson"):
            self.env["lead.protection.reassign"].with_user(self.user_manager).create(
                {"lead_ids": [(6, 0, lead.ids)], "user_id": self.user_manager_other.id}
            ).action_reassign()
        self.env["lead.protection.reassign"].with_user(self.user_manager).create(
            {"lead_ids": [(6, 0, lead.ids)], "user_id": self.user_sales_2.id}
        ).action_reassign()
        self.assertEqual(
            (lead.user_id, registration.state, registration.user_id),
            (self.user_sales_2, "active", self.user_sales_2),
        )

    # --- Reception rotation (LP-15)

    def test_lp15_salespeople_cannot_steer_the_rotation(self):
        """LP-15: a salesperson cannot mark his own line owed or busy, nor a colleague
        absent, nor receive a walk-in; neither can a manager of another team. Only the
        team manager or a receptionist, through the status actions."""
        line_1, line_2, _line_3 = self.rotation.line_ids.sorted("sequence")
        before = [self._snapshot(line, ["status", "owed", "sequence"]) for line in (line_1, line_2)]
        for user in (self.user_sales_2, self.user_manager_other, self.user_other_company):
            attempts = (
                lambda user=user: line_2.with_user(user).write({"owed": True}),
                lambda user=user: line_2.with_user(user).write({"status": "busy"}),
                lambda user=user: line_1.with_user(user).write({"status": "absent"}),
                lambda user=user: line_2.with_user(user).action_set_busy(),
                lambda user=user: line_1.with_user(user).action_set_absent(),
                lambda user=user: line_2.with_user(user).write({"sequence": -1}),
                lambda user=user: self.rotation.with_user(user).write({"position": 1}),
                lambda user=user: self.rotation.with_user(user)._receive(),
            )
            for index, attempt in enumerate(attempts):
                with self.subTest(user=user.login, attempt=index), self.assertRaises(REFUSED):
                    attempt()
        for line, snapshot in zip((line_1, line_2), before, strict=True):
            self._assert_unchanged(line, snapshot)
        self.assertEqual(self.rotation.position, 0)
        with self.assertRaises(REFUSED):
            self.rotation.with_user(self.user_manager).write({"position": 2})
        with self.assertRaises(REFUSED):
            self.rotation.with_user(self.user_manager).write({"team_id": self.team_west.id})
        line_1.with_user(self.user_receptionist).action_set_absent()
        line_2.with_user(self.user_manager).action_set_busy()
        self.assertEqual((line_1.status, line_2.status), ("absent", "busy"))
        receiver = self.rotation.with_user(self.user_receptionist)._receive()
        self.assertEqual(receiver, self.user_sales_3)
        self.assertTrue(line_2.owed)

    def test_lp15_another_team_manager_cannot_create_a_rotation_for_this_team(self):
        """LP-15: a manager sets up rotations of his own team only."""
        self.rotation.sudo().unlink()
        with self.assertRaises(REFUSED):
            self.env["lead.protection.rotation"].with_user(self.user_manager_other).create(
                {"team_id": self.team.id}
            )
        self.assertFalse(self.env["lead.protection.rotation"].search([]))

    # --- Households (LP-5)

    def test_lp5_a_protected_household_keeps_its_members(self):
        """LP-5: a salesperson cannot move a family member out of (or into) a household
        protected by a colleague's registration."""
        head = self.env["res.partner"].create({"name": "Wang Wei"})
        spouse = self.env["res.partner"].create({"name": "Zhou Min", "household_id": head.id})
        stranger = self.env["res.partner"].create({"name": "Sun Li"})
        self._register(self.user_sales_1, self._lead(self.user_sales_1, partner_id=head.id))
        with self.assertRaises(UserError):
            spouse.with_user(self.user_sales_2).write({"household_id": False})
        with self.assertRaises(UserError):
            stranger.with_user(self.user_sales_2).write({"household_id": head.id})
        self.assertEqual(spouse.household_id, head)
        self.assertFalse(stranger.household_id)

    # --- Bad input

    def test_bad_input_is_a_clear_message_and_writes_nothing(self):
        """Wrong types, unknown values, out-of-range numbers and several records where one
        is expected come back as translated messages, and nothing is written."""
        registration = self._register(self.user_sales_1, self._lead(self.user_sales_1))
        as_owner = registration.with_user(self.user_sales_1)
        for vals in (
            {"expected_revenue": -100.0},
            {"expected_unit_price": "cheap"},
            {"expected_signing_date": "someday"},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                as_owner.write(vals)
        self.assertEqual(registration.expected_revenue, 100000.0)
        _first, _second, case = self._collide_other()
        Wizard = self.env["lead.protection.collision.resolve"].with_user(self.user_sales_2)
        for vals in (
            {"outcome": "everything_to_me"},
            {"outcome": "split", "split_percent": "half"},
            {"outcome": "split", "split_percent": 150.0},
            {"chosen_user_id": "me"},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Wizard.create(dict({"collision_id": case.id}, **vals))
        with self.assertRaises(UserError):
            self.Collision.search([])[:2].action_open_resolve_wizard()
        walk_ins = (
            self.env["lead.protection.walk.in"]
            .with_user(self.user_receptionist)
            .create(
                [{"rotation_id": self.rotation.id, "contact_name": name} for name in ("A", "B")]
            )
        )
        with self.assertRaises(UserError):
            walk_ins.action_receive()
        with self.assertRaises(ValidationError):
            self.env["lead.protection.kind"].create(
                {"name": "Forever", "window_type": "eternal", "window_length": 1}
            )
        with self.assertRaises(ValidationError):
            self.company.protection_split_percent = 150.0
        self.assertEqual(self.rotation.line_ids.mapped("status"), ["available"] * 3)

    def _collide_other(self):
        first = self._register(
            self.user_sales_1, self._lead(self.user_sales_1, name="A", phone="13700137000")
        )
        second = self._register(
            self.user_sales_2, self._lead(self.user_sales_2, name="B", phone="13700137000")
        )
        third = self._register(
            self.user_sales_3, self._lead(self.user_sales_3, name="C", phone="13700137000")
        )
        case = self.Collision.search([("challenger_registration_id", "=", second.id)])
        self.assertTrue(self.Collision.search([("challenger_registration_id", "=", third.id)]))
        return first, second, case

    # --- Generic sweep over the forms

    def _form_fields(self, model, user):
        """(name, node) of the fields of the model's form as ``user`` gets it, without the
        fields of embedded lists."""
        try:
            views = model.with_user(user).get_views([(False, "form")])
        except AccessError:
            # He cannot open the model at all: sweep the form the administrator sees.
            views = model.get_views([(False, "form")])
        arch = views["views"]["form"]["arch"]
        root = etree.fromstring(arch)
        result = []
        for node in root.iter("field"):
            if any(parent.tag == "field" for parent in node.iterancestors()):
                continue
            in_header = any(parent.tag == "header" for parent in node.iterancestors())
            result.append((node.get("name"), node, in_header))
        return result

    def _shown_readonly(self, record, node, in_header, user):
        """Whether the form shows the field read-only (or not at all) to ``user``."""
        field = record._fields[node.get("name")]
        as_user = record.with_user(user).sudo()
        values = {name: as_user[name] for name in record._fields if name != "id"}
        values = {
            name: value.id if hasattr(value, "_name") and len(value) <= 1 else value
            for name, value in values.items()
        }
        values["id"] = record.id

        def evaluate(attribute, default):
            expression = node.get(attribute)
            if expression is None:
                return default
            try:
                return bool(safe_eval(expression, values))
            except Exception:  # an expression we cannot evaluate: treat as not shown
                return True

        return (
            in_header or evaluate("invisible", False) or evaluate("readonly", bool(field.readonly))
        )

    def _sweep(self, record, users):
        model = record.sudo().browse()
        for user in users:
            writable = model.with_user(user).has_access("write") and record.with_user(
                user
            )._filtered_access("write")
            for name, node, in_header in self._form_fields(model, user):
                field = record._fields[name]
                if field.type in ("one2many", "many2many", "binary") or (
                    field.compute and not field.store and not field.related
                ):
                    continue
                value = self._other_value(record, name)
                if value is None:
                    continue
                readonly = self._shown_readonly(record, node, in_header, user)
                before = self._snapshot(record, [name])
                with self.subTest(model=record._name, user=user.login, field=name):
                    if readonly or not writable:
                        with self.assertRaises(REFUSED):
                            record.with_user(user).write({name: value})
                        self._assert_unchanged(record, before)
                    else:
                        record.with_user(user).write({name: value})
                        self.assertNotEqual(self._snapshot(record, [name]), before)

    def test_sweep_what_the_forms_show_read_only_cannot_be_written(self):
        """LP-1..LP-15: for every model of lead protection, every field its form shows
        read-only (or hides) is refused to the salesperson, the team manager and HR, and
        nothing changes; the fields shown editable change for whom may write them."""
        registration = self._register(
            self.user_sales_1, self._lead(self.user_sales_1, phone="13611112222")
        )
        _first, _second, case = self._collide_other()
        deal = self._sold_by_other()
        with freeze_time("2026-11-05 10:00"):
            claim = self.env["lead.protection.claim"].with_user(self.user_sales_1)._submit(deal)
        records = (
            registration,
            registration.sudo().key_ids[:1],
            case,
            claim,
            self.rotation,
            self.kind_project,
            self.env["lead.protection.precheck.log"]
            .sudo()
            .create(
                {
                    "user_id": self.user_sales_1.id,
                    "company_id": self.company.id,
                    "query": "138",
                    "verdict": "free",
                }
            ),
        )
        users = (self.user_sales_1, self.user_manager, self.user_hr)
        for record in records:
            self._sweep(record.sudo().with_env(self.env), users)
        # The members of the rotation, as its form lists them.
        line = self.rotation.line_ids[:1]
        arch = self.rotation.get_views([(False, "form")])["views"]["form"]["arch"]
        listed = etree.fromstring(arch).xpath("//field[@name='line_ids']/list/field")
        for user in users:
            writable = user == self.user_manager
            for node in listed:
                name = node.get("name")
                value = self._other_value(line, name)
                if name == "user_id":
                    value = self.user_manager_other.id
                if value is None:
                    continue
                readonly = self._shown_readonly(line, node, False, user)
                before = self._snapshot(line, [name])
                with self.subTest(model=line._name, user=user.login, field=name):
                    if readonly or not writable:
                        with self.assertRaises(REFUSED):
                            line.with_user(user).write({name: value})
                        self._assert_unchanged(line, before)
                    else:
                        line.with_user(user).write({name: value})
                        self.assertNotEqual(self._snapshot(line, [name]), before)

    def test_every_guarded_field_of_every_model_is_refused_to_every_attacker(self):
        """LP-1..LP-15: for every lead protection model, every field declared guarded is
        refused to the record's owner, another salesperson, a manager of another team, a
        user of another company, HR and the team's own manager; re-read as administrator,
        nothing changed. Deleting is refused too."""
        registration = self._register(
            self.user_sales_1, self._lead(self.user_sales_1, phone="13511112222")
        )
        _first, _second, case = self._collide_other()
        deal = self._sold_by_other()
        with freeze_time("2026-11-05 10:00"):
            claim = self.env["lead.protection.claim"].with_user(self.user_sales_1)._submit(deal)
        records = (
            registration,
            registration.sudo().key_ids[:1],
            case,
            claim.sudo(),
            self.rotation,
            self.rotation.line_ids[:1],
            self.kind_walk_in,
            registration.lead_id,
        )
        users = (*self._attackers(self.user_sales_1), self.user_manager)
        for record in records:
            record = record.sudo().with_env(self.env)
            guarded, _frozen = record._guard_declarations()
            names = [
                name
                for name in guarded
                if record._fields[name].type not in ("one2many", "many2many")
                and self._other_value(record, name) is not None
            ]
            self.assertTrue(names, record._name)
            before = self._snapshot(record, names)
            for user in users:
                for name in names:
                    value = self._other_value(record, name)
                    with (
                        self.subTest(model=record._name, user=user.login, field=name),
                        self.assertRaises(REFUSED),
                    ):
                        record.with_user(user).write({name: value})
                # The team's manager deletes members of his own rotation (LP-15).
                own_rotation = record._name.startswith("lead.protection.rotation") and (
                    user == self.user_manager
                )
                if record._name != "crm.lead" and not own_rotation:
                    with self.subTest(model=record._name, user=user.login, op="unlink"):
                        with self.assertRaises(REFUSED):
                            record.with_user(user).unlink()
            self._assert_unchanged(record, before)

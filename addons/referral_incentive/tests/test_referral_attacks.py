# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.incentive_ledger.tests.attack import REFUSED, AttackCase, other_company_user

from .common import IN_TIME, ReferralCommon

OUR_MODULES = {"referral_incentive", "incentive_ledger"}


@tagged("post_install", "-at_install")
class TestReferralAttacks(AttackCase, ReferralCommon):
    """The attacker's side of RI-3, RI-5, RI-6, RI-7, RI-9, RI-10, RI-11: the applicant,
    another salesperson, a manager of another team, HR of another company and HR itself try
    direct writes, creates, deletes and out-of-order calls; each is refused and nothing
    changes (re-read as administrator)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_other_company = other_company_user(
            cls.env,
            "ri_other_company",
            "hr.group_hr_user,referral_incentive.group_referral_incentive_manager",
            name="HR Other Company",
        )
        cls.other_company = cls.user_other_company.company_id

    def _attackers(self):
        return (
            self.user_li,  # the applicant
            self.user_liu,  # another salesperson of the team
            self.user_other_manager,  # a manager of another team
            self.user_other_company,  # HR and manager of another company
            self.user_hr,  # HR
        )

    def _submitted(self, user=None, amount=100000.0, **extra):
        user = user or self.user_li
        claim = self._claim(user, self._won_deal(self.new_customer, amount=amount), **extra)
        with freeze_time(IN_TIME):
            claim.with_user(user).action_submit()
        return claim

    # --- Claims

    def test_ri5_ri7_ri9_rule_fields_of_a_claim_are_never_written(self):
        """RI-5, RI-7, RI-9: the bonus (88,888 instead of the tier's 1,000), the state
        (skipping the manager), the deadline (2030), the entitled employee, the reviewing
        manager and the tier are refused to everyone; the ledger books the tier's bonus."""
        claim = self._submitted()
        attacks = [
            {"amount": 88888.0},
            {"tier_bonus": 88888.0},
            {"deal_amount": 9999999.0},
            {"state": "reviewed"},
            {"state": "approved"},
            {"validation_status": "validated"},
            {"deadline": "2030-12-31"},
            {"deal_date": "2026-10-01"},
            {"beneficiary_id": self.emp_liu.id},
            {"manager_user_id": self.user_li.id},
            {"approved_by_id": self.user_hr.id},
            {"partner_id": self.old_customer.id},
            {"name": "FAKE-1"},
        ]
        names = [name for vals in attacks for name in vals]
        before = self.snapshot(claim, names)
        for user in self._attackers():
            for vals in attacks:
                self.assertRefused(claim.with_user(user), vals)
        self.assertEqual(self.snapshot(claim, names), before)
        self._approve_steps(claim)
        self.assertEqual(claim.ledger_line_id.amount, 1000.0)
        self.assertEqual(claim.ledger_line_id.employee_id, self.emp_li)

    def test_ri9_a_submitted_claim_keeps_its_content(self):
        """RI-9: applicant, deal, case, parties, process and contract are frozen once
        submitted, for the applicant and HR alike."""
        claim = self._submitted()
        other_lead = self._won_deal(self.old_customer)
        attacks = [
            {"employee_id": self.emp_liu.id},
            {"lead_id": other_lead.id},
            {"case": "customer_referral"},
            {"process_description": "rewritten"},
            {"contract_attachment_ids": [(5, 0, 0)]},
            {"party_ids": [(0, 0, {"party_type": "internal", "employee_id": self.emp_liu.id})]},
            {"party_ids": [(5, 0, 0)]},
        ]
        before = self.snapshot(claim, ["employee_id", "lead_id", "case", "process_description"])
        parties = claim.party_ids
        for user in self._attackers():
            for vals in attacks:
                self.assertRefused(claim.with_user(user), vals)
        self.assertEqual(
            self.snapshot(claim, ["employee_id", "lead_id", "case", "process_description"]),
            before,
        )
        self.assertEqual(claim.party_ids, parties)
        self.assertTrue(claim.contract_attachment_ids)

    def test_ri3_ri9_parties_of_a_submitted_claim_are_frozen(self):
        """RI-3, RI-9: the parties decide who earns the bonus: after submission nobody adds,
        edits or deletes one through ``referral.claim.party`` directly."""
        claim = self._submitted()
        party = claim.party_ids
        Party = self.env["referral.claim.party"]
        for user in self._attackers():
            with self.subTest(user=user.login):
                self.assertRefused(party.with_user(user), {"employee_id": self.emp_liu.id})
                self.assertRefused(party.with_user(user), {"party_type": "consultant"})
                with self.assertRaises(REFUSED), self.env.cr.savepoint():
                    Party.with_user(user).create(
                        {
                            "claim_id": claim.id,
                            "party_type": "consultant",
                            "employee_id": self.emp_chen.id,
                        }
                    )
                self.assertCallRefused(party.with_user(user), "unlink")
        claim.invalidate_recordset()
        self.assertEqual(claim.party_ids, party)
        self.assertEqual(party.employee_id, self.emp_li)
        self.assertEqual(claim.beneficiary_id, self.emp_li)

    def test_ri9_nobody_files_a_claim_in_another_employees_name(self):
        """RI-9: a salesperson cannot create a claim whose applicant is a colleague, nor move
        his draft to a colleague, nor create one already submitted or with a bonus."""
        lead = self._won_deal(self.new_customer)
        with self.assertRaises(AccessError):
            self._claim(self.user_liu, lead, employee_id=self.emp_li.id)
        draft = self._claim(self.user_li, lead)
        with self.assertRaises(AccessError):
            draft.with_user(self.user_li).write({"employee_id": self.emp_liu.id})
        for extra in ({"state": "approved"}, {"amount": 88888.0}, {"deadline": "2030-12-31"}):
            with self.subTest(extra=extra), self.assertRaises(UserError):
                self._claim(self.user_liu, self._won_deal(self.old_customer), **extra)
        created = (
            self.env["referral.claim"]
            .with_user(self.user_liu)
            .with_context(default_state="approved", default_amount=88888.0)
            .create(
                {
                    "case": "staff_referral",
                    "lead_id": self._won_deal(self.buyer).id,
                    "employee_id": self.emp_liu.id,
                }
            )
        )
        self.assertEqual(created.state, "draft")
        self.assertNotEqual(created.amount, 88888.0)
        self.assertEqual(draft.employee_id, self.emp_li)

    def test_ri7_old_claim_is_not_submitted_by_moving_its_deadline(self):
        """RI-7: a year-old claim stays late: its deadline cannot be moved to 2030."""
        claim = self._claim(self.user_li, self._won_deal(self.new_customer, won_on="2025-08-01"))
        with self.assertRaises(UserError):
            claim.with_user(self.user_li).write({"deadline": "2030-12-31"})
        with freeze_time(IN_TIME), self.assertRaisesRegex(UserError, "late"):
            claim.with_user(self.user_li).action_submit()
        self.assertEqual(claim.state, "draft")

    def test_ri7_the_chain_cannot_be_skipped_or_run_by_the_wrong_person(self):
        """RI-7: the manager reviews first, then HR; the applicant, a colleague, a manager of
        another team and HR of another company cannot validate; HR cannot validate before
        the manager; nobody validates his own claim."""
        claim = self._submitted()
        for user in self._attackers():
            for action in ("action_review", "action_approve", "validate_tier"):
                self.assertCallRefused(claim.with_user(user), action, names=["state"])
        claim.invalidate_recordset()
        self.assertEqual(claim.state, "submitted")
        self.assertEqual(claim.review_ids.mapped("status"), ["pending", "waiting"])
        with freeze_time(IN_TIME):
            claim.with_user(self.user_manager).action_review()
        self.assertEqual(claim.state, "reviewed")
        for user in (self.user_li, self.user_liu, self.user_other_manager, self.user_manager):
            self.assertCallRefused(claim.with_user(user), "action_approve", names=["state"])
        self.assertCallRefused(
            claim.with_user(self.user_other_company), "action_approve", names=["state"]
        )
        claim.invalidate_recordset()
        self.assertEqual(claim.state, "reviewed")
        self.assertFalse(claim.ledger_line_id)

    def test_ri7_reviews_change_only_through_the_claim(self):
        """RI-7: base_tier_validation lets every user write reviews; those of a claim are
        refused to the applicant and to HR (approve, re-point, delete, forge a review, or
        validate out of turn through the comment wizard)."""
        claim = self._submitted()
        manager_review, hr_review = claim.review_ids.sorted("sequence")
        Review = self.env["tier.review"]
        for user in self._attackers():
            with self.subTest(user=user.login):
                self.assertRefused(manager_review.with_user(user), {"status": "approved"})
                self.assertRefused(manager_review.with_user(user), {"done_by": user.id})
                self.assertRefused(hr_review.with_user(user), {"sequence": 0})
                self.assertCallRefused(manager_review.with_user(user), "unlink")
                with self.assertRaises(REFUSED), self.env.cr.savepoint():
                    Review.with_user(user).create(
                        {
                            "model": "referral.claim",
                            "res_id": claim.id,
                            "definition_id": hr_review.definition_id.id,
                            "status": "approved",
                        }
                    )
                self.assertCallRefused(claim.with_user(user), "restart_validation")
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.user_hr)
            .create(
                {
                    "res_model": "referral.claim",
                    "res_id": claim.id,
                    "review_ids": [(6, 0, hr_review.ids)],
                    "validate_reject": "validate",
                    "comment": "skip the manager",
                }
            )
        )
        with self.assertRaises(REFUSED), self.env.cr.savepoint():
            wizard.add_comment()
        claim.invalidate_recordset()
        self.assertEqual(claim.review_ids.mapped("status"), ["pending", "waiting"])
        self.assertEqual(claim.state, "submitted")

    def test_ri7_tier_validation_with_comments(self):
        """RI-7: the review banner's Validate asks the manager, then HR, for a comment; the
        last validation approves and books the bonus."""
        claim = self._submitted()
        self.assertEqual(claim.manager_user_id, self.user_manager)
        for user in (self.user_manager, self.user_hr):
            action = claim.with_user(user).validate_tier()
            wizard = (
                self.env["comment.wizard"]
                .with_user(user)
                .with_context(**action["context"])
                .create({"comment": f"OK by {user.name}"})
            )
            with freeze_time(IN_TIME):
                wizard.add_comment()
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.validation_status, "validated")
        self.assertEqual(claim.ledger_line_id.amount, 1000.0)
        self.assertEqual(
            claim.review_ids.sorted("sequence").mapped("done_by"),
            self.user_manager | self.user_hr,
        )

    def test_ri7_rejection_refuses_the_claim(self):
        """RI-7: the manager's rejection, with its comment, refuses the claim."""
        claim = self._submitted()
        action = claim.with_user(self.user_manager).reject_tier()
        self.env["comment.wizard"].with_user(self.user_manager).with_context(
            **action["context"]
        ).create({"comment": "No contract signed"}).add_comment()
        self.assertEqual(claim.state, "refused")
        self.assertIn("No contract signed", claim.refuse_reason)

    def test_ri5_uplift_only_by_a_reviewer_for_special_customers(self):
        """RI-5: the applicant cannot give himself an uplift, a negative uplift or text is
        refused with a message, and a reviewer sets it only while the claim is reviewed."""
        tag = self.env["res.partner.category"].create({"name": "Strategic Partner"})
        self.company.referral_special_tag_ids = tag
        self.new_customer.category_id = tag
        claim = self._submitted()
        self.assertRefused(claim.with_user(self.user_li), {"uplift": 500.0, "uplift_reason": "me"})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            claim.with_user(self.user_manager).write({"uplift": -500.0, "uplift_reason": "x"})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            claim.with_user(self.user_manager).write({"uplift": "a lot"})
        claim.invalidate_recordset()
        self.assertEqual(claim.uplift, 0.0)
        claim.with_user(self.user_manager).write({"uplift": 300.0, "uplift_reason": "Leader"})
        self._approve_steps(claim)
        self.assertEqual(claim.ledger_line_id.amount, 1300.0)
        self.assertRefused(claim.with_user(self.user_hr), {"uplift": 9000.0})
        self.assertEqual(claim.ledger_line_id.amount, 1300.0)

    def test_ri8_cancelling_the_ledger_line_cancels_the_claim(self):
        """RI-8 / PAY-2: when HR cancels a referral bonus in the ledger, the claim follows
        (the ledger's cancellation hook), instead of showing a bonus that is not paid."""
        claim = self._submitted()
        self._approve_steps(claim)
        line = claim.ledger_line_id
        other_hr = new_test_user(self.env, login="ri_hr_2", name="HR Ma", groups="hr.group_hr_user")
        line.with_user(other_hr).action_cancel()
        self.assertEqual(line.state, "cancelled")
        self.assertEqual(claim.state, "cancelled")
        self.assertTrue(claim.cancel_reason)

    def test_ri7_ri8_wrong_input_gives_a_message(self):
        """RI-7, RI-8: an unknown case, text in an amount, an unknown mode, two wizards for a
        one-record action or an empty reason are refused with a translated message."""
        lead = self._won_deal(self.new_customer)
        with self.assertRaises(ValidationError):
            self._claim(self.user_li, lead, case="lottery")
        claim = self._claim(self.user_li, lead)
        with self.assertRaises(ValidationError):
            claim.with_user(self.user_li).write({"case": 7})
        with self.assertRaises(ValidationError):
            claim.with_user(self.user_li).write({"lead_id": "the big one"})
        with freeze_time(IN_TIME):
            claim.with_user(self.user_li).action_submit()
        Reason = self.env["referral.claim.reason"].with_user(self.user_hr)
        with self.assertRaises(ValidationError):
            Reason.create({"claim_ids": [(6, 0, claim.ids)], "mode": "burn", "reason": "x"})
        wizards = Reason.create(
            [{"claim_ids": [(6, 0, claim.ids)], "mode": "refuse", "reason": "x"}] * 2
        )
        with self.assertRaisesRegex(UserError, "one"):
            wizards.action_confirm()
        with self.assertRaises(UserError):
            Reason.create(
                {"claim_ids": [(6, 0, claim.ids)], "mode": "refuse", "reason": "  "}
            ).action_confirm()
        with self.assertRaises(UserError):
            claim.with_user(self.user_hr)._refuse(42)
        with self.assertRaises(UserError):
            (self.new_customer | self.old_customer).with_user(
                self.user_li
            ).action_view_referral_points()
        self.assertEqual(claim.state, "submitted")

    def test_ri7_manager_actions_stay_in_his_team_and_company(self):
        """RI-7, RI-8: a manager of another team and HR of another company cannot refuse,
        cancel or open the reason wizard on a claim outside their team or company."""
        claim = self._submitted()
        for user in (self.user_other_manager, self.user_other_company, self.user_liu):
            for call in (
                lambda c: c.action_refuse(),
                lambda c: c.action_cancel_fraud(),
                lambda c: c._refuse("outsider"),
                lambda c: c._cancel_fraud("outsider"),
            ):
                with self.subTest(user=user.login), self.assertRaises(REFUSED):
                    with self.env.cr.savepoint():
                        call(claim.with_user(user))
        claim.invalidate_recordset()
        self.assertEqual(claim.state, "submitted")
        self.assertFalse(claim.refuse_reason)

    # --- Customers, employees, points, months, tiers

    def test_ri10_a_company_resource_cannot_be_released_by_hand(self):
        """RI-10: the leaver's customer stays a company resource: writing the flag back to
        False (or moving the referrer, RI-11) is refused, for HR too; no new claim passes."""
        claim = self._submitted()
        self._approve_steps(claim)
        self.emp_li.with_user(self.user_hr).action_archive()
        self.assertTrue(self.new_customer.referral_company_resource)
        for user in self._attackers():
            for vals in (
                {"referral_company_resource": False},
                {"referral_released_date": False},
                {"brought_by_id": self.old_customer.id},
            ):
                self.assertRefused(self.new_customer.with_user(user), vals)
        self.new_customer.invalidate_recordset()
        self.assertTrue(self.new_customer.referral_company_resource)
        self.assertFalse(self.new_customer.brought_by_id)
        with self.assertRaises(UserError):
            self.env["res.partner"].with_user(self.user_hr).create(
                {"name": "Fresh", "referral_company_resource": True}
            )

    def test_ri2_ri6_employee_flags_are_hr_only(self):
        """RI-2, RI-6: the shareholder flag and payday group are HR's; the employee and his
        manager cannot change them."""
        for user in (self.user_li, self.user_manager, self.user_other_manager):
            for vals in ({"referral_shareholder": True}, {"referral_pay_group": "travelling"}):
                self.assertRefused(self.emp_liu.with_user(user), vals)
        self.emp_liu.invalidate_recordset()
        self.assertFalse(self.emp_liu.referral_shareholder)
        self.assertEqual(self.emp_liu.referral_pay_group, "office")

    def test_ri11_points_lines_are_a_ledger(self):
        """RI-11: nobody, HR managers included, creates, edits or deletes points by hand."""
        user_hr_manager = new_test_user(
            self.env, login="ri_hr_manager", name="HR Head", groups="hr.group_hr_manager"
        )
        points = self.env["referral.points.line"]._book(
            [
                {
                    "partner_id": self.old_customer.id,
                    "new_partner_id": self.new_customer.id,
                    "reason": "event",
                    "points": 100,
                    "source_key": "event:test",
                }
            ]
        )
        for user in (*self._attackers(), user_hr_manager):
            with self.subTest(user=user.login):
                self.assertRefused(points.with_user(user), {"points": 100000})
                with self.assertRaises(REFUSED), self.env.cr.savepoint():
                    self.env["referral.points.line"].with_user(user).create(
                        {
                            "partner_id": self.old_customer.id,
                            "reason": "event",
                            "points": 5000,
                            "source_key": "forged",
                        }
                    )
                self.assertCallRefused(points.with_user(user), "unlink")
        self.assertEqual(points.points, 100)
        self.assertEqual(self.old_customer.referral_points, 100)

    def test_ri6_monthly_report_moves_by_its_actions(self):
        """RI-6: the month's state and dates are set by the schedule and the actions; judged
        results are frozen once sent."""
        with freeze_time("2026-11-02"):
            months = self.env["referral.month"]._cron_prepare()
        month = months.filtered(lambda month: month.company_id == self.company)
        for user in (self.user_li, self.user_supervisor, self.user_hr, self.user_manager):
            for vals in (
                {"state": "judged"},
                {"date_start": "2026-01-01"},
                {"company_id": self.other_company.id},
            ):
                self.assertRefused(month.with_user(user), vals)
        self.assertEqual(month.state, "open")
        self.assertRefused(month.with_user(self.user_li), {"judged_count": 99})
        month.with_user(self.user_supervisor).write({"judged_count": 2})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            month.with_user(self.user_supervisor).write({"judged_count": -2})
        with self.assertRaises(REFUSED):
            month.with_user(self.user_li).action_send_judged()
        self.assertEqual(month.judged_count, 2)

    def test_ri5_tiers_are_configuration_of_hr_managers(self):
        """RI-5: salespeople, managers and HR officers cannot change the bonus tiers."""
        tier = self.env["referral.tier"].search([("company_id", "=", self.company.id)], limit=1)
        for user in (self.user_li, self.user_manager, self.user_hr):
            self.assertRefused(tier.with_user(user), {"bonus": 88888.0})
            with self.assertRaises(REFUSED), self.env.cr.savepoint():
                self.env["referral.tier"].with_user(user).create(
                    {"lower_bound": 1.0, "bonus": 88888.0}
                )
        tier.invalidate_recordset()
        self.assertNotEqual(tier.bonus, 88888.0)

    # --- Generic sweep

    def _readonly_form_fields(self, model, user):
        """Fields the form view shows read-only to ``user`` (the attribute or the field),
        among those of this suite's addons."""
        Model = self.env[model].with_user(user)
        arch = Model.get_views([(False, "form")])["views"]["form"]["arch"]
        field_defs = Model.fields_get(attributes=["readonly"])
        names = set()
        for node in etree.fromstring(arch).iter("field"):
            if node.getparent() is not None and node.xpath("ancestor::field"):
                continue
            name = node.get("name")
            field = Model._fields.get(name)
            if not field or (field._module not in OUR_MODULES and name != "validation_status"):
                continue
            if node.get("readonly") in ("1", "True", "true") or field_defs[name]["readonly"]:
                names.add(name)
        return names

    def _forged_value(self, record, name):
        field = record._fields[name]
        current = record[name]
        if field.type in ("char", "text"):
            return "forged"
        if field.type in ("integer",):
            return (current or 0) + 999
        if field.type in ("float", "monetary"):
            return (current or 0.0) + 88888.0
        if field.type == "boolean":
            return not current
        if field.type == "date":
            return "2030-12-31"
        if field.type == "datetime":
            return "2030-12-31 00:00:00"
        if field.type == "selection":
            values = [v for v in field.get_values(self.env) if v != current]
            return values[0] if values else None
        if field.type == "many2one":
            other = self.env[field.comodel_name].sudo().search([("id", "!=", current.id)], limit=1)
            return other.id or None
        return None

    def test_ri9_sweep_read_only_form_fields_do_not_change(self):
        """RI-3, RI-5, RI-7, RI-9, RI-10, RI-11, PAY-1: for every model of these addons a
        salesperson writes every field its form shows read-only; nothing changes."""
        claim = self._submitted()
        self._approve_steps(claim)
        records = {
            "referral.claim": claim,
            "referral.points.line": self.env["referral.points.line"].search([], limit=1),
            "referral.tier": self.env["referral.tier"].search([], limit=1),
            "employee.incentive.line": claim.ledger_line_id,
            "res.partner": self.new_customer,
        }
        for user in (self.user_li, self.user_liu, self.user_manager):
            for model, record in records.items():
                if not record:
                    continue
                names = self._readonly_form_fields(model, user)
                self.assertTrue(names or model == "referral.tier", model)
                for name in sorted(names):
                    record.invalidate_recordset()
                    before = record[name]
                    value = self._forged_value(record, name)
                    if value is None:
                        continue
                    with contextlib.suppress(REFUSED), self.env.cr.savepoint():
                        record.with_user(user).write({name: value})
                    record.invalidate_recordset()
                    with self.subTest(user=user.login, model=model, field=name):
                        self.assertEqual(record[name], before)

    def _approve_steps(self, claim):
        with freeze_time(IN_TIME):
            claim.with_user(self.user_manager).action_review()
            claim.with_user(self.user_hr).action_approve()

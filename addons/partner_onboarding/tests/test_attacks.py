# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.incentive_ledger.tests.attack import AttackCase

from .common import MANAGER, SALESMAN, USER, PartnerOnboardingCommon

# AccessError and ValidationError are UserErrors (Odoo's assertRaises takes one class).
REFUSED = UserError


@tagged("post_install", "-at_install")
class TestPartnerOnboardingAttacks(AttackCase, PartnerOnboardingCommon):
    """Every rule-decided field and every action of the addon, attacked through the model as
    an external API client would: by the record's owner, another salesperson of the
    introducing units, a central office member of another company, a user of another company,
    HR, a plain salesman and the partner's portal user. Each attack is refused and nothing
    changes (re-read as administrator)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Northern Branch Co"})
        cls.user_intro_2 = new_test_user(
            cls.env, login="po_intro_2", name="Account Manager Sun", groups=f"{USER},{SALESMAN}"
        )
        cls.user_central_other = new_test_user(
            cls.env,
            login="po_central_other",
            name="Central Office North",
            groups=f"{MANAGER},{SALESMAN}",
            company_id=cls.other_company.id,
            company_ids=[(6, 0, cls.other_company.ids)],
        )
        cls.user_other_company = new_test_user(
            cls.env,
            login="po_other_company",
            name="Salesman North",
            groups=f"{USER},{SALESMAN}",
            company_id=cls.other_company.id,
            company_ids=[(6, 0, cls.other_company.ids)],
        )
        cls.user_hr = new_test_user(
            cls.env, login="po_hr", name="HR Officer Ma", groups="hr.group_hr_user"
        )
        with freeze_time("2026-11-10"):
            cls.application = cls._admit(grade="b")
        cls.file = cls.partner.onboarding_file_ids
        cls.outsider = cls.env["res.partner"].create({"name": "Shady Builder", "is_company": True})
        cls.attackers = (
            cls.user_intro,
            cls.user_intro_2,
            cls.user_central_other,
            cls.user_other_company,
            cls.user_hr,
            cls.user_salesman,
            cls.user_portal,
        )

    def _snapshot(self, records, names):
        return records.sudo().read(names)

    def assertRefused(self, records, user, method, *args, names=(), **kwargs):
        """``method`` of ``records`` called as ``user`` fails and changes none of ``names``."""
        before = self._snapshot(records, names) if names else None
        with (
            self.assertRaises(REFUSED, msg=f"{user.login} {method}"),
            mute_logger("odoo.models"),
            self.env.cr.savepoint(),
        ):
            getattr(records.with_user(user), method)(*args, **kwargs)
        if names:
            self.env.invalidate_all()
            self.assertEqual(self._snapshot(records, names), before, f"{user.login} {method}")

    # --- PO-1 .. PO-3: admission

    def test_po1_po2_nobody_admits_a_partner_by_writing_it(self):
        """PO-1, PO-2, PO-3: a partner with no application is never admitted by a write,
        whatever the user and whatever context keys the client sends; so no joint-venture
        opportunity is opened with it."""
        names = ["onboarding_state", "onboarding_admitted_date", "onboarding_company_id"]
        for user in (*self.attackers, self.user_central, self.user_market):
            for context in ({}, {"onboarding_flow": True, "onboarding_grade_flow": True}):
                self.assertRefused(
                    self.outsider.with_context(**context),
                    user,
                    "write",
                    {
                        "onboarding_state": "admitted",
                        "onboarding_admitted_date": self.env.company._suite_today(),
                    },
                    names=names,
                )
        self.assertEqual(self.outsider.onboarding_state, "none")
        with self.assertRaises(REFUSED):
            self.env["res.partner"].with_user(self.user_salesman).create(
                {"name": "Fake Admitted", "is_company": True, "onboarding_state": "admitted"}
            )
        with self.assertRaisesRegex(UserError, "PO-2"):
            self.env["crm.lead"].with_user(self.user_salesman).create(
                {
                    "name": "JV with an outsider",
                    "type": "opportunity",
                    "partner_id": self.outsider.id,
                    "tag_ids": [(6, 0, self.jv_tag.ids)],
                }
            )

    def test_po3_application_decisions_only_through_the_buttons(self):
        """PO-3: the introducing unit cannot decide its own application: no direct write of
        the state, the reviewer, the decision or the grade; no approval or refusal; the
        central office does not admit an application it filed itself."""
        draft = self._application(self.env["res.partner"].create({"name": "Draft Co"}))
        names = ["state", "reviewer_id", "decision_date", "grade", "user_id", "name"]
        for vals in (
            {"state": "approved"},
            {"reviewer_id": self.user_intro.id},
            {"decision_date": date(2026, 1, 1)},
            {"grade": "a"},
            {"user_id": self.user_intro_2.id},
            {"name": "FAKE-1"},
        ):
            for context in ({}, {"onboarding_flow": True}):
                self.assertRefused(
                    draft.with_context(**context), self.user_intro, "write", vals, names=names
                )
        for user in (self.user_intro, self.user_intro_2, self.user_hr, self.user_salesman):
            self.assertRefused(draft, user, "action_approve", names=names)
            self.assertRefused(draft, user, "_onboarding_refuse", "no", names=names)
        # Another salesperson, another company: the application is not even theirs to read.
        for user in (self.user_intro_2, self.user_other_company, self.user_central_other):
            self.assertRefused(draft, user, "write", {"business_scope": "x"}, names=names)
            self.assertRefused(draft, user, "action_submit", names=names)
            self.assertRefused(draft, user, "unlink", names=names)
        # A direct create cannot start decided.
        for vals in ({"state": "approved"}, {"grade": "a"}, {"reviewer_id": self.user_central.id}):
            with self.assertRaises(REFUSED):
                self.Application.with_user(self.user_intro).create(
                    {"partner_id": self.outsider.id, **vals}
                )
        # Once submitted, the introducing unit changes nothing any more.
        draft.action_submit()
        self.assertRefused(draft, self.user_intro, "write", {"business_scope": "x"}, names=names)
        self.assertRefused(draft, self.user_intro, "unlink", names=names)
        line = draft.line_ids[:1]
        self.assertRefused(line, self.user_intro, "write", {"verified": False}, names=["verified"])
        self.assertRefused(line, self.user_intro, "unlink", names=["verified"])
        # The central office does not admit what it filed itself.
        own = self._application(
            self.env["res.partner"].create({"name": "Own Co"}), user=self.user_central
        )
        own.action_submit()
        own.with_user(self.user_central).grade = "c"
        self.assertRefused(own, self.user_central, "action_approve", names=names)
        # An approved application is history, for the central office too.
        self.assertRefused(
            self.application, self.user_central, "write", {"grade": "a"}, names=names
        )
        self.assertRefused(self.application, self.user_central, "unlink", names=names)

    # --- PO-4: the grade never reaches who may not read it

    def test_po4_grade_hidden_from_salesman_portal_and_other_units(self):
        """PO-4: a plain salesman and the partner's portal user never read the grade (fields,
        exports, searches, snapshots); another introducing unit does not read the file or its
        snapshots."""
        with freeze_time("2026-11-20"):
            snapshot = self.file.with_user(self.user_central).action_snapshot()
        self.assertEqual(snapshot.sudo().grade, "b")
        for user in (self.user_salesman, self.user_portal, self.user_hr):
            partner = self.partner.with_user(user)
            with self.assertRaises(AccessError):
                partner.read(["onboarding_grade"])
            with self.assertRaises(REFUSED):
                partner.export_data(["onboarding_grade"])
            with self.assertRaises(AccessError):
                partner.search([("onboarding_grade", "=", "b")])
            with self.assertRaises(AccessError):
                snapshot.with_user(user).read(["grade"])
            with self.assertRaises(AccessError):
                self.file.with_user(user).read(["grade"])
        for user in (self.user_intro_2, self.user_other_company):
            Snapshot = self.env["partner.onboarding.file.snapshot"].with_user(user)
            self.assertFalse(Snapshot.search([]))
            with self.assertRaises(AccessError):
                snapshot.with_user(user).read(["grade"])
            self.assertFalse(self.File.with_user(user).search([]))
        # The responsible unit reads its partner's grade, file and snapshots.
        self.assertEqual(snapshot.with_user(self.user_intro).grade, "b")

    def test_po4_po11_grade_written_by_the_grade_change_only(self):
        """PO-4, PO-11: nobody sets a grade directly, not even the central office, not with
        the old context keys."""
        names = ["onboarding_grade", "onboarding_grade_date"]
        for user in (*self.attackers, self.user_central, self.user_market):
            for context in ({}, {"onboarding_grade_flow": True, "onboarding_flow": True}):
                self.assertRefused(
                    self.partner.with_context(**context),
                    user,
                    "write",
                    {"onboarding_grade": "a"},
                    names=names,
                )
        self.assertEqual(self.partner.onboarding_grade, "b")

    def test_po5_follow_up_set_by_the_central_office_only(self):
        """PO-5: the partner's responsible, unit, region and senior visits decide who visits
        and how often: only the central office changes them."""
        names = [
            "onboarding_user_id",
            "onboarding_department_id",
            "onboarding_other_region",
            "onboarding_senior_visit",
        ]
        for user in (self.user_intro, self.user_intro_2, self.user_salesman, self.user_hr):
            for vals in (
                {"onboarding_user_id": self.user_intro_2.id},
                {"onboarding_other_region": True},
                {"onboarding_senior_visit": True},
            ):
                self.assertRefused(self.partner, user, "write", vals, names=names)
        self.partner.with_user(self.user_central).write({"onboarding_senior_visit": True})
        self.assertTrue(self.partner.onboarding_senior_visit)

    # --- PO-11: grade changes

    def test_po11_grade_change_decisions_cannot_be_forged(self):
        """PO-11: no direct write of a grade change's decision; the proposer does not
        approve his own proposal; one person never approves for both departments; a
        proposal approved by one department is frozen; decided changes are kept."""
        change = self.Change.with_user(self.user_intro).create(
            {"partner_id": self.partner.id, "new_grade": "a", "reason": "bid_won"}
        )
        names = ["state", "central_user_id", "market_user_id", "new_grade", "old_grade"]
        for vals in (
            {"state": "approved"},
            {"central_user_id": self.user_central.id},
            {"market_user_id": self.user_market.id},
            {"old_grade": "d"},
            {"granted_grade": "a"},
            {"proposed_by_id": self.user_central.id},
        ):
            for user in (self.user_intro, self.user_central, self.user_market):
                self.assertRefused(
                    change.with_context(onboarding_flow=True), user, "write", vals, names=names
                )
        for user in (self.user_intro, self.user_intro_2, self.user_salesman, self.user_hr):
            self.assertRefused(change, user, "action_approve_central", names=names)
            self.assertRefused(change, user, "action_approve_market", names=names)
        # Another salesperson cannot propose for a partner he is not responsible for.
        with self.assertRaises(REFUSED):
            self.Change.with_user(self.user_intro_2).create(
                {"partner_id": self.partner.id, "new_grade": "d", "reason": "other"}
            )
        # A decided grade cannot be created directly.
        with self.assertRaises(REFUSED):
            self.Change.with_user(self.user_intro).create(
                {"partner_id": self.partner.id, "new_grade": "d", "state": "approved"}
            )
        change.with_user(self.user_central).action_approve_central()
        self.assertRefused(change, self.user_intro, "write", {"new_grade": "d"}, names=names)
        self.assertRefused(change, self.user_intro, "unlink", names=names)
        self.assertRefused(change, self.user_central, "action_approve_market", names=names)
        self.assertEqual(self.partner.onboarding_grade, "b")
        # The proposer, even in a deciding department, never approves his own proposal.
        own = self.Change.with_user(self.user_central_2).create(
            {"partner_id": self._quick_admitted(1).id, "new_grade": "a", "reason": "other"}
        )
        self.assertRefused(own, self.user_central_2, "action_approve_central", names=names)

    def test_po3_po11_tier_reviews_cannot_be_forged(self):
        """PO-3, PO-11: the tier reviews of base_tier_validation are the approvals: nobody
        approves a review by writing, creating or deleting it, requests or restarts a
        validation by hand, or skips the checks with base_tier_validation's context keys."""
        self.user_both = new_test_user(
            self.env,
            login="po_both",
            name="Central and Market Wu",
            groups=f"{MANAGER},partner_onboarding.group_partner_onboarding_market",
        )
        change = self.Change.with_user(self.user_intro).create(
            {"partner_id": self.partner.id, "new_grade": "a", "reason": "bid_won"}
        )
        reviews = change.review_ids
        self.assertEqual(len(reviews), 2)
        self.assertNotIn(self.user_intro, reviews.reviewer_ids, "the proposer never reviews")
        Review = self.env["tier.review"]
        for user in (self.user_intro, self.user_central, self.user_market, self.user_salesman):
            self.assertRefused(
                reviews,
                user,
                "write",
                {"status": "approved", "done_by": user.id},
                names=["status", "done_by"],
            )
            self.assertRefused(reviews, user, "unlink", names=["status"])
            for method in ("request_validation", "restart_validation"):
                self.assertRefused(change, user, method, names=["state"])
            with self.assertRaises(REFUSED):
                Review.with_user(user).create(
                    {
                        "model": change._name,
                        "res_id": change.id,
                        "status": "approved",
                        "definition_id": reviews[0].definition_id.id,
                    }
                )
        self.assertEqual(set(change.review_ids.mapped("status")), {"pending"})
        # The context keys of base_tier_validation change no check.
        self.assertRefused(
            change.with_context(skip_validation_check=True, skip_check_state_condition=True),
            self.user_intro,
            "write",
            {"state": "approved"},
            names=["state"],
        )
        # One person in both departments approves once, through the widget and its comment.
        self.assertIn(self.user_both, change.review_ids.reviewer_ids)
        action = change.with_user(self.user_both).validate_tier()
        self.assertEqual(action["res_model"], "comment.wizard")
        self.env["comment.wizard"].with_user(self.user_both).with_context(
            **action["context"]
        ).create({"comment": "Won the metro bid."}).add_comment()
        approved = change.review_ids.filtered(lambda review: review.status == "approved")
        self.assertEqual(approved.done_by, self.user_both)
        self.assertEqual(approved.comment, "Won the metro bid.")
        self.assertRefused(change, self.user_both, "_validate_tier", names=["state"])
        self.assertRefused(change, self.user_both, "action_approve_central", names=["state"])
        self.assertRefused(change, self.user_both, "action_approve_market", names=["state"])
        self.assertEqual(change.state, "proposed")
        self.assertEqual(change.central_user_id | change.market_user_id, self.user_both)
        # A second person approves the remaining department's review: the grade applies.
        if change.market_user_id:
            change.with_user(self.user_central).action_approve_central()
        else:
            change.with_user(self.user_market).action_approve_market()
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.validation_status, "validated")
        self.assertEqual(self.partner.onboarding_grade, "a")

    def test_po3_admission_review_with_comment_and_reject(self):
        """PO-3: the central office reviews through the review widget: a rejection needs its
        comment, which becomes the written explanation sent to the introducing unit."""
        application = self._application(self.env["res.partner"].create({"name": "Tier Co"}))
        application.action_submit()
        self.assertEqual(application.validation_status, "pending")
        self.assertIn(self.user_central, application.review_ids.reviewer_ids)
        self.assertNotIn(self.user_intro, application.review_ids.reviewer_ids)
        action = application.with_user(self.user_central).reject_tier()
        self.assertEqual(action["res_model"], "comment.wizard")
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.user_central)
            .with_context(**action["context"])
            .create({"comment": "Equipment list does not match the site."})
        )
        wizard.add_comment()
        self.assertEqual(application.state, "refused")
        self.assertEqual(application.refusal_reason, "Equipment list does not match the site.")
        self.assertEqual(application.partner_id.onboarding_state, "refused")

    # --- PO-5, PO-6: visits

    def test_po5_po6_visits_cannot_be_faked_or_moved(self):
        """PO-5, PO-6: a planned regular visit cannot be moved, marked done without its
        report, reassigned or deleted by the visitor; another salesperson cannot report it."""
        with freeze_time("2026-11-10"):
            self.Visit._cron_plan()
        visit = self.Visit.search(
            [("partner_id", "=", self.partner.id), ("kind", "=", "regular")], limit=1
        )
        self.assertTrue(visit)
        names = ["state", "date_deadline", "user_id", "kind", "is_overdue", "date_done"]
        for vals in (
            {"state": "done"},
            {"date_deadline": date(2027, 12, 31)},
            {"user_id": self.user_intro_2.id},
            {"kind": "extra"},
            {"is_overdue": False, "project_near": True},
        ):
            self.assertRefused(visit, self.user_intro, "write", vals, names=names)
        self.assertRefused(visit, self.user_intro, "unlink", names=names)
        for user in (self.user_intro_2, self.user_other_company, self.user_salesman):
            self.assertRefused(visit, user, "action_done", names=names)
            self.assertRefused(visit, user, "action_cancel", names=names)
        visit.with_user(self.user_intro).write(
            {"report": "Seen.", "next_moves": "Bids.", "date_done": date(2027, 1, 1)}
        )
        with freeze_time("2026-11-20"):
            self.assertRefused(visit, self.user_intro, "action_done", names=names)
        with self.assertRaises(REFUSED):
            self.Visit.with_user(self.user_intro).create(
                {
                    "partner_id": self.partner.id,
                    "kind": "regular",
                    "date_deadline": date(2026, 12, 1),
                }
            )

    # --- PO-7, PO-9: files

    def test_po7_po9_file_ranking_and_preference_not_writable(self):
        """PO-7, PO-9: the ranking, the preferred status and the last visit of a file are
        set by the ranking, the central office's decision and the visits only."""
        names = ["ranking", "ranking_score", "preferred", "last_visit_date", "partner_id"]
        for vals in (
            {"ranking": 1},
            {"ranking_score": 99.0},
            {"preferred": True},
            {"last_visit_date": date(2026, 11, 1)},
            {"partner_id": self.outsider.id},
        ):
            for user in (self.user_intro, self.user_central):
                self.assertRefused(self.file, user, "write", vals, names=names)
        for user in (self.user_intro, self.user_intro_2, self.user_salesman, self.user_hr):
            self.assertRefused(self.file, user, "action_mark_preferred", names=names)
            self.assertRefused(self.file, user, "action_unmark_preferred", names=names)
            self.assertRefused(self.file, user, "action_snapshot", names=names)
            self.assertRefused(self.file, user, "action_rank", names=names)
        self.assertRefused(self.file, self.user_central_other, "action_rank", names=names)

    # --- Input validation

    def test_wizard_and_actions_refuse_bad_input(self):
        """PO-3: the refusal wizard needs a written explanation; it refuses several
        applications that are not all submitted without changing any."""
        submitted = self._application(self.env["res.partner"].create({"name": "Sub Co"}))
        submitted.action_submit()
        draft = self._application(self.env["res.partner"].create({"name": "Dra Co"}))
        Wizard = self.env["partner.onboarding.refuse"].with_user(self.user_central)
        wizard = Wizard.create({"application_ids": [(6, 0, submitted.ids)], "explanation": "  "})
        with self.assertRaises(UserError):
            wizard.action_refuse()
        wizard = Wizard.create(
            {"application_ids": [(6, 0, (submitted | draft).ids)], "explanation": "No."}
        )
        with self.assertRaises(UserError):
            wizard.action_refuse()
        self.assertEqual(submitted.state, "submitted")
        self.assertEqual(draft.state, "draft")
        with self.assertRaises(ValidationError):
            self.file.with_user(self.user_central).write({"contract_rating": 9})

    # --- Generic sweep over the read-only fields of every form

    def test_sweep_read_only_form_fields_never_change(self):
        """PO-1 .. PO-11: for every model of the addon, a salesperson of the introducing unit
        (owner of the records) writes each field its form shows read-only: each write is
        refused or changes nothing, re-read as administrator."""
        with freeze_time("2026-11-10"):
            self.Visit._cron_plan()
        draft = self._application(self.env["res.partner"].create({"name": "Sweep Co"}))
        change = self.Change.with_user(self.user_intro).create(
            {"partner_id": self.partner.id, "new_grade": "a", "reason": "bid_won"}
        )
        with freeze_time("2026-11-20"):
            snapshot = self.file.with_user(self.user_central).action_snapshot()
        records = {
            "res.partner": self.partner,
            "partner.onboarding.application": draft | self.application,
            "partner.onboarding.application.line": self.application.line_ids[:1],
            "partner.onboarding.file": self.file,
            "partner.onboarding.visit": self.Visit.search([("partner_id", "=", self.partner.id)]),
            "partner.onboarding.grade.change": change,
            "partner.onboarding.file.snapshot": snapshot,
        }
        user = self.user_intro
        for model, targets in records.items():
            self.assertTrue(targets, model)
            readonly = self.form_readonly_fields(model, user)
            if model == "res.partner":
                readonly = {name for name in readonly if name.startswith("onboarding_")}
            if model != "partner.onboarding.application.line":  # edited inside the form
                self.assertTrue(readonly, model)
            for record in targets:
                for name in sorted(readonly):
                    value = self.other_value(record, name)
                    if value is None:
                        continue
                    before = record.sudo()[name]
                    with (
                        contextlib.suppress(REFUSED),
                        self.env.cr.savepoint(),
                        mute_logger("odoo.models"),
                    ):
                        record.with_user(user).write({name: value})
                        record.env.flush_all()
                        self.env.invalidate_all()
                        self.assertEqual(
                            record.sudo()[name], before, f"{model}.{name} changed by {user}"
                        )
                    self.env.invalidate_all()
                    self.assertEqual(record.sudo()[name], before, f"{model}.{name}")

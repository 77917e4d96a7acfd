# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PartnerOnboardingCommon


@tagged("post_install", "-at_install")
class TestAdmission(PartnerOnboardingCommon):
    def test_po1_complete_application_passes_missing_items_block(self):
        """PO-1: the introducing unit files the application after the inspection; anything
        missing or unclear counts as not qualified: it cannot pass."""
        incomplete = self._application(inspection_findings=False)
        with self.assertRaisesRegex(UserError, "PO-1"):
            incomplete.action_submit()
        self.assertEqual(incomplete.state, "draft")
        other = self.env["res.partner"].create({"name": "Ningbo Works", "is_company": True})
        no_equipment = self._application(other)
        no_equipment.line_ids.filtered(
            lambda line: (
                line.material_id == self.env.ref("partner_onboarding.material_equipment_list")
            )
        ).unlink()
        with self.assertRaisesRegex(UserError, "PO-1"):
            no_equipment.action_submit()
        complete = self._application(self.env["res.partner"].create({"name": "Wuxi Build"}))
        complete.action_submit()
        self.assertEqual(complete.state, "submitted")
        self.assertEqual(complete.partner_id.onboarding_state, "pending")
        self.assertIn(self.user_central, complete.activity_ids.user_id)

    def test_po2_joint_venture_project_needs_an_admitted_partner(self):
        """PO-2: no joint-venture opportunity is negotiated with a partner not admitted."""
        Lead = self.env["crm.lead"].with_user(self.user_salesman)
        vals = {
            "name": "Hangzhou metro depot (JV)",
            "type": "opportunity",
            "partner_id": self.partner.id,
            "tag_ids": [(6, 0, self.jv_tag.ids)],
        }
        with self.assertRaisesRegex(UserError, "PO-2"):
            Lead.create(vals)
        plain = Lead.create(dict(vals, tag_ids=False))
        with self.assertRaisesRegex(UserError, "PO-2"):
            plain.write({"tag_ids": [(4, self.jv_tag.id)]})
        with freeze_time("2026-11-10"):
            self._admit(grade="b")
        lead = Lead.create(vals)
        self.assertIn(self.jv_tag, lead.tag_ids)

    def test_po3_central_office_refuses_in_writing_or_admits_with_steps(self):
        """PO-3: the central office turns an application down with a written explanation
        sent to the introducing unit, or approves and follows the remaining steps as
        activities; the introducing unit decides nothing."""
        application = self._application()
        application.action_submit()
        with self.assertRaises(UserError):
            application.with_user(self.user_intro).action_approve()
        Wizard = self.env["partner.onboarding.refuse"].with_user(self.user_central)
        with self.assertRaises(UserError):
            Wizard.create({"application_ids": application.ids, "explanation": " "}).action_refuse()
        Wizard.create(
            {"application_ids": application.ids, "explanation": "Safety licence expired."}
        ).action_refuse()
        self.assertEqual(application.state, "refused")
        self.assertEqual(application.partner_id.onboarding_state, "refused")
        told = application.message_ids.filtered(lambda m: "Safety licence expired" in str(m.body))
        self.assertIn(self.user_intro.partner_id, told.partner_ids)
        self.assertIn(self.user_intro, application.activity_ids.user_id)
        application.with_user(self.user_central).action_draft()
        application.with_user(self.user_intro).action_submit()
        with freeze_time("2026-11-10"):
            application.with_user(self.user_central).grade = "b"
            application.with_user(self.user_central).action_approve()
        self.assertEqual(application.state, "approved")
        self.assertEqual(self.partner.onboarding_state, "admitted")
        steps = self.env["partner.onboarding.step"].search([])
        self.assertTrue(steps)
        self.assertLessEqual(
            set(steps.mapped("name")), set(application.activity_ids.mapped("summary"))
        )

    def test_po4_grade_is_never_shown_to_the_partner(self):
        """PO-4: the internal grade is for the onboarding groups only: not the partner's
        portal user, not salespeople outside the groups, not the outgoing mails."""
        with freeze_time("2026-11-10"):
            self._admit(grade="a")
        self.assertEqual(self.partner.with_user(self.user_central).onboarding_grade, "a")
        self.assertEqual(self.partner.with_user(self.user_intro).onboarding_grade, "a")
        for user in (self.user_portal, self.user_salesman):
            partner = self.partner.with_user(user)
            with self.assertRaises(AccessError):
                partner.read(["onboarding_grade"])
            self.assertNotIn("onboarding_grade", partner.fields_get())
            with self.assertRaises(AccessError):
                partner.search_count([("onboarding_grade", "=", "a")])
        templates = self.env["mail.template"].search([])
        self.assertFalse(
            [tpl.name for tpl in templates if "onboarding_grade" in (tpl.body_html or "")]
        )
        qweb = self.env["ir.ui.view"].search(
            [("type", "=", "qweb"), ("arch_db", "ilike", "onboarding_grade")]
        )
        self.assertFalse(qweb, "no report or e-mail layout prints the grade")

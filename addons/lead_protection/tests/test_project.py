# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import LeadProtectionCommon

REPORT = "lead_protection.mail_activity_type_project_report"


@tagged("post_install", "-at_install")
class TestProject(LeadProtectionCommon):
    """LP-26: project registrations (專案報備) are confirmed by the team leader."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.user_supervisor = new_test_user(
            cls.env,
            login="lp26_supervisor",
            name="Supervisor Gao",
            groups="sales_team.group_sale_manager",
        )
        cls.company.protection_project_supervisor_id = cls.user_supervisor
        cls.user_manager_other = new_test_user(
            cls.env,
            login="lp26_manager_2",
            name="Manager Sun",
            groups="sales_team.group_sale_manager",
        )
        cls.env["crm.team"].create({"name": "West", "user_id": cls.user_manager_other.id})
        cls.Project = cls.env["lead.protection.project"]

    def _project_lead(self, user, phone="13800138000", **extra):
        return self._lead(user, phone=phone, partner_name="Ningbo Port Group", **extra)

    def _apply(self, user, lead):
        return self.Project.with_user(user)._apply(lead.with_user(user))

    def _activity(self, project, xmlid=REPORT):
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "lead.protection.project"),
                    ("res_id", "=", project.id),
                    ("activity_type_id", "=", self.env.ref(xmlid).id),
                ]
            )
        )

    def test_lp26_applied_protects_only_once_the_leader_confirms(self):
        """LP-26: the salesperson applies on Monday 2 November: nothing protects the
        customer yet; the team leader (the team's manager) confirms on Tuesday 3 November:
        the registration counts from that day, 15 working days (LP-3) through 24 November;
        he reports it to the supervisor within 2 working days (5 November), with an
        activity due then; reported in time, it leaves the supervisor's overdue filter."""
        lead = self._project_lead(self.user_sales_1)
        with freeze_time("2026-11-02 03:00"):
            project = self._apply(self.user_sales_1, lead)
            self.assertEqual(project.state, "applied")
            self.assertFalse(project.registration_id)
            self.assertEqual(project.leader_id, self.user_manager)
            verdict = (
                self.env["lead.protection.precheck"]
                .with_user(self.user_sales_2)
                .create({"phone": "13800138000"})
            )
            verdict.action_check()
            self.assertEqual(verdict.verdict, "free")
        with freeze_time("2026-11-03 02:00"):
            project.with_user(self.user_manager).action_confirm()
        registration = project.registration_id
        self.assertEqual(project.state, "confirmed")
        self.assertEqual(registration.user_id, self.user_sales_1)
        self.assertEqual(registration.state, "active")
        self.assertEqual(registration.registered_at, datetime(2026, 11, 3, 2, 0))
        self.assertEqual(registration.last_day, date(2026, 11, 24))
        self.assertEqual(project.report_last_day, date(2026, 11, 5))
        self.assertEqual(project.report_deadline, datetime(2026, 11, 5, 16, 0))
        activity = self._activity(project)
        self.assertEqual(activity.user_id, self.user_manager)
        self.assertEqual(activity.date_deadline, date(2026, 11, 5))
        Supervisor = self.Project.with_user(self.user_supervisor)
        with freeze_time("2026-11-05 15:59"):
            self.assertFalse(Supervisor.search([("report_overdue", "=", True)]))
            project.with_user(self.user_manager).action_report()
        self.assertEqual(project.state, "reported")
        self.assertFalse(project.report_late)
        self.assertFalse(self._activity(project))
        self.assertIn(project, Supervisor.search([("state", "=", "reported")]))
        # The colleague sees nothing of it (LP-2).
        self.assertFalse(self.Project.with_user(self.user_sales_2).search([]))

    def test_lp26_appointed_leader_confirms_not_the_manager(self):
        """LP-26: with a regional team leader appointed on the team, he confirms and
        reports; the team's manager no longer does."""
        leader = new_test_user(
            self.env,
            login="lp26_leader",
            name="Leader Qin",
            groups="sales_team.group_sale_salesman",
        )
        self.team.with_user(self.user_manager).protection_leader_id = leader
        project = self._apply(self.user_sales_1, self._project_lead(self.user_sales_1))
        self.assertEqual(project.leader_id, leader)
        with self.assertRaisesRegex(UserError, "Only the leader"):
            project.with_user(self.user_manager).action_confirm()
        project.with_user(leader).action_confirm()
        self.assertEqual(project.confirmed_by_id, leader)
        self.assertEqual(self._activity(project).user_id, leader)

    def test_lp26_confirmation_day_is_the_company_day_at_midnight(self):
        """LP-26: confirmed at 23:59 on Tuesday 3 November in Shanghai (15:59 UTC): day D is
        the 3rd, the window ends on 24 November and the report is due on 5 November;
        confirmed at 00:00 on Wednesday (16:00 UTC, the same UTC date): one working day
        later for both. The supervisor's overdue filter shows it from 24:00 of the report
        day, not at 23:59."""
        early = self._apply(self.user_sales_1, self._project_lead(self.user_sales_1))
        late = self._apply(
            self.user_sales_2,
            self._lead(self.user_sales_2, phone="13700137000", partner_name="Xiamen Airlines"),
        )
        with freeze_time("2026-11-03 15:59"):
            early.with_user(self.user_manager).action_confirm()
        with freeze_time("2026-11-03 16:00"):
            late.with_user(self.user_manager).action_confirm()
        self.assertEqual(early.registration_id.last_day, date(2026, 11, 24))
        self.assertEqual(early.report_last_day, date(2026, 11, 5))
        self.assertEqual(late.registration_id.last_day, date(2026, 11, 25))
        self.assertEqual(late.report_last_day, date(2026, 11, 6))
        Supervisor = self.Project.with_user(self.user_supervisor)
        with freeze_time("2026-11-05 15:59"):
            self.assertFalse(Supervisor.search([("report_overdue", "=", True)]))
        with freeze_time("2026-11-05 16:00"):
            self.assertEqual(Supervisor.search([("report_overdue", "=", True)]), early)
            self.assertTrue(early.with_user(self.user_supervisor).report_overdue)
            early.with_user(self.user_manager).action_report()
        self.assertTrue(early.report_late)
        with freeze_time("2026-11-06 16:00"):
            self.assertEqual(Supervisor.search([("report_overdue", "=", True)]), late)

    def test_lp26_attacker_cannot_confirm_or_register_a_project_himself(self):
        """LP-26 attacker: the salesperson registers a project directly, confirms his own
        application, writes its state; a manager of another team confirms it or appoints
        himself leader of this team; a leader confirms his own application: all refused,
        nothing protects the customer (re-read as admin)."""
        lead = self._project_lead(self.user_sales_1)
        with self.assertRaisesRegex(UserError, "team leader"):
            self._register(self.user_sales_1, lead, self.kind_project)
        project = self._apply(self.user_sales_1, lead)
        with self.assertRaisesRegex(UserError, "own project"):
            project.with_user(self.user_sales_1).action_confirm()
        for vals in (
            {"state": "confirmed"},
            {"registration_id": self.Registration.sudo().search([], limit=1).id or 1},
            {"report_last_day": "2026-12-31"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                project.with_user(self.user_sales_1).write(vals)
        for user in (self.user_sales_2, self.user_manager_other, self.user_hr):
            with self.subTest(user=user.name), self.assertRaises(UserError):
                project.with_user(user).action_confirm()
        with self.assertRaises(UserError):
            self.team.with_user(self.user_manager_other).write(
                {"protection_leader_id": self.user_manager_other.id}
            )
        with self.assertRaises(UserError):
            project.with_user(self.user_sales_1).action_report()
        # The leader applying for himself is not his own confirmer.
        own = self._apply(
            self.user_manager,
            self._lead(self.user_manager, phone="13700137000", partner_name="Xiamen Airlines"),
        )
        with self.assertRaisesRegex(UserError, "own project"):
            own.with_user(self.user_manager).action_confirm()
        project.invalidate_recordset()
        self.assertEqual(project.sudo().state, "applied")
        self.assertFalse(project.sudo().registration_id)
        self.assertFalse(self.team.sudo().protection_leader_id)
        self.assertFalse(self.Registration.sudo().search([("kind_id", "=", self.kind_project.id)]))
        # The administrator confirms the leader's own application.
        own.with_user(self.env.ref("base.user_admin")).action_confirm()
        self.assertEqual(own.state, "confirmed")

# Copyright 2026 The Odoo CRM rulebook suite authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

# Q3 2026 ends on Wednesday 30 September; seven working days later (Monday to Friday) is
# Friday 9 October, the last day to apply (RI-7).
IN_TIME = "2026-10-05 10:00"
LATE = "2026-10-12 10:00"


class ReferralCommon(TransactionCase):
    """A sales department (manager Zhang, employees Li and Liu, consultant Chen), a business
    department whose members get no bonus, HR, a general manager, finance and a consulting
    supervisor; a new and an old customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        user_group = "referral_incentive.group_referral_incentive_user"
        salesman = "sales_team.group_sale_salesman," + user_group
        manager_group = "referral_incentive.group_referral_incentive_manager"
        cls.user_manager = new_test_user(
            cls.env, login="ri_manager", name="Manager Zhang", groups=manager_group
        )
        cls.user_other_manager = new_test_user(
            cls.env, login="ri_manager_2", name="Manager Sun", groups=manager_group
        )
        cls.user_li = new_test_user(cls.env, login="ri_li", name="Li Na", groups=salesman)
        cls.user_liu = new_test_user(cls.env, login="ri_liu", name="Liu Yang", groups=salesman)
        cls.user_chen = new_test_user(cls.env, login="ri_chen", name="Chen Jing", groups=salesman)
        cls.user_hr = new_test_user(
            cls.env, login="ri_hr", name="HR Wang", groups="hr.group_hr_user," + user_group
        )
        cls.user_gm = new_test_user(cls.env, login="ri_gm", name="GM Zhou")
        cls.user_finance = new_test_user(cls.env, login="ri_finance", name="Finance Zhao")
        cls.user_supervisor = new_test_user(
            cls.env, login="ri_supervisor", name="Supervisor Qian", groups=manager_group
        )
        cls.business = cls.env["hr.department"].create({"name": "Business Department"})
        cls.company.write(
            {
                "referral_hr_user_id": cls.user_hr.id,
                "referral_gm_user_id": cls.user_gm.id,
                "referral_finance_user_id": cls.user_finance.id,
                "referral_supervisor_user_id": cls.user_supervisor.id,
                "referral_excluded_department_ids": [(6, 0, cls.business.ids)],
            }
        )
        Employee = cls.env["hr.employee"]
        cls.emp_manager = Employee.create({"name": "Manager Zhang", "user_id": cls.user_manager.id})
        cls.emp_other_manager = Employee.create(
            {"name": "Manager Sun", "user_id": cls.user_other_manager.id}
        )
        cls.emp_li, cls.emp_liu, cls.emp_chen = Employee.create(
            [
                {"name": user.name, "user_id": user.id, "parent_id": cls.emp_manager.id}
                for user in (cls.user_li, cls.user_liu, cls.user_chen)
            ]
        )
        cls.emp_hr = Employee.create({"name": "HR Wang", "user_id": cls.user_hr.id})
        Partner = cls.env["res.partner"]
        cls.new_customer = Partner.create({"name": "Haitong Machinery", "is_company": True})
        cls.old_customer = Partner.create({"name": "Dongfang Steel", "is_company": True})
        cls.inspection_firm = Partner.create({"name": "SGS Inspection", "is_company": True})
        cls.buyer = Partner.create({"name": "Buyer Wu", "is_company": True})
        cls.call = cls.env.ref("mail.mail_activity_data_call")

    @classmethod
    def _won_deal(cls, partner, amount=100000.0, won_on="2026-09-15", contacts=1, user=None):
        lead = cls.env["crm.lead"].create(
            {
                "name": f"Deal {partner.name} {amount}",
                "type": "opportunity",
                "partner_id": partner.id,
                "expected_revenue": amount,
                "user_id": (user or cls.user_li).id,
            }
        )
        for index in range(contacts):
            activity = lead.activity_schedule(
                "mail.mail_activity_data_call", user_id=lead.user_id.id, summary="Call"
            )
            activity.action_feedback(feedback=f"Phone call {index}: discussed the contract")
        with freeze_time(won_on):
            lead.action_set_won()
        lead.date_closed = datetime.fromisoformat(won_on + " 12:00:00")
        return lead

    def _claim(self, user, lead, case="staff_referral", parties=None, **extra):
        """A draft claim created by ``user`` with the contract attached."""
        employee = user.employee_id
        parties = parties or [{"party_type": "internal", "employee_id": employee.id}]
        contract = (
            self.env["ir.attachment"]
            .with_user(user)
            .create({"name": "contract.pdf", "datas": base64.b64encode(b"%PDF-1.4 contract")})
        )
        vals = {
            "case": case,
            "lead_id": lead.id,
            "employee_id": employee.id,
            "party_ids": [(0, 0, party) for party in parties],
            "process_description": "Met at the trade fair, visited twice, signed.",
            "contract_attachment_ids": [(6, 0, contract.ids)],
        }
        vals.update(extra)
        return self.env["referral.claim"].with_user(user).create(vals)

    def _approve(self, claim, when=IN_TIME):
        with freeze_time(when):
            claim.with_user(claim.employee_id.user_id).action_submit()
            claim.with_user(self.user_manager).action_review()
            claim.with_user(self.user_hr).action_approve()
        return claim

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

RECEIVER = "customer_service.group_customer_service_receiver"
CUSTOMER_MANAGER = "customer_service.group_customer_service_manager_cm"
OFFICER = "customer_service.group_customer_service_officer"
SUPERVISOR = "customer_service.group_customer_service_supervisor"
DEPARTMENT_MANAGER = "customer_service.group_customer_service_department_manager"


class CustomerServiceCommon(TransactionCase):
    """A service desk in Shanghai: receiver Zhou, customer manager Li (scored), return-visit
    officer Sun, supervisor Zhang, department manager Wang of After-Sales, technician Ma,
    and a receiver of another company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.user_receiver = new_test_user(
            cls.env, login="cs_receiver", name="Zhou", groups=RECEIVER
        )
        cls.user_cm = new_test_user(
            cls.env,
            login="cs_cm",
            name="Li",
            groups=f"{CUSTOMER_MANAGER},service_scorecard.group_service_scorecard_user",
        )
        cls.user_officer = new_test_user(cls.env, login="cs_officer", name="Sun", groups=OFFICER)
        cls.user_supervisor = new_test_user(
            cls.env,
            login="cs_supervisor",
            name="Zhang",
            groups=f"{SUPERVISOR},service_scorecard.group_service_scorecard_manager",
        )
        cls.user_dm = new_test_user(cls.env, login="cs_dm", name="Wang", groups=DEPARTMENT_MANAGER)
        cls.user_plain = new_test_user(cls.env, login="cs_plain", name="Zhao")
        cls.other_company = cls.env["res.company"].create({"name": "Other Co"})
        cls.user_other = new_test_user(
            cls.env,
            login="cs_other",
            name="Qian",
            groups=RECEIVER,
            company_id=cls.other_company.id,
            company_ids=[(6, 0, cls.other_company.ids)],
        )
        Employee = cls.env["hr.employee"]
        cls.emp_dm = Employee.create({"name": "Wang", "user_id": cls.user_dm.id})
        cls.emp_supervisor = Employee.create({"name": "Zhang", "user_id": cls.user_supervisor.id})
        cls.department = cls.env["hr.department"].create(
            {"name": "After-Sales", "manager_id": cls.emp_dm.id}
        )
        cls.other_department = cls.env["hr.department"].create({"name": "Sales"})
        cls.emp_cm = Employee.create(
            {
                "name": "Li",
                "user_id": cls.user_cm.id,
                "scorecard_enabled": True,
                "parent_id": cls.emp_supervisor.id,
                "department_id": cls.department.id,
            }
        )
        cls.emp_officer = Employee.create(
            {"name": "Sun", "user_id": cls.user_officer.id, "parent_id": cls.emp_supervisor.id}
        )
        cls.emp_tech = Employee.create({"name": "Ma", "department_id": cls.department.id})
        cls.emp_sales = Employee.create({"name": "Hu", "department_id": cls.other_department.id})
        cls.customer = cls.env["res.partner"].create({"name": "Chen Wei", "lang": "en_US"})
        cls.company.return_visit_officer_id = cls.user_officer
        cls.Complaint = cls.env["customer.complaint"]
        cls.Visit = cls.env["customer.return.visit"]
        cls.Service = cls.env["customer.service.record"]
        cls.Line = cls.env["employee.incentive.line"]
        cls.work_order = cls.env["ir.attachment"].create(
            {"name": "work_order.txt", "datas": base64.b64encode(b"work order 42")}
        )

    def _complaint(self, user=None, **vals):
        values = {
            "partner_id": self.customer.id,
            "channel": "phone",
            "description": "The boiler is noisy.",
            "employee_ids": [(6, 0, self.emp_tech.ids)],
            "customer_manager_id": self.emp_cm.id,
            "department_id": self.department.id,
        }
        values.update(vals)
        return self.Complaint.with_user(user or self.user_receiver).create(values)

    def _respond(self, complaint, user=None):
        complaint = complaint.with_user(user or self.user_receiver)
        complaint.write({"handling": "solution", "handling_note": "Technician sent."})
        complaint.action_respond()
        return complaint

    def _resolve(self, complaint, user=None):
        complaint = complaint.with_user(user or self.user_receiver)
        complaint.resolution_note = "<p>Pump replaced.</p>"
        complaint.action_resolve()
        return complaint

    def _lines(self, rule_ref):
        return self.Line.search([("rule_ref", "=", rule_ref)])

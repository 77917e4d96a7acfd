# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import freeze_time, tagged

from .common import IncentiveLedgerCommon

# 22:30 UTC on 30 November 2026: 1 December in Shanghai, still 30 November in Honolulu.
LATE_EVENING_UTC = "2026-11-30 22:30:00"


@tagged("post_install", "-at_install")
class TestCompanyClock(IncentiveLedgerCommon):
    def setUp(self):
        super().setUp()
        self.company.partner_id.tz = "Asia/Shanghai"

    @freeze_time(LATE_EVENING_UTC)
    def test_lp3_the_rule_day_is_the_company_day_whatever_the_users_zone(self):
        """LP-3, PAY-1: a line booked by a user in Honolulu (his context says
        30 November) is dated 1 December, the company's day; so is the offence an HR officer
        in Brussels records."""
        self.user_hr.tz = "Pacific/Honolulu"
        Line = self.Line.with_user(self.user_hr).with_context(tz="Pacific/Honolulu")
        self.assertEqual(str(Line._suite_today()), "2026-12-01")
        line = Line.sudo()._book(
            [
                {
                    "employee_id": self.emp_sales_1.id,
                    "kind": "bonus",
                    "amount": 100.0,
                    "name": "clock",
                    "source_key": "clock-1",
                    "rule_ref": "PAY-1",
                }
            ]
        )
        self.assertEqual(str(line.date), "2026-12-01")
        wizard = self.env["incentive.offence.record.wizard"].with_user(self.user_hr)
        self.assertEqual(str(wizard.with_context(tz="Europe/Brussels").new({}).date), "2026-12-01")

    @freeze_time(LATE_EVENING_UTC)
    def test_lp3_a_company_in_another_zone_keeps_its_own_day(self):
        """LP-3: the zone is the company's address's; without one, China Standard Time."""
        self.company.partner_id.tz = "Pacific/Honolulu"
        self.assertEqual(str(self.company._suite_today()), "2026-11-30")
        self.company.partner_id.tz = False
        self.assertEqual(str(self.company._suite_today()), "2026-12-01")
        self.assertEqual(
            str(self.company._suite_day_end(self.company._suite_today())), "2026-12-01 16:00:00"
        )

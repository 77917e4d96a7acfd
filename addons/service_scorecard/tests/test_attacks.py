# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.incentive_ledger.tests.attack import REFUSED, AttackCase, other_company_user

from .common import CUSTOMER_MANAGER, SUPERVISOR, ServiceScorecardCommon

JAN = date(2025, 1, 10)
FEB = date(2025, 2, 10)


@tagged("post_install", "-at_install")
class TestServiceScorecardAttacks(AttackCase, ServiceScorecardCommon):
    """Every rule-decided field and every action of the scorecards, attacked through the
    model as an external API client would: by the scored customer manager (the owner),
    another customer manager, a supervisor of another company, HR and a supervisor acting
    on his own scorecard. Each attack is refused and nothing changes (re-read as
    administrator)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_supervisor_other = other_company_user(
            cls.env,
            "sc_supervisor_other",
            SUPERVISOR,
            name="Supervisor North",
            company_name="North Park Co",
        )
        cls.user_supervisor_scored = new_test_user(
            cls.env,
            login="sc_supervisor_scored",
            name="Supervisor Qian",
            groups=f"{SUPERVISOR},{CUSTOMER_MANAGER}",
        )
        cls.qian = cls.env["hr.employee"].create(
            {
                "name": "Qian",
                "user_id": cls.user_supervisor_scored.id,
                "scorecard_enabled": True,
            }
        )
        cls.confirmed = cls._event(cls.li, cls.t_complaint, JAN)
        cls.draft = cls._event(cls.li, cls.t_praise, JAN, confirm=False)
        cls.card = cls.confirmed.scorecard_id
        cls.quarter = cls.card.quarter_scorecard_id
        cls.period = cls.card.period_id

    def test_sc1_events_cannot_be_forged(self):
        """SC-1: nobody confirms an event by writing it, moves a confirmed event, attaches it
        to another scorecard or creates it confirmed; a supervisor of another company or HR
        does not confirm; nobody confirms or counters events about himself."""
        names = ["state", "confirmed_by_id", "points", "scorecard_id", "quantity", "date"]
        attackers = (
            self.user_li,
            self.user_liu,
            self.user_hr,
            self.user_supervisor,
            self.user_supervisor_other,
        )
        for user in attackers:
            for vals in (
                {"state": "confirmed"},
                {"confirmed_by_id": user.id},
                {"scorecard_id": False},
                {"countered_event_id": self.confirmed.id},
            ):
                self.assertRefused(self.draft.with_user(user), vals, names=names)
            for vals in ({"quantity": 5}, {"date": FEB}, {"unit_points": 3}):
                self.assertRefused(self.confirmed.with_user(user), vals, names=names)
            self.assertCallRefused(self.confirmed.with_user(user), "unlink", names=names)
        for user in (self.user_li, self.user_liu, self.user_hr, self.user_supervisor_other):
            self.assertCallRefused(self.draft.with_user(user), "action_confirm", names=names)
            self.assertCallRefused(self.confirmed.with_user(user), "action_counter", names=names)
        for vals in ({"state": "confirmed"}, {"countered_event_id": self.confirmed.id}):
            with self.assertRaises(REFUSED):
                self.Event.with_user(self.user_supervisor).create(
                    {
                        "name": "Forged",
                        "employee_id": self.liu.id,
                        "type_id": self.t_praise.id,
                        "date": JAN,
                        **vals,
                    }
                )
        letter = (
            self.env["ir.attachment"]
            .with_user(self.user_supervisor_scored)
            .create({"name": "letter.txt", "raw": b"praise"})
        )
        own = self.Event.with_user(self.user_supervisor_scored).create(
            {
                "name": "Praise of myself",
                "employee_id": self.qian.id,
                "type_id": self.t_praise.id,
                "date": JAN,
                "evidence_ids": [(6, 0, letter.ids)],
            }
        )
        self.assertCallRefused(
            own.with_user(self.user_supervisor_scored), "action_confirm", names=names
        )

    def test_sc1_adjustment_cap_holds_within_one_batch(self):
        """SC-1: two supervisor adjustments of +2 confirmed in one call exceed the quarter's
        3 points: refused, and none of them is confirmed."""
        events = self._event(self.liu, self.t_adjust, FEB, confirm=False, unit_points=2)
        events |= self._event(self.liu, self.t_adjust, FEB, confirm=False, unit_points=2)
        self.assertCallRefused(
            events.with_user(self.user_supervisor), "action_confirm", names=["state"]
        )
        self.assertEqual(set(events.mapped("state")), {"draft"})

    def test_sc2_to_sc6_scorecards_and_periods_not_writable(self):
        """SC-1 .. SC-7: scores, ranks, base scores, periods' states and probation are set
        by the closing and HR's buttons only; a customer manager and HR change nothing."""
        card_names = ["base_score", "rank_quality", "employee_id", "period_id", "score"]
        for user in (self.user_supervisor, self.user_li, self.user_hr):
            for vals in (
                {"base_score": 150},
                {"rank_quality": 1},
                {"employee_id": self.liu.id},
                {"quarter_scorecard_id": False},
            ):
                self.assertRefused(self.card.with_user(user), vals, names=card_names)
            self.assertRefused(
                self.quarter.with_user(user),
                {"probation_decision": "probation"},
                names=["probation_decision"],
            )
            for vals in ({"state": "closed"}, {"revision": 7}, {"date_end": date(2025, 1, 2)}):
                self.assertRefused(
                    self.period.with_user(user), vals, names=["state", "revision", "date_end"]
                )
        with self.assertRaises(REFUSED):
            self.Period.with_user(self.user_supervisor).create(
                {
                    "name": "Fake",
                    "period_type": "month",
                    "date_start": date(2025, 5, 1),
                    "date_end": date(2025, 5, 31),
                    "state": "closed",
                }
            )
        for user in (self.user_li, self.user_liu, self.user_supervisor_other):
            self.assertCallRefused(self.period.with_user(user), "action_close", names=["state"])
        names = ["scorecard_probation", "scorecard_probation_since"]
        for user in (self.user_hr, self.user_supervisor):
            self.assertRefused(self.li.with_user(user), {"scorecard_probation": True}, names=names)
        for user in (self.user_li, self.user_supervisor):
            self.assertCallRefused(
                self.quarter.with_user(user), "action_start_probation", names=["probation_decision"]
            )
        self.assertFalse(self.li.scorecard_probation)

    def test_survey_rate_and_quantity_out_of_range(self):
        """SC-1: a satisfaction rate outside 0-100 % and a quantity below 1 are refused with
        a readable message."""
        for vals in ({"survey_rate": 140.0}, {"survey_rate": -5.0}, {"quantity": 0}):
            with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
                self._event(self.li, self.t_survey, JAN, confirm=False, **vals)

    def test_sweep_read_only_form_fields_never_change(self):
        """SC-1 .. SC-7: for every model of the addon, the supervisor writes each field its
        form shows read-only: each write is refused or changes nothing, re-read as
        administrator."""
        records = {
            "service.scorecard.event": self.confirmed | self.draft,
            "service.scorecard": self.card,
            "service.scorecard.quarter": self.quarter,
            "service.scorecard.period": self.period,
        }
        user = self.user_supervisor
        for model, targets in records.items():
            readonly = self.form_readonly_fields(model, user)
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
                        self.env.flush_all()
                        self.env.invalidate_all()
                        self.assertEqual(record.sudo()[name], before, f"{model}.{name}")
                    self.env.invalidate_all()
                    self.assertEqual(record.sudo()[name], before, f"{model}.{name}")

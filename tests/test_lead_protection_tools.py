# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Lead protection rules LP-1 .. LP-15, without a database."""

import datetime
import itertools

import pytest
from conftest import load_tools

tools = load_tools("lead_protection")
identity, windows, collision = tools.identity, tools.windows, tools.collision
claims, rotation = tools.claims, tools.rotation
D = datetime.date
CN_MOBILE = {"86": (11, "1")}


# --- LP-1 valid registration


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("138 0013 8000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),  # full-width digits
        ("+86 138-0013-8000", "+8613800138000"),
        ("0086 13800138000", "+8613800138000"),
        ("(021) 5080-1234", "02150801234"),
    ],
)
def test_lp1_phone_input_is_cleaned(raw, expected):
    """LP-1: full-width digits, separators and 0086 are normalised before sanitising."""
    assert identity.clean_phone_input(raw) == (expected, None)


@pytest.mark.parametrize(
    "raw, error",
    [
        ("138****8000", "masked"),
        ("138xxxx8000", "masked"),
        ("138…", "masked"),
        ("", "missing"),
        (None, "missing"),
        ("   ", "missing"),
        ("call me", "unreadable"),
        ("1380", "unreadable"),
    ],
)
def test_lp1_partial_or_unreadable_numbers_are_refused(raw, error):
    """LP-1: a partial, masked or unreadable number makes the registration invalid."""
    assert identity.clean_phone_input(raw) == (None, error)


def test_lp1_only_complete_mobiles_count():
    """LP-1: the customer's own mobile, complete: 11 digits starting with 1 in China."""
    assert identity.is_complete_mobile("+8613800138000", CN_MOBILE)
    assert not identity.is_complete_mobile("+862150801234", CN_MOBILE)  # landline
    assert not identity.is_complete_mobile("+86138001380", CN_MOBILE)  # too short
    assert not identity.is_complete_mobile("13800138000", CN_MOBILE)  # not E.164
    assert identity.is_complete_mobile("+33612345678", CN_MOBILE)


def test_lp1_required_fields_per_kind():
    """LP-1: the fields the kind requires must be filled."""
    values = {"contact_name": "赵强", "phone": "+8613800138000", "street": ""}
    assert identity.missing_fields(values, ["contact_name", "phone", "street"]) == ["street"]


# --- LP-5 identity keys


def test_lp5_same_company_under_another_legal_form_is_the_same_customer():
    """LP-5: the same company consulting different salespeople is one customer."""
    a = identity.normalize_company_name("上海宏达机械有限公司")
    b = identity.normalize_company_name(" 上海宏达机械 股份有限公司 ")
    c = identity.normalize_company_name("Shanghai Hongda Machinery Co., Ltd.")
    assert a == b == "上海宏达机械"
    assert c == "shanghaihongdamachinery"


def test_lp5_keys_of_a_registration():
    """LP-5: phone, e-mail, company (partner and name) and household all protect."""
    keys = identity.customer_keys(
        phone="+8613800138000",
        email=" ZhaoQiang@QQ.com ",
        company_id=7,
        company_name="宏达机械有限公司",
        household=3,
    )
    assert keys == [
        ("company", "name:宏达机械"),
        ("company", "partner:7"),
        ("email", "zhaoqiang@qq.com"),
        ("household", "3"),
        ("phone", "+8613800138000"),
    ]
    assert identity.customer_keys() == []


def test_lp5_first_valid_registration_owns_the_customer():
    """LP-5: the customer belongs to the first valid registration."""
    t = datetime.datetime(2026, 11, 2, 9)
    regs = [
        {"id": 1, "registered_at": t, "valid": False},
        {"id": 2, "registered_at": t + datetime.timedelta(hours=1), "valid": True},
        {"id": 3, "registered_at": t + datetime.timedelta(hours=2), "valid": True},
    ]
    assert collision.first_valid(regs) == 2
    assert collision.first_valid(regs[:1]) is None


# --- LP-3 / LP-4 windows


def test_lp3_walk_in_protected_through_day_d_plus_7():
    """LP-3: walk-in/enquiry 7 days; day D not counted (art. 201): protected through D+7."""
    assert windows.window_last_day("calendar_days", 7, D(2026, 11, 2)) == D(2026, 11, 9)
    # across a month end and a year end
    assert windows.window_last_day("calendar_days", 7, D(2026, 11, 28)) == D(2026, 12, 5)
    assert windows.window_last_day("calendar_days", 7, D(2026, 12, 27)) == D(2027, 1, 3)


def test_lp3_deposit_protected_through_day_d_plus_90():
    """LP-3: deposit paid: 90 days after D."""
    assert windows.window_last_day("calendar_days", 90, D(2026, 1, 1)) == D(2026, 4, 1)


def test_lp3_project_counts_15_working_days_after_day_d_skipping_holidays():
    """LP-3: project registration: the 15th working day after D on the company calendar,
    public holidays off (National Day week) and 調休 make-up days on."""
    holidays = {D(2026, 10, d) for d in range(1, 8)}
    make_up = {D(2026, 10, 10)}  # a Saturday worked

    def working(day):
        return day in make_up or (day.weekday() < 5 and day not in holidays)

    # D = Monday 28 Sep not counted: 29, 30 Sep, 8, 9, 10 (Sat), 12..16, 19..23 Oct
    assert windows.window_last_day("working_days", 15, D(2026, 9, 28), working) == D(2026, 10, 23)
    # D on a Friday: the count starts on Monday
    assert windows.window_last_day("working_days", 1, D(2026, 11, 27), working) == D(2026, 11, 30)
    # D on a Sunday is not counted either
    assert windows.window_last_day("working_days", 1, D(2026, 11, 29), working) == D(2026, 11, 30)


def test_lp3_follow_up_sheet_one_month_and_appointment_same_day():
    """LP-3: follow-up sheet 1 month: the same date next month or that month's last day
    (art. 202: 31 Jan -> 28 Feb); appointment: its day D only."""
    assert windows.window_last_day("months", 1, D(2026, 1, 31)) == D(2026, 2, 28)
    assert windows.window_last_day("months", 1, D(2028, 1, 31)) == D(2028, 2, 29)
    assert windows.window_last_day("months", 1, D(2026, 11, 22)) == D(2026, 12, 22)
    assert windows.window_last_day("months", 1, D(2026, 12, 31)) == D(2027, 1, 31)
    assert windows.window_last_day("same_day", 1, D(2026, 11, 22)) == D(2026, 11, 22)


def test_lp3_day_d_is_the_company_date_across_midnight():
    """LP-3: day D is the registration's date in the company's time zone, not UTC: 23:30
    UTC on 31 Jan is already 1 Feb in Shanghai, 16:30 UTC on 31 Jan is still 31 Jan."""
    dt = datetime.datetime
    assert windows.company_today(dt(2026, 1, 31, 16, 30), "Asia/Shanghai") == D(2026, 2, 1)
    assert windows.company_today(dt(2026, 1, 31, 15, 59), "Asia/Shanghai") == D(2026, 1, 31)
    assert windows.company_today(dt(2026, 1, 31, 15, 59), "Asia/Taipei") == D(2026, 1, 31)
    assert windows.company_today(dt(2026, 1, 31, 23, 30), "Europe/Brussels") == D(2026, 2, 1)
    assert windows.company_today(dt(2026, 1, 31, 22, 30), "Europe/Brussels") == D(2026, 1, 31)
    aware = dt(2026, 1, 31, 16, 30, tzinfo=datetime.UTC)
    assert windows.company_today(aware, "Asia/Shanghai") == D(2026, 2, 1)
    # no or unknown zone: China Standard Time
    assert windows.company_today(dt(2026, 1, 31, 16, 30), False) == D(2026, 2, 1)
    assert windows.company_today(dt(2026, 1, 31, 16, 30), "Mars/Olympus") == D(2026, 2, 1)
    # a walk-in registered at 00:30 Shanghai on 1 Feb is protected through 8 Feb
    day_d = windows.company_today(dt(2026, 1, 31, 16, 30), "Asia/Shanghai")
    assert windows.window_last_day("calendar_days", 7, day_d) == D(2026, 2, 8)


def test_lp4_expired_after_the_last_day():
    """LP-4: after its window a registration is invalid."""
    assert not windows.is_expired(D(2026, 11, 8), D(2026, 11, 8))
    assert windows.is_expired(D(2026, 11, 8), D(2026, 11, 9))


def test_lp3_bad_windows_are_refused():
    """LP-3: a window of no length or unknown type is a configuration error."""
    with pytest.raises(ValueError):
        windows.window_last_day("calendar_days", 0, D(2026, 1, 1))
    with pytest.raises(ValueError):
        windows.window_last_day("weeks", 1, D(2026, 1, 1))
    with pytest.raises(ValueError):
        windows.window_last_day("working_days", 3, D(2026, 1, 1), lambda day: False)


# --- LP-6 .. LP-8 outcomes


def test_lp6_lp7_one_side_gets_the_credit():
    """LP-6/LP-7: negotiation or adjudication gives the whole credit to one side."""
    assert collision.credit_shares("owner", "a", "b") == {"a": 100.0}
    assert collision.credit_shares("challenger", "a", "b") == {"b": 100.0}


def test_lp8_split_fifty_fifty():
    """LP-8: order undeterminable or both helped: 50% each (configurable)."""
    assert collision.credit_shares("split", "a", "b") == {"a": 50.0, "b": 50.0}
    assert collision.credit_shares("split", "a", "b", split_percent=60) == {"a": 60, "b": 40}
    assert collision.commission_amounts({"a": 50.0, "b": 50.0}, 100000, 3) == {
        "a": 1500.0,
        "b": 1500.0,
    }


def test_lp4_customer_choice_after_expiry():
    """LP-4: after expiry, if the first salesperson still follows up, the customer chooses."""
    assert collision.credit_shares("customer_choice", "a", "b", chosen="a") == {"a": 100.0}
    with pytest.raises(ValueError):
        collision.credit_shares("customer_choice", "a", "b", chosen="c")


# --- LP-10 late claims


@pytest.mark.parametrize(
    "sale, claim, outcome",
    [
        (D(2026, 11, 2), D(2026, 11, 9), "full"),  # 7 days
        (D(2026, 11, 2), D(2026, 11, 10), "half"),  # 8 days
        (D(2026, 11, 2), D(2026, 11, 17), "half"),  # 15 days
        (D(2026, 11, 2), D(2026, 11, 18), "refused_late"),
        (D(2026, 10, 30), D(2026, 11, 2), "refused_other_month"),
        (D(2026, 11, 20), D(2026, 11, 28), "refused_month_end"),
        (D(2026, 11, 28), D(2026, 11, 28), "full"),  # same-day sale in the last 3 days
        (D(2026, 11, 20), D(2026, 11, 27), "full"),  # the 27th is not in the last 3 days
    ],
)
def test_lp10_late_claim(sale, claim, outcome):
    """LP-10: within 7 days full credit, 7 to 15 half each, later refused; no claims across
    months; in the last 3 days of a month only same-day sales may change."""
    assert claims.late_claim_outcome(sale, claim) == outcome


def test_lp10_shares_and_thresholds_are_parameters():
    """LP-10: thresholds are configuration; the outcome sets the credit shares."""
    assert claims.late_claim_outcome(D(2026, 11, 2), D(2026, 11, 10), full_days=10) == "full"
    assert claims.claim_shares("half", "orig", "booker") == {"orig": 50.0, "booker": 50.0}
    assert claims.claim_shares("refused_late", "orig", "booker") == {"booker": 100.0}
    with pytest.raises(ValueError):
        claims.late_claim_outcome(D(2026, 11, 5), D(2026, 11, 4))


# --- LP-14 neglect, LP-15 rotation


def test_lp14_not_served_for_three_months():
    """LP-14: a customer not served for 3 months may be reassigned: a service on D covers
    through 24:00 of the same date 3 months later (LP-3 counting)."""
    assert not windows.is_neglected(D(2026, 8, 22), D(2026, 11, 22), 3)
    assert windows.is_neglected(D(2026, 8, 22), D(2026, 11, 23), 3)
    assert windows.is_neglected(None, D(2026, 11, 22), 3)
    # month end: 30 Nov + 3 months -> 28 Feb
    assert windows.neglect_last_day(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert not windows.is_neglected(D(2026, 11, 30), D(2027, 2, 28), 3)
    assert windows.is_neglected(D(2026, 11, 30), D(2027, 3, 1), 3)


def test_lp15_rotation_in_turn():
    """LP-15: walk-in customers are received in turn."""
    order = ["a", "b", "c"]
    got, position, owed = [], 0, []
    for _ in range(4):
        who, position, owed = rotation.next_receiver(order, position, owed=owed)
        got.append(who)
    assert got == ["a", "b", "c", "a"]


def test_lp15_busy_is_made_up_absent_is_lost():
    """LP-15: a busy salesperson is skipped and made up later; an absent one loses the turn."""
    order = ["a", "b", "c"]
    who, position, owed = rotation.next_receiver(order, 0, busy={"a"}, absent={"b"})
    assert (who, position, owed) == ("c", 0, ["a"])
    who, position, owed = rotation.next_receiver(order, position, owed=owed)
    assert (who, position, owed) == ("a", 0, [])
    who, position, owed = rotation.next_receiver(order, position, owed=owed)
    assert who == "a"  # the order goes on where it was


def test_lp15_named_salesperson_and_known_customer_use_no_turn():
    """LP-15: a customer who names a salesperson goes to him; the same company or family is
    one customer and goes to its first receiver; neither uses a turn."""
    assert rotation.next_receiver(["a", "b"], 1, named="a") == ("a", 1, [])
    assert rotation.next_receiver(["a", "b"], 1, known_owner="a", named="b") == ("a", 1, [])
    assert rotation.next_receiver(["a", "b"], 1, absent={"a", "b"}) == (None, 1, [])


def test_lp15_everyone_gets_the_same_number_of_turns():
    """LP-15: over a full day of rotations, turns differ by at most one."""
    order = ["a", "b", "c", "d"]
    counts = dict.fromkeys(order, 0)
    position, owed = 0, []
    for busy in itertools.islice(itertools.cycle([set(), {"b"}, set(), {"c"}]), 40):
        who, position, owed = rotation.next_receiver(order, position, busy=busy, owed=owed)
        counts[who] += 1
    assert max(counts.values()) - min(counts.values()) <= 1


# --- LP-6 / LP-8 at the API: who accepts, which shares


def test_lp6_only_the_other_party_accepts():
    assert collision.acceptor("a", "a", "b") == "b"
    assert collision.acceptor("b", "a", "b") == "a"
    assert collision.acceptor("m", "a", "b") is None
    assert collision.acceptor("a", "a", "a") is None


@pytest.mark.parametrize("share", [150.0, -50.0, "50", None, True, float("nan")])
def test_lp8_shares_out_of_range_are_refused(share):
    assert not collision.valid_share(share)
    with pytest.raises(ValueError):
        collision.credit_shares("split", "a", "b", split_percent=share)


@pytest.mark.parametrize("share", [0, 0.0, 33.3, 100])
def test_lp8_any_share_from_0_to_100_totals_100(share):
    shares = collision.credit_shares("split", "a", "b", split_percent=share)
    assert shares["a"] + shares["b"] == pytest.approx(100.0)


# --- Input checks of the values sent by a client

inputs = tools.inputs
SPECS = {
    "amount": {"type": "monetary", "minimum": 0, "maximum": None},
    "share": {"type": "float", "minimum": 0, "maximum": 100},
    "count": {"type": "integer"},
    "state": {"type": "selection", "selection": ["draft", "done"]},
    "user_id": {"type": "many2one"},
    "day": {"type": "date"},
    "flag": {"type": "boolean"},
    "name": {"type": "char"},
}


@pytest.mark.parametrize(
    ("vals", "expected"),
    [
        ({"amount": -1}, [("amount", inputs.NEGATIVE)]),
        ({"amount": "10"}, [("amount", inputs.WRONG_TYPE)]),
        ({"share": 150}, [("share", inputs.OUT_OF_RANGE)]),
        ({"share": float("inf")}, [("share", inputs.WRONG_TYPE)]),
        ({"count": 1.5}, [("count", inputs.WRONG_TYPE)]),
        ({"state": "cancel"}, [("state", inputs.UNKNOWN_VALUE)]),
        ({"user_id": "me"}, [("user_id", inputs.WRONG_TYPE)]),
        ({"user_id": True}, [("user_id", inputs.WRONG_TYPE)]),
        ({"day": "someday"}, [("day", inputs.WRONG_TYPE)]),
        ({"flag": "yes"}, [("flag", inputs.WRONG_TYPE)]),
        ({"name": 12}, [("name", inputs.WRONG_TYPE)]),
    ],
)
def test_bad_values_are_named(vals, expected):
    assert inputs.problems(vals, SPECS) == expected


def test_good_and_empty_values_pass():
    vals = {
        "amount": 0,
        "share": 100.0,
        "count": 3,
        "state": "done",
        "user_id": 7,
        "day": "2026-11-30",
        "flag": False,
        "name": "ok",
        "unknown": object(),
    }
    assert inputs.problems(vals, SPECS) == []
    assert inputs.problems(dict.fromkeys(SPECS, False) | {"flag": True}, SPECS) == []


# --- LP-1: the quick E.164 path agrees with the phone parser


def _parser_e164(number, region):
    """phone_validation's phone_format(..., force_format="E164"): parse, reparse the
    international form, E.164 when valid, else None."""
    phonenumbers = pytest.importorskip("phonenumbers")
    try:
        parsed = phonenumbers.parse(number, region, keep_raw_input=True)
        international = phonenumbers.format_number(
            parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        parsed = phonenumbers.parse(international, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed) or not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def test_lp1_quick_e164_is_the_parsers_answer_or_none():
    """LP-1: for every 3-digit prefix, national and international, the quick path gives
    the parser's E.164 or leaves the number to the parser; plain mobiles take it."""
    metadata = identity.mobile_metadata("CN")
    assert metadata and metadata[0] == "86"
    quick = 0
    for prefix in range(100, 200):
        for tail in ("00000000", "12345678", "99999999", "1234567", "123456789"):
            for number in (f"{prefix}{tail}", f"+86{prefix}{tail}", f"0{prefix}{tail}"):
                result = identity.quick_mobile_e164(number, metadata)
                if result is not None:
                    quick += 1
                    assert result == _parser_e164(number, "CN"), number
    assert quick > 200  # the usual mobiles do take the quick path
    assert identity.quick_mobile_e164("13800138000", metadata) == "+8613800138000"
    assert identity.quick_mobile_e164("+12025550123", metadata) is None  # another country
    assert identity.quick_mobile_e164("02150801234", metadata) is None  # a fixed line
    assert identity.quick_mobile_e164("13800138000", None) is None

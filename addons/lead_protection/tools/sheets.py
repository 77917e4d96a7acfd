# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Follow-up sheets (跟進表) and appointments (預約登記): LP-19, LP-20, LP-24."""

import re
import unicodedata

SHEET = "sheet"
APPOINTMENT = "appointment"

# LP-19: the follow-up evidence a salesperson keeps on his own sheet.
EVIDENCE_FIELDS = (
    "expected_revenue",
    "expected_unit_price",
    "expected_signing_date",
    "contact_feedback",
)

OWNER = "owner"
CHALLENGER = "challenger"
SPLIT = "split"

_MASKED = re.compile(r"^(\+?\d*?)(\d{3})[*xX×?？＊#]{4}(\d{4})$")
_SEPARATORS = re.compile(r"[\s\-().·/]")


def is_filled(value):
    """Whether one evidence value counts as written: a positive number, a date, a text
    with something else than blanks."""
    if value is None or value is False:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value > 0
    if isinstance(value, str):
        return bool(value.strip())
    return True


def completeness(values, fields=EVIDENCE_FIELDS):
    """LP-19: share (percent) of the sheet's evidence fields that are filled."""
    if not fields:
        return 0.0
    filled = sum(1 for name in fields if is_filled(values.get(name)))
    return round(100.0 * filled / len(fields), 2)


def masked_parts(raw):
    """LP-24: ``(head, tail)`` of a number written with its middle four digits left out
    (``138****5678`` -> ``("138", "5678")``), or None when it is not written that way."""
    if not raw or not isinstance(raw, str):
        return None
    text = _SEPARATORS.sub("", unicodedata.normalize("NFKC", raw).strip())
    match = _MASKED.match(text)
    if not match:
        return None
    return match.group(2), match.group(3)


def masked_matches(parts, e164, national_length=11):
    """Whether a complete number (E.164) is the one written masked as ``parts``: its
    national number starts with the head, ends with the tail, and only four digits are
    missing."""
    if not parts or not e164:
        return False
    head, tail = parts
    digits = re.sub(r"\D", "", e164)
    national = digits[-national_length:]
    return (
        len(national) == national_length
        and len(head) + 4 + len(tail) == national_length
        and national.startswith(head)
        and national.endswith(tail)
    )


def valid_on(registered_day, last_day, day):
    """LP-3, LP-19: a registration made on ``registered_day`` protecting through
    ``last_day`` is valid on ``day``."""
    return registered_day <= day <= last_day


def sheet_precedence(owner_day, challenger_day, appointments=()):
    """LP-20: which of two valid sheets on one customer wins.

    The earlier sheet wins; sheets of the same day split half each, unless that day's
    signed appointments show who was first (the earlier appointment wins).
    :param appointments: iterable of (party, made at) with party OWNER or CHALLENGER, the
        signed appointments of the two salespeople on that customer on that day
    :return: OWNER, CHALLENGER or SPLIT
    """
    if owner_day < challenger_day:
        return OWNER
    if challenger_day < owner_day:
        return CHALLENGER
    ranked = sorted(
        (made_at, party) for party, made_at in appointments if party in (OWNER, CHALLENGER)
    )
    if ranked:
        return ranked[0][1]
    return SPLIT


def new_sheet_is_invalid(colleague_day, new_day):
    """LP-20: a new sheet on a customer a colleague held a valid sheet on from an earlier
    day is invalid (and its maker fined)."""
    return colleague_day < new_day


def signable_on(appointment_day, today):
    """LP-24: an appointment protects only its day: it is signed on that day or never."""
    return today == appointment_day

# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Input checks of the values a client sends to a model or wizard: plain values in, plain
values out. The model layer turns each problem into a translated error."""

import datetime
import math
import numbers

WRONG_TYPE = "wrong_type"
UNKNOWN_VALUE = "unknown_value"
NEGATIVE = "negative"
OUT_OF_RANGE = "out_of_range"

NUMERIC_TYPES = ("integer", "float", "monetary")
RELATION_TYPES = ("many2one",)
DATE_TYPES = ("date", "datetime")
TEXT_TYPES = ("char", "text", "html")


def _is_number(value):
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _is_date(value, field_type):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return True
    if not isinstance(value, str):
        return False
    try:
        if field_type == "date":
            datetime.date.fromisoformat(value[:10])
        else:
            datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def problems(vals, specs):
    """The values of ``vals`` that the fields described by ``specs`` cannot take.

    :param vals: field name -> value, as sent by a client (``False``/``None`` = empty)
    :param specs: field name -> dict with ``type`` (Odoo field type), optionally
        ``selection`` (allowed keys), ``minimum`` and ``maximum`` (numbers)
    :return: sorted list of (field name, problem), problem one of the constants above
    """
    found = []
    for name in sorted(set(vals) & set(specs)):
        value, spec = vals[name], specs[name]
        field_type = spec["type"]
        if value is None or (value is False and field_type != "boolean"):
            continue
        if field_type in NUMERIC_TYPES:
            if not _is_number(value) or (field_type == "integer" and int(value) != value):
                found.append((name, WRONG_TYPE))
                continue
            low, high = spec.get("minimum"), spec.get("maximum")
            if low == 0 and value < 0 and high is None:
                found.append((name, NEGATIVE))
            elif (low is not None and value < low) or (high is not None and value > high):
                found.append((name, OUT_OF_RANGE))
        elif field_type == "selection":
            if value not in spec.get("selection", ()):
                found.append((name, UNKNOWN_VALUE))
        elif field_type in RELATION_TYPES:
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                found.append((name, WRONG_TYPE))
        elif field_type == "boolean":
            if not isinstance(value, bool) and value not in (0, 1):
                found.append((name, WRONG_TYPE))
        elif field_type in DATE_TYPES:
            if not _is_date(value, field_type):
                found.append((name, WRONG_TYPE))
        elif field_type in TEXT_TYPES and not isinstance(value, str):
            found.append((name, WRONG_TYPE))
    return found

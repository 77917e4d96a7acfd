# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure rules of lead protection (LP-1 .. LP-26): plain values in, plain values out."""

from . import (
    change,
    claims,
    collision,
    commission,
    deadlines,
    identity,
    inputs,
    rotation,
    sheets,
    windows,
)

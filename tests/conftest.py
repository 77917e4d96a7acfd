# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Load each addon's tools/ package without Odoo, as ``<addon>_tools``."""

import importlib.util
import pathlib
import sys

ADDONS = pathlib.Path(__file__).resolve().parent.parent / "addons"


def load_tools(addon):
    name = f"{addon}_tools"
    if name in sys.modules:
        return sys.modules[name]
    init = ADDONS / addon / "tools" / "__init__.py"
    spec = importlib.util.spec_from_file_location(
        name, init, submodule_search_locations=[str(init.parent)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module

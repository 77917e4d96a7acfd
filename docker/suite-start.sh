#!/bin/bash
# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
#
# The odoo service's command (docker-compose.yml): installs the suite with demo data on the
# first start, resumes an install that a previous start left incomplete, then serves.
set -euo pipefail

DB="${SUITE_DB:-suite_demo}"
SUITE_ADDONS="${SUITE_ADDONS:-incentive_ledger,incentive_ledger_payroll,base_tier_validation_zh,lead_protection,lead_reception,lead_membership,referral_incentive,service_scorecard,customer_service,partner_onboarding,event_invitation,event_invitation_referral}"
export PGHOST="${HOST:-db}" PGPORT="${PORT:-5432}" PGUSER="${USER:-odoo}" PGPASSWORD="${PASSWORD:-odoo}"

# OCA's wheels install into this Python's odoo/addons: put that folder on the addons path.
oca="$(python3 -c 'import os, odoo.addons.payroll as m; print(os.path.dirname(os.path.dirname(m.__file__)))')"
odoo_cmd=(odoo --db_host "$PGHOST" --db_port "$PGPORT" --db_user "$PGUSER" --db_password "$PGPASSWORD"
    --addons-path "/usr/lib/python3/dist-packages/odoo/addons,$oca,/mnt/extra-addons" -d "$DB")

for _ in $(seq 60); do
    pg_isready -q && break
    sleep 2
done

# How many of the given modules are installed (0 when the database or its tables are missing).
installed_count() {
    local names
    names="'${1//,/\',\'}'"
    psql -d "$DB" -tAc "SELECT count(*) FROM ir_module_module
        WHERE name IN ($names) AND state = 'installed'" 2>/dev/null || echo 0
}

if [ "$(installed_count base)" != 1 ]; then
    echo "suite-start: creating $DB (Chinese languages, demo data)"
    "${odoo_cmd[@]}" -i base --with-demo --load-language=zh_CN,zh_TW --stop-after-init
fi
wanted=$(echo "$SUITE_ADDONS" | tr ',' '\n' | grep -c .)
if [ "$(installed_count "$SUITE_ADDONS")" != "$wanted" ]; then
    # First start, or a start that stopped half-way: -i installs whatever is not installed yet.
    echo "suite-start: installing the suite into $DB"
    "${odoo_cmd[@]}" -i "$SUITE_ADDONS" --with-demo --stop-after-init
fi
exec "${odoo_cmd[@]}" --db-filter "^${DB}\$"

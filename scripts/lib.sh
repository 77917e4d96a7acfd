# Copyright 2026 The Odoo CRM rulebook suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
#
# Shared setup for scripts/start and scripts/test: Odoo 19.0 source, a Python virtualenv,
# PostgreSQL (the configured one, or a private cluster under .local/), an Odoo config file.
# Sourced, not executed. Every step is idempotent and fast when already done.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_DIR="$REPO_ROOT/.local"
# Where the setup looks for Odoo 19.0's source (a checkout or an extracted source archive).
ODOO_SRC="${ODOO_SRC:-/opt/odoo-19.0}"
ODOO_ARCHIVE_URL="${ODOO_ARCHIVE_URL:-https://nightly.odoo.com/19.0/nightly/src/odoo_19.0.latest.tar.gz}"
PYTHON="${PYTHON:-python3.11}"
SUITE_ADDONS="incentive_ledger,incentive_ledger_payroll,base_tier_validation_zh,lead_protection,lead_reception,lead_membership,referral_incentive,service_scorecard,customer_service,partner_onboarding,event_invitation,event_invitation_referral"

log() { printf '\033[1m[suite]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[suite] %s\033[0m\n' "$*" >&2; exit 1; }

# --- system packages (Debian) --------------------------------------------------------------
pg_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

apt_install() {
    [ "$(id -u)" = 0 ] || die "Missing system packages ($*): install them with apt-get as root."
    command -v apt-get >/dev/null || die "Missing system packages ($*) and no apt-get here."
    log "Installing Debian packages: $*"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_system_packages() {
    local missing=()
    command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
    if ! pg_bindir >/dev/null && [ -z "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]; then
        missing+=(postgresql)
    fi
    command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
    ldconfig -p 2>/dev/null | grep libmagic.so >/dev/null || missing+=(libmagic1)
    # PDF reports: wkhtmltopdf renders them, a CJK font keeps Chinese from printing as boxes,
    # poppler-utils (pdftotext, pdffonts) lets the tests read the PDFs back.
    command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
    fc-list :lang=zh 2>/dev/null | grep . >/dev/null || missing+=(fonts-noto-cjk)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    if [ "${SUITE_WITH_BROWSER:-1}" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
        missing+=(chromium)
    fi
    [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# --- Odoo source ---------------------------------------------------------------------------
ensure_odoo_src() {
    if [ -f "$ODOO_SRC/odoo/release.py" ]; then
        return 0
    fi
    log "No Odoo 19.0 source at ODOO_SRC=$ODOO_SRC; trying Odoo's official source archive."
    local tmp
    tmp="$(mktemp -d)"
    if curl -fsSL --connect-timeout 15 "$ODOO_ARCHIVE_URL" -o "$tmp/odoo.tar.gz"; then
        mkdir -p "$ODOO_SRC"
        tar -xzf "$tmp/odoo.tar.gz" -C "$ODOO_SRC" --strip-components=1
        rm -rf "$tmp"
    else
        rm -rf "$tmp"
        die "Odoo 19.0 source not found. Put a checkout or an extracted source archive of Odoo 19.0
      at $ODOO_SRC, or point ODOO_SRC at one (the internet archive $ODOO_ARCHIVE_URL is not reachable)."
    fi
    [ -f "$ODOO_SRC/odoo/release.py" ] || die "$ODOO_SRC does not look like Odoo's source."
}

odoo_version() {
    "$VENV/bin/python" -c 'import odoo.release as r; print(r.version)'
}

# --- Python virtualenv -------------------------------------------------------------------
venv_fingerprint() {
    cat "$ODOO_SRC/requirements.txt" "$REPO_ROOT/requirements/odoo-overrides.txt" \
        "$REPO_ROOT/requirements/suite.txt" | sha256sum | cut -c1-12
}

ensure_venv() {
    # Kept outside the work tree so that CI's fresh clones reuse it; keyed by the requirements.
    VENV="${VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/odoo-crm-rulebook-suite/venv-$(venv_fingerprint)}"
    export VENV
    if [ -f "$VENV/.complete" ]; then
        return 0
    fi
    log "Creating the Python environment in $VENV (a few minutes, once)."
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    local pip=("$VENV/bin/pip" install -q --prefer-binary)
    "${pip[@]}" "setuptools<70" wheel packaging
    "$VENV/bin/python" "$REPO_ROOT/scripts/odoo_requirements.py" \
        "$ODOO_SRC/requirements.txt" "$REPO_ROOT/requirements/odoo-overrides.txt" \
        >"$VENV/odoo-requirements.txt"
    "${pip[@]}" --no-build-isolation -r "$VENV/odoo-requirements.txt"
    # Odoo itself, editable from ODOO_SRC: OCA wheels require the "odoo" distribution.
    "${pip[@]}" --no-build-isolation --no-deps -e "$ODOO_SRC"
    "${pip[@]}" -r "$REPO_ROOT/requirements/suite.txt"
    "$VENV/bin/python" -c 'import odoo.release, odoo.addons.payroll' \
        || die "The Python environment in $VENV is incomplete."
    touch "$VENV/.complete"
}

# --- PostgreSQL --------------------------------------------------------------------------
# Uses the server that PGHOST/PGPORT/PGUSER point at; otherwise a private cluster in
# .local/pg listening on a Unix socket only, owned by "postgres" when we run as root
# (PostgreSQL refuses to run as root), stopped by pg_stop.
PG_PRIVATE=0

pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    if [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]; then
        DB_HOST="${PGHOST:-localhost}"
        DB_PORT="${PGPORT:-5432}"
        DB_USER="${PGUSER:-odoo}"
        DB_PASSWORD="${PGPASSWORD:-}"
        log "Using the configured PostgreSQL at $DB_HOST:$DB_PORT as $DB_USER."
        return 0
    fi
    local bindir pgdir="$LOCAL_DIR/pg"
    bindir="$(pg_bindir)" || die "PostgreSQL server binaries not found."
    PG_BINDIR="$bindir"
    DB_HOST="$pgdir/run"
    DB_PORT="${SUITE_PG_PORT:-54329}"
    DB_USER=odoo
    DB_PASSWORD=""
    mkdir -p "$pgdir/run"
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres: "$pgdir"
        runuser -u postgres -- test -w "$pgdir" \
            || die "User postgres cannot write $pgdir: clone the repository where it can."
    fi
    if [ ! -f "$pgdir/data/PG_VERSION" ]; then
        log "Creating a private PostgreSQL cluster in $pgdir."
        pg_as_owner "$bindir/initdb" -D "$pgdir/data" -U odoo --auth=trust -E UTF8 \
            --locale=C.UTF-8 >"$pgdir/initdb.log"
    fi
    if ! pg_as_owner "$bindir/pg_ctl" -D "$pgdir/data" status >/dev/null 2>&1; then
        pg_as_owner "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 start \
            -o "-c listen_addresses='' -k $pgdir/run -p $DB_PORT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            >/dev/null || die "PostgreSQL did not start; see $pgdir/server.log"
        PG_PRIVATE=1
    fi
    export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER"
}

pg_stop() {
    if [ "$PG_PRIVATE" = 1 ]; then
        pg_as_owner "$PG_BINDIR/pg_ctl" -D "$LOCAL_DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
        PG_PRIVATE=0
    fi
}

# --- Odoo configuration ------------------------------------------------------------------
write_odoo_conf() {
    # $1: path of the file to write
    local site
    site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    mkdir -p "$LOCAL_DIR/data"
    cat >"$1" <<EOF
[options]
addons_path = $ODOO_SRC/odoo/addons,$site/odoo/addons,$REPO_ROOT/addons
data_dir = $LOCAL_DIR/data
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = ${DB_PASSWORD}
http_interface = 127.0.0.1
admin_passwd = ${ODOO_ADMIN_PASSWD:-admin}
EOF
}

odoo_bin() {
    "$VENV/bin/python" "$ODOO_SRC/setup/odoo" "$@"
}

setup_all() {
    ensure_system_packages
    ensure_odoo_src
    ensure_venv
    mkdir -p "$LOCAL_DIR"
}

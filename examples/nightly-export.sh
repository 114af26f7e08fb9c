#!/usr/bin/env bash
# Nightly job at a street office: check the ledger, export it, copy it to
# the district share. Put in cron, e.g.:
#   30 23 * * * /opt/ledger/nightly-export.sh /data/S07.db /mnt/district-share
# Exits non-zero (and cron mails the message) if anything is wrong; a
# half-written export is never left behind (ledger writes then renames).
set -euo pipefail
db=${1:?usage: nightly-export.sh LEDGER.db SHARE_DIR}
share=${2:?usage: nightly-export.sh LEDGER.db SHARE_DIR}
ledger --db "$db" check >/dev/null
office=$(basename "$db" .db)
ledger --db "$db" export --out "$share/$office-$(date +%F).csv"

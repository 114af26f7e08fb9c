#!/usr/bin/env bash
# At the district office: merge every office's export of the day and write
# the weekly report as Markdown. A refused file is named on stderr; the
# others still merge, and the script exits 1 so someone looks.
set -uo pipefail
db=${1:?usage: district-merge.sh DISTRICT.db SHARE_DIR}
share=${2:?usage: district-merge.sh DISTRICT.db SHARE_DIR}
status=0
ledger --db "$db" merge "$share"/*.csv || status=1
ledger --db "$db" report --by office --format md > "report-$(date +%F).md"
ledger --db "$db" export --out "$share/district-$(date +%F).csv"
exit $status

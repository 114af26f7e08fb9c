#!/usr/bin/env bash
# At the district office: merge every office's export of the day and write
# the weekly report as Markdown. A refused file is named on stderr; the
# others still merge, and the script exits 1 so someone looks.
set -uo pipefail
db=${1:?usage: district-merge.sh DISTRICT.db SHARE_DIR}
share=${2:?usage: district-merge.sh DISTRICT.db SHARE_DIR}
status=0
ledger --db "$db" merge "$share" || status=1     # every exchange file in it
ledger --db "$db" report --by office --format md --out "report-$(date +%F).md" || status=1
ledger --db "$db" export --out "$share/district-$(date +%F).csv"
exit $status

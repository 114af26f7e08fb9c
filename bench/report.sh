#!/usr/bin/env bash
# Benchmark of the reports (issue 4): build a district ledger of CASES
# cases (20 office files from the demo generator, merged), then time
#   ledger report --format json
#   ledger report --by office --format json
# against hand-written SQL computing the same figures, run by the sqlite3
# CLI on a copy of the file given the best indexes found for each query;
# and show that `ledger list --overdue --office S03 --format csv` streams
# (small peak RSS). Prints figures; asserts nothing (the machines are
# shared and noisy: read the numbers). Each time is the best of two runs,
# each after a sync.
#
#   bash bench/report.sh                # 1,000,000 cases, 20 offices
#   CASES=200000 bash bench/report.sh   # a smaller run
#   KEEP=1 bash bench/report.sh         # keep the files (path printed)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${CASES:-1000000}
OFFICES=${OFFICES:-20}
PER_OFFICE=$(( CASES / OFFICES ))
CASES=$(( PER_OFFICE * OFFICES ))
cargo build --release --quiet
L=${CARGO_TARGET_DIR:-$PWD/target}/release/ledger
W=$(mktemp -d)
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$W"' EXIT; else echo "files in $W"; fi
export LEDGER_NOW=2026-11-26T18:00:00+08:00
TODAY=2026-11-26
CUTOFF=2026-05-30   # TODAY - 180 days: received on or before it and not closed = long-running
D=$W/district.db
IDX=$W/indexed.db

t0=$(date +%s.%N)
"$L" demo --dir "$W" --offices "$OFFICES" --cases "$PER_OFFICE" --no-district 2>/dev/null
"$L" --db "$D" init --office D --name 示范区 --district 2>/dev/null
# Each office's key registered once, as a district does (issue 10): the
# merge refuses files from offices it does not trust.
for db in "$W"/S*.db; do
  # shellcheck disable=SC2046
  "$L" --db "$D" trust $("$L" --db "$db" key 2>/dev/null) 2>/dev/null
done
"$L" --db "$D" merge "$W"/S*.csv >/dev/null 2>&1
rm -f "$W"/S*.csv "$W"/S*.db
t1=$(date +%s.%N)
printf 'ledger: %d cases from %d offices, generated and merged in %.0f s; %d MB\n' \
  "$CASES" "$OFFICES" "$(echo "$t1 - $t0" | bc -l)" $(( $(stat -c %s "$D") / 1048576 ))

# The sqlite3 side runs on a copy with the indexes that make its queries
# fastest (tried: covering indexes for the headline and the groups, the
# (community, problem, received_at) index for the repeat probe, expression
# indexes so medians are read in order instead of sorted).
cp "$D" "$IDX"
t0=$(date +%s.%N)
sqlite3 "$IDX" <<'SQL'
CREATE INDEX b_head ON cases (status, result, key_case, due, received_at);
CREATE INDEX b_repeat ON cases (community, problem, received_at);
CREATE INDEX b_office ON cases (office, status, due);
CREATE INDEX b_days ON cases ((julianday(closed_at) - julianday(received_at))) WHERE status = 'closed';
CREATE INDEX b_office_days ON cases (office, (julianday(closed_at) - julianday(received_at))) WHERE status = 'closed';
ANALYZE;
SQL
t1=$(date +%s.%N)
printf 'sqlite3 indexes on the copy: built in %.1f s (the ledger file has none of them)\n' "$(echo "$t1 - $t0" | bc -l)"

# The figures, as hand-written SQL. The headline: one aggregate pass.
HEAD_SQL="SELECT 'head', count(*),
  sum(status = 'open'), sum(status = 'assigned'), sum(status = 'deferred'), sum(status = 'closed'),
  sum(result = 'resolved'), sum(result = 'unfounded'), sum(result = 'duplicate'), sum(result = 'out_of_scope'),
  sum(status IN ('open', 'assigned') AND due < '$TODAY'),
  sum(key_case = 1 AND status <> 'closed'),
  sum(status <> 'closed' AND substr(received_at, 1, 10) <= '$CUTOFF')
FROM cases;"
# Repeat complaints: another case, same community and problem, received
# dates at most 90 days apart (the fastest of the forms tried: a window
# function with lag/lead took twice as long).
REPEAT_SQL="SELECT 'repeat', count(*) FROM cases a WHERE a.problem IS NOT NULL AND EXISTS (
  SELECT 1 FROM cases b WHERE b.community = a.community AND b.problem = a.problem
    AND b.received_at >= date(substr(a.received_at, 1, 10), '-90 days')
    AND b.received_at < date(substr(a.received_at, 1, 10), '+91 days')
    AND b.rowid <> a.rowid);"
# The median days to close, read in order from the expression index.
MEDIAN_SQL="SELECT 'median', round(avg(d), 1) FROM (
  SELECT julianday(closed_at) - julianday(received_at) AS d FROM cases WHERE status = 'closed'
  ORDER BY julianday(closed_at) - julianday(received_at)
  LIMIT 2 - (SELECT count(*) FROM cases WHERE status = 'closed') % 2
  OFFSET ((SELECT count(*) FROM cases WHERE status = 'closed') - 1) / 2);"
GROUP_SQL="SELECT 'office', office, count(*), sum(status <> 'closed'), sum(status = 'closed'),
  sum(status IN ('open', 'assigned') AND due < '$TODAY')
FROM cases GROUP BY office ORDER BY count(*) DESC, office;"

sql_report() { sqlite3 "$IDX" "$HEAD_SQL" "$REPEAT_SQL" "$MEDIAN_SQL"; }
sql_by_office() {
  # Per-office medians: SQLite has no median aggregate and a LIMIT cannot
  # refer to an outer row, so the closed counts per office come first and
  # one ordered index read per office follows (faster than row_number()
  # over a partition, which sorts).
  local counts q=""
  sqlite3 "$IDX" "$HEAD_SQL" "$REPEAT_SQL" "$MEDIAN_SQL" "$GROUP_SQL"
  counts=$(sqlite3 "$IDX" "SELECT office, count(*) FROM cases WHERE status = 'closed' GROUP BY office")
  while IFS='|' read -r office n; do
    q+="SELECT 'median', '$office', round(avg(d), 1) FROM (
      SELECT julianday(closed_at) - julianday(received_at) AS d FROM cases
      WHERE status = 'closed' AND office = '$office'
      ORDER BY julianday(closed_at) - julianday(received_at)
      LIMIT $(( 2 - n % 2 )) OFFSET $(( (n - 1) / 2 )));"
  done <<< "$counts"
  sqlite3 "$IDX" "$q"
}

timed() { # "secs kb" of one run of a command, its stdout to $W/out, after a sync
  sync
  /usr/bin/time -f "%e %M" -o "$W/time" "$@" > "$W/out"
  cat "$W/time"
}
best() { # the best "secs kb" of two runs
  local a b; a=$(timed "$@"); b=$(timed "$@")
  if [ "$(echo "${a% *} <= ${b% *}" | bc -l)" = 1 ]; then echo "$a"; else echo "$b"; fi
}
# `timed` on a shell function: run it in a child bash.
export -f sql_report sql_by_office
export IDX HEAD_SQL REPEAT_SQL MEDIAN_SQL GROUP_SQL

compare() { # label, ledger args..., --, sqlite3 function
  local label=$1; shift
  local args=() ; while [ "$1" != -- ]; do args+=("$1"); shift; done; shift
  read -r ls lkb < <(best "$L" --db "$D" "${args[@]}")
  cp "$W/out" "$W/ledger.json"
  read -r ss _ < <(best bash -c "$1")
  cp "$W/out" "$W/sqlite.txt"
  printf '%-28s ledger %5.2f s (peak RSS %d MB)   sqlite3 %5.2f s   ratio %.2f\n' \
    "$label" "$ls" $(( lkb / 1024 )) "$ss" "$(echo "$ls / $ss" | bc -l)"
}
field() { grep -m1 "\"$1\"" "$W/ledger.json" | sed 's/.*: //; s/,$//'; }

echo
compare 'report' report --format json -- sql_report
echo "  ledger:  total $(field total), overdue $(field overdue), key_open $(field key_open), long_running $(field long_running), repeat $(field repeat), median $(field median_days_to_close)"
echo "  sqlite3: $(tr '\n' ' ' < "$W/sqlite.txt")"
compare 'report --by office' report --by office --format json -- sql_by_office
echo "  sqlite3, first office row: $(grep -m1 '^office' "$W/sqlite.txt")  $(grep -m1 '^median|S' "$W/sqlite.txt")"
printf '  ledger,  first office row: %s\n' "$(sed -n '/"rows"/,/}/p' "$W/ledger.json" | grep -E '"(key|total|open|closed|overdue|median_days_to_close)"' | sed 's/^ *//' | tr '\n' ' ')"

# The workbook and the page (issue 17) against the JSON of the same
# arguments: each must stay within 2x its time and under 256 MB. They add
# the lists behind the figures (one pass over the cases not closed, at
# most 2,000 a list in a workbook, 200 on a page) and the writing of the
# file.
echo
FILE_ARGS=(report --by office --period month)
read -r js jkb < <(best "$L" --db "$D" "${FILE_ARGS[@]}" --format json)
for fmt in xlsx html; do
  read -r s kb < <(best "$L" --db "$D" "${FILE_ARGS[@]}" --format "$fmt" --out "$W/report.$fmt")
  printf '%s --format %-4s %5.2f s (peak RSS %3d MB, %d KB)   json %5.2f s (%3d MB)   ratio %.2f\n' \
    "${FILE_ARGS[*]}" "$fmt" "$s" $(( kb / 1024 )) $(( $(stat -c %s "$W/report.$fmt") / 1024 )) \
    "$js" $(( jkb / 1024 )) "$(echo "$s / $js" | bc -l)"
done
# Three groupings in one workbook: a pass over the cases per grouping.
read -r s kb < <(best "$L" --db "$D" report --by office,problem,party --period month --format xlsx --out "$W/all.xlsx")
printf 'report --by office,problem,party --period month --format xlsx: %.2f s, peak RSS %d MB\n' "$s" $(( kb / 1024 ))
read -r s kb < <(best "$L" --db "$D" list --overdue --format xlsx --out "$W/overdue.xlsx")
printf 'list --overdue --format xlsx (every overdue case): %.2f s, peak RSS %d MB, %d MB file\n' \
  "$s" $(( kb / 1024 )) $(( $(stat -c %s "$W/overdue.xlsx") / 1048576 ))

# For scale: the headline aggregate alone, without the repeat probe and
# the medians (what a plain GROUP BY report would cost).
read -r hs _ < <(best sqlite3 "$IDX" "$HEAD_SQL")
read -r gs _ < <(best sqlite3 "$IDX" "$HEAD_SQL" "$GROUP_SQL")
read -r rs _ < <(best sqlite3 "$IDX" "$REPEAT_SQL")
printf 'sqlite3 parts: headline aggregate alone %.2f s; with the office GROUP BY %.2f s; repeat probe alone %.2f s\n' "$hs" "$gs" "$rs"

echo
read -r s kb < <(best "$L" --db "$D" list --overdue --office S03 --format csv)
printf 'list --overdue --office S03 --format csv: %.2f s, %d rows, peak RSS %d MB\n' \
  "$s" $(( $(wc -l < "$W/out") - 1 )) $(( kb / 1024 ))
read -r s kb < <(best "$L" --db "$D" list --format csv)
printf 'list --format csv (every case):            %.2f s, %d rows, peak RSS %d MB\n' \
  "$s" $(( $(wc -l < "$W/out") - 1 )) $(( kb / 1024 ))
read -r s kb < <(best "$L" --db "$D" list --repeat --office S03 --format csv)
printf 'list --repeat --office S03 --format csv:   %.2f s, %d rows, peak RSS %d MB\n' \
  "$s" $(( $(wc -l < "$W/out") - 1 )) $(( kb / 1024 ))

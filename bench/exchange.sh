#!/usr/bin/env bash
# Benchmark of the exchange (issue 3): build office files totalling about
# EVENTS events across OFFICES offices with the demo generator, export
# them, merge them into an empty district file, merge them again, and
# compare with sqlite3's .import of the same CSV rows into a table with a
# primary key and three indexes. Prints figures; asserts nothing (the
# machines are shared and noisy: read the numbers).
#
#   bash bench/exchange.sh            # 1,000,000 events, 20 offices
#   EVENTS=200000 bash bench/exchange.sh
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-1000000}
OFFICES=${OFFICES:-20}
# The generator makes about 2.74 events per case.
CASES=$(( EVENTS * 100 / 274 / OFFICES ))
cargo build --release --quiet
L=$PWD/target/release/ledger
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export LEDGER_NOW=2026-11-26T18:00:00+08:00
rss() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }

t0=$(date +%s.%N)
"$L" demo --dir "$W" --offices "$OFFICES" --cases "$CASES" --no-district 2>/dev/null
t1=$(date +%s.%N)
total_cases=$(( CASES * OFFICES ))
events=0
for f in "$W"/S*.csv; do events=$(( events + $(wc -l < "$f") - 2 )); done
gen=$(echo "$t1 - $t0" | bc -l)
printf 'generator: %d cases, %d events in %.2f s = %.0f cases/s (writing office files and exports)\n' \
  "$total_cases" "$events" "$gen" "$(echo "$total_cases / $gen" | bc -l)"

# Each figure is the best of two runs, each after a sync (the generator
# leaves a gigabyte of dirty pages that would otherwise be flushed during
# the first timing).
best() { # best "secs kb" of two runs of a command that prints "secs kb"
  local a b; a=$("$@"); b=$("$@")
  if [ "$(echo "${a% *} <= ${b% *}" | bc -l)" = 1 ]; then echo "$a"; else echo "$b"; fi
}
first_merge() {
  rm -f "$W/district.db"
  "$L" --db "$W/district.db" init --office D --name 示范区 --district 2>/dev/null
  # Each office's key registered once, as a district does (issue 10).
  for db in "$W"/S*.db; do
    # shellcheck disable=SC2046
    "$L" --db "$W/district.db" trust $("$L" --db "$db" key 2>/dev/null) 2>/dev/null
  done
  sync
  rss "$L" --db "$W/district.db" merge "$W"/S*.csv
}
re_merge() { sync; rss "$L" --db "$W/district.db" merge "$W"/S*.csv; }
read -r secs kb < <(best first_merge)
printf 'first merge:  %.2f s = %.0f events/s, peak RSS %d MB\n' "$secs" "$(echo "$events / $secs" | bc -l)" $(( kb / 1024 ))
first=$secs
read -r secs kb < <(best re_merge)
printf 're-merge:     %.2f s = %.0f events/s, peak RSS %d MB, %.1fx faster than the first merge\n' \
  "$secs" "$(echo "$events / $secs" | bc -l)" $(( kb / 1024 )) "$(echo "$first / $secs" | bc -l)"

# The same rows for sqlite3 .import: every exchange file without its header
# and end row, into one table with a primary key and three indexes.
for f in "$W"/S*.csv; do tail -n +3 "$f" | head -n -1; done > "$W/all.csv"
import() {
  rm -f "$W/import.db"
  sync
  rss sqlite3 "$W/import.db" <<SQL
CREATE TABLE ev (format TEXT, origin TEXT, seq INTEGER, clock INTEGER, at TEXT, actor TEXT,
                 kind TEXT, case_id TEXT, payload TEXT, hash TEXT, PRIMARY KEY (origin, seq));
CREATE INDEX ev_case ON ev (case_id, clock, origin, seq);
CREATE INDEX ev_clock ON ev (clock, origin, seq);
CREATE INDEX ev_kind ON ev (kind);
.mode csv
.import $W/all.csv ev
SQL
}
read -r secs kb < <(best import)
printf 'sqlite3 .import: %.2f s = %.0f rows/s; first merge / .import speed ratio %.2f\n' \
  "$secs" "$(echo "$events / $secs" | bc -l)" "$(echo "$secs / $first" | bc -l)"
"$L" --db "$W/district.db" check

#!/usr/bin/env bash
# Benchmark of bulk intake (issue 6): generate a ROWS-row 12345 hotline
# export (UTF-8 with a BOM, Excel-style quoting, CRLF, about one row in
# three about something other than property management), then time
#   1. importing it into an empty ledger,
#   2. importing it again (every row a duplicate),
#   3. a dry run with --only-property into an empty ledger,
#   4. importing the same rows saved as GBK (when iconv is there).
# Prints figures; asserts nothing (the machines are shared and noisy: read
# the numbers). Target: 1 at 50,000 rows/s or more.
#
#   bash bench/intake.sh              # 100,000 rows
#   ROWS=20000 bash bench/intake.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
cargo build --release --quiet
L=$PWD/target/release/ledger
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export LEDGER_NOW=2026-11-26T18:00:00+08:00
cd "$W"

# The rows: numbered work orders over 2026, complaints from a fixed list,
# some long enough to be cut into a summary and details.
awk -v rows="$ROWS" 'BEGIN {
  srand(7);
  n = split("物业以业主欠缴物业费为由停水三天，老人孩子生活困难|小区3号楼电梯经常故障，\"\"关人\"\"两次，物业说没钱修|一楼业主私搭乱建彩钢房，占用公共绿地|楼道内电动车飞线充电，存在火灾隐患|小区垃圾堆放多日未清运，气味难闻|物业擅自将物业费从每平米1.2元涨到1.8元，未经业主大会同意|业委会任期届满半年未组织换届选举|开发商交房一年屋顶漏水，拒不维修|小区地下车位只售不租，业主无处停车|物业对业主投诉置之不理，多次反映无果|公交车站点设置不合理，换乘不便|道路施工夜间噪音扰民，影响休息|咨询公积金贷款额度的问题|学校周边交通拥堵，接送孩子困难|小区门口饭店油烟直排，居民不堪其扰，多次向有关部门反映未果，希望尽快处理。此外，饭店夜间营业噪音很大，严重影响附近居民休息", text, "|");
  split("幸福里小区|阳光花园|金水湾小区|翠竹苑|锦绣华庭|和平新村|书香门第|康桥华城", comm, "|");
  split("张伟|王芳|李娜|刘强|陈静|杨洋|赵磊|黄敏", who, "|");
  split("物业管理|城乡建设|环境保护|交通运输|教育文体", cat, "|");
  printf "\xef\xbb\xbf工单编号,来电时间,诉求人,联系电话,诉求内容,所属小区,问题分类,承办单位,办理时限\r\n";
  for (i = 1; i <= rows; i++) {
    t = int(rand() * n) + 1;
    m = int(rand() * 10) + 1; d = int(rand() * 28) + 1;  # all before LEDGER_NOW
    printf "RX2026%08d,2026/%d/%d %d:%02d:%02d,%s,138%08d,\"%s\",%s,%s,街道办事处,%d个工作日\r\n",
      i, m, d, int(rand() * 24), int(rand() * 60), int(rand() * 60),
      who[int(rand() * 8) + 1], i, text[t], comm[int(rand() * 8) + 1],
      cat[int(rand() * 5) + 1], int(rand() * 15) + 1;
  }
}' > hotline.csv
size=$(du -h hotline.csv | cut -f1)
echo "input: $ROWS rows, $size, e.g. $(sed -n 2p hotline.csv | tr -d '\r')"

rate() { echo "$ROWS / $1" | bc -l; }
run() { # run LABEL DB ARGS...: time one import, print its figures
  local label=$1 db=$2; shift 2
  sync
  local t0 t1 out
  t0=$(date +%s.%N)
  out=$(/usr/bin/time -f "rss %M KB" "$L" --lang en --db "$db" add --from "$@" 2>&1 >/dev/null)
  t1=$(date +%s.%N)
  local secs; secs=$(echo "$t1 - $t0" | bc -l)
  printf '%-34s %6.2f s  %8.0f rows/s  %s\n' "$label" "$secs" "$(rate "$secs")" \
    "$(echo "$out" | grep -E '^read|^dry run|^rss' | tr '\n' ' ')"
}

"$L" --db a.db init --office S07 --name 建设路街道 2>/dev/null
run "1. import into an empty ledger" a.db hotline.csv --profile hotline
run "2. import again (all duplicates)" a.db hotline.csv --profile hotline
"$L" --db b.db init --office S07 --name 建设路街道 2>/dev/null
run "3. --only-property --dry-run" b.db hotline.csv --profile hotline --only-property --dry-run
if command -v iconv >/dev/null; then
  tail -c +4 hotline.csv | iconv -f UTF-8 -t GBK > hotline-gbk.csv
  "$L" --db c.db init --office S07 --name 建设路街道 2>/dev/null
  run "4. the same rows as GBK" c.db hotline-gbk.csv --profile hotline
fi
echo "ledger file after 1: $(du -h a.db | cut -f1)"

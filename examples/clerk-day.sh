#!/usr/bin/env bash
# A clerk's day, as a script you can run in an empty folder to try ledger.
set -euo pipefail
export LEDGER_DB=${LEDGER_DB:-./ledger.db}
ledger init --office S07 --name 建设路街道
a=$(ledger add --community 幸福里小区 --summary '物业以欠费为由停水三天' --source hotline \
      --ref RX20261126001 --complainant 张三 --phone 13812345678 --problem WY-06)
b=$(ledger add --community 阳光花园 --summary '公共通道被占用搭建彩钢房' --source patrol)
ledger assign "$a" --unit JD
ledger assign "$b" --problem ZN-06          # default unit CG, due in 3 days
ledger note "$a" '已电话回访投诉人'
ledger close "$a" --result resolved --resolution '已恢复供水，物业公司书面道歉'
ledger list
ledger show "$a"
ledger report

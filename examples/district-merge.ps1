# At the district office on Windows: merge every office's export on the
# share and write the weekly report. The PowerShell twin of
# district-merge.sh. `merge` takes the folder itself (and expands * and ?
# itself: PowerShell does not), so no wildcard has to reach it.
#
#   powershell -NoProfile -File district-merge.ps1 -Db D:\台账\district.db -Share \\district-server\ledger-share
#
# A refused file is named; the others still merge, and the script exits 1
# so someone looks.
#
# Saved as UTF-8 with a BOM: Windows PowerShell 5.1 reads a script without
# one in the ANSI code page (GBK on Chinese Windows) and garbles Chinese.
param(
    [Parameter(Mandatory = $true)] [string] $Db,
    [Parameter(Mandatory = $true)] [string] $Share
)
$status = 0
$day = Get-Date -Format 'yyyy-MM-dd'

ledger --db $Db merge $Share
if ($LASTEXITCODE -ne 0) { $status = 1 }
ledger --db $Db report --by office --format md --out "周报-$day.md"
if ($LASTEXITCODE -ne 0) { $status = 1 }
ledger --db $Db export --out (Join-Path $Share "district-$day.csv")
if ($LASTEXITCODE -ne 0) { $status = 1 }
exit $status

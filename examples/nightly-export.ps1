# Nightly job at a street office on Windows: check the ledger, export it,
# put it on the district share. The PowerShell twin of nightly-export.sh;
# register it with register-nightly-task.ps1 (Task Scheduler).
#
#   powershell -NoProfile -ExecutionPolicy Bypass -File nightly-export.ps1 `
#       -Db D:\台账\S07.db -Share \\district-server\ledger-share
#
# Exits non-zero if anything is wrong (Task Scheduler shows the last run
# result). `--out` writes the file itself: no `>` redirection, which
# PowerShell 5.1 would re-encode; a half-written export is never left.
param(
    [Parameter(Mandatory = $true)] [string] $Db,
    [Parameter(Mandatory = $true)] [string] $Share
)
$ErrorActionPreference = 'Stop'

ledger --db $Db check | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$office = [System.IO.Path]::GetFileNameWithoutExtension($Db)
$day = Get-Date -Format 'yyyy-MM-dd'
ledger --db $Db export --out (Join-Path $Share "$office-$day.csv")
exit $LASTEXITCODE

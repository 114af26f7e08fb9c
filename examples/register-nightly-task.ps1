# Registers nightly-export.ps1 with the Windows Task Scheduler, to run at
# 23:30 every day as the current user (the cron line of nightly-export.sh).
# Run once, in PowerShell, from the folder holding both scripts:
#
#   .\register-nightly-task.ps1 -Db D:\台账\S07.db -Share \\district-server\ledger-share
#
# Without PowerShell's ScheduledTasks module, the same with schtasks:
#   schtasks /Create /TN "ledger nightly export" /SC DAILY /ST 23:30 /TR ^
#     "powershell -NoProfile -ExecutionPolicy Bypass -File C:\ledger\nightly-export.ps1 -Db D:\台账\S07.db -Share \\district-server\ledger-share"
param(
    [Parameter(Mandatory = $true)] [string] $Db,
    [Parameter(Mandatory = $true)] [string] $Share,
    [string] $At = '23:30'
)
$ErrorActionPreference = 'Stop'

$script = Join-Path $PSScriptRoot 'nightly-export.ps1'
$arguments = "-NoProfile -ExecutionPolicy Bypass -File `"$script`" -Db `"$Db`" -Share `"$Share`""
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument $arguments
$trigger = New-ScheduledTaskTrigger -Daily -At $At
# Runs when the PC was off at 23:30, as soon as it is on again.
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable
Register-ScheduledTask -TaskName 'ledger nightly export' -Action $action `
    -Trigger $trigger -Settings $settings -Description 'ledger: export the office file to the district share' `
    -Force | Out-Null
Write-Host "registered: ledger nightly export, daily at $At"

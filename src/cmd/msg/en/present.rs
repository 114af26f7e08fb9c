//! English: the labels of the workbook and the page (`report`/`list
//! --format xlsx|html`), by the JSON key they stand for; a key without one
//! shows as itself.

pub fn label(key: &str) -> Option<&'static str> {
    Some(match key {
        "closed" => "closed",
        "sheet.headline" => "Summary",
        "sheet.periods" => "Trend",
        "sheet.cases" => "Cases",
        "overdue_cases" => "Overdue cases",
        "key_cases" => "Key cases",
        "deferred_cases" => "Deferred with a plan",
        "col.figure" => "figure",
        "col.value" => "value",
        "col.code" => "code",
        "col.key" => "code",
        "col.name" => "name",
        "col.total" => "total",
        "col.open" => "not closed",
        "col.closed" => "closed",
        "col.closure_rate" => "closure rate",
        "col.overdue" => "overdue",
        "col.median_days_to_close" => "median days to close",
        "col.period" => "period",
        "col.new" => "new",
        "period.week" => "new and closed per week",
        "period.month" => "new and closed per month",
        "chart.trend" => "new vs closed",
        "chart.rate" => "closure rate",
        "chart.overdue" => "overdue cases",
        "chart.total" => "cases",
        _ => return None,
    })
}

/// The line under a list cut short.
pub fn more(n: usize, command: &str) -> String {
    format!("{n} more not listed; all of them: {command}")
}

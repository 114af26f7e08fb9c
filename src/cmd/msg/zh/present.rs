//! 中文: the labels of the workbook and the page (`report`/`list --format
//! xlsx|html`), by the JSON key they stand for; a key without one shows
//! as itself.

pub fn label(key: &str) -> Option<&'static str> {
    Some(match key {
        "closed" => "已销号",
        "sheet.headline" => "总表",
        "sheet.periods" => "趋势",
        "sheet.cases" => "问题清单",
        "overdue_cases" => "逾期清单",
        "key_cases" => "重点难点",
        "deferred_cases" => "暂缓计划",
        "col.figure" => "指标",
        "col.value" => "数值",
        "col.code" => "代码",
        "col.key" => "代码",
        "col.name" => "名称",
        "col.total" => "问题总数",
        "col.open" => "未销号",
        "col.closed" => "已销号",
        "col.closure_rate" => "销号率",
        "col.overdue" => "逾期",
        "col.median_days_to_close" => "销号中位天数",
        "col.period" => "时段",
        "col.new" => "新增",
        "period.week" => "每周新增与销号",
        "period.month" => "每月新增与销号",
        "chart.trend" => "新增与销号",
        "chart.rate" => "销号率",
        "chart.overdue" => "逾期问题",
        "chart.total" => "问题数",
        _ => return None,
    })
}

/// The line under a list cut short.
pub fn more(n: usize, command: &str) -> String {
    format!("另有 {n} 件未列出；全部列出：{command}")
}

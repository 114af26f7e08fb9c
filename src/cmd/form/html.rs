//! The three patrol forms as printable HTML pages: A4, Chinese, print CSS
//! (the browser's print dialog makes the paper form). Every value from
//! the ledger is escaped (a case's text may come from anywhere); what the
//! case does not hold, and every signature, is a blank line to fill in by
//! hand.

use crate::cmd::msg::zh::forms as t;

/// The values a form prints; `None` prints a blank to write on.
#[derive(Clone, Debug, Default)]
pub struct Fill {
    pub number: Option<String>,
    pub community: Option<String>,
    pub company: Option<String>,
    pub place: Option<String>,
    pub found_at: Option<String>,
    pub found_by: Option<String>,
    pub violation: Option<String>,
    pub dissuasion: Option<String>,
    pub reported_to: Option<String>,
    pub outcome: Option<String>,
}

const STYLE: &str = "
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', 'Source Han Serif SC', SimSun, 'Songti SC', serif;
       font-size: 12pt; line-height: 1.7; color: #000; background: #fff; margin: 0; }
main { width: 178mm; margin: 0 auto; }
h1 { text-align: center; font-size: 18pt; letter-spacing: 0.1em; margin: 0 0 6mm; }
.no { text-align: right; margin-bottom: 2mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 2mm 3mm; vertical-align: top; }
th { width: 38mm; white-space: nowrap; font-weight: normal; text-align: center; vertical-align: middle; }
td.tall { height: 28mm; }
.blank { display: inline-block; min-width: 40mm; border-bottom: 1px solid #000; }
.line { min-height: 8mm; }
p { text-indent: 2em; margin: 3mm 0; }
.sign { margin-top: 12mm; text-align: right; }
.sign div { margin-top: 4mm; }
.stub { margin-top: 10mm; border-top: 1px dashed #000; padding-top: 4mm; font-size: 10.5pt; }
@media screen { body { padding: 10mm 0; } }
@media print { main { width: auto; } }
";

/// Escapes text for HTML content and attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A value, or a blank line to write on.
fn v(x: &Option<String>) -> String {
    match x.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => esc(s).replace('\n', "<br>"),
        None => "<span class=\"blank\">&#8203;</span>".into(),
    }
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}</main>\n</body>\n</html>\n"
    )
}

fn row(label: &str, value: String, class: &str) -> String {
    format!("<tr><th>{label}</th><td class=\"{class}\">{value}</td></tr>\n")
}

/// 《住宅小区违规行为巡查、劝阻和报告处置记录表》.
pub fn record(f: &Fill) -> String {
    let mut b = format!(
        "<div class=\"no\">{}：{}</div>\n<table>\n",
        t::NUMBER,
        v(&f.number)
    );
    for (label, value, class) in [
        (t::COMMUNITY, v(&f.community), "line"),
        (t::COMPANY, v(&f.company), "line"),
        (t::PLACE, v(&f.place), "line"),
        (t::FOUND_AT, v(&f.found_at), "line"),
        (t::FOUND_BY, v(&f.found_by), "line"),
        (t::VIOLATION, v(&f.violation), "tall"),
        (t::DISSUASION, v(&f.dissuasion), "tall"),
        (t::DISSUASION_RESULT, v(&None), "line"),
        (t::REPORTED_TO, v(&f.reported_to), "line"),
        (t::REPORTED_AT, v(&None), "line"),
        (t::OUTCOME, v(&f.outcome), "tall"),
    ] {
        b.push_str(&row(label, value, class));
    }
    b.push_str("</table>\n<div class=\"sign\">\n");
    for who in [t::RECORDER, t::MANAGER] {
        b.push_str(&format!(
            "<div>{who}：<span class=\"blank\">&#8203;</span></div>\n"
        ));
    }
    b.push_str(&format!(
        "<div>{}：{}</div>\n</div>\n",
        t::DATE,
        t::YEAR_MONTH_DAY
    ));
    page(t::RECORD_TITLE, &b)
}

/// 《违规行为劝阻通知书》.
pub fn notice(f: &Fill) -> String {
    let place = match (&f.community, &f.place) {
        (Some(c), Some(p)) if !p.contains(c.as_str()) => Some(format!("{c}{p}")),
        (c, p) => p.clone().or_else(|| c.clone()),
    };
    let b = format!(
        "<div class=\"no\">{}：{}</div>\n<p style=\"text-indent:0\">{}：<span class=\"blank\">&#8203;</span></p>\n\
<p>{}{}{}</p>\n<p>{}</p>\n<p>{}</p>\n\
<div class=\"sign\"><div>{}{}：{}</div><div>{}</div></div>\n\
<div class=\"stub\">{}：<span class=\"blank\">&#8203;</span>　{}：{}<br>{}</div>\n",
        t::NUMBER,
        v(&f.number),
        t::OWNER,
        t::NOTICE_FOUND,
        v(&place),
        t::NOTICE_ACT,
        v(&f.violation),
        t::NOTICE_DEMAND,
        t::COMPANY,
        t::STAMP,
        v(&f.company),
        t::YEAR_MONTH_DAY,
        t::RECEIVED_BY,
        t::DATE,
        t::YEAR_MONTH_DAY,
        t::NOTICE_STUB,
    );
    page(t::NOTICE_TITLE, &b)
}

/// 《违规行为报告书》.
pub fn report(f: &Fill) -> String {
    let place = match (&f.community, &f.place) {
        (Some(c), Some(p)) if !p.contains(c.as_str()) => Some(format!("{c}{p}")),
        (c, p) => p.clone().or_else(|| c.clone()),
    };
    let b = format!(
        "<div class=\"no\">{}：{}</div>\n<p style=\"text-indent:0\">{}{}</p>\n\
<p>{}{}{}{}{}</p>\n<p>{}</p>\n<p>{}{}</p>\n<p>{}</p>\n\
<p>{}：<span class=\"blank\">&#8203;</span></p>\n\
<div class=\"sign\"><div>{}{}：{}</div><div>{}：{}</div><div>{}</div></div>\n\
<div class=\"stub\">{}：<span class=\"blank\">&#8203;</span>　{}：{}</div>\n",
        t::NUMBER,
        v(&f.number),
        v(&f.reported_to),
        t::REPORT_TO_SUFFIX,
        t::REPORT_FOUND,
        v(&f.found_at),
        t::REPORT_IN,
        v(&place),
        t::REPORT_ACT,
        v(&f.violation),
        t::REPORT_DISSUADED,
        v(&f.dissuasion),
        t::REPORT_REQUEST,
        t::REPORT_CONTACT,
        t::COMPANY,
        t::STAMP,
        v(&f.company),
        t::FOUND_BY,
        v(&f.found_by),
        t::YEAR_MONTH_DAY,
        t::REPORT_RECEIPT,
        t::DATE,
        t::YEAR_MONTH_DAY,
    );
    page(t::REPORT_TITLE, &b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_missing_ones_are_blanks() {
        let f = Fill {
            community: Some("<script>x</script>幸福里".into()),
            ..Fill::default()
        };
        let html = record(&f);
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;幸福里"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("class=\"blank\""));
        assert!(html.contains("size: A4"));
    }
}

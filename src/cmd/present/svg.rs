//! Charts as inline SVG for the page: bars (one figure per group) and
//! columns (series per period). No script, no font file, no network: the
//! page reads and prints as it is. Text is escaped by `esc`, which the page
//! uses for its own text too.

use std::fmt::Write;

use super::shown;

pub const BLUE: &str = "#3b6ea8";
pub const ORANGE: &str = "#e08a2c";
pub const RED: &str = "#c0392b";

const WIDTH: f64 = 680.0;

/// Text for HTML: shown (controls visible, bidi named), then escaped.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in shown(s).chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Horizontal bars, one a group: its label, its bar, its value.
pub fn bars(title: &str, items: &[(String, f64)], shown: fn(f64) -> String, color: &str) -> String {
    let row = 22.0;
    let (label_w, value_w) = (200.0, 70.0);
    let height = 34.0 + row * items.len() as f64 + 8.0;
    let max = items.iter().map(|i| i.1).fold(0.0, f64::max);
    let span = WIDTH - label_w - value_w - 10.0;
    let mut s = open(title, height);
    for (i, (label, v)) in items.iter().enumerate() {
        let y = 34.0 + row * i as f64;
        let w = if max > 0.0 { v / max * span } else { 0.0 };
        let _ = write!(
            s,
            r#"<text x="{lx}" y="{ty}" text-anchor="end" class="lab">{label}</text><rect x="{label_w}" y="{y}" width="{w:.1}" height="{h}" fill="{color}"/><text x="{vx:.1}" y="{ty}" class="val">{value}</text>"#,
            lx = label_w - 6.0,
            ty = y + 14.0,
            label = esc(&clip(label, 14)),
            h = row - 6.0,
            vx = label_w + w + 4.0,
            value = esc(&shown(*v)),
        );
    }
    s.push_str("</svg>");
    s
}

/// Columns per category, side by side for each series, with a legend.
pub fn columns(title: &str, categories: &[String], series: &[(String, Vec<f64>, &str)]) -> String {
    let height = 280.0;
    let (left, top, bottom) = (48.0, 44.0, 48.0);
    let plot_h = height - top - bottom;
    let plot_w = WIDTH - left - 10.0;
    let max = nice(
        series
            .iter()
            .flat_map(|(_, v, _)| v.iter().copied())
            .fold(0.0, f64::max),
    );
    let n = categories.len().max(1) as f64;
    let slot = plot_w / n;
    let bar = (slot * 0.8 / series.len().max(1) as f64).max(0.5);
    let mut s = open(title, height);
    // The scale: 0, half and the top, with light rules.
    for k in 0..=2 {
        let v = max * k as f64 / 2.0;
        let y = top + plot_h - v / max * plot_h;
        let _ = write!(
            s,
            r##"<line x1="{left}" x2="{x2}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{tx}" y="{ty:.1}" text-anchor="end" class="val">{v:.0}</text>"##,
            x2 = left + plot_w,
            tx = left - 4.0,
            ty = y + 4.0,
        );
    }
    for (j, (_, values, color)) in series.iter().enumerate() {
        for (i, v) in values.iter().enumerate() {
            let h = v / max * plot_h;
            let x = left + slot * i as f64 + slot * 0.1 + bar * j as f64;
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{bar:.1}" height="{h:.1}" fill="{color}"/>"#,
                y = top + plot_h - h,
            );
        }
    }
    // At most about twelve category labels, evenly spaced.
    let every = categories.len().div_ceil(12).max(1);
    for (i, c) in categories.iter().enumerate().step_by(every) {
        let x = left + slot * (i as f64 + 0.5);
        let _ = write!(
            s,
            r#"<text x="{x:.1}" y="{y}" text-anchor="middle" class="lab">{c}</text>"#,
            y = top + plot_h + 16.0,
            c = esc(c),
        );
    }
    for (j, (name, _, color)) in series.iter().enumerate() {
        let x = left + 110.0 * j as f64;
        let y = height - 12.0;
        let _ = write!(
            s,
            r#"<rect x="{x}" y="{ry}" width="12" height="12" fill="{color}"/><text x="{tx}" y="{y}" class="lab">{name}</text>"#,
            ry = y - 10.0,
            tx = x + 16.0,
            name = esc(name),
        );
    }
    s.push_str("</svg>");
    s
}

fn open(title: &str, height: f64) -> String {
    format!(
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-label="{t}"><text x="8" y="20" class="ttl">{t}</text>"#,
        t = esc(title)
    )
}

/// The top of a scale: the smallest of 2, 4, 10, 20, 40, 100… (×10ⁿ)
/// not below `max`, so that its half is a round number too.
fn nice(max: f64) -> f64 {
    let mut step = 1.0;
    loop {
        for m in [2.0, 4.0, 10.0] {
            if m * step >= max {
                return m * step;
            }
        }
        step *= 10.0;
    }
}

/// At most `n` characters, `…` for the rest.
fn clip(s: &str, n: usize) -> String {
    crate::text::clip(s, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_escape_their_text_and_draw_one_mark_per_value() {
        let b = bars(
            "<x>",
            &[("a&b".into(), 2.0), ("c".into(), 1.0)],
            |v| v.to_string(),
            BLUE,
        );
        assert!(b.contains("&lt;x&gt;") && b.contains("a&amp;b"));
        assert_eq!(b.matches("<rect").count(), 2);
        let c = columns(
            "t",
            &["2026-10".into(), "2026-11".into()],
            &[
                ("new".into(), vec![3.0, 0.0], BLUE),
                ("closed".into(), vec![1.0, 2.0], ORANGE),
            ],
        );
        assert_eq!(
            c.matches("<rect").count(),
            4 + 2,
            "bars and the legend's keys"
        );
        assert_eq!(
            (nice(0.0), nice(3.0), nice(5.0), nice(2632.0)),
            (2.0, 4.0, 10.0, 4000.0)
        );
    }
}

//! Tables for people at a terminal: as wide as the terminal, with ids,
//! dates, statuses and codes whole, long free text cut with `…` (or
//! wrapped, where a command wants all of it), numbers right-aligned and an
//! empty result said in one line. Widths are display columns (a Chinese
//! character takes two), as the terminal draws them.

use std::cmp::Reverse;
use std::io::{self, IsTerminal, Write};

use comfy_table::{
    CellAlignment, ColumnConstraint, ContentArrangement, ContentLineStyle, LineStyle, Table,
    TableStyle, Width, presets,
};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Grid, Style, visible};

/// The width when `COLUMNS` is unset and output is not a terminal (a file,
/// a pipe, a test): wide enough for `list` with some summary, narrow
/// enough for a printed page.
pub const DEFAULT_WIDTH: usize = 100;

/// A column whose every cell is at most this wide holds tokens (ids,
/// dates, times, statuses such as `not graded: dismissed`, codes, numbers,
/// short labels): it is never broken. A column with anything wider is
/// free text.
const TOKEN_MAX: usize = 24;

/// Free text is not narrowed below this (or below its header).
const TEXT_MIN: usize = 6;

/// When free text would be narrower than this in a bordered table, the
/// table drops its borders and padding instead (three columns a column).
const TEXT_COMFORT: usize = 12;

/// The width tables are laid out for: `COLUMNS` when set (what the shell
/// says, and what tests set), else the terminal's width when stdout is
/// one, else [`DEFAULT_WIDTH`].
pub fn width() -> usize {
    let set = std::env::var("COLUMNS").ok();
    if let Some(n) = set.and_then(|v| v.trim().parse::<usize>().ok())
        && n > 0
    {
        return n;
    }
    let out = io::stdout();
    if out.is_terminal()
        && let Some((w, _)) = terminal_size::terminal_size_of(&out)
    {
        return usize::from(w.0);
    }
    DEFAULT_WIDTH
}

/// A table at the width of the terminal ([`width`]).
pub fn table(out: &mut dyn Write, grid: &Grid, style: Style) -> io::Result<()> {
    table_at(out, grid, style, width())
}

/// How a column gives way when the table is too wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fit {
    /// Tokens: the column keeps its full width.
    Whole,
    /// Free text the command marked with [`Grid::cut`]: one line, cut
    /// with `…` (the full text is in `show`, CSV and JSON).
    Cut,
    /// Other free text: wrapped over lines, nothing lost.
    Wrap,
}

#[derive(Clone, Copy, Debug)]
struct Col {
    fit: Fit,
    /// The width of its widest line, header included.
    natural: usize,
    /// The narrowest it may become.
    min: usize,
    /// Its part of the room when free text must give (see [`Grid::cut`]).
    share: usize,
}

/// A table laid out for `width` display columns: when even the compact
/// style cannot fit the whole columns, the table is wider than asked
/// rather than break an id.
pub fn table_at(out: &mut dyn Write, grid: &Grid, style: Style, width: usize) -> io::Result<()> {
    if grid.rows.is_empty() {
        return writeln!(out, "{}", super::none_word(&grid.headers));
    }
    let rows: Vec<Vec<String>> = grid
        .rows
        .iter()
        .map(|r| r.iter().map(|c| visible(c).into_owned()).collect())
        .collect();
    let cols = columns(grid, &rows);
    let (compact, widths) = plan(&cols, width);
    let mut t = Table::new();
    t.load_style(table_style(style.ascii, compact));
    t.set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(&grid.headers);
    for r in &rows {
        t.add_row(r.iter().enumerate().map(|(i, c)| match cols.get(i) {
            Some(col) if col.fit == Fit::Cut => cut(c, widths[i]),
            _ => c.clone(),
        }));
    }
    for (i, column) in t.column_iter_mut().enumerate() {
        if compact {
            column.set_padding((0, 0));
        }
        // comfy-table's fixed width counts the padding in.
        let w = widths[i] + usize::from(column.padding_width());
        let w = u16::try_from(w).unwrap_or(u16::MAX);
        column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w)));
        if super::numeric(&grid.rows, i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "{t}")
}

/// Each column's kind and widths.
fn columns(grid: &Grid, rows: &[Vec<String>]) -> Vec<Col> {
    (0..grid.headers.len())
        .map(|i| {
            let header = grid.headers[i].width();
            let widest = rows
                .iter()
                .filter_map(|r| r.get(i))
                .flat_map(|c| c.lines().map(UnicodeWidthStr::width))
                .max()
                .unwrap_or(0);
            let share = grid.cut.iter().find(|c| c.0 == i).map(|c| c.1.max(1));
            let fit = if share.is_some() {
                Fit::Cut
            } else if widest <= TOKEN_MAX {
                Fit::Whole
            } else {
                Fit::Wrap
            };
            let natural = header.max(widest);
            let min = match fit {
                Fit::Whole => natural,
                _ => natural.min(header.max(TEXT_MIN)),
            };
            Col {
                fit,
                natural,
                min,
                share: share.unwrap_or(1),
            }
        })
        .collect()
}

/// Bordered or compact, and each column's width. Bordered costs three
/// display columns a column (padding and a line) and one more; compact
/// costs one between columns.
fn plan(cols: &[Col], width: usize) -> (bool, Vec<usize>) {
    let n = cols.len();
    let bordered = 3 * n + 1;
    let comfortable: usize = cols
        .iter()
        .map(|c| match c.fit {
            Fit::Whole => c.natural,
            _ => c.natural.min(c.min.max(TEXT_COMFORT)),
        })
        .sum();
    let compact = comfortable + bordered > width;
    let overhead = if compact {
        n.saturating_sub(1)
    } else {
        bordered
    };
    (compact, shrink(cols, width.saturating_sub(overhead)))
}

/// Natural widths, the widest free-text column (for its share) narrowed
/// first until the columns fit `budget` (or none can give more).
fn shrink(cols: &[Col], budget: usize) -> Vec<usize> {
    let mut w: Vec<usize> = cols.iter().map(|c| c.natural).collect();
    let mut total: usize = w.iter().sum();
    while total > budget {
        let widest = (0..cols.len())
            .filter(|&i| cols[i].fit != Fit::Whole && w[i] > cols[i].min)
            .max_by_key(|&i| (w[i] * 64 / cols[i].share, Reverse(i)));
        let Some(i) = widest else { break };
        w[i] -= 1;
        total -= 1;
    }
    w
}

/// Text on one line of at most `w` display columns, cut with `…`.
pub fn cut(s: &str, w: usize) -> String {
    let line = s.replace(['\r', '\n'], " ");
    if line.width() <= w {
        return line;
    }
    let mut kept = String::new();
    let mut used = 0;
    for ch in line.chars() {
        let cw = ch.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        kept.push(ch);
        used += cw;
    }
    kept.push('…');
    kept
}

/// The bordered style the house always drew, or a compact one for narrow
/// terminals: no outer borders, no padding, one line between columns.
fn table_style(ascii: bool, compact: bool) -> TableStyle {
    match (ascii, compact) {
        (false, false) => presets::UTF8_FULL_CONDENSED,
        (true, false) => presets::ASCII_FULL_CONDENSED,
        (false, true) => TableStyle::new()
            .header_lines(ContentLineStyle::none().junction('│'))
            .header_separator(LineStyle::none().fill('─').junction('┼'))
            .content_lines(ContentLineStyle::none().junction('│')),
        (true, true) => TableStyle::new()
            .header_lines(ContentLineStyle::none().junction('|'))
            .header_separator(LineStyle::none().fill('-').junction('+'))
            .content_lines(ContentLineStyle::none().junction('|')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(grid: &Grid, width: usize) -> String {
        let mut buf = Vec::new();
        table_at(&mut buf, grid, Style::default(), width).unwrap();
        String::from_utf8(buf).unwrap()
    }

    fn cases() -> Grid {
        let mut g = Grid::new(["编号", "状态", "小区", "问题摘要"]).cut(&[(2, 1), (3, 1)]);
        for i in 1..=3 {
            g.push(vec![
                format!("S01-2026-000{i}"),
                "已转办".into(),
                "幸福里小区三期东区".into(),
                "楼道堆放杂物长期无人清理，业主多次反映物业公司不予处理".repeat(i),
            ]);
        }
        g
    }

    #[test]
    fn cut_counts_display_columns_and_marks_the_cut() {
        assert_eq!(cut("幸福里小区", 10), "幸福里小区");
        assert_eq!(cut("幸福里小区", 9), "幸福里小…");
        assert_eq!(cut("幸福里小区", 8), "幸福里…");
        assert_eq!(cut("abc\ndef", 20), "abc def");
    }

    #[test]
    fn a_table_fits_its_width_and_keeps_ids_whole() {
        // Bordered from 56 columns on; compact below.
        for width in [44, 60, 80, 100, 120] {
            let out = render(&cases(), width);
            for line in out.lines() {
                assert!(line.width() <= width, "{width}: {line:?} in\n{out}");
            }
            for i in 1..=3 {
                assert!(out.contains(&format!("S01-2026-000{i}")), "{out}");
            }
            // One line a row: cut, not wrapped.
            assert_eq!(out.lines().count(), 3 + if width < 56 { 2 } else { 4 });
        }
    }

    #[test]
    fn a_table_that_fits_is_drawn_as_before() {
        let mut g = Grid::new(["代码", "数量"]);
        g.push(vec!["WY-06".into(), "12".into()]);
        let out = render(&g, 100);
        assert!(out.starts_with('┌'), "{out}");
        assert!(out.contains("│ WY-06 ┆   12 │"), "{out}");
    }

    #[test]
    fn free_text_not_marked_for_cutting_wraps_whole() {
        let mut g = Grid::new(["项目", "内容"]);
        let long = "业主反映".repeat(20);
        g.push(vec!["详情".into(), long.clone()]);
        let out = render(&g, 50);
        assert!(out.lines().all(|l| l.width() <= 50), "{out}");
        assert_eq!(out.matches('业').count(), 20, "{out}");
    }

    #[test]
    fn an_empty_table_is_one_line_in_its_language() {
        assert_eq!(render(&Grid::new(["编号", "状态"]), 80), "无\n");
        assert_eq!(render(&Grid::new(["id", "status"]), 80), "none\n");
    }
}

//! Text as the tool reads and quotes it: what a Chinese input method types
//! read as ASCII, and values cut to one line of a bounded length, so a
//! value from a hostile file cannot flood a message.

use unicode_normalization::UnicodeNormalization;

/// Cuts text to one line of `n` characters, for a table cell or a message
/// (the full text stays in the ledger and in CSV/JSON).
pub fn clip(s: &str, n: usize) -> String {
    let one_line = s.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let mut t: String = one_line.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Typed text as the domain's parsers read it: NFKC (a Chinese input method's
/// full-width `Ｓ０１`, `－`, `：` become `S01`, `-`, `:`), every run of
/// dash-like marks it may type instead of `-` (`—`, `——`, `–`, `−`) one
/// `-`, trimmed. Only codes, ids, dates and numbers go through this: free
/// text (summaries, names) is kept as entered.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_dash = false;
    for c in s.nfkc() {
        let dash = matches!(
            c,
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2E3A}' | '\u{2E3B}'
        );
        if dash && !in_dash {
            out.push('-');
        } else if !dash {
            out.push(c);
        }
        in_dash = dash;
    }
    out.trim().to_string()
}

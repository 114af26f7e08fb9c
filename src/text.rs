//! Text as messages and cells quote it: cut to one line of a bounded
//! length, so a value from a hostile file cannot flood a message.

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

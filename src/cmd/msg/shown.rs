//! How a value appears inside a sentence or a field: a stored time, a
//! file's column names. A leaf: the language files and the commands use it,
//! and it uses nothing of either, so the messages never reach back up into
//! the command layer for a helper.

/// A stored RFC 3339 time shown as `YYYY-MM-DD HH:MM`.
pub fn short_time(t: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(t) {
        Ok(d) => d.format("%Y-%m-%d %H:%M").to_string(),
        Err(_) => t.to_string(),
    }
}

/// A file's column names as a message lists them: each cut to 40
/// characters, at most 30 of them (a hostile or broken file may have a
/// 200 MB header row).
pub(crate) fn columns(headers: &[String], sep: &str) -> String {
    let mut shown: Vec<String> = headers
        .iter()
        .take(30)
        .map(|h| crate::text::clip(h, 40))
        .collect();
    if headers.len() > 30 {
        shown.push(format!("… (+{})", headers.len() - 30));
    }
    shown.join(sep)
}

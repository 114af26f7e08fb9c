//! What a row is about: whether it concerns property management (the
//! `--only-property` rule), which catalogue problem type it clearly
//! matches (a suggestion for a clerk to confirm), and the text clean-up
//! those rest on. The community a text names is `community.rs`.
//!
//! Everything here is a keyword rule on Chinese text, kept in tables
//! (`keywords`) so a clerk's "why was this kept?" has an answer that can be
//! read. A row has a
//! *title* (the summary column, whole) and a *body* (the details columns and
//! the source's own category).
//!
//! # The property rule (`--only-property`)
//!
//! | test | words | kept when |
//! |------|-------|-----------|
//! | 1. property words | 物业 物管 业委会 业主委员会 业主大会 维修基金 维修资金 前期物业 承接查验 | one is in the title or the body |
//! | 2. a residence and a typical problem | residence: 小区 业主 楼盘 楼栋 单元楼 住户 居民楼 宿舍楼 家属区 公寓; problem: `keywords::TYPICAL` (电梯 停水 违建 楼道 车位 漏水 垃圾 绿地 门禁 开发商 …) | a residence word is in the title or the body **and** a typical problem is in the title |
//!
//! Test 2 looks for the problem in the title only: a message body mentions
//! a 小区 and some 垃圾 or 车位 in passing far more often than it is about
//! them. On the 4,326 messages of the public message-board data (PRODUCT.md
//! §9) the rule keeps 813 (test 1: 558, test 2: 255); see the figures in
//! the intake tests.
//!
//! # Problem suggestion
//!
//! `suggest.rs` has the rule and its table.

use super::keywords::{PROPERTY_WORDS, RESIDENCE, TYPICAL};

fn any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// Why the property rule keeps a row, or `None` when it does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Property {
    /// Test 1: a property word.
    Word,
    /// Test 2: a residence and a typical problem in the title.
    ResidenceProblem,
}

/// The property rule (module table).
pub fn property(title: &str, body: &str) -> Option<Property> {
    if any(title, PROPERTY_WORDS) || any(body, PROPERTY_WORDS) {
        return Some(Property::Word);
    }
    if (any(title, RESIDENCE) || any(body, RESIDENCE)) && any(title, TYPICAL) {
        return Some(Property::ResidenceProblem);
    }
    None
}

/// The problem type a row clearly matches (`suggest.rs`).
pub fn suggest(title: &str, body: &str) -> Option<&'static str> {
    super::suggest::suggest(title, body)
}

/// Text as exports hold it, tidied: surrounding whitespace trimmed (the
/// message-board bodies start with scraped tabs and line breaks), runs of
/// whitespace inside made one space, or one line break where they held one.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<char> = None;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            let nl = c == '\n' || c == '\r';
            pending = match pending {
                Some('\n') => Some('\n'),
                _ if nl => Some('\n'),
                _ => Some(' '),
            };
        } else {
            if let Some(p) = pending.take() {
                out.push(p);
            }
            out.push(c);
        }
    }
    out
}

/// Longest summary kept, in characters (a line of the `list` table).
pub const SUMMARY_MAX: usize = 60;

/// A summary of at most [`SUMMARY_MAX`] characters: the first sentence if
/// it fits (and is not a mere greeting), else the text cut with `…`.
/// Returns the text unchanged when it fits; `true` when it was cut.
pub fn summary(text: &str) -> (String, bool) {
    // A short text is the summary whole, on one line.
    if text.chars().count() <= SUMMARY_MAX {
        return (text.replace('\n', " "), false);
    }
    let chars: Vec<char> = text.chars().collect();
    let window = &chars[..chars.len().min(SUMMARY_MAX)];
    // The end of the first sentence of at least 10 characters.
    if let Some(end) = window
        .iter()
        .enumerate()
        .skip(10)
        .find(|(_, c)| "。！？；!?;\n".contains(**c))
        .map(|(i, _)| i)
    {
        let s: String = window[..end].iter().collect();
        return (s.trim().to_string(), true);
    }
    let mut s: String = window[..window.len().min(SUMMARY_MAX - 1)]
        .iter()
        .map(|c| if *c == '\n' { ' ' } else { *c })
        .collect::<String>()
        .trim_end()
        .to_string();
    s.push('…');
    (s, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_property_rule() {
        assert_eq!(property("物业以欠费为由停水", ""), Some(Property::Word));
        assert_eq!(property("停水三天", "找了物业也不管"), Some(Property::Word));
        assert_eq!(
            property("小区电梯坏了半年", ""),
            Some(Property::ResidenceProblem)
        );
        // A residence in the body and the problem only in the body: no.
        assert_eq!(property("咨询购房资格", "我们小区门口有垃圾"), None);
        assert_eq!(property("咨询A6区道路命名规划", "公示文件"), None);
    }

    #[test]
    fn scraped_whitespace_is_tidied() {
        assert_eq!(
            clean("\n\t\t\t\n\t\t座落在 A市\t\tA3区\n\n 联丰路 "),
            "座落在 A市 A3区\n联丰路"
        );
        assert_eq!(clean("  "), "");
    }

    #[test]
    fn long_texts_are_cut_at_a_sentence() {
        let (s, cut) = summary("物业以欠费为由停水");
        assert_eq!((s.as_str(), cut), ("物业以欠费为由停水", false));
        let long = format!(
            "物业以欠费为由已经停水三天了。{}",
            "住户生活十分不便".repeat(10)
        );
        let (s, cut) = summary(&long);
        assert_eq!((s.as_str(), cut), ("物业以欠费为由已经停水三天了", true));
        let (s, cut) = summary(&"停水".repeat(40));
        assert!(cut);
        assert_eq!(s.chars().count(), SUMMARY_MAX);
        assert!(s.ends_with('…'));
    }
}

//! The messages a person reads when a command fails: the one place where
//! errors become sentences. The core and the feature modules return errors
//! as kinds carrying facts (`ledger::Error`, `credit::Error`, …); this module
//! picks the language's files (`zh/`, `en/`) and says them. Adding a
//! language is adding a folder beside them and an arm here.

pub mod en;
pub mod text;
pub mod zh;

pub use text::Text;

use crate::domain::Lang;

/// A failure whose message was already printed: exit 1 without another line.
#[derive(Debug)]
pub struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("failed")
    }
}

impl std::error::Error for Reported {}

/// The one-sentence message for a failed command, in `lang`.
pub fn describe(e: &anyhow::Error, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh::describe(e),
        Lang::En => en::describe(e),
    }
}

/// A phrase a command prints beside its data, in `lang`.
pub fn text(t: Text, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => zh::text::text(t),
        Lang::En => en::text::text(t),
    }
}

/// The sentence for one of the core's errors, in `lang`.
pub fn say(e: &crate::ledger::Error, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh::ledger::say(e),
        Lang::En => en::ledger::say(e),
    }
}

/// What bulk intake says beside its results, in the user's language.
pub mod intake {
    use super::{en, zh};
    use crate::domain::Lang;
    use crate::intake::error::{Error, Reason, Unit};

    /// A row turned away, located (for the summary and the rejects file).
    pub fn reject(lang: Lang, u: Unit, at: u64, why: &Reason) -> String {
        match lang {
            Lang::Zh => zh::intake::reject(u, at, why),
            Lang::En => en::intake::reject(u, at, why),
        }
    }

    /// An intake error, said.
    pub fn say(lang: Lang, e: &Error) -> String {
        match lang {
            Lang::Zh => zh::intake::say(e),
            Lang::En => en::intake::say(e),
        }
    }
}

/// A command-line value its parser refused, for `arg` (`--status <S>`), in
/// `lang`.
pub fn invalid(arg: String, e: &crate::invalid::Invalid, lang: Lang) -> String {
    match lang {
        Lang::Zh if arg.is_empty() => zh::invalid::say(e),
        Lang::Zh => format!("{arg} 的值有误：{}", zh::invalid::say(e)),
        Lang::En => format!(
            "invalid value '{}' for '{arg}': {}",
            e.value,
            en::invalid::say(e)
        ),
    }
}

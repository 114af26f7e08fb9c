//! The messages a person reads when a command fails: the one place where
//! errors become sentences. The core and the feature modules return errors
//! as kinds carrying facts (`ledger::Error`, `credit::Error`, …); this module
//! picks the language's files (`zh/`, `en/`) and says them. Adding a
//! language is adding a folder beside them and an arm here.

pub mod campaign;
pub mod en;
pub mod loop_text;
pub mod shown;
pub mod sweep;
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

/// One language's sentences, one function per area: the files of `en/`
/// or `zh/`. The order errors are looked for in is written once, in `say`.
struct Words {
    sqlite: fn(&rusqlite::Error) -> String,
    cmd: fn(&crate::cmd::error::Error) -> String,
    ledger: fn(&crate::ledger::Error) -> String,
    credit: fn(&crate::credit::Error) -> String,
    intake: fn(&crate::intake::Error) -> String,
    args: fn(&crate::cmd::args::Error) -> String,
    list: fn(&crate::cmd::error::Filter) -> String,
    /// The phrases commands print beside their data.
    text: fn(Text) -> &'static str,
    /// Between a context and what it says of.
    joiner: &'static str,
}

const EN: Words = Words {
    sqlite: en::sqlite,
    cmd: en::cmd::say,
    ledger: en::ledger::say,
    credit: en::credit::say,
    intake: en::intake::say,
    args: en::args::say,
    list: en::list::say,
    text: en::text::text,
    joiner: ": ",
};

const ZH: Words = Words {
    sqlite: zh::sqlite,
    cmd: zh::cmd::say,
    ledger: zh::ledger::say,
    credit: zh::credit::say,
    intake: zh::intake::say,
    args: zh::args::say,
    list: zh::list::say,
    text: zh::text::text,
    joiner: "：",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl Words {
    /// The sentence for one typed error, or `None` for an error of a type
    /// no language file knows (its `Display` is used).
    fn say(&self, e: &(dyn std::error::Error + 'static)) -> Option<String> {
        if let Some(r) = e.downcast_ref::<rusqlite::Error>() {
            return Some((self.sqlite)(r));
        }
        if let Some(e) = e.downcast_ref::<crate::cmd::error::Error>() {
            return Some((self.cmd)(e));
        }
        if let Some(e) = e.downcast_ref::<crate::ledger::Error>() {
            return Some((self.ledger)(e));
        }
        if let Some(e) = e.downcast_ref::<crate::credit::Error>() {
            return Some((self.credit)(e));
        }
        if let Some(e) = e.downcast_ref::<crate::intake::Error>() {
            return Some((self.intake)(e));
        }
        if let Some(e) = e.downcast_ref::<crate::cmd::args::Error>() {
            return Some((self.args)(e));
        }
        if let Some(e) = e.downcast_ref::<crate::cmd::error::Filter>() {
            return Some((self.list)(e));
        }
        None
    }
}

/// The one-sentence message for a failed command, in `lang`: the contexts
/// the command layer added, outermost first, then the sentence for the
/// typed error at the bottom.
pub fn describe(e: &anyhow::Error, lang: Lang) -> String {
    let w = words(lang);
    let mut parts = Vec::new();
    for link in e.chain() {
        if let Some(said) = w.say(link) {
            parts.push(said);
            break;
        }
        parts.push(link.to_string());
    }
    // A sentence may quote a file's text (an office's name from an
    // exchange file, a column name): it must not drive the terminal.
    crate::render::visible(&parts.join(w.joiner)).into_owned()
}

/// A phrase a command prints beside its data, in `lang`.
pub fn text(t: Text, lang: Lang) -> &'static str {
    (words(lang).text)(t)
}

/// The sentence for one of the core's errors, in `lang`.
pub fn say(e: &crate::ledger::Error, lang: Lang) -> String {
    crate::render::visible(&(words(lang).ledger)(e)).into_owned()
}

/// What bulk intake says beside its results, in the user's language.
pub mod intake {
    use super::{en, zh};
    use crate::domain::Lang;
    use crate::intake::error::{Error, Reason, Unit};

    /// A row turned away, located (for the summary and the rejects file).
    pub fn reject(lang: Lang, u: Unit, at: u64, why: &Reason) -> String {
        let said = match lang {
            Lang::Zh => zh::intake::reject(u, at, why),
            Lang::En => en::intake::reject(u, at, why),
        };
        crate::render::visible(&said).into_owned()
    }

    /// What was read of a file and the mapping used.
    pub fn described(lang: Lang, d: &crate::intake::Described) -> String {
        let said = match lang {
            Lang::Zh => zh::intake::described(d),
            Lang::En => en::intake::described(d),
        };
        crate::render::visible(&said).into_owned()
    }

    /// An intake error, said.
    pub fn say(lang: Lang, e: &Error) -> String {
        let said = match lang {
            Lang::Zh => zh::intake::say(e),
            Lang::En => en::intake::say(e),
        };
        crate::render::visible(&said).into_owned()
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

/// The labels and lines of the workbook and the page (`cmd::present`),
/// by the JSON key they stand for.
pub mod present {
    use super::{en, zh};
    use crate::domain::Lang;

    pub fn label(lang: Lang, key: &str) -> Option<&'static str> {
        match lang {
            Lang::Zh => zh::present::label(key),
            Lang::En => en::present::label(key),
        }
    }

    /// The line under a list cut short: how many more, and the command
    /// that lists them all.
    pub fn more(lang: Lang, n: usize, command: &str) -> String {
        match lang {
            Lang::Zh => zh::present::more(n, command),
            Lang::En => en::present::more(n, command),
        }
    }
}

//! The command line: global flags, the context every command runs in, and
//! the output options listing commands share.

use std::io::Write;
use std::path::PathBuf;

use clap::Parser;

use crate::cmd::Command;
use crate::domain::Lang;
use crate::ledger::{Ledger, Stamp};
use crate::render::{Format, Style};

/// 物业管理整治台账 — the property-management rectification case ledger.
///
/// Street offices register complaints, forward them to the responsible
/// units and close them out; the district merges the offices' nightly
/// exports and reports to the leadership group.
#[derive(Debug, Parser)]
#[command(name = "ledger", version, max_term_width = 100)]
#[command(
    after_help = "Example:\n  ledger init --office S07 --name 建设路街道\n  ledger add --community 幸福里小区 --summary '物业以欠费为由停水' --problem WY-06\n\nEnvironment: LEDGER_DB (the file), LEDGER_NOW (fix \"now\", e.g. 2026-11-26), LEDGER_USER (who is typing)."
)]
pub struct Cli {
    /// The ledger file.
    #[arg(
        long,
        global = true,
        env = "LEDGER_DB",
        default_value = "ledger.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,
    /// Language of labels and headers: zh (中文) or en.
    #[arg(long, global = true, default_value = "zh", value_name = "zh|en")]
    pub lang: Lang,
    /// Draw tables with plain ASCII (for old Windows consoles).
    #[arg(long, global = true)]
    pub ascii: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// The output format option shared by listing commands.
#[derive(Debug, Clone, clap::Args)]
pub struct FormatArg {
    /// Output format: table, csv or json.
    #[arg(long, default_value = "table", value_name = "table|csv|json")]
    pub format: Format,
}

/// What a command runs with: where the file is, how to print, what time it
/// is and who is typing, and where output goes.
pub struct Ctx<'a> {
    pub db: PathBuf,
    pub lang: Lang,
    pub style: Style,
    pub stamp: Stamp,
    /// Data.
    pub out: &'a mut dyn Write,
    /// Messages.
    pub err: &'a mut dyn Write,
}

impl Ctx<'_> {
    pub fn open(&self) -> crate::ledger::Result<Ledger> {
        Ledger::open(&self.db)
    }

    /// Today's date, `YYYY-MM-DD`, in the clock's zone.
    pub fn today(&self) -> String {
        self.stamp.today()
    }

    /// Picks the Chinese or English text.
    pub fn t<'s>(&self, zh: &'s str, en: &'s str) -> &'s str {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

//! The command line as clap parses it: the global flags and the command.
//! What commands run with (`Ctx`) is the command layer's (`cmd::ctx`).

use std::path::PathBuf;

use clap::Parser;

use crate::cmd::Command;
use crate::domain::Lang;

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
    #[arg(long, global = true, default_value = "zh", value_name = "zh|en", value_parser = crate::cmd::completions::langs(), hide_possible_values = true)]
    pub lang: Lang,
    /// Draw tables with plain ASCII (for old Windows consoles).
    #[arg(long, global = true)]
    pub ascii: bool,
    #[command(subcommand)]
    pub command: Command,
}

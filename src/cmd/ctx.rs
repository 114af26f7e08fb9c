//! What every command runs with (the file, the language, the clock, where
//! output goes) and the output option listing commands share. It lives in
//! the command layer so that commands need nothing from the parser above.

use std::io::Write;
use std::path::PathBuf;

use crate::cmd::msg::Text;
use crate::domain::Lang;
use crate::ledger::{Ledger, Stamp};
use crate::render::{Format, Style};

/// The output format option shared by listing commands.
#[derive(Debug, Clone, clap::Args)]
pub struct FormatArg {
    /// Output format: table, csv or json.
    #[arg(long, default_value = "table", value_name = "table|csv|json", value_parser = crate::cmd::offered::formats(&["table", "csv", "json"]), hide_possible_values = true)]
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

    /// The phrase in the user's language.
    pub fn text(&self, t: Text) -> &'static str {
        crate::cmd::msg::text(t, self.lang)
    }
}
